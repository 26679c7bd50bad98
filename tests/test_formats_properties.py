"""Property tests: random documents from a small grammar rebuild byte for byte and keep codes whole."""

from __future__ import annotations

from helpers import assert_renders_back
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.formats import html as html_format
from l10n.formats import markdown
from l10n.formats.base import codes_problems, render
from l10n.formats.source import FormatOptions

WORDS = st.sampled_from(["alpha", "Beta", "gamma.", "Delta?", "e.g.", "café", "&amp;", "&#169;", "\\*", "x_y", "3.5", "U.S.", "“quoted”", "—"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def md_inline(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(WORDS)
        wrap = draw(st.sampled_from(["", "", "**", "*", "_", "`", "~~", "link", "img", "html", "br"]))
        if wrap == "link":
            word = f"[{word}](http://e.com/{len(pieces)} \"Title {word}\")"
        elif wrap == "img":
            word = f"![{word} pic](p.png)"
        elif wrap == "html":
            word = f"<b>{word}</b>"
        elif wrap == "br":
            word = word + "<br>"
        elif wrap:
            word = f"{wrap}{word}{wrap}"
        pieces.append(word)
    return draw(st.sampled_from([" ", "  ", "\t"])).join(pieces)


@st.composite
def md_document(draw) -> str:
    nl = draw(NEWLINES)
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["para", "heading", "list", "quote", "fence", "table", "html", "setext"]))
        text = draw(md_inline())
        if kind == "heading":
            blocks.append("#" * draw(st.integers(1, 3)) + " " + text)
        elif kind == "setext":
            blocks.append(text + nl + "---")
        elif kind == "list":
            blocks.append(nl.join(f"{draw(st.sampled_from(['-', '*', '1.', '  -']))} {draw(md_inline())}" for _ in range(draw(st.integers(1, 3)))))
        elif kind == "quote":
            blocks.append("> " + text + nl + "> " + draw(md_inline()))
        elif kind == "fence":
            blocks.append("```" + nl + text + nl + "```")
        elif kind == "table":
            blocks.append(f"| {text} | b |{nl}|---|---|{nl}| {draw(md_inline())} | `c` |")
        elif kind == "html":
            blocks.append(f"<div title=\"{draw(WORDS)}\">{text}</div>")
        else:
            blocks.append(text + nl + draw(md_inline()))
    front = f"---{nl}title: {draw(WORDS)}{nl}---{nl}" if draw(st.booleans()) else ""
    return front + (nl + nl).join(blocks) + draw(st.sampled_from(["", nl]))


@st.composite
def html_document(draw) -> str:
    nl = draw(NEWLINES)
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(WORDS)
        parts.append(draw(st.sampled_from([
            f"<p>{word}", f"</p>{nl}", f"<b>{word}</b>", f"<a href='u' title=\"{word}\">{word}</a>", "<br>",
            f"<!-- {word} -->", f"<script>var a = '{word}';</script>", f"<img alt={draw(WORDS).strip('&;#')}>",
            f"<li>{word}", f"{word} {word}", "\t", f"<code>{word}</code>", "<div>", "</div>", "&nbsp;",
        ])))  # fmt: skip
    return "".join(parts)


def _check(document, source):
    assert_renders_back(document, source)
    for unit in document.units():
        assert not codes_problems(unit.text, unit.text)
    # translating every unit never breaks the document's verbatim parts
    out = render(document, lambda unit: "译" + unit.text)
    assert out.count("```") == source.count("```")


@settings(max_examples=150, deadline=None)
@given(md_document())
def test_random_markdown_round_trips(source):
    _check(markdown.read(source, "d.md", FormatOptions()), source)
    reader = markdown._Reader(source, FormatOptions())
    reader.parts()
    assert reader.skipped == []  # every block's tokens matched its source


@settings(max_examples=150, deadline=None)
@given(html_document())
def test_random_html_round_trips(source):
    document = html_format.read(source, "d.html", FormatOptions())
    _check(document, source)
    assert not any("var a" in unit.text or "-->" in unit.text for unit in document.units())

"""HTML sources: text between block boundaries, inline tags as codes, named attributes.

The document is read with the standard library's ``html.parser`` used as a
tokenizer: it reports where every tag, text run, reference and comment
starts, which is what a byte-for-byte rebuild needs (html5lib, lxml and
selectolax build trees and keep no source offsets; see README, "Documents").
No tree is built: text runs between block-level tags (anything not in
``INLINE``) are the blocks, which is also how unclosed ``<p>`` and ``<li>``
elements, legal in HTML, are read.  A comment or tag left open at the end of
the file is kept verbatim from there to the end (HTML would not show it).

Translatable: text runs, split into sentences, and the values of
``TRANSLATED_ATTRIBUTES`` on any tag.  Verbatim: ``SKIPPED`` elements
(script, style, pre, code...), comments, declarations, other attributes.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from html.parser import HTMLParser

from l10n.formats.base import Document, Part, merge_strings
from l10n.formats.inline import CodeKind, Context, Item, text_items
from l10n.formats.source import FormatOptions, line_table

TRANSLATED_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label"})
INLINE = frozenset(
    """a abbr b bdi bdo br cite code data del dfn em font i img ins kbd mark q s samp small span
    strong sub sup time u var wbr label""".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose content is never translated; the inline ones become one code.
SKIPPED = frozenset("script style pre textarea svg math template code kbd samp var".split())

_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'>/=]+)
        (?:\s*=\s*(?: "(?P<dq>[^"]*)" | '(?P<sq>[^']*)' | (?P<bare>[^\s"'=<>`]+) ))?""",
    re.VERBOSE,
)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
_OPEN_AT_END = re.compile(r"<[A-Za-z!/?]")


def read(text: str, path: str, options: FormatOptions) -> Document:
    """Return the HTML document ``text`` cut into verbatim text and units."""
    starts = [start for start, _ in line_table(text)]
    context = Context(lambda offset: bisect_right(starts, offset))
    return Document(path, "html", merge_strings(html_parts(text, 0, context)))


def tag_parts(tag: str, start: int, context: Context) -> list[Part]:
    """Return a tag's source with each translatable attribute value as a unit."""
    name = _TAG_NAME.match(tag)
    if not name or name.group(1):
        return [tag]
    parts: list[Part] = []
    last = 0
    for match in _ATTRIBUTE.finditer(tag, name.end()):
        if match.group("name").lower() not in TRANSLATED_ATTRIBUTES:
            continue
        for group, quote in (("dq", '"'), ("sq", "'"), ("bare", "")):
            value = match.group(group)
            if value is None:
                continue
            at = match.start(group)
            parts.append(tag[last:at])
            parts.append(context.attribute_unit(value, html.unescape(value), start + at, f"html-attr-{quote}"))
            last = at + len(value)
    parts.append(tag[last:])
    return list(merge_strings(parts))


def inline_tag(tag: str, start: int, context: Context) -> tuple[str, str, list[Part]]:
    """Return (code kind, name, parts) for one tag met inside a paragraph of text."""
    match = _TAG_NAME.match(tag)
    parts = tag_parts(tag, start, context)
    if not match:
        return CodeKind.ISOLATED, "", parts
    name = match.group(2).lower()
    if match.group(1):
        return CodeKind.CLOSE, name, parts
    if name in VOID or tag.rstrip().endswith("/>"):
        return CodeKind.ISOLATED, name, parts
    return CodeKind.OPEN, name, parts


class _Tokens(HTMLParser):
    """Every event of the tokenizer with the offset where it starts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.newlines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.events: list[tuple[str, int, str]] = []  # (kind, start, tag name)

    def _add(self, kind: str, name: str = "") -> None:
        line, column = self.getpos()
        self.events.append((kind, self.newlines[line - 1] + column, name))

    def handle_starttag(self, tag, attrs):  # noqa: D102 - HTMLParser callbacks
        self._add("start", tag)

    def handle_startendtag(self, tag, attrs):  # noqa: D102
        self._add("empty", tag)

    def handle_endtag(self, tag):  # noqa: D102
        self._add("end", tag)

    def handle_data(self, data):  # noqa: D102
        self._add("data")

    def handle_entityref(self, name):  # noqa: D102
        self._add("ref")

    def handle_charref(self, name):  # noqa: D102
        self._add("ref")

    def handle_comment(self, data):  # noqa: D102
        self._add("comment")

    def handle_decl(self, decl):  # noqa: D102
        self._add("decl")

    def handle_pi(self, data):  # noqa: D102
        self._add("decl")

    def unknown_decl(self, data):  # noqa: D102
        self._add("decl")


def events(text: str) -> list[tuple[str, int, int, str]]:
    """Return (kind, start, end, tag name) for every token of ``text``, covering it exactly."""
    tokens = _Tokens(text)
    tokens.feed(text)
    tokens.close()
    found = []
    merged = sorted(tokens.events, key=lambda e: e[1])
    for index, (kind, start, name) in enumerate(merged):
        end = merged[index + 1][1] if index + 1 < len(merged) else len(text)
        if end > start:
            found.append((kind, start, end, name))
    covered = found[0][1] if found else len(text)
    if covered:  # text the tokenizer did not report (never seen; kept verbatim)
        found.insert(0, ("decl", 0, covered, ""))
    for index, (kind, start, end, _) in enumerate(found):
        # html.parser hands a comment or tag still open at the end of the file back as text;
        # HTML drops or hides it, so it and everything after it stay verbatim, never translated.
        if kind == "data" and _OPEN_AT_END.match(text, start):
            return [*found[:index], ("decl", start, len(text), "")]
    return found


def html_parts(text: str, base: int, context: Context) -> list[Part]:
    """Return ``text`` (found at offset ``base`` of the whole document) as verbatim text and units."""
    out: list[Part] = []
    run: list[Item] = []

    def flush() -> None:
        if run:
            out.extend(context.block(list(run), escape="html"))
            run.clear()

    tokens = events(text)
    index = 0
    while index < len(tokens):
        kind, start, end, name = tokens[index]
        raw = text[start:end]
        at = base + start
        if kind == "start" and name in SKIPPED:
            close = _matching_end(tokens, index, name)
            body = text[end : tokens[close][2]] if close > index else text[end:]
            parts = [*tag_parts(raw, at, context), body]
            if name in INLINE:
                run.append(Item("", parts, at, CodeKind.ISOLATED, name))
            else:
                flush()
                out.extend(parts)
            index = close + 1 if close > index else len(tokens)
            continue
        if kind == "data":
            run.extend(text_items(raw, at))
        elif kind == "ref":
            run.append(Item(html.unescape(raw), [raw], at))
        elif kind == "comment":
            run.append(Item("", [raw], at, CodeKind.ISOLATED))
        elif kind in ("start", "empty", "end") and name in INLINE:
            code, tag, parts = inline_tag(raw, at, context)
            run.append(Item("", parts, at, CodeKind.ISOLATED if kind == "empty" else code, tag))
        elif kind in ("start", "empty"):
            flush()
            out.extend(tag_parts(raw, at, context))
        else:
            flush()
            out.append(raw)
        index += 1
    flush()
    return out


def _matching_end(tokens: list[tuple[str, int, int, str]], index: int, name: str) -> int:
    """Index of the end tag closing the element opened at ``index`` (-1 if none)."""
    depth = 0
    for k in range(index, len(tokens)):
        kind, _, _, tag = tokens[k]
        if tag == name and kind == "start":
            depth += 1
        elif tag == name and kind == "end":
            depth -= 1
            if depth == 0:
                return k
    return -1

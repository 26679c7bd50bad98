"""What every source format shares: translatable units, documents, rendering.

A reader turns a source file into a ``Document``: the file's text cut into
verbatim pieces (``str``) and translatable ``Unit`` values, in order, so that
joining the pieces with every unit's raw source gives the file back byte for
byte.  Inline markup inside a unit is replaced in its ``text`` (the msgid) by
paired codes in the style of Okapi and XLIFF 1.2: ``<g1>…</g1>`` for markup
that opens and closes (``**…**``, ``<a href>…</a>``) and ``<x2/>`` for markup
that stands alone (``<br>``, an image, a code span).  The real markup of each
code is kept in ``Unit.codes`` (taken from the source document again at build
time) and shown to translators in an extracted comment.

A code's markup may itself hold translatable units (a link title, image alt
text, an HTML ``title`` attribute); those are units of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Callable, Iterator, Union

if TYPE_CHECKING:
    pass

# A code in a msgid or a translation: <g1> </g1> <x2/>.
CODE_RE = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>")

Part = Union[str, "Unit"]


class UnitKind(StrEnum):
    """What a translatable unit of a document is."""

    SENTENCE = "sentence"
    TITLE = "title"  # a heading, a one-line label
    ATTRIBUTE = "attribute"  # an attribute value: alt text, a title


@dataclass(frozen=True)
class Unit:
    """One translatable segment of a document: a sentence, a heading, an attribute value."""

    text: str  # the msgid: normalised source text with inline codes
    raw: tuple[Part, ...]  # the source as written (units nested in markup included)
    codes: tuple[tuple[str, tuple[Part, ...]], ...]  # code token ("<g1>") -> its markup
    line: int  # 1-based line of the source where the unit starts
    paragraph: int = 0  # block number within the document
    position: int = 0  # sentence number within the block
    kind: UnitKind = UnitKind.SENTENCE
    escape: str = "text"  # how translated text is written back (see ``escape_text``)

    def markup(self, token: str) -> tuple[Part, ...]:
        """Return the markup of one code token of this unit."""
        return dict(self.codes)[token]


@dataclass(frozen=True)
class Document:
    """A source document cut into verbatim text and translatable units."""

    path: str  # relative to the project root, as references name it
    format: str  # "txt", "markdown", "html"
    parts: tuple[Part, ...]
    joiner: bool = False  # True for plain text: sentences of a paragraph are re-joined (see build)

    def units(self) -> list[Unit]:
        """Return every unit, nested ones included, in document order."""
        found: list[Unit] = []
        for part in self.parts:
            if isinstance(part, Unit):
                _collect(part, found)
        return found


def _collect(unit: Unit, found: list[Unit]) -> None:
    found.append(unit)
    for part in unit.raw:
        if isinstance(part, Unit):
            _collect(part, found)


def flat(parts: tuple[Part, ...] | list[Part]) -> str:
    """Return parts as source text (every unit as written)."""
    return "".join(p if isinstance(p, str) else flat(p.raw) for p in parts)


def merge_strings(parts: list[Part]) -> tuple[Part, ...]:
    """Return ``parts`` with neighbouring strings joined and empty strings dropped."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + part
                continue
        out.append(part)
    return tuple(out)


# --- codes -------------------------------------------------------------------


def code_tokens(text: str) -> list[str]:
    """Return the code tokens of ``text`` in order."""
    return [m.group(0) for m in CODE_RE.finditer(text)]


def codes_problems(source: str, target: str) -> list[str]:
    """Return what is wrong with the codes of ``target`` against ``source`` (empty: fine).

    Every code of the source must appear exactly once, no code may be added,
    and paired codes must open before they close and nest properly (they may
    move, and move together).
    """
    want = code_tokens(source)
    have = code_tokens(target)
    problems = []
    for token in dict.fromkeys(want):
        count = have.count(token)
        if count == 0:
            problems.append(f"inline code {token} of the source is missing from the translation: copy it unchanged")
        elif count > 1:
            problems.append(f"inline code {token} appears {count} times in the translation: keep it once")
    for token in dict.fromkeys(have):
        if token not in want:
            problems.append(f"the translation has inline code {token}, which the source does not have: remove it")
    if not problems:
        stack: list[str] = []
        for match in CODE_RE.finditer(target):
            if match.group(2) is None:
                continue
            if not match.group(1):
                stack.append(match.group(2))
            elif not stack or stack[-1] != match.group(2):
                problems.append(
                    f"inline code </g{match.group(2)}> closes out of order: keep each <gN>…</gN> pair "
                    "in order and nested (<g1><g2>…</g2></g1>)"
                )
                break
            else:
                stack.pop()
    return problems


# --- rendering ---------------------------------------------------------------

Lookup = Callable[[Unit], Union[str, None]]


def render(document: Document, lookup: Lookup) -> str:
    """Return the document with each unit replaced by ``lookup(unit)`` (None: the source).

    A unit whose translation equals its msgid is written exactly as the source
    had it, so a catalogue of identity translations rebuilds the file byte for
    byte.  A translation whose codes are broken (see ``codes_problems``) is
    not used: the caller's lookup should have refused it.
    """
    return "".join(render_parts(document.parts, lookup))


def render_parts(parts: tuple[Part, ...], lookup: Lookup) -> Iterator[str]:
    """Yield the text of ``parts`` with every unit rendered through ``lookup``."""
    for part in parts:
        if isinstance(part, str):
            yield part
        else:
            yield render_unit(part, lookup)


def render_unit(unit: Unit, lookup: Lookup) -> str:
    """Return one unit rendered: its translation with codes expanded, or its source."""
    target = lookup(unit)
    if target is None or target == unit.text:
        return "".join(render_parts(unit.raw, lookup))
    codes = dict(unit.codes)
    pieces = []
    last = 0
    for match in CODE_RE.finditer(target):
        pieces.append(escape_text(target[last : match.start()], unit.escape, at_start=last == 0))
        markup = codes.get(match.group(0))
        pieces.append("".join(render_parts(markup, lookup)) if markup is not None else "")
        last = match.end()
    pieces.append(escape_text(target[last:], unit.escape, at_start=last == 0))
    return "".join(pieces)


_MD_SPECIAL = re.compile(r"([\\`*\[\]<])")
_MD_CELL_SPECIAL = re.compile(r"([\\`*\[\]<|])")
# What would open a heading, a quote or a list item at the start of a line.
_MD_BLOCK_START = re.compile(r"^(\d{1,9}(?=[.)](?:\s|$)))?([#>]|[-+](?=\s|$)|(?<=\d)[.)])")


def escape_text(text: str, kind: str, at_start: bool = False) -> str:
    """Return translated text written so the format reads it back as that text.

    Kinds: ``text`` (as is), ``md`` (Markdown inline text, one line),
    ``md-cell`` (in a table cell: ``|`` escaped too), ``md-title-"`` / ``md-title-'`` /
    ``md-title-)`` (a link title in those delimiters), ``md-alt`` (image alt),
    ``html`` (text between tags), ``html-attr-"`` / ``html-attr-'`` / ``html-attr-``
    (attribute values quoted so, or unquoted), ``yaml-"`` / ``yaml-'`` / ``yaml-``
    (front-matter scalars).  ``at_start``: the text begins the unit, where a
    Markdown block marker (``#``, ``>``, ``-``, ``+``, ``1.``) would start a new
    block; it is escaped (harmless where the unit is not at a line start).
    """
    if kind == "text" or not text:
        return text
    if kind in ("md", "md-cell", "md-alt"):
        text = " ".join(text.splitlines())
        text = (_MD_CELL_SPECIAL if kind == "md-cell" else _MD_SPECIAL).sub(r"\\\1", text)
        if at_start:
            text = _MD_BLOCK_START.sub(lambda m: (m.group(1) or "") + "\\" + m.group(2), text)
        return text
    if kind.startswith("md-title-"):
        close = kind[-1]
        text = text.replace("\\", "\\\\").replace(close, "\\" + close)
        return text.replace("(", "\\(") if close == ")" else text
    if kind == "html":
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if kind.startswith("html-attr-"):
        quote = kind[len("html-attr-") :]
        text = text.replace("&", "&amp;")
        if quote:
            return text.replace(quote, "&quot;" if quote == '"' else "&#39;")
        return '"' + text.replace('"', "&quot;") + '"'
    if kind.startswith("yaml-"):
        text = " ".join(text.splitlines())
        quote = kind[len("yaml-") :]
        if quote == "'":
            return text.replace("'", "''")
        if quote == '"' or re.search(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$", text):
            escaped = text.replace("\\", "\\\\").replace('"', '\\"')
            return escaped if quote == '"' else f'"{escaped}"'
        return text
    raise ValueError(f"unknown escape kind {kind!r}")


class Unused(StrEnum):
    """Why a segment's translation is not used (the source is written in its place)."""

    MISSING = "missing"  # no entry in the catalogue
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"  # an unreviewed draft, and fuzzy ones are not included
    BROKEN_CODES = "broken-codes"  # its inline codes would break the document

"""Markdown inline tokens matched back to their source text (markdown-it-py gives no offsets).

``Aligner`` walks one block's inline tokens and its source text together:
text as written (a backslash escape or an entity reference read as the
character it stands for, kept as written), and markup as codes: emphasis,
strikethrough and links as pairs, code spans, images, autolinks, footnote
marks, hard breaks and inline HTML as codes that stand alone or pair by tag
name.  Link titles and image alt text become units of their own inside the
markup.  Anything unexpected raises ``MisAligned`` and the reader leaves the
block verbatim.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import Any

from l10n.formats.base import Part
from l10n.formats.inline import CodeKind, Item, text_items

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPAN_END = {"strong_close": "strong", "em_close": "em", "s_close": "s"}
_SPAN_OPEN = {"strong_open": "strong", "em_open": "em", "s_open": "s"}


class MisAligned(Exception):
    """The tokens of a block do not match its source text."""


class Aligner:
    """Matches one block's inline tokens to its source text, giving items."""

    def __init__(self, reader: Any, pieces: list[tuple[int, int]]) -> None:
        self.reader = reader
        self.body = reader.body
        self.pieces = pieces
        lines = [self.body[s:e] for s, e in pieces]
        self.c = "\n".join(lines)
        self.offsets = []  # offset of each content line in self.c
        at = 0
        for line in lines:
            self.offsets.append(at)
            at += len(line) + 1
        self.p = 0
        self.items: list[Item] = []

    def src(self, k: int) -> int:
        """Source offset of content offset ``k`` (a line break maps to the whole gap)."""
        i = bisect_right(self.offsets, k) - 1
        return self.pieces[i][0] + (k - self.offsets[i])

    def slice(self, a: int, b: int) -> str:
        return self.body[self.src(a) : self.src(b)]

    def align(self, children: list[Any]) -> list[Item]:
        index = 0
        while index < len(children):
            index = self._token(children, index)
        if self.c[self.p :].strip():
            raise MisAligned(self.c[self.p :])
        return self.items

    def _expect(self, text: str) -> None:
        if not self.c.startswith(text, self.p):
            raise MisAligned(text)

    def _code(self, end: int, kind: str, name: str = "", parts: list[Part] | None = None) -> None:
        start = self.src(self.p)
        self.items.append(Item("", parts if parts is not None else [self.slice(self.p, end)], start, kind, name))
        self.p = end

    def _token(self, children: list[Any], index: int) -> int:
        token = children[index]
        kind = token.type
        c = self.c
        if kind in ("text", "text_special"):
            self._text(token.content)
        elif kind == "softbreak":
            match = re.compile(r"[ \t]*\n[ \t]*").match(c, self.p)
            if not match:
                raise MisAligned("softbreak")
            self.items.append(Item(" ", [self.slice(self.p, match.end())], self.src(self.p)))
            self.p = match.end()
        elif kind == "hardbreak":
            match = re.compile(r"\\?[ \t]*\n[ \t]*").match(c, self.p)
            if not match:
                raise MisAligned("hardbreak")
            self._code(match.end(), CodeKind.ISOLATED, "br")
        elif kind == "code_inline":
            match = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)").match(c, self.p)
            if not match:
                raise MisAligned("code")
            self._code(match.end(), CodeKind.ISOLATED)
        elif kind in _SPAN_OPEN or kind in _SPAN_END:
            self._expect(token.markup)
            name = _SPAN_OPEN.get(kind) or _SPAN_END[kind]
            self._code(self.p + len(token.markup), CodeKind.OPEN if kind in _SPAN_OPEN else CodeKind.CLOSE, name)
        elif kind == "link_open" and token.markup == "autolink":
            self._expect("<")
            self._code(c.index(">", self.p) + 1, CodeKind.ISOLATED)
            while children[index].type != "link_close":
                index += 1
        elif kind == "link_open":
            self._expect("[")
            self._code(self.p + 1, CodeKind.OPEN, "link")
        elif kind == "link_close":
            self._expect("]")
            end, parts = self._tail(self.p + 1, [])
            self._code(end, CodeKind.CLOSE, "link", parts)
        elif kind == "image":
            self._image()
        elif kind == "html_inline":
            self._html(token.content)
        elif kind == "footnote_ref":
            self._expect("[^")
            self._code(c.index("]", self.p) + 1, CodeKind.ISOLATED)
        else:
            raise MisAligned(kind)
        return index + 1

    def _text(self, text: str) -> None:
        c, j = self.c, 0
        run = self.p
        while j < len(text):
            size = 0
            if c.startswith("\\", self.p) and self.p + 1 < len(c) and c[self.p + 1] == text[j]:
                size, norm = 2, text[j]  # a backslash escape
            elif c.startswith("&", self.p):
                match = _ENTITY.match(c, self.p)
                norm = html.unescape(match.group()) if match else ""
                if match and norm != match.group() and text.startswith(norm, j):
                    size = len(match.group())  # an entity or numeric character reference
            if not size:
                if self.p >= len(c) or c[self.p] != text[j]:
                    raise MisAligned(text)
                self.p += 1
                j += 1
                continue
            self._flush(run)
            self.items.append(Item(norm, [c[self.p : self.p + size]], self.src(self.p)))
            self.p += size
            j += len(norm)
            run = self.p
        self._flush(run)

    def _flush(self, run: int) -> None:
        if self.p > run:
            self.items += text_items(self.slice(run, self.p), self.src(run))

    def _tail(self, q: int, parts: list[Part]) -> tuple[int, list[Part]]:
        """Parse what follows a link's ``]``; return its end and the markup parts up to there."""
        c = self.c
        start = q - 1
        end = q
        title = None
        if c.startswith("(", q):
            end, title = _destination(c, q)
        elif c.startswith("[", q):
            end = c.index("]", q) + 1
        if title is None:
            return end, [*parts, self.slice(start, end)]
        t0, t1, delimiter = title
        unit = self.reader.attribute_unit(self.slice(t0, t1), _unescape(self.slice(t0, t1)), self.src(t0), f"md-title-{delimiter}")
        return end, [*parts, self.slice(start, t0), unit, self.slice(t1, end)]

    def _image(self) -> None:
        self._expect("![")
        c = self.c
        depth, q = 0, self.p + 2
        while q < len(c):
            if c[q] == "\\":
                q += 2
                continue
            if c[q] == "[":
                depth += 1
            elif c[q] == "]":
                if depth == 0:
                    break
                depth -= 1
            q += 1
        else:
            raise MisAligned("image")
        alt_raw = self.slice(self.p + 2, q)
        alt = self.reader.attribute_unit(alt_raw, _unescape(alt_raw), self.src(self.p + 2), "md-alt")
        end, tail = self._tail(q + 1, [])
        self._code(end, CodeKind.ISOLATED, parts=[self.slice(self.p, self.p + 2), alt, *tail])

    def _html(self, content: str) -> None:
        from l10n.formats.html import inline_tag

        self._expect(content)
        kind, name, parts = inline_tag(content, self.src(self.p), self.reader)
        self._code(self.p + len(content), kind, name, parts)


def _unescape(text: str) -> str:
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))


def _destination(c: str, q: int) -> tuple[int, tuple[int, int, str] | None]:
    """Parse ``(url "title")`` from ``c[q]``; return its end and the title's span and closing delimiter."""
    depth, i = 0, q
    title = None
    while i < len(c):
        ch = c[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "<" and depth == 1 and c[i - 1] in "( \t\n":
            i = c.index(">", i) + 1
            continue
        if ch in "\"'" and depth == 1 and c[i - 1] in " \t\n":
            close = c.index(ch, i + 1)
            while c[close - 1] == "\\":
                close = c.index(ch, close + 1)
            title = (i + 1, close, ch)
            i = close + 1
            continue
        if ch == "(":
            if depth == 1 and c[i - 1] in " \t\n":
                close = c.index(")", i + 1)
                title = (i + 1, close, ")")
                i = close + 1
                continue
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1, title
        i += 1
    raise MisAligned("link destination")

"""Markdown sources: CommonMark with GFM tables, strikethrough, footnotes and front matter.

markdown-it-py finds the blocks (with their source lines) and the inline
tokens of each paragraph, heading and table cell; it gives no character
offsets, so each block's inline tokens are matched back to the source text
(``_Aligner``): text as written (backslash escapes and entity references
read as the character they stand for), and markup as codes.  A block whose
tokens cannot be matched to its source (not seen in the test corpus) is left
verbatim rather than guessed at.

Translatable: headings, paragraphs (in lists, block quotes and footnotes
too), table cells, image alt text, inline link titles, HTML inside the
document (read as HTML), and the front-matter keys the project names.
Verbatim: code blocks and code spans, URLs, link reference definitions,
HTML comments, thematic breaks, other front-matter keys.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from l10n.formats.base import Document, Part, merge_strings
from l10n.formats.inline import Context, Item, text_items
from l10n.formats.source import FormatOptions, line_table

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ATX = re.compile(r" {0,3}#{1,6}")
_TASK = re.compile(r"\[[ xX]\][ \t]")
_SPAN_END = {"strong_close": "strong", "em_close": "em", "s_close": "s"}
_SPAN_OPEN = {"strong_open": "strong", "em_open": "em", "s_open": "s"}


@lru_cache(maxsize=1)
def parser() -> Any:
    """Return the markdown-it parser (built once, on first use)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin).use(footnote_plugin)


class MisAligned(Exception):
    """The tokens of a block do not match its source text."""


def read(text: str, path: str, options: FormatOptions) -> Document:
    """Return the Markdown document ``text`` cut into verbatim text and units."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    reader = _Reader(body, options)
    return Document(path, "markdown", merge_strings([bom, *reader.parts()]))


class _Reader(Context):
    def __init__(self, body: str, options: FormatOptions) -> None:
        self.body = body
        self.options = options
        self.lines = line_table(body)
        starts = [start for start, _ in self.lines]
        super().__init__(lambda offset: bisect_right(starts, offset))
        self.skipped: list[int] = []  # first lines of blocks left verbatim because their tokens did not match

    def parts(self) -> list[Part]:
        tokens = parser().parse(self.body)
        spans: list[tuple[int, int, list[Part]]] = []
        for index, token in enumerate(tokens):
            found = None
            if token.type == "front_matter":
                spans += self._front_matter(token)
            elif token.type == "html_block" and token.map:
                found = self._html_block(token)
            elif token.type == "tr_open":
                spans += self._row(tokens, index)
            elif token.type == "inline" and tokens[index - 1].type in ("paragraph_open", "heading_open"):
                found = self._block(token, tokens[index - 1])
            if found is not None:
                spans.append(found)
        spans.sort(key=lambda span: span[0])
        out: list[Part] = []
        last = 0
        for start, end, parts in spans:
            if start < last:  # never expected; keep the text rather than duplicate it
                continue
            out.append(self.body[last:start])
            out += parts
            last = end
        out.append(self.body[last:])
        return out

    # --- blocks ---------------------------------------------------------------

    def _block(self, inline: Any, opener: Any) -> tuple[int, int, list[Part]] | None:
        first = opener.map[0]
        atx = opener.type == "heading_open" and opener.markup.startswith("#")
        pieces = []  # (source start, source end) of each content line
        for i, line in enumerate(inline.content.split("\n")):
            content = line.strip(" \t")
            start, end = self.lines[first + i]
            source = self.body[start:end]
            if atx:
                after = _ATX.match(source)
                at = source.find(content, after.end() if after else 0)
            else:
                trimmed = source.rstrip(" \t")
                at = len(trimmed) - len(content) if trimmed.endswith(content) else -1
            if at < 0:
                return None
            pieces.append((start + at, start + at + len(content)))
        kind = "title" if opener.type == "heading_open" else "sentence"
        task = opener.type == "paragraph_open" and opener.level > 0 and _TASK.match(inline.content) is not None
        return self._inline(inline.children or [], pieces, kind, "md", task)

    def _inline(self, children: list[Any], pieces: list[tuple[int, int]], kind: str, escape: str, task: bool = False):
        try:
            items = _Aligner(self, pieces).align(children)
        except (MisAligned, ValueError, IndexError):  # str.index: a delimiter the tokens promised is absent
            self.skipped.append(self.line_of(pieces[0][0]))
            return None
        if task:  # a GFM task-list box "[ ]" / "[x]" is markup, not text
            end = pieces[0][0] + 3
            rest = [Item("", [self.body[pieces[0][0] : end]], pieces[0][0], "isolated")]
            for item in items:
                if item.start >= end:
                    rest.append(item)
                elif item.code is None and item.raw == [item.norm] and item.start + len(item.norm) > end:
                    rest += text_items(item.norm[end - item.start :], end)
            items = rest
        if not items:
            return None
        parts = self.block(items, kind=kind, escape=escape)
        return pieces[0][0], pieces[-1][1], parts

    def _row(self, tokens: list[Any], index: int) -> list[tuple[int, int, list[Part]]]:
        row = tokens[index].map[0]
        start, end = self.lines[row]
        cells = _cells(self.body, start, end)
        inlines = []
        while tokens[index].type != "tr_close":
            index += 1
            if tokens[index].type == "inline":
                inlines.append(tokens[index])
        spans = []
        for inline, (cell_start, cell_end) in zip(inlines, cells):
            if cell_end > cell_start:
                found = self._inline(inline.children or [], [(cell_start, cell_end)], "sentence", "md-cell")
                if found is not None:
                    spans.append(found)
        return spans

    def _html_block(self, token: Any) -> tuple[int, int, list[Part]]:
        from l10n.formats.html import html_parts

        first, last = token.map
        start, end = self.lines[first][0], self.lines[last - 1][1]
        parts = html_parts(self.body[start:end], start, self)
        return start, end, parts

    def _front_matter(self, token: Any) -> list[tuple[int, int, list[Part]]]:
        keys = set(self.options.front_matter_keys)
        first, last = token.map
        spans = []
        for row in range(first + 1, last - 1):
            start, end = self.lines[row]
            match = _YAML_LINE.match(self.body, start, end)
            if not match or match.group("key") not in keys:
                continue
            for group, escape in (("dq", 'yaml-"'), ("sq", "yaml-'"), ("plain", "yaml-")):
                value = match.group(group)
                if value is None:
                    continue
                at = match.start(group)
                norm = value.replace("''", "'") if group == "sq" else value
                item = Item(norm, [value], at)
                parts = self.block([item], kind="sentence", escape=escape, split=False)
                spans.append((at, at + len(value), parts))
        return spans


# One front-matter line ``key: value`` with a one-line scalar value.
_YAML_LINE = re.compile(
    r"""(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+
        (?: "(?P<dq>[^"\\\n]*)"                 # double-quoted, without escapes
          | '(?P<sq>(?:[^'\n]|'')*)'            # single-quoted
          | (?P<plain>[^\s"'|>\[{&*!%@`#][^\n]*?) # plain (not a block scalar, list, map, anchor)
        )[ \t]*(?:\#[^\n]*)?$""",
    re.VERBOSE,
)


def _cells(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) of each cell's stripped content on one table row."""
    bars = []
    i = start
    while i < end:
        if body[i] == "\\":
            i += 2
            continue
        if body[i] == "|":
            bars.append(i)
        i += 1
    row = body[start:end]
    first = start + len(row) - len(row.lstrip(" \t"))
    last = start + len(row.rstrip(" \t")) - 1
    edges = bars if bars and bars[0] == first else [first - 1, *bars]
    if not bars or bars[-1] != last:
        edges.append(last + 1)
    cells = []
    for left, right in zip(edges, edges[1:]):
        cell = body[left + 1 : right]
        at = left + 1 + len(cell) - len(cell.lstrip(" \t"))
        cells.append((at, at + len(cell.strip(" \t"))))
    return cells


class _Aligner:
    """Matches one block's inline tokens to its source text, giving items."""

    def __init__(self, reader: _Reader, pieces: list[tuple[int, int]]) -> None:
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
            self._code(match.end(), "isolated", "br")
        elif kind == "code_inline":
            match = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)").match(c, self.p)
            if not match:
                raise MisAligned("code")
            self._code(match.end(), "isolated")
        elif kind in _SPAN_OPEN or kind in _SPAN_END:
            self._expect(token.markup)
            name = _SPAN_OPEN.get(kind) or _SPAN_END[kind]
            self._code(self.p + len(token.markup), "open" if kind in _SPAN_OPEN else "close", name)
        elif kind == "link_open" and token.markup == "autolink":
            self._expect("<")
            self._code(c.index(">", self.p) + 1, "isolated")
            while children[index].type != "link_close":
                index += 1
        elif kind == "link_open":
            self._expect("[")
            self._code(self.p + 1, "open", "link")
        elif kind == "link_close":
            self._expect("]")
            end, parts = self._tail(self.p + 1, [])
            self._code(end, "close", "link", parts)
        elif kind == "image":
            self._image()
        elif kind == "html_inline":
            self._html(token.content)
        elif kind == "footnote_ref":
            self._expect("[^")
            self._code(c.index("]", self.p) + 1, "isolated")
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
        self._code(end, "isolated", parts=[self.slice(self.p, self.p + 2), alt, *tail])

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

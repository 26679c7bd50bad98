"""Markdown sources: CommonMark with GFM tables, strikethrough, footnotes and front matter.

markdown-it-py finds the blocks (with their source lines) and the inline
tokens of each paragraph, heading and table cell; it gives no character
offsets, so each block's inline tokens are matched back to the source text
(``l10n.formats.mdinline``).  A block whose tokens cannot be matched to its
source (none in the corpus, the property tests or 399 outside documents) is
left verbatim rather than guessed at.

Translatable: headings, paragraphs (in lists, block quotes and footnotes
too), table cells, image alt text, inline link titles, HTML inside the
document (read as HTML), and the front-matter keys the project names.
Verbatim: code blocks and code spans, URLs, link reference definitions,
HTML comments, thematic breaks, other front-matter keys.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from l10n.formats.base import Document, Part, UnitKind, merge_strings
from l10n.formats.inline import CodeKind, Context, Item, text_items
from l10n.formats.mdinline import Aligner, MisAligned
from l10n.formats.source import FormatOptions, line_table

_ATX = re.compile(r" {0,3}#{1,6}")
_TASK = re.compile(r"\[[ xX]\][ \t]")


@lru_cache(maxsize=1)
def parser() -> Any:
    """Return the markdown-it parser (built once, on first use)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin).use(footnote_plugin)


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
        kind = UnitKind.TITLE if opener.type == "heading_open" else UnitKind.SENTENCE
        task = opener.type == "paragraph_open" and opener.level > 0 and _TASK.match(inline.content) is not None
        return self._inline(inline.children or [], pieces, kind, "md", task)

    def _inline(self, children: list[Any], pieces: list[tuple[int, int]], kind: UnitKind, escape: str, task: bool = False):
        try:
            items = Aligner(self, pieces).align(children)
        except (MisAligned, ValueError, IndexError):  # str.index: a delimiter the tokens promised is absent
            self.skipped.append(self.line_of(pieces[0][0]))
            return None
        if task:  # a GFM task-list box "[ ]" / "[x]" is markup, not text
            end = pieces[0][0] + 3
            rest = [Item("", [self.body[pieces[0][0] : end]], pieces[0][0], CodeKind.ISOLATED)]
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
                found = self._inline(inline.children or [], [(cell_start, cell_end)], UnitKind.SENTENCE, "md-cell")
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
                parts = self.block([item], kind=UnitKind.SENTENCE, escape=escape, split=False)
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

"""From a block's inline content to sentence units with paired codes.

A reader describes one block (a paragraph, a heading, a table cell) as a list
of ``Item`` values in source order: pieces of text (with the text as the
msgid shows it, and the source as written) and pieces of markup (codes that
open, close or stand alone).  ``block_parts`` pairs the codes, trims markup
and whitespace at the block's edges, splits the text into sentences with the
project's segmenter and returns verbatim strings and ``Unit`` values that
together are exactly the block's source.

Sentence boundaries are found on the text alone (markup removed, a code that
stands alone read as a word), then widened so that a sentence never holds
half of a pair: ``**One. Two.**`` stays one segment.  Codes are numbered
from 1 in each unit, so a unit's msgid does not depend on the sentences
before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Callable

from l10n.formats.base import CODE_RE, Part, Unit, UnitKind, merge_strings
from l10n.text.patterns import EMAIL_RE, URL_RE
from l10n.text.sentences import split_sentences

STAND_IN = "Xx"  # how a code that stands alone (other than a line break) reads to the sentence splitter
_FINAL_PUNCT = re.compile(r"[.?!…:;][”\"’'»)\]]*$")
_WS = re.compile(r"[ \t\n\r\f]+")  # ASCII whitespace: a no-break space is text
# Whitespace that is not one space between words (a single space stays inside the text),
# text that looks like a code, or a bare URL or e-mail address (kept whole, as a code).
_WS_OR_CODE = re.compile(
    r"[ \t\n\r\f]{2,} | [\t\n\r\f] | ^[ ] | [ ]$ | " + CODE_RE.pattern + " | " + URL_RE.pattern + " | " + EMAIL_RE.pattern,
    re.VERBOSE,
)


class CodeKind(StrEnum):
    """What a piece of inline markup does."""

    OPEN = "open"  # opens a span: <b>, **, [
    CLOSE = "close"  # closes one
    ISOLATED = "isolated"  # stands alone: <br>, an image, a code span


@dataclass(slots=True)
class Item:
    """One piece of a block: text, or markup that opens, closes or stands alone."""

    norm: str  # text as the msgid shows it ("" for markup)
    raw: list[Part]  # the source as written
    start: int  # offset in the source (for line numbers)
    code: CodeKind | None = None  # None for text
    name: str = ""  # what an opening code matches its closing code by
    pair: int = field(default=-1)

    @property
    def blank(self) -> bool:
        """True for text that is only whitespace."""
        return self.code is None and not self.norm.strip(" \t\n\r\f")


def text_items(raw: str, start: int) -> list[Item]:
    """Return items for plain source text: words kept, each whitespace run read as one space.

    Words with single spaces between them stay one item (fewer items: a 10 MB
    table is read in linear time with a small constant).

    Text that looks like a code (``<g1>``) is made a code of its own, so a
    msgid never holds a code that is not one; so are bare URLs and e-mail
    addresses (GitHub-flavoured Markdown links them; nobody translates them).
    """
    items: list[Item] = []
    last = 0
    for match in _WS_OR_CODE.finditer(raw):
        if match.start() > last:
            items.append(Item(raw[last : match.start()], [raw[last : match.start()]], start + last))
        piece = match.group(0)
        if piece.strip(" \t\n\r\f"):
            items.append(Item("", [piece], start + match.start(), CodeKind.ISOLATED))
        else:
            items.append(Item(" ", [piece], start + match.start()))
        last = match.end()
    if last < len(raw):
        items.append(Item(raw[last:], [raw[last:]], start + last))
    return items


def pair_codes(items: list[Item]) -> None:
    """Give each opening code and its closing code one pair number; lone ones stand alone."""
    stack: list[int] = []
    number = 0
    for index, item in enumerate(items):
        if item.code == CodeKind.OPEN:
            stack.append(index)
        elif item.code == CodeKind.CLOSE:
            match = next((k for k in range(len(stack) - 1, -1, -1) if items[stack[k]].name == item.name), None)
            if match is None:
                item.code = CodeKind.ISOLATED
                continue
            for lone in stack[match + 1 :]:
                items[lone].code = CodeKind.ISOLATED
            opener = stack[match]
            del stack[match:]
            items[opener].pair = item.pair = number
            number += 1
    for lone in stack:
        items[lone].code = CodeKind.ISOLATED


def block_parts(
    items: list[Item],
    line_of: Callable[[int], int],
    paragraph: int,
    *,
    kind: UnitKind = UnitKind.SENTENCE,
    escape: str = "text",
    split: bool = True,
) -> list[Part]:
    """Return the block as verbatim strings and sentence units (see the module docstring).

    ``kind`` "title" makes every unit a title; "sentence" makes a block of one
    unit without final punctuation a title too, as ``l10n.text.segment`` does.
    """
    pair_codes(items)
    lead, body, tail = _trim(items)
    out: list[Part] = [p for item in lead for p in item.raw]
    words = "".join(item.norm for item in body if item.code is None)
    if not any(ch.isalpha() for ch in words):
        out += [p for item in body for p in item.raw]
    else:
        ranges = _sentence_ranges(body) if split else [(0, len(body) - 1)]
        units = []
        last = 0
        for position, (lo, hi) in enumerate(ranges):
            out += [p for item in body[last:lo] for p in item.raw]
            units.append(_unit(body[lo : hi + 1], line_of, paragraph, position, kind, escape))
            out.append(units[-1])
            last = hi + 1
        out += [p for item in body[last:] for p in item.raw]
        if kind == UnitKind.SENTENCE and len(units) == 1 and not _FINAL_PUNCT.search(words.rstrip()):
            index = out.index(units[0])
            out[index] = Unit(**{**units[0].__dict__, "kind": UnitKind.TITLE})
    out += [p for item in tail for p in item.raw]
    return list(merge_strings(out))


def _trim(items: list[Item]) -> tuple[list[Item], list[Item], list[Item]]:
    """Split off whitespace, lone codes and enclosing pairs at the block's edges."""
    lo, hi = 0, len(items)
    while True:
        before = (lo, hi)
        while lo < hi and (items[lo].blank or items[lo].code == CodeKind.ISOLATED):
            lo += 1
        while hi > lo and (items[hi - 1].blank or items[hi - 1].code == CodeKind.ISOLATED):
            hi -= 1
        if hi - lo >= 2 and items[lo].code == CodeKind.OPEN and items[hi - 1].code == CodeKind.CLOSE and items[lo].pair == items[hi - 1].pair:
            lo, hi = lo + 1, hi - 1
        if (lo, hi) == before:
            break
    return items[:lo], items[lo:hi], items[hi:]


def _plain(items: list[Item]) -> tuple[str, list[int]]:
    starts = []
    pieces = []
    offset = 0
    for item in items:
        starts.append(offset)
        text = plain_of(item)
        pieces.append(text)
        offset += len(text)
    return "".join(pieces), starts


def _sentence_ranges(items: list[Item]) -> list[tuple[int, int]]:
    """Return inclusive (first, last) item indexes of each sentence."""
    plain, starts = _plain(items)
    spans = []
    cursor = 0
    for sentence in split_sentences(plain):
        begin = plain.find(sentence, cursor)
        if begin < 0:  # the segmenter must return slices; be safe if it does not
            return [(0, len(items) - 1)]
        spans.append((begin, begin + len(sentence)))
        cursor = begin + len(sentence)
    if len(spans) <= 1:
        return [(0, len(items) - 1)]
    _split_items(items, starts, sorted({cut for span in spans for cut in span}))
    plain, starts = _plain(items)
    ranges = []
    index = 0
    for begin, end in spans:  # spans and items are both in order: one pass
        while index < len(items) and (starts[index] + len(plain_of(items[index])) <= begin or not plain_of(items[index])):
            index += 1
        first = index
        while index < len(items) and starts[index] < end:
            index += 1
        inside = [i for i in range(first, index) if plain_of(items[i])]
        if inside:
            ranges.append([inside[0], inside[-1]])
    # closing codes right after a sentence belong to it; opening codes right before, to the next
    for k, rng in enumerate(ranges):
        limit = ranges[k + 1][0] if k + 1 < len(ranges) else len(items)
        j = rng[1] + 1
        while j < limit and (items[j].code == CodeKind.CLOSE or items[j].blank):
            if items[j].code == CodeKind.CLOSE:
                rng[1] = j
            j += 1
    for k, rng in enumerate(ranges):
        limit = ranges[k - 1][1] if k > 0 else -1
        j = rng[0] - 1
        while j > limit and (items[j].code == CodeKind.OPEN or items[j].blank):
            if items[j].code == CodeKind.OPEN:
                rng[0] = j
            j -= 1
    return _balance([tuple(r) for r in ranges], items)


def plain_of(item: Item) -> str:
    """Return what the sentence splitter sees of one item: a line break reads as a space."""
    if item.code is None:
        return item.norm
    if item.code == CodeKind.ISOLATED:
        return " " if item.name == "br" else STAND_IN
    return ""


def _split_items(items: list[Item], starts: list[int], cuts: list[int]) -> None:
    """Cut text items at sentence boundaries that fall inside them (where the source allows)."""
    pieces: list[Item] = []
    for item, start in zip(items, starts):
        inner = cuts[bisect_right(cuts, start) : bisect_left(cuts, start + len(item.norm))]
        if item.code is not None or not inner or item.raw != [item.norm]:
            pieces.append(item)
            continue
        last = 0
        for cut in [*(c - start for c in inner), len(item.norm)]:
            pieces.append(Item(item.norm[last:cut], [item.norm[last:cut]], item.start + last))
            last = cut
    items[:] = pieces


def _balance(ranges: list[tuple[int, int]], items: list[Item]) -> list[tuple[int, int]]:
    """Merge neighbouring sentences until no sentence holds half of a pair."""
    merged: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if merged and not _balanced(items, *merged[-1]):
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _balanced(items: list[Item], lo: int, hi: int) -> bool:
    seen: dict[int, int] = {}
    for item in items[lo : hi + 1]:
        if item.code in (CodeKind.OPEN, CodeKind.CLOSE):
            seen[item.pair] = seen.get(item.pair, 0) + 1
    return all(count == 2 for count in seen.values())


def _unit(items: list[Item], line_of: Callable[[int], int], paragraph: int, position: int, kind: UnitKind, escape: str) -> Unit:
    text = []
    codes = []
    numbers: dict[int, int] = {}
    raw: list[Part] = []
    count = 0
    for item in items:
        raw += item.raw
        if item.code is None:
            text.append(item.norm)
            continue
        if item.code == CodeKind.OPEN:
            count += 1
            numbers[item.pair] = count
            token = f"<g{count}>"
        elif item.code == CodeKind.CLOSE:
            token = f"</g{numbers[item.pair]}>"
        else:
            count += 1
            token = f"<x{count}/>"
        text.append(token)
        codes.append((token, merge_strings(list(item.raw))))
    msgid = _WS.sub(" ", "".join(text)).strip()
    return Unit(msgid, merge_strings(raw), tuple(codes), line_of(items[0].start), paragraph, position, kind, escape)


class Context:
    """What the readers of one document share: line numbers and the block counter."""

    def __init__(self, line_of: Callable[[int], int]) -> None:
        self.line_of = line_of
        self.paragraph = 0

    def block(self, items: list[Item], **options) -> list[Part]:
        """Return ``block_parts`` of one block and count the block."""
        parts = block_parts(items, self.line_of, self.paragraph, **options)
        self.paragraph += 1
        return parts

    def attribute_unit(self, raw: str, norm: str, start: int, escape: str) -> Part:
        """Return a unit for an attribute-like value (alt text, a title), or ``raw`` if it has no words."""
        text = " ".join(norm.split())
        if not any(ch.isalpha() for ch in text) or URL_RE.fullmatch(text) or EMAIL_RE.fullmatch(text):
            return raw  # nothing to translate: no words, or a URL or e-mail address
        return Unit(text, (raw,), (), self.line_of(start), self.paragraph, 0, UnitKind.ATTRIBUTE, escape)

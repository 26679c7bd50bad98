"""Where the list markers, brackets and quotations of a paragraph are.

Helpers of ``l10n.text.sentences``; each walks the paragraph once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

_BULLETS = "•⁃◦▪‣"
# List markers are found from their punctuation (rare) backwards, not by a
# pattern tried at every word: 1.  2.)  b)  (iv)  • 10.  ⁃9.  and bullets alone.
# A full stop with a letter other than i, v, x two characters before it ends
# a word ("world."), never a label.  Each pattern opens with a literal character,
# which the regex engine skips to fast; the rarer ones run only when present.
_DOT_HIT = re.compile(r"\.(?<![^\W\d_ivxIVX].\.)(?=\s)")
_PAREN_HIT = re.compile(r"\)(?=\s)")
_BULLET_HIT = re.compile(f"[{_BULLETS}]")
_LABEL = re.compile(r"(?:\d{1,2}|[ivxIVX]{2,4}|[A-Za-z])\Z")
_AFTER_BULLET = re.compile(r"[ \t]*\(?(?:\d{1,2}|[ivxIVX]{2,4}|[A-Za-z])(?:\.\)|\.|\))(?=\s)")


@dataclass(frozen=True)
class Marker:
    """A list marker (``2.)``, ``(iv)``, ``• 10.``) or a bullet alone."""

    start: int  # where the item starts (its bullet, bracket or label)
    end: int  # after the marker's punctuation
    label: str = ""  # "" for a bullet alone
    punct: str = ""  # ".", ")" or ".)"
    dot: int = -1  # where the marker's full stop is, if it has one
    opened: bool = False  # (a)
    bullet: str = ""


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
FIRST = {"number": 1, "upper": ord("a"), "lower": ord("a"), "roman": 1, "roman-upper": 1}  # where a list starts


def markers(text: str) -> Iterator[Marker]:
    """Yield the list markers and lone bullets of ``text`` in order."""
    for at in _hits(text):
        char = text[at]
        if char in _BULLETS:
            if _AFTER_BULLET.match(text, at + 1):
                continue  # "• 10." is found from its full stop
            if (at == 0 or text[at - 1].isspace()) and text[at + 1 : at + 2].isspace():
                yield Marker(at, at + 1, bullet=char)
            continue
        punct_at = at - 1 if char == ")" and text[at - 1 : at] == "." else at
        two = text[punct_at - 2 : punct_at - 1] if punct_at >= 2 else ""
        if two.isalpha() and two not in "ivxIVX":
            continue  # the end of a word ("world."), the common case: no label is longer than one letter
        label = _LABEL.search(text, max(0, punct_at - 4), punct_at)
        if label is None:
            continue
        start = label.start()
        opened = text[start - 1 : start] == "("
        if opened:
            start -= 1
        bullet = ""
        back = start
        while back > 0 and text[back - 1] in " \t" and start - back < 4:
            back -= 1
        if back > 0 and text[back - 1] in _BULLETS:
            bullet, start = text[back - 1], back - 1
        if start > 0 and not text[start - 1].isspace():
            continue  # part of a word: "Inc.", "e.g."
        punct = text[punct_at : at + 1]
        yield Marker(start, at + 1, label.group(0), punct, punct_at if punct[0] == "." else -1, opened, bullet)


def _hits(text: str) -> list[int]:
    """Where a list marker's punctuation or a bullet is, in text order."""
    hits = [hit.start() for hit in _DOT_HIT.finditer(text)]
    more = False
    if ")" in text:
        hits += [hit.start() for hit in _PAREN_HIT.finditer(text)]
        more = True
    if "•" in text or "⁃" in text or "◦" in text or "▪" in text or "‣" in text:
        hits += [hit.start() for hit in _BULLET_HIT.finditer(text)]
        more = True
    return sorted(hits) if more else hits


def values(label: str) -> list[tuple[str, int]]:
    """The ways a list label can be read: number, letter (by case), Roman numeral."""
    if label.isdigit():
        return [("number", int(label))]
    readings = []
    if len(label) == 1:
        readings.append(("upper" if label.isupper() else "lower", ord(label.lower())))
    roman = _roman(label.lower())
    if roman:
        readings.append(("roman-upper" if label.isupper() else "roman", roman))
    return readings


def _roman(label: str) -> int:
    if not label or any(c not in _ROMAN_VALUES for c in label):
        return 0
    total = 0
    for char, after in zip(label, [*label[1:], ""]):
        value = _ROMAN_VALUES[char]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total


# --- brackets and quotations ---------------------------------------------------

_BRACKET = re.compile(r"[\[\]()]")
_BRACKET_SPAN = 300  # a bracket open longer than this is taken for a stray one


def bracket_spans(text: str) -> tuple[list[int], list[int]]:
    """The outermost (...) and [...] of ``text`` (at most _BRACKET_SPAN long) as sorted (starts, ends).

    No sentence ends inside one: "[16:  firma? 13:28]".  A sentence that ends
    at its closing bracket, "(This is one.) The next", is not inside.
    """
    starts: list[int] = []
    ends: list[int] = []
    stack: list[tuple[str, int]] = []
    for match in _BRACKET.finditer(text):
        char, index = match.group(), match.start()
        if char in "([":
            stack.append(("(" if char == "(" else "[", index))
        elif stack and stack[-1][0] == ("(" if char == ")" else "["):
            _, start = stack.pop()
            if not stack and index - start <= _BRACKET_SPAN:
                while starts and starts[-1] > start:
                    starts.pop()
                    ends.pop()
                starts.append(start)
                ends.append(index)  # a cut before the closing bracket is inside, one after it is not
        else:
            stack.clear()  # a stray closer: "1) first" — forget what was open
    return starts, ends


_PAIRS = {"“": "”", "‘": "’", "«": "»"}


def quotation_spans(text: str) -> tuple[list[int], list[int]]:
    """The outermost quotations of ``text`` as sorted (starts, ends), for quotes = "whole"."""
    starts: list[int] = []
    ends: list[int] = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in _PAIRS:
            stack.append((_PAIRS[char], index))
        elif char in "\"'":
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if stack and stack[-1][0] == char and not before.isspace() and not (char == "'" and after.isalpha()):
                _close(stack, starts, ends, index)
            elif (before.isspace() or before in "([—–") and not after.isspace():
                stack.append((char, index))
        elif stack and char == stack[-1][0] and not (char == "’" and _between_letters(text, index)):
            _close(stack, starts, ends, index)
    return starts, ends


def _between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def _close(stack: list[tuple[str, int]], starts: list[int], ends: list[int], index: int) -> None:
    _, start = stack.pop()
    if not stack:
        while starts and starts[-1] > start:  # an inner quotation closed earlier is inside this one
            starts.pop()
            ends.pop()
        starts.append(start)
        ends.append(index)


def aside_after_quotation(
    text: str, cut: int, sentence_start: int, quotes: tuple[list[int], list[int]], brackets: tuple[list[int], list[int]]
) -> bool:
    """Is ``cut`` right after a quotation that the sentence leads into, and before a bracketed aside?

    ``quotes`` and ``brackets`` are ``quotation_spans`` and ``bracket_spans``:
    ``'Well!' thought Alice, '... the house!' (Which was very likely true.)``.
    """
    starts, ends = quotes
    index = bisect_left(ends, cut - 1)
    if index == len(ends) or ends[index] != cut - 1 or starts[index] <= sentence_start:
        return False  # not right after a closing quote, or the quotation is the whole sentence
    rest = text[cut : cut + 64]
    after = cut + len(rest) - len(rest.lstrip())
    opened = brackets[0]
    index = bisect_left(opened, after)
    return index < len(opened) and opened[index] == after and text[after] == "("

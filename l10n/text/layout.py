"""Paragraphs of a plain-text document: one per line, or separated by blank lines.

- ``"lines"``: every non-empty line is a paragraph (web text, one paragraph
  per line, as in ``seeds/zhejiang-stories.txt``).
- ``"blank-lines"``: paragraphs are separated by blank lines and a single line
  break inside one is only a space (hard-wrapped text: PDF exports, e-mail,
  text filled to 72 columns).
- ``"auto"`` (the default): ``"blank-lines"`` when the document looks
  hard-wrapped (``choose``), otherwise lines, where a line that plainly
  continues the one before it (a wrap, see ``is_wrap``) is joined to it.

Ignored lines (``ignore-lines``) count as blank lines.  Everything is linear
in the length of the text.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Layout(StrEnum):
    """How a plain-text document's lines make paragraphs (the ``paragraphs`` setting)."""

    LINES = "lines"
    BLANK_LINES = "blank-lines"
    AUTO = "auto"


MODES = tuple(Layout)


def is_wrap(before: str, after: str) -> bool:
    """Does the non-blank line ``after`` continue the sentence of ``before``?

    Yes when it starts with a lowercase letter and the line before either ends
    in a space (as PDF text does) or holds at least three words (so a list of
    short lowercase items, ``features`` / ``contact manager``, stays a list);
    when it starts with punctuation that cannot open a sentence (``.`` ``,``);
    or when it opens a bracket after a line ending in a space (``400 yd`` /
    ``( 365.8 m ).``).
    """
    head = after.lstrip()[0]
    spaced = before[-1] in " \t"
    if head.islower():
        return spaced or len(before.split()) >= 3
    return head in ".,;:!?" or (head == "(" and spaced)


def choose(lines: list[str]) -> Layout:
    """``"blank-lines"`` when at least one line break in three (between non-blank lines) is a wrap."""
    breaks = wraps = 0
    for before, after in zip(lines, lines[1:]):
        if before.strip() and after.strip():
            breaks += 1
            wraps += is_wrap(before, after)
    return Layout.BLANK_LINES if wraps and 3 * wraps >= breaks else Layout.LINES


def paragraphs(text: str, mode: Layout | str = Layout.AUTO, ignore: list[re.Pattern[str]] | tuple = ()) -> list[tuple[int, str]]:
    """Return ``(first line number, paragraph text)`` for every paragraph of ``text``.

    ``text`` uses ``\\n`` line ends.  A paragraph of several lines keeps its
    inner line breaks (the caller turns them into spaces), so an offset inside
    it still tells the line.
    """
    lines = _lines(text, ignore)
    mode = _resolve(lines, mode)
    blocks: list[tuple[int, str]] = []
    start = None
    for number, line in enumerate([*lines, ""], start=1):
        if start is not None and line.strip():
            if mode is Layout.BLANK_LINES or (mode is Layout.AUTO and is_wrap(lines[number - 2], line)):
                continue  # the paragraph goes on
        if start is not None:
            blocks.append((start, "\n".join(lines[start - 1 : number - 1])))
            start = None
        if line.strip():
            start = number
    return blocks


def resolve(text: str, mode: Layout | str, ignore: list[re.Pattern[str]] | tuple = ()) -> Layout:
    """Return how ``paragraphs`` rebuilds ``text``: ``"lines"`` or ``"blank-lines"``."""
    return Layout.BLANK_LINES if _resolve(_lines(text, ignore), mode) is Layout.BLANK_LINES else Layout.LINES


def separator(mode: Layout) -> str:
    """What goes between two rebuilt paragraphs: a line end, or a blank line too."""
    return "\n\n" if mode == Layout.BLANK_LINES else "\n"


def _lines(text: str, ignore: list[re.Pattern[str]] | tuple) -> list[str]:
    lines = text.split("\n")
    if ignore:
        for number, line in enumerate(lines):
            stripped = line.strip()
            if stripped:
                for pattern in ignore:
                    if pattern.fullmatch(stripped):
                        lines[number] = ""
                        break
    return lines


def _resolve(lines: list[str], mode: Layout | str) -> Layout:
    """``lines``, ``blank-lines``, or ``auto`` for lines joined at wraps."""
    if mode not in MODES:
        raise ValueError(f"paragraphs must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == Layout.AUTO and choose(lines) is Layout.BLANK_LINES:
        return Layout.BLANK_LINES
    return Layout(mode)

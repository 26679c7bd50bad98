"""``punctuation``: endings that match the source, and full-width punctuation where the language uses it.

Every language: a translation ends like its source (a statement, a question,
an exclamation, a colon, a semicolon, an ellipsis, or no final mark as in a
title).  Closing quotes and brackets of any language (” » “ 」 ）) may sit on
either side of the mark, with spaces between (French ``fin. »``, ``Oui !``).

A language whose profile says ``fullwidth`` (Chinese, Japanese) also gets:

- the ending written with its own mark (the profile's ``marks``: 。？！：；……);
- no ASCII sentence punctuation (, . ; : ? ! ( ) ") next to its own text
  (the profile's ``letters``), with the profile's mark as advice (， or 、).
  Decimals (3.5), thousands (1,000), times (10:30), URLs, e-mail addresses,
  placeholders, and punctuation inside Latin runs (Co., Ltd.) are fine, and
  full-width brackets （） are exactly what these languages use: never flagged.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Side, Trigger, letters_re, mask, native_re
from l10n.checks.placeholders import PLACEHOLDER_RE, TAG_RE, may_have_tokens
from l10n.text.patterns import EMAIL_RE, URL_RE


class Ending(StrEnum):
    """The kind of a text's final punctuation; a language profile's ``marks`` has one mark for each."""

    STOP = "stop"
    QUESTION = "question"
    EXCLAMATION = "exclamation"
    COLON = "colon"
    SEMICOLON = "semicolon"
    ELLIPSIS = "ellipsis"


# Final mark → kind of ending; "..." is recognised separately.
_KIND = {
    ".": Ending.STOP, "。": Ending.STOP,
    "?": Ending.QUESTION, "？": Ending.QUESTION,
    "!": Ending.EXCLAMATION, "！": Ending.EXCLAMATION,
    ":": Ending.COLON, "：": Ending.COLON,
    ";": Ending.SEMICOLON, "；": Ending.SEMICOLON,
    "…": Ending.ELLIPSIS,
}
_NAME = {
    Ending.STOP: "a full stop", Ending.QUESTION: "a question mark", Ending.EXCLAMATION: "an exclamation mark",
    Ending.COLON: "a colon", Ending.SEMICOLON: "a semicolon", Ending.ELLIPSIS: "an ellipsis",
}
# Closing quotes and brackets of every language, and the spaces French puts inside them.
_CLOSERS = "”’\"')）」』》〉】]»«›‹“„‘‚\u00a0\u202f\u2009 "
_QUOTES = "“”‘’\"'«»‹›„‚「」『』"
_ASCII = ",.;:?!()\""


def ending(text: str) -> tuple[Ending | None, str]:
    """Return ``(kind, tail)``: the kind of final punctuation and the trailing marks.

    ``kind`` is an ``Ending`` or None; ``tail`` is the run of closing quotes, brackets and
    punctuation at the end of the text.
    """
    stripped = text.rstrip()
    i = len(stripped)
    while i > 0 and (stripped[i - 1] in _CLOSERS or stripped[i - 1] in _KIND):
        i -= 1
    while i < len(stripped) and stripped[i].isspace():
        i += 1  # spaces belong to the tail only between its marks
    tail = stripped[i:]
    marks = [c for c in tail if c in _KIND]
    if not marks:
        return None, tail
    if "…" in marks or _dotted(tail):
        return Ending.ELLIPSIS, tail
    return _KIND[marks[-1]], tail


def _dotted(tail: str) -> bool:
    """Whether the final marks of a tail end in two or more ASCII dots (closers between them aside, not spaces)."""
    marks = "".join(c for c in tail if c in _KIND or c.isspace()).strip()
    return marks.endswith("..")


# The tail ``ending`` reads with the whitespace around it, then the separator that ends each joined
# text; or, without one, the separator alone.  Each alternative starts only where a run of its
# characters starts, so a long run that is not at the end costs one attempt, not one per character.
_MARKS = re.escape(_CLOSERS + "".join(_KIND)) + r"\s"
_TAIL = re.compile(rf"(?<![{_MARKS}])([{_MARKS}]+)\0|(?<![{_MARKS}])\0")
_ASCII_MARK = re.compile("[" + re.escape(_ASCII) + "]")


@lru_cache(maxsize=512)
def _tail_kind(tail: str) -> Ending | None:
    return ending(tail)[0]


def _kinds(batch: Batch, side: Side) -> list[Ending | None]:
    return [_tail_kind(m.group(1) or "") for m in _TAIL.finditer(batch.joined(side) + "\0")]


def _endings_differ(batch: Batch) -> list[int]:
    """The pairs whose endings differ in kind (``ending`` read over the whole batch at once)."""
    return [i for i, (a, b) in enumerate(zip(_kinds(batch, Side.SOURCE), _kinds(batch, Side.TARGET))) if a != b]


def trigger_punctuation(batch: Batch) -> Trigger:
    """Endings that differ in kind and, in a full-width language, any ASCII mark of the translation."""
    return Trigger(target=(_ASCII_MARK,) if batch.profile.fullwidth else (), batch_test=_endings_differ)


def check_punctuation(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per ending mismatch and per kind of misplaced ASCII mark."""
    src_kind, src_tail = ending(source)
    tgt_kind, tgt_tail = ending(target)
    language = ctx.profile
    if language.fullwidth:
        yield from _ascii_marks(target, len(target.rstrip()) - len(tgt_tail), language)
        yield from _ascii_ending(target, tgt_tail, language)
    if src_kind == tgt_kind:
        return
    if src_kind is None and tgt_kind == Ending.STOP and any(c in _QUOTES for c in src_tail):
        return  # “a quoted phrase” may become a sentence of its own
    if src_kind is None:
        expected = "leave the end without punctuation, as in a title"
    elif language.fullwidth:
        expected = f"end it with {language.marks[src_kind]}"
    else:
        expected = f"end it with {_NAME[src_kind]}"
    start = len(target.rstrip()) - len(tgt_tail)
    yield (
        f"the source {_has(src_kind)} but the translation {_has(tgt_kind)}: {expected}",
        (start, len(target.rstrip())),
    )


def _has(kind: Ending | None) -> str:
    return f"ends with {_NAME[kind]}" if kind else "has no final punctuation"


def _ascii_ending(target: str, tail: str, language) -> Iterator[Problem]:
    """An ASCII final mark after the language's own text (``。`` written as ``.``)."""
    own = letters_re(language.letters)
    if own is None or own.search(target) is None:
        return
    stripped = target.rstrip()
    start = len(stripped) - len(tail)
    before = stripped[:start]
    offset = next((k for k, c in enumerate(tail) if c in ".?!:;"), None)
    if offset is None:
        return
    char = tail[offset]
    if char == "." and before[-1:].isascii() and before[-1:].isalpha() and tail.count(".") == 1:
        return  # Ltd.  — the dot of a Latin abbreviation
    if _dotted(tail):
        dots = len(tail[offset:]) - len(tail[offset:].lstrip("."))
        char, mark = "." * max(dots, 1), language.marks[Ending.ELLIPSIS]
    else:
        mark = language.native.get(char, char)
    yield (f"the translation ends with the ASCII ‘{char}’: use the full-width ‘{mark}’",
           (start + offset, start + offset + len(char)))


def _ascii_marks(target: str, tail_start: int, language) -> Iterator[Problem]:
    """ASCII , . ; : ? ! ( ) " next to the language's own text (final marks excepted)."""
    native = language.native
    own = native_re(language.letters)
    masked = mask(target, URL_RE, EMAIL_RE, PLACEHOLDER_RE, TAG_RE) if may_have_tokens(target) else target
    end = len(masked)
    seen: dict[str, tuple[int, int]] = {}
    i = 0
    while i < end:
        char = masked[i]
        if char not in native or (i >= tail_start and char in ".?!:;"):
            i += 1
            continue
        run = i
        while char == "." and run + 1 < end and masked[run + 1] == ".":
            run += 1
        left, right = _neighbour(masked, i, -1), _neighbour(masked, run, +1)
        if _misplaced(char, left, right, masked, i, own):
            key = "..." if run > i else char
            first, count = seen.get(key, (i, 0))
            seen[key] = (first, count + 1)
        i = run + 1
    for key, (first, count) in seen.items():
        mark = language.marks[Ending.ELLIPSIS] if key == "..." else native[key]
        where = "" if count == 1 else f" ({count} times)"
        yield (f"ASCII ‘{key}’ in {language.name} text{where}: use the full-width ‘{mark}’", (first, first + len(key)))


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step``, past spaces and quotes."""
    j = index + step
    while 0 <= j < len(text) and (text[j].isspace() or text[j] in _QUOTES):
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _misplaced(char: str, left: str, right: str, text: str, index: int, own: re.Pattern[str]) -> bool:
    """Whether an ASCII mark with these neighbours belongs to the language's prose."""
    if char in ",.:" and index > 0 and text[index - 1].isdigit() and text[index + 1 : index + 2].isdigit():
        return False  # 1,000  3.5  10:30
    if char == ".":
        # A dot after Latin text is an abbreviation or a Latin sentence.
        return bool(left) and own.match(left) is not None
    return any(side and own.match(side) is not None for side in (left, right))


"""``punctuation``: Chinese full-width punctuation, and endings that match the source.

Rules, for a Chinese translation:

- it ends like its source: a statement with 。, a question with ？, an
  exclamation with ！, a colon with ：, a semicolon with ；, an ellipsis with
  ……; a source without final punctuation (a title) gives a translation
  without one.  Closing quotes and brackets may sit on either side of the
  mark (a source ending ``.”`` may end ``。”`` or ``”。``);
- no ASCII sentence punctuation (, . ; : ? ! ( ) ") next to Chinese text.
  Decimals (3.5), thousands (1,000), times (10:30), URLs, e-mail addresses,
  placeholders, and punctuation inside Latin runs (Co., Ltd.) are fine, and
  full-width brackets （） are exactly what Chinese uses: never flagged.

For other languages only the kind of ending is compared.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from l10n.checks.base import EMAIL_RE, URL_RE, Batch, CheckContext, Problem, is_cjk, is_han, mask
from l10n.checks.placeholders import PLACEHOLDER_RE, TAG_RE, may_have_tokens

# Final mark → kind of ending; "..." is recognised separately.
_KIND = {
    ".": "stop", "。": "stop",
    "?": "question", "？": "question",
    "!": "exclamation", "！": "exclamation",
    ":": "colon", "：": "colon",
    ";": "semicolon", "；": "semicolon",
    "…": "ellipsis",
}
_ZH_MARK = {"stop": "。", "question": "？", "exclamation": "！", "colon": "：", "semicolon": "；", "ellipsis": "……"}
_NAME = {
    "stop": "a full stop", "question": "a question mark", "exclamation": "an exclamation mark",
    "colon": "a colon", "semicolon": "a semicolon", "ellipsis": "an ellipsis",
}
_CLOSERS = "”’\"')）」』》】]"
_QUOTES = "“”‘’\"'"
_ASCII_TO_ZH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", '"': "“ ”"}


def ending(text: str) -> tuple[str | None, str]:
    """Return ``(kind, tail)``: the kind of final punctuation and the trailing marks.

    ``kind`` is "stop", "question", "exclamation", "colon", "semicolon",
    "ellipsis" or None; ``tail`` is the run of closing quotes, brackets and
    punctuation at the end of the text.
    """
    stripped = text.rstrip()
    i = len(stripped)
    while i > 0 and (stripped[i - 1] in _CLOSERS or stripped[i - 1] in _KIND):
        i -= 1
    tail = stripped[i:]
    marks = [c for c in tail if c in _KIND]
    if not marks:
        return None, tail
    if "…" in marks or "".join(marks).endswith(".."):
        return "ellipsis", tail
    return _KIND[marks[-1]], tail


# The tail ``ending`` reads, then the whitespace after it and the separator that ends each joined text;
# or, without a tail, the trailing whitespace.  Each alternative starts only where a run of its
# characters starts, so a long run that is not at the end costs one attempt, not one per character.
_MARKS = re.escape(_CLOSERS + "".join(_KIND))
_TAIL = re.compile(rf"(?<![{_MARKS}])([{_MARKS}]+)\s*\0|(?<![{_MARKS}\s])\s*\0")
_ASCII_MARK = re.compile("[" + re.escape("".join(_ASCII_TO_ZH)) + "]")


@lru_cache(maxsize=512)
def _tail_kind(tail: str) -> str | None:
    return ending(tail)[0]


def _kinds(batch: Batch, side: str) -> list[str | None]:
    return [_tail_kind(m.group(1) or "") for m in _TAIL.finditer(batch.joined(side) + "\0")]


def screen_punctuation(batch: Batch) -> set[int]:
    """Return the pairs whose endings differ in kind and, for Chinese, those with any ASCII mark."""
    found = {i for i, (a, b) in enumerate(zip(_kinds(batch, "source"), _kinds(batch, "target"))) if a != b}
    return found | batch.matching(_ASCII_MARK) if batch.chinese else found


def check_punctuation(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per ending mismatch and per kind of misplaced ASCII mark."""
    src_kind, src_tail = ending(source)
    tgt_kind, tgt_tail = ending(target)
    if ctx.chinese:
        yield from _ascii_marks(target, len(target.rstrip()) - len(tgt_tail))
        yield from _ascii_ending(target, tgt_tail)
    if src_kind == tgt_kind:
        return
    if src_kind is None and tgt_kind == "stop" and any(c in _QUOTES for c in src_tail):
        return  # “a quoted phrase” may become a sentence of its own
    if src_kind is None:
        expected = "leave the end without punctuation, as in a title"
    elif ctx.chinese:
        expected = f"end it with {_ZH_MARK[src_kind]}"
    else:
        expected = f"end it with {_NAME[src_kind]}"
    start = len(target.rstrip()) - len(tgt_tail)
    yield (
        f"the source {_has(src_kind)} but the translation {_has(tgt_kind)}: {expected}",
        (start, len(target.rstrip())),
    )


def _has(kind: str | None) -> str:
    return f"ends with {_NAME[kind]}" if kind else "has no final punctuation"


def _ascii_ending(target: str, tail: str) -> Iterator[Problem]:
    """An ASCII final mark after Chinese text (``。`` written as ``.``)."""
    if not any(is_han(c) for c in target):
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
    if tail.count(".") >= 2:
        char, zh = "...", "……"
    else:
        zh = _ASCII_TO_ZH[char]
    yield (f"the translation ends with the ASCII ‘{char}’: use the full-width ‘{zh}’",
           (start + offset, start + offset + len(char)))


def _ascii_marks(target: str, tail_start: int) -> Iterator[Problem]:
    """ASCII , . ; : ? ! ( ) " next to Chinese text (final marks excepted)."""
    masked = mask(target, URL_RE, EMAIL_RE, PLACEHOLDER_RE, TAG_RE) if may_have_tokens(target) else target
    end = len(masked)
    seen: dict[str, tuple[int, int]] = {}
    i = 0
    while i < end:
        char = masked[i]
        if char not in _ASCII_TO_ZH or (i >= tail_start and char in ".?!:;"):
            i += 1
            continue
        run = i
        while char == "." and run + 1 < end and masked[run + 1] == ".":
            run += 1
        left, right = _neighbour(masked, i, -1), _neighbour(masked, run, +1)
        if _misplaced(char, left, right, masked, i):
            key = "..." if run > i else char
            first, count = seen.get(key, (i, 0))
            seen[key] = (first, count + 1)
        i = run + 1
    for key, (first, count) in seen.items():
        zh = "……" if key == "..." else _ASCII_TO_ZH[key]
        where = "" if count == 1 else f" ({count} times)"
        yield (f"ASCII ‘{key}’ in Chinese text{where}: use the full-width ‘{zh}’", (first, first + len(key)))


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step``, past spaces and quotes."""
    j = index + step
    while 0 <= j < len(text) and (text[j].isspace() or text[j] in _QUOTES):
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _misplaced(char: str, left: str, right: str, text: str, index: int) -> bool:
    """Whether an ASCII mark with these neighbours belongs to Chinese prose."""
    if char in ",.:" and index > 0 and text[index - 1].isdigit() and text[index + 1 : index + 2].isdigit():
        return False  # 1,000  3.5  10:30
    if char == ".":
        # A dot after Latin text is an abbreviation or a Latin sentence.
        return is_cjk(left)
    return is_cjk(left) or is_cjk(right)


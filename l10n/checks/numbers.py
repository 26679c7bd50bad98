"""``numbers``: every number of the source is in the translation, and no other.

For Chinese, finding and comparing quantities is ``l10n.numerals``'s: 1.16
million = 116万, 2 billion = 20亿, 8,000 = 8000 = 8千 = 八千, 15 March 2021 =
2021年3月15日, nine = 九 = 9, ninth = 第九.  Digit grouping is never a
difference (5,000 = 5000).  For other languages the digits are compared with
their grouping and decimal separators removed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem


def check_numbers(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per source number missing from the translation and per extra number."""
    if not ctx.chinese:
        yield from _digits_only(source, target)
        return
    from l10n.numerals import find_numbers_en, find_numbers_zh, same_quantity, to_chinese

    unmatched = find_numbers_zh(target)
    taken = [False] * len(target)
    missing = []
    for quantity in find_numbers_en(source):
        match = next((zh for zh in unmatched if same_quantity(quantity, zh)), None)
        if match is not None:
            unmatched.remove(match)
            taken[match.start : match.end] = [True] * (match.end - match.start)
        elif not (_small_word_present(quantity, target, taken) or _anaphoric(quantity, source)):
            missing.append(quantity)
    # 两委, 二次, 三大: words with numerals in them; reported only beside a missing figure.
    extra = [zh for zh in unmatched if missing or not (zh.spelled and zh.value < 100)]
    if len(missing) == len(extra):
        # As many wrong figures as missing ones: show each next to what it should be.
        for en, zh in zip(missing, extra):
            yield (
                f"“{zh.text}” does not match “{en.text}” of the source: write it as “{to_chinese(en)}”",
                (zh.start, zh.end),
            )
        return
    for en in missing:
        yield f"“{en.text}” of the source is missing from the translation: write it as “{to_chinese(en)}”"
    for zh in extra:
        yield (
            f"the translation has “{zh.text}”, which is not a number of the source: check the figure",
            (zh.start, zh.end),
        )


def screen_numbers(batch: Batch) -> list[int] | range:
    """Return the pairs whose numbers may not match: for Chinese, all but those whose
    numbers are plain figures with the same values on both sides (most pairs)."""
    if not batch.chinese:
        return range(len(batch.targets))
    from l10n.numerals import plain_figures_en, plain_figures_zh

    return [
        i
        for i, (source, target) in enumerate(zip(batch.sources, batch.targets))
        if (figures := plain_figures_en(source)) is None or figures != plain_figures_zh(target)
    ]


_ZH_DIGIT = {1: "一", 2: "二两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def _small_word_present(quantity, target: str, taken: list[bool]) -> bool:
    """A spelled small number (two, nine) is often absorbed into a word: 两委, 一云两网.

    Accept it when its Chinese numeral appears anywhere not already matched.
    """
    chars = _ZH_DIGIT.get(int(quantity.value)) if quantity.spelled and quantity.value == int(quantity.value) else None
    if not chars:
        return False
    for i, char in enumerate(target):
        if char in chars and not taken[i]:
            taken[i] = True
            return True
    return False


_BEFORE_PRONOUN = re.compile(r"\b(?:the|these|those|all)\s+$", re.IGNORECASE)
_AFTER_PRONOUN = re.compile(
    r"\s*(?:$|[^\w\s]|(?:was|were|is|are|had|have|has|of|who|which|that|and|also|both|together|"
    r"did|could|would|will|can|may|must|should|then|later|now)\b)",
    re.IGNORECASE,
)


def _anaphoric(quantity, source: str) -> bool:
    """"One of the two was confirmed": a spelled number standing for people or
    things already named counts nothing new; Chinese says 其中 or 两人 or nothing."""
    return (
        quantity.spelled
        and _BEFORE_PRONOUN.search(source[: quantity.start]) is not None
        and _AFTER_PRONOUN.match(source, quantity.end) is not None
    )


# 8,000  8.000  8 000 (with any space) as one number; then plain digits with decimals.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")

_NON_DIGIT = re.compile(r"\D")


def _digits(text: str) -> Counter[str]:
    return Counter(_NON_DIGIT.sub("", m.group()) for m in _NUMBER.finditer(text))


def _digits_only(source: str, target: str) -> Iterator[Problem]:
    want, have = _digits(source), _digits(target)
    for digits in sorted((want - have).elements()):
        yield f"the number {digits} of the source is missing from the translation"
    for digits in sorted((have - want).elements()):
        yield f"the translation has the number {digits}, which the source does not have"

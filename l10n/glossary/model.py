"""The term glossary: frozen ``Term`` values, loaded from ``glossary/*.csv``, and
the two questions other stages ask of it.

``find_terms``: which terms does an English source text contain (and what
must they become)?  ``check_target``: does a translation use the required
targets and avoid the forbidden variants?

Every ``*.csv`` file of the folder is loaded, in name order; the file format
is ``l10n.glossary.csv``, the token matcher ``l10n.glossary.matching``, and the checks
of a whole folder (``validate``) ``l10n.glossary.validation``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping, TypeVar

from l10n.errors import L10nError

V = TypeVar("V")



class Status(StrEnum):
    """A term's status: only approved terms are enforced."""

    APPROVED = "approved"
    PROPOSED = "proposed"


STATUSES = tuple(Status)
FLAGS = ("case-sensitive", "do-not-translate")


class LangMap(Mapping[str, V]):
    """An immutable, hashable mapping from language code to a value."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, V] | Iterable[tuple[str, V]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: tuple[tuple[str, V], ...] = tuple(sorted(dict(pairs).items()))

    def __getitem__(self, key: str) -> V:
        for lang, value in self._items:
            if lang == key:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (lang for lang, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        return f"LangMap({dict(self._items)!r})"


@dataclass(frozen=True)
class Term:
    """One concept of the glossary: a source term and what it must become."""

    source: str
    targets: LangMap[str] = field(default_factory=LangMap)
    forbidden: LangMap[tuple[str, ...]] = field(default_factory=LangMap)
    # Other correct renderings per language, accepted by the checks; the target stays the preferred one.
    # A variant may be the part a translation must contain: 十四五 for “十四五”规划期间 / “十四五”时期.
    variants: LangMap[tuple[str, ...]] = field(default_factory=LangMap)
    case_sensitive: bool = False
    do_not_translate: bool = False
    note: str = ""
    pos: str = ""
    status: Status = Status.APPROVED
    file: Path | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.targets, LangMap):
            object.__setattr__(self, "targets", LangMap(self.targets))
        if not isinstance(self.forbidden, LangMap):
            object.__setattr__(self, "forbidden", LangMap({k: tuple(v) for k, v in self.forbidden.items()}))
        if not isinstance(self.variants, LangMap):
            object.__setattr__(self, "variants", LangMap({k: tuple(v) for k, v in self.variants.items()}))

    @property
    def approved(self) -> bool:
        """True if the term is enforced."""
        return self.status == Status.APPROVED

    def enforced_in(self, lang: str) -> bool:
        """True if the checks enforce the term in ``lang``: approved, with a target there."""
        return self.approved and self.target(lang) is not None

    def target(self, lang: str) -> str | None:
        """Return the required (preferred) target in ``lang``: the source itself if do-not-translate.

        The column is found through the language's profile (``zh_TW`` reads a
        ``zh-Hant`` or ``zh_TW`` column, ``zh_CN`` reads ``zh``); a Traditional
        variant without a column of its own gets the ``zh`` target converted
        with OpenCC (see ``l10n/text/data/languages.toml``).
        """
        if self.do_not_translate:
            return for_language(self.targets, lang) or self.source
        return for_language(self.targets, lang)

    def forbidden_in(self, lang: str) -> tuple[str, ...]:
        """Return the forbidden target variants for ``lang`` (maybe empty)."""
        return for_language(self.forbidden, lang) or ()

    def variants_in(self, lang: str) -> tuple[str, ...]:
        """Return the accepted other renderings for ``lang`` (maybe empty): the variants column,
        and for a converted target the other conversions of the target and variants."""
        found = for_language(self.variants, lang) or ()
        if self.do_not_translate:
            return found
        others = (*(for_language(self.targets, lang, True) or ()), *(for_language(self.variants, lang, True) or ()))
        return tuple(dict.fromkeys((*found, *others)))

    def accepted(self, lang: str) -> tuple[str, ...]:
        """Return every rendering the checks accept in ``lang``: the target first, then the variants."""
        target = self.target(lang)
        return (target, *self.variants_in(lang)) if target is not None else ()

    @property
    def location(self) -> str:
        """``file:line`` of the row the term came from (empty if none)."""
        return f"{self.file}:{self.line}" if self.file else ""


@lru_cache(maxsize=65536)
def for_language(values: LangMap, lang: str, alternatives: bool = False):
    """Return the value of ``values`` (a term's targets, variants or forbidden) that applies to ``lang``.

    An exact column wins; then the columns the language's profile names, most
    specific first; then the profile's ``glossary_from`` column converted with
    the first of its ``glossary_convert`` OpenCC configs (a ``zh`` target for
    ``zh_TW``).  None if nothing applies.  With ``alternatives``, return
    instead the other conversions of a converted value (accepted variants:
    s2twp's 資料壁壘 beside s2tw's 數據壁壘), or None.
    """
    if not values:
        return None
    if lang in values:
        return None if alternatives else values[lang]
    from l10n.text.languages import convert, profile, same_code

    try:
        language = profile(lang)
    except L10nError:
        return None
    found = language.glossary_value(values)
    if found is not None:
        return None if alternatives else found[0]
    configs = language.glossary_convert[1:] if alternatives else language.glossary_convert[:1]
    if not (language.glossary_from and configs):
        return None
    for key, value in values.items():
        if same_code(key, language.glossary_from):
            texts = value if isinstance(value, tuple) else (value,)
            converted = tuple(dict.fromkeys(convert(t, c) for c in configs for t in texts))
            if alternatives:
                first = {convert(t, language.glossary_convert[0]) for t in texts}
                return tuple(t for t in converted if t not in first) or None
            return converted if isinstance(value, tuple) else converted[0]
    return None


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a source text."""

    start: int
    end: int
    text: str  # the matched source text, e.g. "City Brains"
    term: Term
    target: str | None  # the required target in the requested language


class IssueKind(StrEnum):
    """What is wrong with a translation, for one glossary term."""

    MISSING = "missing"  # the required target (or an accepted variant) is absent
    FORBIDDEN = "forbidden"  # a forbidden variant is present


@dataclass(frozen=True)
class TermIssue:
    """A target text that breaks the glossary."""

    kind: IssueKind
    term: Term
    lang: str
    expected: str  # the required target
    found: str | None = None  # the forbidden variant, as written in the target
    start: int | None = None  # span of the forbidden variant in the target
    end: int | None = None
    source_start: int = 0  # span of the (first) term occurrence in the source
    source_end: int = 0

    @property
    def message(self) -> str:
        """Return a sentence a translator understands."""
        if self.kind == IssueKind.MISSING:
            others = "".join(f" or “{v}”" for v in self.term.variants_in(self.lang))
            return f"“{self.term.source}” must be translated as “{self.expected}”{others}"
        return f"“{self.found}” is a forbidden translation of “{self.term.source}”; use “{self.expected}”"


@dataclass(frozen=True)
class GlossaryProblem:
    """Something wrong in a glossary file, at a line."""

    path: Path
    line: int
    code: str  # malformed, empty-field, bad-value, duplicate, conflicting-target, forbidden-in-target, never-matches
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Glossary:
    """All terms of a glossary folder, with a content hash for provenance."""

    terms: tuple[Term, ...] = ()
    version: str = ""
    files: tuple[Path, ...] = ()

    def enforces(self, lang: str) -> bool:
        """True if some term is enforced in ``lang`` (else ``check_target`` finds nothing there)."""
        return any(term.enforced_in(lang) for term in self.terms)

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the sorted languages any term has a target or forbidden variant for."""
        return tuple(sorted({lang for t in self.terms for lang in (*t.targets, *t.forbidden, *t.variants)}))

    @cached_property
    def index(self):
        """Return the compiled ``PhraseIndex`` over every term (built once, then cached)."""
        from l10n.glossary.matching import PhraseIndex

        return PhraseIndex((t.source, t.case_sensitive, t) for t in self.terms)


def find_terms(text: str, glossary: Glossary, lang: str | None = None, *, include_proposed: bool = False) -> list[TermMatch]:
    """Return every glossary term in an English ``text``, in order (leftmost-longest).

    Only approved terms unless ``include_proposed``; with ``lang`` given, only
    terms that have a target in that language (or are do-not-translate).
    """

    def accept(term: Term) -> bool:
        if lang is not None and not include_proposed:
            return term.enforced_in(lang)
        if not include_proposed and not term.approved:
            return False
        return lang is None or term.target(lang) is not None

    return [
        TermMatch(m.start, m.end, text[m.start : m.end], m.payload, m.payload.target(lang) if lang else None)
        for m in glossary.index.search(text, accept)
    ]


def check_target(source: str, target: str, glossary: Glossary, lang: str) -> list[TermIssue]:
    """Return the glossary issues of a translation: required targets missing, forbidden variants present.

    Only approved terms found in ``source`` are checked; a term is present
    when its target or one of its accepted variants is.  Target text is
    compared after NFKC folding with whitespace and quote marks ignored, so
    ``“十四五”规划`` is found in ``"十四五" 规划``; Latin letters compare
    case-insensitively unless the term is case-sensitive.
    """
    folded: dict[bool, tuple[str, list[int]]] = {}
    issues: list[TermIssue] = []
    seen: set[Term] = set()
    for match in find_terms(source, glossary, lang):
        term = match.term
        if term in seen or match.target is None:
            continue
        seen.add(term)
        lower = not term.case_sensitive
        if lower not in folded:
            folded[lower] = _fold_target(target, lower)
        hay, positions = folded[lower]
        if not any(_fold_target(accepted, lower)[0] in hay for accepted in term.accepted(lang)):
            issues.append(TermIssue(IssueKind.MISSING, term, lang, match.target, source_start=match.start, source_end=match.end))
        for variant in term.forbidden_in(lang):
            pattern = _fold_target(variant, lower)[0]
            at = hay.find(pattern) if pattern else -1
            while at >= 0:
                start, end = positions[at], positions[at + len(pattern) - 1] + 1
                issues.append(
                    TermIssue(IssueKind.FORBIDDEN, term, lang, match.target, target[start:end], start, end, match.start, match.end)
                )
                at = hay.find(pattern, at + len(pattern))
    return issues


# Quote marks a target may gain or lose in translation without changing the term.
QUOTES = frozenset("\"'“”‘’「」『』〝〞")


def _fold_target(text: str, lower: bool) -> tuple[str, list[int]]:
    """Return ``text`` folded for comparison, and the index in ``text`` of each folded character."""
    chars: list[str] = []
    positions: list[int] = []
    for index, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch)
        for out in folded.lower() if lower else folded:
            if out.isspace() or out in QUOTES:
                continue
            chars.append(out)
            positions.append(index)
    return "".join(chars), positions

"""What every QA check shares: severities, the check record, findings, context.

A check is a small pure function ``(source, target, ctx) -> Iterable[Problem]``
where a problem is a message, or a ``(message, (start, end))`` pair whose span
indexes ``target``.  The runner in ``l10n.checks`` turns problems into
``Finding`` values with the catalogue location.

A check may also declare a ``Trigger``: what a pair must show before the
check can report it, built from the check's own patterns and tests (the
characters a placeholder needs, the patterns a doubled word is found with,
the test of an implausible length).  The check's screen is made from the
trigger alone: over the whole ``Batch`` of pairs a run checks, it picks the
pairs that *may* have a problem, and the runner calls the check on those
only.  So a trigger must never leave out a pair the check would report (the
tests hold every check to that on generated text, on each check's trigger
characters one by one, on the test corpora and on real editor saves); it may
pick pairs the check finds clean.  Screens exist for speed: most pairs of a
real catalogue have no problem, and one pattern run over the text of every
pair at once costs far less than a Python call per pair.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, Union

from l10n.text.languages import Profile, profile

if TYPE_CHECKING:
    from l10n.glossary.model import Glossary
    from l10n.po.catalog import Catalog, Entry
    from l10n.po.memory import TranslationMemory

Span = tuple[int, int]
Problem = Union[str, tuple[str, Span]]


class Severity(StrEnum):
    """How bad a finding is; ``rank`` orders them (error highest)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Return 2 for error, 1 for warning, 0 for info."""
        return _RANK[self]


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


class Side(StrEnum):
    """One side of a ``(source, target)`` pair."""

    SOURCE = "source"
    TARGET = "target"


@dataclass(frozen=True)
class CheckContext:
    """What a check may know beyond the two strings.

    ``memory`` is the language's translation memory across its catalogues
    (None: none was built); the consistency check compares against it.
    ``location`` is this entry's own ``path:line`` so it can leave itself out.
    """

    lang: str
    entry: Entry | None = None
    glossary: Glossary | None = None
    memory: TranslationMemory | None = None
    location: str = ""
    plural_index: int = 0
    source_language: str = "en"
    kept: tuple[str, ...] | None = None  # Latin forms the glossary keeps; None: derive from glossary
    # What several checks of one pair compute alike (the glossary issues): computed once, shared.
    shared: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def profile(self) -> Profile:
        """Return the target language's profile (what the checks know of the language)."""
        return profile(self.lang)

    @property
    def fuzzy(self) -> bool:
        """Return True when the entry is an unreviewed draft."""
        return is_draft(self.entry)


def is_draft(entry: Entry | None) -> bool:
    """Return True when ``entry`` is an unreviewed draft (fuzzy); False for None."""
    return entry is not None and entry.fuzzy


CheckFunction = Callable[[str, str, CheckContext], Iterable[Problem]]


def pairs(entry: Entry) -> list[tuple[str, str]]:
    """Return the ``(source, translation)`` pairs of an entry, one per msgstr: what the checks see.

    A plural entry pairs msgstr[0] with msgid and the others with
    msgid_plural; with a single form (Chinese) msgstr[0] serves every number,
    so it is paired with msgid_plural, the form that carries the placeholders.
    """
    if entry.msgid_plural is None:
        return [(entry.msgid, entry.msgstr)]
    forms = entry.msgstr_plural or ("",)
    if len(forms) == 1:
        return [(entry.msgid_plural, forms[0])]
    return [(entry.msgid if i == 0 else entry.msgid_plural, form) for i, form in enumerate(forms)]


# Joins the texts of a batch: no check pattern matches it, and no PO file holds it.
_SEPARATOR = "\0"


@dataclass(frozen=True)
class Batch:
    """The ``(source, target)`` pairs of one run, as screens see them.

    Pair ``i`` is plural form ``indexes[i]`` of ``entries[i]``, in the catalogue
    ``path``; ``glossary`` and ``memory`` are the run's (see ``CheckContext``).
    """

    sources: Sequence[str]
    targets: Sequence[str]
    lang: str
    entries: Sequence[Entry] = ()
    indexes: Sequence[int] = ()
    path: str = ""
    glossary: Glossary | None = None
    memory: TranslationMemory | None = None

    @cached_property
    def profile(self) -> Profile:
        """Return the target language's profile."""
        return profile(self.lang)

    def location(self, i: int) -> str:
        """Return pair ``i``'s ``path:line``, as ``CheckContext.location`` has it."""
        line = self.entries[i].line
        return f"{self.path}:{line}" if line else self.path

    def matching(self, pattern: re.Pattern[str], side: Side = Side.TARGET) -> set[int]:
        """Return the indexes of the pairs whose ``side`` ``pattern`` matches.

        The pattern runs once over every text joined by NUL characters, so it
        must not match a NUL nor rely on ``^``, ``$``, ``\\A`` or ``\\Z``.
        """
        joined, starts = self._text(side)
        return {bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined)}

    def joined(self, side: Side = Side.TARGET) -> str:
        """Return the texts of ``side`` joined by NUL characters (one pass over them all)."""
        return self._text(side)[0]

    def _text(self, side: Side) -> tuple[str, list[int]]:
        return self._target_text if Side(side) is Side.TARGET else self._source_text

    @cached_property
    def _target_text(self) -> tuple[str, list[int]]:
        return _join(self.targets)

    @cached_property
    def _source_text(self) -> tuple[str, list[int]]:
        return _join(self.sources)


def _join(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The texts joined by the separator, and where each starts."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return _SEPARATOR.join(texts), starts


PairTest = Callable[[str, str, "Entry | None"], bool]  # (source, target, entry) -> may the check report it?


@dataclass(frozen=True)
class Trigger:
    """What a pair must show before a check can report it; the check's screen is made from it.

    A pair is picked when any part picks it:

    - ``target`` / ``source``: patterns found somewhere in that side (run once
      over the whole batch, see ``Batch.matching``);
    - ``test``: a test of one pair ``(source, target, entry)`` (entry None when
      the batch has none);
    - ``batch_test``: a test of the whole batch at once, returning the indexes it picks;
    - ``every``: every pair (the check has no cheap test in this run).

    ``Trigger()`` picks no pair: the check cannot report anything in this run.
    """

    target: tuple[re.Pattern[str], ...] = ()
    source: tuple[re.Pattern[str], ...] = ()
    test: PairTest | None = None
    batch_test: Callable[[Batch], Iterable[int]] | None = None
    every: bool = False

    def picks(self, batch: Batch) -> set[int] | range:
        """Return the indexes of the pairs of ``batch`` this trigger picks."""
        if self.every:
            return range(len(batch.targets))
        picked: set[int] = set()
        for pattern in self.target:
            picked |= batch.matching(pattern, Side.TARGET)
        for pattern in self.source:
            picked |= batch.matching(pattern, Side.SOURCE)
        if self.test is not None:
            test = self.test
            entries = batch.entries or repeat(None)
            picked.update(
                i for i, (source, target, entry) in enumerate(zip(batch.sources, batch.targets, entries))
                if test(source, target, entry)
            )
        if self.batch_test is not None:
            picked.update(self.batch_test(batch))
        return picked


TriggerFunction = Callable[[Batch], Trigger]  # what the run (language, glossary, memory) makes of a check's trigger
HeaderFunction = Callable[["Catalog", str], Iterable[tuple[int, str]]]  # (catalog, lang) -> (line, message)


@dataclass(frozen=True)
class Check:
    """One row of the check table: id, severity, function, one-line description.

    ``needs_target`` False means the check also sees pairs whose translation is
    empty (only ``empty`` and ``fuzzy`` want that).  ``trigger``, when given,
    builds the run's ``Trigger``, whose picks narrow the pairs the function is
    called on (``screen``; see the module docstring).  A row with ``header``
    checks the catalogue once, ``(catalog, lang) -> (line, message)``
    problems, and its ``function`` sees no pairs.  ``glossary`` and
    ``memory`` say what the function reads from its context: the runner
    loads the glossary and builds the translation memory only for a run of
    checks that read them.
    """

    id: str
    severity: Severity
    function: CheckFunction
    description: str
    needs_target: bool = True
    trigger: TriggerFunction | None = None
    header: HeaderFunction | None = None  # a check of the catalogue's header, not of its pairs
    glossary: bool = False  # reads ``CheckContext.glossary``
    memory: bool = False  # reads ``CheckContext.memory``

    def screen(self, batch: Batch) -> set[int] | range:
        """Return the pairs of ``batch`` the function may report: all of them without a trigger."""
        if self.trigger is None:
            return range(len(batch.targets))
        return self.trigger(batch).picks(batch)


@dataclass(frozen=True)
class Finding:
    """One problem found in one catalogue entry.

    ``severity`` is always a ``Severity`` (a string given is turned into one, so a
    wrong one fails here); it prints and serialises as its plain value.
    """

    check: str
    severity: Severity
    path: str  # catalogue path, relative to the project root where possible
    line: int  # line of the entry's msgid in the catalogue (0 if unknown)
    msgid: str  # excerpt of the source
    message: str
    fuzzy: bool = False
    lang: str = ""
    span: Span | None = None  # character span in the translation, when known

    def __post_init__(self) -> None:
        if type(self.severity) is not Severity:
            object.__setattr__(self, "severity", Severity(self.severity))

    @property
    def location(self) -> str:
        """Return ``path:line`` (or just ``path`` when the line is unknown)."""
        return f"{self.path}:{self.line}" if self.line else self.path


# --- character classes shared by the checks ---------------------------------

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK symbols and punctuation, full-width forms.  Curly quotes, the ellipsis
# and the em dash are shared with English and deliberately not included.
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef"
HAN_RE = re.compile(f"[{HAN}]")
CJK_RE = re.compile(f"[{HAN}{CJK_PUNCT}]")

@lru_cache(maxsize=32)
def letters_re(letters: str) -> re.Pattern[str] | None:
    """Return a pattern matching one character of a profile's ``letters`` class (None if empty)."""
    return re.compile(f"[{letters}]") if letters else None


@lru_cache(maxsize=32)
def native_re(letters: str) -> re.Pattern[str]:
    """Return a pattern matching one of ``letters`` or a CJK/full-width punctuation mark."""
    return re.compile(f"[{letters}{CJK_PUNCT}]")


def mask(text: str, *patterns: re.Pattern[str], fill: str = "_") -> str:
    """Return ``text`` with every match of ``patterns`` overwritten by ``fill``.

    The length is kept so spans found in the masked text index the original.
    """
    chars = list(text)
    for pattern in patterns:
        for match in pattern.finditer(text):
            chars[match.start() : match.end()] = fill * (match.end() - match.start())
    return "".join(chars)


def quote(text: str, limit: int = 40) -> str:
    """Return ``text`` in curly quotes, shortened with an ellipsis past ``limit``."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"

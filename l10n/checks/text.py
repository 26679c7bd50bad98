"""Checks on the shape of the text: empty, fuzzy, whitespace, doubled words, length.

Entry states, decided once here and in the runner:

- an untranslated entry (empty msgstr, not fuzzy) is not a finding; ``l10n
  stats`` counts it.  Only the checks whose ``needs_target`` is False see
  empty translations at all;
- ``empty`` (error) is a translation that exists in name only: a fuzzy draft
  with an empty msgstr, a msgstr of nothing but whitespace, or a plural
  entry with some forms filled and others empty;
- ``fuzzy`` (info) is every unreviewed draft, whatever else is wrong with it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger, is_draft
from l10n.text.languages import Profile


def _blank(source: str, target: str, entry: object = None) -> bool:
    """Whether the translation is empty or whitespace (the only ones ``empty`` reports)."""
    return not target.strip()


def trigger_empty(batch: Batch) -> Trigger:
    """``empty`` reports blank translations only."""
    return Trigger(test=_blank)


def check_empty(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message when a translation exists in name only."""
    if not _blank(source, target):
        return
    entry = ctx.entry
    if target:
        yield "the translation is only whitespace: translate the entry or clear it"
    elif entry is not None and entry.msgid_plural is not None and any(entry.msgstr_plural):
        yield f"plural form msgstr[{ctx.plural_index}] is empty while other forms are translated: fill it in"
    elif ctx.fuzzy:
        yield "the entry is marked fuzzy but has no translation: draft it or remove the fuzzy flag"


def _draft(source: str, target: str, entry) -> bool:
    return is_draft(entry)


def trigger_fuzzy(batch: Batch) -> Trigger:
    """``fuzzy`` reports unreviewed drafts only."""
    return Trigger(test=_draft)


def check_fuzzy(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield one note for an unreviewed draft."""
    if ctx.fuzzy:
        yield "unreviewed draft: review the translation and remove the fuzzy flag"


@lru_cache(maxsize=16)
def _gap(letters: str) -> re.Pattern[str]:
    """A space between two characters of an unspaced script (or next to its full-width marks)."""
    return re.compile(
        f"(?<=[{letters}])[ \t\u00a0\u3000]+(?=[{letters}，。；：？！、）」』])"
        f"|(?<=[，。；：？！、（「『])[ \t\u00a0\u3000]+(?=[{letters}])"
    )


_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")


def _gaps(language: Profile) -> re.Pattern[str] | None:
    """The language's pattern of a space where it writes none (None for a spaced script)."""
    return _gap(language.letters) if not language.spaced and language.letters else None


def _edged(source: str, target: str, entry: object = None) -> bool:
    """Whether either side starts or ends with whitespace (else the edges agree: none on both)."""
    return source[:1].isspace() or source[-1:].isspace() or target[:1].isspace() or target[-1:].isspace()


def trigger_whitespace(batch: Batch) -> Trigger:
    """What ``whitespace`` reports: whitespace at an edge, its gap pattern, a double space."""
    gaps = _gaps(batch.profile)
    return Trigger(target=(_DOUBLE_SPACE,) if gaps is None else (_DOUBLE_SPACE, gaps), test=_edged)


def check_whitespace(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield messages for leading/trailing mismatches, spaces in an unspaced script, double spaces."""
    if _edged(source, target):
        for side, src, tgt in (("leading", _lead(source), _lead(target)), ("trailing", _trail(source), _trail(target))):
            if src != tgt:
                yield (f"{side} whitespace differs: the source has {_describe(src)}, the translation "
                       f"{_describe(tgt)}; copy the source's")
    language = ctx.profile
    gaps = _gaps(language)
    if gaps is not None:
        for match in gaps.finditer(target):
            yield (f"a space between {language.name} characters: remove it "
                   f"({language.name} is written without spaces)", match.span())
    if not _DOUBLE_SPACE.search(source):
        for match in _DOUBLE_SPACE.finditer(target):
            yield ("a double space in the translation: use a single space", match.span())


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trail(text: str) -> str:
    return text[len(text.rstrip()) :]


def _describe(space: str) -> str:
    if not space:
        return "none"
    if "\n" in space:
        return "a line break"
    return "a space" if len(space) == 1 else f"{len(space)} whitespace characters"


@lru_cache(maxsize=16)
def _doubled(never: str) -> re.Pattern[str]:
    """Characters a language never writes twice in a row (its profile's ``never_doubled``): 的的, をを."""
    return re.compile(f"([{re.escape(never)}])\\1")


# ASCII boundaries: Python's \b sees no boundary between "the" and 方法.
_WORD_DOUBLED = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\s+\1(?![A-Za-z])", re.IGNORECASE)
# Doubled words that can be correct: "had had", "that that", French "nous nous", German "dass das das
# Beste ist", "die die Zeitung liest" after a comma-less clause start.
_WORD_OK = {"had", "that", "is", "nous", "vous", "no", "very", "ha", "la", "bye", "so", "das", "die", "der", "sie"}


def trigger_doubled_word(batch: Batch) -> Trigger:
    """``doubled-word`` reports matches of its two patterns only (legitimate doubles are picked too)."""
    never = batch.profile.never_doubled
    return Trigger(target=(_WORD_DOUBLED, _doubled(never)) if never else (_WORD_DOUBLED,))


def check_doubled_word(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per word written twice in a row (的的, "the the")."""
    never = ctx.profile.never_doubled
    if never:
        for match in _doubled(never).finditer(target):
            start, end = match.span()
            if target[start - 2 : start - 1] == target[start - 1 : start] != "" or (
                target[end : end + 1] == target[end + 1 : end + 2] != ""
            ):
                continue  # AABB reduplication: 实实在在, 的的确确
            yield (f"“{match.group()}”: the word {match.group(1)} is written twice; delete one", match.span())
    for match in _WORD_DOUBLED.finditer(target):
        word = match.group(1)
        if word.lower() in _WORD_OK or match.group().lower() in source.lower():
            continue  # a legitimate double, or one copied from the source
        yield (f"“{match.group()}”: the word “{word}” is written twice; delete one", match.span())


# The bounds (the profile's ``ratio``) are generous on purpose, to catch a
# dropped clause or a pasted paragraph, not to judge style.
_MIN_SOURCE = 20  # shorter sources vary too much to judge


def _measure(source: str, target: str, bounds: tuple[float, float]) -> tuple[int, int, float] | None:
    """``(source length, translation length, ratio)`` when the ratio is outside ``bounds``, else None."""
    src = len(source.strip())
    if src < _MIN_SOURCE:
        return None
    tgt = len("".join(target.split()))
    ratio = tgt / src
    low, high = bounds
    return (src, tgt, ratio) if ratio < low or ratio > high else None


def trigger_length(batch: Batch) -> Trigger:
    """``length``'s whole test is cheap enough to be its trigger."""
    bounds = batch.profile.ratio
    return Trigger(test=lambda source, target, entry: _measure(source, target, bounds) is not None)


def check_length(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message when the translation is implausibly short or long for its source."""
    low, high = ctx.profile.ratio
    measured = _measure(source, target, (low, high))
    if measured is None:
        return
    src, tgt, ratio = measured
    pair = f"expected {low}–{high} for {ctx.profile.name}"
    if ratio < low:
        yield f"the translation is short for its source ({tgt} characters for {src}, ratio {ratio:.2f}; {pair}): is part of the sentence missing?"
    elif ratio > high:
        yield f"the translation is long for its source ({tgt} characters for {src}, ratio {ratio:.2f}; {pair}): is something extra pasted in?"


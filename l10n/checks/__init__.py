"""QA checks over translated catalogues: the check table and the runner.

Every check is a row of ``CHECKS``: an id (what ``--only``/``--skip`` take),
a severity, a pure function ``(source, target, ctx) -> problems`` and a
trigger, what a pair must show before the function can report it, from which
the screen is made that picks, from all pairs of a run at once, the ones the
function may report (``l10n.checks.base``).  There is no other registration.

What is checked: every active entry with a translation, reviewed or fuzzy
(drafts are checked too, and their findings say so).  Untranslated entries
are not findings (``l10n stats`` counts them); ``empty`` reports translations
that exist in name only (see ``l10n.checks.text``).  Plural entries are
checked form by form.

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``, ``l10n.po``,
``l10n.project``, ``l10n.formats`` and ``l10n.glossary``.  Must not import
engines or stages: a check is a pure function of source, target and context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from l10n.checks.base import Batch, Check, CheckContext, Finding, Severity, pairs
from l10n.checks.consistency import check_consistency, trigger_consistency
from l10n.checks.drafts import check_confirmed_low, trigger_confirmed_low
from l10n.checks.glossary import check_forbidden, check_glossary, kept_phrases, trigger_glossary
from l10n.checks.header import check_plural_forms, no_pair_problems
from l10n.checks.numbers import check_numbers, trigger_numbers
from l10n.checks.placeholders import check_placeholders, trigger_placeholders
from l10n.checks.punctuation import check_punctuation, trigger_punctuation
from l10n.checks.text import (
    check_doubled_word,
    check_empty,
    check_fuzzy,
    check_length,
    check_whitespace,
    trigger_doubled_word,
    trigger_empty,
    trigger_fuzzy,
    trigger_length,
    trigger_whitespace,
)
from l10n.checks.untranslated import check_untranslated_text, trigger_untranslated_text
from l10n.errors import L10nError
from l10n.po.read import language_catalogs

if TYPE_CHECKING:
    from l10n.glossary.model import Glossary
    from l10n.po.catalog import Catalog, Entry
    from l10n.po.memory import TranslationMemory
    from l10n.project.config import Settings

__all__ = ["CHECKS", "GLOSSARY_CHECKS", "CheckResult", "check_catalog", "run_checks", "select_checks"]

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

CHECKS: tuple[Check, ...] = (
    Check("empty", E, check_empty, "a translation that exists in name only (fuzzy and empty, blank, a missing plural form)", needs_target=False, trigger=trigger_empty),
    Check("glossary", E, check_glossary, "a glossary term whose approved translation is missing", trigger=trigger_glossary, glossary=True),
    Check("forbidden", E, check_forbidden, "a forbidden translation of a glossary term", trigger=trigger_glossary, glossary=True),
    Check("numbers", E, check_numbers, "a number of the source missing from the translation, or one added", trigger=trigger_numbers),
    Check("placeholders", E, check_placeholders, "printf/brace placeholders, tags, URLs, e-mail addresses not copied exactly", trigger=trigger_placeholders),
    Check("punctuation", W, check_punctuation, "an ending unlike the source's, or ASCII punctuation in Chinese text", trigger=trigger_punctuation),
    Check("untranslated-text", W, check_untranslated_text, "English words left in the translation", trigger=trigger_untranslated_text, glossary=True),
    Check("whitespace", W, check_whitespace, "leading/trailing whitespace unlike the source's, spaces in Chinese, double spaces", trigger=trigger_whitespace),
    Check("doubled-word", W, check_doubled_word, "a word written twice in a row (的的, the the)", trigger=trigger_doubled_word),
    Check("length", W, check_length, "a translation implausibly short or long for its source", trigger=trigger_length),
    Check("consistency", W, check_consistency, "one source translated differently in another catalogue", trigger=trigger_consistency, memory=True),
    Check("confirmed-low-draft", W, check_confirmed_low, "a low-quality dictionary draft confirmed without a change", trigger=trigger_confirmed_low),
    Check("fuzzy", I, check_fuzzy, "an unreviewed draft (marked fuzzy)", needs_target=False, trigger=trigger_fuzzy),
    Check("plural-forms", E, no_pair_problems, "a Plural-Forms header gettext cannot use, or a plural entry with another number of forms than it says", needs_target=False, header=check_plural_forms),
)  # fmt: skip
GLOSSARY_CHECKS = ("glossary", "forbidden")
_BY_ID = {check.id: check for check in CHECKS}


@dataclass(frozen=True)
class CheckResult:
    """The findings of a run, with what was checked."""

    findings: tuple[Finding, ...]
    catalogs: tuple[str, ...] = ()  # paths checked, relative to the project root
    languages: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()  # ids of the checks that ran
    entries: int = 0  # entries checked (translated or fuzzy)

    def counts(self) -> dict[str, int]:
        """Return the number of findings per severity: ``{"error": n, "warning": n, "info": n}``."""
        counts = dict.fromkeys((s.value for s in Severity), 0)  # plain keys: the JSON summary's
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def failed(self, fail_on: str | Severity = Severity.ERROR) -> bool:
        """Return True if any finding is at or above the ``fail_on`` severity."""
        rank = Severity(fail_on).rank
        return any(f.severity.rank >= rank for f in self.findings)


def get_check(check_id: str) -> Check:
    """Return the check with ``check_id`` (L10nError listing the known ids if none)."""
    try:
        return _BY_ID[check_id]
    except KeyError:
        raise _unknown([check_id]) from None


def _unknown(ids: Sequence[str]) -> L10nError:
    names = ", ".join(repr(i) for i in ids)
    return L10nError(f"unknown check id {names}", hint=f"known checks: {', '.join(_BY_ID)}")


def select_checks(only: Iterable[str] = (), skip: Iterable[str] = (), glossary_only: bool = False) -> tuple[Check, ...]:
    """Return the checks to run, in table order (L10nError for an unknown id)."""
    only, skip = tuple(only), tuple(skip)
    unknown = [i for i in (*only, *skip) if i not in _BY_ID]
    if unknown:
        raise _unknown(unknown)
    return tuple(
        check
        for check in CHECKS
        if (not only or check.id in only) and check.id not in skip and (not glossary_only or check.id in GLOSSARY_CHECKS)
    )


def check_catalog(
    catalog: Catalog,
    lang: str,
    glossary: Glossary | None = None,
    *,
    checks: Sequence[Check] = CHECKS,
    memory: TranslationMemory | None = None,
    path: str | None = None,
    source_language: str = "en",
) -> list[Finding]:
    """Return the findings of ``checks`` on one catalogue, in file order then table order.

    ``memory`` (``l10n.po.memory.TranslationMemory``) holds the language's other
    translations for ``consistency``; ``path`` is how findings name the file
    (default: the catalogue's own path).
    """
    return _check_catalog(catalog, lang, glossary, checks, memory, path, source_language)[0]


# Below this many entries a second process costs more (fork, sending findings back) than it saves.
PARALLEL_MIN_ENTRIES = 5000


def _check_catalog(
    catalog: Catalog, lang: str, glossary: Glossary | None, checks: Sequence[Check], memory: TranslationMemory | None,
    path: str | None, source_language: str,
) -> tuple[list[Finding], int]:
    if path is None:
        path = catalog.path.as_posix() if catalog.path is not None else ""
    kept = kept_phrases(glossary, lang) if glossary is not None else ()
    entries = catalog.active
    header = [
        Finding(check.id, check.severity, path, line, "", message, False, lang)
        for check in checks
        if check.header is not None
        for line, message in check.header(catalog, lang)
    ]
    args = (lang, glossary, checks, memory, path, source_language, kept)
    if len(entries) >= PARALLEL_MIN_ENTRIES and _can_fork():
        findings, checked = _check_in_two(entries, args)
    else:
        findings, checked = _check_entries(entries, *args)
    if header:  # header findings of an entry go among the others, in file order (the sort is stable)
        findings = sorted(header + findings, key=lambda f: f.line)
    return findings, checked


def _can_fork() -> bool:
    import multiprocessing
    import os

    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return cpus >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _check_in_two(entries, args) -> tuple[list[Finding], int]:
    """Check the second half of ``entries`` in a forked child while this process checks the first.

    Checks are pure functions of one entry and what was built before the fork
    (glossary, consistency memory), so the halves' findings, joined in order,
    are those of one pass.  Should the child fail in any way, its half is
    checked here instead: the result never depends on the child.
    """
    import multiprocessing
    import sys

    for stream in (sys.stdout, sys.stderr):  # else text buffered before the fork is written twice
        if stream is not None:
            stream.flush()
    half = len(entries) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, entries[half:], args), daemon=True)
    child.start()
    sender.close()
    try:
        findings, checked = _check_entries(entries[:half], *args)
        try:
            second = receiver.recv()
        except (EOFError, OSError):
            second = None
    finally:
        receiver.close()
        child.join()
    if second is None or child.exitcode != 0:
        second = _check_entries(entries[half:], *args)
    findings.extend(second[0])
    return findings, checked + second[1]


def _child(sender, entries, args) -> None:
    try:
        sender.send(_check_entries(entries, *args))
    except BaseException:  # noqa: BLE001 - the parent checks this half itself and reports any error
        pass
    finally:
        sender.close()


def _check_entries(entries, lang, glossary, checks, memory, path, source_language, kept, screens=True) -> tuple[list[Finding], int]:
    """Findings of ``checks`` on ``entries`` and the number of entries checked.

    Each check sees the pairs its screen picks (all of them without one, or
    with ``screens`` False: the tests compare the two).  Header checks see none.
    """
    checks = [check for check in checks if check.header is None]
    work: list[tuple[int, Entry, int, str, str]] = []  # (entry number, entry, plural index, source, target)
    checked = 0
    for entry in entries:
        entry_pairs = pairs(entry)
        if not entry.msgid or (not entry.fuzzy and not any(t for _, t in entry_pairs)):
            continue  # the header, or an untranslated entry
        checked += 1
        work.extend((checked, entry, index, source, target) for index, (source, target) in enumerate(entry_pairs))
    batch = Batch([w[3] for w in work], [w[4] for w in work], lang, [w[1] for w in work], [w[2] for w in work],
                  path, glossary, memory)
    picked = [set(check.screen(batch)) if screens and check.trigger is not None else None for check in checks]
    todo = range(len(work)) if any(p is None for p in picked) else sorted(set().union(*picked))
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    seen_in = 0
    for i in todo:
        number, entry, index, source, target = work[i]
        if number != seen_in:  # a message is reported once per entry, whatever its plural forms
            seen, seen_in = set(), number
        ctx = None
        blank = not target.strip()
        for check, chosen in zip(checks, picked):
            if (blank and check.needs_target) or (chosen is not None and i not in chosen):
                continue
            if ctx is None:
                ctx = CheckContext(lang, entry, glossary, memory, batch.location(i), index, source_language, kept)
            for problem in check.function(source, target, ctx):
                message, span = problem if isinstance(problem, tuple) else (problem, None)
                if (check.id, message) in seen:
                    continue
                seen.add((check.id, message))
                findings.append(
                    Finding(check.id, check.severity, path, entry.line, _excerpt(entry.msgid),
                            message, entry.fuzzy, lang, span)
                )
    return findings, checked


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_checks(
    settings: Settings,
    langs: Iterable[str],
    only: Iterable[str] = (),
    skip: Iterable[str] = (),
    glossary_only: bool = False,
) -> CheckResult:
    """Check every catalogue ``locales/<lang>/LC_MESSAGES/*.po`` of ``langs``; return the result.

    Raises L10nError for an unknown check id, a language without catalogues,
    an unreadable catalogue or glossary, and for ``glossary_only`` without a
    glossary (a glossary check with nothing to enforce would always pass).
    """
    from l10n.po.memory import TranslationMemory
    from l10n.po.read import read_catalog

    checks = select_checks(only, skip, glossary_only)
    glossary = None
    if any(c.glossary for c in checks):
        from l10n.glossary.files import glossary_files
        from l10n.glossary.load import load_glossary

        if glossary_only and not glossary_files(settings.glossary):
            raise L10nError(
                "no glossary to enforce: the folder has no *.csv files",
                path=settings.glossary,
                hint="add the glossary CSV files, or set [tool.l10n] glossary to their folder",
            )
        glossary = load_glossary(settings.glossary)
    langs = tuple(dict.fromkeys(langs))
    findings: list[Finding] = []
    catalogs: list[str] = []
    entries = 0
    for lang in langs:
        directory = settings.po_path(lang, "x").parent
        paths = language_catalogs(settings.locales, lang)
        if not paths:
            raise L10nError(
                f"no catalogues to check for {lang!r}",
                path=directory,
                hint=f"run `l10n update --to {lang}` (or `l10n translate --to {lang}`) first, or pick another --to",
            )
        loaded = [(settings.relative(p), read_catalog(p)) for p in paths]
        memory = TranslationMemory(loaded) if any(c.memory for c in checks) else None
        for rel, catalog in loaded:
            found, checked = _check_catalog(catalog, lang, glossary, checks, memory, rel, settings.source_language)
            findings.extend(found)
            entries += checked
            catalogs.append(rel)
    return CheckResult(tuple(findings), tuple(catalogs), langs, tuple(c.id for c in checks), entries)

"""``glossary`` and ``forbidden``: the term glossary, enforced on every translation.

Matching (multi-word terms, plurals, case) is ``l10n.glossary.model``'s; these
checks only turn its issues into messages.  Without a glossary they find
nothing.
"""

from __future__ import annotations

import re
from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger
from l10n.glossary.model import Glossary, IssueKind, TermIssue, check_target


def _issues(source: str, target: str, ctx: CheckContext, kind: IssueKind) -> Iterator[TermIssue]:
    if ctx.glossary is None:
        return iter(())
    key = ("glossary", source, target)
    issues = ctx.shared.get(key)
    if issues is None:  # ``glossary`` and ``forbidden`` read the same issues: compute them once per pair
        issues = ctx.shared[key] = check_target(source, target, ctx.glossary, ctx.lang)
    return (i for i in issues if i.kind == kind)


def trigger_glossary(batch: Batch) -> Trigger:
    """Every pair when the glossary enforces a term in the language (``Glossary.enforces``, the
    terms ``check_target`` looks for); none otherwise."""
    glossary = batch.glossary
    return Trigger(every=True) if glossary is not None and glossary.enforces(batch.lang) else Trigger()


def check_glossary(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per source term whose approved translation is missing."""
    for issue in _issues(source, target, ctx, IssueKind.MISSING):
        where = f" (glossary {issue.term.location})" if issue.term.location else ""
        yield f"the term “{source[issue.source_start:issue.source_end]}” must be translated as “{issue.expected}”{where}"


def check_forbidden(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per forbidden variant of a term found in the translation."""
    for issue in _issues(source, target, ctx, IssueKind.FORBIDDEN):
        message = (
            f"“{issue.found}” is a forbidden translation of the term “{issue.term.source}”: use “{issue.expected}”"
        )
        yield (message, (issue.start, issue.end)) if issue.start is not None else message


_LATIN = re.compile(r"[A-Za-z]")


def kept_phrases(glossary: Glossary | None, lang: str) -> tuple[str, ...]:
    """Return the Latin-script forms the glossary keeps in ``lang``, longest first.

    These are the do-not-translate terms and any approved target written in
    Latin letters (a brand kept as "CHINT", a name kept as "Tai Chi").
    """
    if glossary is None:
        return ()
    kept: set[str] = set()
    for term in glossary.terms:
        if not term.approved:
            continue
        target = term.target(lang)
        if term.do_not_translate:
            kept.add(term.source)
        if target and _LATIN.search(target):
            kept.add(target)
    return tuple(sorted(kept, key=lambda p: (-len(p), p)))

"""``glossary`` and ``forbidden``: the term glossary, enforced on every translation.

Matching (multi-word terms, plurals, case) is the glossary module's; these
checks only turn its issues into messages.  Without a glossary they find
nothing.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger


def _issues(source: str, target: str, ctx: CheckContext, kind: str) -> Iterator[Any]:
    if ctx.glossary is None:
        return iter(())
    key = ("glossary", source, target)
    issues = ctx.shared.get(key)
    if issues is None:  # ``glossary`` and ``forbidden`` read the same issues: compute them once per pair
        from l10n.glossary.model import check_target

        issues = ctx.shared[key] = check_target(source, target, ctx.glossary, ctx.lang)
    return (i for i in issues if i.kind == kind)


def trigger_glossary(batch: Batch) -> Trigger:
    """Every pair when the glossary has an approved term with a target in the language; none without one
    (the glossary checks only approved terms with a target: ``l10n.glossary.check_target``)."""
    glossary = batch.glossary
    if glossary is None or not any(t.approved and t.target(batch.lang) is not None for t in glossary.terms):
        return Trigger()
    return Trigger(every=True)


def check_glossary(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per source term whose approved translation is missing."""
    for issue in _issues(source, target, ctx, "missing"):
        where = f" (glossary {issue.term.location})" if issue.term.location else ""
        yield f"the term “{source[issue.source_start:issue.source_end]}” must be translated as “{issue.expected}”{where}"


def check_forbidden(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per forbidden variant of a term found in the translation."""
    for issue in _issues(source, target, ctx, "forbidden"):
        message = (
            f"“{issue.found}” is a forbidden translation of the term “{issue.term.source}”: use “{issue.expected}”"
        )
        yield (message, (issue.start, issue.end)) if issue.start is not None else message


_LATIN = re.compile(r"[A-Za-z]")


def kept_phrases(glossary: Any, lang: str) -> tuple[str, ...]:
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

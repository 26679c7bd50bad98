"""Checks on draft provenance: a low-quality machine draft confirmed as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger

if TYPE_CHECKING:
    from l10n.po.catalog import Entry


def _confirmed_low(source: str, target: str, entry: Entry | None) -> bool:
    """Whether ``entry`` is reviewed and still holds a low-quality draft unchanged (the whole check)."""
    if entry is None or entry.fuzzy or not entry.msgstr or not entry.translator_comments:
        return False
    from l10n.po.provenance import Quality, find

    found = find(entry)
    return found is not None and found.quality == Quality.LOW and found.matches_text(entry.msgstr)


def trigger_confirmed_low(batch: Batch) -> Trigger:
    """The check's whole test is its trigger: it reads only the entry's comments."""
    return Trigger(test=_confirmed_low)


def check_confirmed_low(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield one warning for a ``quality=low`` draft confirmed without a single change."""
    if _confirmed_low(source, target, ctx.entry):
        yield "a low-quality dictionary draft was confirmed without any change: review it (or mark it fuzzy again)"

"""Checks on draft provenance: a low-quality machine draft confirmed as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from l10n.checks.base import Batch, CheckContext, Problem

if TYPE_CHECKING:
    from l10n.po.catalog import Entry


def _confirmed_low(entry: Entry) -> bool:
    from l10n.po.provenance import find

    found = find(entry) if entry.translator_comments else None
    return found is not None and found.quality == "low" and found.matches_text(entry.msgstr)


def screen_confirmed_low(batch: Batch) -> list[int]:
    """Return the pairs of reviewed entries that still hold a low-quality draft unchanged."""
    return [i for i, entry in enumerate(batch.entries) if not entry.fuzzy and entry.msgstr and _confirmed_low(entry)]


def check_confirmed_low(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield one warning for a ``quality=low`` draft confirmed without a single change."""
    entry = ctx.entry
    if entry is not None and not entry.fuzzy and entry.msgstr and _confirmed_low(entry):
        yield "a low-quality dictionary draft was confirmed without any change: review it (or mark it fuzzy again)"

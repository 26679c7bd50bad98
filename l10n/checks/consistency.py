"""``consistency``: one source, one translation across the catalogues of a language.

The comparison is with the language's translation memory (``l10n.po.memory``),
which holds reviewed (non-fuzzy) translations only: a reviewed entry is
compared with the other reviewed ones, and a draft with what reviewers
approved elsewhere.  A draft never makes a reviewed entry look inconsistent.
Entries with different ``msgctxt`` are different messages and never compared.
"""

from __future__ import annotations

from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger, quote


def _held_elsewhere(batch: Batch) -> list[int]:
    """The pairs whose message the memory holds from somewhere else."""
    memory = batch.memory
    if memory is None:
        return []
    out = []
    for i, (entry, index) in enumerate(zip(batch.entries, batch.indexes)):
        held = memory.held(entry.msgctxt, entry.msgid, index)
        if held and any(location != batch.location(i) for _, location in held):
            out.append(i)
    return out


def trigger_consistency(batch: Batch) -> Trigger:
    """A message the memory holds from another place (the check compares with those only)."""
    return Trigger(batch_test=_held_elsewhere)


def check_consistency(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield one message listing the other translations of the same source."""
    if ctx.entry is None or ctx.memory is None:
        return
    mine = " ".join(target.split())
    others = [
        (text, location)
        for text, location in ctx.memory.held(ctx.entry.msgctxt, ctx.entry.msgid, ctx.plural_index)
        if location != ctx.location and " ".join(text.split()) != mine
    ]
    if not others:
        return
    shown = "; ".join(f"{quote(text, 30)} in {location}" for text, location in others[:2])
    more = f" and {len(others) - 2} more" if len(others) > 2 else ""
    yield f"the same source is translated differently elsewhere: {shown}{more}; use one translation"

"""``consistency``: one source, one translation across the catalogues of a language.

The memory holds reviewed (non-fuzzy) translations only: a reviewed entry is
compared with the other reviewed ones, and a draft with what reviewers
approved elsewhere.  A draft never makes a reviewed entry look inconsistent.
Entries with different ``msgctxt`` are different messages and never compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger, quote

if TYPE_CHECKING:
    from l10n.catalog import Catalog

Memory = dict[tuple[str | None, str, int], tuple[tuple[str, str], ...]]


def pairs(entry) -> list[tuple[str, str]]:
    """Return the ``(source, translation)`` pairs of an entry, one per msgstr.

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


def build_memory(catalogs: Iterable[tuple[str, Catalog]]) -> Memory:
    """Return every reviewed translation of the given ``(path, catalog)`` pairs by message key."""
    memory: dict[tuple[str | None, str, int], list[tuple[str, str]]] = {}
    for path, catalog in catalogs:
        for entry in catalog.active:
            if not entry.msgid or entry.fuzzy:
                continue
            for index, (_, translation) in enumerate(pairs(entry)):
                if translation.strip():
                    location = f"{path}:{entry.line}" if entry.line else path
                    memory.setdefault((entry.msgctxt, entry.msgid, index), []).append((translation, location))
    return {key: tuple(values) for key, values in memory.items()}


def _held_elsewhere(batch: Batch) -> list[int]:
    """The pairs whose message the memory holds from somewhere else."""
    out = []
    for i, (entry, index) in enumerate(zip(batch.entries, batch.indexes)):
        held = batch.memory.get((entry.msgctxt, entry.msgid, index))
        if held and any(location != batch.location(i) for _, location in held):
            out.append(i)
    return out


def trigger_consistency(batch: Batch) -> Trigger:
    """A message the memory holds from another place (the check compares with those only)."""
    return Trigger(pairs=_held_elsewhere)


def check_consistency(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield one message listing the other translations of the same source."""
    if ctx.entry is None:
        return
    key = (ctx.entry.msgctxt, ctx.entry.msgid, ctx.plural_index)
    mine = " ".join(target.split())
    others = [
        (text, location)
        for text, location in ctx.memory.get(key, ())
        if location != ctx.location and " ".join(text.split()) != mine
    ]
    if not others:
        return
    shown = "; ".join(f"{quote(text, 30)} in {location}" for text, location in others[:2])
    more = f" and {len(others) - 2} more" if len(others) > 2 else ""
    yield f"the same source is translated differently elsewhere: {shown}{more}; use one translation"

"""Post-editing numbers: how much of the machine output survived review.

Every active, translated entry of a catalogue falls in one class:

- ``pending``: an l10n draft nobody has reviewed yet (fuzzy, text as l10n wrote it);
- ``confirmed``: an l10n draft a person confirmed without changing a character
  (fuzzy flag removed; it stays in this class if ``update`` later made it fuzzy);
- ``edited``: an l10n draft whose text a person changed (fuzzy or not); the
  character edit distance (Levenshtein, rapidfuzz) between the draft l10n
  wrote (from the draft journal, ``l10n.po.journal``) and the text now is the
  post-editing effort;
- ``human``: a translation with no l10n marker at all.

Drafts are grouped by ``engine/model`` as their marker names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from l10n.po.catalog import Catalog
from l10n.po.journal import read_journal
from l10n.po.provenance import MarkerState, find


@dataclass
class EngineCounts:
    """Drafts of one engine/model by what review made of them."""

    pending: int = 0
    confirmed: int = 0
    edited: int = 0
    distance_total: int = 0
    distance_measured: int = 0  # edited drafts whose original text the journal still has

    @property
    def mean_distance(self) -> float | None:
        return self.distance_total / self.distance_measured if self.distance_measured else None

    def add(self, other: EngineCounts) -> None:
        for name in ("pending", "confirmed", "edited", "distance_total", "distance_measured"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        mean = self.mean_distance
        return {
            "pending": self.pending,
            "confirmed_unchanged": self.confirmed,
            "edited": self.edited,
            "mean_edit_distance": None if mean is None else round(mean, 2),
            "edit_distance_measured": self.distance_measured,
        }


@dataclass
class PostEditing:
    """Post-editing numbers of one catalogue (or a sum of several)."""

    engines: dict[str, EngineCounts] = field(default_factory=dict)
    human: int = 0

    def add(self, other: PostEditing) -> None:
        self.human += other.human
        for label, counts in other.engines.items():
            self.engines.setdefault(label, EngineCounts()).add(counts)

    def to_dict(self) -> dict[str, Any]:
        return {"engines": {k: v.to_dict() for k, v in sorted(self.engines.items())}, "human_only": self.human}


def post_editing(catalog: Catalog, journal: dict[str, str] | None = None) -> PostEditing:
    """Return the post-editing numbers of ``catalog`` (``journal``: draft key → draft text)."""
    from rapidfuzz.distance import Levenshtein

    journal = journal or {}
    result = PostEditing()
    for entry in catalog.active:
        if not entry.msgid or entry.msgid_plural is not None or not entry.msgstr:
            continue
        found = find(entry)
        if found is None:
            result.human += 1
            continue
        counts = result.engines.setdefault(found.label, EngineCounts())
        if not found.matches_text(entry.msgstr):
            counts.edited += 1
            original = journal.get(found.key)
            if original is not None:
                counts.distance_total += Levenshtein.distance(original, entry.msgstr)
                counts.distance_measured += 1
        elif entry.fuzzy and found.state != MarkerState.REVIEWED:
            counts.pending += 1
        else:
            counts.confirmed += 1
    return result


def catalog_post_editing(catalog: Catalog, path: Path) -> PostEditing:
    """Return ``post_editing`` of the catalogue at ``path``, with its draft journal."""
    return post_editing(catalog, read_journal(path))


def total(items: Iterable[PostEditing]) -> PostEditing:
    """Return the sum of several catalogues' numbers."""
    out = PostEditing()
    for item in items:
        out.add(item)
    return out


def format_post_editing(rows: Iterable[tuple[str, str, PostEditing]]) -> str:
    """Return a text table: one line per catalogue and engine/model, then human-only entries."""
    table = [["catalogue", "lang", "engine/model", "pending", "confirmed", "edited", "mean edit distance"]]
    humans = []
    for name, lang, numbers in rows:
        for label, c in sorted(numbers.engines.items()):
            mean = c.mean_distance
            table.append([name, lang, label, str(c.pending), str(c.confirmed), str(c.edited),
                          "-" if mean is None else f"{mean:.1f} ({c.distance_measured})"])
        humans.append(f"{name} {lang}: {numbers.human} human-only translations (no l10n draft behind them)")
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    lines = ["  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in table]
    head = "post-editing: drafts by what review made of them (confirmed = unchanged; distance in characters, measured on N)"
    return "\n".join([head, *lines, *humans]) + "\n"

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
from typing import Any, Iterable, Mapping

from l10n.po.catalog import Catalog
from l10n.po.journal import read_journal
from l10n.po.provenance import MarkerState, find

_COUNTS = ("pending", "confirmed", "edited", "distance_total", "distance_measured")


@dataclass(frozen=True)
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

    def __add__(self, other: EngineCounts) -> EngineCounts:
        return EngineCounts(*(getattr(self, name) + getattr(other, name) for name in _COUNTS))

    def to_dict(self) -> dict[str, Any]:
        mean = self.mean_distance
        return {
            "pending": self.pending,
            "confirmed_unchanged": self.confirmed,
            "edited": self.edited,
            "mean_edit_distance": None if mean is None else round(mean, 2),
            "edit_distance_measured": self.distance_measured,
        }


@dataclass(frozen=True)
class PostEditing:
    """Post-editing numbers of one catalogue (or a sum of several)."""

    engines: Mapping[str, EngineCounts] = field(default_factory=dict)
    human: int = 0

    def __add__(self, other: PostEditing) -> PostEditing:
        engines = dict(self.engines)
        for label, counts in other.engines.items():
            engines[label] = engines.get(label, EngineCounts()) + counts
        return PostEditing(engines, self.human + other.human)

    def to_dict(self) -> dict[str, Any]:
        return {"engines": {k: v.to_dict() for k, v in sorted(self.engines.items())}, "human_only": self.human}


def post_editing(catalog: Catalog, journal: dict[str, str] | None = None) -> PostEditing:
    """Return the post-editing numbers of ``catalog`` (``journal``: draft key → draft text)."""
    from rapidfuzz.distance import Levenshtein

    journal = journal or {}
    human = 0
    tallies: dict[str, dict[str, int]] = {}  # engine/model label -> EngineCounts fields
    for entry in catalog.active:
        if not entry.msgid or entry.msgid_plural is not None or not entry.msgstr:
            continue
        found = find(entry)
        if found is None:
            human += 1
            continue
        counts = tallies.setdefault(found.label, dict.fromkeys(_COUNTS, 0))
        if not found.matches_text(entry.msgstr):
            counts["edited"] += 1
            original = journal.get(found.key)
            if original is not None:
                counts["distance_total"] += Levenshtein.distance(original, entry.msgstr)
                counts["distance_measured"] += 1
        elif entry.fuzzy and found.state != MarkerState.REVIEWED:
            counts["pending"] += 1
        else:
            counts["confirmed"] += 1
    return PostEditing({label: EngineCounts(**counts) for label, counts in tallies.items()}, human)


def catalog_post_editing(catalog: Catalog, path: Path) -> PostEditing:
    """Return ``post_editing`` of the catalogue at ``path``, with its draft journal."""
    return post_editing(catalog, read_journal(path))


def total(items: Iterable[PostEditing]) -> PostEditing:
    """Return the sum of several catalogues' numbers."""
    return sum(items, PostEditing())

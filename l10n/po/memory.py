"""Translation memory: reviewed translations from the project's own catalogues."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from l10n.po.catalog import Catalog


@dataclass(frozen=True)
class MemoryMatch:
    """A reviewed translation of exactly the same source, and where it lives."""

    target: str
    path: Path | None  # the catalogue it came from (the same msgid finds the entry there)


class TranslationMemory:
    """Exact-match memory over reviewed (translated, not fuzzy) entries.

    Only reviewed translations are remembered: a machine draft must never
    teach another draft.  When one source has several reviewed translations
    the most frequent wins, then the first seen, so the result is
    deterministic.
    """

    def __init__(self, catalogs: Iterable[Catalog]) -> None:
        counts: dict[tuple[str | None, str], dict[str, int]] = {}
        first: dict[tuple[tuple[str | None, str], str], Path | None] = {}
        for catalog in catalogs:
            for entry in catalog.active:
                if entry.fuzzy or not entry.msgstr or entry.msgid_plural is not None:
                    continue
                variants = counts.setdefault(entry.key, {})
                variants[entry.msgstr] = variants.get(entry.msgstr, 0) + 1
                first.setdefault((entry.key, entry.msgstr), catalog.path)
        self._best: dict[tuple[str | None, str], MemoryMatch] = {}
        for key, variants in counts.items():
            target = max(variants, key=lambda t: variants[t])  # max keeps the first of ties
            self._best[key] = MemoryMatch(target, first[(key, target)])

    def __len__(self) -> int:
        return len(self._best)

    def lookup(self, msgid: str, msgctxt: str | None = None) -> MemoryMatch | None:
        """Return the reviewed translation of exactly ``msgid`` or None."""
        return self._best.get((msgctxt, msgid))


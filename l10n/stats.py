"""stats: how far each catalogue's translation has come.

Per catalogue and language: translated, fuzzy and untranslated entries and
English source words, with percentages.  Obsolete entries and the header do
not count.  An entry flagged fuzzy counts as fuzzy whatever its msgstr, as
``msgfmt --statistics`` counts it.

``stats_to_dict`` is the stable JSON structure (``schema`` 1)::

    {"schema": 1,
     "catalogues": [{"domain": "doc", "lang": "zh",
                     "path": "locales/zh/LC_MESSAGES/doc.po", "exists": true,
                     "entries": {"translated": 10, "fuzzy": 5, "untranslated": 5, "total": 20,
                                 "percent": {"translated": 50.0, "fuzzy": 25.0, "untranslated": 25.0}},
                     "words": {... same keys ...}}],
     "languages": {"zh": {"entries": {...}, "words": {...}, "post_editing": {...}}}}

Each catalogue and language also has ``post_editing`` (``l10n.po.postedit``)::

    {"engines": {"fallback/cc-cedict-20231107": {"pending": 220, "confirmed_unchanged": 3,
                 "edited": 3, "mean_edit_distance": 41.5, "edit_distance_measured": 2}},
     "human_only": 1}

A configured target language whose catalogue does not exist yet is listed with
``"exists": false`` and every template entry untranslated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from l10n.errors import L10nError
from l10n.po.catalog import STATES, Catalog, Entry, EntryState
from l10n.po.postedit import PostEditing, catalog_post_editing, total
from l10n.project.config import Settings

SCHEMA = 1


@dataclass(frozen=True)
class Counts:
    """Entries (or words) by state."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def percent(self, state: str) -> float:
        """Return the share of ``state`` in percent (0.0 for an empty catalogue)."""
        return 100.0 * getattr(self, state) / self.total if self.total else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, s) + getattr(other, s) for s in STATES))

    def to_dict(self) -> dict[str, Any]:
        """Return the counts, total and percentages as a JSON-ready dict."""
        data: dict[str, Any] = {s.value: getattr(self, s) for s in STATES}
        data["total"] = self.total
        data["percent"] = {s.value: round(self.percent(s), 2) for s in STATES}
        return data


@dataclass(frozen=True)
class CatalogStats:
    """Statistics of one catalogue (domain, language)."""

    domain: str
    lang: str
    path: str
    entries: Counts
    words: Counts
    exists: bool = True
    post_editing: PostEditing = field(default_factory=PostEditing, compare=False)


def source_words(entry: Entry) -> int:
    """Return the number of whitespace-separated words of the entry's msgid."""
    return len(entry.msgid.split())


def catalog_counts(catalog: Catalog, as_template: bool = False) -> tuple[Counts, Counts]:
    """Return (entry counts, word counts) of a catalogue's active entries.

    With ``as_template`` every entry counts as untranslated (a POT).
    """
    entries = dict.fromkeys(STATES, 0)
    words = dict.fromkeys(STATES, 0)
    for entry in catalog.active:
        if not entry.msgid:
            continue
        state = EntryState.UNTRANSLATED if as_template else entry.state
        entries[state] += 1
        words[state] += source_words(entry)
    return Counts(**entries), Counts(**words)


def project_stats(settings: Settings, languages: Iterable[str] | None = None) -> list[CatalogStats]:
    """Return statistics for every catalogue of the project, sorted by language then domain.

    Languages are the configured targets plus any with catalogues on disk (or
    only ``languages`` if given).  Where a template exists but a target
    language has no catalogue yet, the row counts the template as untranslated.
    """
    from l10n.po.read import language_catalogs, read_catalog

    domains = sorted(p.stem for p in settings.locales.glob("*.pot")) if settings.locales.is_dir() else []
    if languages is None:
        found = {p.parent.parent.name for p in settings.locales.glob("*/LC_MESSAGES/*.po")}
        langs = sorted(set(settings.target_languages) | found)
    else:
        langs = list(dict.fromkeys(languages))
    rows = []
    for lang in langs:
        present = [p.stem for p in language_catalogs(settings.locales, lang)]
        for domain in sorted(set(domains) | set(present)):
            po = settings.po_path(lang, domain)
            if po.exists():  # a folder in its place is an error, not "no catalogue yet"
                catalog = read_catalog(po)
                entries, words = catalog_counts(catalog)
                edits = catalog_post_editing(catalog, po)
                rows.append(CatalogStats(domain, lang, settings.relative(po), entries, words, post_editing=edits))
            else:
                entries, words = catalog_counts(read_catalog(settings.pot_path(domain)), as_template=True)
                rows.append(CatalogStats(domain, lang, settings.relative(po), entries, words, exists=False))
    if not rows:
        raise L10nError(
            "no catalogues or templates found",
            path=settings.locales,
            hint="run `l10n extract` and `l10n update --to LANG` first",
        )
    return rows


def language_totals(rows: Iterable[CatalogStats]) -> dict[str, tuple[Counts, Counts]]:
    """Return (entries, words) summed over each language's catalogues."""
    totals: dict[str, tuple[Counts, Counts]] = {}
    for row in rows:
        entries, words = totals.get(row.lang, (Counts(), Counts()))
        totals[row.lang] = (entries + row.entries, words + row.words)
    return totals


def stats_to_dict(rows: list[CatalogStats]) -> dict[str, Any]:
    """Return the statistics as the documented JSON structure (see module doc)."""
    return {
        "schema": SCHEMA,
        "catalogues": [
            {
                "domain": r.domain,
                "lang": r.lang,
                "path": r.path,
                "exists": r.exists,
                "entries": r.entries.to_dict(),
                "words": r.words.to_dict(),
                "post_editing": r.post_editing.to_dict(),
            }
            for r in rows
        ],
        "languages": {
            lang: {
                "entries": e.to_dict(),
                "words": w.to_dict(),
                "post_editing": total(r.post_editing for r in rows if r.lang == lang).to_dict(),
            }
            for lang, (e, w) in language_totals(rows).items()
        },
    }

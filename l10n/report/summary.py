"""``l10n stats``, ``l10n score`` and ``l10n glossary export``: the commands with a ``--format``
besides check.

- ``l10n stats`` and ``l10n score``: a text table or JSON (``SummaryFormat``);
  their JSON structures are ``l10n.stats.stats_to_dict`` and
  ``ScoreReport.to_dict``.
- ``l10n glossary export``: TBX-Basic or CSV (``GlossaryFormat``).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from l10n.glossary.model import Glossary
    from l10n.po.postedit import PostEditing
    from l10n.score import ScoreReport
    from l10n.stats import CatalogStats, Counts


class SummaryFormat(StrEnum):
    """The formats of ``l10n stats`` and ``l10n score``."""

    TEXT = "text"
    JSON = "json"


class GlossaryFormat(StrEnum):
    """The formats of ``l10n glossary export``."""

    TBX = "tbx"
    CSV = "csv"


# --- l10n stats -----------------------------------------------------------------


def render_stats(rows: list[CatalogStats], fmt: str = SummaryFormat.TEXT) -> str:
    """Return the statistics as JSON (``stats_to_dict``) or as text tables.

    Text: the counts table, then the post-editing table where l10n drafted or
    people translated anything.
    """
    from l10n.stats import stats_to_dict

    if fmt == SummaryFormat.JSON:
        return json.dumps(stats_to_dict(rows), ensure_ascii=False, indent=2) + "\n"
    if fmt != SummaryFormat.TEXT:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(SummaryFormat)}")
    text = stats_table(rows)
    drafted = [(r.domain, r.lang, r.post_editing) for r in rows if r.exists]
    if any(p.engines or p.human for _, _, p in drafted):
        text += "\n" + post_editing_table(drafted)
    return text


def stats_table(rows: list[CatalogStats]) -> str:
    """Return the statistics as a text table with aligned columns.

    One row per catalogue (domain, language): entries and source words by
    state, each ``count (percent)``.  A per-language total follows where a
    language has several catalogues.
    """
    from l10n.stats import language_totals

    states = ["translated", "fuzzy", "untranslated", "total"]
    header = ["catalogue", "lang", *states, *states]
    table = [header]
    for row in rows:
        name = row.domain if row.exists else f"{row.domain} (no catalogue yet)"
        table.append(_stats_cells(name, row.lang, row.entries, row.words))
    for lang, (entries, words) in language_totals(rows).items():
        if sum(1 for r in rows if r.lang == lang) > 1:
            table.append(_stats_cells("total", lang, entries, words))
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    sep = "  "
    # Text columns left-aligned, numbers right-aligned.
    lines = [sep.join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))).rstrip() for line in table]
    entries_at = sum(widths[:2]) + 2 * len(sep)
    words_at = entries_at + sum(widths[2:6]) + 4 * len(sep)
    groups = " " * entries_at + "entries".ljust(words_at - entries_at) + "source words"
    return "\n".join([groups, *lines]) + "\n"


def _stats_cells(name: str, lang: str, entries: Counts, words: Counts) -> list[str]:
    from l10n.po.catalog import STATES

    def cells(counts: Counts) -> list[str]:
        return [*(f"{getattr(counts, s)} ({counts.percent(s):.1f}%)" for s in STATES), str(counts.total)]

    return [name, lang, *cells(entries), *cells(words)]


def post_editing_table(rows: Iterable[tuple[str, str, PostEditing]]) -> str:
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


# --- l10n score -----------------------------------------------------------------

UNTRANSLATED_SHOWN = 20  # the text report lists this many untranslated segments


def render_score(report: ScoreReport, fmt: str = SummaryFormat.TEXT) -> str:
    """Return the score report as JSON (``ScoreReport.to_dict``) or as text."""
    if fmt == SummaryFormat.JSON:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt != SummaryFormat.TEXT:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(SummaryFormat)}")
    lines = [
        f"{report.lang}: {report.scored} of {report.total} segments scored against "
        f"{report.reference} ({report.reference_format})",
        f"  hypotheses: {report.translated} translated, {report.fuzzy} fuzzy drafts, "
        f"{report.untranslated} untranslated (scored as empty)",
    ]
    if report.skipped:
        lines.append(f"  skipped: {report.skipped} segments have no reference")
    lines.append("")
    width = max(len(s.name) for s in report.scores)
    for s in report.scores:
        lines.append(f"{s.name.ljust(width)}  {s.value:6.2f}  {s.signature}")
    terms = report.terms
    lines.append("")
    if terms is None:
        lines.append("terms: no glossary")
    elif not terms.total:
        lines.append("terms: no glossary term occurs in the scored sources")
    else:
        lines.append(f"terms: {terms.found}/{terms.total} occurrences rendered ({100 * terms.rate:.1f}%)")
        for miss in terms.misses:
            lines.append(f"  missed {miss.missed}/{miss.occurrences}: {miss.term} -> {miss.target}")
    if report.untranslated_locations:
        lines.append("")
        lines.append("untranslated (scored as empty):")
        lines.extend(f"  {where}" for where in report.untranslated_locations[:UNTRANSLATED_SHOWN])
        if len(report.untranslated_locations) > UNTRANSLATED_SHOWN:
            more = len(report.untranslated_locations) - UNTRANSLATED_SHOWN
            lines.append(f"  ... and {more} more (see --format json)")
    lines.append("")
    if not report.worst:
        lines.append("every scored segment matches its reference (sentence chrF 100)")
    else:
        lines.append(f"worst {len(report.worst)} segments by sentence chrF:")
        for w in report.worst:
            lines.append(f"  {w.chrf:6.2f}  {w.location}")
            lines.append(f"          source:     {w.source}")
            lines.append(f"          hypothesis: {w.hypothesis}")
            lines.append(f"          reference:  {w.reference}")
    return "\n".join(lines) + "\n"


# --- l10n glossary export -------------------------------------------------------


def render_glossary(glossary: Glossary, fmt: str, source_language: str) -> str:
    """Return the whole glossary as one TBX-Basic document or one CSV file."""
    if fmt == GlossaryFormat.TBX:
        from l10n.glossary.tbx import format_tbx

        return format_tbx(glossary.terms, source_language, glossary.version)
    if fmt == GlossaryFormat.CSV:
        from l10n.glossary.csv import format_glossary_csv

        return format_glossary_csv(glossary.terms, glossary.languages)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(GlossaryFormat)}")

"""Rendering stats, score and the glossary export: text tables, JSON, TBX and CSV."""

from __future__ import annotations

import json

import pytest

from l10n.glossary.model import Glossary, LangMap, Term
from l10n.po.postedit import EngineCounts, PostEditing
from l10n.report.summary import (
    UNTRANSLATED_SHOWN,
    GlossaryFormat,
    SummaryFormat,
    post_editing_table,
    render_glossary,
    render_score,
    render_stats,
    stats_table,
)
from l10n.score import Score, ScoreReport, SegmentScore, TermAccuracy, TermMiss
from l10n.stats import CatalogStats, Counts

STATS_ROWS = [
    CatalogStats("alpha", "zh", "locales/zh/LC_MESSAGES/alpha.po", Counts(3, 1, 0), Counts(30, 5, 0)),
    CatalogStats("beta", "zh", "locales/zh/LC_MESSAGES/beta.po", Counts(0, 0, 2), Counts(0, 0, 9), exists=False),
    CatalogStats("alpha", "fr", "locales/fr/LC_MESSAGES/alpha.po", Counts(1, 0, 1), Counts(4, 0, 4)),
]


def test_table_columns_are_aligned():
    text = stats_table(STATS_ROWS)
    groups, header, *rows = text.splitlines()
    states = ["translated", "fuzzy", "untranslated", "total"]
    assert header.split() == ["catalogue", "lang", *states, *states]
    assert groups.split() == ["entries", "source", "words"]
    assert groups.index("entries") == header.index("translated")
    assert rows[0].split()[:4] == ["alpha", "zh", "3", "(75.0%)"]
    assert "beta (no catalogue yet)" in rows[1]
    assert rows[3].startswith("total ") and " zh " in rows[3]
    assert len(rows) == 4  # no total for fr, which has one catalogue

    def ends(line: str) -> list[int]:
        return [i + 1 for i, ch in enumerate(line) if ch != " " and (i + 1 == len(line) or line[i + 1] == " ")]

    # Right-aligned numeric columns end at the same offsets on every row.
    for row in rows:
        assert set(ends(header)[-8:]) <= set(ends(row)), row


def test_stats_text_without_drafts_is_the_table_alone() -> None:
    assert render_stats(STATS_ROWS, SummaryFormat.TEXT) == stats_table(STATS_ROWS)
    assert "post-editing" not in render_stats(STATS_ROWS)
    with pytest.raises(ValueError):
        render_stats(STATS_ROWS, "xml")


def test_post_editing_table_per_engine_then_human_only():
    numbers = PostEditing({"argos translate-en_zh-1.9": EngineCounts(4, 3, 2, 10, 2), "fallback cc": EngineCounts(1, 0, 0)}, human=5)
    lines = post_editing_table([("alpha", "zh", numbers)]).splitlines()
    assert lines[0].startswith("post-editing: drafts by what review made of them")
    assert lines[1].split() == ["catalogue", "lang", "engine/model", "pending", "confirmed", "edited", "mean", "edit", "distance"]
    assert lines[2].split() == ["alpha", "zh", "argos", "translate-en_zh-1.9", "4", "3", "2", "5.0", "(2)"]
    assert lines[3].split()[-1] == "-"  # nothing edited: no distance
    assert lines[4] == "alpha zh: 5 human-only translations (no l10n draft behind them)"


def _report(**changes) -> ScoreReport:
    fields = dict(
        lang="zh", scored=3, total=4, skipped=1, translated=2, fuzzy=1, untranslated=0,
        scores=(Score("BLEU", 41.234, "nrefs:1|bleu"), Score("chrF2", 55.5, "nrefs:1|chrf")),
        reference="ref.po", reference_format="po",
    )
    return ScoreReport(**{**fields, **changes})


def test_score_text_with_terms_untranslated_and_worst_segments():
    worst = (SegmentScore(0, "Hello.", "你好", "您好。", 12.5, "seeds/a.txt:1"),)
    terms = TermAccuracy(3, 4, (TermMiss("City Brain", "城市大脑", 1, 2),))
    locations = tuple(f"seeds/a.txt:{i}" for i in range(UNTRANSLATED_SHOWN + 2))
    text = render_score(_report(worst=worst, terms=terms, untranslated_locations=locations))
    lines = text.splitlines()
    assert lines[:3] == [
        "zh: 3 of 4 segments scored against ref.po (po)",
        "  hypotheses: 2 translated, 1 fuzzy drafts, 0 untranslated (scored as empty)",
        "  skipped: 1 segments have no reference",
    ]
    assert "BLEU    41.23  nrefs:1|bleu" in lines and "chrF2   55.50  nrefs:1|chrf" in lines
    assert "terms: 3/4 occurrences rendered (75.0%)" in lines
    assert "  missed 1/2: City Brain -> 城市大脑" in lines
    assert "  ... and 2 more (see --format json)" in lines
    assert f"  seeds/a.txt:{UNTRANSLATED_SHOWN - 1}" in lines and f"  seeds/a.txt:{UNTRANSLATED_SHOWN}" not in lines
    assert lines[-5:] == [
        "worst 1 segments by sentence chrF:",
        "   12.50  seeds/a.txt:1",
        "          source:     Hello.",
        "          hypothesis: 你好",
        "          reference:  您好。",
    ]


def test_score_text_without_glossary_or_misses_and_json():
    text = render_score(_report(skipped=0))
    assert "skipped" not in text and "terms: no glossary\n" in text
    assert text.endswith("every scored segment matches its reference (sentence chrF 100)\n")
    assert "terms: no glossary term occurs in the scored sources" in render_score(_report(terms=TermAccuracy(0, 0)))
    assert json.loads(render_score(_report(), SummaryFormat.JSON)) == json.loads(json.dumps(_report().to_dict()))
    with pytest.raises(ValueError):
        render_score(_report(), "xml")


def test_glossary_export_in_both_formats():
    glossary = Glossary((Term("City Brain", targets=LangMap({"zh": "城市大脑"})),), version="v1")
    tbx = render_glossary(glossary, GlossaryFormat.TBX, "en")
    assert tbx.startswith("<?xml") and "City Brain" in tbx and "城市大脑" in tbx and 'xml:lang="zh"' in tbx
    csv_text = render_glossary(glossary, GlossaryFormat.CSV, "en")
    assert csv_text.splitlines()[0].startswith("source,") and "City Brain" in csv_text and "城市大脑" in csv_text
    with pytest.raises(ValueError):
        render_glossary(glossary, "xml", "en")

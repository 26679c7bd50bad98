"""Rendering the one-form output of extract, update, translate, build and fmt (l10n.report.runs)."""

from __future__ import annotations

from pathlib import Path

from l10n.build import BuildReport, DocumentBuild, Fallback
from l10n.engines import EngineInfo
from l10n.extract import ExtractResult
from l10n.fmt import Formatted
from l10n.formats.base import Unused
from l10n.po.merge import MergeStats
from l10n.report.runs import (
    render_build,
    render_build_warnings,
    render_extract,
    render_fmt_change,
    render_fmt_notice,
    render_fmt_total,
    render_translate,
    render_update,
)
from l10n.translate import TranslateSummary
from l10n.update import UpdateResult

ROOT = Path("/project")


def relative(path: Path) -> str:
    return Path(path).relative_to(ROOT).as_posix()


def test_extract_names_each_template_and_whether_it_was_written():
    results = [
        ExtractResult("a", ROOT / "locales/a.pot", 12, True),
        ExtractResult("b", ROOT / "locales/b.pot", 1, False),
    ]
    assert render_extract(results, relative) == (
        "locales/a.pot: 12 entries (written)\nlocales/b.pot: 1 entries (unchanged)\n"
    )
    assert render_extract([], relative) == ""


def test_update_says_created_updated_or_unchanged_with_the_merge_counts():
    po = ROOT / "locales/zh/LC_MESSAGES/a.po"
    results = [
        UpdateResult("zh", "a", po, MergeStats(new=226, created=True), True),
        UpdateResult("fr", "a", po, MergeStats(kept=3, fuzzy=1, new=2, obsolete=4), True),
        UpdateResult("de", "a", po, MergeStats(kept=5), False),
    ]
    assert render_update(results, relative).splitlines() == [
        "locales/zh/LC_MESSAGES/a.po: created: 0 kept, 0 fuzzy, 226 new, 0 obsolete",
        "locales/zh/LC_MESSAGES/a.po: updated: 3 kept, 1 fuzzy, 2 new, 4 obsolete",
        "locales/zh/LC_MESSAGES/a.po: unchanged: 5 kept, 0 fuzzy, 0 new, 0 obsolete",
    ]


def test_translate_summary_of_a_low_quality_run_with_missing_terms_and_a_concurrent_save():
    po = ROOT / "locales/zh/LC_MESSAGES/a.po"
    summary = TranslateSummary(
        "zh", "fallback", "asked for with --engine fallback",
        engine_info=EngineInfo("fallback", "cc-cedict", quality="low", settings="cpu"),
        reused=2, drafted=7, redrafted=1, terms_enforced=4, terms_missing=12,
        missing_terms=tuple(f"t{i}" for i in range(12)), kept_drafts=3, untouched=5,
        catalogs=(po,), concurrent_saves=(po,), kept_theirs=2,
    )
    lines = render_translate([summary], relative, where="tcp://host:8786").splitlines()
    assert lines == [
        "drafted on: tcp://host:8786",
        "engine: fallback — asked for with --engine fallback",
        "  settings: cpu",
        "  drafts from the fallback are low-quality dictionary drafts: review every one",
        "catalogue: locales/zh/LC_MESSAGES/a.po",
        "reused from translation memory: 2",
        "drafted by fallback: 7 new, 1 redrafted",
        "glossary terms enforced: 4, missing: 12",
        "  missing terms: t0, t1, t2, t3, t4, t5, t6, t7, t8, t9 …",
        "left untouched: 5 reviewed or human entries, 3 earlier drafts",
        "locales/zh/LC_MESSAGES/a.po was saved by someone else during the run: their changes were merged in and "
        "kept (2 entries they changed are theirs), l10n's drafts went only where they changed nothing",
        "drafts are marked fuzzy: review them in your PO editor, then run `l10n check`",
    ]


def test_translate_summary_when_there_was_nothing_to_draft():
    summary = TranslateSummary("zh", "auto", "nothing to do", missing_terms=("a", "b"), terms_missing=2)
    text = render_translate([summary, summary], relative)
    assert "drafted on" not in text
    assert text.count("nothing to draft: every entry already has a translation or a draft\n") == 2
    assert "drafted by auto: 0 new, 0 redrafted\n" in text
    assert "  missing terms: a, b\n" in text  # no ellipsis for ten or fewer
    assert "settings" not in text and "low-quality" not in text


def _document(**changes) -> DocumentBuild:
    fields = dict(
        domain="a", document=ROOT / "build/zh/a.txt", mo=ROOT / "build/zh/LC_MESSAGES/a.mo", paragraphs=3,
        segments=10, translated=8, fuzzy_used=0, fuzzy_excluded=2, fallbacks=(), mo_entries=8,
    )
    return DocumentBuild(**{**fields, **changes})


def test_build_lines_per_document_and_state():
    written = _document(written=True, changed=True, review=ROOT / "build/zh/a.txt.review.html", fuzzy_used=1, fuzzy_excluded=0)
    unchanged = _document(written=True, changed=False)
    report = BuildReport("zh", False, True, (written, unchanged))
    assert render_build(report, relative).splitlines() == [
        "build/zh/a.txt: 3 paragraphs, 8/10 segments translated (written)",
        "build/zh/LC_MESSAGES/a.mo: 8 messages (written)",
        "build/zh/a.txt.review.html: review page (written)",
        "  1 fuzzy drafts used (--include-fuzzy)",
        "build/zh/a.txt: 3 paragraphs, 8/10 segments translated (unchanged)",
        "build/zh/LC_MESSAGES/a.mo: 8 messages (unchanged)",
        "  2 fuzzy drafts left out (use --include-fuzzy to use them)",
    ]
    assert render_build_warnings(report) == ""


def test_build_warnings_list_fallbacks_and_the_strict_refusal():
    fallbacks = (Fallback("seeds/a.txt:1", "Hello.", Unused.FUZZY), Fallback("seeds/a.txt:4", "Bye.", Unused.MISSING))
    strict = BuildReport("zh", True, False, (_document(fallbacks=fallbacks),))
    assert "(not written)" in render_build(strict, relative)
    assert render_build_warnings(strict).splitlines() == [
        "warning: 2 segments would fall back to the source text:",
        "  seeds/a.txt:1: fuzzy: Hello.",
        "  seeds/a.txt:4: missing: Bye.",
        "error: --strict: every segment needs a translation; nothing was written",
    ]
    lenient = BuildReport("zh", False, False, (_document(fallbacks=fallbacks[:1], written=True),))
    assert render_build_warnings(lenient) == "warning: 1 segments fell back to the source text:\n  seeds/a.txt:1: fuzzy: Hello.\n"


def test_fmt_lines_per_file_and_the_total():
    changed = Formatted(Path("a.po"), b"", True, "written as UTF-8")
    same = Formatted(Path("b.po"), b"", False)
    assert render_fmt_notice(changed, str) == "a.po: written as UTF-8\n"
    assert render_fmt_notice(same, str) == ""
    assert render_fmt_change(changed, str, check=True) == "would reformat a.po\n"
    assert render_fmt_change(changed, str, check=False) == "reformatted a.po\n"
    assert render_fmt_change(same, str, check=False) == ""
    assert render_fmt_total([changed, same], check=True) == "1 of 2 files would change\n"
    assert render_fmt_total(iter([same]), check=False) == "0 of 1 files reformatted\n"

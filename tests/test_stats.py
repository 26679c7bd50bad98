"""Tests for l10n.stats: counting, JSON structure, project discovery (the text table: test_report_summary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.po.catalog import Catalog, Entry
from l10n.project.config import load_settings
from l10n.stats import CatalogStats, Counts, catalog_counts, project_stats, stats_to_dict

CATALOG = Catalog(
    header=(("Language", "zh"),),
    entries=(
        Entry("One two three.", "一二三。"),
        Entry("Four five.", "四五。", flags=("fuzzy",)),
        Entry("Six.", "", flags=("fuzzy",)),
        Entry("Seven eight nine ten.", ""),
        Entry("Old sentence here.", "旧句。", obsolete=True),
        Entry("Apple", "苹果", msgctxt="fruit"),
    ),
)


def test_counts_by_state_obsolete_excluded():
    entries, words = catalog_counts(CATALOG)
    # "Six." is fuzzy without a translation: untranslated (Entry.state), as msgfmt --statistics counts it.
    assert entries == Counts(translated=2, fuzzy=1, untranslated=2)
    assert words == Counts(translated=4, fuzzy=2, untranslated=5)
    assert entries.total == 5 and words.total == 11


def test_template_counts_everything_untranslated():
    entries, words = catalog_counts(CATALOG, as_template=True)
    assert entries == Counts(0, 0, 5)
    assert words == Counts(0, 0, 11)


def test_percentages():
    counts = Counts(1, 1, 2)
    assert counts.percent("translated") == 25.0
    assert counts.percent("untranslated") == 50.0
    assert Counts().percent("fuzzy") == 0.0
    assert counts.to_dict() == {
        "translated": 1,
        "fuzzy": 1,
        "untranslated": 2,
        "total": 4,
        "percent": {"translated": 25.0, "fuzzy": 25.0, "untranslated": 50.0},
    }


def _rows() -> list[CatalogStats]:
    return [
        CatalogStats("alpha", "zh", "locales/zh/LC_MESSAGES/alpha.po", Counts(3, 1, 0), Counts(30, 5, 0)),
        CatalogStats("beta", "zh", "locales/zh/LC_MESSAGES/beta.po", Counts(0, 0, 2), Counts(0, 0, 9), exists=False),
        CatalogStats("alpha", "fr", "locales/fr/LC_MESSAGES/alpha.po", Counts(1, 0, 1), Counts(4, 0, 4)),
    ]


def test_json_structure():
    data = stats_to_dict(_rows())
    assert data["schema"] == 1
    assert [(c["domain"], c["lang"], c["exists"]) for c in data["catalogues"]] == [
        ("alpha", "zh", True),
        ("beta", "zh", False),
        ("alpha", "fr", True),
    ]
    assert data["catalogues"][0]["entries"]["percent"]["translated"] == 75.0
    assert data["languages"]["zh"]["entries"] == Counts(3, 1, 2).to_dict()
    assert data["languages"]["zh"]["words"]["total"] == 44
    assert data["languages"]["fr"]["words"]["translated"] == 4


# --- on a project -------------------------------------------------------------

PO = """\
msgid ""
msgstr ""
"Language: zh\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello there."
msgstr "你好。"

#, fuzzy
msgid "A draft sentence."
msgstr "草稿句子。"

msgid "Nothing yet."
msgstr ""

#~ msgid "Gone."
#~ msgstr "没了。"
"""

POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello there."
msgstr ""

msgid "A draft sentence."
msgstr ""

msgid "Nothing yet."
msgstr ""
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh", "fr"]\n', encoding="utf-8")
    locales = tmp_path / "locales"
    (locales / "zh" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "doc.pot").write_text(POT, encoding="utf-8")
    (locales / "zh" / "LC_MESSAGES" / "doc.po").write_text(PO, encoding="utf-8")
    return tmp_path


def test_project_stats_reads_catalogues_and_lists_missing_languages(tmp_path):
    rows = project_stats(load_settings(_project(tmp_path)))
    assert [(r.lang, r.domain, r.exists) for r in rows] == [("fr", "doc", False), ("zh", "doc", True)]
    fr, zh = rows
    assert zh.entries == Counts(1, 1, 1)
    assert zh.words == Counts(2, 3, 2)
    assert zh.path == "locales/zh/LC_MESSAGES/doc.po"
    assert fr.entries == Counts(0, 0, 3)


def test_project_without_catalogues_is_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\n", encoding="utf-8")
    with pytest.raises(L10nError, match="no catalogues"):
        project_stats(load_settings(tmp_path))


# --- CLI ----------------------------------------------------------------------


def test_cli_stats_table_and_json(tmp_path):
    import json

    from typer.testing import CliRunner

    from l10n.cli.app import app

    root = _project(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["--root", str(root), "stats"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].split()[:2] == ["catalogue", "lang"]
    assert lines[3].split() == [
        "doc", "zh", "1", "(33.3%)", "1", "(33.3%)", "1", "(33.3%)", "3",
        "2", "(28.6%)", "3", "(42.9%)", "2", "(28.6%)", "7",
    ]  # fmt: skip
    result = runner.invoke(app, ["--root", str(root), "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == stats_to_dict(project_stats(load_settings(root)))
    assert data["languages"]["zh"]["entries"]["translated"] == 1

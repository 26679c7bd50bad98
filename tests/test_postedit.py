"""Post-editing numbers: pending, confirmed-unchanged and edited drafts per engine, with edit distance."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n.cli.app import app
from l10n.engines import EngineInfo
from l10n.po.journal import journal_path
from l10n.po.postedit import EngineCounts, PostEditing, post_editing, total
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.project.config import load_settings
from l10n.stats import project_stats
from l10n.translate import translate_project

TEXT = "The first sentence is here.\nThe second sentence is here.\nThe third sentence is here.\nThe fourth one.\n"
PO = Path("locales/zh/LC_MESSAGES/doc.po")


class Engine:
    def __init__(self) -> None:
        self.info = EngineInfo(name="fake", model="fake-2", quality="low")

    def translate_batch(self, sentences):
        return [f"草稿：{len(s)}个字符。" for s in sentences]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    translate_project(load_settings(tmp_path), "zh", build_engine=lambda c: Engine())
    return tmp_path


def test_review_outcomes_are_counted_per_engine(project: Path) -> None:
    po = read_catalog(project / PO)
    a, b, c, d = po.entries
    confirmed = replace(a, flags=())
    edited = replace(b, msgstr=b.msgstr + "改", flags=())  # one character added
    human = replace(c, msgstr="人工翻译。", flags=(), translator_comments=())
    write_catalog(project / PO, replace(po, entries=(confirmed, edited, human, d)))
    numbers = post_editing(read_catalog(project / PO), json.loads(journal_path(project / PO).read_text())["drafts"])
    [(label, counts)] = numbers.engines.items()
    assert label == "fake/fake-2"
    assert (counts.pending, counts.confirmed, counts.edited, counts.mean_distance) == (1, 1, 1, 1.0)
    assert numbers.human == 1

    result = CliRunner().invoke(app, ["--root", str(project), "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    engine = data["catalogues"][0]["post_editing"]["engines"]["fake/fake-2"]
    assert engine == {"pending": 1, "confirmed_unchanged": 1, "edited": 1, "mean_edit_distance": 1.0, "edit_distance_measured": 1}
    assert data["languages"]["zh"]["post_editing"]["human_only"] == 1
    text = CliRunner().invoke(app, ["--root", str(project), "stats"]).output
    assert "fake/fake-2" in text and "1 human-only" in text


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="GNU gettext not installed")
def test_bulk_clear_fuzzy_shows_as_confirmed_unchanged_and_check_flags_it(project: Path) -> None:
    subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(project / PO), str(project / PO)], check=True)
    [row] = project_stats(load_settings(project))
    counts = row.post_editing.engines["fake/fake-2"]
    assert (counts.pending, counts.confirmed, counts.edited) == (0, 4, 0)
    result = CliRunner().invoke(app, ["--root", str(project), "check", "--to", "zh", "--only", "confirmed-low-draft"])
    assert result.output.count("[confirmed-low-draft]") == 4


def test_a_confirmed_draft_that_update_made_fuzzy_still_counts_as_confirmed(project: Path) -> None:
    po = read_catalog(project / PO)
    write_catalog(project / PO, replace(po, entries=(replace(po.entries[0], flags=()), *po.entries[1:])))
    seed = project / "seeds" / "doc.txt"
    seed.write_text(TEXT.replace("The first sentence is here.", "The first sentence is here now."), encoding="utf-8")
    translate_project(load_settings(project), "zh", build_engine=lambda c: Engine())
    [row] = project_stats(load_settings(project))
    counts = row.post_editing.engines["fake/fake-2"]
    assert counts.confirmed == 1 and counts.pending == 3


def test_totals_are_new_values_and_leave_each_catalogue_s_numbers_as_they_were() -> None:
    a = PostEditing({"fake/fake-2": EngineCounts(pending=1, edited=1, distance_total=4, distance_measured=1)}, human=2)
    b = PostEditing({"fake/fake-2": EngineCounts(confirmed=3), "other/m-1": EngineCounts(pending=5)}, human=1)
    summed = total([a, b])
    assert summed == PostEditing(
        {"fake/fake-2": EngineCounts(1, 3, 1, 4, 1), "other/m-1": EngineCounts(pending=5)}, human=3
    )
    assert a.engines["fake/fake-2"] == EngineCounts(pending=1, edited=1, distance_total=4, distance_measured=1)
    assert total([]) == PostEditing()
    with pytest.raises(AttributeError):
        a.human = 0  # type: ignore[misc]

"""update: msgmerge semantics, compared with GNU msgmerge on the same files."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from l10n.extract import extract_all
from l10n.po.catalog import Catalog, Entry
from l10n.po.merge import merge
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.project.config import load_settings
from l10n.update import update_all

SEED = Path(__file__).resolve().parent.parent / "seeds" / "zhejiang-stories.txt"

needs_msgmerge = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext not installed")


def make_project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "seeds").mkdir(parents=True)
    (tmp_path / "seeds" / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n')
    return tmp_path


def translate_all(catalog: Catalog) -> Catalog:
    """Give every entry a distinct stand-in translation (a reviewed catalogue)."""
    entries = tuple(
        replace(e, msgstr=f"译文{i}：{e.msgid[:12]}") if not e.obsolete else e for i, e in enumerate(catalog.entries)
    )
    return replace(catalog, entries=entries)


def test_new_catalogue_has_language_header(tmp_path):
    project = make_project(tmp_path, "Hello world. This is a test.\nA title\n")
    settings = load_settings(project)
    extract_all(settings)
    [result] = update_all(settings, ["zh"])
    po = read_catalog(result.path)
    assert po.header_value("Language") == "zh"
    assert po.header_value("Plural-Forms") == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in po.header_value("Content-Type")
    assert [e.msgid for e in po.entries] == ["Hello world.", "This is a test.", "A title"]
    assert not any(e.msgstr for e in po.entries)
    assert result.stats.created and result.stats.new == 3


def test_merge_keeps_translations_fuzzies_edits_and_obsoletes_deletions():
    pot = Catalog(entries=(Entry("Same sentence here."), Entry("The quick brown fox jumps over the lazy dog."), Entry("Brand new.")))
    po = Catalog(
        entries=(
            Entry("Same sentence here.", msgstr="相同的句子。", translator_comments=("reviewed by Li",)),
            Entry("The quick brown fox jumped over the lazy dog.", msgstr="敏捷的棕色狐狸跳过了懒狗。"),
            Entry("A sentence that was deleted entirely from the text.", msgstr="被删除的句子。"),
            Entry("Untranslated and deleted.", msgstr=""),
        )
    )
    merged, stats = merge(pot, po, "zh")
    by_id = {e.msgid: e for e in merged.entries}
    same = by_id["Same sentence here."]
    assert same.msgstr == "相同的句子。" and not same.fuzzy and same.translator_comments == ("reviewed by Li",)
    edited = by_id["The quick brown fox jumps over the lazy dog."]
    assert edited.fuzzy and edited.msgstr == "敏捷的棕色狐狸跳过了懒狗。"
    assert edited.previous_msgid == "The quick brown fox jumped over the lazy dog."
    assert by_id["Brand new."].msgstr == "" and not by_id["Brand new."].fuzzy
    gone = by_id["A sentence that was deleted entirely from the text."]
    assert gone.obsolete and gone.msgstr == "被删除的句子。"
    assert "Untranslated and deleted." not in by_id  # nothing to keep
    assert (stats.kept, stats.fuzzy, stats.new, stats.obsolete) == (1, 1, 1, 1)


def test_obsolete_translation_comes_back():
    pot = Catalog(entries=(Entry("It returns."),))
    po = Catalog(entries=(Entry("It returns.", msgstr="它回来了。", obsolete=True),))
    merged, _ = merge(pot, po, "zh")
    assert merged.entries == (Entry("It returns.", msgstr="它回来了。"),)


EDITS = [
    # (description, old, new)
    ("typo fix", "eye-catching statistics", "eye-catching statisticks"),
    ("word swap", "social, economic and environmental", "economic, social and environmental"),
    ("word change", "Hangzhou has continuously enriched", "Hangzhou has constantly enriched"),
    ("sentence split", "Thanks to process re-engineering, the complicated", "Thanks to process re-engineering. The complicated"),
    ("deletion", "Take “employee rental subsidy” during the epidemic as an example. ", ""),
    ("number change", "453 data interfaces", "455 data interfaces"),
    ("punctuation", "real people are working hard for it.", "real people are working hard for it!"),
    ("title edit", "The Story of Digital Reform in Hangzhou", "The Story of Digital Reforms in Hangzhou"),
    ("clause added", "allowing healthy people to travel freely.", "allowing healthy people to travel freely across the province."),
    ("rewrite", "Direct service delivery via process re-engineering.", "Process re-engineering enables direct delivery."),
]


def _po_state(entries) -> dict:
    state = {}
    for e in entries:
        kind = "obsolete" if e.obsolete else ("fuzzy" if e.fuzzy else ("translated" if e.msgstr else "untranslated"))
        state[e.msgid] = (kind, e.msgstr if kind != "untranslated" else "", e.previous_msgid if kind == "fuzzy" else None)
    return state


@needs_msgmerge
def test_merge_agrees_with_gnu_msgmerge_after_editing_the_seed(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for _, old, _new in EDITS:
        assert old in text, old
    project = make_project(tmp_path / "p", text)
    settings = load_settings(project)
    extract_all(settings)
    [result] = update_all(settings, ["zh"])
    write_catalog(result.path, translate_all(read_catalog(result.path)))
    old_po = tmp_path / "old.po"
    shutil.copy(result.path, old_po)

    edited = text
    for _, old, new in EDITS:
        edited = edited.replace(old, new, 1)
    (project / "seeds" / "doc.txt").write_text(edited, encoding="utf-8")
    extract_all(settings)
    pot_path = settings.pot_path("doc")
    ours, _ = merge(read_catalog(pot_path), read_catalog(old_po), "zh")

    gnu = tmp_path / "gnu.po"
    subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(gnu), str(old_po), str(pot_path)], check=True)
    theirs = read_catalog(gnu)

    mine, gnus = _po_state(ours.entries), _po_state(theirs.entries)
    assert set(mine) == set(gnus)
    agree = sum(mine[k] == gnus[k] for k in mine)
    changed = [k for k in mine if gnus[k][0] != "translated"]
    agree_changed = sum(mine[k] == gnus[k] for k in changed)
    print(f"msgmerge agreement: {agree}/{len(mine)} entries, {agree_changed}/{len(changed)} of the edited ones")
    # Every reviewed translation of an unchanged sentence is kept by both.
    assert all(mine[k] == gnus[k] for k in mine if gnus[k][0] == "translated")
    assert agree_changed >= len(changed) - 2, {k: (mine[k], gnus[k]) for k in changed if mine[k] != gnus[k]}

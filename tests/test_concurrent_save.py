"""A translator saves the catalogue in their editor while ``translate`` runs: their work is kept.

The run is the real console entry point (``tests/slowcli.py``, engine slowed
down); the editor is this test, which edits with polib and saves as Poedit
does (a temporary file renamed over the catalogue) while drafting is under way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import polib

from l10n.po.catalog import Catalog, Entry
from l10n.po.concurrent import merge3
from l10n.po.read import read_catalog

REPO = Path(__file__).resolve().parents[1]
SLOWCLI = Path(__file__).with_name("slowcli.py")
PO = Path("locales/zh/LC_MESSAGES/doc.po")
SEED = "".join(f"Village number {i} opened a library in {2000 + i}.\n" for i in range(1, 21))


def start(root: Path, marks: Path, delay: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "L10N_TEST_DELAY": str(delay), "L10N_TEST_MARKS": str(marks)}
    command = [sys.executable, str(SLOWCLI), "--root", str(root), "translate", "--to", "zh", "--engine", "argos",
               "--batch-size", "2", "--no-progress"]
    return subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def editor_save(path: Path, changes: dict[int, str]) -> dict[str, str]:
    """Edit entries by position and confirm them, saving as Poedit does; return msgid → the person's text."""
    po = polib.pofile(str(path))
    live = [e for e in po if not e.obsolete]
    typed = {}
    for index, text in changes.items():
        entry = live[index]
        entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        typed[entry.msgid] = text
    tmp = path.with_name(".poedit-save.tmp")
    po.save(str(tmp))
    os.replace(tmp, path)
    return typed


def test_a_save_during_translate_is_merged_not_overwritten(tmp_path: Path, argos_home: Path) -> None:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "doc.txt").write_text(SEED, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    marks = tmp_path / "marks"
    run = start(root, marks, delay=0.15)
    deadline = time.monotonic() + 60
    while not (marks.exists() and marks.read_text(encoding="utf-8").strip()):
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "drafting never started"
        time.sleep(0.01)
    # Entry 0 was drafted in memory already (both sides touch it); entry 19 not yet.
    typed = editor_save(root / PO, {0: "译者在运行中改了第一句。", 19: "译者在运行中写了最后一句。"})
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, out + err
    assert "saved by someone else during the run" in out, out

    after = {e.msgid: e for e in read_catalog(root / PO).entries}
    for msgid, text in typed.items():
        assert after[msgid].msgstr == text and not after[msgid].fuzzy
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(root / PO)], check=True)

    # Whatever the save reverted is drafted by the next run; the person's entries stay theirs.
    again = start(root, tmp_path / "marks2", delay=0)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, out + err
    final = {e.msgid: e for e in read_catalog(root / PO).entries}
    assert all(e.msgstr for e in final.values())
    for msgid, text in typed.items():
        assert final[msgid].msgstr == text and not final[msgid].fuzzy


def test_merge3_keeps_the_persons_entries_and_our_drafts_elsewhere() -> None:
    base = Catalog(header=(("Language", "zh"),), entries=(Entry("a"), Entry("b"), Entry("c"), Entry("d")))
    ours = Catalog(header=base.header, entries=(
        Entry("a", "草稿a", flags=("fuzzy",)), Entry("b", "草稿b", flags=("fuzzy",)), Entry("c"), Entry("d", "草稿d", flags=("fuzzy",))))
    theirs = Catalog(header=(("Language", "zh"), ("Last-Translator", "Li")), entries=(
        Entry("a", "人工a"), Entry("b"), Entry("c", "人工c"), Entry("e", "人工e")))
    merged = merge3(base, ours, theirs)
    got = {e.msgid: e.msgstr for e in merged.catalog.entries}
    assert got == {"a": "人工a", "b": "草稿b", "c": "人工c", "e": "人工e"}  # d: they removed it
    assert merged.theirs == {(None, "a"), (None, "c"), (None, "d"), (None, "e")}
    assert merged.catalog.header_value("Last-Translator") == "Li"


def test_a_save_while_the_model_loads_is_merged_with_the_update(tmp_path: Path) -> None:
    """The person saves after translate read the catalogue but before it wrote the update."""
    from l10n.engines import EngineInfo
    from l10n.project.config import load_settings
    from l10n.translate import translate_project

    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    seed = root / "seeds" / "doc.txt"
    seed.write_text("The first sentence.\nThe second sentence.\n", encoding="utf-8")

    class Engine:
        info = EngineInfo(name="fake", model="fake-1")

        def translate_batch(self, sentences):
            return [f"草稿：{s}" for s in sentences]

    translate_project(load_settings(root), "zh", build_engine=lambda c: Engine())
    seed.write_text("The first sentence.\nThe second sentence.\nA third sentence arrives.\n", encoding="utf-8")
    typed = {}

    def slow_model(choice):  # the person saves while the model loads
        typed.update(editor_save(root / PO, {1: "第二句，译者确认过。"}))
        return Engine()

    summary = translate_project(load_settings(root), "zh", build_engine=slow_model)
    after = {e.msgid: e for e in read_catalog(root / PO).entries}
    [(msgid, text)] = typed.items()
    assert after[msgid].msgstr == text and not after[msgid].fuzzy
    assert after["A third sentence arrives."].msgstr == "草稿：A third sentence arrives."
    assert after["The first sentence."].msgstr == "草稿：The first sentence."
    assert summary.concurrent_saves == (root / PO,)

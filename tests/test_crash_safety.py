"""Interrupting ``l10n translate`` loses nothing that was finished and corrupts nothing.

A temp copy of the repository's project (the seed, 226 entries) with about
half of them translated by people is drafted by the real argos engine with
the tiny random model (about 0.1 s a sentence: slow enough to interrupt),
through ``tests/slowcli.py``, which marks each engine call and each fsync so
the test knows when to strike.  After SIGINT, or SIGKILL while drafting or while
saving, every catalogue still parses and passes ``msgfmt --check``, every
planted translation is there byte for byte, and a re-run finishes the job
without redoing a finished draft.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SLOWCLI = Path(__file__).with_name("slowcli.py")
REFERENCE = Path(__file__).parent / "data" / "reference" / "zhejiang-stories.zh.tsv"
PO = Path("locales/zh/LC_MESSAGES/zhejiang-stories.po")
BATCH = 4
DELAY = 0.0  # extra seconds per sentence; the tiny model is slow enough

PYPROJECT = '[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n'


@pytest.fixture(scope="module")
def planted_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, tuple[str, ...]]]]:
    """A copy of the repository's project, extracted and updated, with human translations planted.

    Returns the project folder and {msgid: (msgstr, flags)} of the planted entries:
    every 2nd entry gets the reference translation, every 7th of the rest a
    fuzzy human translation (no l10n provenance).
    """
    from l10n.extract import extract_all
    from l10n.po.catalog import FUZZY
    from l10n.po.read import read_catalog
    from l10n.po.write import write_catalog
    from l10n.project.config import load_settings
    from l10n.update import update_all

    root = tmp_path_factory.mktemp("crash") / "project"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(REPO / "seeds" / "zhejiang-stories.txt", root / "seeds")
    shutil.copytree(REPO / "glossary", root / "glossary")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    settings = load_settings(root)
    extract_all(settings)
    update_all(settings, ["zh"])
    reference = dict(line.split("\t", 1) for line in REFERENCE.read_text(encoding="utf-8").splitlines() if "\t" in line)
    catalog = read_catalog(root / PO)
    planted: dict[str, tuple[str, tuple[str, ...]]] = {}
    entries = []
    for i, entry in enumerate(catalog.entries):
        if i % 2 == 0 and entry.msgid in reference:
            entry = replace(entry, msgstr=reference[entry.msgid])
        elif i % 7 == 1:
            entry = replace(entry, msgstr=f"人工草稿{i}：" + entry.msgid[:20], flags=(FUZZY,))
        else:
            entries.append(entry)
            continue
        planted[entry.msgid] = (entry.msgstr, entry.flags)
        entries.append(entry)
    write_catalog(root / PO, replace(catalog, entries=tuple(entries)))
    assert len(planted) > 100 and len(catalog.entries) > 200
    lock = root / "locales" / ".l10n.lock"
    if lock.exists():
        lock.unlink()
    return root, planted


@pytest.fixture
def project(planted_project, tmp_path: Path, argos_home: Path) -> tuple[Path, dict]:
    """A fresh copy of the planted project; the tiny argos model is installed (``argos_home``)."""
    source, planted = planted_project
    root = tmp_path / "project"
    shutil.copytree(source, root)
    return root, planted


def start(root: Path, marks: Path, *, delay: float = DELAY, slow_save: float = 0.0) -> subprocess.Popen:
    """Start ``l10n translate --to zh --engine argos`` on ``root`` through the test driver."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "L10N_TEST_DELAY": str(delay),
        "L10N_TEST_MARKS": str(marks),
        "L10N_TEST_SLOW_SAVE": str(slow_save),
    }
    return subprocess.Popen(
        [sys.executable, str(SLOWCLI), "--root", str(root), "translate", "--to", "zh", "--engine", "argos",
         "--batch-size", str(BATCH), "--no-progress"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def read_marks(marks: Path) -> list[list[str]]:
    if not marks.exists():
        return []
    return [line.split("\t") for line in marks.read_text(encoding="utf-8").splitlines()]


def wait_for(marks: Path, proc: subprocess.Popen, ready, timeout: float = 60.0) -> list[list[str]]:
    """Poll the marks file until ``ready(marks)``; fail if the run ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = read_marks(marks)
        if ready(seen):
            return seen
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the run ended (exit {proc.returncode}) before the moment to interrupt it\n{out}\n{err}")
        time.sleep(0.01)
    proc.kill()
    pytest.fail("timed out waiting for the run")


def _first_batch(seen: list[list[str]]) -> int:
    """Index of the first engine batch mark (len(seen) when there is none yet)."""
    return next((i for i, m in enumerate(seen) if m[0] == "batch"), len(seen))


def sentences(seen: list[list[str]]) -> list[str]:
    return [m[2] for m in seen if m[0] == "batch"]


def assert_intact(root: Path, planted: dict) -> dict[str, str]:
    """Every catalogue parses and passes msgfmt --check; planted entries are unchanged.

    Returns {msgid: msgstr} of the l10n drafts in the catalogue.
    """
    from l10n.po.read import read_catalog
    from l10n.translate import draft_state

    for po in sorted((root / "locales").rglob("*.po")) + sorted((root / "locales").glob("*.pot")):
        catalog = read_catalog(po)  # raises on any syntax problem or duplicate
        keys = [e.key for e in catalog.entries]
        assert len(keys) == len(set(keys))
        check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    entries = {e.msgid: e for e in read_catalog(root / PO).entries}
    for msgid, (msgstr, flags) in planted.items():
        assert entries[msgid].msgstr.encode("utf-8") == msgstr.encode("utf-8"), msgid
        assert entries[msgid].flags == flags, msgid
    return {m: e.msgstr for m, e in entries.items() if draft_state(e) == "draft"}


def draft_comments(root: Path) -> dict[str, tuple[str, ...]]:
    from l10n.po.read import read_catalog

    return {e.msgid: e.translator_comments for e in read_catalog(root / PO).entries}


def assert_not_locked(root: Path) -> None:
    """A killed run leaves no stale lock: ``l10n update`` (which takes the lock) runs at once."""
    proc = subprocess.run(
        [sys.executable, str(SLOWCLI), "--root", str(root), "update", "--to", "zh"],
        cwd=root, env={**os.environ, "PYTHONPATH": str(REPO), "L10N_TEST_LOCK_TIMEOUT": "1"},
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def finish(root: Path, marks: Path, planted: dict) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Re-run translate to the end; return the run and the sentences it sent to the engine."""
    if marks.exists():
        marks.unlink()
    proc = start(root, marks, delay=0)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), sentences(read_marks(marks))


def test_sigint_saves_finished_drafts_and_a_rerun_continues(project, tmp_path: Path) -> None:
    root, planted = project
    marks = tmp_path / "marks"
    proc = start(root, marks)
    seen = wait_for(marks, proc, lambda s: len(sentences(s)) >= 6 * BATCH)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)

    assert proc.returncode == 130, out + err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("interrupted"), err
    drafts = assert_intact(root, planted)
    # Drafts finished before the signal are on disk (a batch caught mid-way may be lost).
    assert len(drafts) >= len(sentences(seen)) - 2 * BATCH > 0

    comments = draft_comments(root)
    _, sent = finish(root, marks, planted)
    after = assert_intact(root, planted)
    for msgid, msgstr in drafts.items():
        assert after[msgid] == msgstr and draft_comments(root)[msgid] == comments[msgid], "a finished draft was redone"
    assert len(sent) == len(after) - len(drafts), "the re-run sent finished work to the engine again"
    from l10n.po.read import read_catalog

    assert all(e.msgstr for e in read_catalog(root / PO).entries), "the re-run left entries untranslated"


@pytest.mark.parametrize("batches", [1, 4, 10])
def test_sigkill_while_drafting(batches: int, project, tmp_path: Path) -> None:
    root, planted = project
    marks = tmp_path / "marks"
    proc = start(root, marks)
    wait_for(marks, proc, lambda s: len({m[1] for m in s if m[0] == "batch"}) >= batches)
    time.sleep(random.Random(batches).uniform(0, 0.1))
    proc.kill()
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    drafts = assert_intact(root, planted)
    assert_not_locked(root)
    assert assert_intact(root, planted) == drafts


@pytest.mark.parametrize("save", [1, 2])
def test_sigkill_while_saving(save: int, project, tmp_path: Path) -> None:
    """Killed inside an atomic write (temp file written, not renamed): the old or the new file, never half."""
    root, planted = project
    before = (root / PO).read_bytes()
    marks = tmp_path / "marks"
    proc = start(root, marks, slow_save=0.4)
    wait_for(marks, proc, lambda s: sum(m[0] == "save" for m in s) >= save)
    proc.kill()
    proc.communicate(timeout=30)
    drafts = assert_intact(root, planted)
    if save == 1:
        assert (root / PO).read_bytes() == before, "the first save was cut short, so the old file must remain"
        assert not drafts
    assert_not_locked(root)
    assert assert_intact(root, planted) == drafts


@pytest.mark.parametrize("signals", [1, 2], ids=["ctrl-c-mid-save", "ctrl-c-twice"])
def test_sigint_while_saving(signals: int, project, tmp_path: Path) -> None:
    """Ctrl-C inside a save (and an impatient second Ctrl-C): exit 130, one line, the catalogue whole."""
    root, planted = project
    marks = tmp_path / "marks"
    proc = start(root, marks, slow_save=0.4)
    # A save of drafts: after the first batch (planning may write the template or catalogue before drafting).
    wait_for(marks, proc, lambda s: any(m[0] == "save" for m in s[_first_batch(s):]))
    for _ in range(signals):
        proc.send_signal(signal.SIGINT)
        time.sleep(0.2)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, out + err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("interrupted"), err
    drafts = assert_intact(root, planted)
    if signals == 1:
        assert drafts, "the interrupted save was redone on the way out"
    assert_not_locked(root)

"""Two writers on one project: the second waits for the lock or refuses it; writes never interleave.

Runs go through ``tests/slowcli.py`` (the real console entry point with an
engine slowed down and marked, and a shorter lock wait where asked), on a
small project drafted by the tiny argos model.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SLOWCLI = Path(__file__).with_name("slowcli.py")
PO = Path("locales/zh/LC_MESSAGES/doc.po")

# Twenty short sentences: with 0.1 s per sentence the first run holds the lock for ~2 s or more.
SEED = "\n".join(
    f"Village number {i} opened a library in {2000 + i}. It has {i * 10} readers every week." for i in range(1, 11)
) + "\n"


@pytest.fixture
def project(tmp_path: Path, argos_home: Path) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "doc.txt").write_text(SEED, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    return root


def start(root: Path, marks: Path, *args: str, delay: float = 0.1, lock_timeout: float | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "L10N_TEST_DELAY": str(delay), "L10N_TEST_MARKS": str(marks)}
    if lock_timeout is not None:
        env["L10N_TEST_LOCK_TIMEOUT"] = str(lock_timeout)
    return subprocess.Popen(
        [sys.executable, str(SLOWCLI), "--root", str(root), *args],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def translate(root: Path, marks: Path, **options) -> subprocess.Popen:
    return start(root, marks, "translate", "--to", "zh", "--engine", "argos", "--batch-size", "2", "--no-progress", **options)


def wait_for_drafting(marks: Path, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Return once the run has sent a batch to its engine (so it holds the lock)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marks.exists() and marks.read_text(encoding="utf-8").strip():
            return
        if proc.poll() is not None:
            pytest.fail(f"the first run ended early: {proc.communicate()}")
        time.sleep(0.01)
    pytest.fail("the first run never started drafting")


def assert_whole(root: Path) -> dict[str, str]:
    """The catalogue parses, has no duplicated entry and passes msgfmt --check; return msgid → msgstr."""
    from l10n.po.read import read_catalog

    catalog = read_catalog(root / PO)
    keys = [e.key for e in catalog.entries]
    assert len(keys) == len(set(keys)) == 20
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(root / PO)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    return {e.msgid: e.msgstr for e in catalog.entries}


def test_second_run_refuses_the_lock(project: Path, tmp_path: Path) -> None:
    first = translate(project, tmp_path / "marks1")
    wait_for_drafting(tmp_path / "marks1", first)
    second = translate(project, tmp_path / "marks2", lock_timeout=0.5)
    out2, err2 = second.communicate(timeout=60)
    out1, err1 = first.communicate(timeout=120)

    assert second.returncode == 2, out2 + err2
    assert "Traceback" not in err2
    assert err2.startswith("error: ") and "another l10n command is writing" in err2 and ".l10n.lock" in err2, err2
    assert not (tmp_path / "marks2").exists(), "the refused run reached its engine"
    assert first.returncode == 0, out1 + err1
    assert all(assert_whole(project).values()), "the first run's drafts are all there"


def test_second_run_waits_for_the_lock(project: Path, tmp_path: Path) -> None:
    first = translate(project, tmp_path / "marks1")
    wait_for_drafting(tmp_path / "marks1", first)
    second = translate(project, tmp_path / "marks2", lock_timeout=60)  # a long wait, so a loaded machine cannot flake
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)

    assert first.returncode == 0, out1 + err1
    assert second.returncode == 0, out2 + err2
    assert "nothing to draft" in out2, "the second run redid work the first had finished"
    assert not (tmp_path / "marks2").exists()
    assert all(assert_whole(project).values())


def test_update_during_translate_waits_and_keeps_drafts(project: Path, tmp_path: Path) -> None:
    """Another writing command (update) is serialised too: it cannot drop drafts saved meanwhile."""
    first = translate(project, tmp_path / "marks1")
    wait_for_drafting(tmp_path / "marks1", first)
    update = start(project, tmp_path / "marks2", "update", "--to", "zh", lock_timeout=60)
    out2, err2 = update.communicate(timeout=120)
    out1, err1 = first.communicate(timeout=120)
    assert update.returncode == 0, out2 + err2
    assert first.returncode == 0, out1 + err1
    assert all(assert_whole(project).values())


def test_readers_never_see_half_a_file(project: Path, tmp_path: Path) -> None:
    """While a run saves drafts every couple of seconds, every read of the catalogue parses."""
    from l10n.po.read import read_catalog

    marks = tmp_path / "marks"
    run = translate(project, marks, delay=0.2)
    wait_for_drafting(marks, run)
    reads = 0
    while run.poll() is None:
        read_catalog(project / PO)
        reads += 1
    out, err = run.communicate()
    assert run.returncode == 0, out + err
    assert reads > 10
    assert all(assert_whole(project).values())

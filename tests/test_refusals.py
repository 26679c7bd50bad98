"""A refused translate run changes nothing: everything it needs is checked before its first write.

Each case starts from a drafted project whose seed then gained a sentence (so
extract, update and translate would all write), breaks one thing the run
needs, and runs the real CLI: exit 2, one message, no traceback, and every
file of the project byte-identical.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.engines import EngineInfo
from l10n.project.config import load_settings
from l10n.translate import translate_project

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = "source,zh,status\nCity Brain,城市大脑,approved\n"


class Engine:
    info = EngineInfo(name="fake", model="fake-1")

    def translate_batch(self, sentences):
        return [f"草稿{len(s)}" for s in sentences]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (root / "seeds" / "doc.txt").write_text("The City Brain helps people.\nA second line.\n", encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    translate_project(load_settings(root), "zh", build_engine=lambda c: Engine())
    with open(root / "seeds" / "doc.txt", "a", encoding="utf-8") as handle:
        handle.write("A third sentence arrived later.\n")
    return root


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def refused(root: Path, *options: str) -> str:
    before = tree(root)
    result = subprocess.run(
        [sys.executable, "-m", "l10n", "--root", str(root), "translate", "--to", "zh", "--no-progress", *options],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("error: "), result.stderr
    assert tree(root) == before
    return result.stderr


def test_bad_glossary_row(project: Path) -> None:
    (project / "glossary" / "terms.csv").write_text(GLOSSARY + ",城市,approved\n", encoding="utf-8")
    message = refused(project, "--engine", "fallback")
    assert "terms.csv" in message


def test_unwritable_lc_messages(project: Path) -> None:
    folder = project / "locales" / "zh" / "LC_MESSAGES"
    if os.geteuid() == 0:  # root writes through permission bits: make the folder immutable instead
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
            pytest.skip("cannot make a folder unwritable for root here")
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    try:
        message = refused(project, "--engine", "fallback")
    finally:
        subprocess.run(undo, check=True)
    assert "LC_MESSAGES" in message and "cannot write" in message


def test_broken_model(project: Path, argos_home: Path) -> None:
    [model] = list(argos_home.rglob("model.bin"))
    model.write_bytes(b"this is not a CTranslate2 model")
    message = refused(project, "--engine", "argos")
    assert "model" in message


def test_unknown_language(project: Path) -> None:
    before = tree(project)
    result = subprocess.run(
        [sys.executable, "-m", "l10n", "--root", str(project), "translate", "--to", "xx-not-a-language", "--no-progress"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert tree(project) == before

"""The code stays tidy the way the layout needs: no unused or undefined names, imports sorted.

Ruff (pinned in the ``test`` extra) runs with the rules in ``[tool.ruff]`` of
pyproject.toml: pyflakes (an import left behind by a move, a name used but
never imported) and import sorting (first-party ``l10n`` imports in one block,
so a module's dependencies read at a glance).  ``ruff check --fix`` repairs
most findings.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "l10n", "tests", "bench"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_would_report_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n")
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad)],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert run.returncode == 1 and "F401" in run.stdout

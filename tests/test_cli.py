"""End to end: the CLI on a copy of this repository's own project, in a temp folder."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import run_cli
from typer.testing import CliRunner

from l10n import __version__
from l10n.cli.app import app
from l10n.po.read import read_catalog

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "tests" / "data" / "reference" / "zh" / "zhejiang-stories.po"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("seeds", "glossary"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@dataclass
class Run:
    exit_code: int
    output: str


@pytest.fixture
def l10n(capsys, monkeypatch):
    """Run the real entry point (``main``: error mapping included) in-process."""

    def run(project: Path, *args: str) -> Run:
        result = run_cli(["--root", str(project), *args], capsys, monkeypatch)
        return Run(result.code, result.text)

    return run


def test_version_and_help():
    assert CliRunner().invoke(app, ["--version"]).output.strip() == f"l10n {__version__}"
    assert "translate" in CliRunner().invoke(app, ["--help"]).output


def test_the_main_job_end_to_end(project: Path, l10n):
    result = l10n(project, "translate", "--to", "zh", "--engine", "fallback")
    assert result.exit_code == 0, result.output
    assert "drafted by fallback: 226 new" in result.output
    assert "glossary terms enforced:" in result.output and "missing: 0" in result.output
    po_path = project / "locales/zh/LC_MESSAGES/zhejiang-stories.po"
    po = read_catalog(po_path)
    assert len(po.active) == 226 and all(e.fuzzy and e.msgstr for e in po.active)
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_path)], check=True)

    again = l10n(project, "translate", "--to", "zh")
    assert again.exit_code == 0 and "nothing to draft" in again.output

    stats = l10n(project, "stats", "--format", "json")
    assert stats.exit_code == 0
    assert "226" in stats.output

    # Drafts are checked too; dictionary drafts have findings, so CI fails.
    check = l10n(project, "check", "--to", "zh", "--format", "json")
    assert check.exit_code in (0, 1)
    report = json.loads(check.output[check.output.index("{") :]) if "{" in check.output else {}
    assert report, check.output

    # The glossary gate passes: the fallback enforces every approved term.
    gate = l10n(project, "check", "--to", "zh", "--glossary-only")
    assert gate.exit_code == 0, gate.output

    build = l10n(project, "build", "--to", "zh", "--include-fuzzy")
    assert build.exit_code == 0, build.output
    text = (project / "build/zh/zhejiang-stories.txt").read_text(encoding="utf-8")
    source_paragraphs = [l for l in (project / "seeds/zhejiang-stories.txt").read_text().splitlines() if l.strip()]
    assert len(text.splitlines()) == len(source_paragraphs) - 1  # "read more" is ignored


def test_reference_translation_scores_itself_perfectly(project: Path, l10n):
    l10n(project, "extract")
    l10n(project, "update", "--to", "zh")
    target = project / "locales/zh/LC_MESSAGES/zhejiang-stories.po"
    shutil.copy(REFERENCE, target)
    result = l10n(project, "score", "--to", "zh", "--ref", str(REFERENCE), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["scores"]["bleu"]["value"] == pytest.approx(100.0)
    assert report["scores"]["ter"]["value"] == pytest.approx(0.0)
    assert "tok:zh" in report["scores"]["bleu"]["signature"]
    check = l10n(project, "check", "--to", "zh", "--fail-on", "warning")
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize(
    "args, needle",
    [
        (["update", "--to", "xx"], "unknown language code"),
        (["translate", "--to", "zh", "--engine", "nope"], "unknown engine"),
        (["translate", "--to", "zh", "--engine", "argos"], "l10n model install"),
    ],
)
def test_bad_usage_exits_2_with_a_next_step(project: Path, args, needle, monkeypatch, tmp_path, l10n):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    l10n(project, "extract")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = l10n(project, *args)
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_usage_errors_are_recognised_by_type_and_exit_2(project: Path, l10n):
    for args, needle in (
        (["stats", "--format", "xml"], "Error: Invalid value for '--format'"),
        (["check", "--fail-on", "fatal"], "Error: Invalid value for '--fail-on'"),
        (["glossary", "export", "--format", "pdf"], "'tbx', 'csv'"),
        (["stats", "--bogus"], "Error: No such option: --bogus"),
        (["frobnicate"], "Error: No such command 'frobnicate'"),
    ):
        result = l10n(project, *args)
        assert result.exit_code == 2, args
        assert "Usage: " in result.output and needle in result.output, result.output
        assert "Traceback" not in result.output


def test_library_errors_take_one_path_for_every_command(project: Path, l10n):
    (project / "glossary" / "zz.csv").write_text('source,zh\n"unclosed,x\n', encoding="utf-8")
    outputs = {}
    for args in (["glossary", "list"], ["glossary", "export"], ["check", "--to", "zh"], ["translate", "--to", "zh"]):
        result = l10n(project, *args)
        assert result.exit_code == 2, args
        assert result.output.startswith("error: ") and "zz.csv:" in result.output, (args, result.output)
        outputs[args[-1]] = result.output
    # The handler is in the app, not only in main: a test runner sees the same message and status.
    runner = CliRunner().invoke(app, ["--root", str(project), "glossary", "list"])
    assert (runner.exit_code, runner.output) == (2, outputs["list"])

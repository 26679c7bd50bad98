"""`l10n check` end to end on a temporary project: exit codes, formats, the pre-commit hook."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from junitparser import JUnitXml
from typer.testing import CliRunner

from l10n.checks import CHECKS
from l10n.cli.app import app, main

REPO = Path(__file__).parents[1]
QA = Path(__file__).parent / "data" / "qa"
SCHEMA = json.loads((QA / "sarif-2.1.0-subset.schema.json").read_text("utf-8"))

WARNING_ONLY = """msgid ""
msgstr ""
"Language: zh\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "He started his own business."
msgstr "他开始自主创业."
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    shutil.copytree(QA / "glossary", tmp_path / "glossary")
    messages = tmp_path / "locales" / "zh" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    shutil.copy(QA / "clean.po", messages / "clean.po")
    return tmp_path


def po(project: Path, name: str) -> Path:
    return project / "locales" / "zh" / "LC_MESSAGES" / name


def run(project: Path, *args: str):
    return CliRunner().invoke(app, ["--root", str(project), "check", *args])


def test_clean_project_exits_0(project: Path) -> None:
    result = run(project)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("1 catalogue, 38 entries checked: 0 errors, 0 warnings, 0 info: passed")


def test_defects_exit_1_with_located_findings(project: Path) -> None:
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    result = run(project)
    assert result.exit_code == 1
    assert "locales/zh/LC_MESSAGES/defects.po:26: error [numbers] “1.16万” does not match" in result.output
    assert "FAILED (--fail-on error)" in result.output


def test_fail_on_decides(project: Path) -> None:
    po(project, "warn.po").write_text(WARNING_ONLY, encoding="utf-8")
    assert run(project).exit_code == 0
    assert run(project, "--fail-on", "warning").exit_code == 1
    assert run(project, "--skip", "punctuation", "--fail-on", "warning").exit_code == 0


def test_glossary_only_ignores_other_checks(project: Path) -> None:
    po(project, "warn.po").write_text(WARNING_ONLY.replace("自主创业.", "自主创业"), encoding="utf-8")
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    result = run(project, "--glossary-only", "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["checks"] == ["glossary", "forbidden"]
    assert {f["check"] for f in doc["findings"]} == {"glossary", "forbidden"}


def test_only_fuzzy_lists_drafts(project: Path) -> None:
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    result = run(project, "--only", "fuzzy")
    assert result.exit_code == 0
    assert result.output.count("info [fuzzy] (fuzzy)") == 3


def test_json_output_file(project: Path, tmp_path: Path) -> None:
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    out = tmp_path / "report.json"
    result = run(project, "--format", "json", "--output", str(out))
    assert result.exit_code == 1
    assert result.output.startswith(f"{out}: 2 catalogues")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["failed"] is True
    assert doc["catalogs"] == ["locales/zh/LC_MESSAGES/clean.po", "locales/zh/LC_MESSAGES/defects.po"]
    # clean.po and defects.po share sources translated differently: consistency sees both sides.
    in_clean = {f["check"] for f in doc["findings"] if f["path"].endswith("clean.po")}
    assert in_clean == {"consistency"}


def test_junit_output(project: Path, tmp_path: Path) -> None:
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    out = tmp_path / "junit.xml"
    assert run(project, "--format", "junit", "-o", str(out)).exit_code == 1
    xml = JUnitXml.fromfile(str(out))
    suites = {s.name: s for s in xml}
    assert set(suites) == {"locales/zh/LC_MESSAGES/clean.po", "locales/zh/LC_MESSAGES/defects.po"}
    assert suites["locales/zh/LC_MESSAGES/clean.po"].failures == 0
    failed = {c.name for c in suites["locales/zh/LC_MESSAGES/defects.po"] if not c.is_passed}
    assert failed == {"empty", "glossary", "forbidden", "numbers", "placeholders"}


def test_sarif_output(project: Path) -> None:
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    result = run(project, "--format", "sarif", "--skip", "consistency")
    assert result.exit_code == 1
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA)
    results = log["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "locales/zh/LC_MESSAGES/defects.po"
    }
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] > 1 for r in results)


@pytest.mark.parametrize(
    "args,setup,expected",
    [
        pytest.param(["--only", "numbres"], None, "known checks: empty, glossary", id="unknown-check-id"),
        pytest.param(["--to", "fr"], None, "no catalogues to check for 'fr'", id="language-without-catalogues"),
        pytest.param([], "broken", "broken.po", id="unreadable-catalogue"),
        pytest.param(["--glossary-only"], "no-glossary", "no glossary to enforce", id="glossary-only-without-glossary"),
    ],
)
def test_bad_input_exits_2(project: Path, args: list[str], setup: str | None, expected: str) -> None:
    if setup == "broken":
        po(project, "broken.po").write_text('msgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    if setup == "no-glossary":
        shutil.rmtree(project / "glossary")
    out = project / "report.json"
    result = run(project, *args, "--format", "json", "--output", str(out))
    assert result.exit_code == 2
    assert expected in result.output
    assert not out.exists()


def test_bad_input_through_the_console_entry_point(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["l10n", "--root", str(project), "check", "--skip", "nope"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "unknown check id 'nope'" in err and "Traceback" not in err


def test_findings_exit_1_through_the_console_entry_point(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(QA / "defects.po", po(project, "defects.po"))
    monkeypatch.setattr(sys, "argv", ["l10n", "--root", str(project), "check"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 1


def test_help_lists_every_check_id() -> None:
    result = CliRunner().invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for check in CHECKS:
        assert check.id in text


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "l10n-glossary")
    assert hook["language"] == "python"
    assert hook["files"] == r"\.po$"
    assert hook["pass_filenames"] is False
    program, *args = hook["entry"].split()
    assert program == "l10n" and args == ["check", "--glossary-only"]
    result = CliRunner().invoke(app, [*args, "--help"])
    assert result.exit_code == 0 and "--glossary-only" in result.output

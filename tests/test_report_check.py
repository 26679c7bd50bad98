"""Rendering check results: text, JSON, JUnit XML (read back with junitparser), SARIF (schema-validated)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from l10n.checks import CHECKS, CheckResult
from l10n.checks.base import Finding
from l10n.report.check import CheckFormat, render, render_json, render_junit, render_sarif, render_text, summary_line

SCHEMA = json.loads((Path(__file__).parent / "data" / "qa" / "sarif-2.1.0-subset.schema.json").read_text("utf-8"))
A = "locales/zh/LC_MESSAGES/a.po"
B = "locales/zh/LC_MESSAGES/b.po"


@pytest.fixture
def result() -> CheckResult:
    findings = (
        Finding("numbers", "error", A, 12, "1.16 million funds", "“1.16万” does not match “1.16 million”: write it as “116万”", False, "zh", (7, 12)),
        Finding("punctuation", "warning", A, 16, "Hello.", "the translation ends with the ASCII ‘.’: use the full-width ‘。’", True, "zh", (2, 3)),
        Finding("fuzzy", "info", A, 16, "Hello.", "unreviewed draft: review the translation and remove the fuzzy flag", True, "zh"),
    )
    return CheckResult(findings, (A, B), ("zh",), tuple(c.id for c in CHECKS), 40)


def test_text_lines_and_summary(result: CheckResult) -> None:
    lines = render_text(result).splitlines()
    assert lines[0] == f"{A}:12: error [numbers] “1.16万” does not match “1.16 million”: write it as “116万”"
    assert lines[1] == "    msgid: 1.16 million funds"
    assert lines[2] == f"{A}:16: warning [punctuation] (fuzzy) the translation ends with the ASCII ‘.’: use the full-width ‘。’"
    assert "1 info finding not listed" in lines[4]
    assert lines[-1] == "2 catalogues, 40 entries checked: 1 error, 1 warning, 1 info: FAILED (--fail-on error)"


def test_text_shows_info_on_request(result: CheckResult) -> None:
    text = render_text(result, show_info=True)
    assert f"{A}:16: info [fuzzy] (fuzzy) unreviewed draft" in text
    assert "not listed" not in text


def test_summary_verdict_follows_fail_on() -> None:
    warn = CheckResult((Finding("length", "warning", A, 1, "x", "m"),), (A,), entries=1)
    assert summary_line(warn, "error").endswith(": passed")
    assert summary_line(warn, "warning").endswith("FAILED (--fail-on warning)")
    assert summary_line(warn).startswith("1 catalogue, 1 entry checked: 0 errors, 1 warning, 0 info")


def test_json_structure(result: CheckResult) -> None:
    doc = json.loads(render_json(result))
    assert doc["version"] == 1 and doc["tool"]["name"] == "l10n"
    assert doc["failed"] is True and doc["fail_on"] == "error"
    assert doc["summary"] == {"catalogs": 2, "entries": 40, "error": 1, "warning": 1, "info": 1}
    assert doc["catalogs"] == [A, B] and doc["languages"] == ["zh"]
    assert doc["checks"] == [c.id for c in CHECKS]
    first = doc["findings"][0]
    assert first == {
        "check": "numbers", "severity": "error", "path": A, "line": 12, "msgid": "1.16 million funds",
        "message": "“1.16万” does not match “1.16 million”: write it as “116万”", "fuzzy": False, "lang": "zh",
        "span": [7, 12],
    }
    assert doc["findings"][2]["span"] is None
    assert "116万" in render_json(result)  # UTF-8, not \\u escapes


def test_junit_reads_back(result: CheckResult) -> None:
    xml = JUnitXml.fromstring(render_junit(result).encode("utf-8"))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {A, B}
    cases = {case.name: case for case in suites[A]}
    assert set(cases) == {c.id for c in CHECKS}
    assert suites[A].tests == len(CHECKS) and suites[A].failures == 1
    numbers = cases["numbers"]
    assert not numbers.is_passed
    failure = numbers.result[0]
    assert isinstance(failure, Failure) and failure.message == "1 finding of numbers"
    assert f"{A}:12: error" in failure.text and "116万" in failure.text
    # below the failing severity: passed, but listed in system-out
    assert cases["punctuation"].is_passed and "full-width ‘。’" in cases["punctuation"].system_out
    assert all(case.is_passed for case in suites[B])


def test_junit_fail_on_warning(result: CheckResult) -> None:
    xml = JUnitXml.fromstring(render_junit(result, fail_on="warning").encode("utf-8"))
    suite = next(s for s in xml if s.name == A)
    assert suite.failures == 2
    assert not next(c for c in suite if c.name == "punctuation").is_passed


def test_sarif_validates_and_points_at_lines(result: CheckResult) -> None:
    log = json.loads(render_sarif(result))
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.id for c in CHECKS]
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [("numbers", "error"), ("punctuation", "warning"), ("fuzzy", "note")]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == A
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 12}
    assert "msgid: 1.16 million funds" in run["results"][0]["message"]["text"]


def test_sarif_fingerprint_ignores_line_moves() -> None:
    def one(line: int) -> dict:
        finding = Finding("numbers", "error", A, line, "x", "m")
        return json.loads(render_sarif(CheckResult((finding,), (A,))))["runs"][0]["results"][0]

    assert one(3)["partialFingerprints"] == one(30)["partialFingerprints"]


def test_sarif_absolute_path_becomes_a_file_uri() -> None:
    log = json.loads(render_sarif(CheckResult((Finding("numbers", "error", "/srv/po/a.po", 3, "x", "m"),), ("/srv/po/a.po",))))
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///srv/po/a.po"}


def test_sarif_without_line_has_no_region() -> None:
    log = json.loads(render_sarif(CheckResult((Finding("numbers", "error", A, 0, "x", "m"),), (A,))))
    jsonschema.validate(log, SCHEMA)
    assert "region" not in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]


def test_schema_rejects_a_broken_log() -> None:
    """The subset schema is not vacuous."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                                          "results": [{"message": {"text": "m"}, "level": "info"}]}]}, SCHEMA)


def test_render_dispatch(result: CheckResult) -> None:
    for fmt in CheckFormat:
        assert render(result, fmt)
    with pytest.raises(ValueError):
        render(result, "xml")


# --- stats --------------------------------------------------------------------

"""``l10n check``: the findings as text, JSON, JUnit XML or SARIF 2.1.0 (``CheckFormat``).

Check results: ``fail_on`` is the severity at which a finding fails the run:
JUnit marks only those as failures and the summaries say whether the run failed.
Their JSON structure (``"version": 1``; fields are only ever added)::

    {
      "version": 1,
      "tool": {"name": "l10n", "version": "0.1.0"},
      "fail_on": "error",            # the failing severity of this run
      "failed": true,                # a finding reached fail_on
      "summary": {"catalogs": 2, "entries": 431, "error": 3, "warning": 7, "info": 40},
      "languages": ["zh"],
      "checks": ["empty", "glossary", ...],          # the ids that ran
      "catalogs": ["locales/zh/LC_MESSAGES/a.po", ...],
      "findings": [
        {"check": "numbers", "severity": "error",
         "path": "locales/zh/LC_MESSAGES/a.po", "line": 42,
         "msgid": "1.16 million funds…", "message": "…", "fuzzy": false,
         "lang": "zh", "span": [3, 9]}                # span in the translation, or null
      ]
    }
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from pathlib import Path

from l10n.checks import CHECKS, CheckResult
from l10n.checks.base import Finding, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class CheckFormat(StrEnum):
    """The formats of ``l10n check`` reports."""

    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    SARIF = "sarif"


def render(result: CheckResult, fmt: str = CheckFormat.TEXT, fail_on: str = Severity.ERROR, show_info: bool = False) -> str:
    """Return ``result`` rendered in ``fmt`` (a ``CheckFormat``); ValueError for another format."""
    if fmt == CheckFormat.TEXT:
        return render_text(result, fail_on, show_info)
    if fmt == CheckFormat.JSON:
        return render_json(result, fail_on)
    if fmt == CheckFormat.JUNIT:
        return render_junit(result, fail_on)
    if fmt == CheckFormat.SARIF:
        return render_sarif(result)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(CheckFormat)}")


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def summary_line(result: CheckResult, fail_on: str = "error") -> str:
    """Return the one-line summary: what was checked, counts, and the verdict."""
    counts = result.counts()
    status = f"FAILED (--fail-on {fail_on})" if result.failed(fail_on) else "passed"
    return (
        f"{_plural(len(result.catalogs), 'catalogue')}, {_plural(result.entries, 'entry', 'entries')} checked: "
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{counts['info']} info: {status}"
    )


def render_text(result: CheckResult, fail_on: str = "error", show_info: bool = False) -> str:
    """Return ``path:line: severity [check-id] message`` lines, msgid excerpts and a summary.

    Info findings (unreviewed drafts) are only counted unless ``show_info``.
    """
    lines: list[str] = []
    hidden = 0
    for finding in result.findings:
        if finding.severity == Severity.INFO and not show_info:
            hidden += 1
            continue
        draft = " (fuzzy)" if finding.fuzzy else ""
        lines.append(f"{finding.location}: {finding.severity} [{finding.check}]{draft} {finding.message}")
        if finding.msgid:  # a header finding has none
            lines.append(f"    msgid: {finding.msgid}")
    if hidden:
        lines.append(f"({_plural(hidden, 'info finding')} not listed, e.g. unreviewed drafts; list them with --only fuzzy)")
    lines.append(summary_line(result, fail_on))
    return "\n".join(lines) + "\n"


def _finding_dict(finding: Finding) -> dict:
    return {
        "check": finding.check,
        "severity": finding.severity,
        "path": finding.path,
        "line": finding.line,
        "msgid": finding.msgid,
        "message": finding.message,
        "fuzzy": finding.fuzzy,
        "lang": finding.lang,
        "span": list(finding.span) if finding.span else None,
    }


def render_json(result: CheckResult, fail_on: str = "error") -> str:
    """Return the result as the JSON document described in this module's docstring."""
    from l10n import __version__

    document = {
        "version": 1,
        "tool": {"name": "l10n", "version": __version__},
        "fail_on": str(fail_on),
        "failed": result.failed(fail_on),
        "summary": {"catalogs": len(result.catalogs), "entries": result.entries, **result.counts()},
        "languages": list(result.languages),
        "checks": list(result.checks),
        "catalogs": list(result.catalogs),
        "findings": [_finding_dict(f) for f in result.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_junit(result: CheckResult, fail_on: str | Severity = Severity.ERROR) -> str:
    """Return JUnit XML: a testsuite per catalogue, a testcase per check.

    A testcase fails when the check found something at or above ``fail_on``;
    findings below it are listed in the testcase's ``system-out``.
    """
    import xml.etree.ElementTree as ET

    rank = Severity(fail_on).rank
    root = ET.Element("testsuites", name="l10n check")
    total_tests = total_failures = 0
    for path in result.catalogs:
        suite = ET.SubElement(root, "testsuite", name=path)
        failures = 0
        for check_id in result.checks:
            case = ET.SubElement(suite, "testcase", classname=path, name=check_id)
            found = [f for f in result.findings if f.path == path and f.check == check_id]
            failing = [f for f in found if f.severity.rank >= rank]
            passing = [f for f in found if f.severity.rank < rank]
            if failing:
                failures += 1
                failure = ET.SubElement(
                    case, "failure", message=f"{_plural(len(failing), 'finding')} of {check_id}", type=failing[0].severity
                )
                failure.text = "\n".join(_junit_line(f) for f in failing)
            if passing:
                ET.SubElement(case, "system-out").text = "\n".join(_junit_line(f) for f in passing)
        suite.set("tests", str(len(result.checks)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(result.checks)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _junit_line(finding: Finding) -> str:
    draft = " (fuzzy)" if finding.fuzzy else ""
    return f"{finding.location}: {finding.severity}{draft} {finding.message} [msgid: {finding.msgid}]"


def render_sarif(result: CheckResult) -> str:
    """Return a SARIF 2.1.0 log: one run, a rule per check id, a result per finding.

    Locations are the catalogue paths relative to the project root
    (``uriBaseId`` ``%SRCROOT%``) with the entry's line; a fingerprint of
    path, check, msgid and message lets code-scanning services follow a
    finding when lines move.
    """
    from l10n import __version__

    index = {check.id: i for i, check in enumerate(CHECKS)}
    rules = [
        {
            "id": check.id,
            "name": "".join(part.capitalize() for part in check.id.split("-")),
            "shortDescription": {"text": check.description},
            "defaultConfiguration": {"level": _SARIF_LEVEL[check.severity]},
        }
        for check in CHECKS
    ]
    results = []
    for finding in result.findings:
        if Path(finding.path).is_absolute():  # a catalogue outside the project root
            artifact = {"uri": Path(finding.path).as_uri()}
        else:
            artifact = {"uri": finding.path, "uriBaseId": "%SRCROOT%"}
        location: dict = {"artifactLocation": artifact}
        if finding.line > 0:
            location["region"] = {"startLine": finding.line}
        fingerprint = hashlib.sha256(
            "\0".join((finding.path, finding.check, finding.msgid, finding.message)).encode("utf-8")
        ).hexdigest()[:32]
        results.append(
            {
                "ruleId": finding.check,
                "ruleIndex": index[finding.check],
                "level": _SARIF_LEVEL[finding.severity],
                "message": {"text": f"{finding.message} (msgid: {finding.msgid})"},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"l10nFinding/v1": fingerprint},
                "properties": {"fuzzy": finding.fuzzy, "lang": finding.lang, "msgid": finding.msgid},
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "l10n", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render_check_written(output: Path | str, result: CheckResult, fail_on: str = Severity.ERROR) -> str:
    """Return the line ``l10n check -o FILE`` prints once the report is written: the file and the summary."""
    return f"{output}: {summary_line(result, fail_on)}\n"

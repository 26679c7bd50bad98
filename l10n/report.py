"""The one place that renders what the commands report, per output format.

The library returns data (``CheckResult``, ``CatalogStats`` rows, a
``ScoreReport``, a ``Glossary``); the CLI picks a format from the enums here
and calls one ``render_*`` function.  Pure functions from data to a string;
nothing here prints or writes.

- ``l10n check``: text, JSON, JUnit XML, SARIF 2.1.0 (``CheckFormat``).
- ``l10n stats`` and ``l10n score``: a text table or JSON (``SummaryFormat``);
  their JSON structures are ``l10n.stats.stats_to_dict`` and
  ``ScoreReport.to_dict``.
- ``l10n glossary export``: TBX-Basic or CSV (``GlossaryFormat``).

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
from typing import TYPE_CHECKING, Iterable

from l10n.checks import CHECKS, CheckResult
from l10n.checks.base import Finding, Severity

if TYPE_CHECKING:
    from l10n.glossary.model import Glossary
    from l10n.po.postedit import PostEditing
    from l10n.score import ScoreReport
    from l10n.stats import CatalogStats, Counts

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SummaryFormat(StrEnum):
    """The formats of ``l10n stats`` and ``l10n score``."""

    TEXT = "text"
    JSON = "json"


class GlossaryFormat(StrEnum):
    """The formats of ``l10n glossary export``."""

    TBX = "tbx"
    CSV = "csv"


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


# --- l10n stats -----------------------------------------------------------------


def render_stats(rows: list[CatalogStats], fmt: str = SummaryFormat.TEXT) -> str:
    """Return the statistics as JSON (``stats_to_dict``) or as text tables.

    Text: the counts table, then the post-editing table where l10n drafted or
    people translated anything.
    """
    from l10n.stats import stats_to_dict

    if fmt == SummaryFormat.JSON:
        return json.dumps(stats_to_dict(rows), ensure_ascii=False, indent=2) + "\n"
    if fmt != SummaryFormat.TEXT:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(SummaryFormat)}")
    text = stats_table(rows)
    drafted = [(r.domain, r.lang, r.post_editing) for r in rows if r.exists]
    if any(p.engines or p.human for _, _, p in drafted):
        text += "\n" + post_editing_table(drafted)
    return text


def stats_table(rows: list[CatalogStats]) -> str:
    """Return the statistics as a text table with aligned columns.

    One row per catalogue (domain, language): entries and source words by
    state, each ``count (percent)``.  A per-language total follows where a
    language has several catalogues.
    """
    from l10n.stats import language_totals

    states = ["translated", "fuzzy", "untranslated", "total"]
    header = ["catalogue", "lang", *states, *states]
    table = [header]
    for row in rows:
        name = row.domain if row.exists else f"{row.domain} (no catalogue yet)"
        table.append(_stats_cells(name, row.lang, row.entries, row.words))
    for lang, (entries, words) in language_totals(rows).items():
        if sum(1 for r in rows if r.lang == lang) > 1:
            table.append(_stats_cells("total", lang, entries, words))
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    sep = "  "
    # Text columns left-aligned, numbers right-aligned.
    lines = [sep.join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))).rstrip() for line in table]
    entries_at = sum(widths[:2]) + 2 * len(sep)
    words_at = entries_at + sum(widths[2:6]) + 4 * len(sep)
    groups = " " * entries_at + "entries".ljust(words_at - entries_at) + "source words"
    return "\n".join([groups, *lines]) + "\n"


def _stats_cells(name: str, lang: str, entries: Counts, words: Counts) -> list[str]:
    from l10n.po.catalog import STATES

    def cells(counts: Counts) -> list[str]:
        return [*(f"{getattr(counts, s)} ({counts.percent(s):.1f}%)" for s in STATES), str(counts.total)]

    return [name, lang, *cells(entries), *cells(words)]


def post_editing_table(rows: Iterable[tuple[str, str, PostEditing]]) -> str:
    """Return a text table: one line per catalogue and engine/model, then human-only entries."""
    table = [["catalogue", "lang", "engine/model", "pending", "confirmed", "edited", "mean edit distance"]]
    humans = []
    for name, lang, numbers in rows:
        for label, c in sorted(numbers.engines.items()):
            mean = c.mean_distance
            table.append([name, lang, label, str(c.pending), str(c.confirmed), str(c.edited),
                          "-" if mean is None else f"{mean:.1f} ({c.distance_measured})"])
        humans.append(f"{name} {lang}: {numbers.human} human-only translations (no l10n draft behind them)")
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    lines = ["  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in table]
    head = "post-editing: drafts by what review made of them (confirmed = unchanged; distance in characters, measured on N)"
    return "\n".join([head, *lines, *humans]) + "\n"


# --- l10n score -----------------------------------------------------------------

UNTRANSLATED_SHOWN = 20  # the text report lists this many untranslated segments


def render_score(report: ScoreReport, fmt: str = SummaryFormat.TEXT) -> str:
    """Return the score report as JSON (``ScoreReport.to_dict``) or as text."""
    if fmt == SummaryFormat.JSON:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt != SummaryFormat.TEXT:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(SummaryFormat)}")
    lines = [
        f"{report.lang}: {report.scored} of {report.total} segments scored against "
        f"{report.reference} ({report.reference_format})",
        f"  hypotheses: {report.translated} translated, {report.fuzzy} fuzzy drafts, "
        f"{report.untranslated} untranslated (scored as empty)",
    ]
    if report.skipped:
        lines.append(f"  skipped: {report.skipped} segments have no reference")
    lines.append("")
    width = max(len(s.name) for s in report.scores)
    for s in report.scores:
        lines.append(f"{s.name.ljust(width)}  {s.value:6.2f}  {s.signature}")
    terms = report.terms
    lines.append("")
    if terms is None:
        lines.append("terms: no glossary")
    elif not terms.total:
        lines.append("terms: no glossary term occurs in the scored sources")
    else:
        lines.append(f"terms: {terms.found}/{terms.total} occurrences rendered ({100 * terms.rate:.1f}%)")
        for miss in terms.misses:
            lines.append(f"  missed {miss.missed}/{miss.occurrences}: {miss.term} -> {miss.target}")
    if report.untranslated_locations:
        lines.append("")
        lines.append("untranslated (scored as empty):")
        lines.extend(f"  {where}" for where in report.untranslated_locations[:UNTRANSLATED_SHOWN])
        if len(report.untranslated_locations) > UNTRANSLATED_SHOWN:
            more = len(report.untranslated_locations) - UNTRANSLATED_SHOWN
            lines.append(f"  ... and {more} more (see --format json)")
    lines.append("")
    if not report.worst:
        lines.append("every scored segment matches its reference (sentence chrF 100)")
    else:
        lines.append(f"worst {len(report.worst)} segments by sentence chrF:")
        for w in report.worst:
            lines.append(f"  {w.chrf:6.2f}  {w.location}")
            lines.append(f"          source:     {w.source}")
            lines.append(f"          hypothesis: {w.hypothesis}")
            lines.append(f"          reference:  {w.reference}")
    return "\n".join(lines) + "\n"


# --- l10n glossary export -------------------------------------------------------


def render_glossary(glossary: Glossary, fmt: str, source_language: str) -> str:
    """Return the whole glossary as one TBX-Basic document or one CSV file."""
    if fmt == GlossaryFormat.TBX:
        from l10n.glossary.tbx import format_tbx

        return format_tbx(glossary.terms, source_language, glossary.version)
    if fmt == GlossaryFormat.CSV:
        from l10n.glossary.csv import format_glossary_csv

        return format_glossary_csv(glossary.terms, glossary.languages)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(GlossaryFormat)}")

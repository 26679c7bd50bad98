"""check: QA findings on the translated catalogues, for people and for CI."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from l10n.cli.app import app, fail, refuse_project_input, settings


class Format(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command()
def check(
    ctx: typer.Context,
    to: Optional[List[str]] = typer.Option(None, "--to", help="Target language (repeatable; default: all configured)."),
    only: Optional[List[str]] = typer.Option(None, "--only", help="Run only this check id (repeatable)."),
    skip: Optional[List[str]] = typer.Option(None, "--skip", help="Do not run this check id (repeatable)."),
    glossary_only: bool = typer.Option(
        False, "--glossary-only", help="Run only the glossary and forbidden-term checks (the CI gate)."
    ),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a finding reaches this severity."),
    fmt: Format = typer.Option(Format.text, "--format", help="Report format: text, json, junit or sarif."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to FILE (a summary still prints)."),
) -> None:
    """Check translations: glossary, numbers, placeholders, punctuation, whitespace and more.

    Check ids (for --only/--skip): empty, glossary, forbidden, numbers,
    placeholders, punctuation, untranslated-text, whitespace, doubled-word,
    length, consistency, fuzzy, plural-forms.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input.
    """
    from l10n.checks import get_check, run_checks
    from l10n.errors import L10nError
    from l10n.fsutil import write_output
    from l10n.report import render, summary_line

    try:
        s = settings(ctx)
        result = run_checks(s, to or list(s.target_languages), only or (), skip or (), glossary_only)
    except L10nError as exc:
        fail(str(exc))
    show_info = fail_on is FailOn.info or any(get_check(c).severity == "info" for c in only or ())
    report = render(result, fmt.value, fail_on.value, show_info)
    if output is not None:
        try:
            refuse_project_input(s, output)
            # write_output writes into a device or FIFO (-o /dev/null) where an atomic
            # replace, as root, turned /dev/null itself into a regular file.
            write_output(output, report.encode("utf-8"), "report")
        except L10nError as exc:
            fail(str(exc))
        typer.echo(f"{output}: {summary_line(result, fail_on.value)}")
    else:
        typer.echo(report, nl=False)
    if result.failed(fail_on.value):
        raise typer.Exit(1)


"""check: QA findings on the translated catalogues, for people and for CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from l10n.checks.base import Severity
from l10n.cli.app import app, refuse_project_input, settings
from l10n.report.check import CheckFormat


@app.command()
def check(
    ctx: typer.Context,
    to: Annotated[
        Optional[List[str]], typer.Option("--to", help="Target language (repeatable; default: all configured).")
    ] = None,
    only: Annotated[Optional[List[str]], typer.Option("--only", help="Run only this check id (repeatable).")] = None,
    skip: Annotated[Optional[List[str]], typer.Option("--skip", help="Do not run this check id (repeatable).")] = None,
    glossary_only: Annotated[
        bool, typer.Option("--glossary-only", help="Run only the glossary and forbidden-term checks (the CI gate).")
    ] = False,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Exit 1 when a finding reaches this severity.")
    ] = Severity.ERROR,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", help="Report format: text, json, junit or sarif.")
    ] = CheckFormat.TEXT,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE (a summary still prints).")
    ] = None,
) -> None:
    """Check translations: glossary, numbers, placeholders, punctuation, whitespace and more.

    Check ids (for --only/--skip): empty, glossary, forbidden, numbers,
    placeholders, punctuation, untranslated-text, whitespace, doubled-word,
    length, consistency, confirmed-low-draft, fuzzy, plural-forms.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input.
    """
    from l10n.checks import get_check, run_checks
    from l10n.fsutil import write_output
    from l10n.report.check import render, render_check_written

    s = settings(ctx)
    result = run_checks(s, to or list(s.target_languages), only or (), skip or (), glossary_only)
    show_info = fail_on is Severity.INFO or any(get_check(c).severity == Severity.INFO for c in only or ())
    report = render(result, fmt, fail_on, show_info)
    if output is not None:
        refuse_project_input(s, output)
        # write_output writes into a device or FIFO (-o /dev/null) where an atomic
        # replace, as root, turned /dev/null itself into a regular file.
        write_output(output, report.encode("utf-8"), "report")
        typer.echo(render_check_written(output, result, fail_on), nl=False)
    else:
        typer.echo(report, nl=False)
    if result.failed(fail_on):
        raise typer.Exit(1)

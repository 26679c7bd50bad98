"""score, build, stats: what the catalogues add up to."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from l10n.cli.app import app, settings
from l10n.report.summary import SummaryFormat


@app.command()
def score(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help="Target language, e.g. zh.")],
    ref: Annotated[
        Path, typer.Option("--ref", help="Reference translation: .po, .tsv (source<TAB>target) or plain text.")
    ],
    domain: Annotated[
        Optional[str], typer.Option("--domain", help="Score one catalogue only (needed for plain text with several).")
    ] = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", help="text or json.")] = SummaryFormat.TEXT,
) -> None:
    """Score LANG's catalogues against a reference: BLEU, chrF, TER, term accuracy."""
    from l10n.report.summary import render_score
    from l10n.score import score_project

    report = score_project(settings(ctx), to, ref, domain=domain)
    typer.echo(render_score(report, fmt), nl=False)


@app.command()
def build(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help="Target language, e.g. zh.")],
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1, nothing written) if any segment would fall back to English.")
    ] = False,
    include_fuzzy: Annotated[
        bool,
        typer.Option("--include-fuzzy/--no-include-fuzzy", help="Use fuzzy drafts (default: leave them out, like msgfmt)."),
    ] = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review", help="Also write build/LANG/<document>.review.html: source beside translation, with QA findings."
        ),
    ] = False,
) -> None:
    """Write build/LANG/<document> (.txt, .md, .html) in the source's structure, and compile .mo files."""
    from l10n.build import build as build_project
    from l10n.report.runs import render_build, render_build_warnings

    s = settings(ctx)
    report = build_project(s, to, strict=strict, include_fuzzy=include_fuzzy, review=review)
    typer.echo(render_build(report, s.relative), nl=False)
    typer.echo(render_build_warnings(report), nl=False, err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def stats(
    ctx: typer.Context,
    fmt: Annotated[SummaryFormat, typer.Option("--format", help="text or json.")] = SummaryFormat.TEXT,
) -> None:
    """Translated / fuzzy / untranslated entries and source words per catalogue."""
    from l10n.report.summary import render_stats
    from l10n.stats import project_stats

    typer.echo(render_stats(project_stats(settings(ctx)), fmt), nl=False)

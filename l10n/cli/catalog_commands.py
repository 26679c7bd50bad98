"""extract, update: sources to templates to catalogues."""

from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from l10n.cli.app import app, settings


@app.command()
def extract(ctx: typer.Context) -> None:
    """Segment every seeds/*.txt into locales/<domain>.pot."""
    from l10n.extract import extract_all
    from l10n.project.lock import project_lock
    from l10n.report.runs import render_extract

    s = settings(ctx)
    with project_lock(s.locales):
        results = extract_all(s)
    typer.echo(render_extract(results, s.relative), nl=False)


@app.command()
def update(
    ctx: typer.Context,
    to: Annotated[
        Optional[List[str]], typer.Option("--to", help="Target language (repeatable; default: all configured).")
    ] = None,
) -> None:
    """Merge templates into locales/LANG/LC_MESSAGES/<domain>.po (msgmerge semantics)."""
    from l10n.project.lock import project_lock
    from l10n.report.runs import render_update
    from l10n.update import update_all

    s = settings(ctx)
    with project_lock(s.locales):
        results = update_all(s, to or list(s.target_languages))
    typer.echo(render_update(results, s.relative), nl=False)

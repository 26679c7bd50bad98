"""fmt: catalogues and templates in canonical form."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from l10n.cli.app import app, settings
from l10n.errors import L10nError


@app.command()
def fmt(
    ctx: typer.Context,
    files: Annotated[
        Optional[List[Path]], typer.Argument(help="PO/POT files (default: the project's templates and catalogues).")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 listing the files that would change.")
    ] = False,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Print the canonical form of one FILE instead of writing.")
    ] = False,
    width: Annotated[int, typer.Option("--width", min=20, help="Page width for wrapping strings (msgcat -w).")] = 79,
    no_wrap: Annotated[bool, typer.Option("--no-wrap", help="Break strings only after \\n (msgcat --no-wrap).")] = False,
) -> None:
    """Rewrite PO/POT files in the canonical form GNU msgcat writes."""
    import sys

    from l10n.fmt import format_files, project_files
    from l10n.report.runs import render_fmt_change, render_fmt_notice, render_fmt_total

    page: int | None = None if no_wrap else width
    if stdout and (not files or len(files) != 1):
        raise L10nError("--stdout prints one file: name exactly one FILE")
    if files:
        paths, show = list(files), str
        results = format_files(paths, write=not (check or stdout), width=page)
    else:
        from l10n.project.lock import project_lock

        s = settings(ctx)
        paths, show = project_files(s.locales), s.relative
        with project_lock(s.locales):
            results = format_files(paths, write=not (check or stdout), width=page)
    if stdout:
        sys.stdout.buffer.write(results[0].data)
        sys.stdout.flush()
        return
    for result in results:  # a file's notice and its line stay together, on their two streams
        typer.echo(render_fmt_notice(result, show), nl=False, err=True)
        typer.echo(render_fmt_change(result, show, check), nl=False)
    typer.echo(render_fmt_total(results, check), nl=False, err=True)
    if check and any(r.changed for r in results):
        raise typer.Exit(1)

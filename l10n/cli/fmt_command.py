"""fmt: catalogues and templates in canonical form."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from l10n.cli.app import app, fail, settings


@app.command()
def fmt(
    ctx: typer.Context,
    files: Optional[List[Path]] = typer.Argument(
        None, help="PO/POT files (default: the project's templates and catalogues)."
    ),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 listing the files that would change."),
    stdout: bool = typer.Option(False, "--stdout", help="Print the canonical form of one FILE instead of writing."),
    width: int = typer.Option(79, "--width", min=20, help="Page width for wrapping strings (msgcat -w)."),
    no_wrap: bool = typer.Option(False, "--no-wrap", help="Break strings only after \\n (msgcat --no-wrap)."),
) -> None:
    """Rewrite PO/POT files in the canonical form GNU msgcat writes."""
    import sys

    from l10n.fmt import format_files, project_files

    page: int | None = None if no_wrap else width
    if stdout and (not files or len(files) != 1):
        fail("--stdout prints one file: name exactly one FILE")
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
    for result in results:
        if result.notice:
            typer.echo(f"{show(result.path)}: {result.notice}", err=True)
        if result.changed:
            typer.echo(f"{'would reformat' if check else 'reformatted'} {show(result.path)}")
    changed = sum(r.changed for r in results)
    typer.echo(f"{changed} of {len(results)} files {'would change' if check else 'reformatted'}", err=True)
    if check and changed:
        raise typer.Exit(1)

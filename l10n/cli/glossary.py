"""l10n glossary list | check | import | export: the term glossary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from l10n.cli.app import app, refuse_project_input, settings
from l10n.errors import L10nError
from l10n.report.summary import GlossaryFormat

glossary_app = typer.Typer(
    help="The term glossary in glossary/*.csv: list, check, import and export TBX.",
    no_args_is_help=True,
)
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("list")
def list_terms(
    ctx: typer.Context,
    to: Annotated[Optional[str], typer.Option("--to", help="Show targets in this language only.")] = None,
) -> None:
    """List every term: source, target(s), status and flags."""
    from l10n.glossary.load import load_glossary
    from l10n.report.listings import render_glossary_count, render_glossary_list

    s = settings(ctx)
    glossary = load_glossary(s.glossary)
    typer.echo(render_glossary_list(glossary, to), nl=False)
    typer.echo(render_glossary_count(glossary), nl=False, err=True)


@glossary_app.command()
def check(ctx: typer.Context) -> None:
    """Validate every glossary file; exit 2 with file:line messages if anything is wrong."""
    from l10n.glossary.load import load_glossary
    from l10n.glossary.validation import validate
    from l10n.report.listings import render_glossary_check, render_glossary_problems

    s = settings(ctx)
    problems = validate(s.glossary)
    if problems:
        raise L10nError(render_glossary_problems(problems, s.relative))
    typer.echo(render_glossary_check(load_glossary(s.glossary)), nl=False)


@glossary_app.command("import")
def import_tbx(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A TBX file (TBX-Basic or TBX v3).")],
    into: Annotated[
        Optional[Path], typer.Option("--into", help="CSV file to write (default: glossary/<FILE stem>.csv).")
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite the CSV file if it exists.")] = False,
) -> None:
    """Convert a TBX file into a glossary CSV file."""
    from l10n.fsutil import check_name, write_output
    from l10n.glossary.csv import format_glossary_csv
    from l10n.glossary.tbx import read_tbx
    from l10n.report.listings import render_glossary_import, render_import_warnings

    s = settings(ctx)
    target = into or s.glossary / f"{file.stem}.csv"
    check_name(target, "glossary file")
    if target.is_dir():
        raise L10nError("is a directory", path=target, hint="pass --into with a .csv file name")
    if target.exists() and not replace:
        raise L10nError("file exists", path=target, hint="pass --replace to overwrite it, or --into another file")
    terms, warnings = read_tbx(file, s.source_language)
    text = format_glossary_csv(terms, s.target_languages)
    if into is None and not s.glossary.is_dir():
        try:
            s.glossary.mkdir(parents=True)
        except OSError as exc:
            raise L10nError(f"cannot create the glossary folder: {exc.strerror}", path=s.glossary) from None
    typer.echo(render_import_warnings(warnings), nl=False, err=True)
    write_output(target, text.encode("utf-8"), "glossary file")
    typer.echo(render_glossary_import(s.relative(target), len(terms)), nl=False)


@glossary_app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        GlossaryFormat, typer.Option("--format", help="tbx (TBX-Basic) or csv (all files merged).")
    ] = GlossaryFormat.TBX,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
) -> None:
    """Write the whole glossary as one TBX or CSV file."""
    from l10n.fsutil import write_output
    from l10n.glossary.load import load_glossary
    from l10n.report.listings import render_glossary_exported
    from l10n.report.summary import render_glossary

    s = settings(ctx)
    glossary = load_glossary(s.glossary)
    text = render_glossary(glossary, fmt, s.source_language)
    if output is None:
        typer.echo(text, nl=False)
        return
    refuse_project_input(s, output)
    write_output(output, text.encode("utf-8"), f"{fmt.upper()} file")
    typer.echo(render_glossary_exported(output, glossary), nl=False, err=True)

"""l10n glossary list | check | import | export: the term glossary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from l10n.cli.app import app, refuse_project_input, settings
from l10n.errors import L10nError
from l10n.report import GlossaryFormat

MAX_WARNINGS = 20  # a hostile TBX may have a million bad entries
MAX_PROBLEMS = 200  # glossary check lists this many, then counts the rest

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

    s = settings(ctx)
    glossary = load_glossary(s.glossary)
    langs = [to] if to else list(glossary.languages)
    for term in glossary.terms:
        if to and term.target(to) is None:
            continue
        targets = "  ".join(f"{lang}: {term.target(lang)}" for lang in langs if term.target(lang) is not None)
        marks = [term.status]
        marks += [flag for flag, on in (("case-sensitive", term.case_sensitive), ("do-not-translate", term.do_not_translate)) if on]
        forbidden = "; ".join(f"not {v}" for lang in langs for v in term.forbidden_in(lang))
        line = f"{term.source}\t{targets}\t[{', '.join(marks)}]"
        typer.echo(f"{line}\t{forbidden}" if forbidden else line)
    approved = sum(t.approved for t in glossary.terms)
    typer.echo(
        f"{len(glossary.terms)} terms ({approved} approved, {len(glossary.terms) - approved} proposed), "
        f"glossary version {glossary.version}",
        err=True,
    )


@glossary_app.command()
def check(ctx: typer.Context) -> None:
    """Validate every glossary file; exit 2 with file:line messages if anything is wrong."""
    from l10n.glossary.load import load_glossary
    from l10n.glossary.validation import validate

    s = settings(ctx)
    problems = validate(s.glossary)
    if problems:
        lines = [
            f"{s.relative(p.path)}{f':{p.line}' if p.line else ''}: {p.code}: {p.message}" for p in problems[:MAX_PROBLEMS]
        ]
        if len(problems) > MAX_PROBLEMS:  # a header of 40,000 unknown columns gave 40,000 lines
            lines.append(f"... and {len(problems) - MAX_PROBLEMS} more")
        raise L10nError("\n".join([f"{len(problems)} glossary problem(s):", *lines, "  fix them and run l10n glossary check again"]))
    glossary = load_glossary(s.glossary)
    approved = sum(t.approved for t in glossary.terms)
    typer.echo(
        f"glossary OK: {len(glossary.terms)} terms ({approved} approved, {len(glossary.terms) - approved} proposed) "
        f"in {len(glossary.files)} file(s), version {glossary.version}"
    )


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
    for warning in warnings[:MAX_WARNINGS]:
        typer.echo(f"warning: {warning}", err=True)
    if len(warnings) > MAX_WARNINGS:
        typer.echo(f"warning: {len(warnings) - MAX_WARNINGS} more warnings not shown", err=True)
    write_output(target, text.encode("utf-8"), "glossary file")
    typer.echo(f"{s.relative(target)}: {len(terms)} terms imported; run l10n glossary check")


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
    from l10n.report import render_glossary

    s = settings(ctx)
    glossary = load_glossary(s.glossary)
    text = render_glossary(glossary, fmt, s.source_language)
    if output is None:
        typer.echo(text, nl=False)
        return
    refuse_project_input(s, output)
    write_output(output, text.encode("utf-8"), f"{fmt.upper()} file")
    typer.echo(f"{output}: {len(glossary.terms)} terms, glossary version {glossary.version}", err=True)

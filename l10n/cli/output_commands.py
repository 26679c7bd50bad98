"""score, build, stats: what the catalogues add up to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from l10n.cli.app import app, settings

FORMATS = ("text", "json")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of: {', '.join(FORMATS)}", param_hint="--format")


@app.command()
def score(
    ctx: typer.Context,
    to: str = typer.Option(..., "--to", help="Target language, e.g. zh."),
    ref: Path = typer.Option(..., "--ref", help="Reference translation: .po, .tsv (source<TAB>target) or plain text."),
    domain: Optional[str] = typer.Option(None, "--domain", help="Score one catalogue only (needed for plain text with several)."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Score LANG's catalogues against a reference: BLEU, chrF, TER, term accuracy."""
    from l10n.score import score_project

    _check_format(fmt)
    report = score_project(settings(ctx), to, ref, domain=domain)
    if fmt == "json":
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(_score_text(report))


def _score_text(report) -> str:
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
        lines.extend(f"  {where}" for where in report.untranslated_locations[:20])
        if len(report.untranslated_locations) > 20:
            lines.append(f"  ... and {len(report.untranslated_locations) - 20} more (see --format json)")
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
    return "\n".join(lines)


@app.command()
def build(
    ctx: typer.Context,
    to: str = typer.Option(..., "--to", help="Target language, e.g. zh."),
    strict: bool = typer.Option(
        False, "--strict", help="Fail (exit 1, nothing written) if any segment would fall back to English."
    ),
    include_fuzzy: bool = typer.Option(
        False, "--include-fuzzy/--no-include-fuzzy", help="Use fuzzy drafts (default: leave them out, like msgfmt)."
    ),
    review: bool = typer.Option(
        False, "--review", help="Also write build/LANG/<document>.review.html: source beside translation, with QA findings."
    ),
) -> None:
    """Write build/LANG/<document> (.txt, .md, .html) in the source's structure, and compile .mo files."""
    from l10n.build import build as build_project

    s = settings(ctx)
    report = build_project(s, to, strict=strict, include_fuzzy=include_fuzzy, review=review)
    for doc in report.documents:
        state = ("written" if doc.changed else "unchanged") if doc.written else "not written"
        typer.echo(
            f"{s.relative(doc.document)}: {doc.paragraphs} paragraphs, "
            f"{doc.translated}/{doc.segments} segments translated ({state})"
        )
        typer.echo(f"{s.relative(doc.mo)}: {doc.mo_entries} messages ({state})")
        if doc.review is not None:
            typer.echo(f"{s.relative(doc.review)}: review page ({state})")
        if doc.fuzzy_used:
            typer.echo(f"  {doc.fuzzy_used} fuzzy drafts used (--include-fuzzy)")
        if doc.fuzzy_excluded:
            typer.echo(f"  {doc.fuzzy_excluded} fuzzy drafts left out (use --include-fuzzy to use them)")
    fallbacks = report.fallbacks
    if fallbacks:
        verb = "would fall back" if report.failed else "fell back"
        typer.echo(f"warning: {len(fallbacks)} segments {verb} to the source text:", err=True)
        for f in fallbacks:
            typer.echo(f"  {f.location}: {f.reason}: {f.source}", err=True)
    if report.failed:
        typer.echo("error: --strict: every segment needs a translation; nothing was written", err=True)
        raise typer.Exit(1)


@app.command()
def stats(
    ctx: typer.Context,
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Translated / fuzzy / untranslated entries and source words per catalogue."""
    from l10n.stats import format_table, project_stats, stats_to_dict

    _check_format(fmt)
    rows = project_stats(settings(ctx))
    if fmt == "json":
        typer.echo(json.dumps(stats_to_dict(rows), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_table(rows), nl=False)
        from l10n.po.postedit import format_post_editing

        drafted = [(r.domain, r.lang, r.post_editing) for r in rows if r.exists]
        if any(p.engines or p.human for _, _, p in drafted):
            typer.echo("")
            typer.echo(format_post_editing(drafted), nl=False)

"""The one-form output of extract, update, translate, build and fmt.

Each ``render_*`` takes what its stage returned and returns the exact text the
command prints, newline-terminated ("" when there is nothing to print).  Paths
are shown through ``relative`` (``Settings.relative``: relative to the project
root where they lie inside it).  What goes to standard error has its own
renderer, so the CLI echoes each block to its stream in the order it always had.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from l10n.build import BuildReport
    from l10n.extract import ExtractResult
    from l10n.fmt import Formatted
    from l10n.translate import TranslateSummary
    from l10n.update import UpdateResult

Relative = Callable[[Path], str]
MISSING_TERMS_SHOWN = 10  # the translate summary names this many missing glossary terms


def _text(lines: Iterable[str]) -> str:
    """The lines joined, each ending in a newline ("" for none)."""
    return "".join(f"{line}\n" for line in lines)


# --- extract, update --------------------------------------------------------------


def render_extract(results: Iterable[ExtractResult], relative: Relative) -> str:
    """Return one line per template: its path, its entries, and whether it was written."""
    return _text(
        f"{relative(r.path)}: {r.entries} entries ({'written' if r.changed else 'unchanged'})" for r in results
    )


def update_summary(result: UpdateResult) -> str:
    """Return what updating one catalogue did: created/updated/unchanged and the merge counts."""
    s = result.stats
    verb = "created" if s.created else ("updated" if result.changed else "unchanged")
    return f"{verb}: {s.kept} kept, {s.fuzzy} fuzzy, {s.new} new, {s.obsolete} obsolete"


def render_update(results: Iterable[UpdateResult], relative: Relative) -> str:
    """Return one line per catalogue: its path and ``update_summary``."""
    return _text(f"{relative(r.path)}: {update_summary(r)}" for r in results)


# --- translate ----------------------------------------------------------------------


def render_translate(summaries: Iterable[TranslateSummary], relative: Relative, where: str | None = None) -> str:
    """Return the closing summary of a translate run: where it drafted (a Dask cluster), then one block per language.

    The warnings the run reports while it drafts, and its progress bar, stream
    to standard error from the CLI as they happen.
    """
    lines = [f"drafted on: {where}"] if where is not None else []
    for summary in summaries:
        lines += _translate_lines(summary, relative)
    return _text(lines)


def _translate_lines(summary: TranslateSummary, relative: Relative) -> list[str]:
    info = summary.engine_info
    lines = [f"engine: {summary.engine} — {summary.engine_reason}"]
    if info is not None and info.settings:
        lines.append(f"  settings: {info.settings}")
    if info is not None and info.quality == "low":
        lines.append("  drafts from the fallback are low-quality dictionary drafts: review every one")
    lines += [f"catalogue: {relative(path)}" for path in summary.catalogs]
    lines.append(f"reused from translation memory: {summary.reused}")
    engine_name = info.name if info else summary.engine
    lines.append(f"drafted by {engine_name}: {summary.drafted} new, {summary.redrafted} redrafted")
    lines.append(f"glossary terms enforced: {summary.terms_enforced}, missing: {summary.terms_missing}")
    if summary.missing_terms:
        more = " …" if len(summary.missing_terms) > MISSING_TERMS_SHOWN else ""
        lines.append("  missing terms: " + ", ".join(summary.missing_terms[:MISSING_TERMS_SHOWN]) + more)
    lines.append(f"left untouched: {summary.untouched} reviewed or human entries, {summary.kept_drafts} earlier drafts")
    lines += [
        f"{relative(path)} was saved by someone else during the run: their changes were merged in and kept "
        f"({summary.kept_theirs} entries they changed are theirs), l10n's drafts went only where they changed nothing"
        for path in summary.concurrent_saves
    ]
    if not summary.engine_calls and not summary.reused:
        lines.append("nothing to draft: every entry already has a translation or a draft")
    else:
        lines.append("drafts are marked fuzzy: review them in your PO editor, then run `l10n check`")
    return lines


# --- build --------------------------------------------------------------------------


def render_build(report: BuildReport, relative: Relative) -> str:
    """Return what build wrote per document: the document, its .mo, its review page, fuzzy drafts used or left out."""
    lines = []
    for doc in report.documents:
        state = ("written" if doc.changed else "unchanged") if doc.written else "not written"
        lines.append(
            f"{relative(doc.document)}: {doc.paragraphs} paragraphs, "
            f"{doc.translated}/{doc.segments} segments translated ({state})"
        )
        lines.append(f"{relative(doc.mo)}: {doc.mo_entries} messages ({state})")
        if doc.review is not None:
            lines.append(f"{relative(doc.review)}: review page ({state})")
        if doc.fuzzy_used:
            lines.append(f"  {doc.fuzzy_used} fuzzy drafts used (--include-fuzzy)")
        if doc.fuzzy_excluded:
            lines.append(f"  {doc.fuzzy_excluded} fuzzy drafts left out (use --include-fuzzy to use them)")
    return _text(lines)


def render_build_warnings(report: BuildReport) -> str:
    """Return build's standard error: the segments that fell back to the source, and --strict's refusal."""
    lines = []
    if report.fallbacks:
        verb = "would fall back" if report.failed else "fell back"
        lines.append(f"warning: {len(report.fallbacks)} segments {verb} to the source text:")
        lines += [f"  {f.location}: {f.reason}: {f.source}" for f in report.fallbacks]
    if report.failed:
        lines.append("error: --strict: every segment needs a translation; nothing was written")
    return _text(lines)


# --- fmt ----------------------------------------------------------------------------


def render_fmt_notice(result: Formatted, show: Callable[[Path], str]) -> str:
    """Return the notice about one file (standard error), or ""."""
    return f"{show(result.path)}: {result.notice}\n" if result.notice else ""


def render_fmt_change(result: Formatted, show: Callable[[Path], str], check: bool) -> str:
    """Return the line naming one file that changed (or would, with ``--check``), or ""."""
    if not result.changed:
        return ""
    return f"{'would reformat' if check else 'reformatted'} {show(result.path)}\n"


def render_fmt_total(results: Iterable[Formatted], check: bool) -> str:
    """Return fmt's closing count (standard error): how many files changed, or would."""
    results = list(results)
    changed = sum(r.changed for r in results)
    return f"{changed} of {len(results)} files {'would change' if check else 'reformatted'}\n"

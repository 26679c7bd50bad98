"""The bilingual review page, and how inline codes are explained to translators.

``l10n build --review`` writes one self-contained HTML page per document and
language: every segment in document order, source beside translation, its
state (translated, fuzzy draft, untranslated) and the QA findings of
``l10n check`` on its entry.  The page has its CSS inline, no scripts and no
external resources, so it opens anywhere, offline, for a reviewer who does
not use a PO editor.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from l10n.formats.base import CODE_RE, Part, Unit, Unused, flat

LEGEND_LIMIT = 40  # characters of markup shown per code in the extracted comment


@dataclass(frozen=True)
class Row:
    """One segment as the review page shows it."""

    source: str  # the msgid
    line: int  # source line
    entry: Any  # the catalogue entry (l10n.po.catalog.Entry) or None
    used: str | None  # the translation the build used, or None (fell back to the source)
    reason: Unused | None  # why not
    codes: tuple[tuple[str, tuple[Part, ...]], ...] = ()


def code_legend(unit: Unit) -> str:
    """Return the extracted comment that says what each inline code of ``unit`` stands for."""
    markup = {token: flat(parts) for token, parts in unit.codes}
    shown = []
    for token, text in markup.items():
        if token.startswith("</"):
            continue
        if token.startswith("<g"):
            closing = markup.get("</" + token[1:], "")
            shown.append(f"{token}…</{token[1:]} = {_short(text)}…{_short(closing)}")
        else:
            shown.append(f"{token} = {_short(text)}")
    return "Inline codes (keep each once; move a <gN>…</gN> pair together): " + "; ".join(shown)


def _short(text: str) -> str:
    text = " ".join(text.replace("\r\n", "\n").replace("\n", " ↵ ").split())
    return text if len(text) <= LEGEND_LIMIT else text[: LEGEND_LIMIT - 1] + "…"


_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
.summary span { display: inline-block; margin-right: 1.2em; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; table-layout: fixed; }
th, td { border: 1px solid #c9c9c9; padding: .45em .6em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; }
col.line { width: 4.5em; } col.state { width: 24%; }
tr.fuzzy td { background: #fff6d5; }
tr.untranslated td, tr.missing td { background: #f1f1f1; }
tr.broken td.target { text-decoration: line-through; color: #777; }
tr.untranslated td.target, tr.missing td.target { color: #777; font-style: italic; }
tr.findings td.state { background: #fde2e0; }
.code { font: 12px monospace; background: #dde7ff; color: #123a8c; border-radius: 3px; padding: 0 .25em; }
.badge { font-weight: 600; }
.finding { margin: .25em 0 0; }
.error { color: #a1140c; } .warning { color: #8a5200; } .info { color: #33599e; }
"""


def _with_codes(text: str, codes: dict[str, str]) -> str:
    pieces = []
    last = 0
    for match in CODE_RE.finditer(text):
        pieces.append(html.escape(text[last : match.start()]))
        title = html.escape(codes.get(match.group(0), "not in the source"), quote=True)
        pieces.append(f'<span class="code" title="{title}">{html.escape(match.group(0))}</span>')
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)


class RowState(StrEnum):
    """What a row of the review page shows (also its CSS class)."""

    TRANSLATED = "translated"
    FUZZY = "fuzzy"
    UNTRANSLATED = "untranslated"
    BROKEN = "broken"  # a translation not used: its inline codes would break the document
    MISSING = "missing"  # no entry in the catalogue


def _state(row: Row) -> RowState:
    if row.entry is None:
        return RowState.MISSING
    if not row.entry.msgstr:
        return RowState.UNTRANSLATED
    if row.reason == Unused.BROKEN_CODES:
        return RowState.BROKEN
    return RowState.FUZZY if row.entry.fuzzy else RowState.TRANSLATED


_LABELS = {
    RowState.TRANSLATED: "translated",
    RowState.FUZZY: "fuzzy draft (unreviewed)",
    RowState.UNTRANSLATED: "untranslated: the source is used",
    RowState.MISSING: "not in the catalogue: run l10n update",
    RowState.BROKEN: "not used (inline codes broken): the source is used",
}
_SUMMARY = {  # the page's summary line, in this order
    RowState.TRANSLATED: "translated", RowState.FUZZY: "fuzzy", RowState.UNTRANSLATED: "untranslated",
    RowState.BROKEN: "codes broken", RowState.MISSING: "missing",
}


def review_page(document: str, lang: str, rows: list[Row], findings: dict[int, list]) -> str:
    """Return the review page of one document in one language.

    ``findings`` maps a catalogue entry's line to its QA findings
    (``l10n.checks.Finding``); the "fuzzy" check is left out, the row's state
    says it.
    """
    states: Counter[RowState] = Counter()
    body = []
    problems = 0
    for row in rows:
        state = _state(row)
        states[state] += 1
        found = [f for f in findings.get(row.entry.line, []) if f.check != "fuzzy"] if row.entry is not None else []
        if row.reason == Unused.BROKEN_CODES and not any(f.check == "placeholders" for f in found):
            found.append(_Note("error", "placeholders", "inline codes broken: the source is used"))
        problems += len(found)
        codes = {token: flat(parts) for token, parts in row.codes}
        target = row.entry.msgstr if row.entry is not None and row.entry.msgstr else row.source
        notes = "".join(
            f'<p class="finding {html.escape(f.severity)}">{html.escape(f.severity)} [{html.escape(f.check)}]: '
            f"{html.escape(f.message)}</p>"
            for f in found
        )
        classes = state + (" findings" if found else "")
        body.append(
            f'<tr class="{classes}"><td>{row.line}</td><td class="source">{_with_codes(row.source, codes)}</td>'
            f'<td class="target" lang="{html.escape(lang)}">{_with_codes(target, codes)}</td>'
            f'<td class="state"><span class="badge">{_LABELS[state]}</span>{notes}</td></tr>'
        )
    summary = "".join(
        f"<span>{html.escape(label)}: {states[key]}</span>"
        for key, label in _SUMMARY.items()
    ) + f"<span>QA findings: {problems}</span>"
    title = f"Review: {document} ({lang})"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_CSS}</style></head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        f'<p class="summary">{summary}</p>\n'
        '<table><colgroup><col class="line"><col><col><col class="state"></colgroup>\n'
        "<thead><tr><th>Line</th><th>Source</th><th>Translation</th><th>State and QA findings</th></tr></thead>\n"
        "<tbody>\n" + "\n".join(body) + "\n</tbody></table>\n</body></html>\n"
    )


@dataclass(frozen=True)
class _Note:
    severity: str
    check: str
    message: str

"""Alignment for scoring: hypotheses from a project's catalogues, references from a file.

Each ``Unit`` is one template entry of a language's catalogues, in template
order, with its msgstr and state.  Reference files, chosen by suffix:

- ``.po``: matched by (msgctxt, msgid); untranslated or fuzzy reference entries
  count as missing; an entry that matches no segment is an error.
- ``.tsv``: ``source<TAB>target`` per line, matched by source (msgid); blank
  lines and lines starting with ``#`` are ignored; an unknown source is an error.
- anything else: plain text, one reference per line in the template's entry
  order; the line count must equal the segment count, and a blank line means
  "no reference for this segment".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from l10n.errors import L10nError
from l10n.po.catalog import EntryState
from l10n.project.config import Settings
from l10n.text.encoding import refuse_wide_unicode


@dataclass(frozen=True)
class Unit:
    """One segment of a catalogue to score."""

    msgctxt: str | None
    msgid: str
    msgstr: str
    status: EntryState  # translated, fuzzy or untranslated
    location: str


def project_units(settings: Settings, lang: str, domain: str | None = None) -> tuple[list[str], list[Unit]]:
    """Return (domains, units): every active entry of ``lang``'s catalogues in template order.

    The template (``.pot``) gives the order and the set of segments where it
    exists; the language's PO gives the hypotheses.
    """
    from l10n.po.read import language_catalogs, read_catalog

    directory = settings.po_path(lang, "x").parent
    domains = [p.stem for p in language_catalogs(settings.locales, lang)]
    if domain is not None:
        if domain not in domains:
            raise L10nError(
                f"no catalogue for domain {domain!r} in language {lang!r}",
                path=settings.po_path(lang, domain),
                hint=f"run `l10n update --to {lang}` first, or pick one of: {', '.join(domains) or 'none'}",
            )
        domains = [domain]
    if not domains:
        raise L10nError(
            f"no catalogues for language {lang!r}",
            path=directory,
            hint=f"run `l10n translate --to {lang}` (or `l10n update --to {lang}`) first",
        )
    units: list[Unit] = []
    for name in domains:
        po_path = settings.po_path(lang, name)
        po = read_catalog(po_path)
        by_key = {e.key: e for e in po.active if e.msgid}
        pot_path = settings.pot_path(name)
        # lexists: a template that is a FIFO or a broken link is an error, not a missing file.
        order = [e for e in read_catalog(pot_path).active if e.msgid] if os.path.lexists(pot_path) else list(by_key.values())
        for template in order:
            entry = by_key.get(template.key)
            status = EntryState.UNTRANSLATED if entry is None else entry.state
            msgstr = entry.msgstr if entry is not None and status != EntryState.UNTRANSLATED else ""
            where = f"{settings.relative(po_path)}:{entry.line}" if entry is not None else settings.relative(pot_path)
            units.append(Unit(template.msgctxt, template.msgid, msgstr, status, where))
    return domains, units


def reference_format(path: Path) -> str:
    """Return ``po``, ``tsv`` or ``text`` from a reference file's suffix."""
    suffix = path.suffix.lower()
    if suffix in (".po", ".pot"):
        return "po"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    return "text"


def read_references(path: Path, units: Sequence[Unit], fmt: str | None = None) -> list[str | None]:
    """Return one reference per unit (None where the file has none for it).

    Raises L10nError with file and line for unreadable, misaligned or unknown
    references.
    """
    from l10n.fsutil import check_input

    path = Path(path)
    try:
        check_input(path, "reference file")  # not a FIFO or device, under the size cap
    except (FileNotFoundError, IsADirectoryError):
        raise L10nError("reference file not found", path=path, hint="pass --ref with a .po, .tsv or .txt file") from None
    except OSError:
        pass  # reading it says what is wrong
    fmt = fmt or reference_format(path)
    if fmt == "po":
        return _po_references(path, units)
    lines = _read_lines(path)
    if fmt == "tsv":
        return _tsv_references(path, lines, units)
    return _text_references(path, lines, units)


def _read_lines(path: Path) -> list[str]:
    from l10n.fsutil import read_input

    try:
        data = read_input(path, "reference file")
    except OSError as exc:
        raise L10nError(f"cannot read: {exc.strerror or exc}", path=path, hint="check the reference file") from None
    refuse_wide_unicode(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise L10nError("not valid UTF-8", path=path, line=line, hint="save the reference file as UTF-8") from exc
    return text.splitlines()


def _po_references(path: Path, units: Sequence[Unit]) -> list[str | None]:
    from l10n.po.read import read_catalog

    index = {(u.msgctxt, u.msgid): i for i, u in enumerate(units)}
    refs: list[str | None] = [None] * len(units)
    for entry in read_catalog(path).active:
        if not entry.msgid:
            continue
        i = index.get(entry.key)
        if i is None:
            raise L10nError(
                f"reference entry matches no segment of the catalogue: {_short(entry.msgid)!r}",
                path=path,
                line=entry.line or None,
                hint="the reference must be for the current source; run `l10n extract` and check the file",
            )
        if entry.state == EntryState.TRANSLATED:
            refs[i] = entry.msgstr
    return refs


def _tsv_references(path: Path, lines: list[str], units: Sequence[Unit]) -> list[str | None]:
    index: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        index.setdefault(unit.msgid, []).append(i)
    refs: list[str | None] = [None] * len(units)
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise L10nError(
                f"expected source<TAB>target, found {len(fields)} field(s)",
                path=path,
                line=number,
                hint="one tab per line between the English source and its reference translation",
            )
        source, target = fields[0].strip(), fields[1].strip()
        if source not in index:
            raise L10nError(
                f"reference source matches no segment of the catalogue: {_short(source)!r}",
                path=path,
                line=number,
                hint="the reference must be for the current source; run `l10n extract` and check the file",
            )
        if source in seen and refs[index[source][0]] != (target or None):
            raise L10nError(
                f"source also given on line {seen[source]} with a different reference",
                path=path,
                line=number,
                hint="keep one reference per source sentence",
            )
        seen[source] = number
        for i in index[source]:
            refs[i] = target or None
    return refs


def _text_references(path: Path, lines: list[str], units: Sequence[Unit]) -> list[str | None]:
    if len(lines) != len(units):
        line = min(len(lines), len(units)) + (1 if len(lines) > len(units) else 0)
        raise L10nError(
            f"reference has {len(lines)} lines but the catalogue has {len(units)} segments",
            path=path,
            line=max(line, 1),
            hint="a plain-text reference needs one line per segment in the template's order "
            "(a blank line where there is none); or use a .po or .tsv reference",
        )
    return [line.strip() or None for line in lines]


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

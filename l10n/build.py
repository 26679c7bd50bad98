"""build: translated documents in the source's paragraph structure, and .mo files.

For every source document (``.txt``, ``.md``, ``.html``) the document is
read again exactly as ``extract`` reads it; each unit is looked up in
``locales/<lang>/LC_MESSAGES/<domain>.po`` and the translations are written
to ``build/<lang>/<document>`` in the source's structure (plain text: one
paragraph per line or per blank-line block, as laid out; Markdown and HTML:
the source with each unit replaced, byte for byte elsewhere).  The
catalogue is compiled to ``build/<lang>/LC_MESSAGES/<domain>.mo``.

Fuzzy drafts are left out unless asked for (as ``msgfmt`` does); a segment
without a usable translation falls back to its English source, and in strict
mode any such segment means nothing is written at all.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, replace
from pathlib import Path

from l10n.errors import L10nError
from l10n.formats.base import Unused, codes_problems
from l10n.formats.review import Row
from l10n.po.catalog import Catalog, Entry
from l10n.project.config import Settings
from l10n.text.segment import Segment

MO_MAGIC = 0x950412DE


@dataclass(frozen=True)
class Fallback:
    """A segment written in the source language, and why."""

    location: str  # "seeds/doc.txt:12"
    source: str
    reason: Unused


@dataclass(frozen=True)
class DocumentBuild:
    """What building one document produced (or would have produced)."""

    domain: str
    document: Path
    mo: Path
    paragraphs: int
    segments: int
    translated: int
    fuzzy_used: int
    fuzzy_excluded: int
    fallbacks: tuple[Fallback, ...]
    mo_entries: int
    written: bool = False
    changed: bool = False
    review: Path | None = None  # the bilingual review page, when asked for


@dataclass(frozen=True)
class BuildReport:
    """The result of ``build``: one DocumentBuild per source document."""

    lang: str
    strict: bool
    include_fuzzy: bool
    documents: tuple[DocumentBuild, ...]

    @property
    def fallbacks(self) -> tuple[Fallback, ...]:
        """Every segment that fell back (or would fall back) to the source."""
        return tuple(f for d in self.documents for f in d.fallbacks)

    @property
    def failed(self) -> bool:
        """True when strict mode refused to write because of fallbacks."""
        return self.strict and bool(self.fallbacks)


def joiner(lang: str) -> str:
    """Return the separator between sentences of a paragraph in ``lang`` (none where its profile is unspaced)."""
    from l10n.text.languages import profile

    return " " if profile(lang).spaced else ""


def join_sentences(sentences: list[str], lang: str) -> str:
    """Return one paragraph: sentences joined the way ``lang`` writes them.

    In languages without spaces a space is still kept between two pieces of
    Latin text (an untranslated English sentence next to another).
    """
    sep = joiner(lang)
    text = ""
    for sentence in sentences:
        if not text:
            text = sentence
        elif sep or (_latin(text[-1]) and sentence and _latin(sentence[0])):
            text += " " + sentence
        else:
            text += sentence
    return text


def _latin(char: str) -> bool:
    return char.isascii() and not char.isspace()


def lookup_table(catalog: Catalog) -> dict[str, list[Entry]]:
    """Return the catalogue's active entries grouped by msgid."""
    table: dict[str, list[Entry]] = {}
    for entry in catalog.active:
        if entry.msgid:
            table.setdefault(entry.msgid, []).append(entry)
    return table


def find_entry(table: dict[str, list[Entry]], segment: Segment) -> Entry | None:
    """Return the entry translating ``segment``, or None.

    Where one sentence has several entries (told apart by msgctxt), the one
    whose ``#:`` reference names the segment's place wins, then the one
    without msgctxt.
    """
    candidates = table.get(segment.text, [])
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    place = f"{segment.document}:{segment.line}"
    for entry in candidates:
        if place in entry.references:
            return entry
    plain = [e for e in candidates if e.msgctxt is None]
    return plain[0] if plain else candidates[0]


def choose(entry: Entry | None, include_fuzzy: bool, source: str | None = None) -> tuple[str | None, Unused | None]:
    """Return (translation to use, or None; why not, or None) for one segment's entry.

    With ``source`` (a msgid with inline codes), a translation whose codes are
    missing, added or unpaired is not used: it would break the document.
    """
    if entry is None:
        return None, Unused.MISSING
    if not entry.msgstr:
        return None, Unused.UNTRANSLATED
    if entry.fuzzy and not include_fuzzy:
        return None, Unused.FUZZY
    if source is not None and "<" in source + entry.msgstr:
        if codes_problems(source, entry.msgstr):
            return None, Unused.BROKEN_CODES
    return entry.msgstr, None


def render_document(
    segments: list[Segment], table: dict[str, list[Entry]], lang: str, include_fuzzy: bool
) -> tuple[list[str], list[Fallback], int, int, list[Row]]:
    """Return (paragraphs, fallbacks, fuzzy used, fuzzy excluded, review rows) for one plain-text document."""
    paragraphs: dict[int, list[str]] = {}
    fallbacks: list[Fallback] = []
    rows: list[Row] = []
    fuzzy_used = fuzzy_excluded = 0
    for segment in segments:
        entry = find_entry(table, segment)
        text, reason = choose(entry, include_fuzzy)
        rows.append(Row(segment.text, segment.line, entry, text, reason))
        fuzzy_excluded += reason == Unused.FUZZY
        fuzzy_used += text is not None and entry is not None and entry.fuzzy
        if text is None:
            text = segment.text
            fallbacks.append(Fallback(f"{segment.document}:{segment.line}", segment.text, reason))
        paragraphs.setdefault(segment.paragraph, []).append(text)
    lines = [join_sentences(paragraphs[k], lang) for k in sorted(paragraphs)]
    return lines, fallbacks, fuzzy_used, fuzzy_excluded, rows


def render_structured(document, table: dict[str, list[Entry]], include_fuzzy: bool) -> tuple[str, list[Fallback], int, int, list]:
    """Return (text, fallbacks, fuzzy used, fuzzy excluded, review rows) for a Markdown or HTML document.

    Each unit is written with its translation (codes replaced by the source's
    markup) or, without a usable one, as the source wrote it.
    """
    from l10n.extract import unit_segment
    from l10n.formats.base import render
    fallbacks: list[Fallback] = []
    rows: list[Row] = []
    counts = {"used": 0, "excluded": 0}

    def lookup(unit):
        segment = unit_segment(unit, document.path)
        entry = find_entry(table, segment)
        text, reason = choose(entry, include_fuzzy, unit.text)
        counts["excluded"] += reason == Unused.FUZZY
        counts["used"] += text is not None and entry is not None and entry.fuzzy
        if text is None:
            fallbacks.append(Fallback(f"{document.path}:{unit.line}", unit.text, reason))
        rows.append(Row(unit.text, unit.line, entry, text, reason, unit.codes))
        return text

    text = render(document, lookup)
    return text, fallbacks, counts["used"], counts["excluded"], rows


def mo_messages(catalog: Catalog, include_fuzzy: bool) -> dict[bytes, bytes]:
    """Return the (msgid → msgstr) byte strings a .mo of ``catalog`` holds.

    Like msgfmt: the header, then every active translated entry; fuzzy ones
    only with ``include_fuzzy``.  Contexts are joined with EOT, plural forms
    with NUL.
    """
    header = "".join(f"{key}: {value}\n" for key, value in catalog.header)
    messages = {b"": header.encode("utf-8")}
    for entry in catalog.active:
        if not entry.msgid or not entry.translated or (entry.fuzzy and not include_fuzzy):
            continue
        original = entry.msgid
        if entry.msgid_plural is not None:
            original += "\0" + entry.msgid_plural
            translation = "\0".join(entry.msgstr_plural)
        else:
            translation = entry.msgstr
        if entry.msgctxt is not None:
            original = entry.msgctxt + "\x04" + original
        messages[original.encode("utf-8")] = translation.encode("utf-8")
    return messages


def mo_bytes(messages: dict[bytes, bytes]) -> bytes:
    """Return a GNU .mo file (little-endian, no hash table) holding ``messages``."""
    keys = sorted(messages)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    strings_at = translations_at + count * 8
    table_o: list[int] = []
    table_t: list[int] = []
    blob = bytearray()
    for key in keys:
        table_o += [len(key), strings_at + len(blob)]
        blob += key + b"\0"
    for key in keys:
        value = messages[key]
        table_t += [len(value), strings_at + len(blob)]
        blob += value + b"\0"
    head = struct.pack("<7I", MO_MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    return head + struct.pack(f"<{2 * count}I", *table_o) + struct.pack(f"<{2 * count}I", *table_t) + bytes(blob)


def build(
    settings: Settings, lang: str, *, strict: bool = False, include_fuzzy: bool = False, review: bool = False
) -> BuildReport:
    """Build every document and .mo for ``lang``; return what was (or would be) written.

    Everything is computed before anything is written.  With ``strict``, any
    segment that would fall back to the source makes the report ``failed``
    and nothing is written.  With ``review``, a bilingual review page
    ``build/<lang>/<document>.review.html`` is written beside each document.
    Missing or unreadable catalogues raise L10nError.
    """
    from l10n.extract import document_layout, source_documents, structured_document
    from l10n.formats import format_of
    from l10n.fsutil import atomic_write_bytes, atomic_write_text, check_output
    from l10n.po.plural_forms import header_problem
    from l10n.po.read import read_catalog
    from l10n.text.layout import separator

    planned = []
    findings = _review_findings(settings, lang) if review else {}
    for source in source_documents(settings):
        domain = source.stem
        po_path = settings.po_path(lang, domain)
        if not po_path.is_file():
            raise L10nError(
                f"no {lang!r} catalogue for {settings.relative(source)}",
                path=po_path,
                hint=f"run `l10n translate --to {lang}` (or `l10n update --to {lang}`) first",
            )
        catalog = read_catalog(po_path)
        bad_plural = header_problem(catalog, lang)
        if bad_plural is not None:  # Python's gettext would raise on loading the .mo
            raise bad_plural
        table = lookup_table(catalog)
        out = settings.build / lang
        page = None
        if format_of(source) == "txt":
            segments, layout = document_layout(settings, source)
            lines, fallbacks, used, excluded, rows = render_document(segments, table, lang, include_fuzzy)
            text = separator(layout).join(lines) + "\n" if lines else ""
            count, name, paragraph_count = len(segments), f"{domain}.txt", len(lines)
        else:
            document = structured_document(settings, source)
            text, fallbacks, used, excluded, rows = render_structured(document, table, include_fuzzy)
            count, name = len(rows), source.name
            paragraph_count = len({unit.paragraph for unit in document.units()})
        if review:
            from l10n.formats.review import review_page

            page = review_page(settings.relative(source), lang, rows, findings.get(settings.relative(po_path), {}))
        messages = mo_messages(catalog, include_fuzzy)
        result = DocumentBuild(
            domain=domain,
            document=out / name,
            mo=out / "LC_MESSAGES" / f"{domain}.mo",
            paragraphs=paragraph_count,
            segments=count,
            translated=count - len(fallbacks),
            fuzzy_used=used,
            fuzzy_excluded=excluded,
            fallbacks=tuple(fallbacks),
            mo_entries=len(messages) - 1,
            review=out / f"{name}.review.html" if review else None,
        )
        planned.append((result, text, mo_bytes(messages), page))
    report = BuildReport(lang, strict, include_fuzzy, tuple(p[0] for p in planned))
    if report.failed:
        return report
    for result, _, _, _ in planned:  # every output is checked before the first is written
        check_output(result.document)
        check_output(result.mo)
        if result.review is not None:
            check_output(result.review)
    done = []
    for result, text, mo, page in planned:
        changed = atomic_write_text(result.document, text)
        changed = atomic_write_bytes(result.mo, mo) or changed
        if page is not None and result.review is not None:
            changed = atomic_write_text(result.review, page) or changed
        done.append(replace(result, written=True, changed=changed))
    return BuildReport(lang, strict, include_fuzzy, tuple(done))


def _review_findings(settings: Settings, lang: str) -> dict[str, dict[int, list]]:
    """Return QA findings of ``lang``'s catalogues by catalogue path, then by entry line."""
    from l10n.checks import run_checks

    grouped: dict[str, dict[int, list]] = {}
    for finding in run_checks(settings, [lang]).findings:
        grouped.setdefault(finding.path, {}).setdefault(finding.line, []).append(finding)
    return grouped

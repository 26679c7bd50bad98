"""The glossary's file format: CSV files read into ``Term`` values and written back.

One concept per row.  Columns (the header names them; order is free):

``source``            the English term (required)
``<lang>``            the required target for a language, e.g. ``zh``
``variants:<lang>``   other correct renderings, separated by ``|``: the checks
                      accept any of them; drafts and repairs use ``<lang>``.  A
                      variant may be the part every correct rendering contains
                      (``十四五`` accepts “十四五”期间 and “十四五”规划期)
``forbidden:<lang>``  wrong target variants, separated by ``|``
``status``            ``approved`` (enforced) or ``proposed`` (shown, not enforced)
``flags``             ``case-sensitive`` and/or ``do-not-translate``
``pos``, ``note``     part of speech and a free note (optional)

Blank lines and rows whose first cell starts with ``#`` are comments.  Reading
never raises: it returns the terms it could read and a problem (file, line)
for everything else; ``l10n.glossary.load.load_glossary`` turns problems into errors.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterable

from l10n.errors import L10nError
from l10n.glossary.files import read_bytes
from l10n.glossary.model import FLAGS, STATUSES, GlossaryProblem, LangMap, Status, Term
from l10n.text.encoding import wide_unicode

FORBIDDEN_PREFIX = "forbidden:"
VARIANTS_PREFIX = "variants:"
_PREFIXES = (FORBIDDEN_PREFIX, VARIANTS_PREFIX)
VARIANT_SEPARATOR = "|"
_FIXED = ("source", "status", "flags", "pos", "note")
_REQUIRED = ("source", "status")
_LANG = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")


def read_glossary_file(path: Path, data: bytes | None = None) -> tuple[list[Term], list[GlossaryProblem]]:
    """Return the terms of one CSV file and the problems that stopped rows loading.

    L10nError only if the file cannot be read at all (a folder, no permission).
    """
    path = Path(path)
    if data is None:
        data = read_bytes(path)
    problems = _Problems(path)
    wide = wide_unicode(data)
    if wide:
        problems.add(1, "malformed", f"encoded as {wide}, not UTF-8; save it as UTF-8 (a spreadsheet's \"CSV UTF-8\")")
        return [], problems.found
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(line, "malformed", f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return [], problems.found
    # Split on real line ends only (as csv does), not on U+2028 and friends.
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), strict=True)
    header: list[str] | None = None
    terms: list[Term] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.add(start, "malformed", f"unbalanced quotes or bad quoting: {exc}")
            continue
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        raw = "".join(lines[start - 1 : reader.line_num])
        if raw.count('"') % 2:
            problems.add(start, "malformed", 'unbalanced quotes: a field has an odd number of " characters')
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            if not _check_header(header, start, problems):
                return [], problems.found
            continue
        if len(row) > len(header) and not any(cell.strip() for cell in row[len(header) :]):
            row = row[: len(header)]
        if len(row) != len(header):
            problems.add(start, "malformed", f"expected {len(header)} columns ({', '.join(header)}), found {len(row)}")
            continue
        term = _row_to_term(dict(zip(header, (c.strip() for c in row))), start, problems)
        if term is not None:
            terms.append(term)
    if header is None and not problems.found:
        problems.add(1, "malformed", f"no header row; the first row must name the columns, e.g. {', '.join(_REQUIRED)}, zh")
    return terms, problems.found


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[GlossaryProblem] = []

    def add(self, line: int, code: str, message: str) -> None:
        self.found.append(GlossaryProblem(self.path, line, code, message))


def _check_header(header: list[str], line: int, problems: _Problems) -> bool:
    before = len(problems.found)
    for name in _REQUIRED:
        if name not in header:
            problems.add(line, "malformed", f"header has no {name!r} column (found: {', '.join(header)})")
    seen: set[str] = set()
    for name in header:
        lang = next((name[len(p) :] for p in _PREFIXES if name.startswith(p)), name)
        if name in seen:
            problems.add(line, "malformed", f"column {name!r} appears twice in the header")
        seen.add(name)
        if name not in _FIXED and not _LANG.match(lang):
            problems.add(
                line, "malformed", f"unknown column {name!r}: expected {', '.join(_FIXED)}, a language code, variants:<lang> or forbidden:<lang>"
            )
    if len(problems.found) == before and all(name in _FIXED for name in header):
        problems.add(line, "malformed", "header has no language column (e.g. zh)")
    return len(problems.found) == before


def _row_to_term(cells: dict[str, str], line: int, problems: _Problems) -> Term | None:
    before = len(problems.found)
    source = cells.get("source", "")
    status = cells.get("status", "")
    if not source:
        problems.add(line, "empty-field", "empty source term")
    if not status:
        problems.add(line, "empty-field", f"empty status for {source!r}: write approved or proposed")
    elif status not in STATUSES:
        problems.add(line, "bad-value", f"status {status!r} for {source!r}: write approved or proposed")
    flags = [f for f in re.split(r"[\s,;]+", cells.get("flags", "")) if f]
    for flag in flags:
        if flag not in FLAGS:
            problems.add(line, "bad-value", f"unknown flag {flag!r} for {source!r}: known flags are {', '.join(FLAGS)}")
    languages = [k for k in cells if k not in _FIXED and not k.startswith(_PREFIXES)]
    targets = {lang: cells[lang] for lang in languages if cells[lang]}
    forbidden, accepted = {}, {}
    for key, value in cells.items():
        variants = tuple(v.strip() for v in value.split(VARIANT_SEPARATOR) if v.strip())
        if key.startswith(FORBIDDEN_PREFIX) and variants:
            forbidden[key[len(FORBIDDEN_PREFIX) :]] = variants
        elif key.startswith(VARIANTS_PREFIX) and variants:
            accepted[key[len(VARIANTS_PREFIX) :]] = variants
    dnt = "do-not-translate" in flags
    if source and not targets and not dnt:
        problems.add(line, "empty-field", f"no target for {source!r} in any language column ({', '.join(languages)})")
    for lang, target in targets.items() if dnt else ():
        if target != source:
            problems.add(line, "bad-value", f"{source!r} is do-not-translate but its {lang} target is {target!r}")
    for lang in accepted:
        if lang not in targets and not dnt:
            problems.add(line, "empty-field", f"variants:{lang} for {source!r} but no {lang} target: fill the {lang} column with the preferred one")
    if len(problems.found) > before:
        return None
    return Term(
        source=source,
        targets=LangMap(targets),
        forbidden=LangMap(forbidden),
        variants=LangMap(accepted),
        case_sensitive="case-sensitive" in flags,
        do_not_translate=dnt,
        note=cells.get("note", ""),
        pos=cells.get("pos", ""),
        status=Status(status),
        file=problems.path,
        line=line,
    )


def format_glossary_csv(terms: Iterable[Term], languages: Iterable[str] = ()) -> str:
    """Return ``terms`` as the text of one glossary CSV file (L10nError if unrepresentable)."""
    terms = list(terms)
    langs = sorted({*languages, *(lang for t in terms for lang in (*t.targets, *t.forbidden, *t.variants))}) or ["zh"]
    with_variants = [lang for lang in langs if any(lang in t.variants for t in terms)]
    header = ["source", *langs, "status", "flags", *(VARIANTS_PREFIX + lang for lang in with_variants),
              *(FORBIDDEN_PREFIX + lang for lang in langs), "pos", "note"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # csv quotes a field holding the line terminator, not one holding a bare CR,
    # which the reader then takes for a line end: such rows are quoted whole.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for term in terms:
        if term.source.lstrip().startswith("#"):
            raise L10nError(f"term {term.source!r} starts with '#', which marks a comment row", hint="rephrase the term")
        for variants in (*term.forbidden.values(), *term.variants.values()):
            if any(VARIANT_SEPARATOR in v for v in variants):
                raise L10nError(f"a variant of {term.source!r} contains '|', the variant separator")
        flags = [name for name, on in zip(FLAGS, (term.case_sensitive, term.do_not_translate)) if on]
        row = [
            term.source,
            *(term.targets.get(lang, "") for lang in langs),
            term.status,
            " ".join(flags),
            *(VARIANT_SEPARATOR.join(term.variants.get(lang, ())) for lang in with_variants),
            *(VARIANT_SEPARATOR.join(term.forbidden.get(lang, ())) for lang in langs),
            term.pos,
            term.note,
        ]
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue()

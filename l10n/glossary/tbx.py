"""TBX (TermBase eXchange) import and export, TBX-Basic style.

The rest of the package only sees ``Term`` values.  Export writes one
``termEntry`` per term with a ``langSet`` per language; each ``tig`` carries an
``administrativeStatus``: ``preferredTerm-admn-sts`` for an approved term,
``admittedTerm-admn-sts`` for a proposed one and for the accepted variants of
a term (other correct renderings, after its preferred target), and
``deprecatedTerm-admn-sts`` for a forbidden variant.  On import, an
``admittedTerm`` after a language's first target is an accepted variant.
The glossary's flags, which TBX-Basic has no data category for, travel in a
``<note>`` of the source ``tig`` starting with ``l10n-flags:``; other tools
show it as an ordinary note.

Import reads that shape and also TBX v3 (``conceptEntry``/``langSec``/
``termSec``) and ``ntig``/``termGrp`` variants, ignoring namespaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable
from xml.etree import ElementTree as ET

from l10n.errors import L10nError
from l10n.fsutil import atomic_write_text, read_input
from l10n.glossary.model import FLAGS, LangMap, Status, Term

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
FLAGS_NOTE = "l10n-flags:"
# Characters XML 1.0 forbids even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'


def format_tbx(terms: Iterable[Term], source_lang: str = "en", version: str = "") -> str:
    """Return ``terms`` as a TBX-Basic document (UTF-8 text with XML declaration)."""
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: source_lang.replace("_", "-")})
    header = ET.SubElement(martif, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "l10n glossary"
    source_desc = ET.SubElement(file_desc, "sourceDesc")
    ET.SubElement(source_desc, "p").text = f"Exported by l10n; glossary version {version or 'unknown'}"
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for number, term in enumerate(terms, 1):
        _refuse_unwritable(term)
        entry = ET.SubElement(body, "termEntry", {"id": f"c{number}"})
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        status = PREFERRED if term.approved else ADMITTED
        source_set = ET.SubElement(entry, "langSet", {XML_LANG: source_lang.replace("_", "-")})
        source_tig = _tig(source_set, term.source, status, term.pos)
        flags = [name for name, on in zip(FLAGS, (term.case_sensitive, term.do_not_translate)) if on]
        if flags:
            ET.SubElement(source_tig, "note").text = f"{FLAGS_NOTE} {' '.join(flags)}"
        for lang in sorted({*term.targets, *term.forbidden, *term.variants}):
            lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang.replace("_", "-")})
            if lang in term.targets:
                _tig(lang_set, term.targets[lang], status, term.pos)
            for variant in term.variants.get(lang, ()):
                _tig(lang_set, variant, ADMITTED, term.pos)
            for variant in term.forbidden.get(lang, ()):
                _tig(lang_set, variant, DEPRECATED, "")
    ET.indent(martif, space="  ")
    # A parser turns a raw CR into LF; a character reference keeps it.
    xml = ET.tostring(martif, encoding="unicode").replace("\r", "&#13;")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{_DOCTYPE}\n{xml}\n'


def _refuse_unwritable(term: Term) -> None:
    """L10nError naming the glossary row if a field holds a character XML 1.0 cannot carry at all."""
    fields = [("source", term.source), ("note", term.note), ("part of speech", term.pos)]
    fields += [(lang, text) for lang, text in term.targets.items()]
    fields += [(f"forbidden {lang}", text) for lang, texts in term.forbidden.items() for text in texts]
    fields += [(f"variants {lang}", text) for lang, texts in term.variants.items() for text in texts]
    for name, text in fields:
        bad = _NOT_XML.search(text or "")
        if bad:
            raise L10nError(
                f"the {name} field of term {term.source[:40]!r} holds U+{ord(bad.group()):04X}, "
                "a control character TBX (XML 1.0) cannot carry",
                path=term.file,
                line=term.line or None,
                hint="remove the character from the glossary row, then export again",
            )


def _tig(lang_set: ET.Element, text: str, status: str, pos: str) -> ET.Element:
    tig = ET.SubElement(lang_set, "tig")
    ET.SubElement(tig, "term").text = text
    if pos:
        ET.SubElement(tig, "termNote", {"type": "partOfSpeech"}).text = pos
    ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status
    return tig


def write_tbx(path: Path, terms: Iterable[Term], source_lang: str = "en", version: str = "") -> bool:
    """Write a TBX file atomically; return False if it was already identical."""
    return atomic_write_text(Path(path), format_tbx(terms, source_lang, version))


def read_tbx(path: Path, source_lang: str = "en") -> tuple[list[Term], list[str]]:
    """Return the terms of a TBX file and warnings about what could not be kept.

    L10nError (with the line) if the file is not well-formed XML or not TBX.
    """
    path = Path(path)
    try:
        data = read_input(path, "TBX file")
    except FileNotFoundError:
        raise L10nError("no such file", path=path, hint="check the path of the TBX file") from None
    except IsADirectoryError:
        raise L10nError("is a directory, not a TBX file", path=path, hint="name a .tbx file") from None
    except OSError as exc:
        raise L10nError(f"cannot read: {exc.strerror or exc}", path=path, hint="check the TBX file") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise L10nError(f"not well-formed XML: {exc}", path=path, line=exc.position[0], hint="fix the XML and retry") from exc
    return parse_tbx_root(root, path, source_lang)


def parse_tbx(text: str, path: Path = Path("<tbx>"), source_lang: str = "en") -> tuple[list[Term], list[str]]:
    """Return the terms and warnings of TBX ``text`` (see ``read_tbx``)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise L10nError(f"not well-formed XML: {exc}", path=path, line=exc.position[0], hint="fix the XML and retry") from exc
    return parse_tbx_root(root, path, source_lang)


def parse_tbx_root(root: ET.Element, path: Path, source_lang: str = "en") -> tuple[list[Term], list[str]]:
    """Return the terms and warnings of a parsed TBX document (see ``read_tbx``)."""
    if _local(root.tag) not in ("martif", "tbx"):
        raise L10nError(f"root element is <{_local(root.tag)}>, not <martif> or <tbx>", path=path, hint="pass a TBX file")
    source_lang = _lang_code(root.get(XML_LANG) or source_lang)
    terms: list[Term] = []
    warnings: list[str] = []
    for number, entry in enumerate((e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")), 1):
        where = f"{path}: entry {entry.get('id') or number}"
        term = _entry_to_term(entry, source_lang, path, where, warnings)
        if term is not None:
            terms.append(term)
    return terms, warnings


def _entry_to_term(entry: ET.Element, source_lang: str, path: Path, where: str, warnings: list[str]) -> Term | None:
    notes = [n.text.strip() for n in entry if _local(n.tag) == "note" and n.text and n.text.strip()]
    flags: set[str] = set()
    source: tuple[str, str, str] | None = None
    targets: dict[str, str] = {}
    forbidden: dict[str, list[str]] = {}
    variants: dict[str, list[str]] = {}
    for lang_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
        lang = _lang_code(lang_set.get(XML_LANG) or "")
        is_source = lang.split("_")[0] == source_lang.split("_")[0]
        for text, status, pos, tig_notes in _terms_of(lang_set):
            for note in tig_notes:
                if note.startswith(FLAGS_NOTE):
                    flags.update(note[len(FLAGS_NOTE) :].split())
                else:
                    notes.append(note)
            if is_source:
                if status == DEPRECATED:
                    warnings.append(f"{where}: deprecated source term {text!r} dropped (the glossary keeps one source term)")
                elif source is None or (status == PREFERRED and source[1] != PREFERRED):
                    source = (text, status, pos)
                else:
                    warnings.append(f"{where}: source synonym {text!r} dropped (the glossary keeps one source term)")
            elif status == DEPRECATED:
                forbidden.setdefault(lang, []).append(text)
            elif lang not in targets:
                targets[lang] = text
            elif status == ADMITTED:
                variants.setdefault(lang, []).append(text)
            else:
                warnings.append(f"{where}: second {lang} target {text!r} dropped (kept {targets[lang]!r})")
    if source is None:
        warnings.append(f"{where}: no {source_lang} term; entry skipped")
        return None
    text, status, pos = source
    unknown = flags - set(FLAGS)
    if unknown:
        warnings.append(f"{where}: unknown l10n flags {', '.join(sorted(unknown))} ignored")
    return Term(
        source=text,
        targets=LangMap(targets),
        forbidden=LangMap({lang: tuple(v) for lang, v in forbidden.items()}),
        variants=LangMap({lang: tuple(v) for lang, v in variants.items()}),
        case_sensitive="case-sensitive" in flags,
        do_not_translate="do-not-translate" in flags,
        note="; ".join(notes),
        pos=pos,
        # A term without a status is not enforced until someone approves it.
        status=Status.APPROVED if status == PREFERRED else Status.PROPOSED,
        file=path,
        line=0,
    )


def _terms_of(lang_set: ET.Element):
    """Yield (term text, administrative status, part of speech, notes) for each term of a language set."""
    for group in (e for e in lang_set if _local(e.tag) in ("tig", "ntig", "termSec")):
        text = status = pos = ""
        notes = []
        for element in group.iter():
            name = _local(element.tag)
            value = (element.text or "").strip()
            if name == "term":
                text = "".join(element.itertext()).strip()
            elif name == "termNote" and element.get("type") == "administrativeStatus":
                status = value
            elif name == "termNote" and element.get("type") == "partOfSpeech":
                pos = value
            elif name == "note" and value:
                notes.append(value)
        if text:
            yield text, status, pos, notes


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _lang_code(code: str) -> str:
    return code.strip().replace("-", "_")

"""extract: source documents to gettext templates (``locales/<domain>.pot``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from l10n import __version__
from l10n.errors import L10nError
from l10n.formats.base import UnitKind
from l10n.formats.txt import segments_and_layout
from l10n.fsutil import check_input, check_name, using_policy
from l10n.po.catalog import FUZZY, Catalog, Entry
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.project.config import Settings
from l10n.text.segment import Segment, SegmentKind, read_source

TITLE_NOTE = "Title line: translate as a heading, without final punctuation."
ATTRIBUTE_NOTE = "Text of an attribute (image alt text, a link title, a label or placeholder): plain text."


@dataclass(frozen=True)
class ExtractResult:
    """What extracting one document did."""

    domain: str
    path: Path
    entries: int
    changed: bool
    template: Catalog | None = field(default=None, compare=False, repr=False)  # what the file now holds


def source_documents(settings: Settings) -> list[Path]:
    """Return the project's source documents (``seeds/*.txt``, ``*.md``, ``*.html``...), sorted by name.

    L10nError for a name a catalogue cannot hold, for two documents with one
    name (``guide.md``, ``guide.html``) and for an entry l10n will not read: a
    folder, a FIFO, a device, a link leading outside the project (unless
    ``allow-external-links``), a file over the size cap.
    """
    from l10n.formats import EXTENSIONS

    if not settings.seeds.is_dir():
        raise L10nError(
            "source folder not found",
            path=settings.seeds,
            hint="create it and add English .txt documents, or set [tool.l10n] seeds",
        )
    # Hidden names are editors' and file managers' (an Emacs lock ``.#doc.txt`` is a
    # dangling link, macOS leaves binary ``._doc.txt``): not documents, as for a shell's ``*``.
    documents = sorted(
        p for p in settings.seeds.iterdir() if p.suffix.lower() in EXTENSIONS and not p.name.startswith(".")
    )
    if not documents:
        raise L10nError(
            f"no source documents ({', '.join('*' + extension for extension in EXTENSIONS)}) in the source folder",
            path=settings.seeds,
            hint="add an English document (.txt with one paragraph per line, Markdown or HTML)",
        )
    seen: dict[str, Path] = {}
    for path in documents:
        if path.stem in seen:
            raise L10nError(
                f"two source documents share the name {path.stem!r} ({seen[path.stem].name} and {path.name})",
                path=path,
                hint="rename one: a document's name is its catalogue's domain",
            )
        seen[path.stem] = path
    with using_policy(settings.input_policy()):
        for path in documents:
            check_name(path, "source document")
            try:
                check_input(path, "source document", folder=settings.seeds)
            except IsADirectoryError:
                raise L10nError("is a directory, not a source document", path=path, hint="remove it or rename it") from None
            except OSError:
                pass  # read_source words it
    return documents


def document_layout(settings: Settings, path: Path) -> tuple[list[Segment], str]:
    """Return the segments of one plain-text source document and how its paragraphs are laid out.

    The file is read under the project's input policy, then segmented with
    the seed's paragraph mode and rules (``l10n.formats.txt``).
    """
    with using_policy(settings.input_policy()):  # a regular file under the size cap
        text = read_source(path)
    mode, rules = settings.segmentation(path)
    return segments_and_layout(text, settings.relative(path), mode, rules, settings.ignore_lines)


def document_segments(settings: Settings, path: Path) -> list[Segment]:
    """Return the segments of one source document, as extract and build see them."""
    from l10n.formats import format_of

    if format_of(path) == "txt":
        return document_layout(settings, path)[0]
    return [unit_segment(unit, settings.relative(path)) for unit in structured_document(settings, path).units()]


def structured_document(settings: Settings, path: Path):
    """Return a Markdown or HTML source read into an ``l10n.formats.base.Document``."""
    from l10n.formats import read_document
    from l10n.formats.source import FormatOptions

    options = FormatOptions(front_matter_keys=settings.front_matter_keys, ignore_lines=settings.ignore_lines)
    with using_policy(settings.input_policy()):  # a regular file under the size cap
        return read_document(path, settings.relative(path), options)


def unit_segment(unit, document: str) -> Segment:
    """Return the Segment (catalogue view) of one translatable unit of a document."""
    kind = SegmentKind.TITLE if unit.kind == UnitKind.TITLE else SegmentKind.SENTENCE
    return Segment(unit.text, document, unit.paragraph, unit.position, unit.line, kind)


def segments_and_notes(settings: Settings, path: Path) -> tuple[list[Segment], dict[str, tuple[str, ...]]]:
    """Return a document's segments and, per msgid with inline codes, a comment saying what they stand for."""
    from l10n.formats import format_of
    from l10n.formats.review import code_legend

    if format_of(path) == "txt":
        return document_segments(settings, path), {}
    units = structured_document(settings, path).units()
    document = settings.relative(path)
    notes: dict[str, tuple[str, ...]] = {}
    for unit in reversed(units):  # the first occurrence's note wins
        if unit.codes:
            notes[unit.text] = (code_legend(unit),)
        elif unit.kind == UnitKind.ATTRIBUTE:
            notes[unit.text] = (ATTRIBUTE_NOTE,)
    return [unit_segment(unit, document) for unit in units], notes


def template_entries(segments: list[Segment], notes: dict[str, tuple[str, ...]] | None = None) -> tuple[Entry, ...]:
    """Return one entry per unique segment text, in first-occurrence order.

    Identical sentences share an entry that lists every occurrence in ``#:``.
    ``notes`` adds extracted comments by msgid (what inline codes stand for).
    """
    order: dict[str, list[Segment]] = {}
    for segment in segments:
        order.setdefault(segment.text, []).append(segment)
    entries = []
    for text, occurrences in order.items():
        references = tuple(dict.fromkeys(f"{s.document}:{s.line}" for s in occurrences))
        comments = (TITLE_NOTE,) if all(s.kind != SegmentKind.SENTENCE for s in occurrences) else ()
        comments += (notes or {}).get(text, ())
        entries.append(Entry(msgid=text, references=references, extracted_comments=comments))
    return tuple(entries)


def now_stamp() -> str:
    """Return the current time in the form gettext headers use."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M%z")


def template_header(domain: str, creation_date: str) -> tuple[tuple[str, str], ...]:
    """Return the header fields of a template, in the order xgettext writes them."""
    return (
        ("Project-Id-Version", domain),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", creation_date),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
        ("Language", ""),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", f"l10n {__version__}"),
    )


def build_template(settings: Settings, path: Path) -> tuple[Catalog, Catalog | None]:
    """Return the template for one source document (not yet written) and the old one.

    An existing template with the same entries keeps its POT-Creation-Date,
    so re-extracting unchanged sources gives an equal catalogue and an
    identical file.
    """
    domain = path.stem
    entries = template_entries(*segments_and_notes(settings, path))
    pot_path = settings.pot_path(domain)
    creation = now_stamp()
    old = read_catalog(pot_path) if pot_path.exists() else None
    if old is not None and old.entries == entries and old.header_value("POT-Creation-Date"):
        creation = old.header_value("POT-Creation-Date") or creation
    comments = (
        f"Template for {settings.relative(path)}.",
        "Generated by `l10n extract`; edit the source document, not this file.",
    )
    template = Catalog(
        header=template_header(domain, creation),
        entries=entries,
        header_comments=comments,
        header_flags=(FUZZY,),
        path=pot_path,
    )
    return template, old


def extract_all(settings: Settings) -> list[ExtractResult]:
    """Write ``locales/<domain>.pot`` for every source document; return what changed.

    Every document is read and segmented before anything is written, so bad
    input leaves every template as it was.
    """
    templates = [build_template(settings, path) for path in source_documents(settings)]
    results = []
    for template, old in templates:
        assert template.path is not None
        # An equal catalogue needs neither formatting nor writing.
        changed = old != template and write_catalog(template.path, template)
        domain = template.path.stem
        results.append(ExtractResult(domain, template.path, len(template.entries), changed, template))
    return results

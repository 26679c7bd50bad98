"""Source formats: one reader per kind of document, found by extension (``EXTENSIONS``).

``.txt`` keeps the original one-paragraph-a-line behaviour (``txt``: text
to segments and a paragraph layout; build re-joins the sentences).  The
structured formats, ``.md``/``.markdown`` (``markdown``) and
``.html``/``.htm`` (``html``), are read by their module's ``read`` into a
``Document`` of verbatim text and translatable units that
``l10n.formats.base.render`` writes back (byte for byte when nothing is
translated).  Readers are imported when first used.

Keeping inline codes through an engine is the translate stage's
(``l10n.drafting.guard``).

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``, and ``l10n.po``
for types only.  Must not import ``l10n.project`` (a reader takes the
values it needs), engines, glossaries, checks or stages.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from l10n.formats.base import Document
from l10n.formats.source import FormatOptions, read_text

__all__ = ["EXTENSIONS", "STRUCTURED", "format_of", "read_document"]

EXTENSIONS = {".txt": "txt", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
# Every format but plain text is read into a Document by its module's ``read``.
STRUCTURED = frozenset(EXTENSIONS.values()) - {"txt"}


def format_of(path: Path) -> str | None:
    """Return the format name of a source path by its extension (None: not a source)."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def read_document(path: Path, relative: str, options: FormatOptions = FormatOptions()) -> Document:
    """Return a Markdown or HTML source read into a Document (L10nError for unreadable input)."""
    name = format_of(path)
    if name not in STRUCTURED:
        raise ValueError(f"not a structured document: {path}")
    reader = import_module(f"l10n.formats.{name}")
    return reader.read(read_text(path), relative, options)

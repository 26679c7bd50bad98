"""Source formats: one reader (and its writer) per kind of document, found by extension.

``.txt`` keeps the original one-paragraph-a-line behaviour (``txt``);
``.md``/``.markdown`` (``markdown``) and ``.html``/``.htm`` (``html``) are
read into a ``Document`` of verbatim text and translatable units that
``render`` writes back (byte for byte when nothing is translated).  Readers
are imported when first used.

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``, ``l10n.engines``
(the inline-code ``guard`` wraps an engine), and ``l10n.po``/``l10n.project``
for types only.  Must not import glossaries, checks or stages.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from l10n.formats.base import Document, Unit, render
from l10n.formats.source import FormatOptions, read_text

__all__ = ["EXTENSIONS", "Document", "FormatOptions", "Unit", "format_of", "read_document", "render"]

EXTENSIONS = {".txt": "txt", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_of(path: Path) -> str | None:
    """Return the format name of a source path by its extension (None: not a source)."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def read_document(path: Path, relative: str, options: FormatOptions = FormatOptions()) -> Document:
    """Return a Markdown or HTML source read into a Document (L10nError for unreadable input)."""
    name = format_of(path)
    if name not in ("markdown", "html"):
        raise ValueError(f"not a structured document: {path}")
    reader = import_module(f"l10n.formats.{name}")
    return reader.read(read_text(path), relative, options)

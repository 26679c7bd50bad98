"""Reading a structured source document exactly as it is on disk."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import L10nError
from l10n.text.encoding import read_document_text

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class FormatOptions:
    """Project settings a reader needs."""

    front_matter_keys: tuple[str, ...] = ("title", "description")
    ignore_lines: tuple[str, ...] = ()


def read_text(path: Path) -> str:
    """Return the file's text, line ends and byte-order mark kept; L10nError if it is not UTF-8 text.

    Unlike ``l10n.text.segment.read_source`` nothing is normalised: the build
    writes the document back byte for byte, so the reader must see every byte.
    """
    text = read_document_text(Path(path), "source documents are UTF-8 text (.md, .html, .txt)")
    if not text.strip():
        raise L10nError("source document is empty", path=path, hint="add text or remove the file")
    return text


def line_table(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every line of ``text``, line end excluded (CRLF, CR and LF all end a line).

    Lines are counted as markdown-it counts them, so its line numbers index this table.
    """
    lines = []
    start = 0
    for match in _LINE_END.finditer(text):
        lines.append((start, match.start()))
        start = match.end()
    lines.append((start, len(text)))
    return lines

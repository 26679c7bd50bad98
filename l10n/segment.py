"""Sentence segmentation of English prose documents.

(Interface fixed; implementation in progress.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Segment:
    """One sentence (or title line) of a source document, with its position."""

    text: str
    document: str  # path relative to the project root, e.g. "seeds/zhejiang-stories.txt"
    paragraph: int  # 0-based paragraph index within the document
    position: int  # 0-based sentence index within the paragraph
    line: int  # 1-based line of the source file where the segment starts
    kind: str = "sentence"  # "sentence", "title" (a heading or one-line title)


def read_source(path: Path) -> str:
    """Return the text of a source document; L10nError if missing, empty, binary or not UTF-8."""
    raise NotImplementedError


def split_sentences(paragraph: str) -> list[str]:
    """Return the sentences of one paragraph, in order, stripped."""
    raise NotImplementedError


def segment_document(text: str, document: str, ignore_lines: tuple[str, ...] = ()) -> list[Segment]:
    """Return the segments of a whole document, in document order."""
    raise NotImplementedError

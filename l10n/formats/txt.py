"""Plain-text sources: the project's original format, paragraphs of sentences.

A ``.txt`` seed is read and segmented by ``l10n.text.segment`` (line ends
normalised, blank and ignored lines dropped, the paragraph layout resolved by
``l10n.text.layout``), and built back paragraph by paragraph with sentences
re-joined in the target language's way (``l10n.build``); it is not rebuilt
byte for byte.  The project's segmentation settings drive it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from l10n.fsutil import using_policy
from l10n.text import layout
from l10n.text.segment import Segment, compile_ignore, read_source, segment_document

if TYPE_CHECKING:
    from l10n.project.config import Settings


def document_layout(settings: Settings, path: Path) -> tuple[list[Segment], str]:
    """Return the segments of one plain-text source document and how its paragraphs are laid out.

    The layout (``"lines"`` or ``"blank-lines"``, see ``l10n.text.layout``) tells
    build how to separate the rebuilt paragraphs.
    """
    with using_policy(settings.input_policy()):  # a regular file under the size cap
        text = read_source(path)
    mode, rules = settings.segmentation(path)
    segments = segment_document(text, settings.relative(path), settings.ignore_lines, mode, rules)
    return segments, layout.resolve(text, mode, compile_ignore(settings.ignore_lines))

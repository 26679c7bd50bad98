"""Plain-text sources: the project's original format, paragraphs of sentences.

A ``.txt`` seed's text is segmented by ``l10n.text.segment`` (line ends
normalised, blank and ignored lines dropped) and its paragraph layout
resolved by ``l10n.text.layout``.  It is built back paragraph by paragraph
with sentences re-joined in the target language's way (``l10n.build``); it
is not rebuilt byte for byte.  The caller reads the file and passes the
project's segmentation settings (``l10n.extract.document_layout``).
"""

from __future__ import annotations

from l10n.text import layout
from l10n.text.segment import Segment, compile_ignore, segment_document
from l10n.text.segrules import Rules


def segments_and_layout(
    text: str, relative: str, mode: str, rules: Rules, ignore_lines: tuple[str, ...]
) -> tuple[list[Segment], str]:
    """Return the segments of one plain-text document and how its paragraphs are laid out.

    ``text`` is the document as ``l10n.text.segment.read_source`` read it,
    ``relative`` its name in references, ``mode`` and ``rules`` the
    paragraph mode and segmentation rules for it, ``ignore_lines`` the
    patterns of lines to leave out.  The layout (``"lines"`` or
    ``"blank-lines"``, see ``l10n.text.layout``) tells build how to separate
    the rebuilt paragraphs.
    """
    segments = segment_document(text, relative, ignore_lines, mode, rules)
    return segments, layout.resolve(text, mode, compile_ignore(ignore_lines))

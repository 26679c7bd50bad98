"""Plain-text sources: the project's original format, paragraphs of sentences.

A ``.txt`` seed is read and segmented by ``l10n.segment`` as before formats
existed (line ends normalised, blank and ignored lines dropped, the
paragraph layout resolved by ``l10n.layout``), and built back paragraph by
paragraph with sentences re-joined in the target language's way
(``l10n.build``); it is not rebuilt byte for byte.  The work lives in
``l10n.extract.document_layout``, which the segmentation settings drive;
this module is the format's entry in the registry.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from l10n.config import Settings
    from l10n.segment import Segment


def segments(settings: Settings, path: Path) -> tuple[list[Segment], str]:
    """Return the segments of a plain-text document and its paragraph layout."""
    from l10n.extract import document_layout

    return document_layout(settings, path)

"""Plain-text sources: the project's original format, one paragraph a line.

A ``.txt`` seed is read and segmented by ``l10n.segment`` exactly as before
formats existed (line ends normalised, blank and ignored lines dropped), and
built back one paragraph per line with sentences re-joined in the target
language's way (``l10n.build``); it is not rebuilt byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from l10n.segment import Segment, read_source, segment_document


def segments(path: Path, relative: str, ignore_lines: tuple[str, ...] = ()) -> list[Segment]:
    """Return the segments of a plain-text document."""
    return segment_document(read_source(path), relative, ignore_lines)

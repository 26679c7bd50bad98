"""Saving a catalogue someone else may have saved meanwhile (a translator's editor).

``translate`` reads a catalogue, drafts for minutes, and saves every few
seconds; a translator may save the same file in Poedit in between.  Every
save first looks at the file: when its bytes are no longer those l10n last
read or wrote, the file is read again and the three versions are merged
entry by entry (``merge3``): an entry the person changed keeps the person's
version, whatever l10n drafted for it; l10n's drafts go only where the
person changed nothing.  The look happens after the new text is written
and flushed to a temporary file, just before it is renamed over the
catalogue (``replace_if_unchanged``), so what is left is a window of
microseconds between that look and the rename.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass, replace
from pathlib import Path

from l10n.errors import L10nError
from l10n.fsutil import discard_temporary, write_temporary
from l10n.po.catalog import Catalog, Entry
from l10n.po.read import read_catalog

Key = tuple[str | None, str]


def file_digest(path: Path) -> str | None:
    """Return the SHA-1 of the file's bytes, or None if it does not exist or cannot be read.

    (The reader that follows reports a file that cannot be read, with its own message.)
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # never open a FIFO or a device (it could block or never end)
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None


def text_digest(text: str | bytes) -> str:
    """Return the SHA-1 of ``text`` as written (str: UTF-8), comparable with ``file_digest``."""
    return hashlib.sha1(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


@dataclass(frozen=True)
class Merged:
    """The result of merging a person's save with l10n's work."""

    catalog: Catalog
    theirs: frozenset[Key]  # keys whose entry the person changed (or added, or removed)


def merge3(base: Catalog, ours: Catalog, theirs: Catalog) -> Merged:
    """Return ``ours`` with every change ``theirs`` made to ``base`` applied on top.

    ``base`` is the catalogue both started from.  An entry the person changed
    or added is theirs; one they removed stays removed; every other entry is
    ours.  The header (fields, comments, flags) is theirs if they changed it.
    """
    base_by = {e.key: e for e in base.entries}
    theirs_by = {e.key: e for e in theirs.entries}
    ours_keys = {e.key for e in ours.entries}
    touched: set[Key] = set()
    entries: list[Entry] = []
    for entry in ours.entries:
        old, new = base_by.get(entry.key), theirs_by.get(entry.key)
        if new is None:
            if old is None:
                entries.append(entry)  # ours alone (not in the file they saved from)
            else:
                touched.add(entry.key)  # they removed it
            continue
        if old is None or new != old:
            touched.add(entry.key)
            entries.append(new)
        else:
            entries.append(entry)
    for entry in theirs.entries:
        if entry.key not in ours_keys:
            touched.add(entry.key)
            entries.append(entry)
    head = ours
    if (theirs.header, theirs.header_comments, theirs.header_flags) != (
        base.header,
        base.header_comments,
        base.header_flags,
    ):
        head = theirs
    catalog = replace(
        ours,
        header=head.header,
        header_comments=head.header_comments,
        header_flags=head.header_flags,
        entries=tuple(entries),
    )
    return Merged(catalog, frozenset(touched))


def replace_if_unchanged(path: Path, text: str | bytes, expected: str | None) -> bool:
    """Write ``text`` to ``path`` atomically unless the file's digest is no longer ``expected``.

    The text goes to a flushed temporary file first; the digest is compared
    just before the rename.  Returns False (nothing written) when the file
    changed meanwhile: the caller merges and tries again.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = write_temporary(path, data)
    try:
        current = file_digest(path)
        if current != expected:
            discard_temporary(tmp)
            return False
        if current == hashlib.sha1(data).hexdigest():
            discard_temporary(tmp)  # already this text: no mtime churn
            return True
        os.replace(tmp, path)
    except BaseException:
        discard_temporary(tmp)
        raise
    return True


def read_settled(path: Path, tries: int = 40, pause: float = 0.05) -> Catalog:
    """Read a catalogue someone else just saved, waiting out a save still being written.

    An editor that writes in place leaves a half file for a moment; reading
    is tried again for up to two seconds before the run gives up (nothing
    overwritten).
    """
    for attempt in range(tries):
        try:
            return read_catalog(path)
        except L10nError:
            if attempt == tries - 1:
                raise
            time.sleep(pause)
    raise AssertionError("unreachable")

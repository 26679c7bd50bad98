"""``l10n fmt``: rewrite PO/POT files in canonical form, as ``black`` formats code.

The canonical form is what GNU ``msgcat`` writes (``l10n.po.write``), in the
charset the file declares; a file already in it is left untouched.  Works on
any PO or POT file, inside a project or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from l10n.fsutil import atomic_write_bytes
from l10n.po.read import read_catalog
from l10n.po.write import PAGE_WIDTH, encode_catalog


@dataclass(frozen=True)
class Formatted:
    """One file: its canonical bytes, whether they differ from the file's, and any notice."""

    path: Path
    data: bytes
    changed: bool
    notice: str | None = None


def format_file(path: Path, width: int | None = PAGE_WIDTH) -> Formatted:
    """Return the canonical form of the PO/POT file at ``path`` (L10nError if it cannot be read)."""
    path = Path(path)
    catalog = read_catalog(path)
    data, notice = encode_catalog(catalog, width)
    return Formatted(path, data, data != path.read_bytes(), notice)


def format_files(paths: Iterable[Path], write: bool = True, width: int | None = PAGE_WIDTH) -> list[Formatted]:
    """Format every file; with ``write`` rewrite (atomically) those that change.

    Every file is read and checked before the first is written, so a bad
    file leaves all of them untouched.
    """
    results = [format_file(p, width) for p in paths]
    if write:
        for result in results:
            if result.changed:
                atomic_write_bytes(result.path, result.data)
    return results


def project_files(locales: Path) -> list[Path]:
    """Return a project's templates (``locales/*.pot``) and catalogues (``locales/*/LC_MESSAGES/*.po``)."""
    if not locales.is_dir():
        return []
    return sorted(locales.glob("*.pot")) + sorted(locales.glob("*/LC_MESSAGES/*.po"))

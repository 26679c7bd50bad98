"""The files of a glossary folder: which they are, and their bytes (refused when unsafe to read)."""

from __future__ import annotations

from pathlib import Path

from l10n.errors import L10nError
from l10n.fsutil import check_name, read_input


def glossary_files(directory: Path) -> list[Path]:
    """Return the glossary files of ``directory`` in load order (none if it is missing)."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(directory.glob("*.csv"))


def read_bytes(path: Path) -> bytes:
    """Return the bytes of a glossary file; L10nError if it is a folder or unreadable.

    Also refused (``l10n.fsutil.read_input``): a FIFO or device, a file over the
    size cap, a link leading outside the project, a name that is not UTF-8.
    """
    path = Path(path)
    check_name(path, "glossary file")
    try:
        return read_input(path, "glossary file", folder=path.parent)
    except IsADirectoryError as exc:
        raise L10nError("is a folder, not a glossary file", path=path, hint="rename or remove it") from exc
    except OSError as exc:
        raise L10nError(f"cannot read the glossary file: {exc.strerror}", path=path, hint="check the file") from exc

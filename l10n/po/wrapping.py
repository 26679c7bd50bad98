"""How l10n wraps the catalogues it writes: the ``wrap`` setting of ``[tool.l10n]``.

- ``"gettext"`` (default): GNU gettext's own form, page width 79 (``msgcat``).
- ``"no-wrap"``: one line per string piece, as ``msgcat --no-wrap`` and
  Poedit with wrapping turned off write.
- a number N: ``msgcat -w N``.
- ``"keep"``: whatever the file on disk looks like: a catalogue with no
  wrapped string and a string line wider than the page is written
  ``no-wrap``, any other one as gettext writes it.

Whatever the setting, a catalogue l10n has nothing to change in is not
written at all (``l10n.po.merge``, ``l10n.translate``).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from l10n.errors import L10nError


class Wrap(StrEnum):
    """The named ``wrap`` settings (a number is the other kind)."""

    GETTEXT = "gettext"
    NO_WRAP = "no-wrap"
    KEEP = "keep"


CHOICES = tuple(Wrap)
MIN_WIDTH = 20


def check_wrap(value: object, pyproject: Path) -> Wrap | int:
    """Return the ``wrap`` setting validated (L10nError naming the file otherwise)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise L10nError(
            "[tool.l10n] wrap must be a string or a number",
            path=pyproject,
            hint='use "gettext", "no-wrap", "keep" or a page width such as 79',
        )
    if isinstance(value, int):
        if value < MIN_WIDTH:
            raise L10nError(f"[tool.l10n] wrap = {value} is too narrow", path=pyproject, hint=f"use {MIN_WIDTH} or more")
        return value
    if value not in CHOICES:
        raise L10nError(
            f"[tool.l10n] wrap = {value!r} is not a known setting",
            path=pyproject,
            hint='use "gettext", "no-wrap", "keep" or a page width such as 79',
        )
    return Wrap(value)


def page_width(setting: Wrap | int, path: Path | None = None) -> Wrap | int | None:
    """Return what ``write_catalog`` takes as ``width`` for a catalogue at ``path``."""
    if setting == Wrap.NO_WRAP:
        return None
    if setting == Wrap.KEEP and path is not None:
        return None if looks_unwrapped(path) else Wrap.GETTEXT
    if isinstance(setting, int):
        return setting
    return Wrap.GETTEXT


def looks_unwrapped(path: Path, page: int = 79) -> bool:
    """Return True if the file at ``path`` was written without wrapping.

    A file is unwrapped when none of its strings continues on a line that does
    not follow a ``\\n`` (a wrap) and some string line is wider than ``page``.
    """
    try:
        if not path.is_file():
            return False  # not a regular file: the reader reports it
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    wide = False
    previous = ""
    for line in text.splitlines():
        line = line.rstrip("\r")
        body = line[3:] if line.startswith(("#~ ", "#| ")) else line
        if body.startswith('"') and previous.endswith('"') and not previous.endswith('\\n"') and not previous.endswith(' ""'):
            return False  # a string that goes on after a break that is not a \n: wrapped
        if _columns(line) > page and (body.startswith(("msgid", "msgstr", '"'))):
            wide = True
        previous = body
    return wide


def _columns(line: str) -> int:
    import unicodedata

    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)

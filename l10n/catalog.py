"""Gettext catalogues (PO/POT) as plain frozen dataclasses.

This is the only module that imports polib.  Everything else sees ``Catalog``
and ``Entry`` values; reading turns parser failures into ``L10nError`` with the
file and line, and writing produces the canonical form GNU gettext writes
(see ``l10n.pofmt``), atomically.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

FUZZY = "fuzzy"


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    extracted_comments: tuple[str, ...] = ()
    translator_comments: tuple[str, ...] = ()
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = field(default=0, compare=False)

    @property
    def key(self) -> tuple[str | None, str]:
        """Identity of the message within a catalogue: (msgctxt, msgid)."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.flags

    @property
    def translated(self) -> bool:
        """True if every msgstr is non-empty (fuzzy or not)."""
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)

    def with_flag(self, flag: str, on: bool = True) -> Entry:
        """Return a copy with ``flag`` added (or removed when ``on`` is False)."""
        flags = tuple(f for f in self.flags if f != flag)
        if on:
            flags = (flag, *flags) if flag == FUZZY else (*flags, flag)
        return replace(self, flags=flags)


@dataclass(frozen=True)
class Catalog:
    """A PO or POT file: header fields in order, then entries in file order."""

    header: tuple[tuple[str, str], ...] = ()
    entries: tuple[Entry, ...] = ()
    header_comments: tuple[str, ...] = ()
    header_flags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    def header_value(self, name: str) -> str | None:
        """Return the value of a header field, or None."""
        for key, value in self.header:
            if key.lower() == name.lower():
                return value
        return None

    def with_header(self, name: str, value: str) -> Catalog:
        """Return a copy with header field ``name`` set (appended if new)."""
        fields = list(self.header)
        for i, (key, _) in enumerate(fields):
            if key.lower() == name.lower():
                fields[i] = (key, value)
                break
        else:
            fields.append((name, value))
        return replace(self, header=tuple(fields))

    @property
    def active(self) -> tuple[Entry, ...]:
        """Entries that are not obsolete."""
        return tuple(e for e in self.entries if not e.obsolete)

"""Gettext catalogues (PO/POT) as plain frozen dataclasses.

Everything else sees ``Catalog`` and ``Entry`` values; reading turns parser
failures into ``L10nError`` with the file and line, and writing produces the
canonical form GNU gettext writes (see ``l10n.po.write``), atomically.

One reader is the truth: ``l10n.po.parse``, GNU gettext's grammar token by
token.  Files in the plain form that GNU gettext and ``l10n`` write (every
keyword at the start of its line, one space before the string, ``\n`` line
ends, no obsolete entries, only the short escapes) are read first by one
regular expression over the whole text, which takes a few percent of the
time; it stops at the first entry it is not sure of and hands the rest to the
exact reader.  The tests hold the two to the same result on every catalogue
of the tests, on generated and mutated files, and on the outside corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

FUZZY = "fuzzy"  # the gettext flag of an unreviewed translation


class EntryState(StrEnum):
    """An entry's state, one definition for every command (``Entry.state``)."""

    TRANSLATED = "translated"
    FUZZY = "fuzzy"
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"


STATES = (EntryState.TRANSLATED, EntryState.FUZZY, EntryState.UNTRANSLATED)  # an active entry's, in report order


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
        """True if the entry carries the ``fuzzy`` flag (see ``state`` for what counts)."""
        return FUZZY in self.flags

    @property
    def translated(self) -> bool:
        """True if every msgstr is non-empty (fuzzy or not)."""
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)

    @property
    def state(self) -> EntryState:
        """``obsolete``, ``untranslated``, ``fuzzy`` or ``translated``.

        A fuzzy entry without a complete translation is untranslated: GNU
        gettext drops the flag of an empty msgstr when it writes the entry,
        and ``msgfmt --statistics`` counts it as untranslated.
        """
        if self.obsolete:
            return EntryState.OBSOLETE
        if not self.translated:
            return EntryState.UNTRANSLATED
        return EntryState.FUZZY if FUZZY in self.flags else EntryState.TRANSLATED


@dataclass(frozen=True)
class Catalog:
    """A PO or POT file: header fields in order, then entries in file order."""

    header: tuple[tuple[str, str], ...] = ()
    entries: tuple[Entry, ...] = ()
    header_comments: tuple[str, ...] = ()
    header_flags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    # The header entry as read: its msgstr exactly (lines that are not
    # ``Name: value`` included; None when made from ``header``), its ``#.``
    # and ``#:`` comments, and how many entries stand before it in the file.
    header_text: str | None = None
    header_notes: tuple[str, ...] = ()
    header_references: tuple[str, ...] = ()
    header_index: int = 0

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
        text = self.header_text
        if text is not None and header_fields(text) == self.header:
            text = set_header_line(text, name, value)
        return replace(self, header=tuple(fields), header_text=text)

    def carry_header(self, source: Catalog) -> Catalog:
        """This catalogue with ``source``'s header text (lines that are not fields included), ``#.`` and ``#:``.

        This catalogue's fields win; they are set in ``source``'s text in place
        (new ones appended), so a merged header keeps what ``msgmerge`` keeps.
        """
        text = source.header_text
        if text is not None:
            lines = text.split("\n")
            at = [i for i, line in enumerate(lines) if _field(line) is not None]
            if [n for n, _ in self.header[: len(at)]] != [_field(lines[i])[0] for i in at]:  # type: ignore[index]
                text = None  # fields removed or reordered: the fields alone say what the header is
            else:
                for i, (name, value) in zip(at, self.header):
                    if _field(lines[i]) != (name, value):
                        lines[i] = f"{name}: {value}"
                text = "\n".join(lines)
                for name, value in self.header[len(at):]:
                    text = (text if not text or text.endswith("\n") else text + "\n") + f"{name}: {value}\n"
        return replace(self, header_text=text, header_notes=source.header_notes,
                       header_references=source.header_references)

    @property
    def header_msgstr(self) -> str:
        """The header entry's msgstr: the text as read while its fields are unchanged, else one line per field."""
        if self.header_text is not None and header_fields(self.header_text) == self.header:
            return self.header_text
        return "".join(f"{name}: {value}\n" for name, value in self.header)

    @property
    def has_header(self) -> bool:
        """True if the catalogue has a header entry (possibly empty)."""
        return self.header_text is not None or bool(self.header or self.header_comments or self.header_flags)

    @property
    def active(self) -> tuple[Entry, ...]:
        """Entries that are not obsolete."""
        return tuple(e for e in self.entries if not e.obsolete)


# --- the plain-form reader ---------------------------------------------------

# --- the exact reader --------------------------------------------------------


def comment_fields(comments: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(translator comments, extracted comments, references, flags) of an entry's comment lines."""
    translator, extracted, references, flags = [], [], [], []
    for c in comments:
        mark, rest = c[1:2], c[2:]
        if mark == ".":
            extracted.append(rest[1:] if rest.startswith(" ") else rest)
        elif mark == ":":
            references += rest.split()
        elif mark == ",":
            flags += _flag_words(rest)
        elif mark == "!":  # GNU gettext ignores "#!" lines
            continue
        else:
            rest = c[1:]
            translator.append(rest[1:] if rest.startswith(" ") else rest)
    return tuple(translator), tuple(extracted), tuple(references), tuple(flags)


def _flag_words(text: str) -> list[str]:
    """Flags of a ``#,`` line in order; ``range:`` keeps its value, as gettext reads it."""
    words = [w for w in re.split(r"[\s,]+", text) if w]
    flags: list[str] = []
    for word in words:
        if flags and flags[-1] == "range:":
            flags[-1] = f"range: {word}"
        else:
            flags.append(word)
    return flags


def header_fields(text: str) -> tuple[tuple[str, str], ...]:
    """``Name: value`` lines of a header's text, in order; lines that are not fields are left out."""
    return tuple(field for field in map(_field, text.split("\n")) if field is not None)


def _field(line: str) -> tuple[str, str] | None:
    """(name, value) of a header line ``Name: value``, or None for a line that is not a field."""
    name, colon, value = line.partition(":")
    if colon and name and not name.startswith((" ", "\t")) and " " not in name.strip():
        return name, value[1:] if value.startswith(" ") else value
    return None


def set_header_line(text: str, name: str, value: str) -> str:
    """``text`` (a header) with field ``name`` set to ``value`` in place, or appended; other lines kept."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        key, colon, _ = line.partition(":")
        if colon and key.lower() == name.lower():
            lines[i] = f"{key}: {value}"
            return "\n".join(lines)
    if text and not text.endswith("\n"):
        text += "\n"
    return f"{text}{name}: {value}\n"

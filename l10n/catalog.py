"""Gettext catalogues (PO/POT) as plain frozen dataclasses.

Everything else sees ``Catalog`` and ``Entry`` values; reading turns parser
failures into ``L10nError`` with the file and line, and writing produces the
canonical form GNU gettext writes (see ``l10n.pofmt``), atomically.

One reader is the truth: ``l10n.poparse``, GNU gettext's grammar token by
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
from pathlib import Path

from l10n.encoding import decode_po, python_codec, refuse_wide_unicode
from l10n.errors import L10nError
from l10n.fsutil import atomic_write_bytes
from l10n.poparse import REGENERATE_HINT, UNESCAPE, parse

FUZZY = "fuzzy"
# An entry's state, one definition for every command (``Entry.state``).
UNTRANSLATED, TRANSLATED, OBSOLETE = "untranslated", "translated", "obsolete"
STATES = (TRANSLATED, FUZZY, UNTRANSLATED)


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
    def state(self) -> str:
        """``obsolete``, ``untranslated``, ``fuzzy`` or ``translated``.

        A fuzzy entry without a complete translation is untranslated: GNU
        gettext drops the flag of an empty msgstr when it writes the entry,
        and ``msgfmt --statistics`` counts it as untranslated.
        """
        if self.obsolete:
            return OBSOLETE
        if not self.translated:
            return UNTRANSLATED
        return FUZZY if FUZZY in self.flags else TRANSLATED


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


def read_catalog(path: Path) -> Catalog:
    """Return the catalogue stored in the PO or POT file at ``path``.

    Entries keep file order (obsolete ones too), ``Entry.line`` is the line of
    each msgid, and the header entry (the first active msgid "" without
    msgctxt, wherever it stands) becomes the ``header*`` fields, its text
    kept as read.  The file is decoded in the charset its header declares
    (UTF-8 without one); a UTF-8 byte order mark and CRLF line ends are
    accepted.  Any problem raises ``L10nError`` naming the file and line.
    """
    from l10n.fsutil import read_input

    path = Path(path)
    try:
        data = read_input(path, "catalogue")
    except FileNotFoundError:
        hint = "Check the path; `l10n extract` writes templates and `l10n update` catalogues."
        raise L10nError("no such file", path=path, hint=hint) from None
    except IsADirectoryError:
        raise L10nError("is a directory, not a PO file", path=path, hint="Name a .po or .pot file.") from None
    except OSError as exc:
        raise L10nError(f"cannot read: {exc.strerror or exc}", path=path, hint="Check its permissions.") from None
    text, codec = _decode(path, data)
    entries = _read_entries(path, text, codec=codec)
    _check_duplicates(path, entries)
    header_at = next((i for i, e in enumerate(entries) if e.key == (None, "") and not e.obsolete), None)
    if header_at is None:
        return Catalog(entries=tuple(entries), path=path)
    head = entries.pop(header_at)
    if codec == "utf-8" and python_codec(_declared(head.msgstr)) not in (None, "utf-8"):
        # a header declaring a legacy charset over UTF-8 text says UTF-8 from now on
        head = replace(head, msgstr=_utf8_charset(head.msgstr))
    return Catalog(
        header=header_fields(head.msgstr),
        entries=tuple(entries),
        header_comments=head.translator_comments,
        header_flags=head.flags,
        path=path,
        header_text=head.msgstr,
        header_notes=head.extracted_comments,
        header_references=head.references,
        header_index=header_at,
    )


def write_catalog(path: Path, catalog: Catalog, width: int | None | str = "gettext") -> bool:
    """Write ``catalog`` to ``path`` as GNU gettext writes it, atomically.

    ``width`` is the page width of msgcat's ``-w``, None for ``--no-wrap``,
    "gettext" for gettext's default (79).
    The bytes are in the charset the header declares (UTF-8 without one, or
    when the text does not fit the declared one: the header then says UTF-8;
    ``pofmt.encode_catalog``).  Returns False when the file already held
    exactly these bytes (it is then left untouched), True when it was written.
    """
    from l10n.pofmt import PAGE_WIDTH, encode_catalog  # pofmt imports this module

    path = Path(path)
    try:
        return atomic_write_bytes(path, encode_catalog(catalog, PAGE_WIDTH if width == "gettext" else width)[0])
    except OSError as exc:
        hint = "Check that the directory can be created and written to."
        raise L10nError(f"cannot write: {exc.strerror or exc}", path=path, hint=hint) from None


def language_catalogs(locales: Path, lang: str) -> list[Path]:
    """Return the catalogues of one language, ``locales/<lang>/LC_MESSAGES/*.po``, sorted by name."""
    folder = Path(locales) / lang / "LC_MESSAGES"
    return sorted(folder.glob("*.po")) if folder.is_dir() else []


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """(text without a byte order mark, codec), or an L10nError for empty, binary or undecodable files."""
    if not data.strip():
        raise L10nError("the file is empty", path=path, hint=REGENERATE_HINT)
    refuse_wide_unicode(data, path)
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        hint = "Restore the file from version control or regenerate it."
        raise L10nError("contains a NUL byte; this is not a text PO file", path=path, line=line, hint=hint)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text, codec = decode_po(data, path)
    if "\r" in text and "\n" not in text:
        hint = "Convert them to LF (`tr '\\r' '\\n' < FILE > FILE.new`); GNU gettext does not read CR alone either."
        raise L10nError("lines end in CR alone (classic Mac OS)", path=path, line=1, hint=hint)
    return text, codec


# --- the plain-form reader ---------------------------------------------------

# A string with known escapes only; a keyword's strings are one on its line, then continuation lines.
_PLAIN_STRING = r'"[^"\\\n]*(?:\\[ntrbfva"\\][^"\\\n]*)*"'


def _plain_strings(prefix: str = "") -> str:
    return rf"{_PLAIN_STRING}\n(?:{prefix}{_PLAIN_STRING}\n)*"


_PLAIN_ENTRY = re.compile(
    r"(?P<comments>(?:#(?!~)[^\n]*\n)*)"
    rf"(?:msgctxt (?P<msgctxt>{_plain_strings()}))?"
    rf"(?P<msgid>msgid (?P<id>{_plain_strings()}))"
    rf"(?:msgid_plural (?P<plural>{_plain_strings()})(?P<forms>(?:msgstr\[\d\] {_plain_strings()})+)"
    rf"|msgstr (?P<msgstr>{_plain_strings()}))"
    r"\n*"
)
_PLAIN_FORM = re.compile(rf"msgstr\[(\d)\] ({_plain_strings()})")
_PLAIN_PREVIOUS = re.compile(
    rf"(?:#\| msgctxt (?P<msgctxt>{_plain_strings('#[|] ')}))?"
    rf"(?:#\| msgid (?P<msgid>{_plain_strings('#[|] ')}))?"
    rf"(?:#\| msgid_plural (?P<plural>{_plain_strings('#[|] ')}))?"
)
_UNESCAPE = UNESCAPE
_ESCAPE = re.compile(r"\\(.)")


def _unquote(strings: str) -> str:
    """The text of one keyword's string lines (each ``"..."`` after any ``#| ``), joined and unescaped."""
    if strings.count("\n") == 1:
        text = strings[1:-2]
    else:
        text = "".join(line[line.index('"') + 1 : -1] for line in strings[:-1].split("\n"))
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(match: re.Match[str]) -> str:
    return _UNESCAPE[match[1]]


def _read_entries(path: Path, text: str, plain: bool = True, codec: str = "utf-8") -> list[Entry]:
    """The entries of ``text``: the plain form as far as it goes, the exact reader for the rest.

    ``plain=False`` reads all of it with the exact reader (the tests compare the two).
    """
    entries, end = _read_plain(text) if plain else ([], 0)
    if end < len(text):
        first_line = text.count("\n", 0, end) + 1
        entries += _read_exact(path, text[end:], first_line, codec)
    return entries


def _read_plain(text: str) -> tuple[list[Entry], int]:
    """The entries at the start of ``text`` that are in the plain form, and where they end.

    Reading stops at the first entry that is not (an obsolete entry, an
    unusual layout, an error, a last line without its newline); what follows
    is the exact reader's, from the start of the last plain entry before it
    (so that the exact reader starts where no entry is open).
    """
    if "\r" in text:
        return [], 0  # CR line ends, or a CR the exact reader must judge
    start = len(text) - len(text.lstrip("\n"))
    entries: list[Entry] = []
    line, counted = 1, 0
    last = 0  # where the last plain entry begins
    match = _PLAIN_ENTRY.match  # only where the next entry must begin: a search would rescan the rest each time
    while (m := match(text, start)) is not None:
        entry = _plain_entry(m, line + text.count("\n", counted, m.start("msgid")))
        if entry is None:
            break
        line, counted = entry.line, m.start("msgid")
        entries.append(entry)
        last, start = start, m.end()
    if start < len(text) and entries:
        # What follows may continue the last entry (a string after blank lines, another
        # msgstr[N], an error): the exact reader takes it from that entry's start.
        entries.pop()
        start = last
    return entries, (start if entries else 0)


def _plain_entry(m: re.Match[str], line: int) -> Entry | None:
    comments = m["comments"]
    comment_lines = comments.split("\n")[:-1] if comments else []
    previous: re.Match[str] | None = None
    if comments.startswith("#|") or "\n#|" in comments:
        old = "".join(c + "\n" for c in comment_lines if c.startswith("#|"))
        previous = _PLAIN_PREVIOUS.fullmatch(old)
        if previous is None or not comments.endswith(old):
            return None  # not in GNU gettext's layout: the exact reader judges them
        comment_lines = comment_lines[: len(comment_lines) - old.count("\n")]
    msgctxt = m["msgctxt"]
    if m["forms"] is not None:
        forms = _PLAIN_FORM.findall(m["forms"])
        if [int(index) for index, _ in forms] != list(range(len(forms))):
            return None  # forms out of order or missing: the exact reader sorts that out
        plural, msgstr_plural, msgstr = _unquote(m["plural"]), tuple(_unquote(s) for _, s in forms), ""
    else:
        plural, msgstr_plural, msgstr = None, (), _unquote(m["msgstr"])
    translator, extracted, references, flags = comment_fields(comment_lines)
    old_fields = (None, None, None)
    if previous is not None:
        old_fields = tuple(
            None if previous[name] is None else _unquote(previous[name])
            for name in ("msgctxt", "msgid", "plural")
        )
    return Entry(
        msgid=_unquote(m["id"]),
        msgstr=msgstr,
        msgctxt=None if msgctxt is None else _unquote(msgctxt),
        msgid_plural=plural,
        msgstr_plural=msgstr_plural,
        flags=flags,
        references=references,
        extracted_comments=extracted,
        translator_comments=translator,
        previous_msgctxt=old_fields[0],
        previous_msgid=old_fields[1],
        previous_msgid_plural=old_fields[2],
        line=line,
    )


# --- the exact reader --------------------------------------------------------


def _read_exact(path: Path, text: str, first_line: int = 1, codec: str = "utf-8") -> list[Entry]:
    """The entries of ``text``, read with every check (``l10n.poparse``; L10nError at the first problem).

    ``text`` starts at line ``first_line`` of the file (errors name file lines).
    """
    lines = text.split("\n")
    return parse(path, "\n".join(line[:-1] if line.endswith("\r") else line for line in lines), first_line, codec)


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


def _check_duplicates(path: Path, entries: list[Entry]) -> None:
    seen: dict[tuple[str | None, str], int] = {}
    for e in entries:
        first = seen.setdefault(e.key, e.line)
        if first != e.line:
            where = f" in context {e.msgctxt!r}" if e.msgctxt is not None else ""
            raise L10nError(
                f"duplicate message {e.msgid!r}{where}; first defined at line {first}",
                path=path,
                line=e.line,
                hint="Keep one of the two entries (`msguniq FILE` lists duplicates).",
            )


def _declared(text: str) -> str | None:
    m = re.search(r"charset=([^\s;]+)", text)
    return m[1] if m else None


def _utf8_charset(text: str) -> str:
    """A header's text with a declared charset other than UTF-8 (or the placeholder) replaced: the text was UTF-8."""
    return re.sub(r"(Content-Type:[^\n]*?charset=)(?!CHARSET\b|UTF-?8\b)[^\s;]+", r"\1UTF-8", text, flags=re.I)


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

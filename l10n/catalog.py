"""Gettext catalogues (PO/POT) as plain frozen dataclasses.

This is the only module that imports polib.  Everything else sees ``Catalog``
and ``Entry`` values; reading turns parser failures into ``L10nError`` with the
file and line, and writing produces the canonical form GNU gettext writes
(see ``l10n.pofmt``), atomically.

Two readers, one result.  Files in the plain form that GNU gettext and
``l10n`` write (every keyword at the start of its line, one space before the
string, ``\n`` line ends, no obsolete entries) are read by one regular
expression over the whole text, which takes a few percent of the time of a
line-by-line parse.  Any other file, and every file with an error, goes
through the exact reader: a line scan that checks the text (encoding, string
syntax, a msgstr for every msgid) and reads the comment lines itself, then
polib for the message strings.  polib drops or garbles some comment lines that
GNU gettext accepts (``#.x``, ``#~|``, leading empty ``#`` lines, trailing
spaces), hence the scan.  The tests hold the two readers to the same result on
generated and mutated files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from l10n.encoding import refuse_wide_unicode
from l10n.errors import L10nError
from l10n.fsutil import atomic_write_text

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


_SYNTAX_HINT = "Fix that line (`msgcat FILE` shows GNU gettext's own diagnosis)."
_REGENERATE_HINT = "A catalogue needs at least a header entry; regenerate it with `l10n extract` or `l10n update`."
_ESCAPE_HINT = 'Write the character itself; \\n, \\t, \\", \\\\, \\r, \\b, \\f and \\v are understood.'
_PLURAL_HINT = "A message with msgid_plural takes msgstr[0], msgstr[1], ...; any other takes one msgstr."
_ENCODING_HINT = (
    "l10n reads UTF-8 catalogues only: convert with "
    "`msgconv --to-code=UTF-8 FILE -o FILE` and declare charset=UTF-8 in the header."
)
# A keyword line or a continuation line, after any "#~ " or "#| " marker.
_STRING_LINE = re.compile(
    r"""(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?)\s+)?  # keyword, if any
        (?P<string>"[^"\\]*(?:\\.[^"\\]*)*")\s*\Z                      # one C string (unrolled: 5x faster)
    """,
    re.VERBOSE,
)
_KNOWN_ESCAPES = set('ntrbfv"\\')
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class _Block:
    """What the line scan learns about one entry."""

    comments: list[str]
    line: int = 0


def read_catalog(path: Path) -> Catalog:
    """Return the catalogue stored in the PO or POT file at ``path``.

    Entries keep file order (obsolete ones too), ``Entry.line`` is the line of
    each msgid, and the header entry (msgid "") becomes ``Catalog.header``,
    ``header_comments`` and ``header_flags``.  A UTF-8 byte order mark and
    CRLF line ends are accepted; the text must be UTF-8 whatever the header
    says, and a header that declares another charset comes back declaring
    UTF-8 (so writing the catalogue fixes the file).  Any problem raises
    ``L10nError`` naming the file and line.
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
    entries = _read_entries(path, _decode(path, data))
    _check_duplicates(path, entries)
    header_at = next((i for i, e in enumerate(entries) if e.key == (None, "") and not e.obsolete), None)
    if header_at is None:
        return Catalog(entries=tuple(entries), path=path)
    head = entries.pop(header_at)
    return Catalog(
        header=_utf8_header(_header_fields(head.msgstr)),
        entries=tuple(entries),
        header_comments=head.translator_comments,
        header_flags=head.flags,
        path=path,
    )


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` as GNU gettext writes it, atomically.

    Returns False when the file already held exactly this text (it is then
    left untouched), True when it was written.
    """
    from l10n.pofmt import format_catalog  # pofmt imports this module

    path = Path(path)
    try:
        return atomic_write_text(path, format_catalog(catalog))
    except OSError as exc:
        hint = "Check that the directory can be created and written to."
        raise L10nError(f"cannot write: {exc.strerror or exc}", path=path, hint=hint) from None


def _decode(path: Path, data: bytes) -> str:
    """The file's text without a byte order mark, or an L10nError for empty, binary or non-UTF-8 files."""
    if not data.strip():
        raise L10nError("the file is empty", path=path, hint=_REGENERATE_HINT)
    refuse_wide_unicode(data, path)
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        hint = "Restore the file from version control or regenerate it."
        raise L10nError("contains a NUL byte; this is not a text PO file", path=path, line=line, hint=hint)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = re.search(rb"charset=([\w.:-]+)", data)
        charset = declared[1].decode("ascii") if declared else None
        if charset and charset.replace("-", "").lower() == "utf8":
            what = "is not valid UTF-8 although the header declares charset=UTF-8"
        elif charset and charset != "CHARSET":
            what = f"is encoded as {charset}, not UTF-8"
        else:
            what = "is not valid UTF-8"
        bad = data[exc.start]
        line = data.count(b"\n", 0, exc.start) + 1
        raise L10nError(f"{what} (byte 0x{bad:02x})", path=path, line=line, hint=_ENCODING_HINT) from None
    if "\r" in text and "\n" not in text:
        hint = "Convert them to LF (`tr '\\r' '\\n' < FILE > FILE.new`); GNU gettext does not read CR alone either."
        raise L10nError("lines end in CR alone (classic Mac OS)", path=path, line=1, hint=hint)
    return text


# --- the plain-form reader ---------------------------------------------------

# A string with known escapes only; a keyword's strings are one on its line, then continuation lines.
_PLAIN_STRING = r'"[^"\\\n]*(?:\\[ntrbfv"\\][^"\\\n]*)*"'


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
_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", '"': '"', "\\": "\\"}


def _unquote(strings: str) -> str:
    """The text of one keyword's string lines (each ``"..."`` after any ``#| ``), joined and unescaped."""
    if strings.count("\n") == 1:
        text = strings[1:-2]
    else:
        text = "".join(line[line.index('"') + 1 : -1] for line in strings[:-1].split("\n"))
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(match: re.Match[str]) -> str:
    return _UNESCAPE[match[1]]


def _read_entries(path: Path, text: str, plain: bool = True) -> list[Entry]:
    """The entries of ``text``: the plain form as far as it goes, the exact reader for the rest.

    ``plain=False`` reads all of it with the exact reader (the tests compare the two).
    """
    entries, end = _read_plain(text) if plain else ([], 0)
    if end < len(text):
        first_line = text.count("\n", 0, end) + 1
        entries += _read_exact(path, text[end:], first_line)
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
    translator, extracted, references, flags = _comment_fields(comment_lines)
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


def _read_exact(path: Path, text: str, first_line: int = 1) -> list[Entry]:
    """The entries of ``text``, read line by line with every check (L10nError at the first problem).

    ``text`` starts at line ``first_line`` of the file (errors name file lines).
    """
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    strings, blocks = _scan(path, lines, first_line)
    parsed = _parse(path, strings, first_line)
    if len(parsed) != len(blocks):
        raise L10nError("could not match messages to lines", path=path, hint=_SYNTAX_HINT)
    return [_entry(p, b) for p, b in zip(parsed, blocks)]


def _string_kind(path: Path, number: int, body: str) -> str:
    """The keyword of a string line ("" for a continuation); checks its syntax."""
    m = _STRING_LINE.match(body)
    if m is None:
        what = "expected a keyword and a quoted string, or a quoted continuation string"
        raise L10nError(what, path=path, line=number, hint=_SYNTAX_HINT)
    string = m["string"]
    for escape in _ESCAPE.finditer(string, 1, len(string) - 1) if "\\" in string else ():
        if escape[1] not in _KNOWN_ESCAPES:
            what = f"unsupported escape sequence \\{escape[1]}"
            raise L10nError(what, path=path, line=number, hint=_ESCAPE_HINT)
    return m["keyword"] or ""


def _scan(path: Path, lines: list[str], first_line: int = 1) -> tuple[str, list[_Block]]:
    """Check every line; return the text polib should parse and one block per entry.

    polib gets the string lines only (comment lines become blank, so line
    numbers stay right); comments are collected per entry here.  A file
    without messages is an error, but not the rest of one after its first
    entries (``first_line`` > 1): that may be just comments.
    """
    out: list[str] = []
    blocks: list[_Block] = []
    comments: list[str] = []
    after_msgctxt = plural = False
    msgid_without_msgstr: Optional[int] = None
    # What came since the last string line: "" nothing, or comment lines ("comment"), previous-message
    # lines ("previous"), or a comment after previous-message lines ("previous comment", which
    # GNU gettext rejects: the msgid must follow its #| lines).
    commented = ""
    for number, line in enumerate(lines, first_line):
        s = line.strip()
        body = ""
        if s.startswith(("#~|", "#|")):
            body = s[3:].strip() if s.startswith("#~|") else s[2:].strip()
            if body:
                _require_msgstr(path, msgid_without_msgstr)
                _string_kind(path, number, body)
                body = "#| " + body
                commented = "previous"
            out.append(body)
            continue
        if s.startswith("#~"):
            body = s[2:].strip()
            if body.startswith("#"):  # a comment inside an obsolete entry: ignored, as by gettext
                body = ""
            out.append("#~ " + body if body else "")
        elif s.startswith("#"):
            _require_msgstr(path, msgid_without_msgstr)  # a comment between msgid and msgstr
            comments.append(line.lstrip())
            out.append("")
            commented = "previous comment" if commented.startswith("previous") else "comment"
            continue
        else:
            body = s
            out.append(s)
        if not body:
            continue
        kind = _string_kind(path, number, body)
        if commented:
            if kind not in ("msgctxt", "msgid") or (kind == "msgid" and after_msgctxt) or commented == "previous comment":
                what = f"{_kind_name(kind)} after a comment line: comments go before an entry, not inside it"
                raise L10nError(what, path=path, line=number, hint=_SYNTAX_HINT)
            commented = ""
        if kind == "msgctxt" or (kind == "msgid" and not after_msgctxt):
            _require_msgstr(path, msgid_without_msgstr)
            blocks.append(_Block(comments))
            comments, plural = [], False
        if kind == "msgid":
            blocks[-1].line = number
            msgid_without_msgstr = number
        elif kind == "msgid_plural":
            plural = True
        elif kind.startswith("msgstr"):
            msgid_without_msgstr = None
            if plural != (kind != "msgstr"):
                what = "plain msgstr after msgid_plural" if plural else "msgstr[N] without msgid_plural"
                raise L10nError(what, path=path, line=number, hint=_PLURAL_HINT)
        after_msgctxt = kind == "msgctxt" or (after_msgctxt and kind == "")
    _require_msgstr(path, msgid_without_msgstr)
    if not blocks and first_line == 1:
        raise L10nError("contains no messages", path=path, hint=_REGENERATE_HINT)
    return "\n".join(out), blocks


def _kind_name(kind: str) -> str:
    return kind if kind else "a continuation string"


def _require_msgstr(path: Path, msgid_line: Optional[int]) -> None:
    if msgid_line is not None:
        hint = 'Add a msgstr line (msgstr "" if untranslated) after the msgid.'
        raise L10nError("msgid without msgstr", path=path, line=msgid_line, hint=hint)


@lru_cache(maxsize=1)
def _polib() -> tuple[Any, Any]:
    import polib

    class Text(str):
        """PO text whose lines end at \\n only (str.splitlines also splits at U+2028 and friends)."""

        def splitlines(self, keepends: bool = False) -> list[str]:  # type: ignore[override]
            return self.split("\n")

    class KeepHeader(polib.POFile):
        """polib looks up msgid "" to move the header into a dict; we keep the raw entry."""

        def find(self, st: str, *args: Any, **kwargs: Any) -> Any:
            return None if st == "" else super().find(st, *args, **kwargs)

    return polib, (Text, KeepHeader)


def _parse(path: Path, text: str, first_line: int = 1) -> list[Any]:
    polib, (Text, KeepHeader) = _polib()
    if not text.strip():
        return []  # only comments after the plain entries (polib reads no messages as the header)
    try:
        return list(polib.pofile(Text(text), encoding="utf-8", klass=KeepHeader))
    except (OSError, ValueError) as exc:
        # polib reports syntax errors as IOError("Syntax error in po file (line N)[: detail]").
        where = re.search(r"\(line (\d+)\)(?::\s*(.*))?", str(exc))
        detail = where[2] if where and where[2] else "a keyword is out of place (msgstr before msgid, ...)"
        line = int(where[1]) + first_line - 1 if where else None
        raise L10nError(f"PO syntax error: {detail}", path=path, line=line, hint=_SYNTAX_HINT) from None


def _entry(p: Any, block: _Block) -> Entry:
    translator, extracted, references, flags = _comment_fields(block.comments)
    plural = bool(p.msgstr_plural)
    return Entry(
        msgid=p.msgid,
        msgstr="" if plural else p.msgstr,
        msgctxt=p.msgctxt,
        msgid_plural=p.msgid_plural if plural else None,
        msgstr_plural=tuple(v for _, v in sorted(p.msgstr_plural.items())),
        flags=flags,
        references=references,
        extracted_comments=extracted,
        translator_comments=translator,
        previous_msgctxt=p.previous_msgctxt,
        previous_msgid=p.previous_msgid,
        previous_msgid_plural=p.previous_msgid_plural,
        obsolete=bool(p.obsolete),
        line=block.line,
    )


def _comment_fields(comments: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
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


def _utf8_header(fields: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The header with a declared charset other than UTF-8 corrected: the text was read as UTF-8."""
    out = []
    for name, value in fields:
        if name.lower() == "content-type":
            value = re.sub(r"(charset=)(?!CHARSET\b|UTF-?8\b)[\w.:-]+", r"\1UTF-8", value, flags=re.I)
        out.append((name, value))
    return tuple(out)


def _header_fields(text: str) -> tuple[tuple[str, str], ...]:
    """``Name: value`` lines of the header msgstr, in order."""
    fields = []
    for line in text.split("\n"):
        if line:
            name, _, value = line.partition(":")
            fields.append((name, value[1:] if value.startswith(" ") else value))
    return tuple(fields)

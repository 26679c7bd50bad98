"""Reading PO and POT files into ``Catalog`` values.

One reader is the truth: ``l10n.po.parse``, GNU gettext's grammar token by
token.  Files in the plain form that GNU gettext and ``l10n`` write (every
keyword at the start of its line, one space before the string, ``
`` line
ends, no obsolete entries, only the short escapes) are read first by one
regular expression over the whole text, which takes a few percent of the
time; it stops at the first entry it is not sure of and hands the rest to the
exact reader.  The tests hold the two to the same result on every catalogue
of the tests, on generated and mutated files, and on the outside corpus.
Any problem raises ``L10nError`` naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from l10n.errors import L10nError
from l10n.fsutil import read_input
from l10n.po.catalog import Catalog, Entry, comment_fields, header_fields
from l10n.po.charset import decode_po, python_codec
from l10n.po.parse import REGENERATE_HINT, UNESCAPE, parse
from l10n.text.encoding import refuse_wide_unicode


def read_catalog(path: Path) -> Catalog:
    """Return the catalogue stored in the PO or POT file at ``path``.

    Entries keep file order (obsolete ones too), ``Entry.line`` is the line of
    each msgid, and the header entry (the first active msgid "" without
    msgctxt, wherever it stands) becomes the ``header*`` fields, its text
    kept as read.  The file is decoded in the charset its header declares
    (UTF-8 without one); a UTF-8 byte order mark and CRLF line ends are
    accepted.  Any problem raises ``L10nError`` naming the file and line.
    """
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

def _read_exact(path: Path, text: str, first_line: int = 1, codec: str = "utf-8") -> list[Entry]:
    """The entries of ``text``, read with every check (``l10n.po.parse``; L10nError at the first problem).

    ``text`` starts at line ``first_line`` of the file (errors name file lines).
    """
    lines = text.split("\n")
    return parse(path, "\n".join(line[:-1] if line.endswith("\r") else line for line in lines), first_line, codec)

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

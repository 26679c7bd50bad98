"""The exact PO reader: GNU gettext's grammar, token by token, with every check.

``parse`` turns the text of a PO file (already decoded) into ``Entry`` values
in file order.  It reads what GNU gettext's own lexer and grammar read: a
keyword and its strings may share a line with the next keyword
(``msgid "one" msgstr "first"``), strings continue across blank lines, escapes
are the C ones gettext knows (``\\a``, octal ``\\033``, hex ``\\x1b``
included), plural forms must come as ``msgstr[0]``, ``msgstr[1]``, ... with no
gap, and a comment may not stand inside an entry.  Problems raise
``L10nError`` with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from l10n.errors import L10nError
from l10n.po.catalog import Entry, comment_fields

SYNTAX_HINT = "Fix that line (`msgcat FILE` shows GNU gettext's own diagnosis)."
REGENERATE_HINT = "A catalogue needs at least a header entry; regenerate it with `l10n extract` or `l10n update`."
_ESCAPE_HINT = (
    'Write the character itself; \\n, \\t, \\", \\\\, \\r, \\b, \\f, \\v, \\a, octal (\\033) '
    "and hex (\\x1b) escapes are understood."
)
_PLURAL_HINT = "A message with msgid_plural takes msgstr[0], msgstr[1], ...; any other takes one msgstr."
_QUOTED_HINT = "expected a keyword and a quoted string, or a quoted continuation string"

# One token of a line: a keyword (msgstr with its plural index) or a C string.
_TOKEN = re.compile(
    r"""[ \t\f\v]*(?:
        (?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:[ \t]*\[[ \t]*(?P<index>\d+)[ \t]*\])?)(?=[\s"]|\Z)  # keyword
        |(?P<string>"[^"\\]*(?:\\.[^"\\]*)*")                                              # one C string
        |(?P<other>\S)                                                                     # anything else
    )""",
    re.VERBOSE,
)
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "a": "\a", '"': '"', "\\": "\\"}


def unescape(body: str, codec: str = "utf-8") -> str:
    """The text of a C string's body (between the quotes) as gettext reads it.

    Octal and hex escapes stand for bytes of the file's encoding ``codec``
    (``\\303\\251`` is "é" in a UTF-8 file); a hex escape takes every hex digit
    that follows and keeps the low byte, as gettext's lexer does.
    """
    if "\\" not in body:
        return body
    out: list[str | bytes] = []
    last = 0
    for m in _ESCAPE.finditer(body):
        out.append(body[last : m.start()])
        last = m.end()
        if m[3] is not None:
            out.append(UNESCAPE[m[3]])
        else:
            value = (int(m[1], 8) if m[1] else int(m[2], 16)) & 0xFF
            out.append(chr(value) if value < 0x80 else bytes([value]))
    out.append(body[last:])
    if not any(isinstance(part, bytes) for part in out):
        return "".join(out)  # type: ignore[arg-type]
    raw = b"".join(part if isinstance(part, bytes) else part.encode(codec, "replace") for part in out)
    return raw.decode(codec, "replace")


def bad_escape(body: str) -> str | None:
    """The first escape sequence of ``body`` that gettext refuses, or None."""
    if "\\" not in body:
        return None
    for m in _ESCAPE.finditer(body):
        if m[3] is not None and m[3] not in UNESCAPE:
            return "\\" + m[3]
    return None


@dataclass
class _Open:
    """The entry being read."""

    comments: list[str]
    previous: dict[str, list[str]]
    obsolete: bool
    # Each field is the list of its strings (joined once at the end: no quadratic concatenation).
    msgctxt: list[str] | None = None
    msgid: list[str] | None = None
    msgid_line: int = 0
    plural: list[str] | None = None
    msgstr: list[str] | None = None
    forms: list[list[str]] = field(default_factory=list)


class _Parser:
    """Reads a file line by line and token by token; ``entries`` holds what it has read."""

    def __init__(self, path: Path, codec: str) -> None:
        self.path, self.codec = path, codec
        self.entries: list[Entry] = []
        self.comments: list[str] = []
        self.previous: dict[str, list[str]] = {}
        self.previous_key: str | None = None
        self.open: _Open | None = None
        self.key: str | None = None  # the field the next continuation string extends
        self.last_line = 0
        self.expect: tuple[str, int] | None = None  # a keyword still waiting for its string, and its line
        self.commented = ""  # "", "comment", "previous" or "previous comment" since the last string

    def error(self, what: str, line: int, hint: str = SYNTAX_HINT) -> L10nError:
        return L10nError(what, path=self.path, line=line, hint=hint)

    # --- lines ---

    def line(self, number: int, line: str) -> None:
        self.last_line = number
        s = line.strip()
        if not s:
            return
        if s.startswith("#~|") or s.startswith("#|"):
            body = s[3:] if s.startswith("#~|") else s[2:]
            if body.strip():
                self.require_msgstr()
                self.tokens(number, body, previous=True, obsolete=s.startswith("#~"))
            return
        if s.startswith("#~"):
            body = s[2:]
            if body.strip().startswith("#"):
                return  # a comment inside an obsolete entry: ignored, as by gettext
            self.tokens(number, body, previous=False, obsolete=True)
            return
        if s.startswith("#"):
            self.require_msgstr()  # a comment between msgid and msgstr
            self.comments.append(line.lstrip())
            self.commented = "previous comment" if self.commented.startswith("previous") else "comment"
            return
        self.tokens(number, s, previous=False, obsolete=False)

    def tokens(self, number: int, body: str, previous: bool, obsolete: bool) -> None:
        pos = 0
        while pos < len(body):
            m = _TOKEN.match(body, pos)
            if m is None:  # only blanks left
                return
            pos = m.end()
            if m["other"] is not None:
                raise self.error(_QUOTED_HINT, number)
            if self.expect is not None and m["string"] is None:
                raise self.error(f"expected a quoted string after {self.expect[0]}", self.expect[1])
            self.expect = None
            if m["string"] is not None:
                bad = bad_escape(m["string"][1:-1])
                if bad:
                    raise self.error(f"unsupported escape sequence {bad}", number, _ESCAPE_HINT)
                self.string(number, unescape(m["string"][1:-1], self.codec), previous)
            else:
                keyword = m["keyword"].split("[")[0].rstrip()
                self.expect = (keyword, number)  # its string may begin on a later line, as for gettext
                index = m["index"]
                if previous:
                    self.previous_keyword(number, keyword)
                else:
                    self.keyword(number, keyword, None if index is None else int(index), obsolete)

    # --- the grammar ---

    def previous_keyword(self, number: int, keyword: str) -> None:
        if keyword not in ("msgctxt", "msgid", "msgid_plural"):
            raise self.error(f"{keyword} in a previous-message (#|) line", number)
        self.previous_key = keyword
        self.previous[keyword] = []
        self.commented = "previous"

    def keyword(self, number: int, keyword: str, index: int | None, obsolete: bool) -> None:
        entry = self.open
        if self.commented:
            after_msgctxt = entry is not None and entry.msgid is None
            if keyword not in ("msgctxt", "msgid") or (keyword == "msgid" and after_msgctxt) \
                    or self.commented == "previous comment":
                what = f"{keyword if index is None else f'msgstr[{index}]'} after a comment line"
                raise self.error(what + ": comments go before an entry, not inside it", number)
            self.commented = ""
        if keyword == "msgctxt" or (keyword == "msgid" and (entry is None or entry.msgid is not None)):
            if entry is not None and entry.msgid is None:
                raise self.error("PO syntax error: msgctxt without msgid", number)
            self.finish()
            entry = self.open = _Open(self.comments, self.previous, obsolete)
            self.comments, self.previous, self.previous_key = [], {}, None
            if keyword == "msgctxt":
                entry.msgctxt = []
                self.key = "msgctxt"
                return
        if keyword == "msgid":
            assert entry is not None
            entry.msgid, entry.msgid_line = [], number
        elif entry is None or entry.msgid is None:
            raise self.error(f"PO syntax error: {keyword} without msgid", number)
        elif entry.msgstr is not None or (keyword == "msgid_plural" and entry.forms):
            raise self.error(f"PO syntax error: {keyword} without msgid", number)
        elif keyword == "msgid_plural":
            if entry.plural is not None:
                raise self.error("PO syntax error: a second msgid_plural", number)
            entry.plural = []
        elif index is None:
            if entry.plural is not None:
                raise self.error("plain msgstr after msgid_plural", number, _PLURAL_HINT)
            entry.msgstr = []
        else:
            if entry.plural is None:
                raise self.error("msgstr[N] without msgid_plural", number, _PLURAL_HINT)
            if index != len(entry.forms):
                what = f"msgstr[{index}] where msgstr[{len(entry.forms)}] belongs (plural form has wrong index)"
                raise self.error(what, number, _PLURAL_HINT)
            entry.forms.append([])
        self.key = keyword if index is None else "form"

    def string(self, number: int, text: str, previous: bool) -> None:
        if previous:
            if self.previous_key is None:
                raise self.error("a previous-message (#|) string without its keyword", number)
            self.previous[self.previous_key].append(text)
            return
        entry = self.open
        if entry is None or self.key is None:
            raise self.error("PO syntax error: a string without its keyword", number)
        if self.commented:
            raise self.error("a continuation string after a comment line: comments go before an entry", number)
        key = self.key
        parts = entry.forms[-1] if key == "form" else {
            "msgctxt": entry.msgctxt, "msgid": entry.msgid, "msgid_plural": entry.plural, "msgstr": entry.msgstr,
        }[key]
        assert parts is not None
        parts.append(text)

    def require_msgstr(self) -> None:
        entry = self.open
        if entry is not None and entry.msgid is not None and entry.msgstr is None and not entry.forms:
            hint = 'Add a msgstr line (msgstr "" if untranslated) after the msgid.'
            raise self.error("msgid without msgstr", entry.msgid_line, hint)

    def finish(self) -> None:
        entry = self.open
        if entry is None:
            return
        if entry.msgid is None:
            raise self.error("PO syntax error: msgctxt without msgid", self.last_line)
        self.require_msgstr()
        translator, extracted, references, flags = comment_fields(entry.comments)
        previous = {key: "".join(parts) for key, parts in entry.previous.items()}
        self.entries.append(Entry(
            msgid="".join(entry.msgid or ()),
            msgstr="".join(entry.msgstr or ()),
            msgctxt=None if entry.msgctxt is None else "".join(entry.msgctxt),
            msgid_plural=None if entry.plural is None else "".join(entry.plural),
            msgstr_plural=tuple("".join(form) for form in entry.forms),
            flags=flags,
            references=references,
            extracted_comments=extracted,
            translator_comments=translator,
            previous_msgctxt=previous.get("msgctxt"),
            previous_msgid=previous.get("msgid"),
            previous_msgid_plural=previous.get("msgid_plural"),
            obsolete=entry.obsolete,
            line=entry.msgid_line,
        ))
        self.open, self.key = None, None


def parse(path: Path, text: str, first_line: int = 1, codec: str = "utf-8") -> list[Entry]:
    """The entries of ``text`` (which starts at line ``first_line`` of ``path``), in file order.

    A file without messages is an error, but not the rest of one after its
    first entries (``first_line`` > 1): that may be just comments.
    """
    parser = _Parser(path, codec)
    number = first_line
    for number, line in enumerate(text.split("\n"), first_line):
        parser.line(number, line)
    if parser.expect is not None:
        raise parser.error(f"expected a quoted string after {parser.expect[0]}", parser.expect[1])
    parser.finish()
    if parser.previous:
        raise parser.error("previous-message (#|) lines without the entry they belong to", number)
    if not parser.entries and first_line == 1:
        raise L10nError("contains no messages", path=path, hint=REGENERATE_HINT)
    return parser.entries

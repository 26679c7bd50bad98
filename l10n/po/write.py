"""PO text in the canonical form GNU gettext writes.

``format_catalog`` returns the exact text ``msgcat`` (GNU gettext 0.21,
default options, page width 79) writes for a catalogue, so a file we write is
left byte-identical by ``msgcat`` and diffs stay clean.  Strings are wrapped
the way gettext's ``wrap()`` does it: each ``\\n``-terminated piece of a
string starts a new line, and a piece wider than the page breaks at the last
Unicode line-break opportunity that fits (``l10n.text.linebreak``), which for
Chinese means between ideographs and never before ``，`` or ``。``.

``canonical`` returns the catalogue as gettext would normalise it (flag
order, dropped flags and entries); formatting ``canonical(c)`` and ``c`` gives
the same text, and reading what we wrote gives back ``canonical(c)``.

This module formats text only; reading files is ``l10n.po.catalog``'s job.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Optional

from l10n.errors import L10nError
from l10n.fsutil import atomic_write_bytes
from l10n.po.catalog import FUZZY, Catalog, Entry
from l10n.po.charset import encode_po
from l10n.po.wrapping import Wrap
from l10n.text.linebreak import break_positions

PAGE_WIDTH = 79

# GNU gettext's format-string languages, in the order it writes them: 0.21's
# thirty, with the ones later releases added (c++, rust, go, sh-printf,
# modula2, d, ocaml) where those releases put them.  A format flag of any
# other language is kept too, after these, in the order read.
FORMAT_LANGUAGES = (
    "c", "objc", "c++", "python", "python-brace", "java", "java-printf",
    "csharp", "javascript", "scheme", "lisp", "elisp", "librep", "rust", "go",
    "ruby", "sh", "sh-printf", "awk", "lua", "object-pascal", "modula2", "d",
    "ocaml", "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl",
    "perl", "perl-brace", "php", "gcc-internal", "gfc-internal", "ycp",
)
GETTEXT_021_FORMATS = frozenset(FORMAT_LANGUAGES) - {"c++", "rust", "go", "sh-printf", "modula2", "d", "ocaml"}

# Characters written as two-character escape sequences.
_ESCAPES = {
    "\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t",
    "\v": "v", "\\": "\\", '"': '"',
}

_ESCAPE_TABLE = str.maketrans({ch: "\\" + code for ch, code in _ESCAPES.items()})
_ESCAPE_PAIR = re.compile(r"\\.", re.DOTALL)

_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")
_C_DIRECTIVE = re.compile(
    r"""%
    (?:\d+\$)?                              # argument position
    [-+ \#0'I]*                             # flags
    (?:\*(?:\d+\$)?|\d+)?                   # width
    (?:\.(?:\*(?:\d+\$)?|\d+)?)?            # precision
    (?:hh|h|ll|l|L|q|j|z|Z|t)?              # size
    [diouxXeEfFgGaAcspn%]                   # conversion
    """,
    re.VERBOSE,
)


def canonical_flags(flags: Iterable[str], translated: bool = True) -> tuple[str, ...]:
    """Return ``flags`` as gettext writes them, keeping every flag it does not know.

    ``fuzzy`` first (dropped when the entry has no translation), then format
    flags in gettext's order (``possible-x-format`` becomes ``x-format``,
    ``impossible-x-format`` vanishes, the last word on a language wins), then
    format flags of languages gettext does not know, as read, then
    ``range: a..b``, then ``no-wrap`` (``wrap`` is the default and is not
    written), then any other flag, as read.  GNU gettext drops the flags it
    does not know; a team on a newer gettext would lose its new ones.
    """
    fuzzy, formats, span, no_wrap = False, {}, None, False
    unknown_formats: dict[str, None] = {}
    others: dict[str, None] = {}
    tokens = iter([t for t in _FLAG_SEPARATORS.split(",".join(flags)) if t])
    for token in tokens:
        if token == FUZZY:
            fuzzy = True
        elif token in ("wrap", "no-wrap"):
            no_wrap = token == "no-wrap"
        elif token == "range:":
            m = re.match(r"(\d+)\.\.(\d+)", next(tokens, ""))
            if m and int(m[1]) <= int(m[2]):
                span = f"range: {int(m[1])}..{int(m[2])}"
        elif token.endswith("-format"):
            lang, value = token[: -len("-format")], "yes"
            for prefix in ("no-", "possible-", "impossible-"):
                if lang.startswith(prefix):
                    lang, value = lang[len(prefix):], prefix[:-1]
                    break
            if lang in FORMAT_LANGUAGES:
                formats[lang] = value
            else:
                unknown_formats[token] = None
        else:
            others[token] = None
    out = [FUZZY] if fuzzy and translated else []
    for lang in FORMAT_LANGUAGES:
        value = formats.get(lang)
        if value in ("yes", "possible"):
            out.append(f"{lang}-format")
        elif value == "no":
            out.append(f"no-{lang}-format")
    out += unknown_formats
    out += [span] if span else []
    out += ["no-wrap"] if no_wrap else []
    out += others
    return tuple(out)


def canonical_reference(reference: str) -> str:
    """Return a ``file:line`` reference as gettext writes it (no ``./``, no leading zeros)."""
    name, sep, number = reference.rpartition(":")
    if not (sep and number.isascii() and number.isdigit()):
        name, number = reference, ""
    while name.startswith("./"):
        name = name[2:]
    return f"{name}:{int(number)}" if number else name


def _comment_lines(items: Iterable[str]) -> tuple[str, ...]:
    # One comment per line; gettext reads a backslash at the end of a line as
    # "continued on the next line", so a comment cannot end with one.
    return tuple(line.rstrip("\\") for item in items for line in item.split("\n"))


def canonical_entry(entry: Entry) -> Entry:
    """Return ``entry`` as gettext would write and re-read it."""
    if entry.msgid_plural is not None:
        forms = entry.msgstr_plural or ("", "")
        msgstr, first = "", forms[0]
    else:
        forms, msgstr, first = (), entry.msgstr, entry.msgstr
    if entry.previous_msgid is None:  # gettext cannot read a previous msgctxt or plural alone
        entry = replace(entry, previous_msgctxt=None, previous_msgid_plural=None)
    return replace(
        entry,
        msgstr=msgstr,
        msgstr_plural=forms,
        flags=canonical_flags(entry.flags, translated=bool(first)),
        # gettext drops a repeated reference when it reads one.
        references=tuple(dict.fromkeys(canonical_reference(r) for r in entry.references if r)),
        extracted_comments=_comment_lines(entry.extracted_comments),
        translator_comments=_comment_lines(entry.translator_comments),
    )


def canonical(catalog: Catalog) -> Catalog:
    """Return ``catalog`` as gettext normalises it.

    Active entries keep their order; obsolete entries move to the end, and an
    obsolete entry without a translation is dropped (gettext discards it).
    The header keeps its place among the active entries.
    """
    entries = [canonical_entry(e) for e in catalog.entries]
    active = [e for e in entries if not e.obsolete]
    obsolete = [e for e in entries if e.obsolete and (e.msgstr_plural or (e.msgstr,))[0]]
    before = sum(1 for e in entries[: catalog.header_index] if not e.obsolete)
    return replace(
        catalog,
        entries=tuple(active + obsolete),
        header_comments=_comment_lines(catalog.header_comments),
        header_flags=canonical_flags(catalog.header_flags, translated=bool(catalog.header_msgstr)),
        header_notes=_comment_lines(catalog.header_notes),
        header_references=tuple(dict.fromkeys(canonical_reference(r) for r in catalog.header_references if r)),
        header_index=before,
        header_text=catalog.header_msgstr if catalog.has_header else None,
    )


def header_text(catalog: Catalog) -> str:
    """Return the header entry's msgstr (``Catalog.header_msgstr``)."""
    return catalog.header_msgstr


def format_catalog(catalog: Catalog, width: int | None = PAGE_WIDTH) -> str:
    """Return the PO text GNU ``msgcat`` writes for ``catalog``.

    The header entry (msgid "") stands where it stood in the file (first for
    a new catalogue), with all its comments; then the other active entries;
    then obsolete ones.  ``width`` is msgcat's ``-w``; None is ``--no-wrap``
    (strings are not wrapped, ``#:`` lines still are at the default width, as
    msgcat does).
    """
    c = canonical(catalog)
    blocks = [_entry_lines(e, width) for e in c.entries]
    if c.has_header:
        header = Entry(
            msgid="",
            msgstr=c.header_msgstr,
            translator_comments=c.header_comments,
            extracted_comments=c.header_notes,
            references=c.header_references,
            flags=c.header_flags,
        )
        blocks.insert(c.header_index, _entry_lines(header, width))
    return "\n".join("".join(line + "\n" for line in block) for block in blocks)


def encode_catalog(catalog: Catalog, width: int | None = PAGE_WIDTH) -> tuple[bytes, str | None]:
    """Return (the bytes of ``format_catalog``, a notice or None), in the charset the header declares.

    The declared charset is kept, as ``msgmerge`` and ``msgcat`` keep it.
    No charset, the ``CHARSET`` placeholder, or one Python cannot encode
    gives UTF-8.  When the text does not fit the declared charset (a
    translation added in another script), the catalogue is written as UTF-8
    with its header saying so, and the notice says what changed: the bytes
    never disagree with the header.
    """
    charset = catalog_charset(catalog)
    text = format_catalog(catalog, width)
    data = encode_po(text, charset)
    if data is not None:
        return data, None
    else:
        content = catalog.header_value("Content-Type") or ""
        fixed = re.sub(r"(charset=)[^\s;]+", r"\g<1>UTF-8", content, count=1)
        notice = f"converted from {charset} to UTF-8: the text no longer fits {charset}"
        return format_catalog(catalog.with_header("Content-Type", fixed), width).encode("utf-8"), notice


def catalog_charset(catalog: Catalog) -> str | None:
    """Return the charset a Catalog's header (Content-Type) declares, or None.

    ``l10n.po.charset.bytes_charset`` asks the same of a file's bytes before they are parsed.
    """
    m = re.search(r"charset=([^\s;]+)", catalog.header_value("Content-Type") or "")
    return m[1] if m else None


def format_entry(entry: Entry) -> str:
    """Return the PO text of one entry as ``msgcat`` writes it (no blank line around)."""
    return "".join(line + "\n" for line in _entry_lines(canonical_entry(entry)))


def _entry_lines(e: Entry, width: int | None = PAGE_WIDTH) -> list[str]:
    """Lines of an entry that is already canonical (``width``: see ``format_catalog``)."""
    page = PAGE_WIDTH if width is None else width
    lines = ["# " + c if c else "#" for c in e.translator_comments]
    lines += ["#. " + c if c else "#." for c in e.extracted_comments]
    if e.references:
        line, column = "#:", 2
        for ref in e.references:
            size = len(ref.encode("utf-8")) + 1
            if column > 2 and column + size > page:
                lines.append(line)
                line, column = "#:", 2
            line += " " + ref
            column += size
        lines.append(line)
    if e.flags:
        lines.append("#, " + ", ".join(e.flags))
    do_wrap = "no-wrap" not in e.flags and width is not None
    directives = _directive_finder(e.flags)

    def field(prefix: str, keyword: str, value: Optional[str]) -> None:
        if value is not None:
            lines.extend(_wrap(prefix, keyword, value, directives(value), do_wrap, page))

    previous = "#~| " if e.obsolete else "#| "
    field(previous, "msgctxt", e.previous_msgctxt)
    field(previous, "msgid", e.previous_msgid)
    field(previous, "msgid_plural", e.previous_msgid_plural)
    prefix = "#~ " if e.obsolete else ""
    field(prefix, "msgctxt", e.msgctxt)
    field(prefix, "msgid", e.msgid)
    field(prefix, "msgid_plural", e.msgid_plural)
    if e.msgid_plural is None:
        field(prefix, "msgstr", e.msgstr)
    for i, form in enumerate(e.msgstr_plural):
        field(prefix, f"msgstr[{i}]", form)
    return lines


def _wrap(
    prefix: str, keyword: str, value: str, locked: set[int], do_wrap: bool, page: int = PAGE_WIDTH
) -> list[str]:
    """Lines of one keyword and its string, wrapped as gettext's ``wrap()`` does.

    ``locked`` holds positions of ``value`` inside format directives, where
    gettext does not break.
    """
    lines: list[str] = []
    first = True
    indent = len(prefix) + 1  # the opening quote of continuation lines
    width = (page if do_wrap else 1 << 30) - 1 - indent  # room for the closing quote
    pieces = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    offset = 0
    for k, piece in enumerate(pieces):
        escaped = piece.translate(_ESCAPE_TABLE)
        # Every character takes at most two columns (one if ASCII), and a
        # piece that fits as a whole gets no break, whatever its opportunities.
        bound = len(escaped) if escaped.isascii() else 2 * len(escaped)
        if bound + len(keyword) + 1 <= width or (not first and bound <= width):
            if first and escaped and k < len(pieces) - 1:
                lines.append(f'{prefix}{keyword} ""')
                first = False
            lines.append(prefix + (keyword + " " if first else "") + '"' + escaped + '"')
            first = False
            offset += len(piece)
            continue
        # Never break inside an escape sequence, a format directive, or just
        # before a final \n.
        prohibited = [m.start() + 1 for m in _ESCAPE_PAIR.finditer(escaped)]
        if locked and any(offset <= pos < offset + len(piece) for pos in locked):
            column = 0
            for pos, ch in enumerate(piece, offset):
                if pos in locked:
                    prohibited.append(column)
                column += 2 if ch in _ESCAPES else 1
        if piece.endswith("\n"):
            prohibited.append(len(escaped) - 2)
        offset += len(piece)
        while True:
            start = len(prefix) + (len(keyword) + 1 if first else 0) + 1 - indent
            breaks = break_positions(escaped, width, start, prohibited)
            # A string that spans lines starts with an empty one after the keyword.
            if first and escaped and (k < len(pieces) - 1 or start > width or breaks):
                lines.append(f'{prefix}{keyword} ""')
                first = False
                continue
            break
        head = prefix + (keyword + " " if first else "") + '"'
        first = False
        for a, b in zip([0, *breaks], [*breaks, len(escaped)]):
            lines.append(head + escaped[a:b] + '"')
            head = prefix + '"'
    return lines


def _directive_finder(flags: tuple[str, ...]):
    """Return a function giving the locked positions of a string for ``flags``.

    gettext parses strings with the first format language flagged as
    (possibly) in use and never breaks inside a directive; only C and Python
    directives are recognised here.
    """
    langs = [f[: -len("-format")] for f in flags if f.endswith("-format") and not f.startswith("no-")]
    lang = langs[0] if langs else None
    finder = {"c": _c_directives, "python": _python_directives}.get(lang or "")
    if finder is None:
        return lambda value: set()
    return lambda value: {i for start, end in finder(value) for i in range(start + 1, end + 1)}


def _c_directives(s: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer("%", s):
        if spans and m.start() <= spans[-1][1]:
            continue
        d = _C_DIRECTIVE.match(s, m.start())
        if d is None:
            break  # gettext stops at the first invalid directive
        spans.append((d.start(), d.end() - 1))
    return spans


def _python_directives(s: str) -> list[tuple[int, int]]:
    """(start, end) of each valid Python %-directive, up to the first invalid one."""
    spans: list[tuple[int, int]] = []
    named = unnamed = 0
    digits = "0123456789"
    i, n = 0, len(s)
    while i < n:
        if s[i] != "%":
            i += 1
            continue
        start, i, name = i, i + 1, False
        if i < n and s[i] == "(":
            depth, i = 0, i + 1
            while i < n and not (s[i] == ")" and depth == 0):
                depth += (s[i] == "(") - (s[i] == ")")
                i += 1
            if i >= n:
                return spans
            name, i = True, i + 1
        while i < n and s[i] in "-+ #0":
            i += 1
        for stop in ("", "."):
            if stop:
                if i >= n or s[i] != ".":
                    break
                i += 1
            if i < n and s[i] == "*":
                if named:
                    return spans
                unnamed, i = unnamed + 1, i + 1
            else:
                while i < n and s[i] in digits:
                    i += 1
        if i < n and s[i] in "hlL":
            i += 1
        if i >= n or s[i] not in "%csriduoxXeEfgG":
            return spans
        if name:
            if unnamed:
                return spans
            named += 1
        elif s[i] != "%":
            if named:
                return spans
            unnamed += 1
        spans.append((start, i))
        i += 1
    return spans


def write_catalog(path: Path, catalog: Catalog, width: int | None | Wrap = Wrap.GETTEXT) -> bool:
    """Write ``catalog`` to ``path`` as GNU gettext writes it, atomically.

    ``width`` is the page width of msgcat's ``-w``, None for ``--no-wrap``,
    "gettext" for gettext's default (79).
    The bytes are in the charset the header declares (UTF-8 without one, or
    when the text does not fit the declared one: the header then says UTF-8;
    ``encode_catalog``).  Returns False when the file already held
    exactly these bytes (it is then left untouched), True when it was written.
    """
    path = Path(path)
    try:
        return atomic_write_bytes(path, encode_catalog(catalog, PAGE_WIDTH if width == Wrap.GETTEXT else width)[0])
    except OSError as exc:
        hint = "Check that the directory can be created and written to."
        raise L10nError(f"cannot write: {exc.strerror or exc}", path=path, hint=hint) from None

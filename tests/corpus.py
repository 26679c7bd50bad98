"""Compare l10n's reading and rewriting of PO/POT files with GNU gettext's, file by file.

    python tests/corpus.py DIR_OR_FILE...      # prints the tally and every file that differs

For each file that GNU ``msgcat`` accepts:

- ``read``: l10n reads it;
- ``model``: l10n's entries equal polib's reading of msgcat's output
  (msgid, msgctxt, msgstr and plural forms, obsolete, previous fields,
  translator and extracted comments, flags gettext knows), and l10n's model
  of msgcat's own output equals its model of the original, comments and
  references included;
- ``same``: ``msgcat`` of l10n's canonical rewrite equals ``msgcat`` of the
  original (nothing lost);
- ``bytes``: l10n's canonical rewrite is byte-identical to msgcat's, once the
  flags GNU gettext 0.21 does not know (which l10n keeps, a listed
  difference) are set aside.

Files msgcat refuses are counted, and whether l10n refuses them too.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from l10n.errors import L10nError
from l10n.po.catalog import Catalog
from l10n.po.charset import bytes_charset, python_codec
from l10n.po.read import read_catalog
from l10n.po.write import GETTEXT_021_FORMATS, canonical, encode_catalog

_KNOWN = {"fuzzy", "no-wrap", "wrap"}


@dataclass
class Tally:
    files: int = 0
    gettext_refuses: int = 0
    both_refuse: int = 0
    read: int = 0
    model: int = 0
    same: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        accepted = self.files - self.gettext_refuses
        return [
            f"files: {self.files}; msgcat accepts {accepted}, refuses {self.gettext_refuses} "
            f"(l10n refuses {self.both_refuse} of those)",
            f"l10n reads {self.read} of {accepted}",
            f"model equal to gettext's: {self.model} of {self.read}",
            f"msgcat(l10n fmt) == msgcat(original): {self.same} of {self.read}",
            f"l10n fmt byte-identical to msgcat: {self.bytes} of {self.read}",
        ]


def gettext_known(flag: str) -> bool:
    """Whether GNU gettext 0.21 keeps ``flag`` when it writes an entry."""
    if flag in _KNOWN or flag.startswith("range:"):
        return True
    if flag.endswith("-format"):
        lang = flag[: -len("-format")]
        for prefix in ("no-", "possible-", "impossible-"):
            lang = lang[len(prefix):] if lang.startswith(prefix) else lang
        return lang in GETTEXT_021_FORMATS
    return False


def as_gettext_021(catalog: Catalog) -> Catalog:
    """``catalog`` without the flags GNU gettext 0.21 drops."""
    entries = tuple(replace(e, flags=tuple(f for f in e.flags if gettext_known(f))) for e in catalog.entries)
    flags = tuple(f for f in catalog.header_flags if gettext_known(f))
    return replace(catalog, entries=entries, header_flags=flags)


def msgcat(path: Path, out: Path, *options: str) -> bytes | None:
    proc = subprocess.run(["msgcat", "--force-po", *options, str(path), "-o", str(out)], capture_output=True)
    if proc.returncode != 0:
        return None
    return out.read_bytes() if out.exists() else b""


def polib_model(path: Path) -> list[tuple]:
    """What polib reads from a file in msgcat's canonical UTF-8 form (where polib is right)."""
    import polib

    po = polib.pofile(str(path), wrapwidth=0)  # in the charset the header declares
    rows = []
    for e in po:
        rows.append(_polib_row(e))
    return sorted(rows, key=repr)


def _polib_row(e) -> tuple:
    forms = tuple(v for _, v in sorted(e.msgstr_plural.items())) if e.msgid_plural else ()
    # polib does not read "#~|" lines: previous fields of obsolete entries are compared through msgcat only.
    previous = (None, None) if e.obsolete else (e.previous_msgid, e.previous_msgctxt)
    return (e.msgctxt, e.msgid, e.msgid_plural or None, "" if e.msgid_plural else e.msgstr, forms,
            bool(e.obsolete), *previous, tuple(f for f in e.flags if gettext_known(f)))


def l10n_model(catalog: Catalog) -> list[tuple]:
    c = canonical(as_gettext_021(catalog))
    rows = [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural, e.obsolete,
             *((None, None) if e.obsolete else (e.previous_msgid, e.previous_msgctxt)), e.flags) for e in c.entries]
    return sorted(rows, key=repr)


# Files whose differences come from a difference the README lists, and which one.
_SEVERAL_FLAG_LINES = re.compile(rb"^#,[^\n]*\n#,", re.M)


def listed_difference(path: Path) -> str | None:
    """The deliberate difference from msgcat that explains a file's differences, if one does."""
    data = path.read_bytes()
    if _SEVERAL_FLAG_LINES.search(data):
        return "several #, lines in one entry: l10n keeps the flags of all, gettext 0.21 only the last line's"
    charset = bytes_charset(data)
    if (charset is None or charset.upper() == "CHARSET") and not data.isascii():
        return "non-ASCII text without a declared charset: l10n reads it, msgcat refuses it"
    if data.startswith(b"\xef\xbb\xbf"):
        return "a UTF-8 byte order mark: l10n reads it (and drops it), msgcat 0.21 refuses the file"
    if python_codec(charset) not in (None, "utf-8") and not data.isascii():
        try:
            data.decode("utf-8")
            return "UTF-8 text under a legacy charset: l10n reads UTF-8 and corrects the header"
        except UnicodeDecodeError:
            pass
    return None


def compare(path: Path, tally: Tally, work: Path) -> None:
    tally.files += 1
    theirs = msgcat(path, work / ("theirs" + path.suffix))  # a .pot may keep the CHARSET placeholder
    try:
        catalog = read_catalog(path)
    except L10nError as error:
        if theirs is None:
            tally.gettext_refuses += 1
            tally.both_refuse += 1
        else:
            tally.problems.append(f"{path}: l10n refuses what msgcat accepts: {error}")
        return
    if theirs is None:
        tally.gettext_refuses += 1
        tally.problems.append(f"{path}: l10n reads what msgcat refuses")
        return
    tally.read += 1
    ours, _ = encode_catalog(catalog)
    (work / ("ours" + path.suffix)).write_bytes(ours)
    again = msgcat(work / ("ours" + path.suffix), work / ("again" + path.suffix))
    if again == theirs:
        tally.same += 1
    else:
        tally.problems.append(f"{path}: msgcat of l10n's rewrite differs from msgcat of the original")
    if encode_catalog(as_gettext_021(catalog))[0] == theirs:
        tally.bytes += 1
    else:
        tally.problems.append(f"{path}: rewrite not byte-identical to msgcat")
    # Not msgcat --to-code=UTF-8: it drops the non-ASCII characters of msgids in a legacy charset.
    try:
        ok = polib_model(work / ("theirs" + path.suffix)) == l10n_model(catalog)
        theirs_read = read_catalog(work / ("theirs" + path.suffix))
        ok = ok and canonical(as_gettext_021(theirs_read)).entries == canonical(as_gettext_021(catalog)).entries
    except (L10nError, OSError, ValueError) as error:
        ok = False
        tally.problems.append(f"{path}: {error}")
    if ok:
        tally.model += 1
    else:
        tally.problems.append(f"{path}: model differs from gettext's")


def po_files(roots: list[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        files += [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in (".po", ".pot"))
    return files


def run(roots: list[Path]) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        for path in po_files(roots):
            compare(path, tally, Path(tmp))
    return tally


if __name__ == "__main__":
    result = run([Path(a) for a in sys.argv[1:]])
    print("\n".join(result.problems))
    print("\n".join(result.lines()))

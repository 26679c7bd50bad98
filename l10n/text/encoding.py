"""Text encodings of input files: UTF-16/32 named as such, and the charsets PO files declare.

Readers other than the catalogue reader take UTF-8 only; PO files are read in
the charset their header declares, as GNU gettext reads them (``decode_po``).
A file saved as UTF-16 (Excel's "Unicode Text", Windows Notepad's "Unicode")
or UTF-32 is text, not binary, and its NUL bytes would otherwise be reported
as binary content; naming the encoding tells the user exactly what to convert.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from l10n.errors import L10nError

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)  # fmt: skip


def wide_unicode(data: bytes) -> str | None:
    """Return the encoding's name for iconv ("UTF-16", "UTF-16LE", "UTF-32"...) when ``data``
    is text in UTF-16 or UTF-32, else None.

    A byte-order mark decides; without one, text in which most of every
    other byte is NUL (Latin script in UTF-16) and almost none of the others
    is taken as UTF-16.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:1024]
    if len(sample) >= 8:
        even, odd = sample[0::2], sample[1::2]
        for zeros, letters, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
            if zeros.count(0) >= 0.7 * len(zeros) and letters.count(0) <= 0.1 * len(letters):
                return name
    return None


def refuse_wide_unicode(data: bytes, path: Path) -> None:
    """Raise L10nError naming the encoding when ``data`` (the file at ``path``) is UTF-16 or UTF-32 text."""
    name = wide_unicode(data)
    if name:
        hint = f"convert it to UTF-8 (`iconv -f {name} -t UTF-8 FILE > FILE.utf8`, then replace the file)"
        raise L10nError(f"is encoded as {name}, not UTF-8", path=path, line=1, hint=hint)


# --- the charset a PO file declares ---------------------------------------

_DECLARED = re.compile(rb"Content-Type:[^\"\n]*?charset=([^\s\";\\]+)", re.I)
_PLACEHOLDER = "CHARSET"  # what xgettext writes in a template


def read_document_text(path: Path, binary_hint: str) -> str:
    """Return a source document's text exactly as on disk (BOM and line ends kept).

    L10nError, naming the file and the line, for a file that cannot be read,
    is UTF-16/32, holds a NUL byte (``binary_hint`` says what to do) or is
    not UTF-8.  Seeds of every format are read through here.
    """
    from l10n.fsutil import read_input

    try:
        data = read_input(path, "source document")  # a regular file under the size cap
    except OSError as exc:
        raise L10nError(f"cannot read source document: {exc.strerror or exc}", path=path, hint="check the file and its permissions") from exc
    refuse_wide_unicode(data, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise L10nError(
            "binary content (NUL byte), not a text document",
            path=path,
            line=data.count(b"\n", 0, nul) + 1,
            hint=binary_hint,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise L10nError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint="re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)",
        ) from exc


def declared_charset(data: bytes) -> str | None:
    """Return the charset a PO file's header declares (``charset=`` of its Content-Type), or None."""
    m = _DECLARED.search(data, 0, 65536)
    return m[1].decode("ascii", "replace") if m else None


def python_codec(charset: str | None) -> str | None:
    """Return the Python codec for a gettext charset name; "utf-8" for none or the placeholder, None if unknown."""
    if charset is None or charset.upper() == _PLACEHOLDER:
        return "utf-8"
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def decode_po(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, codec) of a PO file's bytes, decoded as its header declares, as GNU gettext reads it.

    No charset or the ``CHARSET`` placeholder means UTF-8 (bytes that are not
    UTF-8 then read one character per byte, as ISO-8859-1).  A charset Python
    does not know is accepted while the text is UTF-8.  One deliberate
    difference from gettext: bytes that are valid UTF-8 with non-ASCII text
    are UTF-8 whatever the header says (text in a legacy charset is next to
    never valid UTF-8; gettext would read mojibake); the codec is then
    "utf-8" and the caller corrects the header.  Anything that does not
    decode raises ``L10nError`` naming the line of the first bad byte.
    """
    charset = declared_charset(data)
    codec = python_codec(charset)
    if codec != "utf-8" and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        if codec is None and charset:  # VISCII, GEORGIAN-PS, ARMSCII-8, EUC-TW...: the iconv gettext uses
            converted = _iconv(data, charset, "UTF-8")
            if converted is not None:
                return converted.decode("utf-8"), "utf-8"
    try:
        return data.decode(codec or "utf-8"), codec or "utf-8"
    except UnicodeDecodeError as exc:
        bad, line = data[exc.start], data.count(b"\n", 0, exc.start) + 1
    if charset is None or charset.upper() == _PLACEHOLDER:
        # No charset: msgfmt takes the bytes as they are (with a warning).  Read them one
        # character per byte, which keeps every byte; they are written back as UTF-8.
        return data.decode("latin-1"), "latin-1"
    if codec == "utf-8" and charset and charset.upper() != _PLACEHOLDER:
        what = "is not valid UTF-8 although the header declares charset=UTF-8"
    elif codec is None:
        what = f"is encoded as {charset}, which l10n cannot decode"
    elif codec != "utf-8":
        what = f"is not valid {charset} although the header declares it"
    else:
        what = "is not valid UTF-8"
    hint = (
        "Declare the charset the file is really in (charset=... in the header's Content-Type), "
        "or convert it: `msgconv --to-code=UTF-8 FILE -o FILE`."
    )
    raise L10nError(f"{what} (byte 0x{bad:02x})", path=path, line=line, hint=hint)


def encode_po(text: str, charset: str | None) -> bytes | None:
    """Return ``text`` encoded in ``charset`` (UTF-8 for none or the placeholder), or None if it does not fit."""
    codec = python_codec(charset)
    if codec is None and not text.isascii():
        return _iconv(text.encode("utf-8"), "UTF-8", charset or "UTF-8")
    try:
        return text.encode(codec or "ascii")
    except UnicodeEncodeError:
        return None


def _iconv(data: bytes, source: str, target: str) -> bytes | None:
    """``data`` converted by the system's iconv (glibc's, which GNU gettext uses), or None if it cannot."""
    import shutil
    import subprocess

    exe = shutil.which("iconv")
    if exe is None or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:-]*", source + target):
        return None
    try:
        proc = subprocess.run([exe, "-f", source, "-t", target], input=data, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None

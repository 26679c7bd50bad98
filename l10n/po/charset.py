"""The charset a PO file declares, and PO text decoded and encoded in it, as GNU gettext does.

PO files are read in the charset their header declares (``decode_po``) and
written back in it when the text fits (``encode_po``); charsets Python does
not know go through the system's iconv, as gettext's do.  Other files are
UTF-8 only (``l10n.text.encoding``).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from l10n.errors import L10nError

_DECLARED = re.compile(rb"Content-Type:[^\"\n]*?charset=([^\s\";\\]+)", re.I)
_PLACEHOLDER = "CHARSET"  # what xgettext writes in a template


def bytes_charset(data: bytes) -> str | None:
    """Return the charset a PO file's bytes declare (``charset=`` of the header's Content-Type), or None.

    Asked of a file before it is parsed; ``l10n.po.write.catalog_charset`` asks a parsed Catalog.
    """
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
    charset = bytes_charset(data)
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

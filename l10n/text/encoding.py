"""Text encodings of input files: UTF-16/32 named as such, source documents read as UTF-8.

Readers other than the catalogue reader take UTF-8 only (PO files are read
in the charset their header declares: ``l10n.po.charset``).  A file saved
as UTF-16 (Excel's "Unicode Text", Windows Notepad's "Unicode") or UTF-32 is
text, not binary, and its NUL bytes would otherwise be reported as binary
content; naming the encoding tells the user exactly what to convert.
"""

from __future__ import annotations

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

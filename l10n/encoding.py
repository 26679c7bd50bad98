"""Which Unicode encoding other than UTF-8 a file is in, for the error that says so.

Every reader takes UTF-8 only.  A file saved as UTF-16 (Excel's "Unicode
Text", Windows Notepad's "Unicode") or UTF-32 is text, not binary, and its
NUL bytes would otherwise be reported as binary content; naming the encoding
tells the user exactly what to convert.
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

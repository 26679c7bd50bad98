"""l10n.text.encoding: text saved as UTF-16 or UTF-32 is named as such, whichever file it is."""

from __future__ import annotations

import pytest

from l10n.text.encoding import wide_unicode

LATIN = "Qinqing Online, City Brain and common prosperity: 1.16 million funds."
HAN = "亲清在线、城市大脑和共同富裕"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (LATIN.encode("utf-16"), "UTF-16"),  # Python writes a byte-order mark
        ((LATIN + HAN).encode("utf-16"), "UTF-16"),
        (HAN.encode("utf-32"), "UTF-32"),
        (LATIN.encode("utf-16-le"), "UTF-16LE"),
        (LATIN.encode("utf-16-be"), "UTF-16BE"),
        (("“" + LATIN + "”").encode("utf-16-le"), "UTF-16LE"),  # a few non-ASCII characters
        (LATIN.encode("utf-8"), None),
        ((HAN + LATIN).encode("utf-8"), None),
        (b"\x00" * 64, None),  # binary, not text
        (bytes(range(256)), None),
        (b"", None),
    ],
)
def test_wide_unicode(data: bytes, name: str | None) -> None:
    assert wide_unicode(data) == name

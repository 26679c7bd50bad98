"""l10n.po.charset: the charset a PO file declares, and its text decoded and encoded in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.po.charset import bytes_charset, decode_po, encode_po, python_codec
from l10n.po.read import read_catalog
from l10n.po.write import catalog_charset

LATIN1 = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "cafe"\nmsgstr "café"\n'


def test_the_bytes_and_the_parsed_catalog_declare_the_same_charset(tmp_path: Path) -> None:
    path = tmp_path / "fr.po"
    path.write_bytes(LATIN1.encode("latin-1"))
    assert bytes_charset(path.read_bytes()) == "ISO-8859-1"
    assert catalog_charset(read_catalog(path)) == "ISO-8859-1"


def test_no_charset_and_the_placeholder_mean_utf8() -> None:
    assert bytes_charset(b'msgid ""\nmsgstr ""\n') is None
    assert python_codec(None) == python_codec("CHARSET") == "utf-8"
    assert python_codec("no-such-charset") is None


def test_latin1_text_decodes_and_encodes_back_to_the_same_bytes() -> None:
    data = LATIN1.encode("latin-1")
    text, codec = decode_po(data, Path("fr.po"))
    assert (text, codec) == (LATIN1, "iso8859-1")
    assert encode_po(text, "ISO-8859-1") == data
    assert encode_po("日本", "ISO-8859-1") is None  # does not fit: the writer converts to UTF-8


def test_bytes_that_do_not_decode_name_the_line() -> None:
    data = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xff"\n'.encode("latin-1")
    with pytest.raises(L10nError) as caught:
        decode_po(data, Path("fr.po"))
    assert caught.value.line == 6

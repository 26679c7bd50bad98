"""l10n.po.parse and the catalogue round trip: every kind of file GNU gettext accepts, golden against msgcat.

Each case is a small PO text GNU gettext reads; the test checks what l10n
reads from it and that the canonical rewrite is what ``msgcat`` writes
(except where the README lists a deliberate difference, tested as such).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pogen import msgcat

from l10n.errors import L10nError
from l10n.po.catalog import Entry, EntryState
from l10n.po.read import read_catalog
from l10n.po.write import encode_catalog, format_catalog, write_catalog

UTF8 = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def po(tmp_path: Path, text: str | bytes, name: str = "doc.po") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def assert_like_msgcat(path: Path) -> None:
    assert encode_catalog(read_catalog(path))[0] == msgcat(path)


# --- 1. escapes ---


@pytest.mark.parametrize(
    "escaped, text",
    [
        ("bell\\a", "bell\a"),
        ("esc\\033[0m", "esc\x1b[0m"),
        ("esc\\x1b[0m", "esc\x1b[0m"),
        ("octal \\101\\0102", "octal A\b2"),  # at most three octal digits
        ("utf-8 bytes \\303\\251", "utf-8 bytes é"),  # escapes stand for bytes of the file's charset
        ("all \\n\\t\\r\\b\\f\\v\\\\\\\"", 'all \n\t\r\b\f\v\\"'),
    ],
)
def test_escapes_gettext_reads(tmp_path, escaped, text):
    path = po(tmp_path, UTF8 + f'msgid "{escaped}"\nmsgstr "x"\n')
    (entry,) = read_catalog(path).entries
    assert entry.msgid == text


def test_what_we_write_with_a_bell_we_read_back(tmp_path):
    # Issue 19: a BEL in a seed became "\a" in the template, which l10n then refused.
    path = po(tmp_path, UTF8 + 'msgid "ding\\a"\nmsgstr ""\n')
    catalog = read_catalog(path)
    write_catalog(tmp_path / "back.po", catalog)
    assert read_catalog(tmp_path / "back.po") == catalog
    assert b'msgid "ding\\a"' in (tmp_path / "back.po").read_bytes()


def test_octal_and_hex_escapes_are_written_as_msgcat_writes_them(tmp_path):
    assert_like_msgcat(po(tmp_path, UTF8 + 'msgid "a\\033b\\x1b[c\\101"\nmsgstr "\\303\\251"\n'))


def test_an_unknown_escape_is_refused_with_its_line(tmp_path):
    with pytest.raises(L10nError, match=r"unsupported escape sequence \\q") as caught:
        read_catalog(po(tmp_path, UTF8 + 'msgid "a\\q"\nmsgstr ""\n'))
    assert caught.value.line == 5


# --- 2. header text that is not Name: value ---

MERGED_HEADER = (
    '# Merged.\nmsgid ""\nmsgstr ""\n"#-#-#-#-#  a.po (a 1.0)  #-#-#-#-#\\n"\n"Project-Id-Version: a 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n"#-#-#-#-#  b.po (b 2.0)  #-#-#-#-#\\n"\n'
    '"Project-Id-Version: b 2.0\\n"\n\nmsgid "one"\nmsgstr "一"\n'
)


def test_header_lines_that_are_not_fields_are_kept_as_text(tmp_path):
    path = po(tmp_path, MERGED_HEADER)
    catalog = read_catalog(path)
    assert catalog.header_text.startswith("#-#-#-#-#  a.po (a 1.0)  #-#-#-#-#\n")
    assert catalog.header_value("Project-Id-Version") == "a 1.0"
    assert_like_msgcat(path)


def test_setting_a_field_keeps_the_other_header_lines(tmp_path):
    catalog = read_catalog(po(tmp_path, MERGED_HEADER)).with_header("Language", "zh")
    assert catalog.header_msgstr.count("#-#-#-#-#") == 4
    assert catalog.header_msgstr.endswith("Language: zh\n")


def test_header_text_without_final_newline_is_kept(tmp_path):
    assert_like_msgcat(po(tmp_path, 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8"\n\nmsgid "a"\nmsgstr "b"\n'))


# --- 3. msgid "" entries: an empty header, xgettext --omit-header ---


def test_an_empty_header_is_written_back(tmp_path):
    path = po(tmp_path, 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n')
    assert format_catalog(read_catalog(path)).startswith('msgid ""\nmsgstr ""\n\nmsgid "a"')
    assert_like_msgcat(path)


def test_an_omit_header_entry_keeps_its_comments(tmp_path):
    # xgettext --omit-header: the empty string of the program is a message with references.
    text = UTF8 + '#. TRANSLATORS: empty on purpose\n#: main.c:12\nmsgid ""\nmsgstr ""\n'
    path = po(tmp_path, '#. TRANSLATORS: empty on purpose\n#: main.c:12\nmsgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n')
    catalog = read_catalog(path)
    assert (catalog.header_notes, catalog.header_references) == (("TRANSLATORS: empty on purpose",), ("main.c:12",))
    assert [e.msgid for e in catalog.entries] == ["a"]
    assert_like_msgcat(path)
    assert text  # the same entry after a real header is a duplicate for gettext: not tested


# --- 4. comments on the header, a header that is not first ---


def test_header_comments_of_every_kind_and_its_place_are_kept(tmp_path):
    path = po(
        tmp_path,
        'msgid "before"\nmsgstr "之前"\n\n# Translator.\n#. Extracted.\n#: ref.c:1\n#, fuzzy\n'
        'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "after"\nmsgstr "之后"\n',
    )
    catalog = read_catalog(path)
    assert catalog.header_index == 1
    assert (catalog.header_comments, catalog.header_notes, catalog.header_references, catalog.header_flags) == (
        ("Translator.",), ("Extracted.",), ("ref.c:1",), ("fuzzy",))
    assert_like_msgcat(path)


# --- 5. keywords on one line ---


def test_keywords_may_share_a_line(tmp_path):
    path = po(tmp_path, UTF8 + 'msgid "one" msgstr "first"\n\nmsgctxt "c" msgid "two" msgid_plural "twos" '
              'msgstr[0] "a" msgstr[1] "b"\n')
    one, two = read_catalog(path).entries
    assert (one.msgid, one.msgstr, one.line) == ("one", "first", 5)
    assert (two.msgctxt, two.msgid, two.msgid_plural, two.msgstr_plural) == ("c", "two", "twos", ("a", "b"))
    assert_like_msgcat(path)


# --- 6. flags gettext 0.21 does not know ---


def test_every_flag_is_kept(tmp_path):
    path = po(tmp_path, UTF8 + '#, fuzzy, go-format, rust-format, c-format, custom, sh-printf-format, range: 1..3\n'
              'msgid "%d"\nmsgstr "%d"\n')
    (entry,) = read_catalog(path).entries
    text = format_catalog(read_catalog(path))
    assert "#, fuzzy, c-format, rust-format, go-format, sh-printf-format, range: 1..3, custom\n" in text
    # msgcat 0.21 drops the flags it does not know (a listed difference); the rest is its output.
    assert msgcat(path).decode() == text.replace(", rust-format, go-format, sh-printf-format", "").replace(
        ", custom", "")
    assert "custom" in entry.flags


# --- 7. legacy charsets ---


@pytest.mark.parametrize(
    "charset, text",
    [
        ("ISO-8859-1", "Größe"),
        ("ISO-8859-15", "5 €"),
        ("KOI8-R", "Привет"),
        ("CP1251", "Привет"),
        ("EUC-JP", "こんにちは"),
        ("SHIFT_JIS", "表示"),  # 表 ends in 0x5c, a backslash in ASCII
        ("GBK", "你好"),
        ("BIG5", "許功蓋"),  # each ends in 0x5c
        ("EUC-KR", "안녕"),
    ],
)
def test_legacy_charsets_are_read_and_kept(tmp_path, charset, text):
    head = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
    path = po(tmp_path, (head + f'msgid "x"\nmsgstr "{text}"\n').encode(charset))
    catalog = read_catalog(path)
    assert catalog.entries[0].msgstr == text
    assert_like_msgcat(path)
    write_catalog(tmp_path / "out.po", catalog)
    assert (tmp_path / "out.po").read_bytes() == msgcat(path)


def test_text_that_no_longer_fits_the_charset_is_written_as_utf8_with_a_notice(tmp_path):
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
    catalog = read_catalog(po(tmp_path, (head + 'msgid "x"\nmsgstr "é"\n').encode("latin-1")))
    data, notice = encode_catalog(catalog.__class__(**{**catalog.__dict__, "entries": (Entry("x", "你好"),)}))
    assert notice and "ISO-8859-1" in notice
    assert b"charset=UTF-8" in data and "你好".encode() in data


def test_bytes_that_do_not_decode_in_the_declared_charset_are_refused(tmp_path):
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=EUC-JP\\n"\n\n'
    with pytest.raises(L10nError, match="not valid EUC-JP") as caught:
        read_catalog(po(tmp_path, head.encode() + b'msgid "x"\nmsgstr "\xff\xff"\n'))
    assert caught.value.line == 6


# --- 8. plural forms with a gap ---


@pytest.mark.parametrize("forms", ['msgstr[0] "a"\nmsgstr[2] "c"\n', 'msgstr[1] "b"\n'])
def test_plural_forms_must_not_skip_an_index(tmp_path, forms):
    with pytest.raises(L10nError, match="plural form has wrong index"):
        read_catalog(po(tmp_path, UTF8 + 'msgid "a"\nmsgid_plural "as"\n' + forms))


# --- Entry.state: one definition ---


@pytest.mark.parametrize(
    "entry, state",
    [
        (Entry("a"), EntryState.UNTRANSLATED),
        (Entry("a", "b"), EntryState.TRANSLATED),
        (Entry("a", "b", flags=("fuzzy",)), EntryState.FUZZY),
        (Entry("a", "", flags=("fuzzy",)), EntryState.UNTRANSLATED),  # gettext drops the flag and counts it untranslated
        (Entry("a", msgid_plural="as", msgstr_plural=("x", "")), EntryState.UNTRANSLATED),
        (Entry("a", msgid_plural="as", msgstr_plural=("x", "y"), flags=("fuzzy",)), EntryState.FUZZY),
        (Entry("a", "b", obsolete=True), EntryState.OBSOLETE),
    ],
)
def test_entry_state(entry, state):
    assert entry.state is state


def test_update_keeps_header_lines_that_are_not_fields(tmp_path):
    from l10n.po.catalog import Catalog
    from l10n.po.merge import merge

    po_path = po(tmp_path, MERGED_HEADER)
    pot = Catalog(header=(("Project-Id-Version", "a 1.0"), ("Content-Type", "text/plain; charset=UTF-8")),
                  entries=(Entry("one"),))
    merged, _ = merge(pot, read_catalog(po_path), "zh")
    text = format_catalog(merged)
    assert text.count("#-#-#-#-#") == 4 and "Language: zh\\n" in text
    assert read_catalog(po_path).header_text.split("\n")[:3] == merged.header_text.split("\n")[:3]


def test_a_string_of_many_continuation_lines_is_read_in_linear_time(tmp_path):
    # Each line is appended once and the parts joined at the end (no quadratic concatenation).
    lines = '"0123456789"\n' * 200_000
    # msgid "x" with a space before it: off the plain form, so the exact reader reads it all.
    path = po(tmp_path, UTF8 + ' msgid "x"\n' + lines + 'msgstr ""\n' + lines + '\n#~ msgid "a"\n#~ msgstr "b"\n')
    entry = read_catalog(path).entries[0]
    assert len(entry.msgid) == 2_000_001 and len(entry.msgstr) == 2_000_000


def test_a_keyword_may_stand_alone_and_an_index_may_have_spaces(tmp_path):
    path = po(tmp_path, UTF8 + 'msgid\n"x"\nmsgid_plural "xs"\nmsgstr [0] "y"\nmsgstr [ 1 ]\n"z"\n')
    (entry,) = read_catalog(path).entries
    assert (entry.msgid, entry.msgstr_plural) == ("x", ("y", "z"))
    assert_like_msgcat(path)


@pytest.mark.parametrize("text, line", [('msgid\nmsgstr ""\n', 5), ('msgid "a"\nmsgstr\n', 6)])
def test_a_keyword_without_its_string_is_refused(tmp_path, text, line):
    with pytest.raises(L10nError, match="expected a quoted string after msg") as caught:
        read_catalog(po(tmp_path, UTF8 + text))
    assert caught.value.line == line


@pytest.mark.skipif(not __import__("shutil").which("iconv"), reason="no iconv")
@pytest.mark.parametrize("charset, text", [("VISCII", "Tiếng Việt"), ("GEORGIAN-PS", "ქართული"), ("EUC-TW", "繁體中文")])
def test_charsets_python_lacks_are_read_and_written_through_iconv(tmp_path, charset, text):
    head = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=(head + f'msgid "x"\nmsgstr "{text}"\n')
                          .encode(), capture_output=True, check=True).stdout
    path = po(tmp_path, data)
    catalog = read_catalog(path)
    assert catalog.entries[0].msgstr == text
    assert_like_msgcat(path)


def test_bytes_without_a_declared_charset_are_read_as_msgfmt_reads_them(tmp_path):
    # msgfmt accepts this (with a warning); l10n reads one character per byte and writes UTF-8.
    path = po(tmp_path, b'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n\nmsgid "caf\xe9"\nmsgstr "x\xe9"\n')
    assert subprocess.run(["msgfmt", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0
    (entry,) = read_catalog(path).entries
    assert (entry.msgid, entry.msgstr) == ("café", "xé")

"""l10n.po.catalog: reading PO/POT files into dataclasses and writing them back."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pogen import HEADER, catalogs, msgcat

from l10n.errors import L10nError
from l10n.po.catalog import Catalog, Entry
from l10n.po.read import read_catalog
from l10n.po.write import canonical, format_catalog, write_catalog

DATA = Path(__file__).parent / "data" / "po"
PACKAGE = Path(__file__).parent.parent / "l10n"


# file, line named in the error (None: no line), words the message must contain
BAD_INPUTS = [
    ("empty.po", None, "empty"),
    ("blank.po", None, "empty"),
    ("comments-only.po", None, "no messages"),
    ("nul.po", 10, "NUL byte"),
    ("latin1-declared-utf8.po", 10, "not valid UTF-8 although the header declares charset=UTF-8"),
    ("duplicate.po", 16, "duplicate message 'one'; first defined at line 9"),
    ("duplicate-obsolete.po", 12, "duplicate message 'one'"),
    ("msgstr-without-msgid.po", 12, "syntax error"),
    ("msgid-without-msgstr.po", 9, "msgid without msgstr"),
    ("msgid-at-end.po", 12, "msgid without msgstr"),
    ("msgctxt-after-msgid.po", 9, "msgid without msgstr"),
    ("unescaped-quote.po", 9, "quoted string"),
    ("bad-escape.po", 9, "unsupported escape sequence \\q"),
    ("not-a-string.po", 9, "quoted string"),
    ("stray-text.po", 11, "quoted string"),
    ("plural-index-without-plural.po", 10, "msgstr[N] without msgid_plural"),
    ("msgstr-after-plural.po", 11, "plain msgstr after msgid_plural"),
    # GNU gettext rejects these too (msgcat names the same lines); polib alone would accept them.
    ("comment-inside-entry.po", 11, "msgid after a comment line"),
    ("string-after-comment.po", 12, "a continuation string after a comment line"),
    ("plural-form-after-comment.po", 13, "msgstr[1] after a comment line"),
]


@pytest.mark.parametrize("name, line, words", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_names_file_line_and_next_step(name, line, words):
    path = DATA / "bad" / name
    with pytest.raises(L10nError) as caught:
        read_catalog(path)
    error = caught.value
    assert error.path == path
    assert error.line == line
    assert words in error.message
    assert error.hint
    assert str(error).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_every_bad_fixture_is_in_the_table():
    assert sorted(p.name for p in (DATA / "bad").iterdir()) == sorted(b[0] for b in BAD_INPUTS)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(L10nError, match="no such file") as caught:
        read_catalog(tmp_path / "nope.po")
    assert caught.value.hint
    with pytest.raises(L10nError, match="is a directory"):
        read_catalog(tmp_path)


def test_bom_and_crlf_are_read_like_plain_lf():
    plain = (DATA / "good" / "bom-crlf.po").read_bytes()[3:].replace(b"\r\n", b"\n")
    catalog = read_catalog(DATA / "good" / "bom-crlf.po")
    assert [(e.msgid, e.msgstr, e.line) for e in catalog.entries] == [("Hello", "你好", 11), ("Two\nlines", "两行", 14)]
    assert catalog.entries[0].translator_comments == ("注释",)
    assert catalog.header_value("Language") == "zh"
    assert format_catalog(catalog).encode() == plain


@pytest.mark.parametrize(
    "name, content_type",
    [
        ("no-charset.po", None),
        ("placeholder-charset.po", "text/plain; charset=CHARSET"),
    ],
)
def test_missing_or_wrong_charset_reads_valid_utf8(name, content_type):
    catalog = read_catalog(DATA / "good" / name)
    assert [(e.msgid, e.msgstr) for e in catalog.entries] == [("Hello", "你好")]
    assert catalog.header_value("Content-Type") == content_type


def test_utf8_text_under_a_legacy_charset_is_read_as_utf8_and_its_header_corrected(tmp_path):
    # A deliberate difference from GNU gettext, which would read mojibake: text that is valid UTF-8
    # with non-ASCII characters is not ISO-8859-1 in practice.  Written back, the header says UTF-8.
    path = DATA / "good" / "wrong-charset.po"
    catalog = read_catalog(path)
    assert [(e.msgid, e.msgstr) for e in catalog.entries] == [("Hello", "你好")]
    assert catalog.header_value("Content-Type") == "text/plain; charset=UTF-8"
    copy = tmp_path / "copy.po"
    write_catalog(copy, catalog)
    assert copy.read_bytes() == path.read_bytes().replace(b"ISO-8859-1", b"UTF-8")


def test_line_separators_inside_strings_do_not_split_lines():
    (entry,) = read_catalog(DATA / "good" / "line-separator.po").entries
    assert (entry.msgid, entry.msgstr, entry.line) == ("a\u2028b\x85c", "甲\u2029乙", 9)


def test_comment_spellings_gettext_accepts():
    one, gone = read_catalog(DATA / "good" / "quirks.po").entries
    assert one.translator_comments == ("#double hash",)
    assert one.extracted_comments == ("dot without space",)
    assert one.references == ("a.txt:1", "./b.txt:02")
    assert one.flags == ("c-format",)  # "#,c-format"; gettext ignores "#!fuzzy"
    assert one.previous_msgid == "old"
    assert (gone.msgid, gone.msgstr, gone.obsolete) == ("gone", "走了", True)


def test_comment_spellings_are_written_as_msgcat_writes_them(tmp_path):
    path = DATA / "good" / "quirks.po"
    copy = tmp_path / "quirks.po"
    copy.write_bytes(path.read_bytes())
    assert format_catalog(read_catalog(path)).encode() == msgcat(copy)


def test_golden_file_reads_every_part():
    catalog = read_catalog(DATA / "golden-zh.po")
    assert catalog.header == HEADER
    assert catalog.header_comments[-1] == ""
    assert catalog.header_flags == ()
    assert len(catalog.entries) == 29
    first = catalog.entries[0]
    assert first.msgid.startswith("In recent years, under the support")
    assert first.references == ("seeds/zhejiang-stories.txt:7",)
    poster = next(e for e in catalog.entries if e.msgctxt == "poster")
    assert poster.flags == ("fuzzy",)
    assert poster.previous_msgid == "Scan the code:\n"
    assert poster.msgid == "Scan the code to pay:\n\t“Qinqing Online” (亲清在线)\n"
    plural = next(e for e in catalog.entries if e.msgid_plural)
    assert (plural.msgid_plural, plural.msgstr_plural, plural.flags) == ("%(count)d villages", ("%(count)d 个村",), ("python-format",))
    old = catalog.entries[-1]
    assert old.obsolete and old.previous_msgid.startswith("The old sentence that nobody used")


def test_entry_line_is_the_line_of_its_msgid():
    path = DATA / "golden-zh.po"
    lines = path.read_text(encoding="utf-8").splitlines()
    for entry in read_catalog(path).entries:
        assert re.match(r"(#~ )?msgid ", lines[entry.line - 1]), entry.line


def test_writing_what_we_read_gives_identical_bytes(tmp_path):
    source = DATA / "golden-zh.po"
    target = tmp_path / "copy.po"
    assert write_catalog(target, read_catalog(source)) is True
    assert target.read_bytes() == source.read_bytes()


def test_write_returns_false_and_leaves_an_identical_file_alone(tmp_path):
    path = tmp_path / "zh.po"
    catalog = Catalog(header=HEADER, entries=(Entry("Hello", "你好"),))
    assert write_catalog(path, catalog) is True
    os.utime(path, (1_000_000, 1_000_000))
    assert write_catalog(path, catalog) is False
    assert path.stat().st_mtime == 1_000_000
    assert write_catalog(path, replace(catalog, entries=(Entry("Hello", "您好"),))) is True
    assert read_catalog(path).entries[0].msgstr == "您好"


def test_write_into_a_missing_directory_creates_it(tmp_path):
    path = tmp_path / "zh" / "LC_MESSAGES" / "doc.po"
    assert write_catalog(path, Catalog(header=HEADER)) is True
    assert read_catalog(path).header == HEADER


def test_header_with_empty_values_and_fuzzy_flag(tmp_path):
    path = tmp_path / "doc.pot"
    header = (("Project-Id-Version", "doc"), ("Language", ""), ("Content-Type", "text/plain; charset=UTF-8"))
    write_catalog(path, Catalog(header=header, header_comments=("Template.",), header_flags=("fuzzy",)))
    back = read_catalog(path)
    assert (back.header, back.header_comments, back.header_flags) == (header, ("Template.",), ("fuzzy",))
    assert '"Language: \\n"' in path.read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(catalogs(max_entries=25))
def test_read_of_write_is_the_canonical_catalogue(tmp_path_factory, catalog):
    path = tmp_path_factory.mktemp("roundtrip") / "doc.po"
    write_catalog(path, catalog)
    back = read_catalog(path)
    assert back == canonical(catalog)
    assert back.path == path
    assert write_catalog(path, back) is False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(catalogs(max_entries=25))
def test_canonical_catalogues_survive_a_round_trip_unchanged(tmp_path_factory, catalog):
    once = canonical(catalog)
    assert canonical(once) == once
    path = tmp_path_factory.mktemp("canonical") / "doc.po"
    write_catalog(path, once)
    assert read_catalog(path) == once


def test_only_the_catalogue_module_imports_polib():
    importers = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if re.search(r"^\s*(import polib|from polib\b)", p.read_text(encoding="utf-8"), re.M)
    ]
    # The reader is l10n.po.parse: polib drops comment kinds, octal and hex escapes, and
    # header text that gettext keeps, so no module of the package reads with it.
    assert importers == []


# A C string, written one character at a time: the plain form of the unrolled one l10n.po.parse uses.
_PLAIN_C_STRING = re.compile(r'[ \t\f\v]*("(?:[^"\\]|\\.)*")')


@settings(max_examples=3000)
@given(
    st.sampled_from(["msgid ", "msgstr ", "msgstr[1] ", "msgctxt\t", "", "msgid"]),
    st.text(alphabet='"\\ ant\r\u00e9', max_size=12),
)
def test_string_token_pattern_reads_as_the_plain_one(keyword: str, rest: str) -> None:
    from l10n.po.parse import _TOKEN

    line = keyword + rest
    m = _TOKEN.match(line, len(keyword))
    plain = _PLAIN_C_STRING.match(line, len(keyword))
    assert (m is not None and m["string"] is not None) == (plain is not None)
    if plain is not None:
        assert m["string"] == plain[1]


def test_a_string_may_continue_after_blank_lines_as_gnu_gettext_reads_it():
    (entry,) = read_catalog(DATA / "good" / "blank-line-inside-string.po").entries
    assert (entry.msgid, entry.msgstr, entry.line) == ("one", "一个", 9)


# --- the two readers: the plain-form reader must read exactly what the exact reader reads ---

from l10n.po.read import _read_entries, _read_plain

TESTS = Path(__file__).parent


def read_both_ways(path: Path, text: str) -> tuple[object, object]:
    """What each reader makes of ``text``: entries with their lines, or the error's message and line."""
    outcomes = []
    for plain in (True, False):
        try:
            entries = _read_entries(path, text, plain=plain)
            outcomes.append([(e, e.line) for e in entries])
        except L10nError as error:
            outcomes.append((error.message, error.line))
    return outcomes[0], outcomes[1]


@pytest.mark.parametrize(
    "path", sorted(p for p in (TESTS / "data").rglob("*") if p.suffix in (".po", ".pot") and p.is_file()),
    ids=lambda p: p.name,
)
def test_readers_agree_on_every_catalogue_in_the_tests(path):
    text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    plain, exact = read_both_ways(path, text)
    assert plain == exact


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(catalogs(max_entries=25))
def test_plain_reader_reads_written_catalogues_up_to_the_obsolete_entries(catalog):
    text = format_catalog(catalog)
    plain, exact = read_both_ways(Path("doc.po"), text)
    assert plain == exact
    written = canonical(catalog).entries
    active = sum(1 for e in written if not e.obsolete) + 1  # + the header
    entries, _ = _read_plain(text)
    # The fast reader, not the fallback, read the active entries (all but the last when
    # obsolete entries follow: the exact reader starts at the last plain entry).
    assert len(entries) == active - any(e.obsolete for e in written)


# Edits that break a PO file or move it off the plain form.
SNIPPETS = (
    '"', "\\", "\\a", "\\n", "\n", "\n\n", " ", "\t", "\r", "\r\n", "#", "# x\n", "#~ ", "#| ", "#|", "#, fuzzy\n",
    'msgid "x"\n', 'msgstr "y"\n', 'msgstr[0] "z"\n', 'msgstr[1] "z"\n', 'msgid_plural "p"\n', 'msgctxt "c"\n',
    '"more"\n', "msgid ", "msgstr ", '#| msgid "old"\n', '#~ msgid "gone"\n#~ msgstr "weg"\n', "\u2028", "\ufeff",
)


@st.composite
def mutated_po(draw: st.DrawFn) -> str:
    text = format_catalog(draw(catalogs(max_entries=6)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 12)) :]
    return text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_po())
def test_readers_agree_on_broken_and_unusual_files(text):
    plain, exact = read_both_ways(Path("doc.po"), text)
    assert plain == exact


def test_a_long_comment_block_is_read_in_one_pass(tmp_path):
    # The plain reader tries each entry once where it must begin; a search from there on
    # would rescan this block once per line (hours for a block of this size).
    block = "# a translator's note\n" * 200_000
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path = tmp_path / "doc.po"
    path.write_text(header + block + 'msgid "one"\nmsgstr "一"\n\n' + block, encoding="utf-8")
    (entry,) = read_catalog(path).entries
    assert (entry.msgid, entry.msgstr, entry.line, len(entry.translator_comments)) == ("one", "一", 200_005, 200_000)

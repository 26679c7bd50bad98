"""l10n.po.write: PO text exactly as GNU msgcat writes it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from pogen import HEADER, assert_msgcat_keeps, catalogs, msgcat, msgfmt_check, random_catalog

from l10n.po.catalog import Catalog, Entry
from l10n.po.write import canonical, canonical_flags, canonical_reference, format_catalog, format_entry

DATA = Path(__file__).parent / "data" / "po"


def golden_catalog() -> Catalog:
    """Real sentences (English source, Chinese reference) dressed as a full PO file."""
    rows = [line.split("\t") for line in (DATA / "sentences.tsv").read_text(encoding="utf-8").splitlines()]
    entries = [
        Entry(
            msgid=en,
            msgstr=zh,
            references=tuple(f"seeds/zhejiang-stories.txt:{i * 7 + k}" for k in range(i % 4)),
            flags=("fuzzy",) if i % 3 == 0 else (),
            extracted_comments=(f"paragraph {i}, sentence 1",) if i % 5 == 0 else (),
            translator_comments=("Machine draft: builtin dictionary, glossary v1.",) if i % 3 == 0 else (),
        )
        for i, (en, zh) in enumerate(rows, 1)
    ]
    entries += [
        Entry(
            msgid="Scan the code to pay:\n\t“Qinqing Online” (亲清在线)\n",
            msgstr="扫码支付：\n\t“亲清在线”\n",
            msgctxt="poster",
            previous_msgid="Scan the code:\n",
            flags=("fuzzy",),
        ),
        Entry(msgid="%(count)d village", msgid_plural="%(count)d villages", msgstr_plural=("%(count)d 个村",), flags=("python-format",)),
        Entry(msgid="A \"quoted\" C:\\path", msgstr="一个“引号” C:\\path"),
        Entry(
            msgid="The old sentence that nobody uses any more, kept for its translation.",
            msgstr="没人再用的旧句子，为了保留译文而留下。",
            previous_msgid="The old sentence that nobody used, kept for the translation memory.",
            obsolete=True,
        ),
    ]
    return Catalog(
        header=HEADER,
        entries=tuple(entries),
        header_comments=("Chinese translation of zhejiang-stories.", "This file is distributed under the same license as the l10n package.", ""),
        header_flags=(),
    )


def test_golden_real_sentences():
    expected = (DATA / "golden-zh.po").read_text(encoding="utf-8")
    assert format_catalog(golden_catalog()) == expected


def test_golden_file_is_what_msgcat_writes(tmp_path):
    path = tmp_path / "golden.po"
    path.write_text(format_catalog(golden_catalog()), encoding="utf-8")
    assert msgcat(path) == path.read_bytes()
    msgfmt_check(path)


# Each example is one msgcat and one msgfmt run over 30-45 entries.  No
# shrinking: every step would run the tools again; the diff shows the entry.
ORACLE = settings(
    max_examples=6,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@ORACLE
@given(catalogs(min_entries=30, max_entries=45))
def test_msgcat_leaves_what_we_write_unchanged(tmp_path_factory, catalog):
    path = tmp_path_factory.mktemp("oracle") / "generated.po"
    path.write_text(format_catalog(catalog), encoding="utf-8")
    assert_msgcat_keeps(path)
    msgfmt_check(path)


def test_msgcat_bulk_random_entries(tmp_path):
    catalog = random_catalog(seed=20240501, count=1000)
    path = tmp_path / "bulk.po"
    path.write_text(format_catalog(catalog), encoding="utf-8")
    assert_msgcat_keeps(path)
    msgfmt_check(path)


def test_msgcat_python_format_directives_are_not_split(tmp_path):
    # "% d" is a directive (space flag) under python-format: gettext will not break inside it.
    texts = [("x" * n) + " 50% done and 30% dropped " + "word " * 12 for n in range(60, 75)]
    texts += [("中" * n) + "%(名字)s 和 %(数量)d 个" + "汉字" * 20 for n in range(28, 40)]
    entries = tuple(Entry(msgid=t, flags=("python-format",)) for t in texts)
    entries += tuple(Entry(msgid="c " + t, flags=("c-format",)) for t in texts[:15])
    path = tmp_path / "formats.po"
    path.write_text(format_catalog(Catalog(header=HEADER, entries=entries)), encoding="utf-8")
    assert_msgcat_keeps(path)


def lines_of(entry: Entry) -> list[str]:
    return format_entry(entry).splitlines()


def test_short_string_stays_on_the_keyword_line():
    assert lines_of(Entry("Hello", "你好")) == ['msgid "Hello"', 'msgstr "你好"']


def test_empty_msgstr():
    assert lines_of(Entry("Hello")) == ['msgid "Hello"', 'msgstr ""']


def test_line_fills_exactly_79_columns_then_wraps():
    fits = "a" * 71  # msgid "…" is 6 + 71 + 1 = 78 columns, one fewer than the page
    assert lines_of(Entry(fits))[0] == f'msgid "{fits}"'
    words = "word " * 15 + "end"
    lines = lines_of(Entry(words))
    assert lines[0] == 'msgid ""'
    assert all(len(line) <= 79 for line in lines)
    assert "".join(line[1:-1] for line in lines[1:-1]) == words


def test_chinese_breaks_between_ideographs_by_display_width():
    zh = "浙江在社会、经济和环境发展方面取得的成就，不只是一串串亮眼的统计数字，背后是一个个实实在在的人在为之辛勤奋斗。"
    lines = lines_of(Entry("x", zh))
    assert lines[1] == 'msgstr ""'
    # 38 ideographs and full-width marks take 76 of the 77 columns between the
    # quotes; a 39th (two columns) would pass the page width.
    assert lines[2] == '"浙江在社会、经济和环境发展方面取得的成就，不只是一串串亮眼的统计数字，背后是"'
    assert lines[3] == '"一个个实实在在的人在为之辛勤奋斗。"'


def test_no_break_before_fullwidth_comma_or_after_opening_quote():
    zh = "一" * 36 + "，“亲清在线”平台" + "二" * 30
    body = [line[1:-1] for line in lines_of(Entry("x", zh))[2:]]
    assert "".join(body) == zh
    assert not any(part.startswith(("，", "”")) or part.endswith("“") for part in body)


def test_newlines_start_new_lines_and_escapes_are_written():
    entry = Entry('Tab\there, a "quote" and a \\ backslash\nsecond line\n', "甲\n乙")
    assert lines_of(entry) == [
        'msgid ""',
        '"Tab\\there, a \\"quote\\" and a \\\\ backslash\\n"',
        '"second line\\n"',
        'msgstr ""',
        '"甲\\n"',
        '"乙"',
    ]


def test_trailing_newline_alone_keeps_one_line():
    assert lines_of(Entry("one line\n", "一行\n")) == ['msgid "one line\\n"', 'msgstr "一行\\n"']


def test_no_wrap_flag_keeps_long_lines():
    text = "word " * 30
    assert lines_of(Entry(text, flags=("no-wrap",))) == ["#, no-wrap", f'msgid "{text}"', 'msgstr ""']


def test_comments_flags_references_previous_and_context_in_gettext_order():
    entry = Entry(
        msgid="Save",
        msgstr="保存",
        msgctxt="menu",
        flags=("python-format", "fuzzy"),
        references=("./seeds/a.txt:012", "seeds/b.txt"),
        extracted_comments=("", "heading"),
        translator_comments=("checked", ""),
        previous_msgctxt="old menu",
        previous_msgid="Save as",
    )
    assert lines_of(entry) == [
        "# checked",
        "#",
        "#.",
        "#. heading",
        "#: seeds/a.txt:12 seeds/b.txt",
        "#, fuzzy, python-format",
        '#| msgctxt "old menu"',
        '#| msgid "Save as"',
        'msgctxt "menu"',
        'msgid "Save"',
        'msgstr "保存"',
    ]


def test_references_wrap_at_79_columns():
    refs = tuple(f"seeds/document-number-{i:02d}.txt:{100 + i}" for i in range(5))
    lines = lines_of(Entry("x", references=refs))[:-2]
    assert lines == [
        "#: " + " ".join(refs[:2]),
        "#: " + " ".join(refs[2:4]),
        "#: " + refs[4],
    ]
    assert all(len(line) <= 79 for line in lines)


def test_plural_and_obsolete_entries():
    plural = Entry("%d file", msgid_plural="%d files", msgstr_plural=("%d 个文件",))
    assert lines_of(plural) == ['msgid "%d file"', 'msgid_plural "%d files"', 'msgstr[0] "%d 个文件"']
    old = Entry("gone", "走了", obsolete=True, previous_msgid="went", flags=("fuzzy",))
    assert lines_of(old) == ["#, fuzzy", '#~| msgid "went"', '#~ msgid "gone"', '#~ msgstr "走了"']


@pytest.mark.parametrize(
    "flags, translated, expected",
    [
        (("python-format", "fuzzy"), True, ("fuzzy", "python-format")),
        (("fuzzy",), False, ()),
        (("python-format", "c-format", "custom-flag"), True, ("c-format", "python-format", "custom-flag")),
        (("go-format", "rust-format", "c-format", "x-format", "no-y-format"), True,
         ("c-format", "rust-format", "go-format", "x-format", "no-y-format")),
        (("possible-c-format", "impossible-python-format"), True, ("c-format",)),
        (("no-python-format",), True, ("no-python-format",)),
        (("c-format", "no-c-format"), True, ("no-c-format",)),
        (("no-wrap", "range: 1..5"), True, ("range: 1..5", "no-wrap")),
        (("range: 5..1", "wrap"), True, ()),
        (("fuzzy, python-format",), True, ("fuzzy", "python-format")),
    ],
)
def test_canonical_flags(flags, translated, expected):
    assert canonical_flags(flags, translated) == expected


@pytest.mark.parametrize(
    "ref, expected",
    [("./a.txt:007", "a.txt:7"), ("a.txt", "a.txt"), ("d.c:", "d.c:"), ("f:g:3", "f:g:3"), ("././x:0", "x:0")],
)
def test_canonical_reference(ref, expected):
    assert canonical_reference(ref) == expected


def test_canonical_moves_obsolete_last_and_drops_untranslated_obsolete():
    catalog = Catalog(
        header=HEADER,
        entries=(
            Entry("old", "旧", obsolete=True),
            Entry("new", "新"),
            Entry("empty", "", obsolete=True),
            Entry("dup refs", references=("./a.txt:1", "a.txt:1", "b.txt:2")),
        ),
    )
    c = canonical(catalog)
    assert [e.msgid for e in c.entries] == ["new", "dup refs", "old"]
    assert c.entries[1].references == ("a.txt:1", "b.txt:2")
    assert format_catalog(c) == format_catalog(catalog)


def test_header_entry_and_empty_catalogue():
    text = format_catalog(Catalog(header=(("Language", "zh"), ("Content-Type", "text/plain; charset=UTF-8")), header_flags=("fuzzy",)))
    assert text == (
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: zh\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    )
    assert format_catalog(Catalog()) == ""


def test_entries_are_separated_by_one_blank_line():
    text = format_catalog(Catalog(header=HEADER, entries=(Entry("a", "甲"), Entry("b", "乙"))))
    assert text.endswith('\n\nmsgid "a"\nmsgstr "甲"\n\nmsgid "b"\nmsgstr "乙"\n')
    assert "\n\n\n" not in text


def test_plural_entry_without_forms_gets_two_empty_ones():
    entry = canonical(Catalog(entries=(Entry("x", msgid_plural="xs"),))).entries[0]
    assert entry.msgstr_plural == ("", "")
    assert replace(entry, msgstr_plural=()) != entry


# --- _wrap's shortcuts (whole pieces that fit, the fast break route) against
# the plain per-character wrap written on linebreak's reference walk.

from hypothesis import strategies as st

from l10n.po.write import _ESCAPES, PAGE_WIDTH, _directive_finder, _wrap
from l10n.text.linebreak import POSSIBLE, PROHIBITED, width_breaks


def reference_wrap(prefix: str, keyword: str, value: str, locked: set[int], do_wrap: bool) -> list[str]:
    lines, first = [], True
    indent = len(prefix) + 1
    width = (PAGE_WIDTH if do_wrap else 1 << 30) - 1 - indent
    pieces = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    offset = 0
    for k, piece in enumerate(pieces):
        chars, overrides = [], []
        for pos, ch in enumerate(piece, offset):
            lock = PROHIBITED if pos in locked else None
            if ch in _ESCAPES:
                chars += ("\\", _ESCAPES[ch])
                overrides += (lock, PROHIBITED)
            else:
                chars.append(ch)
                overrides.append(lock)
        offset += len(piece)
        if piece.endswith("\n"):
            overrides[-2] = PROHIBITED
        while True:
            start = len(keyword) + 1 if first else 0
            breaks = width_breaks(chars, width, start, overrides)
            if first and chars and (k < len(pieces) - 1 or start > width or POSSIBLE in breaks):
                lines.append(f'{prefix}{keyword} ""')
                first = False
                continue
            break
        line = prefix + (keyword + " " if first else "") + '"'
        first = False
        for ch, brk in zip(chars, breaks):
            if brk == POSSIBLE:
                lines.append(line + '"')
                line = prefix + '"'
            line += ch
        lines.append(line + '"')
    return lines


WRAP_TOKENS = (
    "word ", "tea ", "garden", " ", "  ", "-", "/", ",", ".", "(", ")", "?", "50%", "%(name)s", "%(n)d",
    "%d", "%5.2f", "% d", "%%", "\"", "\\", "\n", "\t", "\r", "\a", "\x01", "中", "文字", "，", "。",
    "（", "）", "“", "”", "ー", "\u2028", "\u0301", "\u200b", "\U0001F600",
)
HANZI_TOKENS = ("中", "文字", "浙江", "，", "。", "、", "（", "）", "“", "”", "ー", "１", " ", "%(n)d", "\n", "a")
WRAP_TEXT = st.one_of(
    st.lists(st.sampled_from(WRAP_TOKENS), max_size=60),
    st.lists(st.sampled_from(HANZI_TOKENS), max_size=90),
    st.lists(
        st.one_of(st.sampled_from(WRAP_TOKENS), st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF)),
        max_size=80,
    ),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(
    WRAP_TEXT,
    st.sampled_from(["", "#~ ", "#| ", "#~| "]),
    st.sampled_from(["msgid", "msgstr[1]", "msgid_plural"]),
    st.sampled_from([(), ("python-format",), ("c-format",), ("no-wrap",)]),
)
@example("x" * 69 + "% d", "", "msgid", ("python-format",))  # no break inside a directive
@example("x" * 68 + "  \n", "", "msgid", ())  # none just before a final \n
@example("文字" * 25, "", "msgstr", ())
def test_wrap_equals_the_per_character_reference(value, prefix, keyword, flags):
    locked = _directive_finder(flags)(value)
    do_wrap = "no-wrap" not in flags
    assert _wrap(prefix, keyword, value, locked, do_wrap) == reference_wrap(prefix, keyword, value, locked, do_wrap)


def test_wrap_equals_the_reference_on_real_sentences():
    for entry in golden_catalog().entries:
        for value in (entry.msgid, entry.msgstr):
            for prefix in ("", "#~| "):
                for flags in ((), ("python-format",)):
                    locked = _directive_finder(flags)(value)
                    assert _wrap(prefix, "msgid", value, locked, True) == reference_wrap(prefix, "msgid", value, locked, True)

"""Golden tables for empty, fuzzy, whitespace, doubled-word and length (l10n.checks.text)."""

from __future__ import annotations

import pytest

from l10n.checks.base import CheckContext
from l10n.checks.text import check_doubled_word, check_empty, check_fuzzy, check_length, check_whitespace
from l10n.po.catalog import Entry

ZH = CheckContext("zh")
EN = CheckContext("en_GB")


def messages(check, source: str, target: str, ctx: CheckContext = ZH) -> list[str]:
    return [p[0] if isinstance(p, tuple) else p for p in check(source, target, ctx)]


# --- whitespace ---------------------------------------------------------------

WHITESPACE_PASS = [
    pytest.param("Hello.", "你好。", id="plain"),
    pytest.param("Hello.\n", "你好。\n", id="same-trailing-newline"),
    pytest.param("  Indented", "  缩进", id="same-leading-spaces"),
    pytest.param("Use Poedit now.", "现在使用 Poedit 吧。", id="space-around-latin-allowed"),
    pytest.param("It is 5 GW.", "装机 5 GW。", id="space-around-digits-allowed"),
    pytest.param("A  B", "甲  乙", id="double-space-copied-from-source-outside-chinese"),
]


@pytest.mark.parametrize("source,target", WHITESPACE_PASS)
def test_whitespace_pass(source: str, target: str) -> None:
    found = messages(check_whitespace, source, target)
    if source == "A  B":  # spaces between Chinese characters remain a finding
        assert found == ["a space between Chinese characters: remove it (Chinese is written without spaces)"]
    else:
        assert found == []


WHITESPACE_FAIL = [
    pytest.param("Hello.\n", "你好。", "trailing whitespace differs", id="trailing-newline-lost"),
    pytest.param("Hello.", " 你好。", "leading whitespace differs", id="leading-space-added"),
    pytest.param("Hangzhou is a city.", "杭州是 一座城市。", "between Chinese characters", id="space-between-han"),
    pytest.param("Hangzhou is a city.", "杭州是一座城市 。", "between Chinese characters", id="space-before-fullwidth-stop"),
    pytest.param("Hangzhou is a city.", "杭州是一座城市，\u3000很美。", "between Chinese characters", id="ideographic-space"),
    pytest.param("In Poedit.", "在Poedit  中。", "double space", id="double-space"),
]


@pytest.mark.parametrize("source,target,expected", WHITESPACE_FAIL)
def test_whitespace_fail(source: str, target: str, expected: str) -> None:
    found = messages(check_whitespace, source, target)
    assert any(expected in m for m in found), found


# --- doubled-word -------------------------------------------------------------

DOUBLED_PASS = [
    pytest.param("杭州的城市大脑。", ZH, id="plain"),
    pytest.param("常常、天天、人人、渐渐、一一", ZH, id="normal-reduplication"),
    pytest.param("背后是一个个实实在在的人。", ZH, id="AABB-实实在在"),
    pytest.param("他的的确确来过。", ZH, id="AABB-的的确确"),
    pytest.param("不了了之", ZH, id="idiom-不了了之"),
    pytest.param("He said that that was fine.", EN, id="that-that"),
    pytest.param("She had had enough.", EN, id="had-had"),
]


@pytest.mark.parametrize("target,ctx", DOUBLED_PASS)
def test_doubled_word_pass(target: str, ctx: CheckContext) -> None:
    assert messages(check_doubled_word, "source", target, ctx) == []


DOUBLED_FAIL = [
    pytest.param("杭州的的城市大脑。", ZH, "的", id="的的"),
    pytest.param("他在在家。", ZH, "在", id="在在"),
    pytest.param("Read the the manual.", EN, "“the”", id="the-the"),
    pytest.param("采用the the方法", ZH, "“the”", id="latin-in-chinese"),
    pytest.param("Read The the manual.", EN, "“The”", id="case-insensitive"),
]


@pytest.mark.parametrize("target,ctx,expected", DOUBLED_FAIL)
def test_doubled_word_fail(target: str, ctx: CheckContext, expected: str) -> None:
    found = messages(check_doubled_word, "source", target, ctx)
    assert len(found) == 1 and expected in found[0], found


def test_doubled_word_copied_from_source_is_not_the_translators() -> None:
    assert messages(check_doubled_word, "Type the the command.", "Type the the command.", EN) == []


# --- length -------------------------------------------------------------------

LONG_SOURCE = "Lujia village has established a development blueprint with 18 theme farms as leading projects."


@pytest.mark.parametrize(
    "source,target,ctx,expected",
    [
        pytest.param(LONG_SOURCE, "鲁家村以18个主题农场为龙头项目，制定了发展蓝图。", ZH, None, id="typical-ratio"),
        pytest.param("Yes.", "是的，没错，就是这样，完全正确。", ZH, None, id="short-source-not-judged"),
        pytest.param(LONG_SOURCE, "鲁家村有农场。", ZH, "short", id="too-short"),
        pytest.param("The village has changed a lot.", "这个村庄变化很大。" * 6, ZH, "long", id="too-long"),
        pytest.param(LONG_SOURCE, LONG_SOURCE.replace("village", "Dorf"), CheckContext("de"), None, id="other-language"),
        pytest.param(LONG_SOURCE, "Lujia.", CheckContext("de"), "short", id="other-language-short"),
    ],
)
def test_length(source: str, target: str, ctx: CheckContext, expected: str | None) -> None:
    found = messages(check_length, source, target, ctx)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and f"the translation is {expected}" in found[0], found


# --- empty and fuzzy ----------------------------------------------------------


def ctx_for(entry: Entry, index: int = 0) -> CheckContext:
    return CheckContext("zh", entry=entry, plural_index=index)


def test_empty_fuzzy_entry() -> None:
    entry = Entry(msgid="Draft.", msgstr="", flags=("fuzzy",))
    assert messages(check_empty, "Draft.", "", ctx_for(entry)) == [
        "the entry is marked fuzzy but has no translation: draft it or remove the fuzzy flag"
    ]


def test_whitespace_only_translation() -> None:
    entry = Entry(msgid="Blank.", msgstr="  ")
    assert "only whitespace" in messages(check_empty, "Blank.", "  ", ctx_for(entry))[0]


def test_plural_with_one_empty_form() -> None:
    entry = Entry(msgid="%d file", msgid_plural="%d files", msgstr_plural=("%d Datei", ""))
    assert "msgstr[1] is empty" in messages(check_empty, "%d files", "", ctx_for(entry, 1))[0]


def test_untranslated_entry_is_not_empty_finding() -> None:
    entry = Entry(msgid="Nothing yet.")
    assert messages(check_empty, "Nothing yet.", "", ctx_for(entry)) == []


def test_translated_entry_is_not_empty() -> None:
    entry = Entry(msgid="Hi.", msgstr="你好。")
    assert messages(check_empty, "Hi.", "你好。", ctx_for(entry)) == []


def test_fuzzy_notes_drafts_only() -> None:
    draft = Entry(msgid="Hi.", msgstr="你好。", flags=("fuzzy",))
    reviewed = Entry(msgid="Hi.", msgstr="你好。")
    assert messages(check_fuzzy, "Hi.", "你好。", ctx_for(draft)) == [
        "unreviewed draft: review the translation and remove the fuzzy flag"
    ]
    assert messages(check_fuzzy, "Hi.", "你好。", ctx_for(reviewed)) == []

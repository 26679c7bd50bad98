"""Codes, their checks, escaping and rendering shared by every format."""

from __future__ import annotations

import pytest

from l10n.formats.base import codes_problems, escape_text
from l10n.formats.inline import Item, block_parts, text_items


@pytest.mark.parametrize(
    "source, target, problem",
    [
        ("<g1>a</g1> b", "b <g1>a</g1>", None),
        ("<g1>a</g1><x2/>", "<x2/><g1>a</g1>", None),
        ("<g1>a</g1>", "a</g1>", "<g1> of the source is missing"),
        ("<g1>a</g1>", "<g1>a</g1></g1>", "appears 2 times"),
        ("a", "<x1/>a", "which the source does not have"),
        ("<g1>a</g1>", "</g1>a<g1>", "closes out of order"),
        ("<g1><g2>a</g2></g1>", "<g1><g2>a</g1></g2>", "closes out of order"),
    ],
    ids=["moved", "isolated-moved", "missing", "doubled", "added", "reversed", "crossed"],
)
def test_codes_problems(source, target, problem):
    problems = codes_problems(source, target)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


@pytest.mark.parametrize(
    "kind, text, written",
    [
        ("md", "a *b* [c]\nd", "a \\*b\\* \\[c\\] d"),
        ("md-cell", "a | b", "a \\| b"),
        ('md-title-"', 'say "hi"', 'say \\"hi\\"'),
        ("html", "a < b & c", "a &lt; b &amp; c"),
        ('html-attr-"', 'a "b" & c', "a &quot;b&quot; &amp; c"),
        ("html-attr-", "two words", '"two words"'),
        ("yaml-", "plain text", "plain text"),
        ("yaml-", "key: value", '"key: value"'),
        ("yaml-'", "it's", "it''s"),
        ("text", "a *b*", "a *b*"),
    ],
)
def test_escape_text(kind, text, written):
    assert escape_text(text, kind) == written


@pytest.mark.parametrize(
    "text, written",
    [("# 标题", "\\# 标题"), ("- 项", "\\- 项"), ("1. 第一", "1\\. 第一"), ("> 引", "\\> 引"),
     ("2024-01 发布", "2024-01 发布"), ("-5 度", "-5 度"), ("3.5 倍", "3.5 倍")],
)  # fmt: skip
def test_markdown_block_markers_at_the_start_of_a_unit_are_escaped(text, written):
    assert escape_text(text, "md", at_start=True) == written
    assert escape_text(text, "md") == text


def test_block_parts_rebuilds_the_block_and_numbers_codes_per_sentence():
    items = [*text_items("  One ", 0), Item("", ["**"], 6, "open", "b"), *text_items("two.  Three", 8),
             Item("", ["**"], 19, "close", "b"), *text_items(" four. Five ", 21), Item("", ["<br>"], 32, "isolated")]  # fmt: skip
    parts = block_parts(items, lambda offset: 1, 0)
    units = [p for p in parts if not isinstance(p, str)]
    assert [u.text for u in units] == ["One <g1>two. Three</g1> four.", "Five"]
    from l10n.formats.base import flat

    assert flat(parts) == "  One **two.  Three** four. Five <br>"


def test_a_block_without_words_is_verbatim():
    assert block_parts(text_items(" 42 — 7 ", 0), lambda offset: 1, 0) == [" 42 — 7 "]


def test_text_that_looks_like_a_code_is_made_one():
    items = text_items("literal <g1> here", 0)
    [unit] = block_parts(items, lambda offset: 1, 0)
    assert unit.text == "literal <x1/> here" and unit.markup("<x1/>") == ("<g1>",)

"""HTML reader/writer: text runs, inline tags as codes, named attributes, byte-exact rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_corpus_round_trip, assert_nothing_non_translatable

from l10n.formats.base import render
from l10n.formats.html import read
from l10n.formats.source import FormatOptions

CORPUS = Path(__file__).parent / "data" / "documents"
DOCUMENTS = sorted([*CORPUS.glob("*.html"), *CORPUS.glob("*.htm")])


def texts(source: str) -> list[str]:
    return [unit.text for unit in read(source, "doc.html", FormatOptions()).units()]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_identity_round_trip_is_byte_exact(path):
    assert_corpus_round_trip(path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_catalogue_has_nothing_non_translatable(path):
    assert_nothing_non_translatable(path)


def test_what_is_translated():
    source = (
        "<html><head><title>Page</title><script>var s = 'Not this.';</script><style>p{}</style></head>"
        "<body><!-- Not this either. --><h1 class=\"big\">Head</h1><p>One. Two <a href=\"u\" title=\"Tip\">link</a>.</p>"
        "<img src=\"x.png\" alt=\"Alt\" data-note=\"Not this.\"><input placeholder=\"Name\" aria-label='Your name'>"
        "<pre>Code block.</pre><p>Run <code>make it</code> now.</p></body></html>"
    )
    assert texts(source) == ["Page", "Head", "One.", "Two <g1>link</g1>.", "Tip", "Alt", "Name", "Your name", "Run <x1/> now."]


def test_unclosed_elements_are_read_as_html_does():
    assert texts("<ul><li>One<li>Two</ul><p>First<p>Second <b>bold") == ["One", "Two", "First", "Second <x1/>bold"]


def test_entities_are_characters_in_the_msgid_and_escaped_again_when_translated():
    document = read("<p>Fish &amp; chips &lt;3</p>", "doc.html", FormatOptions())
    assert [u.text for u in document.units()] == ["Fish & chips <3"]
    assert render(document, lambda unit: "鱼 & 薯条 <3") == "<p>鱼 &amp; 薯条 &lt;3</p>"


def test_translated_attributes_are_quoted():
    document = read("<img alt=Cat title='A \"cat\"'>", "doc.html", FormatOptions())
    table = {"Cat": "猫 咪", 'A "cat"': "一只'猫'"}
    assert render(document, lambda unit: table.get(unit.text)) == "<img alt=\"猫 咪\" title='一只&#39;猫&#39;'>"


def test_codes_move_with_the_translation():
    document = read("<p>Click <b>Save</b> then <a href='/x'>go back</a>.</p>", "doc.html", FormatOptions())
    [unit] = document.units()
    assert unit.text == "Click <g1>Save</g1> then <g2>go back</g2>."
    out = render(document, lambda u: "<g2>返回</g2>之前点击<g1>保存</g1>。")
    assert out == "<p><a href='/x'>返回</a>之前点击<b>保存</b>。</p>"


def test_a_lone_less_than_sign_is_text():
    assert texts("<p>Broken < tag here.</p>") == ["Broken < tag here."]


def test_lines_of_units():
    source = "<html>\r\n<body>\r\n<p>One.\r\nTwo.</p>\r\n<img alt='Pic'>\r\n</body></html>"
    assert [(u.text, u.line) for u in read(source, "d", FormatOptions()).units()] == [("One.", 3), ("Two.", 4), ("Pic", 5)]


def test_unclosed_script_and_comment_stay_verbatim():
    for source in (
        "<p>Text.</p><script>if (a < b) { s = 'Not text.'",
        "<p>Text.</p><!-- never closed <p>Not text.",
        "<p>Text.</p><p>More <b title='Not text.",
    ):
        document = read(source, "d", FormatOptions())
        assert [u.text for u in document.units()][:1] == ["Text."]
        assert not any("Not text" in u.text for u in document.units())
        assert render(document, lambda unit: None) == source


def test_a_line_break_between_sentences_separates_them():
    assert texts("<p>First line.<br>Second line.<br/>Third<br>line.</p>") == ["First line.", "Second line.", "Third<x1/>line."]

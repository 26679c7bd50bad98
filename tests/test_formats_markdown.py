"""Markdown reader/writer: what is translatable, codes, byte-exact rebuild, references."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_corpus_round_trip, assert_nothing_non_translatable

from l10n.formats.base import flat, render
from l10n.formats.markdown import _Reader, read
from l10n.formats.source import FormatOptions

CORPUS = Path(__file__).parent / "data" / "documents"
DOCUMENTS = sorted(CORPUS.glob("*.md"))


def texts(source: str, **options) -> list[str]:
    return [unit.text for unit in read(source, "doc.md", FormatOptions(**options)).units()]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_identity_round_trip_is_byte_exact(path):
    document = assert_corpus_round_trip(path)
    assert flat(document.parts) == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_catalogue_has_nothing_non_translatable(path):
    # every code block, code span, URL, comment and unnamed front-matter value of the corpus holds "zzkeep"
    assert_nothing_non_translatable(path)
    reader = _Reader(path.read_bytes().decode("utf-8").removeprefix("\ufeff"), FormatOptions())
    reader.parts()
    assert reader.skipped == []


def test_blocks_that_are_translated():
    source = (
        "# Title *here*\n\nFirst one. Second one.\n\n- item\n  1. nested item\n\n> quoted\n\n"
        "| Head | Other |\n|---|---|\n| cell | `code` |\n\n![Alt text](a.png \"Image title\")\n"
        "[link](http://x.y 'Link title')\n"
    )
    assert texts(source) == [
        "Title <g1>here</g1>", "First one.", "Second one.", "item", "nested item", "quoted",
        "Head", "Other", "cell", "Alt text", "Image title", "link", "Link title",
    ]  # fmt: skip


def test_code_blocks_spans_urls_and_comments_are_not_translated():
    source = "```\nfenced code\n```\n\n    indented code\n\n<!-- a comment -->\n\nRun `make all` at <https://x.y>.\n"
    assert texts(source) == ["Run <x1/> at <x2/>."]


def test_bare_urls_and_e_mail_addresses_are_codes():
    assert texts("Visit https://x.y/a?b=1. Then mail me@ex.com or www.e.com now.\n") == [
        "Visit <x1/>.", "Then mail <x1/> or <x2/> now.",
    ]  # fmt: skip


def test_front_matter_keys_named_by_the_project():
    source = "---\ntitle: \"A title\"\ndescription: 'It''s short'\nlayout: post\nsummary: Plain text\n---\nBody.\n"
    assert texts(source) == ["A title", "It's short", "Body."]
    assert texts(source, front_matter_keys=("summary",)) == ["Plain text", "Body."]


def test_inline_markup_becomes_paired_codes_numbered_per_sentence():
    source = "See **bold** and [a *link*](http://x.y). Then <b>raw</b> HTML<br>here.\n"
    assert texts(source) == ["See <g1>bold</g1> and <g2>a <g3>link</g3></g2>.", "Then <g1>raw</g1> HTML<x2/>here."]


def test_a_pair_across_sentences_keeps_them_together():
    assert texts("**One. Two.** Three.\n") == ["<g1>One. Two.</g1>", "Three."]


def test_escapes_and_entities_read_as_characters():
    assert texts("A \\*star\\* &amp; caf&eacute;.\n") == ["A *star* & café."]


def test_translation_rebuilds_the_structure():
    source = "> Quote with **bold** and a [link](http://x.y \"Title\").\n\n| A | B |\n|---|---|\n| one | two |\n"
    document = read(source, "doc.md", FormatOptions())
    table = {
        "Quote with <g1>bold</g1> and a <g2>link</g2>.": "引用 <g2>链接</g2> 和 <g1>粗体</g1>。",
        "Title": "标题",
        "one": "一 | 壹",
    }
    out = render(document, lambda unit: table.get(unit.text))
    assert out == (
        "> 引用 [链接](http://x.y \"标题\") 和 **粗体**。\n\n| A | B |\n|---|---|\n| 一 \\| 壹 | two |\n"
    )


def test_translated_front_matter_value_is_quoted_when_needed():
    document = read("---\ntitle: Plain\n---\n", "doc.md", FormatOptions())
    assert render(document, lambda unit: "Key: value") == '---\ntitle: "Key: value"\n---\n'


def test_references_point_at_the_source_line():
    source = "---\ntitle: T\n---\n\n# Head\r\n\r\nPara one\r\ncontinues. Second.\r\n"
    units = read(source, "doc.md", FormatOptions()).units()
    assert [(u.text, u.line) for u in units] == [("T", 2), ("Head", 5), ("Para one continues.", 7), ("Second.", 8)]


def test_unchanged_segments_keep_their_msgids_when_the_document_changes():
    before = texts("Intro **one**. Keep *this* one.\n\nOther para [x](y).\n")
    after = texts("New **sentence** first. Intro **one**. Keep *this* one.\n\nOther para [x](z).\n")
    assert set(before) <= set(after)


def test_byte_order_mark_and_lone_cr_are_kept():
    source = "\ufeff# Head\rText *here*.\r"
    document = read(source, "doc.md", FormatOptions())
    assert [u.text for u in document.units()] == ["Head", "Text <g1>here</g1>."]
    assert render(document, lambda unit: None) == source

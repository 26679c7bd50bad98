"""TBX export and import: structure other tools read, and a lossless round trip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from l10n.errors import L10nError
from l10n.glossary.load import load_glossary
from l10n.glossary.model import LangMap, Term
from l10n.glossary.tbx import format_tbx, parse_tbx, read_tbx

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "glossary"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}


def strip_origin(terms):
    # file and line are provenance, not content: compare=False already; keep explicit.
    return [(t.source, dict(t.targets), dict(t.forbidden), t.case_sensitive, t.do_not_translate, t.note, t.pos, t.status) for t in terms]


# XML 1.0 cannot carry control characters or non-characters; the glossary strips cells.
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1).map(str.strip)
_langs = st.sampled_from(["zh", "zh_TW", "fr", "pt_BR"])
_terms = st.builds(
    Term,
    source=_text.filter(bool),
    targets=st.dictionaries(_langs, _text.filter(bool), max_size=3).map(LangMap),
    forbidden=st.dictionaries(_langs, st.lists(_text.filter(bool), min_size=1, max_size=3).map(tuple), max_size=2),
    case_sensitive=st.booleans(),
    do_not_translate=st.booleans(),
    note=_text.filter(lambda s: not s.startswith("l10n-flags:")),
    pos=st.sampled_from(["", "noun", "properNoun", "adjective", "other"]),
    status=st.sampled_from(["approved", "proposed"]),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_terms, max_size=6))
def test_export_then_import_is_the_identity(terms):
    read, warnings = parse_tbx(format_tbx(terms, version="abc"))
    assert warnings == []
    assert read == terms
    assert strip_origin(read) == strip_origin(terms)


@pytest.fixture(scope="module")
def project_tbx() -> tuple[list[Term], bytes]:
    glossary = load_glossary(REPO / "glossary")
    return list(glossary.terms), format_tbx(glossary.terms, "en", glossary.version).encode("utf-8")


def test_exported_structure_is_tbx_basic(project_tbx):
    terms, data = project_tbx
    root = etree.fromstring(data)  # lxml: a second, independent parser
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(XML_LANG) == "en"
    assert [child.tag for child in root] == ["martifHeader", "text"]
    entries = root.findall("text/body/termEntry")
    assert len(entries) == len(terms)
    assert len({e.get("id") for e in entries}) == len(entries)
    for entry, term in zip(entries, terms):
        lang_sets = entry.findall("langSet")
        assert [ls.get(XML_LANG) for ls in lang_sets][0] == "en"
        assert all(ls.get(XML_LANG) for ls in lang_sets)
        for tig in entry.iter("tig"):
            assert len(tig.findall("term")) == 1 and tig.findtext("term")
            statuses = [n.text for n in tig.findall("termNote") if n.get("type") == "administrativeStatus"]
            assert len(statuses) == 1 and statuses[0] in STATUSES
        source_tig = lang_sets[0].find("tig")
        assert source_tig.findtext("term") == term.source
        expected = "preferredTerm-admn-sts" if term.approved else "admittedTerm-admn-sts"
        assert source_tig.xpath("termNote[@type='administrativeStatus']/text()") == [expected]


def test_forbidden_variants_are_deprecated_terms(project_tbx):
    _, data = project_tbx
    root = etree.fromstring(data)
    entry = next(e for e in root.iter("termEntry") if e.findtext("langSet/tig/term") == "common prosperity")
    zh = entry.xpath("langSet[@xml:lang='zh']")[0]
    by_status = {}
    for tig in zh.findall("tig"):
        status = tig.xpath("termNote[@type='administrativeStatus']/text()")[0]
        by_status.setdefault(status, []).append(tig.findtext("term"))
    assert by_status["preferredTerm-admn-sts"] == ["共同富裕"]
    assert {"共同繁荣", "共同繁華"} <= set(by_status["deprecatedTerm-admn-sts"])


def test_project_glossary_round_trips_through_tbx(project_tbx, tmp_path):
    terms, data = project_tbx
    (tmp_path / "g.tbx").write_bytes(data)
    read, warnings = read_tbx(tmp_path / "g.tbx")
    assert warnings == [] and read == terms


def test_import_other_tools_tbx():
    terms, warnings = read_tbx(DATA / "external.tbx")
    assert [t.source for t in terms] == ["health code", "City Brain", "family farm"]
    health, brain, farm = terms
    assert health.target("zh_CN") == "健康码" and health.approved and health.pos == "noun"
    assert health.forbidden_in("zh_CN") == ("健康代码",)
    assert brain.status == "proposed" and brain.target("zh_CN") == "城市大脑"
    assert brain.note == "Hangzhou's urban data platform"
    # No status at all: imported, not enforced until approved.
    assert farm.status == "proposed" and farm.target("zh_CN") == "家庭农场"
    assert any("second zh_CN target '家庭农场主'" in w for w in warnings)


@pytest.mark.parametrize(
    "text, line",
    [
        ('<?xml version="1.0"?>\n<martif>\n<text><body>\n</martif>\n', 4),
        ('<?xml version="1.0"?>\n<html/>\n', None),
    ],
)
def test_import_rejects_what_is_not_tbx(text, line):
    with pytest.raises(L10nError) as info:
        parse_tbx(text, Path("in.tbx"))
    assert info.value.path == Path("in.tbx") and info.value.line == line


# --- characters XML treats specially ------------------------------------------

# Line breaks and tabs inside a cell: legal in XML, but a parser turns a raw CR into LF.
_broken = st.lists(st.sampled_from(["a", "杭州", " ", "\r", "\n", "\r\n", "\t", "&", "<"]), min_size=1, max_size=8).map(
    lambda parts: "x" + "".join(parts) + "y"
)


@settings(max_examples=60, deadline=None)
@given(_broken, _broken)
def test_line_breaks_and_tabs_survive_the_round_trip(source, target):
    term = Term(source=source, targets=LangMap({"zh": target}), note=target)
    (read,), warnings = parse_tbx(format_tbx([term]))
    assert (read.source, read.targets["zh"], read.note) == (source, target, target)


@pytest.mark.parametrize("char", ["\x01", "\x00", "\x1b", "\ufffe"])
def test_a_character_xml_cannot_carry_is_refused_with_the_glossary_row(char, tmp_path):
    term = Term(source=f"Hang{char}zhou", targets=LangMap({"zh": "杭州"}), file=tmp_path / "terms.csv", line=7)
    with pytest.raises(L10nError) as error:
        format_tbx([term])
    text = str(error.value)
    assert "terms.csv:7" in text and f"U+{ord(char):04X}" in text and "source field" in text


def test_a_forbidden_variant_with_a_control_character_is_refused(tmp_path):
    term = Term(source="Hangzhou", targets=LangMap({"zh": "杭州"}), forbidden=LangMap({"zh": ("杭\x07州",)}))
    with pytest.raises(L10nError, match="forbidden zh field .* U\\+0007"):
        format_tbx([term])


def test_read_tbx_refuses_what_is_not_a_regular_file(tmp_path):
    with pytest.raises(L10nError, match="is a directory, not a TBX file"):
        read_tbx(tmp_path)
    fifo = tmp_path / "terms.tbx"
    os.mkfifo(fifo)
    with pytest.raises(L10nError, match="FIFO"):
        read_tbx(fifo)


def test_entity_expansion_and_external_entities_are_refused(tmp_path):
    bad = Path(__file__).parent / "data" / "bad"
    for name, words in (("tbx.billion-laughs.tbx", "not well-formed XML"), ("tbx.external-entity.tbx", "undefined entity")):
        with pytest.raises(L10nError, match=words):
            read_tbx(bad / name)

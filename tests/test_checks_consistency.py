"""The consistency check and its translation memory (l10n.checks.consistency)."""

from __future__ import annotations

from l10n.checks import check_catalog, get_check
from l10n.checks.base import pairs
from l10n.po.catalog import Catalog, Entry
from l10n.po.memory import TranslationMemory

CONSISTENCY = [get_check("consistency")]


def cat(*entries: Entry) -> Catalog:
    return Catalog(entries=entries)


def run(catalogs: dict[str, Catalog]) -> list[tuple[str, int, str]]:
    memory = TranslationMemory(catalogs.items())
    found = []
    for path, catalog in catalogs.items():
        found += [(f.path, f.line, f.message) for f in check_catalog(catalog, "zh", checks=CONSISTENCY, memory=memory, path=path)]
    return found


def test_two_reviewed_translations_differ() -> None:
    found = run({
        "a.po": cat(Entry(msgid="Common prosperity.", msgstr="共同富裕。", line=3)),
        "b.po": cat(Entry(msgid="Common prosperity.", msgstr="共同致富。", line=8)),
    })
    assert [(p, line) for p, line, _ in found] == [("a.po", 3), ("b.po", 8)]
    assert "“共同致富。” in b.po:8" in found[0][2]
    assert "“共同富裕。” in a.po:3" in found[1][2]


def test_same_translation_whitespace_aside_is_consistent() -> None:
    assert run({
        "a.po": cat(Entry(msgid="Hi.", msgstr="你好。", line=1)),
        "b.po": cat(Entry(msgid="Hi.", msgstr=" 你好。 ", line=1)),
    }) == []


def test_context_separates_messages() -> None:
    assert run({
        "a.po": cat(Entry(msgid="Open", msgstr="打开", msgctxt="button", line=1)),
        "b.po": cat(Entry(msgid="Open", msgstr="开放", msgctxt="status", line=1)),
    }) == []


def test_a_draft_is_compared_with_reviewed_ones_but_never_blamed_on_them() -> None:
    found = run({
        "a.po": cat(Entry(msgid="Hi.", msgstr="你好。", line=1)),
        "b.po": cat(Entry(msgid="Hi.", msgstr="您好。", flags=("fuzzy",), line=2)),
    })
    assert [(p, line) for p, line, _ in found] == [("b.po", 2)]


def test_single_catalogue_has_nothing_to_disagree_with() -> None:
    assert run({"a.po": cat(Entry(msgid="Hi.", msgstr="你好。", line=1))}) == []


def test_pairs_of_plural_entries() -> None:
    assert pairs(Entry(msgid="a", msgstr="b")) == [("a", "b")]
    assert pairs(Entry(msgid="a", msgid_plural="as", msgstr_plural=("x",))) == [("as", "x")]
    assert pairs(Entry(msgid="a", msgid_plural="as", msgstr_plural=("x", "y"))) == [("a", "x"), ("as", "y")]

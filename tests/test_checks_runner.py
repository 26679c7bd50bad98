"""The check table, selection by id, and the catalogue runner (l10n.checks)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pogen import catalogs

from l10n.checks import CHECKS, GLOSSARY_CHECKS, CheckResult, check_catalog, get_check, select_checks
from l10n.checks.base import Finding, Severity
from l10n.errors import L10nError
from l10n.po.catalog import Catalog, Entry

EXPECTED_TABLE = {
    "empty": "error",
    "glossary": "error",
    "forbidden": "error",
    "numbers": "error",
    "placeholders": "error",
    "punctuation": "warning",
    "untranslated-text": "warning",
    "whitespace": "warning",
    "doubled-word": "warning",
    "length": "warning",
    "consistency": "warning",
    "confirmed-low-draft": "warning",
    "fuzzy": "info",
    "plural-forms": "error",
}


def test_table_ids_and_severities() -> None:
    assert {c.id: c.severity.value for c in CHECKS} == EXPECTED_TABLE
    assert len({c.id for c in CHECKS}) == len(CHECKS)
    assert all(c.description and callable(c.function) for c in CHECKS)


def test_select_only_skip_glossary_only() -> None:
    assert [c.id for c in select_checks(only=["numbers", "glossary"])] == ["glossary", "numbers"]
    assert "fuzzy" not in [c.id for c in select_checks(skip=["fuzzy"])]
    assert [c.id for c in select_checks(glossary_only=True)] == list(GLOSSARY_CHECKS)
    assert [c.id for c in select_checks(only=["numbers"], glossary_only=True)] == []


def test_unknown_id_lists_the_known_ones() -> None:
    with pytest.raises(L10nError) as info:
        select_checks(only=["numbres"])
    assert "numbres" in info.value.message
    assert "numbers" in info.value.hint and "untranslated-text" in info.value.hint
    with pytest.raises(L10nError):
        get_check("nope")


def catalog(*entries: Entry) -> Catalog:
    return Catalog(entries=(Entry(msgid="", msgstr="Language: zh\n"), *entries))


def test_which_entries_are_checked() -> None:
    cat = catalog(
        Entry(msgid="Untranslated.", line=5),
        Entry(msgid="Obsolete.", msgstr="过时.", obsolete=True, line=7),
        Entry(msgid="Reviewed.", msgstr="已审校.", line=9),
        Entry(msgid="Draft.", msgstr="草稿.", flags=("fuzzy",), line=11),
    )
    found = check_catalog(cat, "zh", path="x.po")
    assert {(f.line, f.check) for f in found} == {(9, "punctuation"), (11, "punctuation"), (11, "fuzzy")}
    draft = [f for f in found if f.line == 11 and f.check == "punctuation"][0]
    assert draft.fuzzy and draft.severity == "warning" and draft.lang == "zh"
    assert draft.path == "x.po" and draft.msgid == "Draft." and draft.location == "x.po:11"
    assert draft.span == (2, 3)


def test_long_msgid_is_an_excerpt() -> None:
    long = "word " * 40
    found = check_catalog(catalog(Entry(msgid=long, msgstr="词。", line=3)), "zh", checks=[get_check("length")])
    assert len(found) == 1 and len(found[0].msgid) <= 60 and found[0].msgid.endswith("…")


def test_plural_forms_are_checked_each() -> None:
    entry = Entry(
        msgid="%d file was checked.",
        msgid_plural="%d files were checked.",
        msgstr_plural=("%d Datei wurde geprüft.", ""),
        flags=("c-format",),
        line=4,
    )
    found = check_catalog(catalog(entry), "de")
    assert [(f.check, f.message) for f in found] == [
        ("empty", "plural form msgstr[1] is empty while other forms are translated: fill it in")
    ]
    single = Entry(msgid="One file", msgid_plural="%d files", msgstr_plural=("%d个文件",), flags=("c-format",))
    assert check_catalog(catalog(single), "zh") == []  # the one Chinese form answers msgid_plural


def test_same_message_is_reported_once_per_entry() -> None:
    entry = Entry(msgid="%s %s", msgid_plural="%s %s many", msgstr_plural=("a", "b"), flags=("c-format",))
    found = check_catalog(catalog(entry), "de", checks=[get_check("placeholders")])
    assert len(found) == 1


def test_checks_argument_restricts() -> None:
    cat = catalog(Entry(msgid="Draft.", msgstr="草稿.", flags=("fuzzy",)))
    assert [f.check for f in check_catalog(cat, "zh", checks=[get_check("fuzzy")])] == ["fuzzy"]


def test_result_counts_and_failure() -> None:
    findings = (
        Finding("numbers", "error", "a.po", 1, "x", "m"),
        Finding("punctuation", "warning", "a.po", 2, "y", "m"),
        Finding("fuzzy", "info", "a.po", 2, "y", "m", fuzzy=True),
    )
    result = CheckResult(findings, ("a.po",), ("zh",), tuple(EXPECTED_TABLE), 2)
    assert result.counts() == {"error": 1, "warning": 1, "info": 1}
    assert result.failed("error") and result.failed(Severity.WARNING) and result.failed("info")
    warnings_only = CheckResult(findings[1:], ("a.po",))
    assert not warnings_only.failed("error") and warnings_only.failed("warning")
    assert not CheckResult(()).failed("info")


def test_severity_ranks() -> None:
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank


def test_a_finding_holds_its_severity_as_the_enum_and_prints_it_plain() -> None:
    import json

    finding = Finding("numbers", "error", "a.po", 1, "x", "m")
    assert finding.severity is Severity.ERROR
    assert (f"{finding.severity}", json.dumps({finding.severity: finding.severity})) == ("error", '{"error": "error"}')
    with pytest.raises(ValueError):
        Finding("numbers", "fatal", "a.po", 1, "x", "m")


def _mixed_entries(n: int) -> list[Entry]:
    texts = [("We built 3 roads in 2020.", "我们在2020年修了4条路。"), ("Hello  world", "你好 世界"),
             ("Two reports.", ""), ("See %s now", "现在看"), ("the the end", "结束")]
    return [Entry(msgid=f"{src} #{i}", msgstr=tgt, line=i + 1, flags=("fuzzy",) if i % 7 == 0 else ())
            for i, (src, tgt) in ((i, texts[i % len(texts)]) for i in range(n))]


def test_two_processes_find_what_one_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    import l10n.checks as checks

    cat = catalog(*_mixed_entries(400))
    run = lambda: checks._check_catalog(cat, "zh", None, CHECKS, None, "doc.po", "en")  # noqa: E731
    monkeypatch.setattr(checks, "PARALLEL_MIN_ENTRIES", 10**9)
    serial, serial_count = run()
    monkeypatch.setattr(checks, "PARALLEL_MIN_ENTRIES", 100)
    monkeypatch.setattr(checks, "_can_fork", lambda: True)
    parallel, parallel_count = run()
    assert len(serial) > 400 and {f.check for f in serial} >= {"numbers", "whitespace", "fuzzy", "placeholders"}
    assert parallel == serial and parallel_count == serial_count == 400 - 400 // 5 + len(range(7, 400, 35))  # fuzzy empty ones count


def test_a_failed_child_leaves_its_half_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    import l10n.checks as checks

    cat = catalog(*_mixed_entries(300))
    monkeypatch.setattr(checks, "PARALLEL_MIN_ENTRIES", 10**9)
    serial = check_catalog(cat, "zh", path="doc.po")
    monkeypatch.setattr(checks, "PARALLEL_MIN_ENTRIES", 100)
    monkeypatch.setattr(checks, "_can_fork", lambda: True)
    monkeypatch.setattr(checks, "_child", lambda sender, entries, args: sender.close())
    assert check_catalog(cat, "zh", path="doc.po") == serial


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(catalog=catalogs(max_entries=20), lang=st.sampled_from(["zh", "fr", "ja"]))
def test_any_catalogue_the_reader_accepts_can_be_checked(catalog: Catalog, lang: str) -> None:
    """Plural entries, drafts, obsolete entries, escapes, empty forms: every check runs, screens or not."""
    import l10n.checks as checks
    from l10n.po.memory import TranslationMemory

    memory = TranslationMemory([("doc.po", catalog)])
    screened = checks._check_entries(catalog.active, lang, None, CHECKS, memory, "doc.po", "en", ())
    assert screened == checks._check_entries(catalog.active, lang, None, CHECKS, memory, "doc.po", "en", (), screens=False)


class _Unread:
    """A glossary or memory that fails the test when a check reads it."""

    def __getattr__(self, name: str):
        raise AssertionError(f"read .{name} without declaring it in the check table")


def test_a_check_reads_the_glossary_and_the_memory_only_when_its_row_says_so() -> None:
    from l10n.checks.base import CheckContext

    pairs = [("The City Brain project: 3 roads, %s.", "城市大脑 project：4条路."), ("Hello  world", "你好 世界")]
    declared = {c.id for c in CHECKS if c.glossary}, {c.id for c in CHECKS if c.memory}
    assert declared == ({"glossary", "forbidden", "untranslated-text"}, {"consistency"})
    for check in CHECKS:
        for source, target in pairs:
            entry = Entry(msgid=source, msgstr=target, line=1)
            ctx = CheckContext("zh", entry, glossary=None if check.glossary else _Unread(),
                               memory=None if check.memory else _Unread(), location="a.po:1")
            list(check.function(source, target, ctx))

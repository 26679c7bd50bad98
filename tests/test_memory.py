"""Translation memory: only reviewed translations, deterministic choice, one memory for drafting and consistency."""

from __future__ import annotations

from pathlib import Path

from l10n.po.catalog import Catalog, Entry
from l10n.po.memory import TranslationMemory


def catalog(name: str, *entries: Entry) -> tuple[str, Catalog]:
    return name, Catalog(entries=entries, path=Path(name))


def test_only_reviewed_translations_are_remembered():
    memory = TranslationMemory(
        [
            catalog(
                "a.po",
                Entry("Reviewed.", msgstr="已审校。", line=10),
                Entry("Draft.", msgstr="草稿。", flags=("fuzzy",)),
                Entry("Empty."),
                Entry("Gone.", msgstr="没了。", obsolete=True),
                Entry("One file.", msgid_plural="%d files.", msgstr_plural=("%d 个文件。",)),
            )
        ]
    )
    assert len(memory) == 1
    match = memory.lookup("Reviewed.")
    assert (match.target, match.path) == ("已审校。", Path("a.po"))
    for msgid in ("Draft.", "Empty.", "Gone.", "One file."):
        assert memory.lookup(msgid) is None
    # Consistency reads the same memory: the plural's form too, never the draft, the empty or the obsolete one.
    assert memory.held(None, "Reviewed.") == (("已审校。", "a.po:10"),)
    assert memory.held(None, "One file.", 0) == (("%d 个文件。", "a.po"),)
    for msgid in ("Draft.", "Empty.", "Gone."):
        assert memory.held(None, msgid) == ()


def test_context_is_part_of_the_key():
    memory = TranslationMemory([catalog("a.po", Entry("Open", msgstr="打开", msgctxt="verb"))])
    assert memory.lookup("Open") is None
    assert memory.lookup("Open", "verb").target == "打开"
    assert memory.held(None, "Open") == () and memory.held("verb", "Open") == (("打开", "a.po"),)


def test_most_frequent_translation_wins_then_the_first_seen():
    a = catalog("a.po", Entry("Hello.", msgstr="你好。"))
    b = catalog("b.po", Entry("Hello.", msgstr="您好。"))
    c = catalog("c.po", Entry("Hello.", msgstr="您好。"))
    assert TranslationMemory([a, b, c]).lookup("Hello.").target == "您好。"
    assert TranslationMemory([a, b]).lookup("Hello.").target == "你好。"
    assert TranslationMemory([b, a]).lookup("Hello.").target == "您好。"
    assert TranslationMemory([a, b, c]).lookup("Hello.").path == Path("b.po")  # where the winner was first seen
    assert [text for text, _ in TranslationMemory([a, b, c]).held(None, "Hello.")] == ["你好。", "您好。", "您好。"]


def test_whitespace_is_reused_as_it_was_but_never_compared():
    # Unchanged from the two memories this one replaces: drafting reused any reviewed text,
    # consistency compared real text only (a blank translation is the empty check's error).
    memory = TranslationMemory([catalog("a.po", Entry("Blank.", msgstr=" ", line=2))])
    assert memory.lookup("Blank.").target == " "
    assert memory.held(None, "Blank.") == ()

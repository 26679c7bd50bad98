"""Translation memory: only reviewed translations, deterministic choice."""

from __future__ import annotations

from pathlib import Path

from l10n.po.catalog import Catalog, Entry
from l10n.po.memory import TranslationMemory


def catalog(name: str, *entries: Entry) -> Catalog:
    return Catalog(entries=entries, path=Path(name))


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


def test_context_is_part_of_the_key():
    memory = TranslationMemory([catalog("a.po", Entry("Open", msgstr="打开", msgctxt="verb"))])
    assert memory.lookup("Open") is None
    assert memory.lookup("Open", "verb").target == "打开"


def test_most_frequent_translation_wins_then_the_first_seen():
    a = catalog("a.po", Entry("Hello.", msgstr="你好。"))
    b = catalog("b.po", Entry("Hello.", msgstr="您好。"))
    c = catalog("c.po", Entry("Hello.", msgstr="您好。"))
    assert TranslationMemory([a, b, c]).lookup("Hello.").target == "您好。"
    assert TranslationMemory([a, b]).lookup("Hello.").target == "你好。"
    assert TranslationMemory([b, a]).lookup("Hello.").target == "您好。"

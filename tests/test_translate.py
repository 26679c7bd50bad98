"""translate: memory, engine, glossary, provenance, never overwriting people."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from l10n.engines import EngineInfo
from l10n.po import provenance
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.project.config import load_settings
from l10n.translate import draft_state, translate_project

GLOSSARY = """\
source,zh,status,flags,forbidden:zh,pos,note
City Brain,城市大脑,approved,,城市之脑,noun,
Qinqing Online,亲清在线,approved,,亲情在线,noun,
"""


class FakeEngine:
    """Deterministic engine that records its calls; drafts are [zh] + source."""

    def __init__(self, keeps_placeholders: bool = False) -> None:
        self.info = EngineInfo(name="fake", model="fake-1", keeps_placeholders=keeps_placeholders)
        self.calls: list[list[str]] = []

    def translate_batch(self, sentences):
        self.calls.append(list(sentences))
        return [f"[zh] {s}" for s in sentences]


def make_project(tmp_path: Path, text: str, glossary: str | None = GLOSSARY) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n')
    if glossary is not None:
        (tmp_path / "glossary").mkdir()
        (tmp_path / "glossary" / "terms.csv").write_text(glossary, encoding="utf-8")
    return tmp_path


def run(project: Path, engine: FakeEngine, **kwargs):
    return translate_project(load_settings(project), "zh", build_engine=lambda choice: engine, **kwargs)


TEXT = "Hangzhou built the City Brain. It helps people.\nA Short Title\nQinqing Online serves firms.\n"


def test_every_untranslated_entry_gets_a_fuzzy_draft_with_provenance(tmp_path):
    project = make_project(tmp_path, TEXT)
    engine = FakeEngine()
    summary = run(project, engine, batch_size=2)
    po = read_catalog(project / "locales/zh/LC_MESSAGES/doc.po")
    assert len(po.entries) == 4
    for entry in po.entries:
        assert entry.fuzzy and entry.msgstr
        markers = [c for c in entry.translator_comments if c.startswith("l10n: ")]
        assert len(markers) == 1 and len(markers[0]) <= 70
        found = provenance.find(entry)
        assert (found.state, found.engine, found.model, found.quality) == ("d", "fake", "fake-1", "draft")
        assert found.glossary and found.matches_source(entry.msgid) and found.matches_text(entry.msgstr)
    assert summary.drafted == 4 and summary.reused == 0
    assert [len(c) for c in engine.calls] == [2, 2]  # batched


class OpaqueEngine(FakeEngine):
    """Drafts that contain nothing of the source (as a real model's may)."""

    def translate_batch(self, sentences):
        self.calls.append(list(sentences))
        return [f"草稿{len(s)}。" for s in sentences]


def test_glossary_terms_missing_from_a_draft_are_named_in_a_comment(tmp_path):
    project = make_project(tmp_path, TEXT)
    summary = run(project, OpaqueEngine())
    po = read_catalog(project / "locales/zh/LC_MESSAGES/doc.po")
    brain = next(e for e in po.entries if "City Brain" in e.msgid)
    assert any("城市大脑" in c and "City Brain" in c for c in brain.translator_comments)
    assert summary.terms_missing == 2 and summary.terms_enforced == 0
    assert summary.missing_terms == ("City Brain", "Qinqing Online")


def test_untranslated_term_copied_by_the_engine_is_repaired(tmp_path):
    project = make_project(tmp_path, TEXT)
    summary = run(project, FakeEngine())  # drafts echo the English source
    po = read_catalog(project / "locales/zh/LC_MESSAGES/doc.po")
    brain = next(e for e in po.entries if "City Brain" in e.msgid)
    assert brain.msgstr == "[zh] Hangzhou built the 城市大脑."
    assert summary.terms_missing == 0 and summary.terms_enforced == 2


def test_masking_engine_gets_approved_terms(tmp_path):
    project = make_project(tmp_path, TEXT)
    engine = FakeEngine(keeps_placeholders=True)
    summary = run(project, engine)
    po = read_catalog(project / "locales/zh/LC_MESSAGES/doc.po")
    brain = next(e for e in po.entries if "City Brain" in e.msgid)
    assert "城市大脑" in brain.msgstr and "City Brain" not in brain.msgstr
    assert not any("l10n-glossary" in c for c in brain.translator_comments)
    assert summary.terms_missing == 0 and summary.terms_enforced == 2
    assert all("City Brain" not in s for call in engine.calls for s in call)


def test_human_translation_is_never_overwritten_and_second_run_does_nothing(tmp_path):
    project = make_project(tmp_path, TEXT)
    settings = load_settings(project)
    run(project, FakeEngine())
    po_path = project / "locales/zh/LC_MESSAGES/doc.po"
    po = read_catalog(po_path)
    human = replace(po.entries[1], msgstr="它帮助人们。", flags=(), translator_comments=("checked",))
    human_fuzzy = replace(po.entries[2], msgstr="短标题", translator_comments=())
    write_catalog(po_path, replace(po, entries=(po.entries[0], human, human_fuzzy, po.entries[3])))

    engine = FakeEngine()
    summary = translate_project(settings, "zh", build_engine=lambda c: engine, redraft=True)
    after = read_catalog(po_path)
    assert after.entries[1].msgstr == "它帮助人们。" and not after.entries[1].fuzzy
    assert after.entries[2].msgstr == "短标题"
    assert engine.calls == [[po.entries[0].msgid, po.entries[3].msgid]]  # only l10n's own drafts

    engine = FakeEngine()
    summary = translate_project(settings, "zh", build_engine=lambda c: engine)
    assert engine.calls == [] and summary.engine_info is None
    assert summary.untouched == 2 and summary.kept_drafts == 2


def test_translation_memory_reuses_reviewed_translations_as_fuzzy(tmp_path):
    project = make_project(tmp_path, TEXT)
    (project / "seeds" / "other.txt").write_text("It helps people.\n", encoding="utf-8")
    settings = load_settings(project)
    run(project, FakeEngine())
    po_path = project / "locales/zh/LC_MESSAGES/doc.po"
    po = read_catalog(po_path)
    entries = tuple(replace(e, msgstr="它帮助人们。", flags=()) if e.msgid == "It helps people." else e for e in po.entries)
    write_catalog(po_path, replace(po, entries=entries))
    other = project / "locales/zh/LC_MESSAGES/other.po"
    write_catalog(other, replace(read_catalog(other), entries=tuple(replace(e, msgstr="", flags=(), translator_comments=()) for e in read_catalog(other).entries)))

    engine = FakeEngine()
    summary = translate_project(settings, "zh", build_engine=lambda c: engine)
    reused = read_catalog(other).entries[0]
    assert reused.msgstr == "它帮助人们。" and reused.fuzzy
    found = provenance.find(reused)
    assert (found.engine, found.model) == ("memory", "doc")
    assert summary.reused == 1 and engine.calls == []


def test_changed_source_redrafts_only_untouched_drafts(tmp_path):
    project = make_project(tmp_path, "The first sentence is here. The second sentence is here.\n")
    settings = load_settings(project)
    run(project, FakeEngine())
    po_path = project / "locales/zh/LC_MESSAGES/doc.po"
    po = read_catalog(po_path)
    edited = replace(po.entries[1], msgstr="第二句，译者改过。")
    write_catalog(po_path, replace(po, entries=(po.entries[0], edited)))
    (project / "seeds" / "doc.txt").write_text("The first sentence is there. The second sentence is there.\n")

    engine = FakeEngine()
    translate_project(settings, "zh", build_engine=lambda c: engine)
    after = read_catalog(po_path)
    assert engine.calls == [["The first sentence is there."]]
    assert after.entries[0].msgstr == "[zh] The first sentence is there." and after.entries[0].previous_msgid is None
    assert after.entries[1].msgstr == "第二句，译者改过。" and after.entries[1].fuzzy
    assert draft_state(after.entries[1]) == "edited-draft"


def test_interrupt_keeps_finished_drafts(tmp_path):
    project = make_project(tmp_path, "One sentence here. Two sentences here. Three sentences here. Four here.\n", glossary=None)

    class Interrupting(FakeEngine):
        def translate_batch(self, sentences):
            if self.calls:
                raise KeyboardInterrupt
            return super().translate_batch(sentences)

    with pytest.raises(KeyboardInterrupt):
        run(project, Interrupting(), batch_size=2)
    po = read_catalog(project / "locales/zh/LC_MESSAGES/doc.po")
    assert [bool(e.msgstr) for e in po.entries] == [True, True, False, False]
    engine = FakeEngine()
    summary = run(project, engine, batch_size=2)
    assert engine.calls == [["Three sentences here.", "Four here."]] and summary.kept_drafts == 2


def test_redraft_fuzzy_keeps_the_persons_text_in_a_comment(tmp_path):
    project = make_project(tmp_path, "A sentence to translate.\n", glossary=None)
    settings = load_settings(project)
    run(project, FakeEngine())
    po_path = project / "locales/zh/LC_MESSAGES/doc.po"
    po = read_catalog(po_path)
    person = replace(po.entries[0], msgstr="要翻译的句子，\n第二行", translator_comments=("Wang",))
    write_catalog(po_path, replace(po, entries=(person,)))

    translate_project(settings, "zh", build_engine=lambda c: FakeEngine())
    assert read_catalog(po_path).entries[0].msgstr == "要翻译的句子，\n第二行"  # not without asking

    translate_project(settings, "zh", build_engine=lambda c: FakeEngine(), redraft_fuzzy=True)
    entry = read_catalog(po_path).entries[0]
    assert entry.msgstr == "[zh] A sentence to translate." and entry.fuzzy
    assert "previous translation: 要翻译的句子，\\n第二行" in entry.translator_comments
    assert "Wang" in entry.translator_comments


def test_unknown_engine_is_refused_before_anything_is_written(tmp_path):
    from l10n.errors import L10nError

    project = make_project(tmp_path, "A sentence.\n", glossary=None)
    with pytest.raises(L10nError, match="unknown engine"):
        translate_project(load_settings(project), "zh", engine="deepl")
    assert not (project / "locales").exists()


def test_draft_states_are_one_closed_set() -> None:
    from l10n.po.catalog import Entry
    from l10n.translate import DraftState

    assert draft_state(Entry("a")) is DraftState.EMPTY and draft_state(Entry("a", "b")) is DraftState.HUMAN
    assert draft_state(Entry("a", msgid_plural="as", msgstr_plural=("", ""))) is DraftState.PLURAL
    assert draft_state(Entry("a", "b", flags=("fuzzy",))) == "human-fuzzy"  # prints and compares as before

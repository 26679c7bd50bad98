"""`l10n translate` through the real argos path: tiny random model, installed, end to end.

The model's output is nonsense by design, so these tests assert on mechanics:
engine choice, batching, fuzzy drafts with provenance, glossary
verification, people's translations untouched, no network.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from l10n.engines.registry import choose_engine
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.project.config import load_settings
from l10n.translate import translate_project

REPO = Path(__file__).resolve().parent.parent
TEXT = (
    "Hangzhou built the City Brain in 2016. It helps people every day.\n"
    "The Story of Qinqing Online\n"
    "Qinqing Online serves 53 government departments. Firms like it.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.txt").write_text(TEXT, encoding="utf-8")
    shutil.copytree(REPO / "glossary", tmp_path / "glossary")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n')
    return tmp_path


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_auto_picks_argos_when_a_model_is_installed(argos_home):
    choice = choose_engine("auto", "en", "zh")
    assert choice.name == "argos" and "installed" in choice.reason


def test_translate_end_to_end_through_argos(project, argos_home, no_network):
    settings = load_settings(project)
    from l10n.engines.argos import ArgosEngine

    calls = []

    def build(choice):
        engine = choice.build()
        assert isinstance(engine, ArgosEngine)
        original = engine.translate_batch

        def counted(sentences):
            calls.append(len(sentences))
            return original(sentences)

        engine.translate_batch = counted
        return engine

    summary = translate_project(settings, "zh", batch_size=2, build_engine=build)
    assert summary.engine == "argos" and summary.engine_info.name == "argos"
    assert summary.drafted == 5
    po_path = project / "locales/zh/LC_MESSAGES/doc.po"
    po = read_catalog(po_path)
    for entry in po.active:
        assert entry.fuzzy and entry.msgstr
        from l10n.po.provenance import find

        found = find(entry)
        assert found.engine == "argos" and summary.engine_info.model.startswith(found.model) and found.model
    # Verification: every sentence with a term either has its target or says which is missing.
    for entry in po.active:
        if "City Brain" in entry.msgid and "城市大脑" not in entry.msgstr:
            assert any("城市大脑" in c for c in entry.translator_comments)
    from l10n.glossary.load import load_glossary
    from l10n.glossary.model import find_terms

    glossary = load_glossary(project / "glossary")
    occurrences = sum(len(find_terms(e.msgid, glossary, "zh")) for e in po.active)
    assert occurrences >= 4 and summary.terms_enforced + summary.terms_missing == occurrences
    assert all(n <= 2 for n in calls)  # batches of at most --batch-size
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_path)], check=True)


def test_people_survive_an_argos_run(project, argos_home, no_network):
    settings = load_settings(project)
    translate_project(settings, "zh", engine="fallback")
    po_path = project / "locales/zh/LC_MESSAGES/doc.po"
    po = read_catalog(po_path)
    planted = replace(po.entries[1], msgstr="它每天都在帮助人们。", flags=(), translator_comments=())
    write_catalog(po_path, replace(po, entries=(po.entries[0], planted, *po.entries[2:])))

    summary = translate_project(settings, "zh", engine="argos", redraft=True)
    after = read_catalog(po_path)
    assert after.entries[1].msgstr == "它每天都在帮助人们。" and not after.entries[1].fuzzy
    assert summary.redrafted == 4 and summary.untouched == 1
    from l10n.po.provenance import find

    assert all(find(e).engine == "argos" for e in after.active if e.fuzzy)

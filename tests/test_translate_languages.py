"""translate and the target language: refusing early, drafting Traditional Chinese."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import run_cli

from l10n.engines import fallback
from l10n.engines.fallback import FallbackEngine, build_lexicon, covers

TEXT = "Hangzhou built the City Brain for 1.16 million people. It cost 2 billion yuan.\n"
GLOSSARY = "source,zh,status,flags,forbidden:zh,pos,note\nCity Brain,城市大脑,approved,,城市之脑,noun,\n"
LEXICON = """\
城市 城市 [cheng2 shi4] /city/town/
建立 建立 [jian4 li4] /to build/to establish/
人們 人们 [ren2 men5] /people/
花費 花费 [hua1 fei4] /to cost/to spend/
軟件 软件 [ruan3 jian4] /software/
"""


def make_project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n')
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def l10n(capsys, monkeypatch):
    def run(project: Path, *args: str) -> tuple[int, str]:
        result = run_cli(["--root", str(project), *args], capsys, monkeypatch)
        return result.code, result.text

    return run


@pytest.fixture
def tiny_lexicon(monkeypatch):
    monkeypatch.setattr(fallback, "load_lexicon", lambda: build_lexicon(LEXICON))


@pytest.mark.parametrize(
    "args",
    [("--to", "ja"), ("--to", "ja", "--engine", "fallback"), ("--to", "ko"), ("--to", "de"),
     ("--to", "ja", "--engine", "argos"), ("--to", "fr_CA"),
     ("--to", "zh", "--to", "ja"), ("--to", "zh,de")],  # one language refused: none drafted
)  # fmt: skip
def test_refused_language_leaves_the_project_byte_identical(tmp_path, l10n, argos_home, tiny_lexicon, args) -> None:
    project = make_project(tmp_path)
    code, _ = l10n(project, "translate", "--to", "zh", "--engine", "fallback")
    assert code == 0
    before = snapshot(project)
    code, output = l10n(project, "translate", *args)
    assert code == 2
    assert "argos" in output and "Traceback" not in output
    assert snapshot(project) == before


def test_refused_on_a_fresh_project_writes_nothing(tmp_path, l10n, argos_home) -> None:
    project = make_project(tmp_path)
    before = snapshot(project)
    code, output = l10n(project, "translate", "--to", "ja")
    assert code == 2 and "needs an argos model for en→ja" in output
    assert snapshot(project) == before and not (project / "locales").exists()


def test_traditional_drafts_in_one_script(tmp_path, l10n, argos_home, tiny_lexicon) -> None:
    project = make_project(tmp_path)
    code, output = l10n(project, "translate", "--to", "zh_TW", "--engine", "fallback")
    assert code == 0, output
    text = (project / "locales/zh_TW/LC_MESSAGES/doc.po").read_text(encoding="utf-8")
    assert "116萬" in text and "20億元" in text and "城市大腦" in text  # glossary target converted too
    assert not any(c in text for c in "万亿脑")
    code, output = l10n(project, "check", "--to", "zh_TW", "--only", "numbers", "--only", "glossary", "--only", "forbidden")
    assert code == 0, output


def test_fallback_covers_chinese_only() -> None:
    assert covers("en", "zh") and covers("en", "zh_TW") and covers("en-US", "zh-Hant-HK")
    assert not covers("en", "ja") and not covers("fr", "zh") and not covers("en", "de")


def test_fallback_writes_regional_variants(monkeypatch) -> None:
    monkeypatch.setattr(fallback, "load_lexicon", lambda: build_lexicon(LEXICON))
    sentence = 'The city cost 2 billion yuan and "software".'
    assert FallbackEngine("en", "zh").translate_batch([sentence]) == ["城市花费20亿元和“软件”。"]
    assert FallbackEngine("en", "zh_TW").translate_batch([sentence]) == ["城市花費20億元和「軟體」。"]
    assert FallbackEngine("en", "zh_HK").translate_batch([sentence]) == ["城市花費20億元和「軟件」。"]

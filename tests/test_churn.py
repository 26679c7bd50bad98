"""No churn: a run with nothing to change leaves every file byte-identical, whoever saved it last.

Starts from the real editor saves of the seed catalogue (``tests/data/editors``)
and from the same file as other writers leave it; when l10n does write, it
wraps as ``[tool.l10n] wrap`` says.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.engines import EngineInfo
from l10n.errors import L10nError
from l10n.extract import extract_all
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.translate import translate_project
from l10n.update import update_all

REPO = Path(__file__).resolve().parents[1]
EDITORS = Path(__file__).parent / "data" / "editors"
PO = Path("locales/zh/LC_MESSAGES/zhejiang-stories.po")
needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")


class NoEngine:
    info = EngineInfo(name="none", model="none")

    def translate_batch(self, sentences):  # pragma: no cover - must not be called
        raise AssertionError(f"the engine was called for {sentences!r}")


def project(tmp_path: Path, po: Path, wrap: str | int | None = None) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    shutil.copyfile(REPO / "seeds" / "zhejiang-stories.txt", root / "seeds" / "zhejiang-stories.txt")
    setting = "" if wrap is None else f"wrap = {wrap!r}\n".replace("'", '"')
    (root / "pyproject.toml").write_text(
        f'[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n{setting}', encoding="utf-8"
    )
    (root / PO).parent.mkdir(parents=True)
    shutil.copyfile(EDITORS / "zhejiang-stories.pot", root / "locales" / "zhejiang-stories.pot")
    shutil.copyfile(po, root / PO)
    return root


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".l10n.lock"
    }


def crlf_copy(tmp_path: Path) -> Path:
    out = tmp_path / "crlf.po"
    out.write_bytes((EDITORS / "poedit-3.2.2-saved.po").read_bytes().replace(b"\n", b"\r\n"))
    return out


SAVES = ["drafted-by-l10n.po", "poedit-3.2.2-saved.po", "poedit-3.2.2-nowrap-saved.po", "lokalize-22.12-saved.po", "crlf"]


@pytest.mark.parametrize("save", SAVES)
def test_update_and_translate_with_nothing_to_do_change_no_byte(tmp_path: Path, save: str) -> None:
    source = crlf_copy(tmp_path) if save == "crlf" else EDITORS / save
    root = project(tmp_path, source)
    before = tree(root)
    settings = load_settings(root)
    extract_all(settings)
    [result] = update_all(settings, ["zh"])
    assert not result.changed and tree(root) == before
    summary = translate_project(settings, "zh", build_engine=lambda c: NoEngine())
    assert summary.drafted == summary.reused == summary.redrafted == 0
    assert tree(root) == before


def test_header_fuzzy_and_x_generator_are_kept_as_msgmerge_keeps_them(tmp_path: Path) -> None:
    text = (EDITORS / "poedit-3.2.2-saved.po").read_text(encoding="utf-8")
    edited = tmp_path / "edited.po"
    edited.write_text(text.replace('msgid ""\nmsgstr ""\n', '#, fuzzy\nmsgid ""\nmsgstr ""\n', 1), encoding="utf-8")
    root = project(tmp_path, edited)
    seed = root / "seeds" / "zhejiang-stories.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Cultural Dialogue", "Cultural Dialogues"), encoding="utf-8")
    settings = load_settings(root)
    extract_all(settings)
    [result] = update_all(settings, ["zh"])
    assert result.changed
    after = read_catalog(root / PO)
    assert after.header_flags == ("fuzzy",)
    assert after.header_value("X-Generator") == "Poedit 3.2.2"


@needs_gettext
@pytest.mark.parametrize("wrap,options", [("no-wrap", ["--no-wrap"]), (40, ["-w", "40"]), ("gettext", [])])
def test_a_real_change_is_written_as_the_wrap_setting_says(tmp_path: Path, wrap, options) -> None:
    root = project(tmp_path, EDITORS / "poedit-3.2.2-nowrap-saved.po", wrap=wrap)
    seed = root / "seeds" / "zhejiang-stories.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "A brand new closing sentence for the stories.\n", encoding="utf-8")
    settings = load_settings(root)
    extract_all(settings)
    [result] = update_all(settings, ["zh"])
    assert result.changed
    written = (root / PO).read_text(encoding="utf-8")
    again = subprocess.run(["msgcat", *options, str(root / PO)], capture_output=True, text=True, check=True).stdout
    assert written == again


def test_keep_writes_a_no_wrap_file_without_wrapping(tmp_path: Path) -> None:
    root = project(tmp_path, EDITORS / "poedit-3.2.2-nowrap-saved.po", wrap="keep")
    seed = root / "seeds" / "zhejiang-stories.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "A brand new closing sentence for the stories.\n", encoding="utf-8")
    before = (root / PO).read_text(encoding="utf-8").splitlines()
    settings = load_settings(root)
    extract_all(settings)
    update_all(settings, ["zh"])
    after = (root / PO).read_text(encoding="utf-8").splitlines()
    # Only the new entry (and the header's POT-Creation-Date) differ: no re-wrapping.
    assert len(set(after) - set(before)) <= 6


@pytest.mark.parametrize("value", ["wide", 5, True, 1.5])
def test_a_bad_wrap_setting_is_refused(tmp_path: Path, value) -> None:
    root = tmp_path / "p"
    root.mkdir()
    literal = {True: "true"}.get(value, f'"{value}"' if isinstance(value, str) else str(value))
    (root / "pyproject.toml").write_text(f"[tool.l10n]\nwrap = {literal}\n", encoding="utf-8")
    with pytest.raises(L10nError, match="wrap"):
        load_settings(root)


def test_keep_recognises_how_each_editor_wrapped() -> None:
    from l10n.po.wrapping import looks_unwrapped

    assert looks_unwrapped(EDITORS / "poedit-3.2.2-nowrap-saved.po")
    for name in ("drafted-by-l10n.po", "poedit-3.2.2-saved.po", "lokalize-22.12-saved.po"):
        assert not looks_unwrapped(EDITORS / name), name

"""Helpers shared by several test modules (plain functions; fixtures live in conftest.py).

Import them as ``from helpers import run_cli``: pytest puts ``tests/`` on the
import path (the test files are not a package).
"""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from l10n.extract import extract_all
from l10n.formats import read_document
from l10n.formats.base import Document, codes_problems, render
from l10n.po.catalog import Catalog
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.project.config import Settings, load_settings
from l10n.update import update_all

REPO = Path(__file__).resolve().parents[1]
REFERENCE_PO = REPO / "tests" / "data" / "reference" / "zh" / "zhejiang-stories.po"
TINY_TOP = "translate-en_zh-tiny"  # the top folder of tests/tinymodel.py's package

Members = dict[str, bytes]  # a zip archive's members by name


@dataclass(frozen=True)
class CliRun:
    """What one in-process run of the console entry point did."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Return stdout then stderr, as a terminal would show them."""
        return self.out + self.err


def run_cli(args: list[str], capture: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> CliRun:
    """Run ``l10n ARGS`` through the console entry point (``main``, error mapping included) in this process.

    ``capture`` is ``capsys`` or ``capfd``; what it held before the run is
    dropped.  ``main`` must end with ``SystemExit`` (it always calls
    ``sys.exit``); anything else, an uncaught exception included, fails the
    test.  Returns the exit status (``None`` read as 0, a non-integer code as
    2) and what the run printed.
    """
    from l10n.cli.app import main

    capture.readouterr()
    monkeypatch.setattr(sys, "argv", ["l10n", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    code = exit_info.value.code
    captured = capture.readouterr()
    return CliRun(0 if code is None else code if isinstance(code, int) else 2, captured.out, captured.err)


def reference_project(root: Path, *, glossary: bool = False) -> tuple[Settings, Path]:
    """Make at ``root`` a project of the embedded seed with its human zh reference catalogue, extracted.

    ``glossary`` copies the repository's glossary in too.  Returns the
    project's settings and the path of the zh catalogue.
    """
    root.mkdir()
    (root / "pyproject.toml").write_text(
        '[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n', encoding="utf-8"
    )
    shutil.copytree(REPO / "seeds", root / "seeds")
    if glossary:
        shutil.copytree(REPO / "glossary", root / "glossary")
    po = root / "locales" / "zh" / "LC_MESSAGES" / "zhejiang-stories.po"
    po.parent.mkdir(parents=True)
    shutil.copy(REFERENCE_PO, po)
    settings = load_settings(root)
    extract_all(settings)
    return settings, po


def translate_by_hand(settings: Settings, lang: str, translations: dict[str, str]) -> tuple[Path, Catalog]:
    """Extract and update ``lang``, then save ``translations`` (msgid → msgstr) into its one catalogue, as a translator would.

    Returns the catalogue's path and the catalogue as update left it (before the translations).
    """
    extract_all(settings)
    [result] = update_all(settings, [lang])
    catalog = read_catalog(result.path)
    entries = tuple(replace(e, msgstr=translations.get(e.msgid, e.msgstr)) for e in catalog.entries)
    write_catalog(result.path, replace(catalog, entries=entries))
    return result.path, catalog


def assert_renders_back(document: Document, source: str) -> None:
    """Assert that ``document`` renders back to ``source`` byte for byte: untranslated, and with every unit's own text."""
    assert render(document, lambda unit: None) == source
    assert render(document, lambda unit: unit.text) == source


def assert_corpus_round_trip(path: Path) -> Document:
    """Assert that the corpus document at ``path`` reads and renders back byte for byte; return the document."""
    document = read_document(path, path.name)
    assert_renders_back(document, path.read_bytes().decode("utf-8"))
    return document


def assert_nothing_non_translatable(path: Path) -> None:
    """Assert that the corpus document at ``path`` has units, none holding "zzkeep" (the corpus marks
    every code block, code span, URL and comment with it) and none with broken inline codes."""
    units = read_document(path, path.name).units()
    assert units
    for unit in units:
        assert "zzkeep" not in unit.text, unit
        assert not codes_problems(unit.text, unit.text)


def package_members(archive: Path) -> Members:
    """Return every member of a zip archive (an ``.argosmodel``) by name."""
    with zipfile.ZipFile(archive) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def write_package(members: Members, path: Path, compression: int = zipfile.ZIP_STORED) -> Path:
    """Write ``members`` as a zip archive at ``path``; return ``path``."""
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def with_metadata(members: Members, raw: bytes | None = None, **changes: object) -> Members:
    """Return the tiny package's members with its ``metadata.json`` changed.

    ``changes`` set fields (``None`` removes one); ``raw`` replaces the whole file.
    """
    metadata = json.loads(members[f"{TINY_TOP}/metadata.json"])
    metadata.update(changes)
    metadata = {k: v for k, v in metadata.items() if v is not None}
    return {**members, f"{TINY_TOP}/metadata.json": raw if raw is not None else json.dumps(metadata).encode()}

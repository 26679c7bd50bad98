"""The benchmark generator writes catalogues that gettext and l10n read as intended."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import gen


def test_generated_project_is_valid(tmp_path: Path) -> None:
    from l10n.po.read import read_catalog

    paths = gen.write_project(tmp_path, 300, edited=0.1, langs=("zh", "zh_TW"))
    for name in ("pot", "po:zh", "po:zh_TW"):
        subprocess.run(["msgcat", "-o", os.devnull, str(paths[name])], check=True)
    pot = read_catalog(paths["pot"])
    po = read_catalog(paths["po:zh"])
    assert len(po.entries) == 300
    old = {e.msgid for e in po.entries}
    new = {e.msgid for e in pot.entries}
    changed = len(new - old)
    assert 25 <= changed <= 40, "about 10% of sources edited, plus a few added"
    translated = sum(bool(e.msgstr) for e in po.entries)
    assert 240 <= translated <= 290


def test_messages_are_unique_and_deterministic() -> None:
    first, second = gen.messages(500), gen.messages(500)
    assert first == second
    assert len({m.msgid for m in first}) == 500


def test_glossary_csv_has_the_terms_asked_for() -> None:
    rows = gen.glossary_csv(50).strip().splitlines()
    assert rows[0] == "source,zh,status" and len(rows) == 51

"""extract: templates from source documents; what the pipeline writes is canonical gettext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.extract import TITLE_NOTE, extract_all
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.translate import translate_project

REPO = Path(__file__).resolve().parent.parent
needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")


def make_project(root: Path, documents: dict[str, str]) -> Path:
    (root / "seeds").mkdir(parents=True)
    for name, text in documents.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n')
    return root


def test_one_entry_per_unique_sentence_with_every_reference(tmp_path):
    project = make_project(
        tmp_path,
        {"a.txt": "A Title\nIt rains. It rains.\n\nread more\nIt rains. The end.\n"},
    )
    [result] = extract_all(load_settings(project))
    pot = read_catalog(result.path)
    assert [e.msgid for e in pot.entries] == ["A Title", "It rains.", "The end."]
    assert pot.entries[0].extracted_comments == (TITLE_NOTE,)
    assert pot.entries[1].references == ("seeds/a.txt:2", "seeds/a.txt:5")
    assert pot.entries[2].references == ("seeds/a.txt:5",)
    assert "read more" not in {e.msgid for e in pot.entries}
    assert pot.header_value("Content-Type") == "text/plain; charset=UTF-8"


def test_reextracting_unchanged_sources_is_byte_identical(tmp_path):
    project = make_project(tmp_path, {"a.txt": "One sentence. Two sentences.\n", "b.txt": "Other.\n"})
    settings = load_settings(project)
    first = extract_all(settings)
    before = {r.path: r.path.read_bytes() for r in first}
    second = extract_all(settings)
    assert not any(r.changed for r in second)
    assert {r.path: r.path.read_bytes() for r in second} == before


def test_a_bad_document_writes_no_template_at_all(tmp_path):
    from l10n.errors import L10nError

    project = make_project(tmp_path, {"a.txt": "Fine.\n"})
    (project / "seeds" / "b.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(L10nError) as error:
        extract_all(load_settings(project))
    assert "b.txt" in str(error.value)
    assert not (project / "locales").exists()


@needs_gettext
def test_msgcat_and_msgfmt_accept_everything_the_pipeline_writes(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copytree(REPO / "glossary", project / "glossary")
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    translate_project(load_settings(project), "zh", engine="fallback")
    written = [project / "locales/zhejiang-stories.pot", project / "locales/zh/LC_MESSAGES/zhejiang-stories.po"]
    for path in written:
        out = tmp_path / (path.name + ".msgcat")
        subprocess.run(["msgcat", str(path), "-o", str(out)], check=True)
        assert out.read_bytes() == path.read_bytes(), f"msgcat rewrote {path.name}"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(written[1])], check=True)

"""The plain-text format entry: the old one-paragraph-a-line behaviour, unchanged."""

from __future__ import annotations

from l10n.project.config import load_settings
from l10n.formats import format_of
from l10n.formats.txt import document_layout


def test_txt_keeps_the_plain_text_reader(tmp_path):
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "doc.txt"
    seed.write_text("A title\r\nOne sentence. Another one.\r\n")
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\n")
    found, layout = document_layout(load_settings(tmp_path), seed)
    assert format_of(seed) == "txt" and format_of(tmp_path / "x.MD") == "markdown" and format_of(tmp_path / "x.rst") is None
    assert [(s.text, s.line, s.kind) for s in found] == [
        ("A title", 1, "title"), ("One sentence.", 2, "sentence"), ("Another one.", 2, "sentence"),
    ]  # fmt: skip
    assert layout in ("lines", "blank-lines")

"""The plain-text format entry: the old one-paragraph-a-line behaviour, unchanged."""

from __future__ import annotations

from l10n.extract import document_layout
from l10n.formats import STRUCTURED, format_of
from l10n.formats.txt import segments_and_layout
from l10n.project.config import load_settings
from l10n.text.segment import read_source


def test_txt_keeps_the_plain_text_reader(tmp_path):
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "doc.txt"
    seed.write_text("A title\r\nOne sentence. Another one.\r\n")
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\n")
    settings = load_settings(tmp_path)
    found, layout = document_layout(settings, seed)
    assert format_of(seed) == "txt" and format_of(tmp_path / "x.MD") == "markdown" and format_of(tmp_path / "x.rst") is None
    assert [(s.text, s.line, s.kind) for s in found] == [
        ("A title", 1, "title"), ("One sentence.", 2, "sentence"), ("Another one.", 2, "sentence"),
    ]  # fmt: skip
    assert layout in ("lines", "blank-lines")
    # the reader itself takes the text and the values the settings give it
    mode, rules = settings.segmentation(seed)
    assert segments_and_layout(read_source(seed), "seeds/doc.txt", mode, rules, ()) == (found, layout)


def test_the_reader_drops_ignored_lines_and_names_the_document(tmp_path):
    settings = load_settings(tmp_path)
    mode, rules = settings.segmentation(tmp_path / "notes.txt")
    found, _ = segments_and_layout("Keep this.\nTODO: not this.\n", "notes.txt", mode, rules, ("todo: .*",))
    assert [(s.text, s.document) for s in found] == [("Keep this.", "notes.txt")]


def test_the_structured_formats_are_every_format_but_plain_text():
    assert STRUCTURED == {"markdown", "html"}

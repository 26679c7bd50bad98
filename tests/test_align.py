"""Tests for l10n.align: reference files in three formats, aligned with catalogue units."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.align import Unit, read_references, reference_format
from l10n.errors import L10nError


def _units() -> list[Unit]:
    return [
        Unit(None, "One.", "一。", "translated", "a.po:3"),
        Unit(None, "Two.", "", "untranslated", "a.po:6"),
        Unit("title", "Three", "三", "fuzzy", "a.po:10"),
        Unit(None, "Three", "三个", "translated", "a.po:14"),
    ]


def test_reference_format_from_suffix():
    assert reference_format(Path("r.po")) == "po"
    assert reference_format(Path("r.TSV")) == "tsv"
    assert reference_format(Path("r.txt")) == "text"
    assert reference_format(Path("r")) == "text"


def test_tsv_reference_matches_by_source(tmp_path):
    path = tmp_path / "r.tsv"
    path.write_text("# comment\nTwo.\t二。\n\nOne.\t一。\r\nThree\t三\n", encoding="utf-8")
    assert read_references(path, _units()) == ["一。", "二。", "三", "三"]


def test_tsv_unknown_source_names_file_and_line(tmp_path):
    path = tmp_path / "r.tsv"
    path.write_text("One.\t一。\nFour.\t四。\n", encoding="utf-8")
    with pytest.raises(L10nError) as info:
        read_references(path, _units())
    assert info.value.path == path and info.value.line == 2
    assert "matches no segment" in info.value.message


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("One.\n", 1, "found 1 field"),
        ("One.\t一\tx\n", 1, "found 3 field"),
        ("One.\t一\nOne.\t壹\n", 2, "different reference"),
    ],
    ids=["no-tab", "two-tabs", "conflict"],
)
def test_tsv_malformed_lines(tmp_path, text, line, message):
    path = tmp_path / "r.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(L10nError, match=message) as info:
        read_references(path, _units())
    assert info.value.line == line


def test_plain_text_aligned_by_position_blank_means_missing(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一。\n\n三\n三个\n", encoding="utf-8")
    assert read_references(path, _units()) == ["一。", None, "三", "三个"]


@pytest.mark.parametrize("lines, line", [(3, 3), (5, 5)], ids=["too-few", "too-many"])
def test_plain_text_misaligned(tmp_path, lines, line):
    path = tmp_path / "r.txt"
    path.write_text("".join(f"line {i}\n" for i in range(lines)), encoding="utf-8")
    with pytest.raises(L10nError, match=f"reference has {lines} lines but the catalogue has 4 segments") as info:
        read_references(path, _units())
    assert info.value.path == path and info.value.line == line


def test_reference_not_utf8_names_line(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("一\n二\n".encode("utf-8") + "三\n".encode("gb18030"))
    with pytest.raises(L10nError, match="UTF-8") as info:
        read_references(path, _units())
    assert info.value.line == 3


def test_missing_reference_file(tmp_path):
    with pytest.raises(L10nError, match="not found"):
        read_references(tmp_path / "nope.tsv", _units())

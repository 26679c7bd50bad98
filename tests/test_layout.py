"""l10n.text.layout: paragraphs by line or by blank line, the automatic choice, lines of references, build."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import translate_by_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.errors import L10nError
from l10n.extract import extract_all
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.text import layout
from l10n.text.segment import segment_document

WRAPPED = """The council met on Monday and agreed
on a new budget for the schools. It will
take effect in May.

Parents were not told until the
following week.
"""


def test_blank_line_paragraphs_join_hard_wrapped_sentences() -> None:
    segments = segment_document(WRAPPED, "seeds/w.txt", paragraphs="blank-lines")
    assert [(s.text, s.paragraph, s.position, s.line) for s in segments] == [
        ("The council met on Monday and agreed on a new budget for the schools.", 0, 0, 1),
        ("It will take effect in May.", 0, 1, 2),
        ("Parents were not told until the following week.", 1, 0, 5),
    ]


def test_lines_mode_keeps_one_paragraph_per_line() -> None:
    segments = segment_document(WRAPPED, "seeds/w.txt", paragraphs="lines")
    assert [s.text for s in segments][:2] == ["The council met on Monday and agreed", "on a new budget for the schools."]
    assert [s.line for s in segments][:3] == [1, 2, 2]


def test_auto_chooses_blank_lines_for_hard_wrapped_text() -> None:
    assert layout.resolve(WRAPPED, "auto") == "blank-lines"
    assert segment_document(WRAPPED, "w", paragraphs="auto") == segment_document(WRAPPED, "w", paragraphs="blank-lines")


def test_auto_keeps_lines_for_one_paragraph_per_line() -> None:
    text = "A Title\nIt began in 2016. Dr. Wang led it.\nThe Next Heading\nMore text here.\n"
    assert layout.resolve(text, "auto") == "lines"
    assert [s.text for s in segment_document(text, "d")] == [
        "A Title", "It began in 2016.", "Dr. Wang led it.", "The Next Heading", "More text here."
    ]


def test_auto_keeps_a_list_of_short_lowercase_lines() -> None:
    text = "features\ncontact manager\nevents, activities\n"
    assert [s.text for s in segment_document(text, "d")] == ["features", "contact manager", "events, activities"]


def test_auto_joins_a_single_wrapped_line_in_a_line_document() -> None:
    text = "First paragraph on one line.\nSecond paragraph, cut by a PDF export \nin the middle.\nThird one.\nFourth.\n"
    segments = segment_document(text, "d")
    assert [(s.text, s.line) for s in segments] == [
        ("First paragraph on one line.", 1),
        ("Second paragraph, cut by a PDF export in the middle.", 2),
        ("Third one.", 4),
        ("Fourth.", 5),
    ]


def test_a_stop_alone_on_the_next_line_joins_without_a_space() -> None:
    text = "Contact us for pricing\n.\n\nPricing details\n"
    assert [s.text for s in segment_document(text, "d")] == ["Contact us for pricing.", "Pricing details"]


def test_ignored_lines_separate_paragraphs() -> None:
    text = "One sentence that goes on\nto the next line.\nread more\nAnother paragraph.\n"
    segments = segment_document(text, "d", ("read more",), paragraphs="blank-lines")
    assert [(s.text, s.paragraph, s.line) for s in segments] == [
        ("One sentence that goes on to the next line.", 0, 1),
        ("Another paragraph.", 1, 4),
    ]


def test_each_segment_names_the_line_where_it_starts() -> None:
    text = "Alpha beta.\nGamma delta\nepsilon. Zeta\neta theta.\n"
    segments = segment_document(text, "d", paragraphs="blank-lines")
    assert [(s.text, s.line) for s in segments] == [
        ("Alpha beta.", 1), ("Gamma delta epsilon.", 2), ("Zeta eta theta.", 3)
    ]


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        layout.paragraphs("x", "pages")


# --- project settings, extract and build ---------------------------------------


def _project(root: Path, toml: str, seeds: dict[str, str]) -> Path:
    (root / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["fr"]\n' + toml, encoding="utf-8")
    return root


def test_project_and_per_seed_paragraph_settings(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        'paragraphs = "lines"\n[tool.l10n.seed."mail-*.txt"]\nparagraphs = "blank-lines"\n'
        '[tool.l10n.seed."mail-2.txt"]\nparagraphs = "lines"\n',
        {"web.txt": WRAPPED, "mail-1.txt": WRAPPED, "mail-2.txt": WRAPPED},
    )
    settings = load_settings(root)
    assert settings.segmentation(root / "seeds" / "web.txt")[0] == "lines"
    assert settings.segmentation(root / "seeds" / "mail-1.txt")[0] == "blank-lines"
    assert settings.segmentation(root / "seeds" / "mail-2.txt")[0] == "lines"  # the exact name wins
    results = {r.domain: r for r in extract_all(settings)}
    mail = read_catalog(results["mail-1"].path)
    assert [(e.msgid, e.references) for e in mail.entries] == [
        ("The council met on Monday and agreed on a new budget for the schools.", ("seeds/mail-1.txt:1",)),
        ("It will take effect in May.", ("seeds/mail-1.txt:2",)),
        ("Parents were not told until the following week.", ("seeds/mail-1.txt:5",)),
    ]
    assert len(read_catalog(results["web"].path).entries) == 6


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('paragraphs = "pages"', "paragraphs must be one of"),
        ('[tool.l10n.seed."a.txt"]\nparagraphs = 3', "paragraphs must be one of"),
        ('[tool.l10n.seed."a.txt"]\nwrap = "yes"', "unknown setting 'wrap'"),
        ('quotes = "kept"', "quotes must be one of"),
    ],
)
def test_bad_paragraph_settings_are_refused(tmp_path: Path, toml: str, needle: str) -> None:
    root = _project(tmp_path, toml + "\n", {"a.txt": "Text.\n"})
    with pytest.raises(L10nError) as error:
        load_settings(root)
    assert needle in str(error.value)


def test_build_rebuilds_blank_line_paragraphs(tmp_path: Path) -> None:
    from l10n.build import build
    root = _project(tmp_path, 'paragraphs = "blank-lines"\n', {"w.txt": WRAPPED})
    settings = load_settings(root)
    french = {
        "The council met on Monday and agreed on a new budget for the schools.": "Le conseil a voté le budget.",
        "It will take effect in May.": "Il entre en vigueur en mai.",
        "Parents were not told until the following week.": "Les parents l'ont appris plus tard.",
    }
    translate_by_hand(settings, "fr", french)
    report = build(settings, "fr", strict=True)
    assert not report.failed
    assert report.documents[0].document.read_text(encoding="utf-8") == (
        "Le conseil a voté le budget. Il entre en vigueur en mai.\n\nLes parents l'ont appris plus tard.\n"
    )


_LINES = st.lists(
    st.text(alphabet="abc XYZ.?!“”()\t1", max_size=30) | st.sampled_from(["", " ", "read more", "a. b", "• 2."]),
    max_size=12,
)


@given(_LINES, st.sampled_from(layout.MODES))
@settings(max_examples=200, deadline=None)
def test_no_mode_loses_a_character(lines: list[str], mode: str) -> None:
    text = "\n".join(lines)
    segments = segment_document(text, "d", ("read more",), paragraphs=mode)
    kept = "".join(line for line in lines if line.strip().lower() != "read more")
    assert "".join("".join(s.text for s in segments).split()) == "".join(kept.split())
    numbers = text.split("\n")
    for segment in segments:  # the reference line holds the start of the segment
        assert segment.text[0] in numbers[segment.line - 1]
    assert [s.line for s in segments] == sorted(s.line for s in segments)

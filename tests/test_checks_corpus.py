"""The defect corpus, the clean sample and the reference translation: no misses, no noise."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from l10n.checks import CHECKS, check_catalog
from l10n.po.catalog import Catalog, Entry
from l10n.po.memory import TranslationMemory
from l10n.po.read import read_catalog

DATA = Path(__file__).parent / "data"
QA = DATA / "qa"
REFERENCE_TSV = DATA / "reference" / "zhejiang-stories.zh.tsv"
REFERENCE_PO = DATA / "reference" / "zh" / "zhejiang-stories.po"
PROJECT_GLOSSARY = Path(__file__).parents[1] / "glossary"


@pytest.fixture(scope="module")
def glossary():
    from l10n.glossary.load import load_glossary

    return load_glossary(QA / "glossary")


def expected_ids(entry: Entry) -> set[str] | None:
    for comment in entry.translator_comments:
        if comment.startswith("expect:"):
            return set(comment[len("expect:") :].split())
    return None


def defect_findings(glossary) -> tuple[Catalog, dict[int, set[str]]]:
    defects, other = read_catalog(QA / "defects.po"), read_catalog(QA / "other.po")
    memory = TranslationMemory([("defects.po", defects), ("other.po", other)])
    found: dict[int, set[str]] = defaultdict(set)
    for finding in check_catalog(defects, "zh", glossary, memory=memory, path="defects.po"):
        found[finding.line].add(finding.check)
    return defects, found


def test_every_planted_defect_is_found_and_nothing_else(glossary) -> None:
    defects, found = defect_findings(glossary)
    wrong = []
    for entry in defects.active:
        if not entry.msgid:
            continue
        expected = expected_ids(entry)
        assert expected is not None, f"line {entry.line}: entry without an expect: comment"
        if found.get(entry.line, set()) != expected:
            wrong.append((entry.line, entry.msgid[:40], sorted(expected), sorted(found.get(entry.line, ()))))
    assert wrong == []


def test_the_corpus_covers_every_check(glossary) -> None:
    defects, found = defect_findings(glossary)
    planted = set().union(*(expected_ids(e) or set() for e in defects.active))
    assert planted == {c.id for c in CHECKS if c.header is None}  # header checks: tests/test_plural_forms.py
    counts = defaultdict(int)
    for entry in defects.active:
        for check_id in expected_ids(entry) or ():
            counts[check_id] += 1
    assert counts["numbers"] >= 5 and counts["punctuation"] >= 5


def test_clean_sample_has_no_findings(glossary) -> None:
    clean = read_catalog(QA / "clean.po")
    assert len([e for e in clean.active if e.msgid]) >= 30
    assert [(f.line, f.check, f.message) for f in check_catalog(clean, "zh", glossary, path="clean.po")] == []


@pytest.fixture(scope="module")
def project_glossary():
    """The repository's own glossary, which the reference translation follows."""
    from l10n.glossary.files import glossary_files
    from l10n.glossary.load import load_glossary

    return load_glossary(PROJECT_GLOSSARY) if glossary_files(PROJECT_GLOSSARY) else None


def test_reference_translation_has_no_findings_at_warning_or_above(project_glossary) -> None:
    """The team's human translation of the seed (tests/data/reference/): the checks must accept it."""
    rows = [line.split("\t") for line in REFERENCE_TSV.read_text(encoding="utf-8").splitlines() if line]
    catalog = Catalog(entries=tuple(Entry(msgid=s, msgstr=t, line=i) for i, (s, t) in enumerate(rows, 1)))
    found = check_catalog(catalog, "zh", project_glossary, path=REFERENCE_TSV.name)
    assert len(rows) > 200
    assert [(f.line, f.check, f.message) for f in found if f.severity != "info"] == []


@pytest.mark.skipif(not REFERENCE_PO.is_file(), reason="reference PO not generated (make_reference_po.py)")
def test_reference_po_has_no_findings_at_warning_or_above(project_glossary) -> None:
    found = check_catalog(read_catalog(REFERENCE_PO), "zh", project_glossary)
    assert [(f.line, f.check, f.message) for f in found if f.severity != "info"] == []

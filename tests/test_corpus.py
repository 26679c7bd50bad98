"""Real catalogues written by other tools, read and rewritten as GNU gettext does (tests/corpus.py).

``tests/data/corpus`` holds a small sample of outside catalogues (Django,
Wagtail, polib's and Babel's test files; README there) and the same Django
catalogues converted to legacy charsets with ``msgconv``.  Set
``L10N_PO_CORPUS`` to a folder of PO/POT files to run the same comparison on
a larger corpus (the README has the numbers for Django, Wagtail and Sphinx).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from corpus import listed_difference, po_files, run

from l10n.errors import L10nError
from l10n.po.charset import decode_po
from l10n.po.read import _read_entries

SAMPLE = Path(__file__).parent / "data" / "corpus"

pytestmark = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext's msgcat is not installed")


def unexplained(problems: list[str]) -> list[str]:
    return [p for p in problems if listed_difference(Path(p.split(":", 1)[0])) is None]


def test_the_sample_is_read_and_rewritten_as_gettext_does():
    tally = run([SAMPLE])
    assert tally.files >= 60
    assert unexplained(tally.problems) == []
    accepted = tally.files - tally.gettext_refuses
    assert tally.read == accepted
    # The two files with a listed difference (several "#," lines; no charset over UTF-8 text).
    assert (tally.model, tally.same, tally.bytes) == (accepted - 1,) * 3
    assert tally.both_refuse == tally.gettext_refuses - 1


def test_every_legacy_charset_file_keeps_its_charset():
    for path in po_files([SAMPLE / "legacy"]):
        assert b"charset=UTF-8" not in path.read_bytes()
    assert len(po_files([SAMPLE / "legacy"])) >= 12


def _sample_texts() -> list[Path]:
    return po_files([SAMPLE])


@pytest.mark.parametrize("path", _sample_texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_reader_equals_the_exact_reader(path):
    try:
        text, codec = decode_po(path.read_bytes().removeprefix(b"\xef\xbb\xbf"), path)
    except L10nError:
        pytest.skip("not decodable")
    outcomes = []
    for plain in (True, False):
        try:
            outcomes.append([(e, e.line) for e in _read_entries(path, text, plain=plain, codec=codec)])
        except L10nError as error:
            outcomes.append((error.message, error.line))
    assert outcomes[0] == outcomes[1]


def test_an_outside_corpus_when_one_is_given():
    root = os.environ.get("L10N_PO_CORPUS")
    if not root:
        pytest.skip("set L10N_PO_CORPUS to a folder of PO/POT files to compare them all with GNU gettext")
    tally = run([Path(root)])
    print("\n".join(tally.lines()))
    assert unexplained(tally.problems) == []


def test_the_projects_own_unusual_catalogues_differ_only_as_listed():
    # tests/data/po/good: BOM and CRLF, no charset, the CHARSET placeholder, UTF-8 under ISO-8859-1, ...
    tally = run([Path(__file__).parent / "data" / "po" / "good"])
    assert tally.read == tally.files - tally.gettext_refuses
    assert unexplained(tally.problems) == []

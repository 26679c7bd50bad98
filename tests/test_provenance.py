"""provenance: the draft marker is recognised after every common writer saved the file."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from dataclasses import replace
from pathlib import Path

import polib
import pytest

from l10n.po import provenance
from l10n.po.catalog import Entry
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog
from l10n.translate import apply_draft, draft_state

FIXTURES = Path(__file__).parent / "data" / "editors"  # copied from the shared fixtures (real editor saves)
DRAFTED = FIXTURES / "drafted-by-l10n.po"
needs_fixtures = pytest.mark.skipif(not DRAFTED.exists(), reason="shared editor fixtures not present")
needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")


def states(path: Path) -> list[tuple[str, str, str | None]]:
    """(msgid, state, marker fingerprints) of every active entry."""
    out = []
    for e in read_catalog(path).active:
        found = provenance.find(e)
        out.append((e.msgid, draft_state(e), None if found is None else f"{found.state}{found.src}{found.out}{found.engine}"))
    return out


def with_new_markers(src: Path, dst: Path) -> None:
    """The fixture with every old marker rewritten in the short form."""
    catalog = read_catalog(src)
    entries = []
    for e in catalog.entries:
        found = provenance.find(e)
        if found is not None:
            comments = list(e.translator_comments)
            comments[found.index : found.index + found.lines] = [provenance.marker_from(found, found.state)]
            e = replace(e, translator_comments=tuple(comments))
        entries.append(e)
    write_catalog(dst, replace(catalog, entries=tuple(entries)))


def save_polib(path: Path) -> None:
    polib.pofile(str(path)).save(str(path))


def save_babel(path: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with open(path, "rb") as handle:
        catalog = read_po(handle)
    with open(path, "wb") as handle:
        write_po(handle, catalog, include_previous=True)


def save_toolkit(path: Path) -> None:
    po = pytest.importorskip("translate.storage.po")
    store = po.pofile.parsefile(str(path))
    path.write_bytes(bytes(store))


def msgcat(*options: str):
    def save(path: Path) -> None:
        subprocess.run(["msgcat", *options, "-o", str(path), str(path)], check=True)

    return save


def crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


WRITERS = {
    "polib": save_polib,
    "babel": save_babel,
    "translate-toolkit": save_toolkit,
    "msgcat -w 40": msgcat("-w", "40"),
    "msgcat --no-wrap": msgcat("--no-wrap"),
    "crlf": crlf,
}


@needs_fixtures
def test_editor_saves_of_the_seed_are_read_right() -> None:
    """Poedit and Lokalize keep the marker; confirmed drafts count as the person's."""
    assert {s for _, s, _ in states(DRAFTED)} == {"draft"} and len(states(DRAFTED)) == 226
    poedit = [s for _, s, _ in states(FIXTURES / "poedit-3.2.2-saved.po")]
    assert (poedit.count("draft"), poedit.count("human"), poedit.count("edited-draft")) == (223, 2, 1)
    for name in ("poedit-3.2.2-nowrap-saved.po", "lokalize-22.12-saved.po"):
        found = [s for _, s, _ in states(FIXTURES / name)]
        assert (found.count("draft"), found.count("human")) == (224, 2), name


@needs_fixtures
@needs_gettext
@pytest.mark.parametrize("form", ["old", "new"])
@pytest.mark.parametrize("writer", list(WRITERS))
def test_marker_survives_every_common_writer(tmp_path: Path, writer: str, form: str) -> None:
    path = tmp_path / "doc.po"
    if form == "old":
        shutil.copyfile(DRAFTED, path)
    else:
        with_new_markers(DRAFTED, path)
    before = states(path)
    WRITERS[writer](path)
    assert states(path) == before


@needs_fixtures
def test_old_marker_wrapped_by_polib_is_replaced_whole_on_redraft(tmp_path: Path) -> None:
    path = tmp_path / "doc.po"
    shutil.copyfile(DRAFTED, path)
    save_polib(path)
    assert any(line.startswith("# quality=low") for line in path.read_text(encoding="utf-8").splitlines())
    entry = read_catalog(path).active[0]
    assert len(entry.translator_comments) == 2 and draft_state(entry) == "draft"
    redone = apply_draft(entry, "新的草稿", provenance.marker("d", entry.msgid, "新的草稿", "fake", "draft", "m", "g"))
    assert len(redone.translator_comments) == 1 and redone.translator_comments[0].startswith("l10n: d ")


def test_marker_fits_the_line_whatever_the_model_name() -> None:
    long_model = "translate-en_zh-1_9 (a very long package version string, with spaces\nand a newline)" * 3
    line = provenance.marker("d", "source", "text", "argos", "draft", long_model, "b0bea478a767")
    assert len(line) <= provenance.MAX_MARKER and "\n" not in line
    found = provenance.find(Entry(msgid="source", msgstr="text", translator_comments=(line,)))
    assert found is not None and found.engine == "argos" and found.model.startswith("translate-en_zh-1_9")
    assert found.matches_source("source") and found.matches_text("text") and not found.matches_text("text!")


@pytest.mark.parametrize("width", [30, 40, 50, 60])
def test_marker_wrapped_by_a_narrow_writer_is_read_whole(width: int) -> None:
    line = provenance.marker("r", "src", "out", "fallback", "low", "cc-cedict-20231107", "aa10fe32ecd5")
    comments = (*textwrap.wrap(line, width), "Reviewer: keep title short.")
    found = provenance.find(Entry(msgid="src", msgstr="out", translator_comments=comments))
    assert found is not None and found.lines == len(comments) - 1
    assert (found.state, found.engine, found.quality, found.model) == ("r", "fallback", "low", "cc-cedict-20231107")


def test_translator_comment_keeps_its_place_on_redraft() -> None:
    marker = provenance.marker("d", "src", "old draft", "fake", "draft", "m", "g")
    entry = Entry(msgid="src", msgstr="old draft", flags=("fuzzy",), translator_comments=("Above.", marker, "Below."))
    redone = apply_draft(entry, "new draft", provenance.marker("d", "src", "new draft", "fake", "draft", "m", "g"))
    assert redone.translator_comments[0] == "Above." and redone.translator_comments[2] == "Below."
    assert provenance.find(redone).index == 1

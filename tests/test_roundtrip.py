"""Round trips: whatever editors, update and translate do in whatever order, a person's text survives.

The property: a translator's operations are done with the libraries real
editors and tools use (polib to edit, then a save by polib, Babel,
``msgcat -w 40``, ``msgcat --no-wrap``, Translate Toolkit or with CRLF line ends), mixed with
source edits + ``update`` and ``translate`` with or without ``--redraft`` and
``--redraft-fuzzy``.  Every string a person typed or confirmed must survive
byte for byte, which here means:

- it is the msgstr of an entry of the catalogue (active, fuzzy or not, or
  obsolete after its sentence was deleted), and if that entry is fuzzy,
  ``translate`` does not take it for one of its own drafts (it will never
  redraft it without ``--redraft-fuzzy``); an entry whose source changed
  keeps it as fuzzy with the old source in ``#|`` until an editor removes that;
- or, only after ``--redraft-fuzzy`` (which asks to redraft people's fuzzy
  entries), it is kept in that entry's ``previous translation:`` comment.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.engines import EngineInfo
from l10n.extract import extract_all
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.translate import draft_state, translate_project
from l10n.update import update_all

SENTENCES = [
    "The river town opened a new library for the children.",
    "Farmers sell their tea online to buyers in many countries.",
    "The old bridge was repaired by volunteers last spring.",
    "Every family in the village now has clean running water.",
]
EDITS = [" today", " again", " with help from the city"]
PO = Path("locales/zh/LC_MESSAGES/doc.po")


class CountingEngine:
    """Every call gives new texts, so a redraft always changes what it touches."""

    def __init__(self) -> None:
        self.info = EngineInfo(name="fake", model="fake-1", quality="low")
        self.n = 0

    def translate_batch(self, sentences):
        out = []
        for s in sentences:
            self.n += 1
            out.append(f"机器草稿{self.n}：{len(s)}")
        return out


class World:
    """A small project, the translator's recorded strings and the engine."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lines = list(SENTENCES)
        self.human: set[str] = set()
        self.typed = 0
        self.engine = CountingEngine()
        (root / "seeds").mkdir(parents=True)
        (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
        self.write_seed()
        self.translate()

    def write_seed(self) -> None:
        (self.root / "seeds" / "doc.txt").write_text("".join(line + "\n" for line in self.lines if line), encoding="utf-8")

    # l10n's operations
    def translate(self, redraft: bool = False, redraft_fuzzy: bool = False) -> None:
        translate_project(
            load_settings(self.root), "zh", build_engine=lambda c: self.engine, redraft=redraft, redraft_fuzzy=redraft_fuzzy
        )

    def update(self) -> None:
        """``l10n extract`` then ``l10n update``."""
        extract_all(load_settings(self.root))
        update_all(load_settings(self.root), ["zh"])

    def edit_source(self, which: int, how: int) -> None:
        i = which % len(self.lines)
        if how == len(EDITS):  # delete the sentence
            self.lines[i] = ""
        elif how == len(EDITS) + 1:  # bring the original back
            self.lines[i] = SENTENCES[i]
        else:
            self.lines[i] = (self.lines[i] or SENTENCES[i]).rstrip(".") + EDITS[how] + "."
        if not any(self.lines):
            self.lines[i] = SENTENCES[i]
        self.write_seed()
        self.update()

    # the translator's operations (polib, as editors built on it do)
    def editor(self, which: int, action: str, style: str) -> None:
        path = self.root / PO
        po = polib.pofile(str(path), wrapwidth=78)
        live = [e for e in po if not e.obsolete and e.msgid]
        if live and action != "save":
            entry = live[which % len(live)]
            if action == "confirm" and entry.msgstr and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None  # Poedit drops #| lines when it confirms
                self.human.add(entry.msgstr)
            elif action in ("edit", "edit-fuzzy"):
                self.typed += 1
                self.human.discard(entry.msgstr)  # the person replaces their own text: theirs to drop
                entry.msgstr = f"译者写的第{self.typed}句。"
                if action == "edit" and "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                    entry.previous_msgid = None
                self.human.add(entry.msgstr)
            elif action == "comment":
                entry.tcomment = (entry.tcomment + "\n" if entry.tcomment else "") + "Reviewer: checked."
        save(po, path, style)


def save(po: polib.POFile, path: Path, style: str) -> None:
    """Save as the editor of ``style`` would."""
    if style == "babel":
        from babel.messages.pofile import read_po, write_po

        po.save(str(path))
        with open(path, "rb") as handle:
            catalog = read_po(handle)
        with open(path, "wb") as handle:
            write_po(handle, catalog, width=76)
        return
    po.save(str(path))
    if style == "toolkit":
        from translate.storage import po as toolkit

        path.write_bytes(bytes(toolkit.pofile.parsefile(str(path))))
    elif style in ("msgcat40", "nowrap"):
        option = ["-w", "40"] if style == "msgcat40" else ["--no-wrap"]
        subprocess.run(["msgcat", *option, "-o", str(path), str(path)], check=True)
    elif style == "crlf":
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def survives(world: World) -> list[str]:
    """Return the human strings that did not survive (see the module doc)."""
    catalog = read_catalog(world.root / PO)
    lost = []
    for text in world.human:
        holders = [e for e in catalog.entries if e.msgstr == text]
        flat = "previous translation: " + text.replace("\\", "\\\\").replace("\n", "\\n")
        if any(flat in e.translator_comments for e in catalog.entries):
            continue
        if not holders:
            lost.append(f"{text!r} is gone")
            continue
        for e in holders:
            if not e.obsolete and draft_state(e) in ("draft", "stale-draft"):
                lost.append(f"{text!r} looks like an l10n draft again ({e.msgid!r})")
    return lost


try:
    import translate.storage.po  # noqa: F401  (Translate Toolkit, in the test extra)

    TOOLKIT = ["toolkit"]
except ImportError:
    TOOLKIT = []
STYLES = st.sampled_from(["polib", "babel", "msgcat40", "nowrap", "crlf", *TOOLKIT])
OPERATIONS = st.one_of(
    st.tuples(st.just("editor"), st.integers(0, 9), st.sampled_from(["confirm", "edit", "edit-fuzzy", "comment", "save"]), STYLES),
    st.tuples(st.just("source"), st.integers(0, 9), st.integers(0, len(EDITS) + 1)),
    st.tuples(st.just("translate"), st.booleans(), st.booleans()),
    st.tuples(st.just("update")),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(OPERATIONS, min_size=1, max_size=10))
def test_a_persons_text_survives_any_sequence(tmp_path_factory: pytest.TempPathFactory, steps) -> None:
    world = World(tmp_path_factory.mktemp("roundtrip"))
    for step in steps:
        kind = step[0]
        if kind == "editor":
            world.editor(step[1], step[2], step[3])
        elif kind == "source":
            world.edit_source(step[1], step[2])
        elif kind == "translate":
            world.translate(redraft=step[1], redraft_fuzzy=step[2])
        else:
            world.update()
        assert survives(world) == [], (step, steps)
    # And one more round of everything l10n does, with the broadest redraft.
    world.update()
    world.translate(redraft=True)
    assert survives(world) == []


def test_confirmed_draft_whose_source_changed_is_not_redrafted(tmp_path: Path) -> None:
    """The case of the issue, step by step: confirm in an editor, edit the source, update, translate."""
    world = World(tmp_path)
    world.editor(0, "confirm", "polib")
    [confirmed] = world.human
    world.edit_source(0, 0)
    entry = next(e for e in read_catalog(tmp_path / PO).entries if e.msgstr == confirmed)
    assert entry.fuzzy and entry.previous_msgid == SENTENCES[0]
    assert draft_state(entry) == "human-fuzzy"
    world.translate(redraft=True)
    after = next(e for e in read_catalog(tmp_path / PO).entries if e.msgstr == confirmed)
    assert after.fuzzy and after.previous_msgid == SENTENCES[0] and after.msgid != SENTENCES[0]


def test_real_poedit_save_then_source_edit_then_translate_keeps_every_persons_string(tmp_path: Path) -> None:
    """The issue's sequence on the real Poedit save of the seed catalogue."""
    import shutil

    repo = Path(__file__).resolve().parents[1]
    editors = Path(__file__).parent / "data" / "editors"
    root = tmp_path / "p"
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n')
    seed = (repo / "seeds" / "zhejiang-stories.txt").read_text(encoding="utf-8")
    (root / "seeds" / "zhejiang-stories.txt").write_text(seed, encoding="utf-8")
    po_path = root / "locales/zh/LC_MESSAGES/zhejiang-stories.po"
    po_path.parent.mkdir(parents=True)
    shutil.copyfile(editors / "zhejiang-stories.pot", root / "locales" / "zhejiang-stories.pot")
    shutil.copyfile(editors / "poedit-3.2.2-saved.po", po_path)
    people = {e.msgid: e.msgstr for e in read_catalog(po_path).entries if draft_state(e) in ("human", "edited-draft")}
    assert len(people) == 3  # confirmed, retyped, edited and left fuzzy

    edited = seed.replace("Cultural Dialogue", "Cultural Dialogues").replace("real people are working hard", "real people work hard")
    (root / "seeds" / "zhejiang-stories.txt").write_text(edited, encoding="utf-8")
    engine = CountingEngine()
    for redraft in (False, True):
        translate_project(load_settings(root), "zh", build_engine=lambda c: engine, redraft=redraft)
        after = read_catalog(po_path)
        for old_msgid, text in people.items():
            [holder] = [e for e in after.entries if e.msgstr == text]
            assert draft_state(holder) in ("human", "human-fuzzy", "edited-draft")
            if holder.msgid != old_msgid:
                assert holder.fuzzy and holder.previous_msgid == old_msgid


def test_a_confirmed_draft_made_fuzzy_again_by_hand_stays_the_persons_once_l10n_wrote_the_file(tmp_path: Path) -> None:
    world = World(tmp_path)
    world.editor(0, "confirm", "polib")
    [confirmed] = world.human
    world.lines.append("A new sentence makes update write the catalogue.")
    world.write_seed()
    world.update()  # writes the catalogue anyway: the confirmed draft's marker now says reviewed
    po = polib.pofile(str(tmp_path / PO))
    entry = next(e for e in po if e.msgstr == confirmed)
    entry.flags.append("fuzzy")  # "Needs work" again, by hand
    po.save(str(tmp_path / PO))
    world.translate(redraft=True)
    assert survives(world) == []

"""translate: fill a language's catalogues with fuzzy drafts.

Order for every entry without a translation: exact match from the project's
translation memory, then the machine translation engine, with the glossary
enforced and verified on every draft (``l10n.enforce``).  Drafts are always
``fuzzy`` and carry a provenance comment; a translation made by a person is
never changed.  Catalogues are saved atomically every few seconds and on
interruption, so Ctrl-C keeps every finished draft.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from l10n.catalog import FUZZY, Catalog, Entry, read_catalog
from l10n.concurrent import Key, file_digest, merge3, read_settled, replace_if_unchanged, text_digest
from l10n.config import Settings
from l10n.engines import Engine, EngineInfo
from l10n.engines.choose import EngineChoice, choose_engine
from l10n.enforce import Draft, Enforcer
from l10n.errors import L10nError
from l10n.extract import now_stamp
from l10n.glossary import Glossary, glossary_files, load_glossary
from l10n.languages import normalize_language
from l10n.lock import project_lock
from l10n.journal import read_journal, write_journal
from l10n.memory import TranslationMemory
from l10n.merge import stamped
from l10n.planning import check_writable, plan_project
from l10n.pofmt import PAGE_WIDTH, format_catalog
from l10n.wrapping import page_width
from l10n.provenance import GLOSSARY_TAG
from l10n import provenance

DRAFT_TAG = "l10n:"  # the marker's first word (``l10n.provenance``); "l10n-draft" is the earlier form

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class TranslateSummary:
    """What a translate run did, for the closing summary."""

    lang: str
    engine: str
    engine_reason: str
    engine_info: EngineInfo | None = None
    reused: int = 0
    drafted: int = 0
    redrafted: int = 0
    terms_enforced: int = 0
    terms_missing: int = 0
    missing_terms: tuple[str, ...] = ()
    kept_drafts: int = 0
    untouched: int = 0
    catalogs: tuple[Path, ...] = field(default=())
    concurrent_saves: tuple[Path, ...] = ()  # catalogues a person saved while the run was drafting
    kept_theirs: int = 0  # entries the person changed meanwhile: their version was kept

    @property
    def engine_calls(self) -> bool:
        return self.engine_info is not None


def digest(text: str) -> str:
    """Return a short stable hash of ``text`` (provenance fingerprints)."""
    return provenance.digest(text)[:8]


def draft_comment(info: EngineInfo, glossary_version: str, msgid: str, msgstr: str) -> str:
    """Return the provenance marker of a fresh draft (``l10n.provenance``).

    ``src``/``out`` fingerprint the source and the draft, so a later run can
    tell an untouched l10n draft (safe to redraft) from one a person edited.
    """
    return provenance.marker(provenance.DRAFT, msgid, msgstr, info.name, info.quality, info.model, glossary_version)


def draft_state(entry: Entry) -> str:
    """Classify an entry: "human", "human-fuzzy", "draft", "stale-draft", "edited-draft", "empty".

    A draft is an l10n-made fuzzy entry whose text is still what l10n wrote;
    it is stale when its source changed since (msgmerge gave it a ``#|``).
    A draft a person confirmed is "human" from then on, and stays a person's
    ("human-fuzzy") when ``update`` makes it fuzzy again: its marker then says
    it was reviewed (state ``r``).
    """
    if entry.msgid_plural is not None:
        return "human" if entry.translated else "plural"
    if not entry.msgstr:
        return "empty"
    if not entry.fuzzy:
        return "human"
    found = provenance.find(entry)
    if found is None or found.state == provenance.REVIEWED:
        return "human-fuzzy"
    if not found.matches_text(entry.msgstr):
        return "edited-draft"
    if not found.matches_source(entry.msgid) or entry.previous_msgid is not None:
        return "stale-draft"
    return "draft"


def apply_draft(entry: Entry, text: str, marker: str, draft: Draft | None = None) -> Entry:
    """Return ``entry`` carrying a fuzzy draft, its provenance marker and glossary notes.

    The marker takes the place of the old one, so a translator's comments stay
    where they were.  A person's text being replaced (only with
    ``--redraft-fuzzy``) is kept in a translator comment, so no one's work is lost.
    """
    kept, at = provenance.without_marker(entry)
    at = len(kept) if at is None else at
    ours = []
    if draft_state(entry) in ("human-fuzzy", "edited-draft"):
        flat = entry.msgstr.replace("\\", "\\\\").replace("\n", "\\n")
        ours.append(f"previous translation: {flat}")
    ours.append(marker)
    for source_term, target in draft.missing if draft else ():
        ours.append(f"{GLOSSARY_TAG}: missing required term “{target}” for “{source_term}”")
    return replace(
        entry,
        msgstr=text,
        flags=(FUZZY, *(f for f in entry.flags if f != FUZZY)),
        translator_comments=(*kept[:at], *ours, *kept[at:]),
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
    )


def project_glossary(settings: Settings) -> Glossary | None:
    """Return the project's glossary, or None if it has no glossary files."""
    return load_glossary(settings.glossary) if glossary_files(settings.glossary) else None


@dataclass
class _Work:
    """One catalogue being drafted: its entries, which of them need drafts, and what is on disk.

    ``base`` is the catalogue the file held when l10n last read or wrote it
    and ``digest`` the hash of those bytes: a save that finds other bytes on
    disk merges the person's changes in first (``l10n.concurrent``).
    """

    path: Path
    catalog: Catalog
    entries: list[Entry]
    todo: list[Key]
    wrap: str | int | None = "gettext"
    base: Catalog | None = None
    digest: str | None = None
    dirty: bool = False
    theirs: set[Key] = field(default_factory=set)  # entries a person changed during the run
    concurrent: bool = False
    drafts: dict[str, str] = field(default_factory=dict)  # journal: marker key -> draft text

    positions: dict[Key, int] | None = None  # key -> index in entries; None: to be rebuilt

    def index(self, key: Key) -> int | None:
        """Return the position of the entry with ``key`` (None if a person removed it)."""
        if self.positions is None:
            self.positions = {entry.key: i for i, entry in enumerate(self.entries)}
        return self.positions.get(key)

    def save(self) -> None:
        if not self.dirty:
            return
        catalog = replace(self.catalog, entries=tuple(self.entries))
        for _ in range(100):  # a person saving again and again: each round merges their latest save
            on_disk = file_digest(self.path)
            if on_disk != self.digest and self.base is not None and on_disk is not None:
                theirs = read_settled(self.path)
                merged = merge3(self.base, catalog, theirs)
                self.base, self.digest = theirs, on_disk  # what they saved is now the common ground
                catalog = merged.catalog
                self.entries, self.positions = list(catalog.entries), None
                self.theirs |= merged.theirs
                self.concurrent = True
            stamped_catalog = stamped(catalog.with_header("PO-Revision-Date", now_stamp()))
            text = format_catalog(stamped_catalog, PAGE_WIDTH if self.wrap == "gettext" else self.wrap)
            try:
                written = replace_if_unchanged(self.path, text, on_disk)
            except OSError as exc:
                hint = "check its permissions"
                raise L10nError(f"cannot write: {exc.strerror or exc}", path=self.path, hint=hint) from None
            if written:
                break
        else:
            raise L10nError("the catalogue keeps changing on disk; drafts were not saved", path=self.path,
                            hint="close the editor that keeps saving it, then run translate again")
        self.base, self.digest, self.catalog = stamped_catalog, text_digest(text), stamped_catalog
        write_journal(self.path, stamped_catalog, {**read_journal(self.path), **self.drafts})
        self.dirty = False


def _plan(path: Path, catalog: Catalog, redraft: bool, redraft_fuzzy: bool) -> tuple[_Work, dict[str, int]]:
    counts = {"kept_drafts": 0, "untouched": 0}
    todo = []
    for entry in catalog.entries:
        if entry.obsolete:
            continue
        state = draft_state(entry)
        if state in ("empty", "stale-draft") or (redraft and state == "draft") or (
            redraft_fuzzy and state in ("draft", "edited-draft", "human-fuzzy")
        ):
            todo.append(entry.key)
        elif state == "draft":
            counts["kept_drafts"] += 1
        else:
            counts["untouched"] += 1
    return _Work(path, catalog, list(catalog.entries), todo), counts


def translate_project(
    settings: Settings,
    lang: str,
    *,
    engine: str = "auto",
    redraft: bool = False,
    redraft_fuzzy: bool = False,
    batch_size: int = 32,
    save_every: float = 2.0,
    progress: ProgressCallback | None = None,
    build_engine: Callable[[EngineChoice], Engine] | None = None,
) -> TranslateSummary:
    """Extract, update and draft every entry of ``lang`` that needs one.

    Everything the run needs is read and checked before the first write: the
    sources, templates and catalogues, the glossary, the engine (built, its
    model loaded, when anything needs it), and that every folder written to
    can be written; a refused run leaves every file as it was.
    ``build_engine`` replaces the engine factory (tests use a fake engine).
    Returns the summary; on KeyboardInterrupt every finished draft is saved
    before the interrupt propagates.
    """
    lang = normalize_language(lang)
    choice = choose_engine(engine, settings.source_language, lang)
    glossary = project_glossary(settings)
    with project_lock(settings.locales):
        plan = plan_project(settings, lang)
        works, totals = [], {"kept_drafts": 0, "untouched": 0}
        for path, catalog in plan.catalogs.items():
            work, counts = _plan(path, catalog, redraft, redraft_fuzzy)
            work.wrap = page_width(settings.wrap, path)
            works.append(work)
            for key in totals:
                totals[key] += counts[key]
        memory = TranslationMemory(plan.catalogs.values())
        result = _Drafting(settings, lang, glossary, choice, build_engine, batch_size, save_every, progress)
        drafting = [w for w in works if w.todo]
        check_writable([*plan.writes, *(w.path for w in drafting)])
        if any(result.needs_engine(w, memory) for w in drafting):
            result.engine = result.build_engine(choice)  # a broken model is refused before any write
        plan.write()
        for work in works:
            work.base, work.digest = work.catalog, file_digest(work.path)
        try:
            result.run(works, memory)
        finally:
            for work in works:
                work.save()
    return TranslateSummary(
        lang=lang,
        engine=choice.name,
        engine_reason=choice.reason,
        engine_info=result.engine.info if result.engine is not None else None,
        reused=result.reused,
        drafted=result.drafted,
        redrafted=result.redrafted,
        terms_enforced=result.terms_enforced,
        terms_missing=result.terms_missing,
        missing_terms=tuple(sorted(result.missing_terms)),
        kept_drafts=totals["kept_drafts"],
        untouched=totals["untouched"],
        catalogs=tuple(plan.catalogs),
        concurrent_saves=tuple(w.path for w in works if w.concurrent),
        kept_theirs=sum(len(w.theirs) for w in works),
    )


class _Drafting:
    """The drafting loop of one run, with its counters."""

    def __init__(
        self,
        settings: Settings,
        lang: str,
        glossary: Glossary | None,
        choice: EngineChoice,
        build_engine: Callable[[EngineChoice], Engine] | None,
        batch_size: int,
        save_every: float,
        progress: ProgressCallback | None,
    ) -> None:
        self.settings = settings
        self.lang = lang
        self.enforcer = Enforcer(glossary, lang)
        self.glossary_version = glossary.version if glossary is not None else "none"
        self.choice = choice
        self.build_engine = build_engine or (lambda c: c.build())
        self.batch_size = max(1, batch_size)
        self.save_every = save_every
        self.progress = progress
        self.engine: Engine | None = None
        self.reused = self.drafted = self.redrafted = 0
        self.terms_enforced = self.terms_missing = 0
        self.missing_terms: set[str] = set()

    def needs_engine(self, work: _Work, memory: TranslationMemory) -> bool:
        """Return True if some entry of ``work`` has no translation-memory match."""
        by_key = {e.key: e for e in work.entries}
        for key in work.todo:
            entry = by_key[key]
            match = memory.lookup(entry.msgid, entry.msgctxt)
            if match is None or match.target == entry.msgstr:
                return True
        return False

    def _current(self, work: _Work, key: Key) -> tuple[int, Entry] | None:
        """The entry with ``key`` now, unless a person changed it during the run."""
        if key in work.theirs:
            return None
        i = work.index(key)
        return None if i is None else (i, work.entries[i])

    def run(self, works: list[_Work], memory: TranslationMemory) -> None:
        total = sum(len(w.todo) for w in works)
        done = 0
        last_save = time.monotonic()
        interval = self.save_every
        for work in works:
            pending = []
            for key in work.todo:
                found = self._current(work, key)
                if found is None:
                    done += 1
                    continue
                i, entry = found
                match = memory.lookup(entry.msgid, entry.msgctxt)
                if match is not None and match.target != entry.msgstr:
                    origin = self.settings.relative(match.path) if match.path else "memory"
                    marker = provenance.marker(
                        provenance.DRAFT, entry.msgid, match.target, "memory", "tm", Path(origin).stem,
                        self.glossary_version,
                    )
                    work.entries[i] = apply_draft(entry, match.target, marker)
                    work.dirty = True
                    self.reused += 1
                    done += 1
                else:
                    pending.append(key)
            for start in range(0, len(pending), self.batch_size):
                batch = [(key, found) for key in pending[start : start + self.batch_size]
                         if (found := self._current(work, key)) is not None]
                done += self.batch_size if start + self.batch_size <= len(pending) else len(pending) - start
                if not batch:
                    continue
                if self.engine is None:
                    self.engine = self.build_engine(self.choice)
                sources = [entry.msgid for _, (_, entry) in batch]
                drafts = self.enforcer.draft(self.engine, sources)
                for (key, _), draft in zip(batch, drafts):
                    found = self._current(work, key)  # a save during the batch may have brought a person's version
                    if found is None:
                        continue
                    i, entry = found
                    was_draft = bool(entry.msgstr)
                    marker = draft_comment(self.engine.info, self.glossary_version, entry.msgid, draft.text)
                    work.entries[i] = apply_draft(entry, draft.text, marker, draft)
                    work.drafts[provenance.find(work.entries[i]).key] = draft.text  # type: ignore[union-attr]
                    self.redrafted += was_draft
                    self.drafted += not was_draft
                    self.terms_enforced += draft.enforced
                    self.terms_missing += draft.missed
                    self.missing_terms.update(term for term, _ in draft.missing)
                work.dirty = True
                if self.progress:
                    self.progress(done, total)
                if time.monotonic() - last_save >= interval:
                    started = time.monotonic()
                    work.save()
                    last_save = time.monotonic()
                    # A large catalogue takes a while to write: keep saving
                    # at most a fifth of the time, so drafting dominates.
                    interval = max(self.save_every, 4 * (last_save - started))
            work.save()
        if self.progress and total:
            self.progress(done, total)

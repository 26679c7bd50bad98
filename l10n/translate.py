"""translate: fill a language's catalogues with fuzzy drafts.

Order for every entry without a translation: exact match from the project's
translation memory, then the machine translation engine, with the glossary
enforced and verified on every draft (``l10n.drafting.enforcement``).  Drafts are always
``fuzzy`` and carry a provenance comment; a translation made by a person is
never changed.  Catalogues are saved atomically every few seconds and on
interruption, so Ctrl-C keeps every finished draft.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Callable, Mapping, Sequence, TypedDict, Unpack

from l10n.drafting.enforcement import Draft
from l10n.drafting.executor import Batch, BatchResult, DraftSpec, Executor, LocalExecutor
from l10n.drafting.planning import check_writable, plan_project
from l10n.engines import Engine, EngineInfo
from l10n.engines.registry import EngineChoice, choose_engine
from l10n.errors import L10nError
from l10n.extract import now_stamp
from l10n.glossary.files import glossary_files
from l10n.glossary.load import load_glossary
from l10n.glossary.model import Glossary
from l10n.po import provenance
from l10n.po.catalog import FUZZY, Catalog, Entry
from l10n.po.concurrent import Key, file_digest, merge3, read_settled, replace_if_unchanged, text_digest
from l10n.po.journal import read_journal, write_journal
from l10n.po.memory import TranslationMemory
from l10n.po.merge import stamped
from l10n.po.provenance import DECODE_TAG, GLOSSARY_TAG
from l10n.po.wrapping import Wrap, page_width
from l10n.po.write import PAGE_WIDTH, encode_catalog
from l10n.project.config import Settings
from l10n.project.lock import project_lock
from l10n.text.languages import normalize_language

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


def draft_comment(info: EngineInfo, glossary_version: str, msgid: str, msgstr: str) -> str:
    """Return the provenance marker of a fresh draft (``l10n.po.provenance``).

    ``src``/``out`` fingerprint the source and the draft, so a later run can
    tell an untouched l10n draft (safe to redraft) from one a person edited.
    """
    return provenance.marker(provenance.MarkerState.DRAFT, msgid, msgstr, info.name, info.quality, info.model, glossary_version)


class DraftState(StrEnum):
    """Whose an entry's text is, as drafting sees it (``draft_state``)."""

    HUMAN = "human"  # a person's translation
    HUMAN_FUZZY = "human-fuzzy"  # a person's translation made fuzzy again (by update, or by hand)
    DRAFT = "draft"  # an l10n draft as l10n wrote it
    STALE_DRAFT = "stale-draft"  # an l10n draft whose source changed since
    EDITED_DRAFT = "edited-draft"  # an l10n draft a person edited, still fuzzy
    EMPTY = "empty"  # nothing to keep
    PLURAL = "plural"  # an untranslated plural entry: drafting leaves plurals to people


def draft_state(entry: Entry) -> DraftState:
    """Classify an entry (a ``DraftState``): human, human-fuzzy, draft, stale-draft, edited-draft, empty, plural.

    A draft is an l10n-made fuzzy entry whose text is still what l10n wrote;
    it is stale when its source changed since (msgmerge gave it a ``#|``).
    A draft a person confirmed is "human" from then on, and stays a person's
    ("human-fuzzy") when ``update`` makes it fuzzy again: its marker then says
    it was reviewed (state ``r``).
    """
    if entry.msgid_plural is not None:
        return DraftState.HUMAN if entry.translated else DraftState.PLURAL
    if not entry.msgstr:
        return DraftState.EMPTY
    if not entry.fuzzy:
        return DraftState.HUMAN
    found = provenance.find(entry)
    if found is None or found.state == provenance.MarkerState.REVIEWED:
        return DraftState.HUMAN_FUZZY
    if not found.matches_text(entry.msgstr):
        return DraftState.EDITED_DRAFT
    if not found.matches_source(entry.msgid) or entry.previous_msgid is not None:
        return DraftState.STALE_DRAFT
    return DraftState.DRAFT


def apply_draft(entry: Entry, text: str, marker: str, draft: Draft | None = None, decode: str = "") -> Entry:
    """Return ``entry`` carrying a fuzzy draft, its provenance marker and glossary notes.

    The marker takes the place of the old one, so a translator's comments stay
    where they were.  A person's text being replaced (only with
    ``--redraft-fuzzy``) is kept in a translator comment, so no one's work is lost.
    """
    kept, at = provenance.without_marker(entry)
    at = len(kept) if at is None else at
    ours = []
    if draft_state(entry) in (DraftState.HUMAN_FUZZY, DraftState.EDITED_DRAFT):
        flat = entry.msgstr.replace("\\", "\\\\").replace("\n", "\\n")
        ours.append(f"previous translation: {flat}")
    ours.append(marker)
    if decode:  # the engine's decoding settings (device, compute type, beam), apart from the short marker
        ours.append(f"{DECODE_TAG}: {decode}")
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
    disk merges the person's changes in first (``l10n.po.concurrent``).
    """

    path: Path
    catalog: Catalog
    entries: list[Entry]
    todo: list[Key]
    wrap: Wrap | int | None = Wrap.GETTEXT
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
            text = encode_catalog(stamped_catalog, PAGE_WIDTH if self.wrap == Wrap.GETTEXT else self.wrap)[0]
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
        if state in (DraftState.EMPTY, DraftState.STALE_DRAFT) or (redraft and state == DraftState.DRAFT) or (
            redraft_fuzzy and state in (DraftState.DRAFT, DraftState.EDITED_DRAFT, DraftState.HUMAN_FUZZY)
        ):
            todo.append(entry.key)
        elif state == DraftState.DRAFT:
            counts["kept_drafts"] += 1
        else:
            counts["untouched"] += 1
    return _Work(path, catalog, list(catalog.entries), todo), counts


class DraftOptions(TypedDict, total=False):
    """The keyword options of ``translate_project`` and ``translate_languages`` (defaults: ``translate_languages``'s)."""

    engine: str
    redraft: bool
    redraft_fuzzy: bool
    batch_size: int
    save_every: float
    progress: ProgressCallback | None
    build_engine: Callable[[EngineChoice], Engine] | None
    executor: Executor | None
    engine_options: Mapping[str, object] | None
    notice: Callable[[str], None] | None


def translate_project(settings: Settings, lang: str, **options: Unpack[DraftOptions]) -> TranslateSummary:
    """Extract, update and draft every entry of ``lang`` that needs one.

    ``build_engine`` replaces the engine factory (tests use a fake engine);
    ``executor`` says where batches are drafted (default: this process);
    ``engine_options`` are the command line's engine options (over
    ``[tool.l10n.engine.NAME]``); ``notice`` receives the engine's warnings
    (e.g. text about to go to a plain-HTTP host) before any drafting; the
    other options are ``translate_languages``'s.
    Returns the summary; on KeyboardInterrupt every finished draft is saved
    before the interrupt propagates.
    """
    (summary,) = translate_languages(settings, [lang], **options)
    return summary


def translate_languages(
    settings: Settings,
    langs: Sequence[str],
    *,
    engine: str = "auto",
    redraft: bool = False,
    redraft_fuzzy: bool = False,
    batch_size: int = 32,
    save_every: float = 2.0,
    progress: ProgressCallback | None = None,
    build_engine: Callable[[EngineChoice], Engine] | None = None,
    executor: Executor | None = None,
    engine_options: Mapping[str, object] | None = None,
    notice: Callable[[str], None] | None = None,
) -> tuple[TranslateSummary, ...]:
    """Draft several languages in one run, one summary per language.

    Every language is planned first (one extract, one update each), then the
    batches of all languages go to one executor, so a cluster drafts them
    side by side instead of one language after another.

    Everything the run needs is read and checked before the first write: the
    sources, templates and catalogues, the glossary, the engine (built, its
    model loaded, when anything needs it and drafting is in this process),
    and that every folder written to can be written; a refused run leaves
    every file as it was.
    """
    langs = list(dict.fromkeys(normalize_language(lang) for lang in langs))
    choices = {
        lang: choose_engine(
            engine,
            settings.source_language,
            lang,
            configured=settings.engine_tables(),
            cli_options=engine_options,
            config_file=settings.config_file,
        )
        for lang in langs
    }
    for warning in dict.fromkeys(w for choice in choices.values() for w in choice.warnings):
        if notice is not None:
            notice(warning)
    glossary = project_glossary(settings)
    executor = executor or LocalExecutor()
    with project_lock(settings.locales):
        project = plan_project(settings, langs)
        plans = []
        for lang in langs:
            spec = DraftSpec(choices[lang], glossary, lang, build_engine)
            plans.append(_LangPlan.make(spec, project.catalogs[lang], redraft, redraft_fuzzy, settings.wrap))
        drafting = [w for plan in plans for w in plan.works if w.todo]
        check_writable([*project.writes, *(w.path for w in drafting)])
        prepare = getattr(executor, "prepare", None)
        for plan in plans:
            if prepare is not None and any(plan.needs_engine(w) for w in plan.works if w.todo):
                prepare(plan.spec)  # a broken model is refused before any write
        project.write()
        for plan in plans:
            for work in plan.works:
                # What the file holds as far as l10n knows: a person's save since is merged at the first save.
                work.base, work.digest = project.bases.get(work.path, work.catalog), project.digests.get(work.path)
        run = _Drafting(settings, executor, batch_size, save_every, progress)
        try:
            run.run(plans)
        finally:
            _save_all(plans)
    return tuple(plan.summary() for plan in plans)


def _save_all(plans: list[_LangPlan]) -> None:
    """Save every catalogue of the run, even through a Ctrl-C.

    A Ctrl-C inside the last save (nothing periodic saved yet on a fast run)
    would otherwise end the run with none of its drafts on disk: the save is
    done again (at most twice more per catalogue), and the interrupt is
    raised once everything is saved, so the run still ends as interrupted.
    """
    interrupted: KeyboardInterrupt | None = None
    for plan in plans:
        for work in plan.works:
            for _ in range(3):
                try:
                    work.save()
                    break
                except KeyboardInterrupt as exc:
                    interrupted = exc
    if interrupted is not None:
        raise interrupted


@dataclass
class _LangPlan:
    """One language of a run: its catalogues, what needs drafts, and its counters."""

    spec: DraftSpec
    works: list[_Work]
    memory: TranslationMemory
    kept_drafts: int = 0
    untouched: int = 0
    info: EngineInfo | None = None
    reused: int = 0
    drafted: int = 0
    redrafted: int = 0
    terms_enforced: int = 0
    terms_missing: int = 0
    missing_terms: set[str] = field(default_factory=set)

    @classmethod
    def make(
        cls, spec: DraftSpec, catalogs: dict[Path, Catalog], redraft: bool, redraft_fuzzy: bool, wrap: Wrap | int
    ) -> "_LangPlan":
        plan = cls(spec, [], TranslationMemory((path.as_posix(), catalog) for path, catalog in catalogs.items()))
        for path, catalog in catalogs.items():
            work, counts = _plan(path, catalog, redraft, redraft_fuzzy)
            work.wrap = page_width(wrap, path)
            plan.works.append(work)
            plan.kept_drafts += counts["kept_drafts"]
            plan.untouched += counts["untouched"]
        return plan

    def needs_engine(self, work: _Work) -> bool:
        """Return True if some entry of ``work`` to draft has no translation-memory match."""
        by_key = {e.key: e for e in work.entries}
        for key in work.todo:
            entry = by_key[key]
            match = self.memory.lookup(entry.msgid, entry.msgctxt)
            if match is None or match.target == entry.msgstr:
                return True
        return False

    def summary(self) -> TranslateSummary:
        choice = self.spec.choice
        return TranslateSummary(
            lang=self.spec.lang,
            engine=choice.name,
            engine_reason=choice.reason,
            engine_info=self.info,
            reused=self.reused,
            drafted=self.drafted,
            redrafted=self.redrafted,
            terms_enforced=self.terms_enforced,
            terms_missing=self.terms_missing,
            missing_terms=tuple(sorted(self.missing_terms)),
            kept_drafts=self.kept_drafts,
            untouched=self.untouched,
            catalogs=tuple(work.path for work in self.works),
            concurrent_saves=tuple(w.path for w in self.works if w.concurrent),
            kept_theirs=sum(len(w.theirs) for w in self.works),
        )


def _current(work: _Work, key: Key) -> tuple[int, Entry] | None:
    """The entry with ``key`` now, unless a person changed it during the run."""
    if key in work.theirs:
        return None
    i = work.index(key)
    return None if i is None else (i, work.entries[i])


class _Drafting:
    """The drafting loop of one run: memory here, batches through the executor."""

    def __init__(
        self,
        settings: Settings,
        executor: Executor,
        batch_size: int,
        save_every: float,
        progress: ProgressCallback | None,
    ) -> None:
        self.settings = settings
        self.executor = executor
        self.batch_size = max(1, batch_size)
        self.save_every = save_every
        self.progress = progress
        self.done = self.total = 0

    def run(self, plans: list[_LangPlan]) -> None:
        self.total = sum(len(w.todo) for plan in plans for w in plan.works)
        pending = [(plan, work, self._reuse(plan, work)) for plan in plans for work in plan.works]
        # A key is (msgctxt, msgid): the batch's sources are the msgids.
        batches = (
            Batch(plan.spec, tuple(key[1] for key in chunk), (id(plan), id(work), tuple(chunk)))
            for plan, work, todo in pending
            for chunk in (todo[s : s + self.batch_size] for s in range(0, len(todo), self.batch_size))
        )
        where = {(id(plan), id(work)): (plan, work) for plan, work, _ in pending}
        last_save = time.monotonic()
        interval = self.save_every
        for batch, result in self.executor.map(batches):
            plan_id, work_id, keys = batch.ticket
            plan, work = where[(plan_id, work_id)]
            self._apply(plan, work, keys, result)
            if self.progress:
                self.progress(self.done, self.total)
            if time.monotonic() - last_save >= interval:
                started = time.monotonic()
                for _, dirty, _ in pending:
                    dirty.save()
                last_save = time.monotonic()
                # A large catalogue takes a while to write: keep saving
                # at most a fifth of the time, so drafting dominates.
                interval = max(self.save_every, 4 * (last_save - started))
        if self.progress and self.total:
            self.progress(self.done, self.total)

    def _reuse(self, plan: _LangPlan, work: _Work) -> list[Key]:
        """Fill what translation memory knows; return the entries left for the engine."""
        version = plan.spec.glossary.version if plan.spec.glossary is not None else "none"
        left = []
        for key in work.todo:
            found = _current(work, key)
            if found is None:
                continue
            i, entry = found
            match = plan.memory.lookup(entry.msgid, entry.msgctxt)
            if match is not None and match.target != entry.msgstr:
                origin = self.settings.relative(match.path) if match.path else "memory"
                marker = provenance.marker(
                    provenance.MarkerState.DRAFT, entry.msgid, match.target, "memory", provenance.Quality.MEMORY,
                    Path(origin).stem, version,
                )
                work.entries[i] = apply_draft(entry, match.target, marker)
                work.dirty = True
                plan.reused += 1
                self.done += 1
            else:
                left.append(key)
        return left

    def _apply(self, plan: _LangPlan, work: _Work, keys: tuple[Key, ...], result: BatchResult) -> None:
        version = plan.spec.glossary.version if plan.spec.glossary is not None else "none"
        plan.info = result.info
        for key, draft in zip(keys, result.drafts):
            if not draft.text.strip():
                continue  # an engine that gave nothing (an LLM's empty answer): leave the entry
            found = _current(work, key)  # a save during the run may have brought a person's version
            if found is None:
                continue
            i, entry = found
            was_draft = bool(entry.msgstr)
            marker = draft_comment(result.info, version, entry.msgid, draft.text)
            work.entries[i] = apply_draft(entry, draft.text, marker, draft, result.info.settings)
            work.drafts[provenance.find(work.entries[i]).key] = draft.text  # type: ignore[union-attr]
            plan.redrafted += was_draft
            plan.drafted += not was_draft
            plan.terms_enforced += draft.enforced
            plan.terms_missing += draft.missed
            plan.missing_terms.update(term for term, _ in draft.missing)
        work.dirty = True
        self.done += len(keys)

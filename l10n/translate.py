"""translate: fill a language's catalogues with fuzzy drafts.

Order for every entry without a translation: exact match from the project's
translation memory, then the machine translation engine, with the glossary
enforced and verified on every draft (``l10n.enforce``).  Drafts are always
``fuzzy`` and carry a provenance comment; a translation made by a person is
never changed.  Catalogues are saved atomically every few seconds and on
interruption, so Ctrl-C keeps every finished draft.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping, Sequence

from l10n.catalog import FUZZY, Catalog, Entry, read_catalog, write_catalog
from l10n.config import Settings
from l10n.engines import Engine, EngineInfo
from l10n.engines.choose import EngineChoice, choose_engine
from l10n.enforce import Draft
from l10n.executor import Batch, BatchResult, DraftSpec, Executor, LocalExecutor
from l10n.extract import extract_all, now_stamp
from l10n.glossary import Glossary, glossary_files, load_glossary
from l10n.languages import normalize_language
from l10n.lock import project_lock
from l10n.memory import TranslationMemory, language_catalogs
from l10n.merge import update_all

DRAFT_TAG = "l10n-draft"
GLOSSARY_TAG = "l10n-glossary"
_DRAFT_LINE = re.compile(r"^l10n-draft\b.*\bsrc=(?P<src>[0-9a-f]+)\b.*\bout=(?P<out>[0-9a-f]+)")

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

    @property
    def engine_calls(self) -> bool:
        return self.engine_info is not None


def digest(text: str) -> str:
    """Return a short stable hash of ``text`` (provenance fingerprints)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def draft_comment(info: EngineInfo | str, glossary_version: str, msgid: str, msgstr: str) -> str:
    """Return the provenance comment of a draft.

    ``src``/``out`` fingerprint the source and the draft, so a later run can
    tell an untouched l10n draft (safe to redraft) from one a person edited.
    """
    if isinstance(info, EngineInfo):
        what = f"engine={info.name} model={info.model} quality={info.quality}"
        if info.settings:
            what += f" decode={info.settings}"
    else:
        what = info
    return f"{DRAFT_TAG} {what} glossary={glossary_version} src={digest(msgid)} out={digest(msgstr)}"


def draft_state(entry: Entry) -> str:
    """Classify an entry: "human", "human-fuzzy", "draft", "stale-draft", "edited-draft", "empty".

    A draft is an l10n-made fuzzy entry whose text is still what l10n wrote;
    it is stale when its source changed since (msgmerge gave it a ``#|``).
    """
    if entry.msgid_plural is not None:
        return "human" if entry.translated else "plural"
    if not entry.msgstr:
        return "empty"
    if not entry.fuzzy:
        return "human"
    for comment in entry.translator_comments:
        match = _DRAFT_LINE.match(comment)
        if match:
            if match["out"] != digest(entry.msgstr):
                return "edited-draft"
            if match["src"] != digest(entry.msgid) or entry.previous_msgid is not None:
                return "stale-draft"
            return "draft"
    return "human-fuzzy"


def _without_l10n_comments(entry: Entry) -> tuple[str, ...]:
    return tuple(c for c in entry.translator_comments if not c.startswith(("l10n-draft", GLOSSARY_TAG)))


def apply_draft(entry: Entry, text: str, provenance: str, draft: Draft | None = None) -> Entry:
    """Return ``entry`` carrying a fuzzy draft, its provenance and glossary notes.

    A person's text being replaced (only with ``--redraft-fuzzy``) is kept in
    a translator comment, so no one's work is lost.
    """
    comments = list(_without_l10n_comments(entry))
    if draft_state(entry) in ("human-fuzzy", "edited-draft"):
        flat = entry.msgstr.replace("\\", "\\\\").replace("\n", "\\n")
        comments.append(f"previous translation: {flat}")
    comments.append(provenance)
    for source_term, target in draft.missing if draft else ():
        comments.append(f"{GLOSSARY_TAG}: missing required term “{target}” for “{source_term}”")
    return replace(
        entry,
        msgstr=text,
        flags=(FUZZY, *(f for f in entry.flags if f != FUZZY)),
        translator_comments=tuple(comments),
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
    )


def refuse_unsupported(choice: EngineChoice) -> None:
    """Raise L10nError when the chosen engine cannot draft the pair (the fallback drafts Chinese only)."""
    if choice.name == "fallback":
        from l10n.engines.fallback import covers, refusal

        if not covers(choice.source, choice.target):
            raise refusal(choice.source, choice.target)


def project_glossary(settings: Settings) -> Glossary | None:
    """Return the project's glossary, or None if it has no glossary files."""
    return load_glossary(settings.glossary) if glossary_files(settings.glossary) else None


@dataclass
class _Work:
    """One catalogue being drafted: its entries and which of them need drafts."""

    path: Path
    catalog: Catalog
    entries: list[Entry]
    todo: list[int]
    dirty: bool = False

    def save(self) -> None:
        if self.dirty:
            catalog = self.catalog.with_header("PO-Revision-Date", now_stamp())
            write_catalog(self.path, replace(catalog, entries=tuple(self.entries)))
            self.dirty = False


def _plan(path: Path, catalog: Catalog, redraft: bool, redraft_fuzzy: bool) -> tuple[_Work, dict[str, int]]:
    counts = {"kept_drafts": 0, "untouched": 0}
    todo = []
    for i, entry in enumerate(catalog.entries):
        if entry.obsolete:
            continue
        state = draft_state(entry)
        if state in ("empty", "stale-draft") or (redraft and state == "draft") or (
            redraft_fuzzy and state in ("draft", "edited-draft", "human-fuzzy")
        ):
            todo.append(i)
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
    executor: Executor | None = None,
    engine_options: Mapping[str, object] | None = None,
    notice: Callable[[str], None] | None = None,
) -> TranslateSummary:
    """Extract, update and draft every entry of ``lang`` that needs one.

    ``build_engine`` replaces the engine factory (tests use a fake engine);
    ``executor`` says where batches are drafted (default: this process);
    ``engine_options`` are the command line's engine options (over
    ``[tool.l10n.engine.NAME]``); ``notice`` receives the engine's warnings
    (e.g. text about to go to a plain-HTTP host) before any drafting.
    Returns the summary; on KeyboardInterrupt every finished draft is saved
    before the interrupt propagates.
    """
    (summary,) = translate_languages(
        settings, [lang], engine=engine, redraft=redraft, redraft_fuzzy=redraft_fuzzy, batch_size=batch_size,
        save_every=save_every, progress=progress, build_engine=build_engine, executor=executor,
        engine_options=engine_options, notice=notice,
    )
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
    if build_engine is None:
        for choice in choices.values():
            refuse_unsupported(choice)  # before anything is written
    with project_lock(settings.locales):
        templates = {r.domain: r.template for r in extract_all(settings) if r.template is not None}
        merged = {r.path: r.catalog for r in update_all(settings, langs, templates) if r.catalog is not None}
        glossary = project_glossary(settings)
        plans = []
        for lang in langs:
            paths = language_catalogs(settings.locales, lang)
            catalogs = {path: merged[path] if path in merged else read_catalog(path) for path in paths}
            spec = DraftSpec(choices[lang], glossary, lang, build_engine)
            plans.append(_LangPlan.make(spec, catalogs, redraft, redraft_fuzzy))
        drafting = _Drafting(settings, executor or LocalExecutor(), batch_size, save_every, progress)
        try:
            drafting.run(plans)
        finally:
            for plan in plans:
                for work in plan.works:
                    work.save()
    return tuple(plan.summary() for plan in plans)


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
    def make(cls, spec: DraftSpec, catalogs: dict[Path, Catalog], redraft: bool, redraft_fuzzy: bool) -> "_LangPlan":
        plan = cls(spec, [], TranslationMemory(catalogs.values()))
        for path, catalog in catalogs.items():
            work, counts = _plan(path, catalog, redraft, redraft_fuzzy)
            plan.works.append(work)
            plan.kept_drafts += counts["kept_drafts"]
            plan.untouched += counts["untouched"]
        return plan

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
        )


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
        batches = (
            Batch(plan.spec, tuple(work.entries[i].msgid for i in chunk), (id(plan), id(work), tuple(chunk)))
            for plan, work, todo in pending
            for chunk in (todo[s : s + self.batch_size] for s in range(0, len(todo), self.batch_size))
        )
        where = {(id(plan), id(work)): (plan, work) for plan, work, _ in pending}
        last_save = time.monotonic()
        interval = self.save_every
        for batch, result in self.executor.map(batches):
            plan_id, work_id, indices = batch.ticket
            plan, work = where[(plan_id, work_id)]
            self._apply(plan, work, indices, result)
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

    def _reuse(self, plan: _LangPlan, work: _Work) -> list[int]:
        """Fill what translation memory knows; return the entries left for the engine."""
        version = plan.spec.glossary.version if plan.spec.glossary is not None else "none"
        left = []
        for i in work.todo:
            entry = work.entries[i]
            match = plan.memory.lookup(entry.msgid, entry.msgctxt)
            if match is not None and match.target != entry.msgstr:
                origin = self.settings.relative(match.path) if match.path else "memory"
                provenance = draft_comment(f"engine=memory origin={origin}", version, entry.msgid, match.target)
                work.entries[i] = apply_draft(entry, match.target, provenance)
                work.dirty = True
                plan.reused += 1
                self.done += 1
            else:
                left.append(i)
        return left

    def _apply(self, plan: _LangPlan, work: _Work, indices: tuple[int, ...], result: BatchResult) -> None:
        version = plan.spec.glossary.version if plan.spec.glossary is not None else "none"
        plan.info = result.info
        for i, draft in zip(indices, result.drafts):
            if not draft.text.strip():
                continue  # an engine that gave nothing (an LLM's empty answer): leave the entry
            entry = work.entries[i]
            was_draft = bool(entry.msgstr)
            provenance = draft_comment(result.info, version, entry.msgid, draft.text)
            work.entries[i] = apply_draft(entry, draft.text, provenance, draft)
            plan.redrafted += was_draft
            plan.drafted += not was_draft
            plan.terms_enforced += draft.enforced
            plan.terms_missing += draft.missed
            plan.missing_terms.update(term for term, _ in draft.missing)
        work.dirty = True
        self.done += len(indices)

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
from typing import Callable, Mapping

from l10n.catalog import FUZZY, Catalog, Entry, read_catalog, write_catalog
from l10n.config import Settings
from l10n.engines import Engine, EngineInfo
from l10n.engines.choose import EngineChoice, choose_engine
from l10n.enforce import Draft, Enforcer
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
    engine_options: Mapping[str, object] | None = None,
    notice: Callable[[str], None] | None = None,
) -> TranslateSummary:
    """Extract, update and draft every entry of ``lang`` that needs one.

    ``build_engine`` replaces the engine factory (tests use a fake engine);
    ``engine_options`` are the command line's engine options (over
    ``[tool.l10n.engine.NAME]``); ``notice`` receives the engine's warnings
    (e.g. text about to go to a plain-HTTP host) before any drafting.
    Returns the summary; on KeyboardInterrupt every finished draft is saved
    before the interrupt propagates.
    """
    lang = normalize_language(lang)
    choice = choose_engine(
        engine,
        settings.source_language,
        lang,
        configured=settings.engine_tables(),
        cli_options=engine_options,
        config_file=settings.config_file,
    )
    for warning in choice.warnings:
        if notice is not None:
            notice(warning)
    with project_lock(settings.locales):
        templates = {r.domain: r.template for r in extract_all(settings) if r.template is not None}
        merged = {r.path: r.catalog for r in update_all(settings, [lang], templates) if r.catalog is not None}
        paths = language_catalogs(settings.locales, lang)
        catalogs = {path: merged[path] if path in merged else read_catalog(path) for path in paths}
        glossary = project_glossary(settings)
        works, totals = [], {"kept_drafts": 0, "untouched": 0}
        for path, catalog in catalogs.items():
            work, counts = _plan(path, catalog, redraft, redraft_fuzzy)
            works.append(work)
            for key in totals:
                totals[key] += counts[key]
        result = _Drafting(settings, lang, glossary, choice, build_engine, batch_size, save_every, progress)
        try:
            result.run(works, TranslationMemory(catalogs.values()))
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
        catalogs=tuple(paths),
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

    def run(self, works: list[_Work], memory: TranslationMemory) -> None:
        total = sum(len(w.todo) for w in works)
        done = 0
        last_save = time.monotonic()
        interval = self.save_every
        for work in works:
            pending = []
            for i in work.todo:
                entry = work.entries[i]
                match = memory.lookup(entry.msgid, entry.msgctxt)
                if match is not None and match.target != entry.msgstr:
                    origin = self.settings.relative(match.path) if match.path else "memory"
                    provenance = draft_comment(
                        f"engine=memory origin={origin}", self.glossary_version, entry.msgid, match.target
                    )
                    work.entries[i] = apply_draft(entry, match.target, provenance)
                    work.dirty = True
                    self.reused += 1
                    done += 1
                else:
                    pending.append(i)
            for start in range(0, len(pending), self.batch_size):
                batch = pending[start : start + self.batch_size]
                if self.engine is None:
                    self.engine = self.build_engine(self.choice)
                sources = [work.entries[i].msgid for i in batch]
                drafts = self.enforcer.draft(self.engine, sources)
                for i, draft in zip(batch, drafts):
                    if not draft.text.strip():
                        continue  # an engine that gave nothing (an LLM's empty answer): leave the entry
                    entry = work.entries[i]
                    was_draft = bool(entry.msgstr)
                    provenance = draft_comment(self.engine.info, self.glossary_version, entry.msgid, draft.text)
                    work.entries[i] = apply_draft(entry, draft.text, provenance, draft)
                    self.redrafted += was_draft
                    self.drafted += not was_draft
                    self.terms_enforced += draft.enforced
                    self.terms_missing += draft.missed
                    self.missing_terms.update(term for term, _ in draft.missing)
                work.dirty = True
                done += len(batch)
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

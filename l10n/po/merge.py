"""update: merge a template into a language's catalogue with msgmerge semantics.

- Every existing translation is kept.
- An entry whose source changed slightly inherits the old translation as
  ``fuzzy`` and records the old source as ``#| msgid``.
- Entries whose source vanished become obsolete (``#~``) if they were
  translated, so a translator's work can come back if the sentence does.
- New sentences arrive untranslated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from l10n import __version__
from l10n.po import provenance
from l10n.po.catalog import FUZZY, Catalog, Entry
from l10n.po.fuzzy import FuzzyIndex
from l10n.text.languages import language_name, plural_forms

# GNU msgmerge accepts a fuzzy candidate at a similarity of 0.6 or more.
FUZZY_THRESHOLD = 60.0


@dataclass(frozen=True)
class MergeStats:
    """Counts of what a merge did to one catalogue."""

    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    created: bool = False


def po_header(pot: Catalog, lang: str, old: Catalog | None) -> tuple[tuple[str, str], ...]:
    """Return the header of a catalogue: the old one refreshed, or a new one."""
    base = old if old is not None else pot
    catalog = base
    creation = pot.header_value("POT-Creation-Date")
    if creation is not None:
        catalog = catalog.with_header("POT-Creation-Date", creation)
    if old is None:
        catalog = catalog.with_header("Language-Team", f"{language_name(lang)} <LL@li.org>")
    for name, value in (
        ("Language", lang),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", plural_forms(lang)),
    ):
        current = catalog.header_value(name)
        if not current or (name == "Content-Type" and "CHARSET" in current):
            catalog = catalog.with_header(name, value)
    if old is None:
        # As msgmerge, an existing catalogue's X-Generator is the last editor's: stamping
        # ours on every run would rewrite files that did not change (``update_all``
        # adds it to a catalogue that lacks one when it writes anyway).
        catalog = catalog.with_header("X-Generator", f"l10n {__version__}")
    return catalog.header


def _from_template(template: Entry, old: Entry) -> Entry:
    """The template's entry carrying the old entry's translation and comments."""
    return replace(
        template,
        msgstr=old.msgstr,
        msgstr_plural=old.msgstr_plural,
        translator_comments=old.translator_comments,
        flags=_merge_flags(template.flags, old.flags),
        previous_msgctxt=old.previous_msgctxt if old.fuzzy else None,
        previous_msgid=old.previous_msgid if old.fuzzy else None,
        previous_msgid_plural=old.previous_msgid_plural if old.fuzzy else None,
    )


def _merge_flags(template_flags: Iterable[str], old_flags: Iterable[str]) -> tuple[str, ...]:
    flags = [f for f in old_flags if f == FUZZY]
    flags += [f for f in template_flags if f not in flags]
    return tuple(flags)


def _obsolete(entry: Entry) -> Entry:
    return replace(entry, obsolete=True, references=(), extracted_comments=())


def merge(pot: Catalog, po: Catalog | None, lang: str) -> tuple[Catalog, MergeStats]:
    """Return ``po`` merged with the template ``pot`` and what the merge did."""
    old_entries = po.entries if po is not None else ()
    by_key: dict[tuple[str | None, str], Entry] = {}
    for entry in old_entries:
        # An active entry wins over an obsolete one with the same key.
        if entry.key not in by_key or not entry.obsolete:
            by_key[entry.key] = entry
    candidates = [e for e in old_entries if not e.obsolete and e.translated]
    index = FuzzyIndex([e.msgid for e in candidates])
    pot_keys = {e.key for e in pot.entries if not e.obsolete}

    merged: list[Entry] = []
    used: set[tuple[str | None, str]] = set()
    kept = fuzzy = new = 0
    for template in pot.entries:
        if template.obsolete:
            continue
        old = by_key.get(template.key)
        if old is not None:
            merged.append(_from_template(template, old))
            used.add(old.key)
            kept += 1
            continue
        match = index.best(template.msgid, FUZZY_THRESHOLD)
        if match is not None:
            source = candidates[match[0]]
            used.add(source.key)  # as msgmerge: a fuzzy source does not go obsolete
            inherited = _from_template(template, source)
            if not source.fuzzy:
                # A reviewed l10n draft turning fuzzy stays a person's translation: its
                # marker now says so, so translate never takes it for its own stale draft.
                inherited = provenance.with_state(inherited, provenance.MarkerState.REVIEWED)
            merged.append(
                replace(
                    inherited,
                    flags=_merge_flags(template.flags, (FUZZY,)),
                    previous_msgctxt=source.msgctxt,
                    previous_msgid=source.msgid,
                    previous_msgid_plural=source.msgid_plural,
                )
            )
            fuzzy += 1
            continue
        merged.append(template)
        new += 1

    obsolete = [_obsolete(e) for e in old_entries if e.key not in used and e.key not in pot_keys and e.translated]
    newly = sum(1 for e in obsolete if not by_key[e.key].obsolete)
    header_comments = po.header_comments if po is not None else (
        f"{language_name(lang)} translation of {pot.header_value('Project-Id-Version') or 'this document'}.",
        "Edited by translators and by `l10n`; l10n never overwrites a reviewed translation.",
    )
    # msgmerge keeps an existing header's flags (``#, fuzzy`` included); a new catalogue has none.
    header_flags = po.header_flags if po is not None else ()
    catalog = Catalog(
        header=po_header(pot, lang, po),
        entries=tuple(merged) + tuple(obsolete),
        header_comments=header_comments,
        header_flags=header_flags,
        path=po.path if po is not None else None,
    )
    catalog = catalog.carry_header(po) if po is not None else catalog
    stats = MergeStats(kept=kept, fuzzy=fuzzy, new=new, obsolete=newly, created=po is None)
    return catalog, stats


def stamped(catalog: Catalog) -> Catalog:
    """Return ``catalog`` as l10n writes it when it writes it anyway (never a reason to write).

    It gets an X-Generator header where it has none, and every draft a person
    confirmed (not fuzzy, marker still in state ``d``) gets state ``r``, so it
    stays the person's even if it turns fuzzy later by a hand or a tool l10n
    does not see.
    """
    if catalog.header_value("X-Generator") is None and catalog.header:
        catalog = catalog.with_header("X-Generator", f"l10n {__version__}")
    entries = tuple(
        provenance.with_state(e, provenance.MarkerState.REVIEWED) if e.translator_comments and not e.fuzzy and e.translated else e
        for e in catalog.entries
    )
    return replace(catalog, entries=entries) if entries != catalog.entries else catalog

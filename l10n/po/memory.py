"""Translation memory: the reviewed translations of a language's catalogues, one memory for every use.

What is remembered, one rule for every reader: each plural form of each
active entry with a msgid that a person reviewed (not fuzzy) and whose
translation is not empty, with the catalogue and line it lives on.  A machine
draft is never remembered: it must never teach another draft, nor make a
reviewed entry look inconsistent.

Two readers ask it two questions:

- ``lookup`` (drafting, ``l10n.translate``): the translation to reuse for
  exactly this singular message: the most frequent of its reviewed
  translations, then the first seen, so the answer is deterministic;
- ``held`` (the ``consistency`` check): every translation of one plural form
  of one message, and where it is, to compare an entry with.  A translation
  of nothing but whitespace is left out here: that is the ``empty`` check's
  error, not a translation to compare with.

Each answer is indexed on first use, in one pass over the catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from l10n.po.catalog import Catalog, Entry

Key = tuple[str | None, str, int]  # (msgctxt, msgid, plural form)


@dataclass(frozen=True)
class MemoryMatch:
    """A reviewed translation of exactly the same source, and where it lives."""

    target: str
    path: Path | None  # the catalogue it came from (the same msgid finds the entry there)


class _Form(NamedTuple):
    """One remembered translation: a form of one reviewed entry of one catalogue (a tuple: there are many)."""

    name: str  # how the memory's owner names the catalogue
    catalog: Catalog
    entry: Entry
    form: int
    target: str

    @property
    def location(self) -> str:
        return f"{self.name}:{self.entry.line}" if self.entry.line else self.name


class TranslationMemory:
    """The reviewed translations of the given ``(name, catalog)`` pairs (see the module docstring).

    ``name`` is how findings name the catalogue (``name:line``); ``lookup``
    answers with the catalogue's own ``path``.
    """

    def __init__(self, catalogs: Iterable[tuple[str, Catalog]]) -> None:
        self._catalogs = tuple(catalogs)

    def _remembered(self) -> Iterator[_Form]:
        """Every remembered translation, in catalogue order then file order (the module's one rule)."""
        for name, catalog in self._catalogs:
            for entry in catalog.active:
                if not entry.msgid or entry.fuzzy:
                    continue
                forms = (entry.msgstr,) if entry.msgid_plural is None else (entry.msgstr_plural or ("",))
                for form, target in enumerate(forms):
                    if target:
                        yield _Form(name, catalog, entry, form, target)

    @cached_property
    def _held(self) -> dict[Key, tuple[tuple[str, str], ...]]:
        held: dict[Key, list[tuple[str, str]]] = {}
        for found in self._remembered():
            if found.target.strip():
                key = (found.entry.msgctxt, found.entry.msgid, found.form)
                held.setdefault(key, []).append((found.target, found.location))
        return {key: tuple(values) for key, values in held.items()}

    @cached_property
    def _best(self) -> dict[tuple[str | None, str], MemoryMatch]:
        counts: dict[tuple[str | None, str], dict[str, int]] = {}
        first: dict[tuple[tuple[str | None, str], str], Path | None] = {}
        for found in self._remembered():
            if found.entry.msgid_plural is not None:
                continue  # drafting fills singular messages only (plural ones are left to people)
            key = found.entry.key
            variants = counts.setdefault(key, {})
            variants[found.target] = variants.get(found.target, 0) + 1
            first.setdefault((key, found.target), found.catalog.path)
        best = {}
        for key, variants in counts.items():
            target = max(variants, key=lambda t: variants[t])  # max keeps the first of ties
            best[key] = MemoryMatch(target, first[(key, target)])
        return best

    def __len__(self) -> int:
        """Return the number of singular messages ``lookup`` has a translation for."""
        return len(self._best)

    def lookup(self, msgid: str, msgctxt: str | None = None) -> MemoryMatch | None:
        """Return the reviewed translation of exactly the singular message ``msgid`` to reuse, or None."""
        return self._best.get((msgctxt, msgid))

    def held(self, msgctxt: str | None, msgid: str, form: int = 0) -> tuple[tuple[str, str], ...]:
        """Return every ``(translation, "name:line")`` of plural form ``form`` of the message, in order."""
        return self._held.get((msgctxt, msgid, form), ())

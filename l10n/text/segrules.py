"""The word lists and project rules that sentence segmentation consults.

The built-in lists live in ``l10n/text/data/segment-rules.toml`` (data, not code);
a project adds its own in ``[tool.l10n]``:

- ``abbreviations = ["approx", "Art", "Sec"]``: words that end a sentence only
  before a common sentence opener (``Art. 5`` and ``approx. three`` stay whole,
  ``... under Sec. The court`` splits).  A table with the keys of the data file
  (``inner``, ``numbered``, ``ambiguous``, ``suffixes``) puts words in a class
  of their choice.
- ``no-break = [{ before = "\\\\bExh\\\\.", after = "\\\\s+\\\\d" }]``: SRX-style
  non-breaking rules.  A boundary is refused where the text before it ends with
  a match of ``before`` and the text after it starts with a match of ``after``
  (each looked for within 200 characters of the boundary).

``quotes = "whole"`` keeps a quotation of several sentences in one segment
(the default, ``"split"``, splits it sentence by sentence).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from l10n.errors import L10nError

DATA = Path(__file__).resolve().parent / "data" / "segment-rules.toml"
CLASSES = ("inner", "numbered", "ambiguous", "suffixes")


class Quotes(StrEnum):
    """What segmentation does with a quotation of several sentences (the ``quotes`` setting)."""

    SPLIT = "split"  # sentence by sentence
    WHOLE = "whole"  # one segment


QUOTES = tuple(Quotes)
WINDOW = 200  # characters of context a no-break rule sees on either side


@dataclass(frozen=True)
class NoBreak:
    """An SRX-style exception: no boundary between ``before`` and ``after``."""

    before: re.Pattern[str]
    after: re.Pattern[str]

    def blocks(self, text: str, cut: int) -> bool:
        """Is a boundary at ``cut`` refused by this rule?"""
        start = max(0, cut - WINDOW)
        return bool(self.before.search(text, start, cut)) and bool(self.after.match(text[cut : cut + WINDOW]))


@dataclass(frozen=True)
class Rules:
    """Word classes and switches for one run of the segmenter."""

    inner: frozenset[str]
    titles: frozenset[str]
    numbered: frozenset[str]
    ambiguous: frozenset[str]
    suffixes: frozenset[str]
    openers: frozenset[str]
    time_words: frozenset[str]
    no_break: tuple[NoBreak, ...] = ()
    quotes: Quotes = Quotes.SPLIT
    known: frozenset[str] = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known", self.inner | self.numbered | self.ambiguous | self.suffixes)


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The built-in English rules (read once from the data file)."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    words = {key: frozenset(str(value).lower().split()) for key, value in data.items()}
    return Rules(**words)


def project_rules(
    abbreviations: object = (), no_break: object = (), quotes: str = Quotes.SPLIT, *, source: Path | None = None
) -> Rules:
    """The built-in rules plus a project's own; L10nError names the bad setting."""
    rules = default_rules()
    if quotes not in QUOTES:
        raise L10nError(f"[tool.l10n] quotes must be one of {', '.join(QUOTES)}, not {quotes!r}", path=source)
    quotes = Quotes(quotes)
    if not abbreviations and not no_break and quotes is Quotes.SPLIT:
        return rules
    extra: dict[str, set[str]] = {name: set() for name in CLASSES}
    if isinstance(abbreviations, dict):
        for key, words in abbreviations.items():
            if key not in CLASSES:
                raise L10nError(
                    f"unknown abbreviation class {key!r} in [tool.l10n] abbreviations",
                    path=source,
                    hint=f"use one of: {', '.join(CLASSES)}",
                )
            extra[key] |= _words(words, source)
    else:
        extra["ambiguous"] |= _words(abbreviations, source)
    changes = {name: getattr(rules, name) | frozenset(words) for name, words in extra.items()}
    # A word a project puts in one class leaves the others.
    for name, words in extra.items():
        for other in CLASSES:
            if other != name:
                changes[other] = changes[other] - frozenset(words)
    return replace(rules, **changes, no_break=_no_break(no_break, source), quotes=quotes)


def _words(value: object, source: Path | None) -> set[str]:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, tuple):
        value = list(value)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise L10nError("[tool.l10n] abbreviations must be a list of words (or a table of such lists)", path=source)
    return {v.strip().rstrip(".").lower() for v in value}


def _no_break(value: object, source: Path | None) -> tuple[NoBreak, ...]:
    if isinstance(value, tuple):
        value = list(value)
    if not isinstance(value, list):
        raise L10nError("[tool.l10n] no-break must be a list of { before = ..., after = ... } tables", path=source)
    rules = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) - {"before", "after"} or not all(isinstance(v, str) for v in item.values()):
            raise L10nError(
                f"[tool.l10n] no-break rule {number} must be a table with string keys before and after",
                path=source,
                hint='e.g. no-break = [{ before = "\\\\bExh\\\\.", after = "\\\\s" }]',
            )
        try:
            before = re.compile(f"(?:{item.get('before', '')})\\Z")
            after = re.compile(item.get("after", ""))
        except re.error as exc:
            raise L10nError(f"[tool.l10n] no-break rule {number}: invalid regular expression: {exc}", path=source) from exc
        rules.append(NoBreak(before, after))
    return tuple(rules)

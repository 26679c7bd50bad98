"""Fuzzy matching of source sentences for update (msgmerge's fuzzy step).

Similarity is rapidfuzz's ``fuzz.ratio`` (normalised Indel similarity, 0–100),
the measure closest to GNU gettext's ``fstrcmp``; a candidate needs 60, as in
msgmerge.  Small catalogues are searched exhaustively.  Large ones would
make the search quadratic (about 23 ms a query against 200,000 sentences),
so candidates are first narrowed to the sentences sharing one of the query's
rarest words (up to a few thousand sentences), as msgmerge narrows its own
search with an n-gram index.  An
edited sentence keeps most of its words, so its old version is found; a
query whose rare words lead nowhere falls back to the exhaustive search.
"""

from __future__ import annotations

import re
from typing import Sequence

THRESHOLD = 60.0
EXHAUSTIVE_BELOW = 4000  # candidates; below this an exhaustive search is cheap
RARE_WORDS = 6  # how many of a query's rarest words select candidates
CANDIDATES = 5000  # stop adding rarer words' sentences past this many
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


class FuzzyIndex:
    """Finds, for a sentence, the most similar of a fixed list of sentences."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.postings: dict[str, list[int]] | None = None
        if len(self.texts) >= EXHAUSTIVE_BELOW:
            postings: dict[str, list[int]] = {}
            for i, text in enumerate(self.texts):
                for word in _words(text):
                    postings.setdefault(word, []).append(i)
            self.postings = postings

    def best(self, query: str, cutoff: float = THRESHOLD) -> tuple[int, float] | None:
        """Return (index, score) of the most similar sentence scoring ``cutoff`` or more."""
        from rapidfuzz import fuzz, process

        if not self.texts:
            return None
        subset = self._candidates(query)
        if subset is None:
            found = process.extractOne(query, self.texts, scorer=fuzz.ratio, score_cutoff=cutoff)
            return (found[2], found[1]) if found else None
        found = process.extractOne(query, [self.texts[i] for i in subset], scorer=fuzz.ratio, score_cutoff=cutoff)
        return (subset[found[2]], found[1]) if found else None

    def _candidates(self, query: str) -> list[int] | None:
        if self.postings is None:
            return None
        lists = sorted((self.postings[w] for w in _words(query) if w in self.postings), key=len)
        if not lists:
            return None
        chosen: set[int] = set()
        for ids in lists[:RARE_WORDS]:
            if chosen and len(chosen) + len(ids) > CANDIDATES:
                break
            chosen.update(ids)
        # Ties keep the original (first) order, as the exhaustive search does.
        return sorted(chosen) if len(chosen) < len(self.texts) // 2 else None

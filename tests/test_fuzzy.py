"""Fuzzy matching for update: the narrowed search finds what the exhaustive one finds."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from l10n.po import fuzzy
from l10n.po.fuzzy import FuzzyIndex

WORDS = (
    "the city village county built opened a new library road farm park school clinic river bridge "
    "market museum factory harbour trail garden station platform service digital rural young old"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 14))]
    words.insert(rng.randrange(len(words)), str(rng.randint(1, 99999)))
    return " ".join(words).capitalize() + "."


def edit(text: str, rng: random.Random) -> str:
    words = text.split()
    i = rng.randrange(len(words))
    kind = rng.choice(("swap", "drop", "add", "typo"))
    if kind == "swap" and len(words) > 2:
        j = rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    elif kind == "drop" and len(words) > 3:
        del words[i]
    elif kind == "add":
        words.insert(i, rng.choice(WORDS))
    else:
        words[i] = words[i][:-1] + "x"
    return " ".join(words)


def exhaustive(query, texts):
    found = process.extractOne(query, texts, scorer=fuzz.ratio, score_cutoff=fuzzy.THRESHOLD)
    return (found[2], found[1]) if found else None


def test_small_lists_are_searched_exhaustively():
    texts = ["The cat sat on the mat.", "A dog ran.", "The cat sat on a mat!"]
    index = FuzzyIndex(texts)
    assert index.postings is None
    assert index.best("The cat sat on the mat!") == exhaustive("The cat sat on the mat!", texts)
    assert index.best("Nothing alike at all, really.") is None
    assert FuzzyIndex([]).best("anything") is None


def test_narrowed_search_agrees_with_exhaustive_on_edited_sentences():
    rng = random.Random(3)
    texts = list(dict.fromkeys(sentence(rng) for _ in range(6000)))
    index = FuzzyIndex(texts)
    assert index.postings is not None
    queries = [edit(rng.choice(texts), rng) for _ in range(300)] + [sentence(rng) for _ in range(50)]
    same = sum(index.best(q) == exhaustive(q, texts) for q in queries)
    # Edited sentences keep most of their words: the narrowed search finds the
    # same best match (or an equally good one) nearly always.
    equally_good = sum(
        (a is None) == (b is None) and (a is None or a[1] == b[1])
        for a, b in ((index.best(q), exhaustive(q, texts)) for q in queries)
    )
    assert equally_good >= 0.98 * len(queries), (same, equally_good, len(queries))

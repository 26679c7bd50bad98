"""Glossary matching cost: 10 terms vs 10,000 terms over the seed document.

The matcher is meant to make one pass over the text whatever the glossary
size, so matching with 10,000 terms should cost within a small factor of
matching with 10.  Compiling (building the token trie) is timed separately.

    .venv/bin/python bench/bench_glossary.py
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "zhejiang-stories.txt"
GLOSSARY = ROOT / "glossary"


def _synthetic_terms(count: int, seed_text: str, taken: set[str], rng: random.Random) -> list:
    """Return ``count`` made-up terms: half built from the seed's own words (so the
    trie walks deep into the text, the costly case), half invented words."""
    from l10n.glossary.model import Term

    vocabulary = sorted(set(re.findall(r"[A-Za-z]+", seed_text)))
    letters = "abcdefghijklmnopqrstuvwxyz"
    terms, seen = [], set(taken)
    while len(terms) < count:
        if len(terms) % 2:
            words = rng.sample(vocabulary, rng.randint(2, 4))
        else:
            words = ["".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(rng.randint(1, 3))]
        source = " ".join(words)
        if source.lower() in seen:
            continue
        seen.add(source.lower())
        terms.append(Term(source=source, targets={"zh": f"术语{len(terms)}"}))
    return terms


def _best(function, repeats: int) -> float:
    """Return the fastest wall time of ``function()`` over ``repeats`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def run(small: int = 10, large: int = 10_000, repeats: int = 15) -> dict:
    """Return timings (seconds, best of ``repeats``) for compiling and matching the seed
    with a small and a large glossary, and the large/small matching ratio."""
    sys.path.insert(0, str(ROOT))
    from l10n.glossary.load import load_glossary
    from l10n.glossary.model import Glossary, find_terms

    text = SEED.read_text(encoding="utf-8")
    real = [t for t in load_glossary(GLOSSARY).terms if t.approved]
    taken = {t.source.lower() for t in real}
    synthetic = _synthetic_terms(large - len(real), text, taken, random.Random(20210610))
    term_sets = {"small": tuple(real[:small]), "large": tuple(real + synthetic)}
    result: dict = {"seed_chars": len(text), "repeats": repeats}
    glossaries = {}
    for name, terms in term_sets.items():
        result[f"{name}_terms"] = len(terms)
        result[f"{name}_compile_s"] = _best(lambda: Glossary(terms).index, max(3, repeats // 5))
        glossaries[name] = Glossary(terms)
        glossaries[name].index  # compile once, outside the timed matching
        result[f"{name}_matches"] = len(find_terms(text, glossaries[name], "zh"))
    # Interleave the two so that load from other processes hits both alike.
    best = {name: float("inf") for name in glossaries}
    for _ in range(repeats):
        for name, glossary in glossaries.items():
            start = time.perf_counter()
            find_terms(text, glossary, "zh")
            best[name] = min(best[name], time.perf_counter() - start)
    for name, seconds in best.items():
        result[f"{name}_match_s"] = seconds
    result["match_ratio"] = result["large_match_s"] / result["small_match_s"]
    return result


if __name__ == "__main__":
    numbers = run()
    print(f"seed: {numbers['seed_chars']} characters; best of {numbers['repeats']} runs")
    for name in ("small", "large"):
        print(
            f"{numbers[f'{name}_terms']:>6} terms: compile {numbers[f'{name}_compile_s'] * 1000:8.2f} ms, "
            f"match {numbers[f'{name}_match_s'] * 1000:7.2f} ms, {numbers[f'{name}_matches']} matches"
        )
    print(f"match time ratio large/small: {numbers['match_ratio']:.2f}x (target <= 3x)")

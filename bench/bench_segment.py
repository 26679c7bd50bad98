"""Segmentation: accuracy against pySBD on outside and own cases, speed on the seed, linear time.

    .venv/bin/python bench/bench_segment.py            # everything, about half a minute
    .venv/bin/python bench/bench_segment.py --cases    # only the accuracy tables (with failures: -v)

Accuracy: the Pragmatic Segmenter English spec (``tests/data/segment/pragmatic-en.json``:
52 Golden Rules + 125 other cases, outside material) and our own golden table
(``GOLDEN`` in ``tests/test_segment.py``, our data).  A case passes when the
segments, stripped, equal the expected ones exactly.  l10n runs as ``extract``
does (``segment_document`` with paragraphs = "auto") with quotes "split" (the
default) and "whole"; pySBD 0.3.x runs with ``clean=False`` (it keeps the
text, as we do) and ``clean=True`` (it rewrites the text; the spec's own
setting for most cases).  A case that needs characters removed (HTML tags,
dot leaders, page numbers) cannot pass without losing text; they are counted.

Speed: segmenting the seed, best of 15 runs each, l10n vs pySBD (targets: >= 50x, the issue's;
>= 100x, ours since the candidate scan opens with literal characters).
Linear time: adversarial shapes (``SHAPES`` in ``tests/test_sentences.py``, the ones the linear-time test checks) at n and 2n characters, best-of CPU time
(``time.process_time``), ratio printed (linear is about 2).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SEED = ROOT / "seeds" / "zhejiang-stories.txt"
CASES = ROOT / "tests" / "data" / "segment" / "pragmatic-en.json"


def _segmenters() -> dict:
    from l10n.text.segment import segment_document
    from l10n.text.segrules import project_rules

    found = {
        "l10n": lambda text, o: [s.text for s in segment_document(text, "x.txt")],
        "l10n quotes=whole": lambda text, o, r=project_rules(quotes="whole"): [
            s.text for s in segment_document(text, "x.txt", rules=r)
        ],
    }
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed (pip install pysbd): the peer is skipped")
        return found
    plain = pysbd.Segmenter(language="en", clean=False)
    found["pySBD clean=False"] = lambda text, o: plain.segment(text)
    found["pySBD clean=True"] = lambda text, o: pysbd.Segmenter(
        language="en", clean=True, doc_type=o.get("doc_type")
    ).segment(text)
    return found


def _norm(segments: list[str]) -> list[str]:
    return [s.strip() for s in segments if s.strip()]


def accuracy(verbose: bool = False) -> dict:
    """Score every segmenter on the outside cases and on our golden table."""
    from test_segment import GOLDEN

    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    ours = [{"set": "own", "text": p, "expected": e, "id": i} for i, p, e in GOLDEN]
    lossy = sum("".join(c["text"].split()) != "".join("".join(c["expected"]).split()) for c in cases)
    table = {}
    for name, segment in _segmenters().items():
        score = {"golden": 0, "spec": 0, "own": 0, "lost_text": 0}
        for case in cases + ours:
            try:
                got = segment(case["text"], case.get("options", {}))
            except Exception as exc:  # a peer's crash is a miss, not the bench's end
                got = [f"<{type(exc).__name__}>"]
            ok = _norm(got) == _norm(case["expected"])
            score[case["set"]] += ok
            if "".join("".join(got).split()) != "".join(case["text"].split()) and case["set"] != "own":
                score["lost_text"] += 1
            if verbose and not ok and name == "l10n":
                print(f"  miss {case['id']}: {case['text'][:90]!r}\n    got {_norm(got)}")
        table[name] = score
    return {"scores": table, "sizes": {"golden": 52, "spec": 125, "own": len(ours)}, "need_deletion": lossy}


def speed(repeats: int = 15) -> dict:
    """Seconds to segment the seed, best of ``repeats``: l10n vs pySBD."""
    from l10n.text.segment import read_source, segment_document

    text = read_source(SEED)
    result = {}

    def best(call) -> float:
        times = []
        for _ in range(repeats):
            start = time.process_time()
            call()
            times.append(time.process_time() - start)
        return min(times)

    result["l10n_s"] = best(lambda: segment_document(text, "seeds/x.txt", ("read more",)))
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        lines = [line for line in text.split("\n") if line.strip()]
        result["pysbd_s"] = best(lambda: [segmenter.segment(line) for line in lines])
        result["ratio"] = result["pysbd_s"] / result["l10n_s"]
    except ImportError:
        pass
    return result


def linear(size: int = 100_000, repeats: int = 3) -> dict:
    """CPU seconds at ``size`` and ``2 * size`` characters for each adversarial shape, and their ratio."""
    from test_sentences import SHAPES

    from l10n.text.sentences import split_sentences

    rows = {}
    for name, make in SHAPES.items():
        times = []
        for n in (size, 2 * size):
            text = make(n)
            best = min(_cpu(split_sentences, text) for _ in range(repeats))
            times.append(best)
        rows[name] = {"n_s": times[0], "2n_s": times[1], "ratio": times[1] / max(times[0], 1e-9)}
    return rows


def _cpu(function, argument) -> float:
    start = time.process_time()
    function(argument)
    return time.process_time() - start


def report(acc: dict, fast: dict | None, lin: dict | None) -> list[str]:
    sizes = acc["sizes"]
    lines = [
        "segmentation accuracy (exact segments; outside: Pragmatic Segmenter English spec; own: tests/test_segment.py GOLDEN):",
        f"  {'':20} {'Golden Rules':>12} {'rest of spec':>12} {'own cases':>10} {'lost text':>10}",
    ]
    for name, s in acc["scores"].items():
        lines.append(
            f"  {name:20} {s['golden']:>6}/{sizes['golden']:<5} {s['spec']:>6}/{sizes['spec']:<5}"
            f" {s['own']:>5}/{sizes['own']:<4} {s['lost_text']:>10}"
        )
    lines.append(f"  ({acc['need_deletion']} outside cases expect characters removed; a segmenter that keeps text cannot pass them)")
    if fast:
        line = f"seed segmentation: l10n {fast['l10n_s'] * 1000:.1f} ms CPU"
        if "ratio" in fast:
            verdicts = ", ".join(f">= {goal}x: {'meets' if fast['ratio'] >= goal else 'MISSES'}" for goal in (50, 100))
            line += f", pySBD {fast['pysbd_s'] * 1000:.0f} ms: {fast['ratio']:.0f}x faster (targets {verdicts})"
        lines.append(line)
    if lin:
        lines.append("linear time, split_sentences on one line (best CPU time; ratio 2n / n, linear ~2, quadratic ~4):")
        for name, row in lin.items():
            lines.append(f"  {name:16} {row['n_s'] * 1000:8.1f} ms {row['2n_s'] * 1000:8.1f} ms  x{row['ratio']:.2f}")
    return lines


def run() -> dict:
    """Everything, for bench/run.py."""
    return {"accuracy": accuracy(), "speed": speed(), "linear": linear()}


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    acc = accuracy(verbose)
    if "--cases" in sys.argv:
        print("\n".join(report(acc, None, None)))
    else:
        print("\n".join(report(acc, speed(), linear())))

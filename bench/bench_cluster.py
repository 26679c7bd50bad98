"""Drafting throughput on Dask: one worker against two, on the same model and sentences.

    python bench/bench_cluster.py                 # tiny random model, 1,000 sentences
    python bench/bench_cluster.py --size base     # Transformer-base shape (6+6 layers, d_model 512)
    python bench/bench_cluster.py --sentences 300

Peers measured in the same run, on the same batches: drafting in this process
(``LocalExecutor``, the engine using every core), a local Dask cluster of one
worker, and one of two workers (one core each).  Cluster start-up is timed
apart from drafting, since a long run pays it once.  Needs the ``cluster``
extra (dask.distributed).  Prints sentences/s and the ratios.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

SIZES = {
    "tiny": {},
    # Transformer-base layers and width; the vocabulary stays what SentencePiece
    # learns from the generated corpus (a few hundred pieces), which makes the
    # output projection cheaper than a real 32k-vocabulary model's.
    "base": {"d_model": 512, "num_heads": 8, "ffn": 2048, "layers": 6},
}


def seed_sentences(n: int) -> list[str]:
    """``n`` sentences from the seed, cycled, numbered so none repeats exactly."""
    from l10n.segment import segment_document

    text = (ROOT / "seeds" / "zhejiang-stories.txt").read_text(encoding="utf-8")
    sentences = [s.text for s in segment_document(text, "seed")]
    return [f"{sentences[i % len(sentences)]} ({i})" if i >= len(sentences) else sentences[i] for i in range(n)]


def drafts_per_second(executor, batches) -> tuple[float, float]:
    start = time.perf_counter()
    count = sum(len(batch.sources) for batch, _ in executor.map(batches))
    seconds = time.perf_counter() - start
    return count / seconds, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    from tinymodel import TinyConfig, build_argosmodel

    from l10n.cluster import DaskExecutor
    from l10n.engines.choose import choose_engine
    from l10n.executor import Batch, DraftSpec, LocalExecutor
    from l10n.glossary import load_glossary
    from l10n.models import install_model

    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")  # before any worker starts
    started = time.perf_counter()
    install_model(build_argosmodel(work, TinyConfig(**SIZES[args.size])), work / "packages")
    print(f"model: {args.size} {SIZES[args.size] or '(2 layers, d_model 64)'}, built in {time.perf_counter() - started:.1f} s")

    spec = DraftSpec(choose_engine("argos", "en", "zh"), load_glossary(ROOT / "glossary"), "zh")
    sentences = seed_sentences(args.sentences)
    step = args.batch_size

    def batches():
        return (Batch(spec, tuple(sentences[i : i + step]), i) for i in range(0, len(sentences), step))

    warm = [Batch(spec, tuple(sentences[:step]))]
    results = {}
    local = LocalExecutor()
    list(local.map(warm))  # load the model before timing, as the workers below do
    results["in-process"] = drafts_per_second(local, batches())
    for workers in (1, 2):
        started = time.perf_counter()
        with DaskExecutor(workers=workers) as executor:
            executor.client.wait_for_workers(workers)
            startup = time.perf_counter() - started
            for _ in executor.map(warm * workers * 2):  # every worker loads the model once
                pass
            results[f"{workers} worker(s)"] = drafts_per_second(executor, batches())
            loads = executor.model_loads()
        print(f"local cluster of {workers}: start-up {startup:.1f} s, model loads per worker {sorted(loads.values())}")

    print(f"\n{args.sentences} sentences, batches of {step}, {os.cpu_count()} cores")
    for name, (rate, seconds) in results.items():
        print(f"  {name:<14} {rate:8.1f} sentences/s  ({seconds:.1f} s)")
    one, two, here = results["1 worker(s)"][0], results["2 worker(s)"][0], results["in-process"][0]
    print(f"ratio 2 workers / 1 worker:      {two / one:.2f}x")
    print(f"ratio 2 workers / in-process:    {two / here:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

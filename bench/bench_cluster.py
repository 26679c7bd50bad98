"""Drafting throughput on Dask: one worker against two, on the same model and sentences.

    python bench/bench_cluster.py                 # tiny random model, 1,000 sentences
    python bench/bench_cluster.py --size base     # Transformer-base: 6+6 layers, d_model 512, 32k vocabulary
    python bench/bench_cluster.py --sentences 300

Peers measured in the same run, on the same batches: drafting in this process
(``LocalExecutor``, one thread), a local Dask cluster of one worker, and one
of two workers (one thread each).  Cluster start-up is timed
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

SIZES = ("tiny", "base")  # base: tests/tinymodel.py's transformer_base, the size of argos's en→zh package
MAX_DECODING_LENGTH = 64  # random weights would otherwise decode to the limit


def seed_sentences(n: int) -> list[str]:
    """``n`` sentences from the seed, cycled, numbered so none repeats exactly."""
    from l10n.text.segment import segment_document

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
    parser.add_argument("--size", choices=SIZES, default="tiny")
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    from tinymodel import TinyConfig, build_argosmodel, transformer_base

    from l10n.drafting.cluster import DaskExecutor
    from l10n.drafting.executor import Batch, DraftSpec, LocalExecutor
    from l10n.engines.packages import install_model
    from l10n.engines.registry import choose_engine
    from l10n.glossary.load import load_glossary

    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")  # before any worker starts
    started = time.perf_counter()
    sentences = seed_sentences(args.sentences)
    config = transformer_base(tuple(sentences)) if args.size == "base" else TinyConfig()
    install_model(build_argosmodel(work, config), work / "packages")
    print(f"model: {args.size} ({config.layers}+{config.layers} layers, d_model {config.d_model}), "
          f"built in {time.perf_counter() - started:.1f} s; decoding capped at {MAX_DECODING_LENGTH} tokens")

    # One thread per engine: in this process as in each worker, so the
    # comparison is one core against two.
    options = {"threads": 1, "max-decoding-length": MAX_DECODING_LENGTH}
    spec = DraftSpec(choose_engine("argos", "en", "zh", cli_options=options), load_glossary(ROOT / "glossary"), "zh")
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

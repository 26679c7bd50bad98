"""Drafting throughput: l10n's ArgosEngine vs argostranslate's per-sentence path vs raw CTranslate2.

All three run the same tiny random model (built by ``tests/tinymodel.py``) on
the seed's sentences, in the same process, interleaved, best of ``repeats``:

- engine: ``ArgosEngine.translate_batch`` on the whole list (tokenise,
  one batched CTranslate2 call, detokenise);
- argos loop: what argostranslate does for each sentence: its
  ``apply_packaged_translation`` (one ``translate_batch([tokens])`` per
  sentence) with its own translator settings.  When ``argostranslate.translate``
  cannot be imported (stanza absent) the loop is reproduced here step by step;
  the result says which;
- raw: ``ctranslate2.Translator.translate_batch`` on pre-tokenised input with
  the engine's settings: the ceiling the engine can reach;
- engine per sentence: our engine called once per sentence, which separates
  what batching gains from what thread settings gain.

Wall time is reported with process CPU time beside it, and the load average,
because the machines are shared: under load, wall-time ratios are noisy.

    python bench/bench_translate.py
    python bench/bench_translate.py --realistic [--sentences 1000] [--device cuda]

``--realistic`` builds a random-weight model of the size of argos's en→zh
package (Transformer-base) and compares the same three paths on seed-like
sentences with decoding capped (random weights would otherwise decode to the
maximum), reporting sentences/s and target tokens/s.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "zhejiang-stories.txt"
TARGET_VS_RAW = 0.90  # engine throughput at least 90% of raw CTranslate2
TARGET_VS_LOOP = 3.0  # and at least 3× argostranslate's per-sentence loop


def _tinymodel():
    spec = importlib.util.spec_from_file_location("_bench_tinymodel", REPO / "tests" / "tinymodel.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def seed_sentences() -> tuple[list[str], str]:
    """Return the seed's sentences and how they were split."""
    text = SEED.read_text(encoding="utf-8")
    try:
        from l10n.project.config import load_settings
        from l10n.text.segment import segment_document

        ignore = load_settings(REPO).ignore_lines
        return [s.text for s in segment_document(text, "seeds/" + SEED.name, ignore)], "l10n.text.segment"
    except NotImplementedError:
        sentences = [s.strip() for line in text.splitlines() for s in line.split(". ") if s.strip()]
        return sentences, "naive split on '. '"


def seed_like(n: int) -> list[str]:
    """Return ``n`` distinct seed-like sentences: the seed's, then halves of two seed sentences joined."""
    base, _ = seed_sentences()
    out = list(dict.fromkeys(base))[:n]
    seen = set(out)
    i = 0
    while len(out) < n:
        a, b = base[i % len(base)].split(), base[(i * 7 + 3) % len(base)].split()
        sentence = " ".join(a[: max(1, len(a) // 2)] + b[len(b) // 2 :])
        if sentence not in seen:
            seen.add(sentence)
            out.append(sentence)
        i += 1
    return out


def _argos_loop(model_path: Path, device: str = "cpu", max_decoding_length: int | None = None):
    """Return (translate(sentences) -> drafts, description) following argostranslate per sentence.

    With ``max_decoding_length`` (random weights decode to the cap otherwise)
    the loop is reproduced step by step with that cap, since
    ``apply_packaged_translation`` takes none.
    """
    import ctranslate2
    from argostranslate import settings
    from argostranslate.package import Package

    package = Package(model_path)
    translator = ctranslate2.Translator(
        str(model_path / "model"),
        device=device if max_decoding_length else settings.device,
        inter_threads=settings.inter_threads,
        intra_threads=settings.intra_threads,
        compute_type=settings.compute_type,
    )
    try:
        if max_decoding_length:
            raise ImportError("a decoding cap is needed")
        from argostranslate.translate import apply_packaged_translation

        class OneSentence:
            def split_sentences(self, text: str) -> list[str]:
                return [text]

        def loop(sentences: list[str]) -> list[str]:
            return [apply_packaged_translation(package, s, translator, OneSentence(), 1)[0].value for s in sentences]

        return loop, "argostranslate.translate.apply_packaged_translation, one call per sentence"
    except ImportError:
        pass

    def loop(sentences: list[str]) -> list[str]:
        # apply_packaged_translation's steps, for a one-sentence paragraph.
        drafts = []
        for sentence in sentences:
            tokens = package.tokenizer.encode(sentence)
            prefix = [[package.target_prefix]] if package.target_prefix else None
            result = translator.translate_batch(
                [tokens],
                target_prefix=prefix,
                replace_unknowns=True,
                max_batch_size=settings.batch_size,
                batch_type="tokens",
                beam_size=max(1, settings.beam_size),
                num_hypotheses=1,
                length_penalty=0.2,
                return_scores=True,
                **({"max_decoding_length": max_decoding_length} if max_decoding_length else {}),
            )
            value = package.tokenizer.decode(result[0].hypotheses[0])
            if package.target_prefix and value.startswith(package.target_prefix):
                value = value[len(package.target_prefix) :]
            drafts.append(value[1:] if value.startswith(" ") else value)
        return drafts

    why = f"with max_decoding_length={max_decoding_length}" if max_decoding_length else "argostranslate.translate not importable: stanza absent"
    return loop, (
        f"reproduced argostranslate per-sentence loop ({why}): "
        "tokenizer.encode → translate_batch([tokens]) → decode, per sentence"
    )


@contextmanager
def _sandbox(prefix: str) -> Iterator[Path]:
    """Yield a temp work folder that argostranslate's packages and XDG folders point into.

    argostranslate.settings creates folders and fixes its packages folder on
    first import: both stay inside the folder.  The environment is restored
    and the folder removed afterwards.
    """
    work = Path(tempfile.mkdtemp(prefix=prefix))
    saved_env = {k: os.environ.get(k) for k in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    try:
        os.environ.update(
            ARGOS_PACKAGES_DIR=str(work / "packages"),
            XDG_DATA_HOME=str(work / "data"),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_CACHE_HOME=str(work / "cache"),
        )
        yield work
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(work, ignore_errors=True)


def _time_paths(paths: dict[str, Callable[[], object]], repeats: int) -> tuple[dict, dict, dict]:
    """Run every path ``repeats`` times, interleaved; return (wall times, CPU times, last outputs) by path."""
    timings: dict[str, list[float]] = {name: [] for name in paths}
    cpu: dict[str, list[float]] = {name: [] for name in paths}
    outputs: dict[str, object] = {}
    for _ in range(repeats):
        for name, fn in paths.items():
            time.sleep(0.2)  # let the previous path's worker threads go idle
            start, start_cpu = time.perf_counter(), time.process_time()
            outputs[name] = fn()
            timings[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return timings, cpu, outputs


def _best(timings: dict[str, list[float]], name: str) -> float:
    return min(timings[name])


def run(repeats: int = 3) -> dict:
    """Time the three paths on the seed; return throughputs, ratios and settings."""
    with _sandbox("bench-translate-") as work:
        tiny = _tinymodel()
        start = time.perf_counter()
        archive = tiny.build_argosmodel(work / "archive")
        build_seconds = time.perf_counter() - start

        import ctranslate2

        from l10n.engines.argos import ArgosEngine
        from l10n.engines.packages import install_model

        model = install_model(archive, work / "packages").model
        engine = ArgosEngine(model)
        sentences, split = seed_sentences()
        tokens = [engine._tokenizer.encode(s) for s in sentences]
        raw_translator = ctranslate2.Translator(
            str(model.path / "model"),
            device="cpu",
            compute_type=engine._translator.compute_type,
            inter_threads=1,
            intra_threads=engine.threads,
        )
        options = dict(
            max_batch_size=engine.max_batch_size,
            batch_type=engine.batch_type,
            beam_size=engine.beam_size,
            length_penalty=0.2,
            replace_unknowns=True,
        )
        loop, loop_path = _argos_loop(model.path)

        paths = {
            "engine": lambda: engine.translate_batch(sentences),
            "raw_ctranslate2": lambda: raw_translator.translate_batch(tokens, **options),
            "argos_loop": lambda: loop(sentences),
            # Our engine called once per sentence: separates the gain from
            # batching from the gain from thread settings.
            "engine_per_sentence": lambda: [engine.translate_batch([s])[0] for s in sentences],
        }
        outputs = {name: fn() for name, fn in paths.items()}  # warm-up
        load_before = os.getloadavg()[0]
        timings, cpu, _ = _time_paths(paths, repeats)

        n = len(sentences)
        sps = {name: n / _best(timings, name) for name in paths}
        cpu_sps = {name: n / _best(cpu, name) for name in paths}
        raw_drafts = [engine._detokenize(r.hypotheses[0]) for r in outputs["raw_ctranslate2"]]
        return {
            "sentences": n,
            "split": split,
            "source_tokens": sum(map(len, tokens)),
            "target_tokens": sum(len(r.hypotheses[0]) for r in outputs["raw_ctranslate2"]),
            "model_build_seconds": round(build_seconds, 3),
            "model": f"{tiny.TinyConfig()}",
            "engine_settings": {
                "compute_type": engine._translator.compute_type,
                "intra_threads": engine.threads,
                "inter_threads": 1,
                **options,
            },
            "argos_loop_path": loop_path,
            "repeats": repeats,
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "cpu_count": os.cpu_count(),
            "seconds_best": {name: round(_best(timings, name), 3) for name in paths},
            "cpu_seconds_best": {name: round(_best(cpu, name), 3) for name in paths},
            "drafts_per_second": {name: round(v, 1) for name, v in sps.items()},
            "drafts_per_cpu_second": {name: round(v, 1) for name, v in cpu_sps.items()},
            "engine_vs_raw": round(sps["engine"] / sps["raw_ctranslate2"], 3),
            "engine_vs_argos_loop": round(sps["engine"] / sps["argos_loop"], 2),
            "cpu_engine_vs_raw": round(cpu_sps["engine"] / cpu_sps["raw_ctranslate2"], 3),
            "cpu_engine_vs_argos_loop": round(cpu_sps["engine"] / cpu_sps["argos_loop"], 2),
            "same_drafts_engine_raw": outputs["engine"] == raw_drafts,
            "same_drafts_engine_argos_loop": outputs["engine"] == outputs["argos_loop"],
            "same_drafts_engine_per_sentence": outputs["engine"] == outputs["engine_per_sentence"],
            "engine_vs_engine_per_sentence": round(sps["engine"] / sps["engine_per_sentence"], 2),
            "targets": {"engine_vs_raw": f">= {TARGET_VS_RAW}", "engine_vs_argos_loop": f">= {TARGET_VS_LOOP}"},
            "meets_targets": sps["engine"] / sps["raw_ctranslate2"] >= TARGET_VS_RAW
            and sps["engine"] / sps["argos_loop"] >= TARGET_VS_LOOP,
        }


def run_realistic(sentences: int = 1000, device: str = "cpu", repeats: int = 1, max_decoding_length: int = 64) -> dict:
    """Time engine, argos loop and raw translate_batch on a random Transformer-base model; return rates.

    The model has the size of argos's en→zh package (6+6 layers, d_model 512,
    8 heads, FFN 2048, 32k vocabulary; tests/tinymodel.py ``transformer_base``),
    int8 weights, built here with random weights.  Every path decodes with the
    same settings and the same ``max_decoding_length`` cap.
    """
    with _sandbox("bench-translate-base-") as work:
        tiny = _tinymodel()
        texts = seed_like(sentences)
        seed, _ = seed_sentences()
        config = tiny.transformer_base(tuple(seed))
        start = time.perf_counter()
        archive = tiny.build_argosmodel(work / "archive", config)
        build_seconds = time.perf_counter() - start

        import ctranslate2

        from l10n.engines.argos import ArgosEngine
        from l10n.engines.packages import install_model

        start = time.perf_counter()
        model = install_model(archive, work / "packages").model
        install_seconds = time.perf_counter() - start
        engine = ArgosEngine(model, device=device, max_decoding_length=max_decoding_length)
        tokens = [engine._tokenizer.encode(s) for s in texts]
        raw_translator = ctranslate2.Translator(
            str(model.path / "model"), device=engine.device, compute_type=engine.compute_type,
            inter_threads=1, intra_threads=engine.threads,
        )
        options = dict(
            max_batch_size=engine.max_batch_size, batch_type=engine.batch_type, beam_size=engine.beam_size,
            length_penalty=0.2, replace_unknowns=True, max_decoding_length=max_decoding_length,
        )
        loop, loop_path = _argos_loop(model.path, engine.device, max_decoding_length)
        paths = {
            "engine": lambda: engine.translate_batch(texts),
            "raw_ctranslate2": lambda: raw_translator.translate_batch(tokens, **options),
            "argos_loop": lambda: loop(texts),
        }
        engine.translate_batch(texts[:16])  # warm-up: load the weights
        load_before = os.getloadavg()[0]
        timings, cpu, outputs = _time_paths(paths, repeats)
        target_tokens = sum(len(r.hypotheses[0]) for r in outputs["raw_ctranslate2"])
        n = len(texts)
        best = {name: _best(timings, name) for name in paths}
        return {
            "model": "random Transformer-base: 6+6 layers, d_model 512, 8 heads, FFN 2048, "
            f"vocabulary {config.pad_vocabulary_to} ({config.quantization})",
            "model_bytes": archive.stat().st_size,
            "model_build_seconds": round(build_seconds, 1),
            "install_seconds": round(install_seconds, 1),
            "device": engine.device,
            "engine_settings": {"compute_type": engine.compute_type, "intra_threads": engine.threads, **options},
            "argos_loop_path": loop_path,
            "sentences": n,
            "source_tokens": sum(map(len, tokens)),
            "target_tokens": target_tokens,
            "capped_drafts": sum(len(r.hypotheses[0]) >= max_decoding_length for r in outputs["raw_ctranslate2"]),
            "repeats": repeats,
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "cpu_count": os.cpu_count(),
            "seconds_best": {k: round(v, 2) for k, v in best.items()},
            "cpu_seconds_best": {name: round(_best(cpu, name), 2) for name in paths},
            "sentences_per_second": {k: round(n / v, 2) for k, v in best.items()},
            "target_tokens_per_second": {k: round(target_tokens / v, 1) for k, v in best.items()},
            "engine_vs_raw": round(best["raw_ctranslate2"] / best["engine"], 3),
            "engine_vs_argos_loop": round(best["argos_loop"] / best["engine"], 2),
            "cpu_engine_vs_raw": round(_best(cpu, "raw_ctranslate2") / _best(cpu, "engine"), 3),
            "cpu_engine_vs_argos_loop": round(_best(cpu, "argos_loop") / _best(cpu, "engine"), 2),
            "same_drafts_engine_argos_loop": outputs["engine"] == outputs["argos_loop"],
        }


def print_realistic(result: dict) -> None:
    """Print ``run_realistic``'s result as a readable report."""
    print(f"translate throughput on a {result['model']}, {result['model_bytes'] / 1e6:.0f} MB archive "
          f"(built in {result['model_build_seconds']}s, installed and load-checked in {result['install_seconds']}s)")
    print(f"device {result['device']}; engine settings: {result['engine_settings']}")
    print(f"argos loop: {result['argos_loop_path']}")
    print(f"{result['sentences']} seed-like sentences, {result['source_tokens']} source tokens, "
          f"{result['target_tokens']} target tokens ({result['capped_drafts']} drafts hit the cap)")
    before, after = result["load_average"]
    print(f"best of {result['repeats']}; load average {before} → {after} on {result['cpu_count']} CPUs")
    for name, rate in result["sentences_per_second"].items():
        print(f"  {name:16} {rate:8.2f} sentences/s {result['target_tokens_per_second'][name]:9.1f} tokens/s"
              f"  ({result['seconds_best'][name]:.1f}s, {result['cpu_seconds_best'][name]:.1f} CPU-s)")
    print(f"engine / raw translate_batch = {result['engine_vs_raw']:.3f} wall, {result['cpu_engine_vs_raw']:.3f} CPU; "
          f"engine / argos loop = {result['engine_vs_argos_loop']:.2f}x wall, {result['cpu_engine_vs_argos_loop']:.2f}x CPU")
    print(f"identical drafts engine=argos loop: {result['same_drafts_engine_argos_loop']} "
          "(batched int8 decoding may differ from one-at-a-time on random weights)")


def main(argv: list[str] | None = None) -> None:
    """Run the tiny-model benchmark, or with --realistic the Transformer-base one."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realistic", action="store_true", help="random Transformer-base model (argos en→zh size)")
    parser.add_argument("--sentences", type=int, default=1000, help="seed-like sentences for --realistic (default 1000)")
    parser.add_argument("--device", default="cpu", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--repeats", type=int, default=None, help="best of N (default 3 tiny, 1 realistic)")
    parser.add_argument("--max-decoding-length", type=int, default=64, help="decoding cap for --realistic")
    args = parser.parse_args(argv)
    if args.realistic:
        print_realistic(run_realistic(args.sentences, args.device, args.repeats or 1, args.max_decoding_length))
        return
    result = run(args.repeats or 3)
    print(f"translate benchmark: {result['sentences']} seed sentences ({result['split']}), "
          f"{result['source_tokens']} source / {result['target_tokens']} target tokens")
    print(f"tiny random model built in {result['model_build_seconds']}s: {result['model']}")
    print(f"engine settings: {result['engine_settings']}")
    print(f"argos loop: {result['argos_loop_path']}")
    before, after = result["load_average"]
    print(f"best of {result['repeats']} (interleaved); load average {before} → {after} on {result['cpu_count']} CPUs")
    print(f"  {'path':20} {'wall':>14} {'process CPU':>18}")
    for name, value in result["drafts_per_second"].items():
        print(f"  {name:20} {value:7.1f} drafts/s {result['drafts_per_cpu_second'][name]:7.1f} drafts/CPU-s"
              f"  ({result['seconds_best'][name]:.3f}s / {result['cpu_seconds_best'][name]:.3f} CPU-s)")
    print(f"engine / raw CTranslate2 = {result['engine_vs_raw']:.3f} wall, {result['cpu_engine_vs_raw']:.3f} CPU"
          f"  (target {result['targets']['engine_vs_raw']})")
    print(f"engine / argos loop      = {result['engine_vs_argos_loop']:.2f}x wall, {result['cpu_engine_vs_argos_loop']:.2f}x CPU"
          f"  (target {result['targets']['engine_vs_argos_loop']})")
    print(f"engine / engine called per sentence = {result['engine_vs_engine_per_sentence']:.2f}x wall (batching alone)")
    print(f"identical drafts: engine=raw {result['same_drafts_engine_raw']}, "
          f"engine=argos loop {result['same_drafts_engine_argos_loop']}, "
          f"engine=engine per sentence {result['same_drafts_engine_per_sentence']}")
    print("meets targets" if result["meets_targets"] else "MISSES targets")


if __name__ == "__main__":
    sys.exit(main())

"""Run every benchmark and print ratios against the peers measured in the same run.

    make bench                     # = python bench/run.py
    python bench/run.py --quick    # 2,000 entries, one run each: a smoke test of the benches
    python bench/run.py --full     # adds the 200,000-entry scale points (takes long)
    python bench/run.py --record   # also appends the results to bench/RESULTS.md

Peers: Translate Toolkit's ``pofilter`` (installed into this venv on demand
with ``pip install translate-toolkit``, or skipped with a message) and GNU
``msgmerge``.  Whole commands run as subprocesses, best of 3, on the same
generated files; peak memory is each child's own maximum resident set.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_check
import bench_scale
import bench_update
from measure import ROOT, Timing, best_of, l10n, machine, tool

RESULTS = HERE / "RESULTS.md"
NOOP_TARGET = 1.5  # seconds for a translate run with nothing to do ("about a second")


def ensure_pofilter() -> bool:
    """Make ``pofilter`` available in this venv (pip install translate-toolkit); return whether it is."""
    if tool("pofilter"):
        return True
    print("pofilter not found: pip install translate-toolkit (into this venv, for the comparison only)", flush=True)
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "translate-toolkit"], capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"could not install translate-toolkit; the pofilter comparison is skipped\n{proc.stderr[-800:]}", flush=True)
    return bool(tool("pofilter"))


def in_child(module: str, call: str) -> tuple[dict, float, float]:
    """Run ``module.call`` in a fresh interpreter; return (its JSON result, seconds, the child's peak MiB)."""
    code = f"import json, sys; sys.path.insert(0, {str(HERE)!r}); import {module}; print(json.dumps({module}.{call}, default=str))"
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=errors)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{module}.{call} failed:\n{errors.read().decode()[-2000:]}")
    return json.loads(out.decode().strip().splitlines()[-1]), seconds, usage.ru_maxrss / 1024


def noop_rerun(work: Path, repeats: int) -> dict:
    """Time ``l10n translate --to zh`` on the repository's project when everything is drafted already."""
    project = work / "noop"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copytree(ROOT / "glossary", project / "glossary")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(work / "no-models")}  # hermetic: the fallback engine
    argv = l10n("--root", str(project), "translate", "--to", "zh", "--no-progress")
    first = best_of("first translate (drafts everything)", argv, 1, env=env)
    again = best_of("translate again (nothing to do)", argv, repeats, env=env)
    return {"first": first, "noop": again, "target": NOOP_TARGET}


def _t(t: Timing) -> str:
    return f"{t.seconds:.2f} s, {t.peak_mib:.0f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 entries, one run each")
    parser.add_argument("--full", action="store_true", help="include the 200,000-entry scale points")
    parser.add_argument("--record", action="store_true", help="append the results to bench/RESULTS.md")
    parser.add_argument("--only", default="check,update,glossary,segment,translate,scale", help="comma-separated benches to run")
    args = parser.parse_args()
    only = set(args.only.split(","))
    entries, repeats = (2_000, 1) if args.quick else (20_000, 3)
    work = Path(tempfile.mkdtemp(prefix="l10n-bench-"))
    started = time.perf_counter()
    lines: list[str] = []
    out = lambda *text: (lines.extend(text), print(*text, sep="\n", flush=True))  # noqa: E731

    info = machine()
    out(f"l10n benchmarks, {datetime.date.today().isoformat()}", "machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        f"command: python bench/run.py {' '.join(sys.argv[1:])}".rstrip(), "")
    results: dict = {}
    try:
        if "check" in only:
            ensure_pofilter()
            results["check"] = bench_check.run(work, entries, repeats)
            out(*bench_check.report(results["check"]), "")
        if "update" in only:
            results["update"] = bench_update.run(work, entries, repeats, peer=bool(tool("msgmerge")))
            out(*bench_update.report(results["update"]), "")
        if "glossary" in only:
            data, seconds, peak = in_child("bench_glossary", "run()")
            results["glossary"] = data
            verdict = "meets" if data["match_ratio"] <= 3 else "MISSES"
            out("glossary matching over the seed (median of runs, in-process):",
                f"  {data['small_terms']:>6} terms: match {data['small_match_s'] * 1000:.2f} ms (compile {data['small_compile_s'] * 1000:.1f} ms)",
                f"  {data['large_terms']:>6} terms: match {data['large_match_s'] * 1000:.2f} ms (compile {data['large_compile_s'] * 1000:.1f} ms)",
                f"  10,000 / 10 terms: {data['match_ratio']:.2f}x (target <= 3x: {verdict}); process peak {peak:.0f} MiB", "")
        if "segment" in only:
            data, seconds, peak = in_child("bench_segment", "run()")
            results["segment"] = data
            import bench_segment

            out(*bench_segment.report(data["accuracy"], data["speed"], data["linear"]), "")
        if "translate" in only:
            if (HERE / "bench_translate.py").exists():
                data, seconds, peak = in_child("bench_translate", f"run(repeats={1 if args.quick else 3})")
                results["translate"] = data
                out("translate throughput, tiny random argos model, seed sentences (in-process, best of runs):",
                    *(f"  {name:20} {sps:7.1f} drafts/s" for name, sps in data["drafts_per_second"].items()),
                    f"  engine / raw CTranslate2 {data['engine_vs_raw']:.3f}, engine / argos loop {data['engine_vs_argos_loop']:.2f}x"
                    f" ({'meets' if data['meets_targets'] else 'MISSES'} targets {data['targets']})",
                    f"  load average {data['load_average']}; process peak {peak:.0f} MiB")
            else:
                out("translate throughput: bench/bench_translate.py not present, skipped")
            noop = noop_rerun(work, repeats)
            results["noop"] = noop
            verdict = "meets" if noop["noop"].seconds <= noop["target"] else "MISSES"
            out(f"  {noop['first'].label}: {_t(noop['first'])}",
                f"  {noop['noop'].row()} (target about 1 s, <= {noop['target']} s: {verdict})", "")
        if "scale" in only:
            sizes = (2_000,) if args.quick else ((2_000, 20_000, 200_000) if args.full else (2_000, 20_000))
            results["scale"] = bench_scale.run(work, sizes)
            out(*bench_scale.report(results["scale"]), "")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out(f"total bench time: {time.perf_counter() - started:.0f} s")
    if args.record:
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write("\n## " + lines[0] + "\n\n```\n" + "\n".join(lines[1:]) + "\n```\n")
        print(f"appended to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Timing and peak memory of whole commands, run as subprocesses.

Every benchmark that compares l10n with a peer command measures both the
same way: wall time of the whole process (start-up included) and the peak
resident memory of that one child (``os.wait4``'s ``ru_maxrss``), best of N.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Timing:
    """Best wall time (s) of several runs of one command, its best CPU time and the peak memory (MiB) seen.

    CPU time (user + system of the child) is reported beside wall time
    because the machines are shared: under load, wall time is noisy.
    """

    label: str
    seconds: float
    peak_mib: float
    runs: tuple[float, ...]
    exit_code: int
    cpu: float = 0.0

    def row(self) -> str:
        """Return a one-line human summary."""
        all_runs = ", ".join(f"{t:.2f}" for t in self.runs)
        return f"{self.label}: best {self.seconds:.2f} s of [{all_runs}], CPU {self.cpu:.2f} s, peak {self.peak_mib:.0f} MiB"


def run_once(argv: Sequence[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float, int, str, float]:
    """Run ``argv``; return (wall seconds, peak RSS MiB, exit code, stderr tail, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    # Read stderr before waiting, so a chatty child cannot block on a full pipe.
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024, proc.returncode, err.decode("utf-8", "replace")[-2000:], cpu


def best_of(
    label: str,
    argv: Sequence[str],
    repeats: int = 3,
    *,
    cwd: Path | None = None,
    env: dict | None = None,
    before: Callable[[], None] | None = None,
    ok: Sequence[int] = (0,),
) -> Timing:
    """Run ``argv`` ``repeats`` times (calling ``before`` ahead of each run); return the best.

    Raises RuntimeError if a run exits with a code outside ``ok``.
    """
    runs, peaks, cpus, code = [], [], [], 0
    for _ in range(repeats):
        if before is not None:
            before()
        wall, peak, code, err, cpu = run_once(argv, cwd, env)
        if code not in ok:
            raise RuntimeError(f"{label}: {' '.join(map(str, argv))} exited {code}\n{err}")
        runs.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    return Timing(label, min(runs), max(peaks), tuple(runs), code, min(cpus))


def l10n(*args: str) -> list[str]:
    """Return the argv of the l10n command of this venv."""
    exe = BIN / "l10n"
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "l10n", *args]


def tool(name: str) -> str | None:
    """Return the path of a peer command (venv first, then PATH), or None."""
    candidate = BIN / name
    if candidate.exists():
        return str(candidate)
    return shutil.which(name)


def fresh_copy(source: Path, target: Path) -> Callable[[], None]:
    """Return a function that resets ``target`` to a copy of ``source`` (a folder)."""

    def reset() -> None:
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target)

    return reset


def peer_main(doc: str, run: Callable[..., dict], report: Callable[[dict], list[str]]) -> None:
    """Command line of a benchmark against a peer command: ``[--entries N] [--repeats N]``; print its report."""
    import argparse

    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print("\n".join(report(run(entries=args.entries, repeats=args.repeats))))


def machine() -> dict[str, str]:
    """Return what the results table needs to say about this machine."""
    info = {"nproc": str(os.cpu_count())}
    try:
        info["nproc"] = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in lscpu.splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("Model name", "Architecture", "CPU(s)"):
                info[key.strip()] = value.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    try:
        info["load average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        pass
    info["python"] = sys.version.split()[0]
    return info

"""``l10n update`` vs GNU ``msgmerge`` on 20,000 entries with 5% of the sources edited.

Both merge the same template (5% of its sources edited a little, some
removed, some added) into the same catalogue, with fuzzy matching and the
previous source kept (``msgmerge --previous``; l10n always keeps ``#|``).
Whole commands, best of N; the catalogue is restored before each l10n run
(l10n updates in place, msgmerge writes ``-o`` elsewhere).

    python bench/bench_update.py [--entries 20000]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen
from measure import best_of, fresh_copy, l10n, peer_main, tool

TARGET = 2.0  # l10n update within 2x of msgmerge's time


def project(work: Path, entries: int, edited: float = 0.05) -> tuple[Path, Path]:
    """Return (project root, pristine copy of its locales) for ``entries`` messages."""
    root = work / f"update-{entries}"
    pristine = work / f"update-{entries}-locales"
    if not pristine.exists():
        gen.write_project(root, entries, edited=edited)
        shutil.copytree(root / "locales", pristine)
    return root, pristine


def statistics(po: Path) -> str:
    """Return msgfmt's statistics line for a catalogue (translated / fuzzy / untranslated)."""
    proc = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    return proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""


def run(work: Path | None = None, entries: int = 20_000, repeats: int = 3, peer: bool = True) -> dict:
    """Time both tools on the same files; return timings, what each produced and the ratio."""
    work = Path(work or tempfile.mkdtemp(prefix="bench-update-"))
    root, pristine = project(work, entries)
    po = root / "locales" / "zh" / "LC_MESSAGES" / "doc.po"
    ours = best_of(
        "l10n update", l10n("--root", str(root), "update", "--to", "zh"), repeats,
        before=fresh_copy(pristine, root / "locales"),
    )
    result: dict = {"entries": entries, "l10n": ours, "l10n_result": statistics(po)}
    msgmerge = tool("msgmerge")
    if not peer or msgmerge is None:
        result["skipped"] = "msgmerge not run" if not peer else "msgmerge not installed (apt-get install gettext): peer skipped"
        return result
    out = work / "msgmerge-out.po"
    old = pristine / "zh" / "LC_MESSAGES" / "doc.po"
    theirs = best_of("msgmerge", [msgmerge, "--quiet", "--previous", "-o", str(out), str(old), str(pristine / "doc.pot")], repeats)
    result.update(msgmerge=theirs, msgmerge_result=statistics(out), ratio=ours.seconds / theirs.seconds,
                  cpu_ratio=ours.cpu / theirs.cpu, target=TARGET)
    return result


def report(result: dict) -> list[str]:
    """Return the human lines of a result."""
    lines = [f"update, {result['entries']} entries, 5% of sources edited:", "  " + result["l10n"].row(),
             f"    {result['l10n_result']}"]
    if "skipped" in result:
        return lines + ["  " + result["skipped"]]
    lines += ["  " + result["msgmerge"].row(), f"    {result['msgmerge_result']}"]
    verdict = "meets" if result["ratio"] <= result["target"] else "MISSES"
    lines.append(f"  l10n update takes {result['ratio']:.2f}x msgmerge's wall time, {result['cpu_ratio']:.2f}x its CPU time"
                 f" (target <= {result['target']:g}x: {verdict})")
    return lines


if __name__ == "__main__":
    peer_main(__doc__, run, report)

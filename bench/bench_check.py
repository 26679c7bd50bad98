"""``l10n check`` vs Translate Toolkit's ``pofilter`` on one generated 20,000-entry zh catalogue.

Both run as whole commands (start-up included), best of N, on the same file.
pofilter runs the tests that correspond to l10n's checks:

    l10n check            pofilter -t
    empty                 blank
    numbers               numbers
    placeholders          printf, pythonbraceformat, xmltags, urls, emails
    punctuation           endpunc, startpunc, puncspacing
    untranslated-text     unchanged
    whitespace            startwhitespace, endwhitespace, doublespacing
    doubled-word          doublewords
    length                long, short
    fuzzy                 isfuzzy
    glossary, forbidden   (none: pofilter has no glossary; the project has none here)
    consistency           (none: pofilter checks one file at a time)

The ratio is taken with l10n's comparable checks (the three without a
pofilter counterpart skipped); the run with every check is printed too, and
so is ``l10n stats`` on the same catalogue: reading the file and counting,
the floor under any check run.

    python bench/bench_check.py [--entries 20000]
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen
from measure import best_of, l10n, peer_main, tool

POFILTER_TESTS = (
    "blank", "numbers", "printf", "pythonbraceformat", "xmltags", "urls", "emails", "endpunc", "startpunc",
    "puncspacing", "unchanged", "startwhitespace", "endwhitespace", "doublespacing", "doublewords", "long",
    "short", "isfuzzy",
)
TARGET = 10.0  # l10n check at least 10x faster than pofilter
UNMATCHED = ("glossary", "forbidden", "consistency")  # l10n checks pofilter has no counterpart for


def project(work: Path, entries: int) -> Path:
    """Return a generated project of ``entries`` messages (made once per work folder)."""
    root = work / f"check-{entries}"
    if not (root / "pyproject.toml").exists():
        gen.write_project(root, entries, edited=0)
    return root


def pofilter_findings(output: Path) -> int:
    """Return the number of findings pofilter wrote (one ``(pofilter) test`` note each)."""
    if not output.exists():
        return 0
    return len(re.findall(r"^# \(pofilter\) ", output.read_text(encoding="utf-8"), re.MULTILINE))


def l10n_findings(report: Path) -> str:
    """Return l10n's closing summary line."""
    lines = report.read_text(encoding="utf-8").strip().splitlines() if report.exists() else []
    return lines[-1] if lines else ""


def run(work: Path | None = None, entries: int = 20_000, repeats: int = 3) -> dict:
    """Time both tools on the same catalogue; return timings, finding counts and the ratio."""
    work = Path(work or tempfile.mkdtemp(prefix="bench-check-"))
    root = project(work, entries)
    po = root / "locales" / "zh" / "LC_MESSAGES" / "doc.po"
    report = work / "l10n-check.txt"
    check = l10n("--root", str(root), "check", "--to", "zh", "--output", str(report))
    every = best_of("l10n check (every check)", check, repeats, ok=(0, 1))
    skip = [arg for check_id in UNMATCHED for arg in ("--skip", check_id)]
    ours = best_of("l10n check (comparable checks)", [*check, *skip], repeats, ok=(0, 1))
    floor = best_of("l10n stats (read and count only)", l10n("--root", str(root), "stats"), repeats)
    result: dict = {"entries": entries, "l10n": ours, "l10n_all": every, "l10n_floor": floor,
                    "l10n_summary": l10n_findings(report)}
    pofilter = tool("pofilter")
    if pofilter is None:
        result["skipped"] = "pofilter not installed (pip install translate-toolkit): peer skipped"
        return result
    out = work / "pofilter-out.po"
    argv = [pofilter, "--progress=none", "--language=zh", *(f"-t{t}" for t in POFILTER_TESTS), "-i", str(po), "-o", str(out)]
    theirs = best_of("pofilter", argv, repeats)
    result.update(
        pofilter=theirs,
        pofilter_findings=pofilter_findings(out),
        pofilter_tests=POFILTER_TESTS,
        speedup=theirs.seconds / ours.seconds,
        cpu_speedup=theirs.cpu / ours.cpu,
        target=TARGET,
    )
    return result


def report(result: dict) -> list[str]:
    """Return the human lines of a result."""
    lines = [f"check, {result['entries']} entries:", "  " + result["l10n_all"].row(), "  " + result["l10n"].row(),
             f"    {result['l10n_summary']}", "  " + result["l10n_floor"].row()]
    if "skipped" in result:
        return lines + ["  " + result["skipped"]]
    lines += ["  " + result["pofilter"].row(), f"    {result['pofilter_findings']} findings"]
    verdict = "meets" if result["speedup"] >= result["target"] else "MISSES"
    lines.append(f"  l10n check is {result['speedup']:.2f}x pofilter's speed in wall time, {result['cpu_speedup']:.2f}x in CPU time"
                 f" (target >= {result['target']:g}x: {verdict})")
    return lines


if __name__ == "__main__":
    peer_main(__doc__, run, report)

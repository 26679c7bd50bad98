"""How l10n's cost grows: catalogue size (check, update), glossary size, number of languages.

Every point is one whole command (start-up included) on generated files
(``bench/gen.py``), one run each: the shape of the curve is the point, not
the last percent.  The 200,000-entry points take minutes; ``--sizes`` picks
which sizes run.

    python bench/bench_scale.py [--sizes 2000,20000,200000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen
from measure import Timing, best_of, fresh_copy, l10n

SIZES = (2_000, 20_000, 200_000)
GLOSSARY_SIZES = (10, 1_000, 10_000)
LANGUAGES = ("zh", "zh_TW", "zh_HK", "zh_SG")  # same script, so every language does the same checks


def _project(work: Path, name: str, entries: int, **options) -> tuple[Path, Path]:
    root, pristine = work / name, work / f"{name}-locales"
    if not pristine.exists():
        gen.write_project(root, entries, **options)
        shutil.copytree(root / "locales", pristine)
    return root, pristine


def by_size(work: Path, sizes=SIZES) -> list[dict]:
    """Return check and update timings for each catalogue size."""
    rows = []
    for entries in sizes:
        root, pristine = _project(work, f"scale-{entries}", entries, edited=0.05)
        reset = fresh_copy(pristine, root / "locales")
        update = best_of("update", l10n("--root", str(root), "update", "--to", "zh"), 1, before=reset)
        reset()
        check = best_of("check", l10n("--root", str(root), "check", "--to", "zh", "--output", str(work / "scale-check.txt")), 1, ok=(0, 1))
        rows.append({"entries": entries, "check": check, "update": update})
    return rows


def by_glossary(work: Path, entries: int = 2_000, sizes=GLOSSARY_SIZES) -> list[dict]:
    """Return ``check --only glossary`` timings on one catalogue for each glossary size."""
    root, _ = _project(work, f"glossary-{entries}", entries, edited=0)
    rows = []
    for terms in sizes:
        (root / "glossary").mkdir(exist_ok=True)
        (root / "glossary" / "terms.csv").write_text(gen.glossary_csv(terms), encoding="utf-8")
        argv = l10n("--root", str(root), "check", "--to", "zh", "--only", "glossary", "--output", str(work / "scale-gloss.txt"))
        rows.append({"terms": terms, "check": best_of("check --only glossary", argv, 1, ok=(0, 1))})
    return rows


def by_languages(work: Path, entries: int = 2_000, counts=(1, 2, 4)) -> list[dict]:
    """Return check and update timings for 1, 2 and 4 target languages of ``entries`` each."""
    rows = []
    for count in counts:
        root, pristine = _project(work, f"langs-{count}", entries, edited=0.05, langs=LANGUAGES[:count])
        reset = fresh_copy(pristine, root / "locales")
        update = best_of("update", l10n("--root", str(root), "update"), 1, before=reset)
        reset()
        check = best_of("check", l10n("--root", str(root), "check", "--output", str(work / "scale-langs.txt")), 1, ok=(0, 1))
        rows.append({"languages": count, "entries": entries, "check": check, "update": update})
    return rows


def run(work: Path | None = None, sizes=SIZES) -> dict:
    """Return every scale series."""
    work = Path(work or tempfile.mkdtemp(prefix="bench-scale-"))
    return {"size": by_size(work, sizes), "glossary": by_glossary(work), "languages": by_languages(work)}


def _growth(rows: list[dict], key: str, what: str) -> list[str]:
    first = rows[0]
    cells: list[str] = []
    for row in rows:
        t: Timing = row[what]
        factor = t.seconds / first[what].seconds
        cells.append(f"{row[key]:>7,}: {t.seconds:7.2f} s ({factor:5.1f}x), CPU {t.cpu:6.2f} s, {t.peak_mib:4.0f} MiB")
    return ["    " + cell for cell in cells]


def report(result: dict) -> list[str]:
    """Return the human lines of a result."""
    return [
        "scale: catalogue size (entries); factor against the first row",
        "  check",
        *_growth(result["size"], "entries", "check"),
        "  update",
        *_growth(result["size"], "entries", "update"),
        "scale: glossary size (terms), check --only glossary on 2,000 entries",
        *_growth(result["glossary"], "terms", "check"),
        "scale: target languages (2,000 entries each)",
        "  check",
        *_growth(result["languages"], "languages", "check"),
        "  update",
        *_growth(result["languages"], "languages", "update"),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = parser.parse_args()
    print("\n".join(report(run(sizes=tuple(int(s) for s in args.sizes.split(","))))))

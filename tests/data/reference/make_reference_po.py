"""Build the reference PO (zh) from the project's POT and the hand-made TSV.

Usage: .venv/bin/python tests/data/reference/make_reference_po.py [--root DIR]

Reads ``locales/zhejiang-stories.pot`` under the project root and
``zhejiang-stories.zh.tsv`` beside this script, fills every POT entry's msgstr
from the TSV (never fuzzy), and writes ``zh/zhejiang-stories.po`` beside this
script with the project's own catalogue writer.  Exits 1, listing them, when
some POT entry has no TSV row; the TSV is the master, so fix it there.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOMAIN = "zhejiang-stories"
COMMENTS = (
    "Simplified Chinese reference translation of seeds/zhejiang-stories.txt.",
    "Written by hand, not by any engine; built from zhejiang-stories.zh.tsv by",
    "make_reference_po.py.  Never feed it to an engine or a translation memory.",
)
HEADER = (
    ("Last-Translator", "l10n reference translation (human)"),
    ("Language-Team", "Chinese (Simplified)"),
    ("Language", "zh"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("Plural-Forms", "nplurals=1; plural=0;"),
)


def _key(text: str) -> str:
    """Return ``text`` with runs of whitespace collapsed, for matching."""
    return " ".join(text.split())


def read_tsv(path: Path) -> dict[str, str]:
    """Return source -> target from the reference TSV; ValueError on a bad row."""
    rows: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(f"{path}:{number}: expected 'source<TAB>target'")
        source, target = _key(parts[0]), parts[1].strip()
        if rows.get(source, target) != target:
            raise ValueError(f"{path}:{number}: a second, different target for {source!r}")
        rows[source] = target
    return rows


def build(root: Path) -> tuple[Path, list[str]]:
    """Write the reference PO; return its path and the msgids the TSV lacks."""
    from l10n.po.read import read_catalog
    from l10n.po.write import write_catalog

    pot = read_catalog(root / "locales" / f"{DOMAIN}.pot")
    table = read_tsv(HERE / f"{DOMAIN}.zh.tsv")
    missing: list[str] = []
    entries = []
    for entry in pot.entries:
        if entry.obsolete:
            continue
        target = table.get(_key(entry.msgid))
        if target is None:
            missing.append(entry.msgid)
            target = ""
        entries.append(replace(entry, msgstr=target, flags=tuple(f for f in entry.flags if f != "fuzzy")))
    catalog = replace(pot, entries=tuple(entries), header_flags=(), header_comments=COMMENTS)
    # The revision date follows the template so that regenerating is repeatable.
    revised = pot.header_value("POT-Creation-Date") or ""
    for name, value in (("PO-Revision-Date", revised), *HEADER):
        catalog = catalog.with_header(name, value)
    out = HERE / "zh" / f"{DOMAIN}.po"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_catalog(out, catalog)
    return out, missing


def main(argv: list[str] | None = None) -> int:
    """Run the build and report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE.parents[2], help="project root holding locales/")
    args = parser.parse_args(argv)
    out, missing = build(args.root.resolve())
    table = read_tsv(HERE / f"{DOMAIN}.zh.tsv")
    print(f"wrote {out} ({len(table)} TSV rows)")
    for msgid in missing:
        print(f"no TSV row for POT entry: {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

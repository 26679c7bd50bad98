"""Read real Markdown and HTML files: byte-exact identity rebuild, codes, structure after translation.

    python bench/roundtrip_documents.py FILE_LIST      # one path a line (.md .markdown .html .htm)

For each readable UTF-8 file: the identity rebuild (every unit as its msgid)
must equal the file; every msgid's codes must be well formed; no Markdown
block may be left verbatim because its tokens did not match the source; and
after "translating" every unit (a prefix added) the Markdown block structure
and the HTML tags must be unchanged.  Prints the counts and the first
failures.  Not a test: the files are whatever the machine has.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from l10n.errors import L10nError
from l10n.formats import html as html_format
from l10n.formats import markdown
from l10n.formats.base import codes_problems, render
from l10n.formats.source import FormatOptions, read_text

BLOCKS = ("fence", "code_block", "html_block", "hr", "front_matter")


def structure(is_markdown: bool, text: str) -> list:
    if is_markdown:
        return [(t.type, t.level) for t in markdown.parser().parse(text) if t.nesting or t.type in BLOCKS]
    return sorted((kind, name) for kind, _, _, name in html_format.events(text) if kind in ("start", "end", "empty"))


def main() -> None:
    stats: collections.Counter[str] = collections.Counter()
    failures = []
    for line in Path(sys.argv[1]).read_text().splitlines():
        path = Path(line.strip())
        is_markdown = path.suffix.lower() in (".md", ".markdown")
        try:
            text = read_text(path)
        except (L10nError, OSError):
            stats["unreadable"] += 1
            continue
        if is_markdown:
            reader = markdown._Reader(text.removeprefix("\ufeff"), FormatOptions())
            reader.parts()
            if reader.skipped:
                stats["blocks left verbatim"] += len(reader.skipped)
                failures.append((path, f"verbatim blocks at lines {reader.skipped[:5]}"))
        document = (markdown if is_markdown else html_format).read(text, str(path), FormatOptions())
        units = document.units()
        stats["documents"] += 1
        stats["units"] += len(units)
        if render(document, lambda u: None) != text or render(document, lambda u: u.text) != text:
            stats["identity differs"] += 1
            failures.append((path, "identity"))
        if any(codes_problems(u.text, u.text) for u in units):
            stats["bad codes"] += 1
            failures.append((path, "codes"))
        if structure(is_markdown, render(document, lambda u: "译 " + u.text)) != structure(is_markdown, text):
            stats["structure changed"] += 1
            failures.append((path, "structure"))
    print(dict(stats))
    for path, what in failures[:20]:
        print(f"{path}: {what}")


if __name__ == "__main__":
    main()

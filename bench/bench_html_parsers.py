"""Which HTML parser for HTML sources: parse time and whether the parse gives the source back.

    python bench/bench_html_parsers.py [--size MB]

The document is the test corpus page tests/data/documents/help-centre.html,
its body repeated to the size asked for.  Each parser parses it (best of 3,
CPU time of this process) and, where it can serialise, writes it back; "exact"
says whether that serialisation equals the source byte for byte, and
"offsets" whether the parser reports where each token starts (what a
byte-exact rebuild of an edited document needs).  Parsers not installed are
skipped (`pip install lxml html5lib selectolax`).  l10n's own reader
(html.parser as a tokenizer, plus segmentation) is listed last.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def document(megabytes: float) -> str:
    page = (ROOT / "tests/data/documents/help-centre.html").read_text(encoding="utf-8")
    head, rest = page.split("<body>", 1)
    body, tail = rest.rsplit("</body>", 1)
    copies = max(1, int(megabytes * 1_000_000 / len(body)))
    return head + "<body>" + body * copies + "</body>" + tail


def best(function, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = function()
        times.append(time.process_time() - start)
    return min(times), result


def parsers():
    from html.parser import HTMLParser

    def stdlib(text):
        parser = HTMLParser(convert_charrefs=False)
        parser.feed(text)
        parser.close()

    yield "html.parser (stdlib tokenizer)", stdlib, None, "yes (getpos)"
    try:
        import lxml.html

        yield "lxml.html", lxml.html.document_fromstring, lambda tree: lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>"), "line only (sourceline)"
    except ImportError:
        print("lxml not installed: skipped")
    try:
        import html5lib

        def html5(tree):
            return html5lib.serialize(tree, tree="etree", omit_optional_tags=False, quote_attr_values="always")

        yield "html5lib", lambda text: html5lib.parse(text, namespaceHTMLElements=False), html5, "no"
    except ImportError:
        print("html5lib not installed: skipped")
    try:
        from selectolax.lexbor import LexborHTMLParser

        yield "selectolax (lexbor)", LexborHTMLParser, lambda tree: tree.html, "no"
    except ImportError:
        print("selectolax not installed: skipped")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size", type=float, default=1.0, help="document size in MB (default 1)")
    size = options.parse_args().size
    text = document(size)
    small = (ROOT / "tests/data/documents/help-centre.html").read_text(encoding="utf-8")
    print(f"document: {len(text.encode()):,} bytes")
    print(f"{'parser':34} {'parse s':>8} {'exact':>6}  offsets")
    for name, parse, serialise, offsets in parsers():
        seconds, _ = best(lambda: parse(text))
        exact = "-" if serialise is None else ("yes" if serialise(parse(small)) == small else "no")
        print(f"{name:34} {seconds:8.3f} {exact:>6}  {offsets}")
    from l10n.formats import html
    from l10n.formats.base import render
    from l10n.formats.source import FormatOptions

    seconds, parsed = best(lambda: html.read(text, "bench.html", FormatOptions()))
    exact = "yes" if render(html.read(small, "s", FormatOptions()), lambda u: None) == small else "no"
    print(f"{'l10n html reader (tokens+segments)':34} {seconds:8.3f} {exact:>6}  yes ({len(parsed.units()):,} units)")


if __name__ == "__main__":
    main()

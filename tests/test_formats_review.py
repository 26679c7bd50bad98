"""The bilingual review page: content, escaping, and a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.checks.base import Finding
from l10n.formats.base import Unused
from l10n.formats.markdown import read
from l10n.formats.review import Row, code_legend, review_page
from l10n.formats.source import FormatOptions
from l10n.po.catalog import FUZZY, Entry

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI installs it: .ci/run)")


def page() -> str:
    rows = [
        Row("Click <g1>Save</g1>.", 3, Entry("Click <g1>Save</g1>.", "点击<g1>保存</g1>。", line=10), "点击<g1>保存</g1>。", None,
            (("<g1>", ("**",)), ("</g1>", ("**",)))),
        Row("Draft <b>me</b>.", 4, Entry("Draft <b>me</b>.", "草稿", flags=(FUZZY,), line=14), None, Unused.FUZZY),
        Row("Nobody did this.", 5, Entry("Nobody did this.", line=18), None, Unused.UNTRANSLATED),
    ]  # fmt: skip
    findings = {14: [Finding("placeholders", "error", "x.po", 14, "Draft", "<b> of the source is missing from the translation")]}
    return review_page("seeds/doc.md", "zh", rows, findings)


def test_the_page_shows_states_findings_and_codes():
    html = page()
    assert html.count("<tr class=") == 3
    assert '<tr class="translated">' in html and '<tr class="fuzzy findings">' in html and '<tr class="untranslated">' in html
    assert "error [placeholders]: &lt;b&gt; of the source is missing" in html
    assert '<span class="code" title="**">&lt;g1&gt;</span>' in html
    assert "Draft &lt;b&gt;me&lt;/b&gt;." in html  # source text is escaped, never markup
    assert "translated: 1" in html and "fuzzy: 1" in html and "untranslated: 1" in html and "QA findings: 1" in html


def test_the_page_is_self_contained():
    html = page()
    assert "<script" not in html and "<link" not in html and not re.search(r"(src|href)=", html)


def test_code_legend_names_the_markup():
    [unit] = read("See [the guide](https://x.y/guide) and `make`.\n", "d.md", FormatOptions()).units()
    assert code_legend(unit) == (
        "Inline codes (keep each once; move a <gN>…</gN> pair together): "
        "<g1>…</g1> = […](https://x.y/guide); <x2/> = `make`"
    )


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
    ]  # fmt: skip
    return subprocess.run([CHROMIUM, *flags, *extra, url], capture_output=True, text=True, timeout=120)


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@needs_chromium
def test_chromium_console_capture_sees_errors(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<p>x</p><script>throw new Error('boom')</script>")
    assert any("boom" in line for line in _console(_chromium(tmp_path, bad.as_uri(), "--dump-dom").stderr))


@needs_chromium
def test_the_page_renders_in_chromium_without_console_errors(tmp_path):
    path = tmp_path / "doc.md.review.html"
    path.write_text(page(), encoding="utf-8")
    shot = tmp_path / "page.png"
    dom = _chromium(tmp_path, path.as_uri(), "--dump-dom", f"--screenshot={shot}", "--window-size=1000,600")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert _console(dom.stderr) == []
    assert "of the source is missing from the translation" in dom.stdout and '<tr class="fuzzy findings">' in dom.stdout
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000

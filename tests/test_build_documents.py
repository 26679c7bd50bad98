"""Markdown and HTML sources end to end: extract, translate, build, review; bad input."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import run_cli
from typer.testing import CliRunner

from l10n.cli.app import app
from l10n.po.read import read_catalog
from l10n.po.write import write_catalog

CORPUS = Path(__file__).parent / "data" / "documents"
PYPROJECT = '[tool.l10n]\ntarget-languages = ["zh"]\nfront-matter-keys = ["title", "description"]\n'


def run(root: Path, *args: str):
    return CliRunner().invoke(app, ["--root", str(root), *args])


def entry(root: Path, *args: str, capsys, monkeypatch) -> tuple[int, str]:
    """Run the console entry point (L10nError mapped to exit 2) in-process; return (status, output)."""
    result = run_cli(["--root", str(root), *args], capsys, monkeypatch)
    return result.code, result.text


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    for path in CORPUS.iterdir():
        shutil.copyfile(path, tmp_path / "seeds" / path.name)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    return tmp_path


def _structure(suffix: str, text: str) -> list:
    """Markdown: the block tokens in order; HTML: every tag (the order of inline tags may change)."""
    if suffix == ".md":
        from l10n.formats.markdown import parser

        blocks = ("fence", "code_block", "html_block", "hr", "front_matter")
        return [(t.type, t.level) for t in parser().parse(text) if t.nesting or t.type in blocks]
    from l10n.formats.html import events

    return sorted((kind, name) for kind, _, _, name in events(text) if kind in ("start", "end", "empty"))


def _identity(root: Path) -> None:
    for po_path in (root / "locales/zh/LC_MESSAGES").glob("*.po"):
        catalog = read_catalog(po_path)
        entries = tuple(replace(e, msgstr=e.msgid) if e.msgid else e for e in catalog.entries)
        write_catalog(po_path, replace(catalog, entries=entries))


def test_identity_translations_rebuild_every_document_byte_for_byte(project):
    assert run(project, "extract").exit_code == 0 and run(project, "update", "--to", "zh").exit_code == 0
    _identity(project)
    result = run(project, "build", "--to", "zh")
    assert result.exit_code == 0, result.output
    for source in CORPUS.iterdir():
        assert (project / "build/zh" / source.name).read_bytes() == source.read_bytes(), source.name


def test_references_and_code_legends_in_the_template(project):
    assert run(project, "extract").exit_code == 0
    pot = read_catalog(project / "locales/mkdocs-guide.pot")
    entry = next(e for e in pot.entries if e.msgid.startswith("Read the <g1>full reference</g1>"))
    assert entry.references == ("seeds/mkdocs-guide.md:55",)
    [legend] = [c for c in entry.extracted_comments if c.startswith("Inline codes")]
    assert "<g1>…</g1> = […](https://example.com/zzkeep/reference)" in legend and "<x2/> = [^faq]" in legend
    alt = next(e for e in pot.entries if e.msgid == "Screenshot of the Acme home page")
    assert alt.references == ("seeds/mkdocs-guide.md:60",) and alt.extracted_comments[0].startswith("Text of an attribute")


def test_fallback_drafts_build_with_codes_intact_and_a_review_page(project):
    result = run(project, "translate", "--to", "zh", "--engine", "fallback")
    assert result.exit_code == 0, result.output
    result = run(project, "check", "--to", "zh", "--only", "placeholders")
    assert result.exit_code == 0, result.output
    result = run(project, "build", "--to", "zh", "--include-fuzzy", "--review")
    assert result.exit_code == 0, result.output
    assert "broken-codes" not in result.output
    for source in CORPUS.iterdir():
        built = (project / "build/zh" / source.name).read_text(encoding="utf-8")
        original = source.read_text(encoding="utf-8")
        assert built != original
        assert built.count("zzkeep") == original.count("zzkeep")  # code, URLs, comments untouched
        assert built.count("\r\n") == original.count("\r\n")
        assert _structure(source.suffix, built) == _structure(source.suffix, original)
        page = (project / "build/zh" / f"{source.name}.review.html").read_text(encoding="utf-8")
        assert "fuzzy draft (unreviewed)" in page and "<script" not in page and "http" not in page.split("<body>")[0]
    assert "<span class=\"code\"" in (project / "build/zh/mkdocs-guide.md.review.html").read_text(encoding="utf-8")


def test_a_translation_with_broken_codes_falls_back_to_the_source(project):
    assert run(project, "extract").exit_code == 0 and run(project, "update", "--to", "zh").exit_code == 0
    _identity(project)
    po_path = project / "locales/zh/LC_MESSAGES/help-centre.po"
    catalog = read_catalog(po_path)
    broken = "Click <g1>Forgot password?</g1> under the <g2>Sign in</g2> button."
    entries = tuple(replace(e, msgstr="点击</g1>忘记密码<g1>，在<g2>登录</g2>按钮下。") if e.msgid == broken else e for e in catalog.entries)
    write_catalog(po_path, replace(catalog, entries=entries))
    result = run(project, "build", "--to", "zh", "--review")
    assert result.exit_code == 0
    assert f"seeds/help-centre.html:27: broken-codes: {broken}" in result.stderr
    assert (project / "build/zh/help-centre.html").read_bytes() == (CORPUS / "help-centre.html").read_bytes()
    page = (project / "build/zh/help-centre.html.review.html").read_text(encoding="utf-8")
    assert "closes out of order" in page
    result = run(project, "check", "--to", "zh", "--only", "placeholders")
    assert result.exit_code == 1 and "closes out of order" in result.output


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bad.md", b"# Title\n\nCaf\xe9 au lait.\n", "not valid UTF-8 (byte 0xe9"),
        ("bad.html", b"<p>Caf\xe9</p>", "not valid UTF-8"),
        ("nul.md", b"# Title\x00\n", "NUL byte"),
        ("empty.htm", b"  \n", "source document is empty"),
        ("wide.md", "# Title\n\nText.\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_documents_exit_2_and_write_nothing(tmp_path, name, data, message, capsys, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / name).write_bytes(data)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    status, output = entry(tmp_path, "translate", "--to", "zh", "--engine", "fallback", capsys=capsys, monkeypatch=monkeypatch)
    assert status == 2
    assert f"seeds/{name}" in output and message in output and "Traceback" not in output
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".pot", ".po", ".mo")] and not (tmp_path / "build").exists()


def test_two_documents_with_one_name_are_refused(tmp_path, capsys, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "page.md").write_text("# One\n")
    (tmp_path / "seeds" / "page.html").write_text("<p>Two</p>")
    status, output = entry(tmp_path, "extract", capsys=capsys, monkeypatch=monkeypatch)
    assert status == 2 and "share the name 'page'" in output


def test_strict_build_with_fallbacks_writes_no_file(project):
    assert run(project, "extract").exit_code == 0 and run(project, "update", "--to", "zh").exit_code == 0
    result = run(project, "build", "--to", "zh", "--strict", "--review")
    assert result.exit_code == 1
    assert not (project / "build").exists()


def test_review_page_for_a_plain_text_seed(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "notes.txt").write_text("A title\nFirst sentence. Second sentence.\n")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    assert run(tmp_path, "extract").exit_code == 0 and run(tmp_path, "update", "--to", "zh").exit_code == 0
    result = run(tmp_path, "build", "--to", "zh", "--review")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "build/zh/notes.txt.review.html").read_text(encoding="utf-8")
    assert page.count('<tr class="untranslated">') == 3 and "First sentence." in page
    assert (tmp_path / "build/zh/notes.txt").read_text() == "A title\nFirst sentence. Second sentence.\n"

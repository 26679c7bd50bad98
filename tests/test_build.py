"""Tests for l10n.build: paragraphs rebuilt from translations, .mo read back by GNU msgunfmt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import reference_project

from l10n.build import build, find_entry, join_sentences, lookup_table, mo_bytes, mo_messages, render_document
from l10n.po.catalog import Catalog, Entry
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.text.segment import Segment, read_source, segment_document

needs_msgunfmt = pytest.mark.skipif(shutil.which("msgunfmt") is None, reason="GNU gettext not installed")


# --- joining ------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, parts, expected",
    [
        ("zh", ["第一句。", "第二句。"], "第一句。第二句。"),
        ("zh_TW", ["第一句。", "第二句。"], "第一句。第二句。"),
        ("ja", ["一つ。", "二つ。"], "一つ。二つ。"),
        ("fr", ["Une phrase.", "Deux phrases."], "Une phrase. Deux phrases."),
        ("zh", ["第一句。", "An English fallback.", "Another one.", "第四句。"], "第一句。An English fallback. Another one.第四句。"),
        ("zh", ["只有一句。"], "只有一句。"),
    ],
    ids=["zh", "zh_TW", "ja", "fr", "zh-with-english-fallbacks", "single"],
)
def test_join_sentences(lang, parts, expected):
    assert join_sentences(parts, lang) == expected


# --- rendering ----------------------------------------------------------------


def _seg(text: str, paragraph: int, position: int, line: int) -> Segment:
    return Segment(text, "seeds/doc.txt", paragraph, position, line)


SEGMENTS = [
    _seg("A title", 0, 0, 1),
    _seg("First sentence.", 1, 0, 2),
    _seg("Second sentence.", 1, 1, 2),
    _seg("A draft.", 2, 0, 3),
    _seg("Nobody translated this.", 2, 1, 3),
    _seg("First sentence.", 3, 0, 4),
    _seg("Not in the catalogue.", 3, 1, 4),
]

CATALOG = Catalog(
    header=(("Language", "zh"), ("Content-Type", "text/plain; charset=UTF-8")),
    entries=(
        Entry("A title", "标题"),
        Entry("First sentence.", "第一句。"),
        Entry("Second sentence.", "第二句。"),
        Entry("A draft.", "草稿。", flags=("fuzzy",)),
        Entry("Nobody translated this.", ""),
        Entry("Old.", "旧。", obsolete=True),
    ),
)


def test_render_excludes_fuzzy_by_default_and_falls_back_to_source():
    lines, fallbacks, used, excluded, _ = render_document(SEGMENTS, lookup_table(CATALOG), "zh", include_fuzzy=False)
    assert lines == ["标题", "第一句。第二句。", "A draft. Nobody translated this.", "第一句。Not in the catalogue."]
    assert [(f.location, f.reason) for f in fallbacks] == [
        ("seeds/doc.txt:3", "fuzzy"),
        ("seeds/doc.txt:3", "untranslated"),
        ("seeds/doc.txt:4", "missing"),
    ]
    assert (used, excluded) == (0, 1)


def test_render_includes_fuzzy_when_asked():
    lines, fallbacks, used, excluded, _ = render_document(SEGMENTS, lookup_table(CATALOG), "zh", include_fuzzy=True)
    assert lines[2] == "草稿。Nobody translated this."
    assert [f.reason for f in fallbacks] == ["untranslated", "missing"]
    assert (used, excluded) == (1, 0)


def test_context_entries_are_told_apart_by_reference():
    catalog = Catalog(
        entries=(
            Entry("Spring", "春天", references=("seeds/doc.txt:1",)),
            Entry("Spring", "弹簧", msgctxt="mechanics", references=("seeds/doc.txt:7",)),
        )
    )
    table = lookup_table(catalog)
    assert find_entry(table, _seg("Spring", 5, 0, 7)).msgstr == "弹簧"
    assert find_entry(table, _seg("Spring", 0, 0, 1)).msgstr == "春天"
    assert find_entry(table, _seg("Spring", 9, 0, 99)).msgstr == "春天"  # no reference: the one without context


# --- .mo ----------------------------------------------------------------------

MO_CATALOG = Catalog(
    header=(("Language", "zh"), ("Content-Type", "text/plain; charset=UTF-8"), ("Plural-Forms", "nplurals=1; plural=0;")),
    entries=(
        Entry("Hello.", "你好。"),
        Entry("Spring", "弹簧", msgctxt="mechanics"),
        Entry("Spring", "春天"),
        Entry("A draft.", "草稿。", flags=("fuzzy",)),
        Entry("Empty.", ""),
        Entry("Gone.", "没了。", obsolete=True),
        Entry("one apple", msgid_plural="%d apples", msgstr_plural=("%d个苹果",)),
        Entry("Quote \"this\"\nand a newline\\.", "引用“这个”\n和换行\\。"),
    ),
)


def _msgunfmt(mo: bytes, tmp_path: Path) -> dict[tuple[str | None, str], str | tuple[str, ...]]:
    path = tmp_path / "messages.mo"
    path.write_bytes(mo)
    po = tmp_path / "back.po"
    subprocess.run(["msgunfmt", "-o", str(po), str(path)], check=True, capture_output=True)
    back = read_catalog(po)
    return {e.key: (e.msgstr_plural if e.msgid_plural else e.msgstr) for e in back.entries if e.msgid}


@needs_msgunfmt
@pytest.mark.parametrize("include_fuzzy", [False, True], ids=["no-fuzzy", "fuzzy"])
def test_msgunfmt_reads_the_mo_back(tmp_path, include_fuzzy):
    messages = _msgunfmt(mo_bytes(mo_messages(MO_CATALOG, include_fuzzy)), tmp_path)
    expected = {
        (None, "Hello."): "你好。",
        ("mechanics", "Spring"): "弹簧",
        (None, "Spring"): "春天",
        (None, "one apple"): ("%d个苹果",),
        (None, "Quote \"this\"\nand a newline\\."): "引用“这个”\n和换行\\。",
    }
    if include_fuzzy:
        expected[(None, "A draft.")] = "草稿。"
    assert messages == expected


@needs_msgunfmt
def test_mo_header_survives(tmp_path):
    path = tmp_path / "m.mo"
    path.write_bytes(mo_bytes(mo_messages(MO_CATALOG, False)))
    out = subprocess.run(["msgunfmt", str(path)], check=True, capture_output=True, text=True).stdout
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in out


def test_python_gettext_reads_the_mo(tmp_path):
    import gettext

    path = tmp_path / "m.mo"
    path.write_bytes(mo_bytes(mo_messages(MO_CATALOG, False)))
    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.gettext("Hello.") == "你好。"
    assert translations.pgettext("mechanics", "Spring") == "弹簧"
    assert translations.gettext("A draft.") == "A draft."
    assert translations.ngettext("one apple", "%d apples", 3) == "%d个苹果"


# --- on a project -------------------------------------------------------------

SOURCE = """\
The Story of Two Towns
Hangzhou is a city in Zhejiang. It has a lake. It has many tea farms.
Read more
Ningbo is a port. It is old.
"""


def _po(entries: list[tuple[str, str, bool]]) -> str:
    out = ['msgid ""', 'msgstr ""', '"Language: zh\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for msgid, msgstr, fuzzy in entries:
        if fuzzy:
            out.append("#, fuzzy")
        out += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    return "\n".join(out)


TRANSLATIONS = [
    ("The Story of Two Towns", "两座城的故事", False),
    ("Hangzhou is a city in Zhejiang.", "杭州是浙江的一座城市。", False),
    ("It has a lake.", "它有一个湖。", False),
    ("It has many tea farms.", "它有许多茶园。", True),
    ("Ningbo is a port.", "宁波是一个港口。", False),
    ("It is old.", "", False),
]


def _project(tmp_path: Path, translations=TRANSLATIONS) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n', encoding="utf-8"
    )
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "towns.txt").write_text(SOURCE, encoding="utf-8")
    po = tmp_path / "locales" / "zh" / "LC_MESSAGES" / "towns.po"
    po.parent.mkdir(parents=True)
    po.write_text(_po(translations), encoding="utf-8")
    return tmp_path


def test_build_rebuilds_paragraphs_and_writes_mo(tmp_path):
    root = _project(tmp_path)
    report = build(load_settings(root), "zh")
    (doc,) = report.documents
    assert doc.written and doc.changed and not report.failed
    text = (root / "build" / "zh" / "towns.txt").read_text(encoding="utf-8")
    assert text == "两座城的故事\n杭州是浙江的一座城市。它有一个湖。It has many tea farms.\n宁波是一个港口。It is old.\n"
    assert doc.paragraphs == 3 and doc.segments == 6 and doc.translated == 4
    assert doc.fuzzy_excluded == 1
    assert [(f.location, f.reason) for f in doc.fallbacks] == [
        ("seeds/towns.txt:2", "fuzzy"),
        ("seeds/towns.txt:4", "untranslated"),
    ]
    assert (root / "build" / "zh" / "LC_MESSAGES" / "towns.mo").is_file()
    assert doc.mo_entries == 4
    again = build(load_settings(root), "zh")
    assert again.documents[0].written and not again.documents[0].changed


def test_rebuilt_paragraphs_match_the_source_structure(tmp_path):
    root = _project(tmp_path, [(s, f"〔{s}〕", False) for s, _, _ in TRANSLATIONS])
    build(load_settings(root), "zh")
    segments = segment_document(read_source(root / "seeds" / "towns.txt"), "seeds/towns.txt", ("read more",))
    lines = (root / "build" / "zh" / "towns.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = sorted({s.paragraph for s in segments})
    assert len(lines) == len(paragraphs)
    for line, paragraph in zip(lines, paragraphs):
        assert line == "".join(f"〔{s.text}〕" for s in segments if s.paragraph == paragraph)


def test_include_fuzzy_uses_drafts(tmp_path):
    root = _project(tmp_path)
    report = build(load_settings(root), "zh", include_fuzzy=True)
    assert report.documents[0].fuzzy_used == 1 and report.documents[0].mo_entries == 5
    text = (root / "build" / "zh" / "towns.txt").read_text(encoding="utf-8")
    assert "它有许多茶园。" in text


def test_strict_writes_nothing(tmp_path):
    root = _project(tmp_path)
    report = build(load_settings(root), "zh", strict=True)
    assert report.failed and len(report.fallbacks) == 2
    assert not report.documents[0].written
    assert not (root / "build").exists()


@needs_msgunfmt
def test_built_mo_matches_catalogue(tmp_path):
    root = _project(tmp_path)
    build(load_settings(root), "zh")
    po = tmp_path / "back.po"
    subprocess.run(["msgunfmt", "-o", str(po), str(root / "build/zh/LC_MESSAGES/towns.mo")], check=True)
    back = {e.msgid: e.msgstr for e in read_catalog(po).entries if e.msgid}
    assert back == {s: t for s, t, fuzzy in TRANSLATIONS if t and not fuzzy}


def test_missing_catalogue_is_an_error(tmp_path):
    from l10n.errors import L10nError

    root = _project(tmp_path)
    (root / "locales" / "zh" / "LC_MESSAGES" / "towns.po").unlink()
    with pytest.raises(L10nError, match="no 'zh' catalogue") as info:
        build(load_settings(root), "zh")
    assert info.value.hint and "l10n translate --to zh" in info.value.hint


# --- CLI ----------------------------------------------------------------------


def test_cli_build_warns_and_lists_fallbacks(tmp_path):
    from typer.testing import CliRunner

    from l10n.cli.app import app

    root = _project(tmp_path)
    result = CliRunner().invoke(app, ["--root", str(root), "build", "--to", "zh"])
    assert result.exit_code == 0, result.output
    assert "build/zh/towns.txt: 3 paragraphs, 4/6 segments translated (written)" in result.stdout
    assert "build/zh/LC_MESSAGES/towns.mo: 4 messages (written)" in result.stdout
    assert "1 fuzzy drafts left out (use --include-fuzzy" in result.stdout
    assert "warning: 2 segments fell back to the source text" in result.stderr
    assert "seeds/towns.txt:4: untranslated: It is old." in result.stderr
    result = CliRunner().invoke(app, ["--root", str(root), "build", "--to", "zh", "--include-fuzzy"])
    assert "1 fuzzy drafts used" in result.stdout and "(written)" in result.stdout


def test_cli_build_strict_exits_1_and_writes_nothing(tmp_path):
    from typer.testing import CliRunner

    from l10n.cli.app import app

    root = _project(tmp_path)
    result = CliRunner().invoke(app, ["--root", str(root), "build", "--to", "zh", "--strict"])
    assert result.exit_code == 1
    assert "2 segments would fall back" in result.stderr
    assert "nothing was written" in result.stderr
    assert not (root / "build").exists()
    full = _project(tmp_path / "full", [(s, t or "它很古老。", False) for s, t, _ in TRANSLATIONS])
    result = CliRunner().invoke(app, ["--root", str(full), "build", "--to", "zh", "--strict"])
    assert result.exit_code == 0, result.output
    assert (full / "build" / "zh" / "towns.txt").read_text(encoding="utf-8").splitlines()[2] == "宁波是一个港口。它很古老。"


def test_embedded_seed_builds_strictly_from_the_reference(tmp_path):
    root = tmp_path / "project"
    settings, po = reference_project(root)
    report = build(settings, "zh", strict=True)
    assert not report.failed and report.documents[0].written
    source = root / "seeds" / "zhejiang-stories.txt"
    segments = segment_document(read_source(source), "seeds/zhejiang-stories.txt", ("read more",))
    translations = {e.msgid: e.msgstr for e in read_catalog(po).active}
    lines = (root / "build" / "zh" / "zhejiang-stories.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = sorted({s.paragraph for s in segments})
    source_lines = [l for l in read_source(source).splitlines() if l.strip() and l.strip().lower() != "read more"]
    assert len(lines) == len(paragraphs) == len(source_lines)
    for line, paragraph in zip(lines, paragraphs):
        assert line == "".join(translations[s.text] for s in segments if s.paragraph == paragraph)
    if shutil.which("msgunfmt"):
        back = tmp_path / "back.po"
        subprocess.run(["msgunfmt", "-o", str(back), str(root / "build/zh/LC_MESSAGES/zhejiang-stories.mo")], check=True)
        assert {e.msgid: e.msgstr for e in read_catalog(back).entries if e.msgid} == translations


def test_console_entry_point_exits_1_for_strict_failures(tmp_path, monkeypatch, capsys):
    from l10n.cli.app import main

    root = _project(tmp_path)
    monkeypatch.setattr("sys.argv", ["l10n", "--root", str(root), "build", "--to", "zh", "--strict"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 1
    assert "nothing was written" in capsys.readouterr().err
    assert not (root / "build").exists()

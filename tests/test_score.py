"""Tests for l10n.score: metric values, signatures, references, term accuracy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sacrebleu
from helpers import reference_project

from l10n.errors import L10nError
from l10n.project.config import load_settings
from l10n.score import score, score_project, worst_segments

DATA = Path(__file__).parent / "data"
GOLDEN = json.loads((DATA / "score" / "golden.json").read_text(encoding="utf-8"))
REFERENCE_TSV = DATA / "reference" / "zhejiang-stories.zh.tsv"


def _reference_pairs(count: int = 60) -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in REFERENCE_TSV.read_text(encoding="utf-8").splitlines() if line]
    return [(s, t) for s, t in rows[:count]]


def _damage(text: str, i: int) -> str:
    """A deterministic imperfect hypothesis: cut, edit, drop or keep.

    (No long-distance reordering: TER's shift search on character tokens is
    very slow on it.)
    """
    if i % 4 == 0:
        return text[: len(text) // 2]
    if i % 4 == 1:
        return text.replace("的", "之").replace("浙江", "该省").replace("the", "a")
    if i % 4 == 2:
        return ""
    return text


# --- metric values ------------------------------------------------------------


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden_values(case):
    report = score(case["hyps"], case["refs"], case["lang"])
    for key in ("bleu", "chrf", "ter"):
        if key in case:
            assert report.score(key).value == pytest.approx(case[key], abs=1e-6), key


def test_chinese_scores_equal_sacrebleu_run_directly():
    pairs = _reference_pairs()
    sources = [s for s, _ in pairs]
    refs = [t for _, t in pairs]
    hyps = [_damage(t, i) for i, t in enumerate(refs)]
    report = score(hyps, refs, "zh", sources=sources)
    bleu = sacrebleu.corpus_bleu(hyps, [refs], tokenize="zh")
    chrf = sacrebleu.corpus_chrf(hyps, [refs])
    ter = sacrebleu.corpus_ter(hyps, [refs], normalized=True, asian_support=True)
    assert abs(report.score("bleu").value - bleu.score) < 1e-9
    assert abs(report.score("chrf").value - chrf.score) < 1e-9
    assert abs(report.score("ter").value - ter.score) < 1e-9
    assert 0 < bleu.score < 100 and 0 < chrf.score < 100 and 0 < ter.score


def test_english_scores_equal_sacrebleu_run_directly():
    refs = [s for s, _ in _reference_pairs()]
    hyps = [_damage(t, i) for i, t in enumerate(refs)]
    report = score(hyps, refs, "en_GB")
    assert abs(report.score("bleu").value - sacrebleu.corpus_bleu(hyps, [refs]).score) < 1e-9
    assert abs(report.score("chrf").value - sacrebleu.corpus_chrf(hyps, [refs]).score) < 1e-9
    assert abs(report.score("ter").value - sacrebleu.corpus_ter(hyps, [refs]).score) < 1e-9


def test_signatures_name_the_settings():
    report = score(["我喜欢猫。"], ["我喜欢狗。"], "zh_CN")
    bleu, chrf, ter = report.scores
    assert bleu.name == "BLEU"
    assert bleu.signature.startswith("nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:")
    assert bleu.signature.endswith(sacrebleu.__version__)
    assert chrf.name == "chrF2" and "nc:6|nw:0" in chrf.signature
    assert ter.name == "TER" and "norm:yes" in ter.signature and "asian:yes" in ter.signature
    english = score(["a b"], ["a b"], "fr")
    assert "tok:13a" in english.scores[0].signature
    assert "asian:no" in english.scores[2].signature


def test_mismatched_lengths_and_empty_input_are_errors():
    with pytest.raises(L10nError, match="2 hypotheses but 1 references"):
        score(["a", "b"], ["a"], "en")
    with pytest.raises(L10nError, match="nothing to score"):
        score([], [], "en")


def test_empty_hypotheses_count_as_untranslated():
    report = score(["", "b c"], ["a b", "b c"], "en")
    assert report.untranslated == 1
    assert report.scored == 2


def test_worst_segments_are_sorted_lowest_first_and_capped():
    refs = [f"sentence number {i:02d} is here" for i in range(30)]
    hyps = [r if i % 3 == 0 else r[: i % 7 + 1] for i, r in enumerate(refs)]
    rows = worst_segments(refs, hyps, refs, [f"loc{i}" for i in range(30)], 10)
    assert len(rows) == 10
    values = [row.chrf for row in rows]
    assert values == sorted(values) and values[-1] < 100
    assert (rows[0].hypothesis, rows[0].location) == ("s", "loc7")  # lowest, earliest of the ties first


def test_worst_segments_leave_out_perfect_matches():
    rows = worst_segments(["a", "b", "c"], ["x y", "same", "x z"], ["x y", "same", "x y"], ["1", "2", "3"])
    assert [row.location for row in rows] == ["3"]


# --- term accuracy ------------------------------------------------------------


@pytest.fixture(scope="module")
def glossary():
    from l10n.glossary.load import load_glossary

    return load_glossary(DATA / "score" / "glossary")


def test_term_accuracy_counts_occurrences_and_misses(glossary):
    sources = [
        "The City Brain grew into many city brains.",  # 2 occurrences, target once
        "Digital reform began with Qinqing Online.",  # both rendered
        "Nothing to see near West Lake.",  # proposed term: not counted
        "Qinqing Online again.",  # missed
    ]
    hyps = ["城市大脑发展成许多大脑。", "数字化改革始于“亲清 在线”。", "西湖附近。", "又一次。"]
    report = score(hyps, hyps, "zh", sources=sources, glossary=glossary)
    terms = report.terms
    assert (terms.found, terms.total) == (3, 5)
    assert terms.rate == pytest.approx(0.6)
    assert [(m.term, m.target, m.missed, m.occurrences) for m in terms.misses] == [
        ("City Brain", "城市大脑", 1, 2),
        ("Qinqing Online", "亲清在线", 1, 2),
    ]


def test_term_accuracy_none_without_glossary_or_sources(glossary):
    assert score(["a"], ["a"], "zh").terms is None
    assert score(["a"], ["a"], "zh", glossary=glossary).terms is None
    empty = score(["a"], ["a"], "zh", sources=["Nothing here."], glossary=glossary).terms
    assert (empty.found, empty.total, empty.rate) == (0, 0, None)


# --- on a project -------------------------------------------------------------

POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The City Brain"
msgstr ""

msgid "It helps people."
msgstr ""

msgid "It was built in 2016."
msgstr ""

msgctxt "heading"
msgid "Spring"
msgstr ""

msgid "Nobody translated this."
msgstr ""
"""

PO = """\
msgid ""
msgstr ""
"Language: zh\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The City Brain"
msgstr "城市大脑"

#, fuzzy
msgid "It helps people."
msgstr "它帮助人。"

msgid "It was built in 2016."
msgstr "它建于2016年。"

msgctxt "heading"
msgid "Spring"
msgstr "春"

msgid "Nobody translated this."
msgstr ""
"""

REF_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The City Brain"
msgstr "城市大脑"

msgid "It helps people."
msgstr "它帮助人们。"

msgid "It was built in 2016."
msgstr ""

msgctxt "heading"
msgid "Spring"
msgstr "春天"

msgid "Nobody translated this."
msgstr "没有人翻译这个。"
"""


def project(tmp_path: Path, domains=("doc",)) -> Path:
    """A small project with one zh catalogue per domain and the test glossary."""
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    shutil.copytree(DATA / "score" / "glossary", tmp_path / "glossary")
    po_dir = tmp_path / "locales" / "zh" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    for domain in domains:
        (tmp_path / "locales" / f"{domain}.pot").write_text(POT, encoding="utf-8")
        (po_dir / f"{domain}.po").write_text(PO, encoding="utf-8")
    return tmp_path


HYPS = ["城市大脑", "它帮助人。", "", "春", ""]
REFS = ["城市大脑", "它帮助人们。", None, "春天", "没有人翻译这个。"]


def _expected(refs):
    pairs = [(h, r) for h, r in zip(HYPS, refs) if r is not None]
    return score([h for h, _ in pairs], [r for _, r in pairs], "zh")


@pytest.mark.parametrize("fmt", ["po", "tsv", "text"])
def test_score_project_with_each_reference_format(tmp_path, fmt):
    root = project(tmp_path)
    ref = tmp_path / f"ref.{fmt if fmt != 'text' else 'txt'}"
    if fmt == "po":
        ref.write_text(REF_PO, encoding="utf-8")
        refs = [r if r != "" else None for r in REFS]
    elif fmt == "tsv":
        ref.write_text(
            "The City Brain\t城市大脑\nIt helps people.\t它帮助人们。\nSpring\t春天\nNobody translated this.\t没有人翻译这个。\n",
            encoding="utf-8",
        )
        refs = REFS
    else:
        ref.write_text("城市大脑\n它帮助人们。\n\n春天\n没有人翻译这个。\n", encoding="utf-8")
        refs = REFS
    report = score_project(load_settings(root), "zh", ref)
    expected = _expected(refs)
    for key in ("bleu", "chrf", "ter"):
        assert abs(report.score(key).value - expected.score(key).value) < 1e-9
    assert (report.total, report.scored, report.skipped) == (5, 4, 1)
    assert (report.translated, report.fuzzy, report.untranslated) == (2, 1, 1)
    assert report.untranslated_locations == ("locales/zh/LC_MESSAGES/doc.po:20",)
    assert report.reference_format == fmt
    assert (report.terms.found, report.terms.total) == (1, 1)
    assert report.worst[0].chrf == 0.0 and report.worst[0].hypothesis == ""
    assert report.worst[0].source == "Nobody translated this."


def test_score_json_structure(tmp_path):
    root = project(tmp_path)
    ref = tmp_path / "ref.po"
    ref.write_text(REF_PO, encoding="utf-8")
    data = json.loads(json.dumps(score_project(load_settings(root), "zh", ref).to_dict()))
    assert data["schema"] == 1 and data["lang"] == "zh"
    assert data["reference"] == {"path": str(ref), "format": "po"}
    assert data["segments"] == {"total": 5, "scored": 4, "skipped": 1, "translated": 2, "fuzzy": 1, "untranslated": 1}
    assert list(data["scores"]) == ["bleu", "chrf", "ter"]
    assert set(data["scores"]["bleu"]) == {"name", "value", "signature"}
    assert "tok:zh" in data["scores"]["bleu"]["signature"]
    assert data["terms"] == {"found": 1, "total": 1, "rate": 1.0, "misses": []}
    assert data["untranslated"] == ["locales/zh/LC_MESSAGES/doc.po:20"]
    assert set(data["worst"][0]) == {"location", "source", "hypothesis", "reference", "chrf"}
    assert len(data["worst"]) == 3  # the perfect "The City Brain" is not among the worst


def test_unknown_po_reference_names_file_and_line(tmp_path):
    root = project(tmp_path)
    ref = tmp_path / "ref.po"
    ref.write_text(REF_PO + '\nmsgid "Not a segment."\nmsgstr "不是。"\n', encoding="utf-8")
    with pytest.raises(L10nError, match="matches no segment") as info:
        score_project(load_settings(root), "zh", ref)
    assert info.value.path == ref and info.value.line == 21


def test_po_reference_context_must_match(tmp_path):
    root = project(tmp_path)
    ref = tmp_path / "ref.po"
    ref.write_text(REF_PO.replace('msgctxt "heading"\n', ""), encoding="utf-8")
    with pytest.raises(L10nError, match="'Spring'"):
        score_project(load_settings(root), "zh", ref)


def test_plain_text_with_several_catalogues_needs_domain(tmp_path):
    root = project(tmp_path, domains=("doc", "other"))
    ref = tmp_path / "ref.txt"
    ref.write_text("城市大脑\n它帮助人们。\n\n春天\n没有人翻译这个。\n", encoding="utf-8")
    with pytest.raises(L10nError, match="--domain"):
        score_project(load_settings(root), "zh", ref)
    report = score_project(load_settings(root), "zh", ref, domain="other")
    assert report.scored == 4 and report.untranslated_locations == ("locales/zh/LC_MESSAGES/other.po:20",)


def test_no_catalogue_for_language(tmp_path):
    root = project(tmp_path)
    ref = tmp_path / "ref.po"
    ref.write_text(REF_PO, encoding="utf-8")
    with pytest.raises(L10nError, match="no catalogues for language 'fr'") as info:
        score_project(load_settings(root), "fr", ref)
    assert "l10n translate --to fr" in info.value.hint


def test_reference_without_any_match_is_an_error(tmp_path):
    root = project(tmp_path)
    ref = tmp_path / "ref.txt"
    ref.write_text("\n\n\n\n\n", encoding="utf-8")
    with pytest.raises(L10nError, match="no segment of the catalogue has a reference"):
        score_project(load_settings(root), "zh", ref)


# --- CLI ----------------------------------------------------------------------


def test_cli_score_text_and_json(tmp_path):
    from typer.testing import CliRunner

    from l10n.cli.app import app

    root = project(tmp_path)
    ref = tmp_path / "ref.po"
    ref.write_text(REF_PO, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["--root", str(root), "score", "--to", "zh", "--ref", str(ref)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "4 of 5 segments scored" in out
    assert "2 translated, 1 fuzzy drafts, 1 untranslated" in out
    assert "skipped: 1 segments have no reference" in out
    assert "nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:" in out
    assert "terms: 1/1 occurrences rendered (100.0%)" in out
    assert "locales/zh/LC_MESSAGES/doc.po:20" in out
    result = runner.invoke(app, ["--root", str(root), "score", "--to", "zh", "--ref", str(ref), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    expected = score_project(load_settings(root), "zh", ref)
    assert data["scores"]["chrf"]["value"] == pytest.approx(expected.score("chrf").value, abs=1e-12)


def test_cli_score_bad_reference_is_an_input_error(tmp_path):
    from typer.testing import CliRunner

    from l10n.cli.app import app

    root = project(tmp_path)
    ref = tmp_path / "ref.txt"
    ref.write_text("only one line\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--root", str(root), "score", "--to", "zh", "--ref", str(ref)])
    assert result.exit_code == 2  # the app's one error handler printed it
    assert result.output.startswith(f"error: {ref}:1: ")  # the last line there is
    assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["--root", str(root), "score", "--to", "zh", "--ref", str(ref), "--format", "xml"])
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.output


def test_main_exits_2_with_file_and_line(tmp_path, monkeypatch, capsys):
    from l10n.cli.app import main

    root = project(tmp_path)
    ref = tmp_path / "ref.tsv"
    ref.write_text("The City Brain\t城市大脑\nNot ours.\t不是。\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["l10n", "--root", str(root), "score", "--to", "zh", "--ref", str(ref)])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"{ref}:2: reference source matches no segment" in err
    assert "Traceback" not in err


# --- the embedded seed against its human reference ----------------------------


def test_reference_translation_scores_perfectly_against_itself(tmp_path):
    settings, _ = reference_project(tmp_path / "project", glossary=True)
    report = score_project(settings, "zh", REFERENCE_TSV)
    assert report.skipped == 0 and report.untranslated == 0 and report.fuzzy == 0
    assert report.score("bleu").value == pytest.approx(100.0)
    assert report.score("chrf").value == pytest.approx(100.0)
    assert report.score("ter").value == 0.0
    assert report.worst == ()
    # The human reference follows the glossary; it may merge a repeated term
    # into one mention, so per-occurrence accuracy is high but not perfect.
    assert report.terms.total > 100
    assert report.terms.rate > 0.95

"""Glossary terms with more than one right answer, and targets per language variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.drafting.enforcement import Enforcer
from l10n.engines import EngineInfo
from l10n.errors import L10nError
from l10n.glossary.csv import format_glossary_csv, read_glossary_file
from l10n.glossary.load import load_glossary
from l10n.glossary.model import Glossary, check_target, find_terms
from l10n.glossary.tbx import ADMITTED, format_tbx, parse_tbx
from l10n.glossary.validation import validate
from l10n.score import term_accuracy

CSV = """\
source,zh,zh-Hant,status,flags,variants:zh,forbidden:zh,pos,note
14th Five-Year Plan,“十四五”规划,,approved,,十四五,十四五计划,properNoun,
demurrage,滞期费,,approved,,滞港费,,noun,
southern Zhejiang,浙南,,approved,,浙江南部,,properNoun,
CPC member,中共党员,,approved,case-sensitive,党员,,noun,
Qinqing Online,亲清在线,親清線上,approved,,,亲情在线,properNoun,a zh-Hant column wins over conversion
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "terms.csv").write_text(CSV, encoding="utf-8")
    return load_glossary(tmp_path / "g")


@pytest.mark.parametrize(
    "source, target",
    [
        ("During the 14th Five-Year Plan period, exports grew.", "“十四五”期间，出口增长。"),
        ("The 14th Five-Year Plan was adopted.", "“十四五”规划获得通过。"),
        ("Demurrage fell.", "滞港费下降。"),
        ("Demurrage fell.", "滞期费下降。"),
        ("Farms in southern Zhejiang grew.", "浙江南部的农场增多了。"),
        ("Farms in southern Zhejiang grew.", "浙南的农场增多了。"),
        ("Five CPC members spoke.", "五名党员发了言。"),
        ("Five CPC members spoke.", "五名中共党员发了言。"),
    ],
)
def test_variants_and_core_forms_are_accepted(glossary, source: str, target: str) -> None:
    assert check_target(source, target, glossary, "zh") == []


def test_a_missing_term_names_every_accepted_rendering(glossary) -> None:
    (issue,) = check_target("Demurrage fell.", "费用下降。", glossary, "zh")
    assert issue.kind == "missing" and issue.expected == "滞期费"
    assert "“滞期费” or “滞港费”" in issue.message


def test_forbidden_still_reported_beside_an_accepted_core(glossary) -> None:
    issues = check_target("The 14th Five-Year Plan was adopted.", "十四五计划获得通过。", glossary, "zh")
    assert [i.kind for i in issues] == ["forbidden"]


def test_traditional_targets_column_then_conversion(glossary) -> None:
    by_source = {t.source: t for t in glossary.terms}
    assert by_source["Qinqing Online"].target("zh_TW") == "親清線上"  # the zh-Hant column
    assert by_source["demurrage"].target("zh_TW") == "滯期費"  # converted from zh
    assert by_source["demurrage"].variants_in("zh_TW") == ("滯港費",)
    assert by_source["14th Five-Year Plan"].forbidden_in("zh_HK") == ("十四五計劃",)
    assert by_source["demurrage"].target("ja") is None and by_source["demurrage"].target("de") is None
    assert check_target("Demurrage fell.", "滯港費下降。", glossary, "zh_TW") == []


def test_csv_round_trip_keeps_variants(glossary, tmp_path: Path) -> None:
    text = format_glossary_csv(glossary.terms)
    assert "variants:zh" in text.splitlines()[0]
    terms, problems = read_glossary_file(tmp_path / "again.csv", text.encode("utf-8"))
    assert problems == [] and [t.variants for t in terms] == [t.variants for t in glossary.terms]


def test_tbx_carries_variants_as_admitted_terms(glossary) -> None:
    text = format_tbx(glossary.terms)
    assert text.count(ADMITTED) == 4  # 十四五, 滞港费, 浙江南部, 党员
    terms, warnings = parse_tbx(text)
    assert warnings == []
    assert [t.variants_in("zh") for t in terms] == [t.variants_in("zh") for t in glossary.terms]
    assert [t.target("zh") for t in terms] == [t.target("zh") for t in glossary.terms]


def test_validation_of_variant_columns(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "source,zh,status,variants:zh,forbidden:zh\n"
        "health code,健康码,approved,健康代码,健康代码\n"  # a variant that is also forbidden
        "family farm,,approved,家庭农场,\n",  # variants without a target
        encoding="utf-8",
    )
    problems = validate(folder)
    assert {p.code for p in problems} == {"empty-field", "forbidden-in-target"}
    assert any("variants:zh" in p.message for p in problems)
    assert any("variant '健康代码'" in p.message for p in problems)
    with pytest.raises(L10nError):
        load_glossary(folder)


class _Copying:
    """An engine that leaves the terms in English (what repair exists for)."""

    info = EngineInfo(name="copy", model="copy-1")

    def translate_batch(self, sentences):
        return list(sentences)


def test_enforcement_writes_the_preferred_target_and_keeps_a_variant(glossary) -> None:
    enforcer = Enforcer(glossary, "zh")
    source = "Demurrage fell."
    (draft,) = enforcer.draft(_Copying(), [source])
    assert "滞期费" in draft.text and draft.missing == ()
    matches = find_terms(source, glossary, "zh")
    assert enforcer.repair(source, "滞港费 Demurrage", matches) == "滞港费 Demurrage"


def test_term_accuracy_counts_variants(glossary) -> None:
    sources = ["Demurrage fell.", "Demurrage rose.", "Demurrage stayed."]
    hypotheses = ["滞港费下降。", "滞期费上升。", "费用不变。"]
    accuracy = term_accuracy(sources, hypotheses, glossary, "zh")
    assert (accuracy.found, accuracy.total) == (2, 3)


def test_the_shipped_glossary_accepts_the_renderings_of_issue_14() -> None:
    shipped = load_glossary(Path(__file__).parents[1] / "glossary")
    for source, target in [
        ("During the 14th Five-Year Plan period, the city grew.", "“十四五”期间，这座城市发展壮大。"),
        ("The bill of lading and demurrage were settled.", "提单和滞港费已结清。"),
        ("Villages in southern Zhejiang prospered.", "浙江南部的村庄富裕起来了。"),
        ("More CPC members joined.", "更多党员加入进来。"),
    ]:
        assert check_target(source, target, shipped, "zh") == [], source

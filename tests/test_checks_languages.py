"""Checks across target languages: correct translations are clean, planted defects are found.

The translations below are written by hand for these tests (sentences from
the seed, some shortened); each correct one must give no finding at all with
every check and the project's glossary, and each defect its check id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.checks import check_catalog
from l10n.glossary.load import load_glossary
from l10n.po.catalog import Catalog, Entry

GLOSSARY = Path(__file__).parents[1] / "glossary"

S_LUJIA = ("Located in Anji county, Huzhou city, Zhejiang province, Lujia village covers an area of "
           "16.7 square kilometers with a population of 2,300.")
S_EXPORT = "In 2020, the company’s export delivered outstanding growth of more than 60% despite the epidemic."
S_BRAIN = "With City Brain as its engine, it has established 453 data interfaces."
S_YUAN = "More than 2 billion yuan has been introduced."
S_TOURISTS = "Since 2018, the village has received nearly 500,000 tourists each year."
S_WOW = "What an achievement that would be!"
S_HOW = "Then how should they further innovate and transform to achieve prosperity?"
S_FUNDS = "1.16 million yuan of funds and 3.25 million services have been delivered to enterprises and employees."
S_TITLE = "Qinqing Online"
S_PLAN = "During the 14th Five-Year Plan period, demurrage fell in southern Zhejiang."
S_QUOTE = "The platform is called “Qinqing Online”."
S_YEN = "The city invested 2 billion yen."
S_DATE = "The plan was approved on 15 March 2021."

CORRECT = {
    "zh": {
        S_LUJIA: "鲁家村位于浙江省湖州市安吉县，面积16.7平方公里，人口2300人。",
        S_EXPORT: "2020年，尽管受到疫情影响，公司出口仍实现了60%以上的显著增长。",
        S_BRAIN: "它以城市大脑为引擎，建立了453个数据接口。",
        S_YUAN: "已引进资金超过20亿元。",
        S_TOURISTS: "自2018年以来，该村每年接待游客近50万人次。",
        S_WOW: "那将是多么了不起的成就！",
        S_HOW: "那么，他们该如何进一步创新转型、实现富裕？",
        S_FUNDS: "116万元资金和325万次服务已直达企业和员工。",
        S_TITLE: "亲清在线",
        S_PLAN: "“十四五”期间，浙江南部的滞港费有所下降。",
        S_QUOTE: "这个平台名为“亲清在线”。",
        S_DATE: "该规划于2021年3月15日获批。",
    },
    "zh_TW": {
        S_LUJIA: "魯家村位於浙江省湖州市安吉縣，面積16.7平方公里，人口2300人。",
        S_EXPORT: "2020年，儘管受到疫情影響，公司出口仍實現了60%以上的顯著成長。",
        S_BRAIN: "它以城市大腦為引擎，建立了453個資料介面。",
        S_YUAN: "已引進資金超過20億元。",
        S_TOURISTS: "自2018年以來，該村每年接待遊客近50萬人次。",
        S_WOW: "那將是多麼了不起的成就！",
        S_HOW: "那麼，他們該如何進一步創新轉型、實現富裕？",
        S_FUNDS: "116萬元資金和325萬次服務已直達企業和員工。",
        S_TITLE: "親清在線",
        S_PLAN: "「十四五」期間，浙江南部的滯港費有所下降。",
        S_QUOTE: "這個平臺名為「親清在線」。",
        S_DATE: "該規劃於2021年3月15日獲批。",
    },
    "ja": {
        S_LUJIA: "魯家村は浙江省湖州市安吉県に位置し、面積は16.7平方キロメートル、人口は2,300人である。",
        S_EXPORT: "2020年、同社の輸出は感染症の流行にもかかわらず60%を超える著しい成長を遂げた。",
        S_BRAIN: "「城市大脳」をエンジンとして、453のデータインターフェースを構築した。",
        S_YUAN: "20億元を超える資金が導入された。",
        S_TOURISTS: "2018年以降、同村には毎年50万人近くの観光客が訪れている。",
        S_WOW: "それはなんと素晴らしい成果だろう！",
        S_HOW: "では、さらなる革新と転換を進め、繁栄を実現するにはどうすればよいのか？",
        S_FUNDS: "116万元の資金と325万件のサービスが、企業と従業員に届けられた。",
        S_TITLE: "親清オンライン",
        S_QUOTE: "このプラットフォームは「親清オンライン」と呼ばれている。",
        S_YEN: "同市は20億円を投資した。",
        S_DATE: "この計画は2021年3月15日に承認された。",
    },
    "de": {
        S_LUJIA: "Das Dorf Lujia im Kreis Anji der Stadt Huzhou in der Provinz Zhejiang hat eine Fläche von "
                 "16,7 Quadratkilometern und 2.300 Einwohner.",
        S_EXPORT: "Im Jahr 2020 verzeichneten die Exporte des Unternehmens trotz der Epidemie ein herausragendes "
                  "Wachstum von mehr als 60 %.",
        S_BRAIN: "Mit dem City Brain als Motor hat es 453 Datenschnittstellen eingerichtet.",
        S_YUAN: "Mehr als 2 Milliarden Yuan wurden eingeworben.",
        S_TOURISTS: "Seit 2018 empfängt das Dorf jedes Jahr fast 500.000 Touristen.",
        S_WOW: "Was für eine Leistung das wäre!",
        S_HOW: "Wie sollten sie also weiter innovieren und sich wandeln, um Wohlstand zu erreichen?",
        S_FUNDS: "1,16 Millionen Yuan an Mitteln und 3,25 Millionen Dienstleistungen wurden Unternehmen und "
                 "Beschäftigten bereitgestellt.",
        S_TITLE: "Qinqing Online",
        S_QUOTE: "Die Plattform heißt „Qinqing Online“.",
        S_YEN: "Die Stadt investierte 2 Milliarden Yen.",
        S_DATE: "Der Plan wurde am 15. März 2021 genehmigt.",
    },
}  # fmt: skip

# (language, source, defective translation, check id that must report it)
DEFECTS = [
    ("zh", S_FUNDS, "16万元资金和325万次服务已直达企业和员工。", "numbers"),
    ("zh", S_YUAN, "已引进资金超过2亿元。", "numbers"),
    ("zh", S_LUJIA, "鲁家村位于浙江省湖州市安吉县,面积16.7平方公里，人口2300人。", "punctuation"),
    ("zh", S_HOW, "那么，他们该如何进一步创新转型、实现富裕。", "punctuation"),
    ("zh", S_BRAIN, "它以城市之脑为引擎，建立了453个数据接口。", "forbidden"),
    ("zh", S_BRAIN, "它以城市平台为引擎，建立了453个数据接口。", "glossary"),
    ("zh", S_TOURISTS, "自2018年以来，该村 每年接待游客近50万人次。", "whitespace"),
    ("zh", S_EXPORT, "2020年，尽管受到疫情影响，公司出口仍实现了60%以上的outstanding growth。", "untranslated-text"),
    ("zh", S_WOW, "那将是多么了不起的的成就！", "doubled-word"),
    ("zh_TW", S_YUAN, "已引進資金超過2億元。", "numbers"),
    ("zh_TW", S_FUNDS, "116萬元資金和32萬次服務已直達企業和員工。", "numbers"),
    ("zh_TW", S_LUJIA, "魯家村位於浙江省湖州市安吉縣,面積16.7平方公里，人口2300人。", "punctuation"),
    ("zh_TW", S_BRAIN, "它以城市之腦為引擎，建立了453個資料介面。", "forbidden"),
    ("zh_TW", S_BRAIN, "它以都市平臺為引擎，建立了453個資料介面。", "glossary"),
    ("zh_TW", S_TOURISTS, "自2018年以來，該村 每年接待遊客近50萬人次。", "whitespace"),
    ("zh_TW", S_WOW, "那將是多麼了不起的的成就！", "doubled-word"),
    ("ja", S_YEN, "同市は2億円を投資した。", "numbers"),
    ("ja", S_TOURISTS, "2018年以降、同村には毎年5万人近くの観光客が訪れている。", "numbers"),
    ("ja", S_LUJIA, "魯家村は浙江省湖州市安吉県に位置し,面積は16.7平方キロメートル、人口は2,300人である。", "punctuation"),
    ("ja", S_HOW, "では、さらなる革新と転換を進め、繁栄を実現するにはどうすればよいのか。", "punctuation"),
    ("ja", S_EXPORT, "2020年、同社の輸出は 感染症の流行にもかかわらず60%を超える著しい成長を遂げた。", "whitespace"),
    ("ja", S_EXPORT, "2020年、同社の輸出はdespite the epidemic 60%を超える著しい成長を遂げた。", "untranslated-text"),
    ("ja", S_YEN, "同市は20億円をを投資した。", "doubled-word"),
    ("ja", S_LUJIA, "魯家村は浙江省にある。", "length"),
    ("ja", "The population is 116 million.", "人口は1億1500万人である。", "numbers"),
    ("ja", "The 14th Five-Year Plan was adopted.", "第13次5カ年計画が採択された。", "numbers"),
    ("de", S_YUAN, "Mehr als 2 Billionen Yuan wurden eingeworben.", "numbers"),
    ("de", S_FUNDS, "1,16 Millionen Yuan an Mitteln und 3.25 Millionen Dienstleistungen wurden Unternehmen und "
                    "Beschäftigten bereitgestellt.", "numbers"),
    ("de", S_TOURISTS, "Seit 2019 empfängt das Dorf jedes Jahr fast 500.000 Touristen.", "numbers"),
    ("de", S_HOW, "Wie sollten sie also weiter innovieren und sich wandeln, um Wohlstand zu erreichen.", "punctuation"),
    ("de", S_WOW, "Was für eine eine Leistung das wäre!", "doubled-word"),
    ("de", "It cost 2 million yuan.", "Es kostete drei Millionen Yuan.", "numbers"),
    ("de", S_DATE, "Der Plan wurde am 16.03.2021 genehmigt.", "numbers"),
    ("de", S_BRAIN, "Mit dem City Brain als  Motor hat es 453 Datenschnittstellen eingerichtet.", "whitespace"),
]  # fmt: skip


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY)


def findings(lang: str, pairs: dict[str, str], glossary):
    catalog = Catalog(entries=tuple(Entry(msgid=s, msgstr=t, line=i + 1) for i, (s, t) in enumerate(pairs.items())))
    return check_catalog(catalog, lang, glossary, path="test.po")


@pytest.mark.parametrize("lang", sorted(CORRECT))
def test_correct_translations_have_no_findings(lang: str, glossary) -> None:
    found = findings(lang, CORRECT[lang], glossary)
    assert [(f.check, f.msgid, f.message) for f in found] == []


@pytest.mark.parametrize("lang, source, target, check", DEFECTS, ids=[f"{d[0]}-{d[3]}-{i}" for i, d in enumerate(DEFECTS)])
def test_planted_defect_is_found(lang: str, source: str, target: str, check: str, glossary) -> None:
    found = findings(lang, {source: target}, glossary)
    assert check in {f.check for f in found}, [(f.check, f.message) for f in found]


def test_numbers_advice_is_written_the_language_way(glossary) -> None:
    (tw,) = [f.message for f in findings("zh_TW", {S_YUAN: "已引進資金超過2億元。"}, glossary) if f.check == "numbers"]
    assert "20億元" in tw and "亿" not in tw
    (ja,) = [f.message for f in findings("ja", {S_YEN: "同市は2億円を投資した。"}, glossary) if f.check == "numbers"]
    assert "20億円" in ja
    (zh,) = [f.message for f in findings("zh", {S_YUAN: "已引进资金超过2亿元。"}, glossary) if f.check == "numbers"]
    assert "20亿元" in zh


def test_japanese_pause_advice(glossary) -> None:
    pairs = {S_LUJIA: "魯家村は浙江省湖州市安吉県に位置し,面積は16.7平方キロメートル、人口は2,300人である。"}
    (message,) = [f.message for f in findings("ja", pairs, glossary) if f.check == "punctuation"]
    assert "、" in message


def test_german_decimal_point_is_named(glossary) -> None:
    pairs = {S_FUNDS: CORRECT["de"][S_FUNDS].replace("3,25", "3.25")}
    (message,) = [f.message for f in findings("de", pairs, glossary) if f.check == "numbers"]
    assert "3,25" in message and "decimal point" in message


@pytest.mark.parametrize(
    "lang, source, target",
    [
        ("fr", S_QUOTE, "La plateforme s’appelle « Qinqing Online »."),
        ("fr", S_WOW, "Quelle réussite ce serait !"),
        ("fr", S_FUNDS, "1,16 million de yuans de fonds et 3,25 millions de services ont été fournis aux entreprises "
                        "et aux salariés."),
        ("fr", S_TOURISTS, "Depuis 2018, le village accueille chaque année près de 500\u202f000 touristes."),
        ("es", S_YUAN, "Se han captado más de 2000 millones de yuanes."),
        ("es", S_YUAN, "Se han captado más de 2 mil millones de yuanes."),
        ("es", S_HOW, "Entonces, ¿cómo deberían seguir innovando y transformándose para alcanzar la prosperidad?"),
        ("es", S_QUOTE, "La plataforma se llama «Qinqing Online»."),
        ("de", S_QUOTE, "Die Plattform heißt »Qinqing Online«."),
        ("de", "It cost 2 million yuan.", "Es kostete zwei Millionen Yuan."),
        ("de", S_DATE, "Der Plan wurde am 15.03.2021 genehmigt."),
        ("fr", S_DATE, "Le plan a été approuvé le 15/03/2021."),
        ("fr", "He runs 3 farms.", "Il gère trois fermes."),
        ("zh_HK", S_YUAN, "已引進資金超過20億元。"),
        ("ja", "Exports grew by 60% and the population is 116 million.", "輸出は60パーセント増え、人口は1億1600万人である。"),
        ("zh", "The population is 116 million.", "人口为1亿1600万。"),
        ("ja", "The 14th Five-Year Plan was adopted.", "第14次5カ年計画が採択された。"),
        ("zh_HK", S_QUOTE, "這個平台名為「親清在線」。"),
    ],
)  # fmt: skip
def test_latin_and_regional_text_without_false_alarms(lang: str, source: str, target: str, glossary) -> None:
    assert [(f.check, f.message) for f in findings(lang, {source: target}, glossary)] == []

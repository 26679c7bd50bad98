"""Golden table for the untranslated-text check (l10n.checks.untranslated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.checks.base import CheckContext
from l10n.checks.untranslated import check_untranslated_text

DATA = Path(__file__).parent / "data" / "qa"


@pytest.fixture(scope="module")
def glossary():
    from l10n.glossary.load import load_glossary

    return load_glossary(DATA / "glossary")


def messages(source: str, target: str, ctx: CheckContext) -> list[str]:
    return [p[0] if isinstance(p, tuple) else p for p in check_untranslated_text(source, target, ctx)]


PASS = [
    pytest.param("It generates 6.4 billion kWh.", "年发电量64亿kWh。", id="unit-kWh"),
    pytest.param("More than 6 GW.", "超过6 GW。", id="unit-GW"),
    pytest.param("The R&D system.", "R&D体系。", id="acronym-with-ampersand"),
    pytest.param("5G and IoT devices.", "5G和IoT设备。", id="5G-IoT"),
    pytest.param("During COVID-19.", "COVID-19疫情期间。", id="covid-19"),
    pytest.param("A BMW or Mercedes-Benz.", "一辆BMW或奔驰。", id="capitals-acronym"),
    pytest.param("US$8,000 a day.", "每天8000 US$。", id="currency-code"),
    pytest.param("Plan A.", "A计划。", id="single-letter"),
    pytest.param("Review it in Poedit.", "在Poedit中审校。", id="glossary-do-not-translate"),
    pytest.param("Review it in poedit.", "在poedit中审校。", id="glossary-do-not-translate-any-case"),
    pytest.param("Pay with an iPhone.", "用iPhone付款。", id="glossary-latin-target"),
    pytest.param("See https://example.org/guide.", "见https://example.org/guide。", id="url"),
    pytest.param("Mail help@example.org.", "发邮件至help@example.org。", id="email"),
    pytest.param("Hello %(name)s.", "%(name)s，你好。", id="placeholder"),
    pytest.param("Founded as Wenzhou CHINT Electric Co., Ltd.", "创办温州正泰电器有限公司（Wenzhou CHINT Electric Co., Ltd.）。", id="original-name-in-brackets"),
    pytest.param("Bonjour.", "Bonjour.", id="latin-script-language-not-checked"),
]


@pytest.mark.parametrize("source,target", PASS)
def test_allowed_latin_text(source: str, target: str, glossary) -> None:
    lang = "fr" if target == "Bonjour." else "zh"
    assert messages(source, target, CheckContext(lang, glossary=glossary)) == []


FAIL = [
    pytest.param("The digital platform was launched.", "digital platform正式上线。", ["“digital platform”"], id="english-words"),
    pytest.param("Mohammad came to Yiwu.", "Mohammad来到义乌。", ["“Mohammad”"], id="name-not-in-glossary"),
    pytest.param("City Brain and cloud.", "City Brain和cloud。", ["“City Brain”", "“cloud”"], id="two-runs"),
    pytest.param("Smart city, efficient governance.", "Smart city, efficient governance.", ["a copy of the English source"], id="copy-of-source"),
    pytest.param("That is, the village.", "i.e.，该村。", ["“i.e”"], id="latin-abbreviation"),
    pytest.param("Founded as Wenzhou CHINT Electric.", "创办（Wenzhou Electric Company）。", ["“Wenzhou Electric Company”"], id="bracketed-but-not-from-source"),
]


@pytest.mark.parametrize("source,target,expected", FAIL)
def test_english_left_is_flagged(source: str, target: str, expected: list[str], glossary) -> None:
    found = messages(source, target, CheckContext("zh", glossary=glossary))
    assert len(found) == len(expected), found
    for want, got in zip(expected, found):
        assert want in got


def test_without_a_glossary_kept_terms_are_english() -> None:
    assert messages("Review it in Poedit.", "在Poedit中审校。", CheckContext("zh")) != []

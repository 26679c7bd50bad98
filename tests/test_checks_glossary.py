"""Golden table for the glossary and forbidden checks (l10n.checks.glossary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.checks.base import CheckContext
from l10n.checks.glossary import check_forbidden, check_glossary, kept_phrases

DATA = Path(__file__).parent / "data" / "qa"


@pytest.fixture(scope="module")
def ctx() -> CheckContext:
    from l10n.glossary.load import load_glossary

    return CheckContext("zh", glossary=load_glossary(DATA / "glossary"))


def messages(check, source: str, target: str, ctx: CheckContext) -> list[str]:
    return [p[0] if isinstance(p, tuple) else p for p in check(source, target, ctx)]


PASS = [
    pytest.param("Hangzhou proposed City Brain.", "杭州提出了城市大脑。", id="multi-word-term"),
    pytest.param("The City-Brain system.", "城市大脑系统。", id="hyphen-variant"),
    pytest.param("Both City Brains work.", "两个城市大脑都在运行。", id="plural"),
    pytest.param("The Belt and Road Initiative.", "“一带一路”倡议。", id="target-with-quotes"),
    pytest.param("The Belt and Road Initiative.", '"一带一路"倡议。', id="target-quotes-folded"),
    pytest.param("Use the health code.", "使用健康码。", id="lower-case-term"),
    pytest.param("Every family farm grew.", "每家农场都在发展。", id="proposed-term-not-enforced"),
    pytest.param("No terms here.", "这里没有术语。", id="no-terms"),
]


@pytest.mark.parametrize("source,target", PASS)
def test_glossary_respected(source: str, target: str, ctx: CheckContext) -> None:
    assert messages(check_glossary, source, target, ctx) == []
    assert messages(check_forbidden, source, target, ctx) == []


def test_missing_term_names_the_expected_chinese(ctx: CheckContext) -> None:
    found = messages(check_glossary, "Hangzhou proposed City Brain.", "杭州提出了智慧大脑。", ctx)
    assert len(found) == 1
    assert "“City Brain” must be translated as “城市大脑”" in found[0]
    assert "terms.csv:2" in found[0]  # where the term is defined


def test_case_sensitive_term_only_matches_its_case(ctx: CheckContext) -> None:
    assert messages(check_glossary, "the chint brand", "这个品牌", ctx) == []
    assert messages(check_glossary, "the CHINT brand", "这个品牌", ctx) != []


def test_forbidden_variant_with_span(ctx: CheckContext) -> None:
    target = "杭州拓展了城市大脑（城市智脑）。"
    problems = list(check_forbidden("Hangzhou expanded the City Brain.", target, ctx))
    assert len(problems) == 1
    message, (start, end) = problems[0]
    assert target[start:end] == "城市智脑"
    assert "use “城市大脑”" in message
    assert messages(check_glossary, "Hangzhou expanded the City Brain.", target, ctx) == []


def test_forbidden_and_missing_both_reported(ctx: CheckContext) -> None:
    source, target = "The health code system.", "健康代码系统。"
    assert len(messages(check_glossary, source, target, ctx)) == 1
    assert len(messages(check_forbidden, source, target, ctx)) == 1


def test_without_glossary_nothing_is_found() -> None:
    bare = CheckContext("zh")
    assert messages(check_glossary, "City Brain.", "智慧大脑。", bare) == []
    assert messages(check_forbidden, "City Brain.", "城市智脑。", bare) == []


def test_kept_phrases(ctx: CheckContext) -> None:
    assert kept_phrases(ctx.glossary, "zh") == ("Poedit", "iPhone")
    assert kept_phrases(None, "zh") == ()


def test_the_glossary_screen_passes_over_a_language_only_when_no_term_is_enforced_there() -> None:
    from l10n.checks import get_check
    from l10n.checks.base import Batch
    from l10n.glossary.model import Glossary, IssueKind, LangMap, Status, Term, check_target

    proposed = Term("City Brain", targets=LangMap({"zh": "城市大脑"}), forbidden=LangMap({"zh": ("城脑",)}),
                    status=Status.PROPOSED)
    french = Term("Common prosperity", targets=LangMap({"fr": "prospérité commune"}))
    glossary = Glossary((proposed, french))
    source, target = "City Brain and Common prosperity.", "城脑和共同富裕。"
    assert not glossary.enforces("zh") and glossary.enforces("fr")
    assert check_target(source, target, glossary, "zh") == []  # nothing enforced: nothing found
    assert get_check("glossary").screen(Batch([source], [target], "zh", glossary=glossary)) == set()
    approved = Glossary((Term("City Brain", targets=LangMap({"zh": "城市大脑"}), forbidden=LangMap({"zh": ("城脑",)})),))
    assert [i.kind for i in check_target(source, target, approved, "zh")] == [IssueKind.MISSING, IssueKind.FORBIDDEN]
    assert list(get_check("glossary").screen(Batch([source], [target], "zh", glossary=approved))) == [0]

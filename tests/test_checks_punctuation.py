"""Golden table for the punctuation check (l10n.checks.punctuation)."""

from __future__ import annotations

import pytest

from l10n.checks.base import CheckContext
from l10n.checks.punctuation import check_punctuation, ending

ZH = CheckContext("zh")
FR = CheckContext("fr")


def messages(source: str, target: str, ctx: CheckContext = ZH) -> list[str]:
    return [p[0] if isinstance(p, tuple) else p for p in check_punctuation(source, target, ctx)]


PASS = [
    pytest.param("Hello.", "你好。", id="statement"),
    pytest.param("Is it?", "是吗？", id="question"),
    pytest.param("What an achievement!", "多么了不起的成就！", id="exclamation"),
    pytest.param("They said:", "他们说：", id="colon"),
    pytest.param("The Story of CHINT Group", "正泰集团的故事", id="title-no-final-mark"),
    pytest.param("He said “ok.”", "他说“好。”", id="stop-inside-quote"),
    pytest.param("He said “ok.”", "他说“好”。", id="stop-outside-quote"),
    pytest.param("He said “ok”.", "他说“好。”", id="stop-after-quote-moved-inside"),
    pytest.param("He asked, “Why?”", "他问：“为什么？”", id="question-in-quote"),
    pytest.param("the sign read “zero approvals”", "标牌上写着“零审批”。", id="quoted-phrase-becomes-sentence"),
    pytest.param("He found 14 counties (cities).", "他走访了14个县（市）。", id="fullwidth-brackets-never-flagged"),
    pytest.param("It is 3.5 km away.", "距离3.5公里。", id="decimal"),
    pytest.param("It costs 1,000 yuan.", "花费1,000元。", id="thousands-comma"),
    pytest.param("The meeting is at 10:30.", "会议在10:30举行。", id="time"),
    pytest.param("Visit https://example.org/a,b.", "请访问https://example.org/a,b。", id="url"),
    pytest.param("Write to a.b@example.org.", "请写信至a.b@example.org。", id="email"),
    pytest.param("Founded as CHINT Electric Co., Ltd.", "公司成立时名为正泰电器（CHINT Electric Co., Ltd.）。", id="latin-run-inside"),
    pytest.param("The park... and dreams.", "公园……和梦想。", id="ellipsis-inside"),
    pytest.param("We hope...", "我们希望……", id="ellipsis-end"),
    pytest.param("%(n)s: done.", "%(n)s：完成。", id="placeholder-then-colon"),
    pytest.param("Done.", "Terminé.", id="other-language-same-ending"),
]


@pytest.mark.parametrize("source,target", PASS)
def test_correct_punctuation_passes(source: str, target: str) -> None:
    ctx = FR if target == "Terminé." else ZH
    assert messages(source, target, ctx) == []


FAIL = [
    pytest.param("Hello.", "你好.", "ASCII ‘.’", id="ascii-final-stop"),
    pytest.param("Is it?", "是吗?", "ASCII ‘?’", id="ascii-final-question"),
    pytest.param("Is it?", "是吗。", "end it with ？", id="question-becomes-statement"),
    pytest.param("Go!", "走。", "end it with ！", id="exclamation-lost"),
    pytest.param("Hello.", "你好", "end it with 。", id="final-stop-missing"),
    pytest.param("Title", "标题。", "without punctuation", id="title-gains-stop"),
    pytest.param("In 2016, it began.", "2016年,它开始了。", "ASCII ‘,’", id="ascii-comma"),
    pytest.param("He said: ok.", "他说:好。", "ASCII ‘:’", id="ascii-colon"),
    pytest.param("A; B.", "甲;乙。", "ASCII ‘;’", id="ascii-semicolon"),
    pytest.param("See (CHINT).", "见正泰(CHINT)。", "ASCII ‘(’", id="ascii-brackets"),
    pytest.param("“Hi” he said.", '"你好"他说。', "ASCII ‘\"’", id="straight-quotes"),
    pytest.param("We hope...", "我们希望...", "‘……’", id="ascii-ellipsis"),
    pytest.param("Is it?", "Est-ce.", "end it with a question mark", id="other-language-ending"),
]


@pytest.mark.parametrize("source,target,expected", FAIL)
def test_wrong_punctuation_is_flagged(source: str, target: str, expected: str) -> None:
    ctx = FR if target == "Est-ce." else ZH
    found = messages(source, target, ctx)
    assert any(expected in m for m in found), found


def test_every_problem_is_reported_once_per_mark() -> None:
    found = messages("A, b, c: d.", "甲,乙,丙:丁.")
    assert len(found) == 3  # the commas together, the colon, the final stop
    assert any("(2 times)" in m for m in found)


def test_spans_point_into_the_translation() -> None:
    problems = list(check_punctuation("In 2016, it began.", "2016年,它开始了。", ZH))
    (message, (start, end)), = problems
    assert "2016年,它开始了。"[start:end] == ","


@pytest.mark.parametrize(
    "text,kind",
    [("Hi.", "stop"), ("Hi?”", "question"), ("“Hi!”", "exclamation"), ("Hi...", "ellipsis"), ("你好……”", "ellipsis"),
     ("Title", None), ("他说：", "colon"), ("（见上）", None)],
)
def test_ending_kinds(text: str, kind: str | None) -> None:
    assert ending(text)[0] == kind


def test_every_language_has_a_mark_for_each_kind_of_ending() -> None:
    from l10n.checks.punctuation import Ending
    from l10n.text.languages import profile, profile_tags

    tags = [t for t in profile_tags() if t not in ("latin", "other")]
    assert len(tags) > 5
    for tag in tags:
        assert set(profile(tag.replace("-", "_")).marks) == set(Ending), tag
    assert ending("Done…")[0] is Ending.ELLIPSIS and f"{ending('Why?')[0]}" == "question"

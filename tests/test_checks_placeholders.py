"""Golden table for the placeholders check (l10n.checks.placeholders)."""

from __future__ import annotations

import pytest

from l10n.checks.base import CheckContext
from l10n.checks.placeholders import check_placeholders, tokens
from l10n.po.catalog import Entry


def messages(source: str, target: str, flags: tuple[str, ...] = ()) -> list[str]:
    ctx = CheckContext("zh", entry=Entry(msgid=source, msgstr=target, flags=flags))
    return [p[0] if isinstance(p, tuple) else p for p in check_placeholders(source, target, ctx)]


PASS = [
    pytest.param("%s files", "%s个文件", (), id="printf-bare"),
    pytest.param("%(count)d files in %(dir)s", "%(dir)s中有%(count)d个文件", ("python-format",), id="python-named-reordered"),
    pytest.param("%1$s of %2$s", "%2$s中的%1$s", ("c-format",), id="positional-reordered"),
    pytest.param("100%% done", "已完成100%%", ("c-format",), id="percent-literal"),
    pytest.param("60% of residents", "60%的居民", (), id="prose-percent-not-a-placeholder"),
    pytest.param("{name} and {0}", "{0}和{name}", ("python-brace-format",), id="braces"),
    pytest.param("<b>Bold</b> text<br/>", "<b>粗体</b>文字<br/>", (), id="tags"),
    pytest.param('<a href="https://example.org" title="Home">Home</a>', '<a href="https://example.org" title="首页">首页</a>', (), id="tag-attribute-translated"),
    pytest.param("See https://example.org/docs.", "参见https://example.org/docs。", (), id="url-before-fullwidth-stop"),
    pytest.param("Mail a@example.org", "发邮件至a@example.org", (), id="email"),
    pytest.param("No placeholders here.", "这里没有占位符。", (), id="nothing"),
]


@pytest.mark.parametrize("source,target,flags", PASS)
def test_copied_tokens_pass(source: str, target: str, flags: tuple[str, ...]) -> None:
    assert messages(source, target, flags) == []


FAIL = [
    pytest.param("%s files", "个文件", (), "%s of the source is missing", id="printf-missing"),
    pytest.param("%(count)d files", "%(cnt)d个文件", ("python-format",), "%(count)d of the source", id="renamed-key"),
    pytest.param("%d%% done", "已完成%%", ("c-format",), "%d of the source", id="conversion-next-to-literal-percent"),
    pytest.param("{name} is here", "{名字}在这里", ("python-brace-format",), "{name}", id="brace-translated"),
    pytest.param("<b>Warning:</b> stop", "警告：停止", (), "<b> of the source", id="tag-missing"),
    pytest.param("Text", "<i>文字</i>", (), "the translation has <i>", id="tag-added"),
    pytest.param("See https://example.org/docs", "参见https://example.org/doc", (), "https://example.org/docs", id="url-changed"),
    pytest.param("Mail a@example.org", "发邮件至b@example.org", (), "a@example.org", id="email-changed"),
    pytest.param("The system works.", "{{T0}}系统运行良好。", (), "masking token {{T0}}", id="masking-token-left"),
    pytest.param("%s and %s", "%s和", (), "(1 of 2)", id="one-of-two-missing"),
]


@pytest.mark.parametrize("source,target,flags,expected", FAIL)
def test_changed_tokens_are_flagged(source: str, target: str, flags: tuple[str, ...], expected: str) -> None:
    found = messages(source, target, flags)
    assert any(expected in m for m in found), found


def test_printf_with_flags_only_under_a_format_flag() -> None:
    # "% o" is a conversion (space flag, octal) only where the entry says it is C format.
    assert tokens("60% of them") == {}
    assert tokens("60% of them", ("c-format",)) == {"% o": 1}
    assert tokens("60% of them", ("no-c-format",)) == {}

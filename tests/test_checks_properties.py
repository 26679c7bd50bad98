"""Invariants of the checks on arbitrary text: they never crash, spans index the translation,
and a verbatim copy keeps every placeholder and number."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks import CHECKS
from l10n.checks.base import CheckContext
from l10n.checks.numbers import check_numbers
from l10n.checks.placeholders import check_placeholders
from l10n.po.catalog import Entry

# Letters, digits, Han, ASCII and full-width punctuation, quotes, spaces, and the
# pieces placeholders, URLs and numbers are made of.
ALPHABET = st.sampled_from(
    list("abcXYZ019 ,.;:?!()\"'“”‘’，。；：？！（）、…—%$&{}<>/@-_")
    + list("的在和城市大脑万亿年月日第九两")
    + ["%s", "%(n)d", "{name}", "{{T0}}", "<b>", "</b>", "https://example.org/a", "a@example.org",
       "1,000", "3.5", "1.16 million", "nine", "2021", "\n", "  "]
)
TEXT = st.lists(ALPHABET, max_size=25).map("".join)


@settings(max_examples=150, deadline=None)
@given(source=TEXT, target=TEXT, fuzzy=st.booleans(), lang=st.sampled_from(["zh", "zh_TW", "fr"]))
def test_checks_never_crash_and_spans_fit(source: str, target: str, fuzzy: bool, lang: str) -> None:
    entry = Entry(msgid=source, msgstr=target, flags=("fuzzy",) if fuzzy else ())
    ctx = CheckContext(lang, entry=entry, location="x.po:1")
    for check in CHECKS:
        for problem in check.function(source, target, ctx):
            message, span = problem if isinstance(problem, tuple) else (problem, None)
            assert isinstance(message, str) and message
            if span is not None:
                start, end = span
                assert 0 <= start <= end <= len(target), (check.id, span, target)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, flags=st.sampled_from([(), ("c-format",), ("python-format",), ("python-brace-format",)]))
def test_a_verbatim_copy_keeps_every_token(text: str, flags: tuple[str, ...]) -> None:
    ctx = CheckContext("zh", entry=Entry(msgid=text, msgstr=text, flags=flags))
    assert list(check_placeholders(text, text, ctx)) == []


@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_a_verbatim_copy_keeps_every_number_outside_chinese(text: str) -> None:
    # A copy keeps every number; only the format may be French's own (1.16 million → 1,16 million).
    found = [m for m in check_numbers(text, text, CheckContext("fr")) if "decimal point" not in str(m)]
    assert found == []

"""l10n.text.linebreak: Unicode line breaking and widths as GNU gettext (libunistring 1.0) does them."""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.text.linebreak import (
    MANDATORY,
    POSSIBLE,
    PROHIBITED,
    _simple_opportunities,
    break_positions,
    char_class,
    char_width,
    possible_breaks,
    width_breaks,
)


def breaks_before(text: str) -> str:
    """The text with "|" where a line may break."""
    return "".join(("|" if b == POSSIBLE else "") + ch for ch, b in zip(text, possible_breaks(list(text))))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the quick  brown fox", "the |quick  |brown |fox"),
        ("你好，世界。", "你|好，|世|界。"),
        ("说：“亲清在线”平台（杭州）", "说：“亲|清|在|线”平|台|（杭|州）"),
        ("1.16万元、20亿", "1.16|万|元、|20|亿"),
        ("non-face-to-face e.g. US$2,000", "non-|face-|to-|face |e.|g. |US$2,000"),
        ("Zhejiang’s “Qinqing Online”", "Zhejiang’s |“Qinqing |Online”"),
        ("<P>Some text.</P>", "<P>Some |text.|</|P>"),
    ],
)
def test_break_opportunities(text, expected):
    assert breaks_before(text) == expected


def test_classes_and_widths_of_chinese_and_punctuation():
    assert [char_class(c) for c in "中，。“（）：a1 "] == ["ID1", "CL", "CL", "QU", "OP2", "CL", "NS", "AL", "NU", "SP"]
    assert [char_width(c) for c in "中，。“”‘’（a \u0301"] == [2, 2, 2, 1, 1, 1, 1, 2, 1, 1, 0]
    assert char_width("\t") == -1
    assert char_class("\u2028") == "BK"


def test_width_breaks_take_the_last_opportunity_that_fits():
    text = list("aaa bbb ccc ddd")
    chosen = width_breaks(text, width=8)
    assert [i for i, b in enumerate(chosen) if b == POSSIBLE] == [8]
    # a piece longer than the line stays whole
    assert width_breaks(list("abcdefghij"), width=4) == [PROHIBITED] * 10


def test_width_breaks_count_ideographs_as_two_columns():
    chosen = width_breaks(list("一二三四五"), width=6)
    assert [i for i, b in enumerate(chosen) if b == POSSIBLE] == [3]


def test_width_breaks_respect_overrides_and_start_column():
    text = list("aa bb cc")  # a space belongs to the piece before it
    assert [i for i, b in enumerate(width_breaks(text, 8)) if b == POSSIBLE] == []
    assert [i for i, b in enumerate(width_breaks(text, 8, start_column=3)) if b == POSSIBLE] == [3]
    overrides = [None, None, None, PROHIBITED, None, None, None, None]
    assert [i for i, b in enumerate(width_breaks(text, 8, 3, overrides)) if b == POSSIBLE] == [6]


def test_hard_line_break_character_resets_the_column():
    text = list("aaaa\u2028bbbb cccc")
    chosen = width_breaks(text, width=9)
    assert chosen[4] == MANDATORY
    assert POSSIBLE not in chosen


# --- The installed libunistring as the oracle, where it is the version gettext 0.21 uses here.


def _libunistring():
    name = ctypes.util.find_library("unistring")
    if name is None:
        pytest.skip("libunistring is not installed")
    lib = ctypes.CDLL(name)
    try:
        version = ctypes.c_int.in_dll(lib, "_libunistring_version").value
        possible, width = lib.u8_possible_linebreaks_v2, lib.u8_width_linebreaks_v2
    except (ValueError, AttributeError):
        pytest.skip("libunistring without the expected symbols")
    if version >> 8 != 0x100:
        pytest.skip(f"libunistring {version >> 16}.{(version >> 8) & 0xFF} is not 1.0, the version this module reproduces")
    possible.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p]
    width.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
    lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    lib.uc_width.restype = ctypes.c_int
    return lib


def _per_char(text: str, raw: bytes) -> list[int]:
    # libunistring marks the first byte of each character; its values are ours
    # plus one, and it tells a CR before LF (value 5) from other hard breaks.
    out, i = [], 0
    for ch in text:
        out.append(MANDATORY if raw[i] == 5 else raw[i] - 1)
        i += len(ch.encode("utf-8"))
    return out


def _real_possible(lib, text: str) -> list[int]:
    data = text.encode("utf-8")
    buf = ctypes.create_string_buffer(len(data))
    lib.u8_possible_linebreaks_v2(data, len(data), b"UTF-8", buf)
    return _per_char(text, buf.raw)


def _real_width(lib, text: str, width: int, start: int) -> list[int]:
    data = text.encode("utf-8")
    buf = ctypes.create_string_buffer(len(data))
    lib.u8_width_linebreaks_v2(data, len(data), width, start, 0, None, b"UTF-8", buf)
    return _per_char(text, buf.raw)


MIXED = (
    "ab Z 19,.;:!?()[]{}\"'“”‘’，。、：；！？（）《》「」中文字\\-/%$#@&*+=<>|~^_`\t—…·％"
    "\u200b\u200d\u0301\u00a0\u2060\u30fc\u3041\uac00\u1100\u1161\u11a8\u05d0\u0e01\u2014\u2028"
    "\U0001F600\U0001F3FB\U0001F1E6"
)
any_char = st.characters(blacklist_categories=("Cs",), max_codepoint=0x3FFFF)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(MIXED), any_char), min_size=1, max_size=30), st.integers(1, 20), st.integers(0, 8))
def test_matches_libunistring(text, width, start):
    lib = _libunistring()
    assert possible_breaks(list(text)) == _real_possible(lib, text)
    assert width_breaks(list(text), width, start) == _real_width(lib, text, width, start)


def test_widths_match_libunistring_for_every_assigned_plane():
    lib = _libunistring()
    planes = [*range(0xD800), *range(0xE000, 0x40000), *range(0xE0000, 0xE1000)]
    wrong = [hex(cp) for cp in planes if char_width(chr(cp)) != lib.uc_width(cp, b"UTF-8")]
    assert wrong == []


# --- The fast route (break_positions) against the reference walk.

ASCII = "".join(map(chr, range(0x20, 0x7F)))
CJK = "浙江在社会经济和环境发展方面取得的成就中文字一二三四五，。、：；！？（）《》「」“”‘’…—·％０１ａ"
SPECIALS = "\u2028\u000b\u000d\u000a\u0301\u200b\u200d\U0001F1E6\U0001F1E8\u05d0\u05d1\t\x01"


def reference_positions(text: str, width: int, start: int, prohibited: list[int]) -> list[int]:
    overrides = [PROHIBITED if i in prohibited else None for i in range(len(text))]
    return [i for i, b in enumerate(width_breaks(list(text), width, start, overrides)) if b == POSSIBLE]


texts = st.one_of(
    st.text(alphabet=ASCII, max_size=120),
    st.text(alphabet=CJK + " ", max_size=60),
    st.text(alphabet=ASCII + CJK, max_size=80),
    st.text(alphabet=st.one_of(st.sampled_from(MIXED + SPECIALS), any_char), max_size=40),
)


@settings(max_examples=600, deadline=None)
@given(texts, st.integers(1, 80), st.integers(0, 20), st.data())
def test_break_positions_equal_the_reference(text, width, start, data):
    prohibited = data.draw(st.lists(st.integers(0, max(len(text) - 1, 0)), max_size=4)) if text else []
    assert break_positions(text, width, start, prohibited) == reference_positions(text, width, start, prohibited)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_simple_opportunities_equal_possible_breaks(text):
    found = _simple_opportunities(text)
    if found is not None:
        assert found == [i for i, b in enumerate(possible_breaks(list(text))) if b == POSSIBLE]


def test_plain_text_takes_the_fast_route():
    # The equivalence above only means something if PO text actually goes this way.
    for text in ("The tea garden invested (project 0)? \"x\" \\n e.g. US$2,000 -- 50%", "你好，世界。“亲清在线”（杭州）１２"):
        assert _simple_opportunities(text) is not None
    for text in ("a\u2028b", "e\u0301", "a\u200bb", "\U0001F1E6\U0001F1E8", "\u05d0-", "a\x01b"):
        assert _simple_opportunities(text) is None


def test_every_ascii_pair_and_spaced_pair_matches_the_reference():
    for a in ASCII:
        for b in ASCII:
            for text in (a + b, a + " " + b, a + "  " + b, " " + a + b):
                assert _simple_opportunities(text) == [i for i, x in enumerate(possible_breaks(list(text))) if x == POSSIBLE], repr(text)

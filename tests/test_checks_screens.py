"""Screens (made from each check's ``Trigger``): a screen may pass over a pair only if its check finds nothing there.

Every check with a trigger is held to that on generated pairs built from the
pieces that make checks fire (numbers in every form, placeholders,
punctuation, whitespace, Latin words), on each check's own trigger characters
one by one in several settings, on every pair the number tests know, through
the runner on the test corpora and a generated catalogue with planted
defects, and on catalogues saved by real PO editors (outside material).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.checks import CHECKS, _check_entries, get_check
from l10n.checks.base import Batch, CheckContext, Side, Trigger
from l10n.po.catalog import Catalog, Entry
from l10n.po.read import read_catalog

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS.parent / "bench"))

import gen
from test_checks_numbers import FAIL as NUMBER_FAIL
from test_checks_numbers import PASS as NUMBER_PASS
from test_numerals import MATCH, MISMATCH, SEED_PAIRS

SCREENED = [check for check in CHECKS if check.trigger is not None]

PIECES = st.sampled_from(
    list("abcXYZ019 ,.;:?!()\"'“”‘’，。；：？！（）、…—%$&{}<>/@-_\t\n")
    + list("的在和城市大脑万亿千百年月日号第九两一十点多余元块％１")
    + ["%s", "%(n)d", "{name}", "{{T0}}", "<b>", "</b>", "https://example.org/a", "a@example.org", "  ",
       "\u3000", "\u00a0", "\x1c", "\u200b", "the the", "的的", "project", "Ltd.", "COVID-", "G", "US$", "RMB ",
       "1,000", "3.5", "12,345", "2021", "2021年", "702", " million", " Million", " yuan", " Yuan", " dollars",
       " euro", "7.02亿元", "17", " percent", " per cent", "17%", "14th", "1990s", "5G", "nine", "second", "March",
       "May", "10:30", "2021-03-15", "1/2", "三分之一", "90年代", "千瓦", "百强", "万物", "一座", "统一", "美元",
       "人民币", "世纪", "hundred", "a dozen", "one or two", "一万", "一百", "万一", "十个", "两天", "第九", "百强村",
       "一两", "1千", "300多万", "3千瓦", "1.5万", "12月", "二〇二〇年", "5 km", "5公里"]
)
TEXT = st.lists(PIECES, max_size=14).map("".join)
SOME = st.one_of(st.just(""), st.lists(PIECES, max_size=3).map("".join))
# A translation that shares most of its source's pieces (and so its numbers): the pairs
# where a screen's shortcut is taken, and where it must still see what differs.
SHARED = st.builds(lambda a, b, c, d, e: (b + a + c, d + a + e), TEXT, SOME, SOME, SOME, SOME)
PAIR = st.one_of(st.tuples(TEXT, TEXT), SHARED)

# One figure written both ways, with the prefixes and suffixes that change how it reads:
# every combination is tried (too many for chance to find the few that matter).
FIGURES = ("300", "12,345", "2021", "7.02", "1")
EN_FORMS = [(p, s) for p in ("", "$", "US$", "RMB ", "COVID-", "G", "the ", "March ")
            for s in ("", " million", " Million", " yuan", " dollars", " percent", " per cent", "%", " km", "th",
                      "s", "G", " years", ",5", ".5", " to 5")]
ZH_FORMS = [(p, s) for p in ("", "第", "$", "¥", "美元", "约", "G", "一", "十")
            for s in ("", "万", "亿元", "多万", "余亿", "%", " %", "元", "美元", "千瓦", "世纪", "年", "月", "个", "G",
                      "百", "千", ".5", "十", "强")]


def test_number_screen_on_every_form_of_a_figure() -> None:
    from l10n.checks.numbers import check_numbers

    pairs = [
        (f"In all, {p1}{figure}{s1} (phase 2).", f"总计{p2}{figure.replace(',', '')}{s2}（2期）。")
        for n, figure in enumerate(FIGURES)
        for i, (p1, s1) in enumerate(EN_FORMS)
        for j, (p2, s2) in enumerate(ZH_FORMS)
        if (i + j + n) % 2 == 0  # half of the product, each form with several figures
    ]
    batch = Batch([s for s, _ in pairs], [t for _, t in pairs], "zh")
    picked = set(get_check("numbers").screen(batch))
    passed = [pairs[i] for i in range(len(pairs)) if i not in picked]
    assert len(passed) > 50  # the shortcut is taken...
    assert [(s, t) for s, t in passed if list(check_numbers(s, t, CheckContext("zh")))] == []  # ...only when sound
PAIRS = st.lists(st.builds(lambda p, f: (*p, f), PAIR, st.booleans()), min_size=1, max_size=6)


def missed(pairs: list[tuple[str, str, bool]], lang: str) -> list[tuple[str, str, str]]:
    """(check, source, target) for every pair a screen passes over although its check reports it."""
    entries = [Entry(msgid=s or "x", msgstr=t, flags=("fuzzy",) if f else (), line=i + 1) for i, (s, t, f) in enumerate(pairs)]
    batch = Batch([s for s, _, _ in pairs], [t for _, t, _ in pairs], lang, entries, [0] * len(pairs), "doc.po")
    out = []
    for check in SCREENED:
        picked = set(check.screen(batch))
        for i, (source, target, fuzzy) in enumerate(pairs):
            if i in picked:
                continue
            ctx = CheckContext(lang, entry=entries[i], location=f"doc.po:{i + 1}")
            if (target.strip() or not check.needs_target) and list(check.function(source, target, ctx)):
                out.append((check.id, source, target))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pairs=PAIRS, lang=st.sampled_from(["zh", "zh_TW", "fr", "ja"]))
def test_screens_never_pass_over_a_finding(pairs, lang) -> None:
    assert missed(pairs, lang) == []


KNOWN_PAIRS = (
    [tuple(p.values[:2]) for p in (*NUMBER_PASS, *NUMBER_FAIL)]
    + [(e, z) for _, e, z in MATCH] + [(e, z) for _, e, z in MISMATCH] + list(SEED_PAIRS)
)


def test_screens_on_every_number_pair_of_the_tests() -> None:
    pairs = [(s, t, False) for s, t in KNOWN_PAIRS]
    assert missed(pairs, "zh") == []
    # ...and the other way round (a figure added, not dropped), and swapped between pairs.
    assert missed([(t, s, False) for s, t, _ in pairs], "zh") == []
    assert missed([(s, pairs[i - 1][1], False) for i, (s, _, _) in enumerate(pairs)], "zh") == []


def test_the_number_screen_passes_plain_figures_and_holds_the_rest() -> None:
    pairs = [
        ("Built in 2021 for 12,345 families (project 7).", "于2021年建成，惠及12345户家庭（项目7）。"),  # passed
        ("It cost 702 million yuan and cut costs by 17 percent.", "投入7.02亿元，成本降低17%。"),  # passed
        ("It cost 702 million yuan.", "投入7.02亿美元。"),  # another currency: held
        ("It cost 702 million yuan.", "投入702元。"),  # another value: held
        ("Nine villages joined.", "九个村加入。"),  # spelled: held for the full reading
        ("On 15 March 2021.", "2021年3月15日。"),  # a date: held
    ]
    batch = Batch([s for s, _ in pairs], [t for _, t in pairs], "zh")
    assert sorted(get_check("numbers").screen(batch)) == [2, 3, 4, 5]


def run(entries, lang="zh", screens=True, glossary=None, memory=None, path="doc.po"):
    from l10n.checks.glossary import kept_phrases

    kept = kept_phrases(glossary, lang)
    return _check_entries(entries, lang, glossary, CHECKS, memory, path, "en", kept, screens=screens)


@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_runner_finds_the_same_with_and_without_screens_on_a_generated_catalogue(lang) -> None:
    messages = gen.messages(3000, seed=11, defects=0.2)
    entries = [Entry(msgid=m.msgid, msgstr=m.msgstr, flags=("fuzzy",) if m.fuzzy else (), line=i + 1)
               for i, m in enumerate(messages)]
    screened, checked = run(entries, lang)
    assert len(screened) > 300 and checked > 2500
    assert (screened, checked) == run(entries, lang, screens=False)


@pytest.mark.parametrize(
    "path",
    [TESTS / "data" / "qa" / "defects.po", TESTS / "data" / "qa" / "other.po",
     TESTS / "data" / "reference" / "zh" / "zhejiang-stories.po", TESTS / "data" / "po" / "golden-zh.po"],
    ids=lambda p: p.name,
)
def test_runner_finds_the_same_with_and_without_screens_on_the_corpora(path) -> None:
    from l10n.glossary.load import load_glossary
    from l10n.po.memory import TranslationMemory

    glossary = load_glossary(TESTS / "data" / "qa" / "glossary")
    entries = read_catalog(path).active
    other = TESTS / "data" / "qa" / "other.po"
    memory = TranslationMemory([(path.name, read_catalog(path)), (other.name, read_catalog(other))])
    for order in (entries, entries[::-1]):
        screened = run(order, glossary=glossary, memory=memory, path=path.name)
        assert screened == run(order, screens=False, glossary=glossary, memory=memory, path=path.name)
        assert screened[1] > 0


def test_consistency_screen_holds_what_the_memory_has_from_elsewhere() -> None:
    from l10n.checks.consistency import check_consistency
    from l10n.po.memory import TranslationMemory

    mine = Catalog(entries=(Entry("One", "一", line=3), Entry("Two", "二", line=5), Entry("Three", "三", line=7),
                            Entry("Four", "四", flags=("fuzzy",), line=9)))
    theirs = Catalog(entries=(Entry("One", "壹", line=9), Entry("Two", "二", line=4), Entry("Four", "肆", line=6)))
    memory = TranslationMemory([("a.po", mine), ("b.po", theirs)])
    batch = Batch([e.msgid for e in mine.entries], [e.msgstr for e in mine.entries], "zh", mine.entries, [0] * 4,
                  "a.po", None, memory)
    # Two is held (b.po has it) though the text agrees; Four, a draft, is not in the memory itself.
    assert sorted(get_check("consistency").screen(batch)) == [0, 1, 3]
    found = [bool(list(check_consistency(s, t, CheckContext("zh", e, memory=memory, location=batch.location(i)))))
             for i, (s, t, e) in enumerate(zip(batch.sources, batch.targets, batch.entries))]
    assert found == [True, False, False, True]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=list(".。!?？！:;…”’\"')）」] \u3000\nab你"), max_size=12), min_size=1, max_size=8))
def test_the_punctuation_screen_reads_every_ending_as_ending_does(texts) -> None:
    from l10n.checks.punctuation import _kinds, ending

    assert _kinds(Batch(texts, texts, "zh"), Side.TARGET) == [ending(text)[0] for text in texts]


def test_long_runs_of_marks_and_spaces_are_read_in_one_pass() -> None:
    from l10n.checks.punctuation import _kinds

    texts = ["!" * 300_000 + "x", "a" + " " * 300_000 + "b", "." * 300_000]
    assert _kinds(Batch(texts, texts, "zh"), Side.TARGET) == [None, None, "ellipsis"]


# --- each check's own trigger characters, one by one -----------------------------------------------


def _trigger_pieces() -> list[str]:
    """What the checks themselves say makes them fire: their token hints, marks, closers, the
    languages' own marks and never-doubled characters, every whitespace character, the numerals."""
    from l10n.checks.placeholders import TOKEN_HINTS
    from l10n.checks.punctuation import _ASCII, _CLOSERS, _KIND, _QUOTES
    from l10n.text.languages import profile

    pieces = set(TOKEN_HINTS) | set(_ASCII) | set(_CLOSERS) | set(_KIND) | set(_QUOTES) | {"...", ".."}
    for lang in LANGS:
        language = profile(lang)
        pieces |= set(language.native) | set("".join(language.native.values())) | set(language.marks.values())
        pieces |= set(language.never_doubled)
    pieces |= {chr(c) for c in range(0x110000) if chr(c).isspace()}
    pieces |= set("0123456789〇一二三四五六七八九十百千万亿两萬億兩０１２")
    pieces |= {"%s", "%(n)d", "%1$s", "{name}", "{}", "{{T0}}", "<b>", "</b>", "<g1>", "</g1>", "<x2/>",
               "https://example.org", "www.example.org", "a@example.org", "the", "Zhejiang", "CPC", "1,000"}
    return sorted(pieces)


LANGS = ("zh", "zh_TW", "ja", "fr")
# Where a piece is put: alone, doubled, between the language's own letters, between Latin
# letters, at either end of a sentence, in a sentence long enough for ``length``.
FRAMES = ("{}", "{0}{0}", "的{}的", "城市{0}{0}大脑。", "ab{}cd", "{} 项目", "项目 {}", "这是一个项目{}",
          "The project {} was built。", "我们在城市里修建了很多新的道路和桥梁{}")
SOURCES = ("Hello.", "The project was built in the city over many years{}", "{}")


@pytest.mark.parametrize("lang", LANGS)
def test_screens_never_pass_over_a_finding_on_each_trigger_piece(lang) -> None:
    pieces = _trigger_pieces()
    assert len(pieces) > 100
    pairs = [
        (source.format(piece), frame.format(piece), n % 3 == 0)
        for n, piece in enumerate(pieces)
        for frame in FRAMES
        for source in SOURCES
    ]
    # ...and each piece left out of a translation whose source has it (and the other way round).
    pairs += [(frame.format(piece), frame.format(""), False) for piece in pieces for frame in FRAMES[2:5]]
    pairs += [(frame.format(""), frame.format(piece), False) for piece in pieces for frame in FRAMES[2:5]]
    assert missed(pairs, lang) == []


EDITOR_SAVES = sorted((TESTS / "data" / "editors").glob("*.po"))  # copied from the shared fixtures


@pytest.mark.skipif(not EDITOR_SAVES, reason="editor saves not present")
@pytest.mark.parametrize("path", EDITOR_SAVES, ids=lambda p: p.name)
def test_screens_never_pass_over_a_finding_in_real_editor_saves(path) -> None:
    from l10n.checks.base import pairs as entry_pairs
    from l10n.po.memory import TranslationMemory

    catalog = read_catalog(path)
    entries = [e for e in catalog.active if e.msgid]
    # Every pair, reviewed or draft as the editor left it, one by one...
    pairs = [(s, t, e.fuzzy) for e in entries for s, t in entry_pairs(e)]
    assert len(pairs) > 200
    for lang in ("zh", "ja"):
        assert missed(pairs, lang) == []
    # ...and through the runner, with every other editor's save as the consistency memory.
    memory = TranslationMemory([(p.name, read_catalog(p)) for p in EDITOR_SAVES])
    screened = run(entries, memory=memory, path=path.name)
    assert screened[1] > 200
    assert screened == run(entries, screens=False, memory=memory, path=path.name)


def test_a_trigger_picks_what_its_parts_pick() -> None:
    import re

    batch = Batch(["a", " b", "c", "d%"], ["x", "y", "z z", "w"], "zh")
    assert Trigger().picks(batch) == set()
    assert list(Trigger(every=True).picks(batch)) == [0, 1, 2, 3]
    assert Trigger(target=(re.compile(" "),)).picks(batch) == {2}
    assert Trigger(source=(re.compile("[ %]"),)).picks(batch) == {1, 3}
    assert Trigger(test=lambda s, t, e: e is None and t == "x", batch_test=lambda b: [3]).picks(batch) == {0, 3}


def test_may_have_tokens_is_the_placeholder_trigger() -> None:
    from l10n.checks.placeholders import TOKEN_HINTS, may_have_tokens

    for hint in TOKEN_HINTS:
        for text in (hint, f"a{hint}b", f"的{hint}"):
            assert may_have_tokens(text)
            assert get_check("placeholders").screen(Batch([""], [text], "zh")) == {0}
    assert not may_have_tokens("Plain text: 50 percent, a/b (c) d.")

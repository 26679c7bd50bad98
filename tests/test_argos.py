"""The argos engine on a tiny random model: mechanics, and equality with argostranslate's own path."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import types
from pathlib import Path

import pytest

from l10n.engines import NBestEngine
from l10n.engines.argos import MAX_INPUT_TOKENS, ArgosEngine
from l10n.engines.packages import argos_code, find_package, install_model
from l10n.errors import L10nError

try:
    from tinymodel import TinyConfig, build_argosmodel
except ImportError:
    from tests.tinymodel import TinyConfig, build_argosmodel

SENTENCES = [
    "The city opened a library in 2020.",
    "In early 2020, Hangzhou launched the “Qinqing Online” platform for enterprises.",
    "Visitors from abroad.",
    "Its revenue reached US$ 1.16 million, up 12% on the previous year.",
    "Young farmers now sell tea online, and the old bridge was rebuilt after the flood of 2019.",
    "Zhejiang",
]


@pytest.fixture
def engine(argos_home: Path) -> ArgosEngine:
    return ArgosEngine.for_pair("en", "zh", argos_home)


class _OneSentence:
    """Stands in for argostranslate's sentence splitter: our input is one sentence."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


@pytest.fixture
def argos_reference(argos_home: Path):
    """Return ``translate(model_dir, sentence, n) -> [values]`` through argostranslate's own code.

    ``argostranslate.translate`` imports stanza and minisbd (not installed
    here) for sentence splitting, which we never use; stub modules let it
    import so its ``apply_packaged_translation`` itself is the reference.
    """
    import ctranslate2

    saved = dict(sys.modules)
    stubs = {"stanza": types.ModuleType("stanza"), "minisbd": types.ModuleType("minisbd")}
    stubs["minisbd"].SBDetect = object
    stubs["minisbd"].models = types.SimpleNamespace()
    for name, module in stubs.items():
        sys.modules.setdefault(name, module)
    try:
        from argostranslate import settings
        from argostranslate import translate as argos_translate
        from argostranslate.package import Package

        translators: dict[Path, object] = {}

        def translate(model_dir: Path, sentence: str, n: int = 1) -> list[str]:
            if model_dir not in translators:
                # As argostranslate's PackageTranslation builds its translator.
                translators[model_dir] = ctranslate2.Translator(
                    str(model_dir / "model"),
                    device=settings.device,
                    inter_threads=settings.inter_threads,
                    intra_threads=settings.intra_threads,
                    compute_type=settings.compute_type,
                )
            hyps = argos_translate.apply_packaged_translation(
                Package(model_dir), sentence, translators[model_dir], _OneSentence(), n
            )
            return [h.value for h in hyps]

        yield translate
    finally:
        import argostranslate

        for name in set(sys.modules) - set(saved):
            if name in stubs or name in ("argostranslate.translate", "argostranslate.sbd"):
                del sys.modules[name]
                if name.startswith("argostranslate."):
                    vars(argostranslate).pop(name.split(".")[1], None)


class _CountingTranslator:
    """Wraps a CTranslate2 translator and records what reaches the model."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.calls: list[list[list[str]]] = []

    def translate_batch(self, source, **options):
        self.calls.append(source)
        return self.inner.translate_batch(source, **options)


def test_engine_follows_the_protocol(engine: ArgosEngine) -> None:
    assert isinstance(engine, NBestEngine)
    assert engine.info.name == "argos"
    assert engine.info.model == "translate-en_zh-0.1"
    assert engine.info.keeps_placeholders is False


def test_translate_batch_returns_one_string_per_sentence_deterministically(engine: ArgosEngine) -> None:
    first = engine.translate_batch(SENTENCES)
    second = engine.translate_batch(SENTENCES)
    assert len(first) == len(SENTENCES)
    assert all(isinstance(text, str) and text for text in first)
    assert first == second


def test_batch_equals_argostranslate_per_sentence(engine: ArgosEngine, argos_home: Path, argos_reference) -> None:
    model_dir = engine.model.path
    expected = [argos_reference(model_dir, s)[0] for s in SENTENCES]
    assert engine.translate_batch(SENTENCES) == expected
    assert [engine.translate_batch([s])[0] for s in SENTENCES] == expected


def test_nbest_matches_argostranslate_hypotheses(engine: ArgosEngine, argos_reference) -> None:
    model_dir = engine.model.path
    nbest = engine.hypotheses_batch(SENTENCES, 3)
    assert len(nbest) == len(SENTENCES)
    for sentence, hyps in zip(SENTENCES, nbest):
        assert 1 <= len(hyps) <= 3
        assert len(set(hyps)) == len(hyps)
        assert hyps == list(dict.fromkeys(argos_reference(model_dir, sentence, 3)))


def test_one_best_hypothesis_is_the_translation(engine: ArgosEngine) -> None:
    assert engine.hypotheses_batch(SENTENCES[:2], 1) == [[t] for t in engine.translate_batch(SENTENCES[:2])]


def test_target_prefix_is_forced_and_stripped_like_argostranslate(
    tmp_path_factory: pytest.TempPathFactory, argos_home: Path, argos_reference
) -> None:
    archive = build_argosmodel(tmp_path_factory.mktemp("prefixed"), TinyConfig(target_prefix="河", name="translate-en_zh-prefixed"))
    directory = tmp_path_factory.mktemp("prefixed-home")
    model = install_model(archive, directory).model
    assert model.target_prefix == "河"
    engine = ArgosEngine(model)
    counting = _CountingTranslator(engine._translator)
    engine._translator = counting
    drafts = engine.translate_batch(SENTENCES[:3])
    assert drafts == [argos_reference(model.path, s)[0] for s in SENTENCES[:3]]
    raw = counting.inner.translate_batch(counting.calls[0], target_prefix=[["河"]] * 3, beam_size=4)
    assert all(r.hypotheses[0][0] == "河" for r in raw)


def test_blank_sentences_never_reach_the_model(engine: ArgosEngine) -> None:
    counting = _CountingTranslator(engine._translator)
    engine._translator = counting
    assert engine.translate_batch([]) == []
    assert engine.translate_batch(["", "   ", ""]) == ["", "", ""]
    assert engine.hypotheses_batch([""], 4) == [[""]]
    assert counting.calls == []
    mixed = engine.translate_batch(["", SENTENCES[0], ""])
    assert mixed[0] == "" and mixed[2] == "" and mixed[1]
    assert len(counting.calls) == 1 and len(counting.calls[0]) == 1


def test_repeated_sentences_are_translated_once(engine: ArgosEngine) -> None:
    counting = _CountingTranslator(engine._translator)
    engine._translator = counting
    drafts = engine.translate_batch([SENTENCES[0], SENTENCES[1], SENTENCES[0]])
    assert drafts[0] == drafts[2] and drafts[1]
    assert len(counting.calls) == 1 and len(counting.calls[0]) == 2


def test_lines_of_a_segment_translate_separately_as_in_argostranslate(engine: ArgosEngine) -> None:
    a, b = SENTENCES[0], SENTENCES[2]
    assert engine.translate_batch([f"{a}\n{b}"]) == ["\n".join(engine.translate_batch([a, b]))]


def test_very_long_input_is_truncated_not_fatal(engine: ArgosEngine) -> None:
    long_text = "The river connects the island to the coast. " * 300
    tokens = engine._tokenizer.encode(long_text)
    assert len(tokens) > MAX_INPUT_TOKENS
    (draft,) = engine.translate_batch([long_text])
    raw = engine._translator.translate_batch(
        [tokens[:MAX_INPUT_TOKENS]], beam_size=4, length_penalty=0.2, replace_unknowns=True
    )
    assert draft == engine._detokenize(raw[0].hypotheses[0])


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [("zh", "zh"), ("zh_CN", "zh"), ("zh_Hans", "zh"), ("zh-CN", "zh"), ("zh_Hans_CN", "zh"),
     ("zh_TW", "zt"), ("zh_Hant", "zt"), ("zh_Hant_TW", "zt"), ("zh_HK", "zt"), ("en", "en"), ("pt_BR", "pt")],
)
def test_language_codes_map_to_argos_codes(ours: str, theirs: str) -> None:
    assert argos_code(ours) == theirs


def test_find_package_maps_chinese_variants(argos_home: Path) -> None:
    for code in ("zh", "zh_CN", "zh_Hans"):
        found = find_package("en", code, argos_home)
        assert found is not None and found.name == "translate-en_zh-tiny"
    assert find_package("en", "zh_TW", argos_home) is None
    assert find_package("fr", "zh", argos_home) is None


def test_find_package_uses_env_folder_by_default(argos_home: Path) -> None:
    found = find_package("en", "zh")
    assert found is not None and found.path.parent == argos_home


def test_for_pair_without_a_model_says_how_to_install(argos_home: Path) -> None:
    with pytest.raises(L10nError) as caught:
        ArgosEngine.for_pair("en", "zh_TW", argos_home)
    assert "en→zh_TW" in caught.value.message
    assert "l10n model install" in caught.value.hint


def test_damaged_model_gives_an_error_not_a_crash(argos_home: Path) -> None:
    (argos_home / "translate-en_zh-tiny" / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(L10nError) as caught:
        ArgosEngine.for_pair("en", "zh", argos_home)
    assert "model" in str(caught.value.path)


def test_find_package_imports_neither_ctranslate2_nor_argostranslate(argos_home: Path) -> None:
    script = (
        "import sys, json; from pathlib import Path\n"
        "import l10n.engines.argos\n"
        "from l10n.engines.packages import find_package\n"
        f"m = find_package('en', 'zh', Path({str(argos_home)!r}))\n"
        "print(json.dumps([m.name, sorted(n for n in sys.modules if n.split('.')[0] in ('ctranslate2', 'argostranslate', 'sentencepiece'))]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    name, heavy = json.loads(out)
    assert name == "translate-en_zh-tiny"
    assert heavy == []


def test_translates_with_the_network_blocked(argos_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.org", 80), timeout=1)
    with socket.socket() as sock, pytest.raises(OSError, match="network access attempted"):
        sock.connect(("127.0.0.1", 9))

    engine = ArgosEngine.for_pair("en", "zh", argos_home)
    drafts = engine.translate_batch(SENTENCES)
    assert len(drafts) == len(SENTENCES) and all(drafts)
    assert len(engine.hypotheses_batch(SENTENCES[:1], 2)[0]) >= 1

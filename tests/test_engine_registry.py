"""The engine registry: names, plug-ins through entry points, options, auto's choice, devices, provenance."""

from __future__ import annotations

import pickle
import sys
import textwrap
from pathlib import Path

import pytest

from l10n.engines.registry import (
    EngineChoice,
    choose_engine,
    engine_names,
    get_provider,
    known_engine,
    parse_cli_options,
    resolve_options,
)
from l10n.errors import L10nError

PLUGIN = '''
from l10n.engines import EngineInfo
from l10n.engines.registry import Coverage, Option


class Shouty:
    info = EngineInfo(name="shouty", model="upper-1", settings="loud")

    def __init__(self, exclaim):
        self.exclaim = exclaim

    def translate_batch(self, sentences):
        return [s.upper() + ("!" if self.exclaim else "") for s in sentences]


class Provider:
    name = "shouty"
    summary = "upper-cases the source (a test plug-in)"
    auto_rank = 200
    options = (Option("exclaim", bool, "add a !"),)

    def covers(self, source, target, options):
        if target != "zh":
            return Coverage(False, "shouty only shouts into zh")
        return Coverage(True, "the shouty plug-in is installed")

    def build(self, source, target, options):
        return Shouty(options.get("exclaim", False))


PROVIDER = Provider()
'''


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Install a third-party engine the way a wheel would: a module and a dist-info with an entry point."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "shouty_engine.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "shouty_engine-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shouty-engine\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        textwrap.dedent("""\
            [l10n.engines]
            shouty = shouty_engine:PROVIDER
            broken = shouty_engine:MISSING
            argos = shouty_engine:PROVIDER
        """),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(site))
    yield "shouty"
    sys.modules.pop("shouty_engine", None)


@pytest.fixture
def no_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))


def test_builtins_are_listed_in_preference_order():
    assert engine_names()[:3] == ["argos", "openai", "fallback"]


def test_a_plugin_is_found_by_name_through_its_entry_point(plugin, no_models):
    assert "shouty" in engine_names() and "broken" in engine_names()
    choice = choose_engine("shouty", "en", "zh", cli_options={"exclaim": "yes"})
    engine = choice.build()
    assert engine.translate_batch(["hi"]) == ["HI!"]
    assert engine.info.describe() == "shouty upper-1 [loud]"


def test_auto_prefers_the_best_ranked_engine_that_covers_the_pair_and_says_why(plugin, no_models):
    choice = choose_engine("auto", "en", "zh")
    assert choice.name == "shouty" and "plug-in is installed" in choice.reason
    fallback_for_de = None
    with pytest.raises(L10nError, match="no engine can draft en→de") as caught:
        fallback_for_de = choose_engine("auto", "en", "de")
    assert fallback_for_de is None
    assert "shouty only shouts into zh" in str(caught.value) and "no argos model for en→de" in str(caught.value)


def test_a_plugin_cannot_replace_a_builtin_and_a_broken_one_is_a_clear_error(plugin):
    assert get_provider("argos").summary.startswith("installed argostranslate package")
    with pytest.raises(L10nError, match="cannot load engine 'broken'"):
        get_provider("broken")


def test_a_reference_that_is_no_provider_is_a_clear_error(monkeypatch):
    from importlib.metadata import EntryPoint

    from l10n.engines import registry

    monkeypatch.setitem(registry.BUILTIN, "dumps", "json:dumps")
    with pytest.raises(L10nError) as caught:
        get_provider("dumps")
    assert str(caught.value).startswith("engine 'dumps' (json:dumps) is not an l10n engine provider")
    assert caught.value.hint == "see l10n.engines.registry for the protocol"
    point = EntryPoint(name="loads", value="json:loads", group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "_entry_points", lambda: {"loads": point})
    with pytest.raises(L10nError) as caught:
        get_provider("loads")
    assert str(caught.value).startswith("engine 'loads' (json:loads) is not an l10n engine provider")
    assert caught.value.hint == "see l10n.engines.registry"


def test_unknown_engine_names_the_known_ones():
    with pytest.raises(L10nError) as caught:
        choose_engine("deepl", "en", "zh")
    assert "unknown engine 'deepl'" in str(caught.value) and "argos, openai, fallback" in str(caught.value)


def test_known_engine_checks_the_name_against_the_registry(plugin):
    assert [known_engine(name) for name in ("auto", "argos", "fallback", "shouty", "broken")] == [
        "auto", "argos", "fallback", "shouty", "broken",
    ]  # fmt: skip
    with pytest.raises(L10nError) as at_the_door:
        known_engine("deepl")
    with pytest.raises(L10nError) as deep_inside:
        get_provider("deepl")
    assert str(at_the_door.value) == str(deep_inside.value)
    assert "unknown engine 'deepl'" in str(at_the_door.value) and "fallback, broken, shouty" in str(at_the_door.value)


def test_cli_engine_choice_is_checked_at_the_door_against_the_registry(plugin, tmp_path, capsys, monkeypatch):
    from l10n.cli.app import main

    monkeypatch.chdir(tmp_path)  # no project here: a name the registry knows gets as far as looking for one
    for engine, expected in (("shouty", "no l10n project found"), ("deepl", "unknown engine 'deepl'")):
        monkeypatch.setattr(sys, "argv", ["l10n", "translate", "--to", "zh", "--engine", engine])
        with pytest.raises(SystemExit) as caught:
            main()
        err = capsys.readouterr().err
        assert caught.value.code == 2 and err.startswith(f"error: {expected}"), err


def test_options_config_then_command_line_typed_and_checked():
    argos = get_provider("argos")
    options, dropped = resolve_options(argos, {"beam-size": 2, "device": "cpu"}, {"beam-size": "5", "threads": "3"})
    assert dict(options) == {"beam-size": 5, "device": "cpu", "threads": 3} and dropped == ()
    for configured, cli, message in [
        ({"beam": 2}, None, "unknown option 'beam' in \\[tool.l10n.engine.argos\\]"),
        (None, {"colour": "red"}, "unknown option 'colour' for engine 'argos'"),
        (None, {"device": "tpu"}, "use one of: auto, cpu, cuda"),
        (None, {"threads": "many"}, "must be int"),
        ({"threads": True}, None, "must be int"),
        (None, {"beam-size": "0"}, "at least 1"),
    ]:
        with pytest.raises(L10nError, match=message):
            resolve_options(argos, configured, cli)


def test_auto_drops_options_the_chosen_engine_does_not_take_and_says_so(no_models):
    choice = choose_engine("auto", "en", "zh", cli_options={"device": "cpu"})
    assert choice.name == "fallback" and "ignored: device" in choice.reason
    with pytest.raises(L10nError, match="unknown option 'device' for engine 'fallback'"):
        choose_engine("fallback", "en", "zh", cli_options={"device": "cpu"})


def test_engine_option_pairs_parse():
    assert parse_cli_options(["beam-size=2", "base-url = http://x/v1?a=b"]) == {"beam-size": "2", "base-url": "http://x/v1?a=b"}
    with pytest.raises(L10nError, match="KEY=VALUE"):
        parse_cli_options(["beam-size"])


def test_a_choice_pickles_and_rebuilds_in_another_process(argos_home):
    choice = choose_engine("argos", "en", "zh", configured={"argos": {"beam-size": 2, "threads": 1}})
    again = pickle.loads(pickle.dumps(choice))
    assert again == choice and isinstance(again, EngineChoice)
    engine = again.build()
    assert engine.beam_size == 2 and engine.threads == 1


def test_device_auto_uses_cpu_without_a_gpu_and_settings_reach_provenance(argos_home, monkeypatch):
    import ctranslate2

    from l10n.po.catalog import Entry
    from l10n.translate import apply_draft, draft_comment

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    engine = choose_engine("argos", "en", "zh", cli_options={"device": "auto", "beam-size": 2, "threads": 1}).build()
    assert engine.device == "cpu"
    assert engine.info.settings == f"cpu,{engine.compute_type},beam2"
    drafted = apply_draft(Entry(msgid="a"), "b", draft_comment(engine.info, "none", "a", "b"), None, engine.info.settings)
    assert f"l10n-decode: cpu,{engine.compute_type},beam2" in drafted.translator_comments


def test_device_auto_picks_cuda_when_ctranslate2_sees_a_gpu(monkeypatch):
    import ctranslate2

    from l10n.engines.argos import resolve_device

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    assert resolve_device("auto") == "cuda"
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    assert resolve_device("auto") == "cpu"


@pytest.mark.skipif(__import__("ctranslate2").get_cuda_device_count() > 0, reason="a GPU is present")
def test_cuda_without_a_gpu_is_a_clear_error(argos_home):
    with pytest.raises(L10nError, match="cannot load the CTranslate2 model on cuda") as caught:
        choose_engine("argos", "en", "zh", cli_options={"device": "cuda"}).build()
    assert "--device cpu" in str(caught.value)


def test_engine_tables_come_from_pyproject(tmp_path):
    from l10n.project.config import load_settings

    (tmp_path / "pyproject.toml").write_text(
        '[tool.l10n]\nmodel-index = "file:///srv/index.json"\n[tool.l10n.engine.argos]\nbeam-size = 2\ndevice = "cpu"\n'
    )
    settings = load_settings(tmp_path)
    assert settings.engine_tables() == {"argos": {"beam-size": 2, "device": "cpu"}}
    assert settings.model_index == "file:///srv/index.json"
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\nengine = "argos"\n')
    with pytest.raises(L10nError, match="one table per engine"):
        load_settings(tmp_path)


def test_cli_translate_takes_engine_flags(tmp_path, argos_home, capsys, monkeypatch):
    from l10n.cli.app import main

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.txt").write_text("The city opened a library in 2020.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n[tool.l10n.engine.argos]\nbeam-size = 3\n')
    monkeypatch.setattr(sys, "argv", ["l10n", "--root", str(tmp_path), "translate", "--to", "zh", "--device", "cpu",
                                      "--threads", "1", "--engine-option", "max-decoding-length=8"])
    with pytest.raises(SystemExit) as caught:
        main()
    out = capsys.readouterr().out
    assert caught.value.code in (0, None), out
    assert "engine: argos" in out and "settings: cpu," in out and ",beam3" in out
    po = (tmp_path / "locales/zh/LC_MESSAGES/doc.po").read_text(encoding="utf-8")
    assert "# l10n-decode: cpu," in po and ",beam3\n" in po


def test_cli_engines_lists_builtins_plugins_and_coverage(plugin, no_models, tmp_path, capsys, monkeypatch):
    from l10n.cli.app import main

    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh", "de"]\n')
    monkeypatch.setattr(sys, "argv", ["l10n", "--root", str(tmp_path), "engines"])
    with pytest.raises(SystemExit) as caught:
        main()
    out = capsys.readouterr().out
    assert caught.value.code in (0, None), out
    assert "argos: installed argostranslate package" in out and "options: device, compute-type" in out
    assert "does not cover en→zh: no argos model" in out
    assert "shouty: upper-cases the source" in out and "covers en→zh: the shouty plug-in is installed" in out
    assert "broken: cannot be loaded" in out


def test_list_engines_gathers_summaries_options_coverage_and_load_errors(plugin, no_models):
    from l10n.engines.registry import list_engines

    listed = {e.name: e for e in list_engines("en", ["zh", "de"], {"shouty": {"loudness": 3}})}
    assert list(listed)[:3] == ["argos", "openai", "fallback"]
    argos = listed["argos"]
    assert argos.error is None and argos.auto and "device" in argos.options
    assert [(p.target, p.ok) for p in argos.pairs] == [("zh", False), ("de", False)]
    assert "no argos model for en→zh" in argos.pairs[0].reason
    assert listed["broken"].error.startswith("cannot load engine 'broken'") and listed["broken"].pairs == ()
    # shouty's project table names an option it does not take: each pair says so instead of a verdict
    shouty = listed["shouty"]
    assert shouty.options == ("exclaim",)
    assert [p.ok for p in shouty.pairs] == [None, None]
    assert "unknown option 'loudness'" in shouty.pairs[0].reason
    covered = {e.name: e for e in list_engines("en", ["zh"], {})}["shouty"].pairs
    assert [(p.source, p.target, p.ok, p.reason) for p in covered] == [("en", "zh", True, "the shouty plug-in is installed")]
    assert all(e.pairs == () for e in list_engines(None, None, {}))

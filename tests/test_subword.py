"""Tokenizers of argos packages without argostranslate: equal to argostranslate's, and what happens when parts are missing."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from l10n.engines.subword import BPE_INSTALL, BPETokenizer, SentencePieceTokenizer, load_tokenizer, require_bpe
from l10n.errors import L10nError

REPO = Path(__file__).resolve().parent.parent
TEXT = [
    "The city opened a library in 2020.",
    "In early 2020, Hangzhou launched the “Qinqing Online” platform — for 8,000 firms.",
    "Young farmers now sell tea online, and the old bridge was rebuilt after the flood.",
    "snake_case and ▁marks, tabs\tand  double  spaces",
    "Zhejiang",
]


def _bpe_codes(tmp_path: Path) -> Path:
    """Learn a small BPE merge table with subword-nmt (the tool argos's BPE packages come from)."""
    from subword_nmt.learn_bpe import learn_bpe

    corpus = " ".join(TEXT * 4) + " the city the river the bridge online library library"
    codes = tmp_path / "bpe.model"
    with codes.open("w", encoding="utf-8") as out:
        learn_bpe(io.StringIO(corpus), out, num_symbols=60)
    return codes


def _blocked(*modules: str) -> str:
    """Python source that makes ``modules`` unimportable (ImportError), as if not installed."""
    return "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules)


def test_sentencepiece_equals_argostranslate(argos_home: Path) -> None:
    reference = pytest.importorskip("argostranslate.tokenizer")
    model = argos_home / "translate-en_zh-tiny" / "sentencepiece.model"
    ours, theirs = SentencePieceTokenizer(model), reference.SentencePieceTokenizer(model)
    for line in TEXT:
        tokens = ours.encode(line)
        assert tokens and tokens == theirs.encode(line)
        assert ours.decode(tokens) == theirs.decode(tokens)
        assert ours.decode(tokens[::-1]) == theirs.decode(tokens[::-1])


def test_bpe_equals_argostranslate(tmp_path: Path) -> None:
    reference = pytest.importorskip("argostranslate.tokenizer")
    codes = _bpe_codes(tmp_path)
    ours, theirs = BPETokenizer(codes, "en", "zh"), reference.BPETokenizer(codes, "en", "zh")
    for line in TEXT:
        tokens = ours.encode(line)
        assert tokens == theirs.encode(line)
        assert ours.decode(tokens) == theirs.decode(tokens)
    assert any(token.endswith("@@") for line in TEXT for token in ours.encode(line))  # merges really split words


def test_load_tokenizer_picks_like_argostranslate(tmp_path: Path, argos_home: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    with pytest.raises(L10nError, match="no tokenizer"):
        load_tokenizer(package, "en", "zh")
    shutil.copy(_bpe_codes(tmp_path), package / "bpe.model")
    assert isinstance(load_tokenizer(package, "en", "zh"), BPETokenizer)
    shutil.copy(argos_home / "translate-en_zh-tiny" / "sentencepiece.model", package / "sentencepiece.model")
    assert isinstance(load_tokenizer(package, "en", "zh"), SentencePieceTokenizer)


def test_damaged_sentencepiece_model_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "sentencepiece.model"
    bad.write_bytes(b"not a model")
    with pytest.raises(L10nError) as caught:
        SentencePieceTokenizer(bad)
    assert caught.value.path == bad and "install" in caught.value.hint


def test_missing_bpe_libraries_name_the_install_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "subword_nmt.apply_bpe", None)
    with pytest.raises(L10nError) as caught:
        require_bpe(tmp_path / "bpe.model")
    assert "subword-nmt" in str(caught.value) and "sacremoses" not in str(caught.value)
    assert caught.value.hint.endswith(BPE_INSTALL) and "l10n-pipeline[bpe]" in caught.value.hint
    monkeypatch.setitem(sys.modules, "sacremoses", None)
    with pytest.raises(L10nError, match="sacremoses and subword-nmt"):
        BPETokenizer(_bpe_codes(tmp_path), "en", "zh")


def _run(script: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, env=env, timeout=120)


def _env(argos_home: Path) -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key.startswith(("ARGOS_", "XDG_", "PATH", "HOME", "LANG", "LC_"))}


def test_argos_engine_translates_with_argostranslate_unimportable(tmp_path: Path, argos_home: Path) -> None:
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "seeds" / "doc.txt").write_text("The city opened a library in 2020. Visitors from abroad.\n", encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    script = _blocked("argostranslate", "torch", "stanza", "sacremoses", "subword_nmt") + (
        "from l10n.cli import main\n"
        f"sys.argv = ['l10n', '--root', {str(project)!r}, 'translate', '--to', 'zh', '--engine', 'argos']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\nelse:\n    code = 0\n"
        "print(json.dumps([code, sorted(n for n, m in sys.modules.items() if m is not None and n.split('.')[0] in ('argostranslate', 'torch'))]))\n"
    )
    result = _run("import json\n" + script, _env(argos_home))
    assert "Traceback" not in result.stderr, result.stderr
    code, imported = json.loads(result.stdout.strip().splitlines()[-1])
    assert (code, imported) == (0, [])
    assert "engine: argos" in result.stdout and "drafted by argos: 2 new" in result.stdout
    po = (project / "locales/zh/LC_MESSAGES/doc.po").read_text(encoding="utf-8")
    assert po.count("# l10n: d ") == 2 and "translate-en_zh-0.1" in po


def _bpe_archive(tiny_argosmodel: Path, codes: Path, out: Path) -> Path:
    """The tiny package with its SentencePiece model swapped for BPE codes."""
    with zipfile.ZipFile(tiny_argosmodel) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename.endswith("/sentencepiece.model"):
                target.writestr(info.filename.replace("sentencepiece.model", "bpe.model"), codes.read_bytes())
            else:
                target.writestr(info, source.read(info))
    return out


@pytest.mark.parametrize("command", ["model-install", "translate"])
def test_bpe_package_without_its_libraries_exits_2_with_the_install_line(
    command: str, tmp_path: Path, argos_home: Path, tiny_argosmodel: Path
) -> None:
    archive = _bpe_archive(tiny_argosmodel, _bpe_codes(tmp_path), tmp_path / "translate-en_zh-bpe.argosmodel")
    env = _env(argos_home)
    packages = tmp_path / "packages"
    env["ARGOS_PACKAGES_DIR"] = str(packages)
    if command == "translate":
        from l10n.engines.packages import install_model

        install_model(archive, packages)  # the libraries are there in this process
        project = tmp_path / "project"
        (project / "seeds").mkdir(parents=True)
        (project / "seeds" / "doc.txt").write_text("The city.\n", encoding="utf-8")
        (project / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
        argv = ["--root", str(project), "translate", "--to", "zh", "--engine", "argos"]
    else:
        argv = ["model", "install", str(archive)]
    script = _blocked("argostranslate", "sacremoses", "subword_nmt") + f"from l10n.cli import main\nsys.argv = ['l10n', *{argv!r}]\nmain()\n"
    result = _run(script, env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "BPE" in result.stderr and BPE_INSTALL in result.stderr
    if command == "model-install":
        assert not packages.exists() or not any(packages.iterdir())

"""Installing and listing .argosmodel packages: validation, atomicity, interop, CLI."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Callable

import pytest
from helpers import TINY_TOP as TOP
from helpers import Members, package_members, with_metadata, write_package
from typer.testing import CliRunner

from l10n.cli.app import app, main
from l10n.engines import packages as models
from l10n.engines.packages import find_package, install_model, installed_models, packages_dir
from l10n.errors import L10nError


def _renamed(members: Members, top: str) -> Members:
    return {top + name[len(TOP) :]: data for name, data in members.items()}


def _without(members: Members, prefix: str) -> Members:
    return {name: data for name, data in members.items() if not name.startswith(f"{TOP}/{prefix}")}


# id → how to spoil the tiny package; each must be refused with nothing installed.
BAD: dict[str, Callable[[Members], Members | bytes]] = {
    "not-a-zip": lambda m: b"this is a text file, not a model\n",
    "empty-zip": lambda m: {},
    "no-metadata": lambda m: _without(m, "metadata.json"),
    "metadata-not-json": lambda m: {**m, f"{TOP}/metadata.json": b"{from_code: en"},
    "metadata-a-list": lambda m: {**m, f"{TOP}/metadata.json": b"[]"},
    "metadata-no-to-code": lambda m: with_metadata(m, to_code=None),
    "sentence-splitter-package": lambda m: with_metadata(m, type="sbd"),
    "no-model": lambda m: _without(m, "model/"),
    "no-tokenizer": lambda m: _without(m, "sentencepiece.model"),
    "two-top-folders": lambda m: {**m, "other/README.md": b"x"},
    "files-at-top-level": lambda m: {name.split("/", 1)[1]: d for name, d in m.items() if "/" in name and name.split("/", 1)[1]},
    "unsafe-member": lambda m: {**m, f"{TOP}/../../evil.txt": b"x"},
    "same-language": lambda m: with_metadata(m, to_code="en"),
    "other-target-language": lambda m: _renamed(with_metadata(m, to_code="de"), "translate-en_de-tiny"),
    "other-source-language": lambda m: with_metadata(m, from_code="fr"),
    "traditional-chinese": lambda m: with_metadata(m, to_code="zt"),
}


@pytest.fixture
def packages(tmp_path: Path) -> Path:
    return tmp_path / "argos" / "packages"


def _make(tiny_argosmodel: Path, tmp_path: Path, case: str) -> Path:
    spoiled = BAD[case](package_members(tiny_argosmodel))
    path = tmp_path / f"{case}.argosmodel"
    if isinstance(spoiled, bytes):
        path.write_bytes(spoiled)
        return path
    return write_package(spoiled, path)


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_packages_are_refused_and_nothing_is_installed(
    case: str, tiny_argosmodel: Path, tmp_path: Path, packages: Path
) -> None:
    archive = _make(tiny_argosmodel, tmp_path, case)
    with pytest.raises(L10nError) as caught:
        install_model(archive, packages, source_language="en", target_languages=["zh"])
    assert caught.value.path == archive
    assert caught.value.hint
    assert str(archive) in str(caught.value)
    assert not packages.exists() or list(packages.iterdir()) == []
    leftovers = sorted(p.name for p in packages.parent.iterdir()) if packages.parent.exists() else []
    assert leftovers in ([], ["packages"])
    assert not (tmp_path.parent / "evil.txt").exists()


def test_damaged_member_is_refused_and_nothing_is_installed(tiny_argosmodel: Path, tmp_path: Path, packages: Path) -> None:
    members = package_members(tiny_argosmodel)
    archive = write_package(members, tmp_path / "damaged.argosmodel")  # stored, not compressed
    chunk = members[f"{TOP}/model/model.bin"][4000:4032]
    data = archive.read_bytes()
    assert data.count(chunk) == 1
    archive.write_bytes(data.replace(chunk, bytes(b ^ 0xFF for b in chunk)))
    with pytest.raises(L10nError, match="could not install"):
        install_model(archive, packages)
    assert installed_models(packages) == []
    assert sorted(p.name for p in packages.parent.iterdir()) == ["packages"]


def test_missing_file_is_refused(tmp_path: Path, packages: Path) -> None:
    with pytest.raises(L10nError, match="no such file"):
        install_model(tmp_path / "absent.argosmodel", packages)


def test_install_then_list(tiny_argosmodel: Path, packages: Path) -> None:
    result = install_model(tiny_argosmodel, packages, source_language="en", target_languages=["zh_CN"])
    assert result.replaced == ()
    (model,) = installed_models(packages)
    assert model == result.model
    assert (model.from_code, model.to_code, model.version, model.name) == ("en", "zh", "0.1", TOP)
    assert model.path == packages / TOP
    assert (model.path / "model" / "model.bin").is_file()
    assert model.describe() == f"en→zh {TOP} 0.1 ({packages / TOP})"
    assert sorted(p.name for p in packages.parent.iterdir()) == ["packages"]


def test_argostranslate_sees_what_we_installed(argos_home: Path) -> None:
    from argostranslate.package import get_installed_packages
    from argostranslate.tokenizer import SentencePieceTokenizer

    (package,) = get_installed_packages([argos_home])
    assert (package.from_code, package.to_code, package.package_version) == ("en", "zh", "0.1")
    assert isinstance(package.tokenizer, SentencePieceTokenizer)
    assert package.tokenizer.encode("The city")


def test_reinstall_replaces_the_package_of_the_same_pair(tiny_argosmodel: Path, tmp_path: Path, packages: Path) -> None:
    install_model(tiny_argosmodel, packages)
    newer = write_package(_renamed(with_metadata(package_members(tiny_argosmodel), package_version="0.2"), "translate-en_zh-0_2"), tmp_path / "new.argosmodel")
    result = install_model(newer, packages)
    assert [m.name for m in result.replaced] == [TOP]
    assert [(m.name, m.version) for m in installed_models(packages)] == [("translate-en_zh-0_2", "0.2")]
    again = install_model(newer, packages)
    assert [m.name for m in again.replaced] == ["translate-en_zh-0_2"]
    assert sorted(p.name for p in packages.parent.iterdir()) == ["packages"]


def test_failed_install_keeps_the_old_package(
    tiny_argosmodel: Path, tmp_path: Path, packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_model(tiny_argosmodel, packages)
    before = (packages / TOP / "model" / "model.bin").read_bytes()
    real_replace = os.replace

    def disk_full(src, dst):
        if Path(dst) == packages / TOP and "old-" not in Path(src).name:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(models.os, "replace", disk_full)
    with pytest.raises(L10nError, match="could not install"):
        install_model(tiny_argosmodel, packages)
    monkeypatch.undo()
    assert [m.name for m in installed_models(packages)] == [TOP]
    assert (packages / TOP / "model" / "model.bin").read_bytes() == before
    assert sorted(p.name for p in packages.parent.iterdir()) == ["packages"]


def test_installed_models_skips_what_argos_could_not_load(tiny_argosmodel: Path, packages: Path) -> None:
    assert installed_models(packages) == []
    install_model(tiny_argosmodel, packages)
    (packages / "empty-folder").mkdir()
    (packages / ".hidden").mkdir()
    (packages / "stray.txt").write_text("x")
    broken = packages / "translate-en_fr-broken"
    broken.mkdir()
    (broken / "metadata.json").write_text('{"from_code": "en", "to_code": "fr"}')
    assert [m.name for m in installed_models(packages)] == [TOP]


def test_find_package_prefers_the_highest_version(tiny_argosmodel: Path, packages: Path) -> None:
    install_model(tiny_argosmodel, packages)
    for version in ("0.10", "0.9"):
        copy = packages / f"translate-en_zh-{version}"
        shutil.copytree(packages / TOP, copy)
        metadata = json.loads((copy / "metadata.json").read_text())
        (copy / "metadata.json").write_text(json.dumps({**metadata, "package_version": version}))
    found = find_package("en", "zh", packages)
    assert found is not None and found.version == "0.10"
    assert found.ident == "translate-en_zh-0.10"


def test_packages_dir_is_chosen_like_argostranslate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.delenv("SNAP", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert packages_dir() == tmp_path / "from-settings"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert packages_dir() == tmp_path / "from-env"
    assert packages_dir(tmp_path / "explicit") == tmp_path / "explicit"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("XDG_DATA_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert packages_dir() == tmp_path / "home" / ".local" / "share" / "argos-translate" / "packages"
    assert not (tmp_path / "data").exists()


# --- CLI -------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, packages: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.l10n]\nsource-language = "en"\ntarget-languages = ["zh"]\n')
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return root


def test_cli_install_and_list(project: Path, tiny_argosmodel: Path, packages: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["--root", str(project), "model", "list"])
    assert listed.exit_code == 0, listed.output
    assert "no models installed" in listed.output
    result = runner.invoke(app, ["--root", str(project), "model", "install", str(tiny_argosmodel)])
    assert result.exit_code == 0, result.output
    assert f"installed en→zh {TOP} 0.1" in result.output
    listed = runner.invoke(app, ["--root", str(project), "model", "list"])
    assert listed.exit_code == 0
    assert f"en→zh {TOP} 0.1 ({packages / TOP})" in listed.output


def test_cli_refuses_a_pair_the_project_does_not_translate(project: Path, tiny_argosmodel: Path, tmp_path: Path, packages: Path) -> None:
    archive = _make(tiny_argosmodel, tmp_path, "other-target-language")
    result = CliRunner().invoke(app, ["--root", str(project), "model", "install", str(archive)])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and "en→de" in result.output
    assert installed_models(packages) == []
    forced = CliRunner().invoke(app, ["--root", str(project), "model", "install", "--any-pair", str(archive)])
    assert forced.exit_code == 0, forced.output
    assert [m.to_code for m in installed_models(packages)] == ["de"]


def test_cli_outside_a_project_accepts_any_pair(tiny_argosmodel: Path, tmp_path: Path, packages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = _make(tiny_argosmodel, tmp_path, "other-target-language")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    result = CliRunner().invoke(app, ["model", "install", str(archive)])
    assert result.exit_code == 0, result.output
    assert "installed en→de" in result.output


def test_cli_bad_file_exits_2_with_a_message_and_no_traceback(
    project: Path, tiny_argosmodel: Path, tmp_path: Path, packages: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    archive = _make(tiny_argosmodel, tmp_path, "not-a-zip")
    monkeypatch.setattr(sys, "argv", ["l10n", "--root", str(project), "model", "install", str(archive)])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {archive}: not an argos model")
    assert "Traceback" not in err
    assert not packages.exists()

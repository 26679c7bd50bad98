"""Hostile .argosmodel archives (issue 19, item 5), built at test time: each refused, nothing replaced."""

from __future__ import annotations

import errno
import json
import os
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from helpers import TINY_TOP as TOP
from helpers import Members, package_members, with_metadata, write_package

from l10n.engines import packages as models
from l10n.engines.package_archive import Limits, read_metadata
from l10n.engines.packages import STAGING_PREFIX, install_model, installed_models
from l10n.errors import L10nError


def with_link(members: Members) -> Members:
    return members  # written specially below


# id → spoiled members; every one must be refused with the installed model untouched.
HOSTILE: dict[str, Callable[[Members], Members]] = {
    "zip-bomb": lambda m: {**m, f"{TOP}/padding.bin": bytes(64 * 1024 * 1024)},
    "huge-version": lambda m: with_metadata(m, package_version="1" * (10 * 1024 * 1024)),
    "version-with-newline": lambda m: with_metadata(m, package_version="1.0\nengine=human"),
    "version-with-spaces": lambda m: with_metadata(m, package_version="1.0 quality=human"),
    "prefix-with-control": lambda m: with_metadata(m, target_prefix="__zh__\r"),
    "code-not-a-code": lambda m: with_metadata(m, to_code="zh\nfuzzy"),
    "deep-json": lambda m: with_metadata(m, raw=b"[" * 100_000),
    "deep-json-in-field": lambda m: with_metadata(m, links=json.loads("[" * 50 + "]" * 50)),
    "dot-segment-overrides-metadata": lambda m: {**m, f"{TOP}/./metadata.json": json.dumps({"from_code": "en", "to_code": "zh", "package_version": "9" * 40}).encode()},
    "hidden-top-folder": lambda m: {"." + name: data for name, data in m.items()},
    "duplicate-member": lambda m: {**m, f"{TOP}/Sentencepiece.model": b"x"},
    "backslash-name": lambda m: {**m, f"{TOP}\\evil.txt": b"x"},
    "control-char-name": lambda m: {**m, f"{TOP}/evil\x07.txt": b"x"},
    "empty-segment": lambda m: {**m, f"{TOP}//evil.txt": b"x"},
    "garbage-model-bin": lambda m: {**m, f"{TOP}/model/model.bin": os.urandom(50_000)},
    "garbage-sentencepiece": lambda m: {**m, f"{TOP}/sentencepiece.model": b"not a sentencepiece model" * 100},
}


@pytest.fixture
def packages(tmp_path: Path, tiny_argosmodel: Path) -> Path:
    """A packages folder with the working tiny model installed."""
    folder = tmp_path / "argos" / "packages"
    install_model(tiny_argosmodel, folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_refused_and_intact(archive: Path, packages: Path, before: dict[str, bytes], match: str | None = None) -> L10nError:
    with pytest.raises(L10nError, match=match) as caught:
        install_model(archive, packages)
    assert caught.value.path == archive and caught.value.hint
    assert snapshot(packages) == before, "the working model was changed"
    assert [m.name for m in installed_models(packages)] == [TOP]
    assert not [p for p in packages.iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert sorted(p.name for p in packages.parent.iterdir()) == ["packages"]
    return caught.value


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_is_refused_and_the_model_kept(case, tiny_argosmodel, tmp_path, packages):
    archive = write_package(HOSTILE[case](package_members(tiny_argosmodel)), tmp_path / f"{case}.argosmodel", zipfile.ZIP_DEFLATED)
    before = snapshot(packages)
    error = assert_refused_and_intact(archive, packages, before)
    assert len(str(error)) < 600 and "\n  " in str(error)  # one bounded message and a hint


def test_zip_bomb_is_refused_before_anything_is_written(tiny_argosmodel, tmp_path, packages, monkeypatch):
    archive = write_package(HOSTILE["zip-bomb"](package_members(tiny_argosmodel)), tmp_path / "bomb.argosmodel", zipfile.ZIP_DEFLATED)
    assert archive.stat().st_size < 2 * 1024 * 1024
    monkeypatch.setattr(models, "extract", lambda *a, **k: pytest.fail("extraction started"))
    assert_refused_and_intact(archive, packages, snapshot(packages), match="zip bomb")


def test_size_caps_apply_per_file_and_in_total(tiny_argosmodel, tmp_path, packages):
    archive = write_package(package_members(tiny_argosmodel), tmp_path / "ok.argosmodel", zipfile.ZIP_STORED)
    before = snapshot(packages)
    biggest = max(len(d) for d in package_members(tiny_argosmodel).values())
    with pytest.raises(L10nError, match="more than the"):
        install_model(archive, packages, limits=Limits(file_bytes=biggest - 1))
    with pytest.raises(L10nError, match="expands to .* more than the"):
        install_model(archive, packages, limits=Limits(total_bytes=biggest))
    assert snapshot(packages) == before


def test_member_larger_than_its_declared_size_is_refused(tiny_argosmodel, tmp_path, packages):
    members = {**package_members(tiny_argosmodel), f"{TOP}/README.md": b"A" * 5000}
    archive = write_package(members, tmp_path / "liar.argosmodel", zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    # Patch the README's uncompressed size in the central directory (offset 24 of its record) to 10.
    name = f"{TOP}/README.md".encode()
    record = data.rindex(b"PK\x01\x02", 0, data.rindex(name))
    assert data[record + 46 : record + 46 + len(name)] == name
    data[record + 24 : record + 28] = struct.pack("<I", 10)
    archive.write_bytes(bytes(data))
    assert_refused_and_intact(archive, packages, snapshot(packages))


def test_symlink_member_is_refused(tiny_argosmodel, tmp_path, packages):
    archive = write_package(package_members(tiny_argosmodel), tmp_path / "link.argosmodel", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(archive, "a") as zf:
        info = zipfile.ZipInfo(f"{TOP}/passwd")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    assert_refused_and_intact(archive, packages, snapshot(packages), match="symbolic link")


def test_deep_json_gives_no_recursion_error():
    with pytest.raises(L10nError, match="more than 65,536"):
        read_metadata(b"[" * 100_000, where="x")
    with pytest.raises(L10nError, match="nests deeper"):
        read_metadata(b"[" * 60_000, where="x")
    with pytest.raises(L10nError, match="nests deeper"):
        read_metadata(b'{"a": ' * 30 + b"1" + b"}" * 30, where="x")
    assert read_metadata('{"from_code": "en", "to_code": "zh", "note": "[[[[[["}', where="x")["note"] == "[[[[[["


def test_staging_is_inside_the_packages_folder_so_no_cross_device_rename(tiny_argosmodel, tmp_path, packages, monkeypatch):
    real_replace = os.replace

    def replace_same_folder_only(src, dst):
        if not (Path(src).resolve().is_relative_to(packages.resolve()) and Path(dst).resolve().is_relative_to(packages.resolve())):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_replace(src, dst)

    monkeypatch.setattr(models.os, "replace", replace_same_folder_only)
    result = install_model(tiny_argosmodel, packages)
    assert [m.name for m in result.replaced] == [TOP]
    assert [m.name for m in installed_models(packages)] == [TOP]


def test_stale_staging_of_a_dead_install_is_removed(tiny_argosmodel, packages):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = packages / f"{STAGING_PREFIX}{dead.stdout.strip()}-abc123"
    (stale / "new" / "model").mkdir(parents=True)
    (stale / "new" / "model" / "model.bin").write_bytes(b"x" * 1000)
    live = packages / f"{STAGING_PREFIX}{os.getppid()}-live"  # a running process: not touched
    live.mkdir()
    install_model(tiny_argosmodel, packages)
    assert not stale.exists() and live.exists()
    assert [m.name for m in installed_models(packages)] == [TOP]


def test_kill_9_during_install_leaves_the_model_and_the_next_install_cleans_up(tiny_argosmodel, packages):
    before = snapshot(packages)
    script = (
        "import sys, time; from pathlib import Path; import l10n.engines.packages as m\n"
        "m.verify_package = lambda *a: time.sleep(60)\n"
        f"m.install_model(Path({str(tiny_argosmodel)!r}), Path({str(packages)!r}))\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not any(p.name.startswith(STAGING_PREFIX) and (p / "new" / "model" / "model.bin").exists() for p in packages.iterdir()):
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.05)
        time.sleep(0.2)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert snapshot(packages) != before  # the staging folder was left behind ...
    assert [m.name for m in installed_models(packages)] == [TOP]  # ... but is not a package
    install_model(tiny_argosmodel, packages)
    assert not [p for p in packages.iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert snapshot(packages) == before


def test_unwritable_packages_folder_names_it(tiny_argosmodel, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(L10nError, match="cannot write to the packages folder") as caught:
        install_model(tiny_argosmodel, blocker / "packages")
    assert caught.value.path == blocker / "packages"

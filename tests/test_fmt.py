"""l10n fmt: canonical rewrite of PO/POT files, --check for CI, --stdout for one file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run_cli
from pogen import msgcat

from l10n.fmt import format_files, project_files
from l10n.po.read import read_catalog

REPO = Path(__file__).resolve().parent.parent
# Not in canonical form: a long line msgcat wraps, "#,c-format", a one-line entry, an unknown flag.
LOOSE = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#,c-format\nmsgid "%d apples and a sentence long enough that GNU gettext wraps it onto two lines" '
    'msgstr "%d"\n\n#, go-format\nmsgid "b"\nmsgstr "c"\n'
)


def run(monkeypatch, capfd, *args: str) -> tuple[int, str, str]:
    result = run_cli(list(args), capfd, monkeypatch)
    return result.code, result.out, result.err


def test_fmt_rewrites_as_msgcat_and_then_finds_nothing(tmp_path, monkeypatch, capfd):
    path = tmp_path / "doc.po"
    path.write_text(LOOSE, encoding="utf-8")
    expected = msgcat(path).decode().replace("\n\nmsgid \"b\"", "\n\n#, go-format\nmsgid \"b\"")
    code, out, _ = run(monkeypatch, capfd, "fmt", "--check", str(path))
    assert (code, out) == (1, f"would reformat {path}\n")
    assert path.read_text(encoding="utf-8") == LOOSE  # --check writes nothing
    code, out, _ = run(monkeypatch, capfd, "fmt", "--stdout", str(path))
    assert (code, out) == (0, expected)
    code, out, _ = run(monkeypatch, capfd, "fmt", str(path))
    assert (code, out) == (0, f"reformatted {path}\n")
    assert path.read_text(encoding="utf-8") == expected
    assert run(monkeypatch, capfd, "fmt", "--check", str(path))[:2] == (0, "")


def test_fmt_refuses_a_bad_file_and_writes_none(tmp_path, monkeypatch, capfd):
    good, bad = tmp_path / "a.po", tmp_path / "b.po"
    good.write_text(LOOSE, encoding="utf-8")
    bad.write_text('msgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\nmsgstr[2] ""\n', encoding="utf-8")
    code, _, err = run(monkeypatch, capfd, "fmt", str(good), str(bad))
    assert code == 2 and f"{bad}:4:" in err and "Traceback" not in err
    assert good.read_text(encoding="utf-8") == LOOSE


def test_stdout_takes_exactly_one_file(tmp_path, monkeypatch, capfd):
    assert run(monkeypatch, capfd, "fmt", "--stdout")[0] == 2


def test_fmt_defaults_to_the_project_files(tmp_path, monkeypatch, capfd):
    for name in ("seeds", "glossary"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    assert run(monkeypatch, capfd, "--root", str(tmp_path), "extract")[0] == 0
    files = project_files(tmp_path / "locales")
    assert files and all(p.suffix == ".pot" for p in files)
    assert [r.changed for r in format_files(files, write=False)] == [False] * len(files)
    pot = files[0]
    pot.write_bytes(pot.read_bytes().replace(b'msgstr ""\n', b'msgstr ""\n\n\n', 2))
    code, out, _ = run(monkeypatch, capfd, "--root", str(tmp_path), "fmt", "--check")
    assert code == 1 and pot.name in out


def test_pre_commit_hook_is_declared():
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: l10n-fmt\n" in hooks and "entry: l10n fmt --check\n" in hooks


def test_the_console_script_runs_fmt(tmp_path):
    path = tmp_path / "doc.pot"
    path.write_text(LOOSE, encoding="utf-8")
    exe = Path(sys.executable).with_name("l10n")
    proc = subprocess.run([str(exe), "fmt", "--check", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1 and "would reformat" in proc.stdout


@pytest.mark.parametrize("options", [["--width", "40"], ["--no-wrap"]])
def test_width_and_no_wrap_are_msgcats(tmp_path, monkeypatch, capfd, options):
    path = tmp_path / "doc.po"
    path.write_text(LOOSE.replace("#, go-format\n", ""), encoding="utf-8")
    code, out, _ = run(monkeypatch, capfd, "fmt", "--stdout", *options, str(path))
    gnu = subprocess.run(["msgcat", *(["-w", "40"] if options[0] == "--width" else options), str(path)],
                         capture_output=True, text=True, check=True).stdout
    assert (code, out) == (0, gnu)


def test_a_bell_in_a_seed_survives_extract_read_and_fmt(tmp_path, monkeypatch, capfd):
    # Issue 19: extract wrote "\a" for a BEL, which the reader then refused.
    for name in ("glossary",):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "bell.txt").write_text("Ring the bell\a now. Then stop.\n", encoding="utf-8")
    assert run(monkeypatch, capfd, "--root", str(tmp_path), "extract")[0] == 0
    (pot,) = project_files(tmp_path / "locales")
    assert b"\\a" in pot.read_bytes()
    assert run(monkeypatch, capfd, "--root", str(tmp_path), "fmt", "--check")[:2] == (0, "")
    assert any("\a" in e.msgid for e in read_catalog(pot).entries)

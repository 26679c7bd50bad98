"""`l10n glossary import/export`: every bad path or unwritable term is one clear message and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = "source,zh,status\nHangzhou,杭州,approved\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "glossary").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    return root


def l10n(project: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run ``l10n.cli.app.main`` in this process, or with ``timeout`` as a real process.

    Cases with a FIFO run as a process: a bug would hang, and the timeout turns it into a failure.
    """
    argv = ["--root", str(project), *args]
    if timeout is not None:
        return subprocess.run(
            [sys.executable, "-m", "l10n", *argv],
            capture_output=True, text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    from contextlib import redirect_stderr, redirect_stdout
    from io import StringIO

    from l10n.cli.app import main

    out, err = StringIO(), StringIO()
    saved = sys.argv
    sys.argv = ["l10n", *argv]
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        sys.argv = saved
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def refused(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr, proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


@pytest.mark.parametrize(
    "output,words",
    [("/proc/l10n-export.tbx", ("/proc/l10n-export.tbx", "cannot write the TBX file")),
     ("{tmp}", ("is a directory",)),
     ("{tmp}/no/such/folder/x.tbx", ("does not exist", "create it first"))],
)
def test_export_to_a_place_it_cannot_write(project: Path, tmp_path: Path, output: str, words) -> None:
    refused(l10n(project, "glossary", "export", "-o", output.format(tmp=tmp_path)), *words)
    assert not (tmp_path / "no").exists()


def test_export_to_a_fifo_nobody_reads_does_not_wait(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tbx"
    os.mkfifo(fifo)
    refused(l10n(project, "glossary", "export", "-o", str(fifo), timeout=30), "no process is reading from it")


def test_export_to_dev_null_succeeds(project: Path) -> None:
    proc = l10n(project, "glossary", "export", "-o", "/dev/null")
    assert proc.returncode == 0, proc.stderr
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_control_character_in_a_term_is_named_with_its_row(project: Path, tmp_path: Path) -> None:
    (project / "glossary" / "terms.csv").write_text(GLOSSARY + "West\x01Lake,西湖,approved\n", encoding="utf-8")
    out = tmp_path / "out.tbx"
    refused(l10n(project, "glossary", "export", "-o", str(out)), "glossary/terms.csv:3", "U+0001", "remove the character")
    assert not out.exists()


def test_a_carriage_return_survives_csv_tbx_csv(project: Path, tmp_path: Path) -> None:
    (project / "glossary" / "terms.csv").write_text(
        GLOSSARY + '"West\rLake",西湖,approved\n"Tab\there","a\r\nb",approved\n', encoding="utf-8", newline=""
    )
    tbx = tmp_path / "out.tbx"
    assert l10n(project, "glossary", "export", "-o", str(tbx)).returncode == 0
    assert "&#13;" in tbx.read_text(encoding="utf-8")
    back = tmp_path / "back.csv"
    proc = l10n(project, "glossary", "import", str(tbx), "--into", str(back))
    assert proc.returncode == 0, proc.stderr
    from l10n.glossary.csv import read_glossary_file

    terms, problems = read_glossary_file(back, back.read_bytes())
    assert problems == []
    assert [(t.source, t.targets["zh"]) for t in terms] == [
        ("Hangzhou", "杭州"), ("West\rLake", "西湖"), ("Tab\there", "a\r\nb")
    ]


@pytest.mark.parametrize(
    "into,words",
    [("/proc/l10n-import.csv", ("cannot write the glossary file",)), ("{tmp}", ("is a directory",)),
     ("{tmp}/no/such/x.csv", ("does not exist",))],
)
def test_import_into_a_place_it_cannot_write(project: Path, tmp_path: Path, into: str, words) -> None:
    tbx = tmp_path / "terms.tbx"
    assert l10n(project, "glossary", "export", "-o", str(tbx)).returncode == 0
    refused(l10n(project, "glossary", "import", str(tbx), "--into", into.format(tmp=tmp_path), "--replace"), *words)


def test_import_of_a_directory(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "new.tbx"
    folder.mkdir()
    refused(l10n(project, "glossary", "import", str(folder)), "is a directory, not a TBX file")
    assert sorted(p.name for p in (project / "glossary").iterdir()) == ["terms.csv"]


def test_import_of_a_fifo_does_not_hang(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "new.tbx"
    os.mkfifo(fifo)
    refused(l10n(project, "glossary", "import", str(fifo), timeout=30), "FIFO")


def test_a_deeply_nested_tbx_is_read_and_its_warnings_capped(project: Path, tmp_path: Path) -> None:
    depth = 50_000
    tbx = tmp_path / "deep.tbx"
    tbx.write_text("<martif><text><body>" + "<termEntry>" * depth + "</termEntry>" * depth + "</body></text></martif>")
    proc = l10n(project, "glossary", "import", str(tbx), "--into", str(tmp_path / "deep.csv"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "0 terms imported" in proc.stdout
    warnings = proc.stderr.splitlines()
    assert len(warnings) == 21 and warnings[-1] == f"warning: {depth - 20} more warnings not shown"


def test_glossary_check_lists_at_most_200_problems_then_counts(project: Path) -> None:
    """A header of 5,000 unknown columns printed 5,000 lines (40,000 columns: 5 MB of messages)."""
    header = ",".join(["source", "zh", "status", *(f"c{i}" for i in range(5000))])
    (project / "glossary" / "terms.csv").write_text(header + "\nHangzhou,杭州,approved" + ",x" * 5000 + "\n", encoding="utf-8")
    proc = l10n(project, "glossary", "check")
    refused(proc, "5000 glossary problem(s)", "unknown column 'c0'", "unknown column 'c199'", "... and 4800 more")
    assert "'c200'" not in proc.stderr and proc.stderr.count("\n") < 210

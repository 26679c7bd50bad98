"""Every command that reads a bad file says which file (and line), exits 2 and changes nothing.

The corpus is ``tests/data/bad/``; a file's name says where it goes and so
which commands read it: ``<kind>.<what>.<ext>``.

    po.*          placed as locales/zh/LC_MESSAGES/doc.po
    pot.*         placed as locales/doc.pot
    seed.*        placed as seeds/doc.txt
    glossary.*    placed as glossary/terms.csv
    pyproject.*   placed as pyproject.toml
    ref.*         passed to ``l10n score --ref``
    argosmodel.*  passed to ``l10n model install``
    tbx.*         passed to ``l10n glossary import``
    lock.*        placed as locales/.l10n.lock (the project lock)

A ``<what>`` starting with ``ok-`` is legal but unusual (a byte-order mark,
CRLF line ends, a header without a charset, with the template's CHARSET
placeholder or naming a legacy charset over text that is valid UTF-8: read as
the UTF-8 it is): those must be read correctly instead, and ``update`` writes
them back in canonical UTF-8.  Text in a legacy charset its header declares is
read as GNU gettext reads it (tests/test_po_parse.py).  A few inputs are
generated here rather than committed (a 10 MB single line), and things git
cannot hold are made in place (``SPECIAL``: a FIFO, a symbolic link to
/etc/passwd or /dev/zero, a 2 GB sparse file, a file name with a line break
or a byte that is not UTF-8).  Commands run
in-process through ``l10n.cli.app.main`` (the console entry point), so an uncaught
exception fails the test with its traceback; a handful also run as real
subprocesses.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import run_cli

CORPUS = Path(__file__).parent / "data" / "bad"
REPO = Path(__file__).resolve().parents[1]

SEED = "The Story of Hangzhou\nHangzhou is a large city. It has 8,000 tea farms.\n"
GLOSSARY = "source,zh,status\nHangzhou,杭州,approved\n"
REFERENCE = "Hangzhou is a large city.\t杭州是一座大城市。\nIt has 8,000 tea farms.\t它有8000个茶园。\n"
HUMAN = ("Hangzhou is a large city.", "杭州是一座大城市。")

COMMANDS = {
    "extract": ["extract"],
    "update": ["update", "--to", "zh"],
    "translate": ["translate", "--to", "zh", "--engine", "fallback", "--no-progress"],
    "check": ["check", "--to", "zh"],
    "stats": ["stats"],
    "build": ["build", "--to", "zh"],
    "score": ["score", "--to", "zh", "--ref", "reference.tsv"],
    "glossary-check": ["glossary", "check"],
    "glossary-list": ["glossary", "list"],
    "model-install": ["model", "install", "{file}"],
    "glossary-import": ["glossary", "import", "{file}"],
}


@dataclass(frozen=True)
class Kind:
    """Where a corpus file of one kind is placed and which commands read it."""

    place: str | None  # path inside the project; None: passed as an argument
    commands: tuple[str, ...]


KINDS = {
    "po": Kind("locales/zh/LC_MESSAGES/doc.po", ("update", "translate", "check", "stats", "build", "score")),
    "pot": Kind("locales/doc.pot", ("extract", "update", "translate", "score")),
    "seed": Kind("seeds/doc.txt", ("extract", "translate", "build")),
    "glossary": Kind("glossary/terms.csv", ("glossary-check", "glossary-list", "translate", "check", "score")),
    "pyproject": Kind("pyproject.toml", tuple(COMMANDS)),
    "ref": Kind("reference.tsv", ("score",)),
    "argosmodel": Kind(None, ("model-install",)),
    "tbx": Kind(None, ("glossary-import",)),
    "lock": Kind("locales/.l10n.lock", ("extract", "update", "translate")),
}

# The line a message must point at, where the problem sits on one line.
LINES = {
    "po.unterminated.po": 11,
    "po.bad-escape.po": 11,
    "po.duplicate-msgid.po": 13,
    "po.msgstr-without-msgid.po": 13,
    "po.msgid-without-msgstr.po": 10,
    "po.unknown-keyword.po": 11,
    "po.text-outside-string.po": 11,
    "po.plural-index-without-plural.po": 11,
    "po.latin1-bytes.po": 14,
    "po.nul-byte.po": 11,
    "po.header-only-garbage.po": 1,
    "po.unterminated-header.po": 3,
    "po.huge-line.po": 11,
    "po.cr-line-ends.po": 1,
    "glossary.huge-line.csv": 3,
    "pot.unterminated.pot": 9,
    "pot.nul-byte.pot": 9,
    "pot.not-utf8.pot": 9,
    "pot.duplicate-msgid.pot": 12,
    "seed.latin1.txt": 2,
    "glossary.conflicting.csv": 3,
    "glossary.unbalanced.csv": 3,
    "glossary.not-utf8.csv": 3,
    "glossary.extra-field.csv": 2,
    "glossary.empty-source.csv": 3,
    "pyproject.invalid-toml.toml": 6,  # where tomllib notices the unclosed array
    "ref.not-utf8.tsv": 2,
    "ref.missing-column.tsv": 2,
    "po.plural-forms-code.po": 8,
    "po.plural-forms-out-of-range.po": 8,
    "po.plural-forms-reversed.po": 8,
    "tbx.not-xml.tbx": 1,
    "tbx.control-char-ref.tbx": 3,
    "tbx.external-entity.tbx": 4,
    "tbx.billion-laughs.tbx": 4,
    "tbx.nul-byte.tbx": 3,
}

# Files whose problem only some of their kind's commands see: a Plural-Forms
# header is read by `check` (a finding, exit 1: tests/test_plural_forms.py)
# and `build` (refuses to write a .mo Python's gettext cannot load).
COMMANDS_FOR = {
    "po.plural-forms-code.po": ("build",),
    "po.plural-forms-out-of-range.po": ("build",),
    "po.plural-forms-reversed.po": ("build",),
}

# What the message must name where it is not the placed file itself.
SHOWN = {"seed.newline-name.txt": "seeds", "seed.not-utf8-name.txt": "seeds", "seed.long-name.txt": "seeds",
         "glossary.newline-name.csv": "glossary", "glossary.not-utf8-name.csv": "glossary"}

GIB = 1024 * 1024 * 1024


def _fifo(target: Path) -> None:
    os.mkfifo(target)


def _link(destination: str):
    def make(target: Path) -> None:
        target.symlink_to(destination)

    return make


def _sparse(target: Path) -> None:
    # 2 GB that take no disk: over the input cap before a byte is read.
    with open(target, "wb") as handle:
        handle.truncate(2 * GIB)


def _named(name: bytes, content: str):
    def make(target: Path) -> None:
        (target.parent / os.fsdecode(name)).write_text(content, encoding="utf-8")

    return make


# Inputs git cannot hold, made where the file belongs (``target``).
SPECIAL = {
    **{f"{kind}.fifo.{ext}": _fifo for kind, ext in (("seed", "txt"), ("po", "po"), ("pot", "pot"), ("glossary", "csv"),
                                                     ("ref", "tsv"), ("pyproject", "toml"), ("tbx", "tbx"), ("lock", "lock"))},
    **{f"{kind}.sparse-2gb.{ext}": _sparse for kind, ext in (("seed", "txt"), ("po", "po"), ("pot", "pot"),
                                                            ("glossary", "csv"), ("ref", "tsv"), ("tbx", "tbx"))},
    **{f"{kind}.link-dev-zero.{ext}": _link("/dev/zero") for kind, ext in (("seed", "txt"), ("po", "po"), ("glossary", "csv"),
                                                                          ("ref", "tsv"), ("pyproject", "toml"), ("tbx", "tbx"))},
    "seed.link-dev-urandom.txt": _link("/dev/urandom"),
    "seed.link-etc-passwd.txt": _link("/etc/passwd"),
    "glossary.link-etc-passwd.csv": _link("/etc/passwd"),
    "seed.link-dangling.txt": _link("/nonexistent/l10n-seed.txt"),
    "seed.link-loop.txt": _link("doc.txt"),  # a link to itself
    "glossary.link-loop.csv": _link("terms.csv"),
    # A second file, beside the good one, whose name is the problem.
    "seed.newline-name.txt": _named(b"a\nb.txt", SEED),
    "seed.not-utf8-name.txt": _named(b"caf\xe9.txt", SEED),
    "seed.long-name.txt": _named(b"a" * 246 + b".txt", SEED),  # no room left for ".<name>.pot.XXXXXXXX.tmp"
    "glossary.newline-name.csv": _named(b"a\nb.csv", GLOSSARY),
    "glossary.not-utf8-name.csv": _named(b"caf\xe9.csv", GLOSSARY),
    "lock.symlink.lock": _link("/tmp/l10n-lock-elsewhere"),
}

HEAD = (
    'msgid ""\nmsgstr ""\n"Project-Id-Version: doc\\n"\n"Language: zh\\n"\n"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
)


def _huge_line() -> bytes:
    # A 10 MB msgstr that never closes: the message must stay short and quick.
    return (HEAD + 'msgid "Hangzhou is a large city."\nmsgstr "' + "杭" * (10 * 1024 * 1024 // 3) + "\n").encode()


def _huge_term() -> bytes:
    # A 10 MB glossary field on one line.
    return ("source,zh,status\nHangzhou,杭州,approved\n" + "x" * (10 * 1024 * 1024) + ",术语,approved\n").encode()


def _archive(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _package(pair: str = "en_zh", metadata: bytes | None = None, *, model: bool = True, **extra: bytes) -> bytes:
    # A package-shaped archive with placeholder model files (no weights: these
    # inputs must be refused before anything would load them).
    top = f"translate-{pair}-1_0/"
    members = {} if metadata is None else {top + "metadata.json": metadata}
    if model:
        members[top + "model/model.bin"] = bytes(16)
    members[top + "sentencepiece.model"] = bytes(16)
    members.update({top + name: data for name, data in extra.items()})
    return _archive(members)


_ZH_METADATA = b'{"package_version": "1.0", "from_code": "en", "to_code": "zh"}'

# Bad .argosmodel archives are built here, not committed: no model-shaped
# binaries in git.
GENERATED = {
    "po.huge-line.po": _huge_line,
    "glossary.huge-line.csv": _huge_term,
    "argosmodel.empty.argosmodel": lambda: b"",
    "argosmodel.notzip.argosmodel": lambda: b"this is a text file, not a model\n",
    "argosmodel.no-metadata.argosmodel": lambda: _package(),
    "argosmodel.bad-metadata-json.argosmodel": lambda: _package(metadata=b'{"from_code": "en", "to_code": '),
    "argosmodel.no-model.argosmodel": lambda: _package(metadata=_ZH_METADATA, model=False),
    "argosmodel.other-pair.argosmodel": lambda: _package(
        "en_de", b'{"package_version": "1.0", "from_code": "en", "to_code": "de", "type": "translate"}'
    ),
    "argosmodel.path-escape.argosmodel": lambda: _package(metadata=_ZH_METADATA, **{"../../escaped.txt": b"x"}),
    "argosmodel.truncated.argosmodel": lambda: _package(metadata=_ZH_METADATA)[:200],
    # Text saved as UTF-16 (a spreadsheet's "Unicode Text", Notepad's "Unicode"): named, not called binary.
    "po.utf16.po": lambda: (HEAD + 'msgid "Hangzhou is a large city."\nmsgstr "杭州是一座大城市。"\n').encode("utf-16"),
    "pot.utf16le.pot": lambda: (HEAD + 'msgid "Hangzhou is a large city."\nmsgstr ""\n').encode("utf-16-le"),
    "seed.utf16be.txt": lambda: SEED.encode("utf-16-be"),
    "glossary.utf16.csv": lambda: GLOSSARY.encode("utf-16"),
    "ref.utf32.tsv": lambda: REFERENCE.encode("utf-32"),
    "pyproject.deep-nesting.toml": lambda: ('[tool.l10n]\ntarget-languages = ["zh"]\n[tool.other]\nx = '
                                            + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
    "po.cr-line-ends.po": lambda: (HEAD + 'msgid "Hangzhou is a large city."\nmsgstr ""\n').replace("\n", "\r").encode(),
}
# The encoding each of those must be named as.
ENCODINGS = {"po.utf16.po": "UTF-16", "pot.utf16le.pot": "UTF-16LE", "seed.utf16be.txt": "UTF-16BE",
             "glossary.utf16.csv": "UTF-16", "ref.utf32.tsv": "UTF-32", "seed.utf16.txt": "UTF-16"}


def corpus() -> list[str]:
    """Return the names of every bad input, committed and generated."""
    names = sorted(p.name for p in CORPUS.iterdir() if p.name.split(".")[0] in KINDS)
    return sorted(set(names) | set(GENERATED) | set(SPECIAL))


def _kind(name: str) -> Kind:
    return KINDS[name.split(".")[0]]


def _legal(name: str) -> bool:
    return name.split(".")[1].startswith("ok-")


# Known gaps, each waiting for a fix in the module named (strict: a fix makes these fail until removed).
PENDING: dict[str, str] = {}


def _case(name: str, cmd: str):
    marks = [pytest.mark.xfail(reason=PENDING[name], strict=True)] if name in PENDING else []
    return pytest.param(name, cmd, id=f"{name}-{cmd}", marks=marks)


BAD = [n for n in corpus() if not _legal(n)]
CASES = [_case(n, c) for n in BAD for c in COMMANDS_FOR.get(n, _kind(n).commands)]


# --- the project ----------------------------------------------------------


@pytest.fixture(scope="session")
def template_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small valid project: seed, glossary, reference, template and a catalogue with one human translation."""
    from dataclasses import replace

    from l10n.extract import extract_all
    from l10n.po.read import read_catalog
    from l10n.po.write import write_catalog
    from l10n.project.config import load_settings
    from l10n.update import update_all

    root = tmp_path_factory.mktemp("bad-inputs") / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    (root / "seeds" / "doc.txt").write_text(SEED, encoding="utf-8")
    (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (root / "reference.tsv").write_text(REFERENCE, encoding="utf-8")
    settings = load_settings(root)
    extract_all(settings)
    update_all(settings, ["zh"])
    po = settings.po_path("zh", "doc")
    catalog = read_catalog(po)
    entries = tuple(replace(e, msgstr=HUMAN[1]) if e.msgid == HUMAN[0] else e for e in catalog.entries)
    write_catalog(po, replace(catalog, entries=entries))
    lock = settings.locales / ".l10n.lock"
    if lock.exists():
        lock.unlink()
    return root


@pytest.fixture
def project(template_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the template project, the current folder, with an empty argos home."""
    root = tmp_path / "project"
    shutil.copytree(template_project, root)
    monkeypatch.chdir(root)
    argos = tmp_path / "argos"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos / "packages"))
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(variable, str(argos / folder))
    return root


def place(name: str, project: Path, tmp_path: Path) -> Path:
    """Copy corpus file ``name`` to where its kind belongs; return where it went."""
    kind = _kind(name)
    target = project / kind.place if kind.place else tmp_path / "input" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if name in SHOWN:  # a second file beside the good one
        SPECIAL[name](target)
        return target
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif os.path.lexists(target):
        target.unlink()
    source = CORPUS / name
    if name in SPECIAL:
        SPECIAL[name](target)
    elif name in GENERATED:
        target.write_bytes(GENERATED[name]())
    elif source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copyfile(source, target)
    return target


def snapshot(*roots: Path) -> dict[str, str]:
    """Return {path: sha256} of every file under ``roots`` (the lock file aside).

    Never opens what is not a regular file (a FIFO would block) and takes the
    size and time of a file over 64 MB (a 2 GB sparse file) instead of its hash.
    """
    hashes = {}
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(root.rglob("*")):
            if path.name == ".l10n.lock":
                continue
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                hashes[str(path)] = "link to " + os.readlink(path)
            elif not stat.S_ISREG(info.st_mode):
                hashes[str(path)] = stat.filemode(info.st_mode)[0] if not stat.S_ISDIR(info.st_mode) else "dir"
            elif info.st_size > 64 * 1024 * 1024:
                hashes[str(path)] = f"{info.st_size} bytes, modified {info.st_mtime_ns}"
            else:
                hashes[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def command(name: str, file: Path | None) -> list[str]:
    return [a.format(file=file) for a in COMMANDS[name]]


# --- tests ----------------------------------------------------------------


def test_corpus_is_complete() -> None:
    names = corpus()
    assert len(names) >= 30
    kinds = {n.split(".")[0] for n in names}
    assert kinds == set(KINDS), "every kind has at least one corpus file"
    unknown = [p.name for p in CORPUS.iterdir() if p.name.split(".")[0] not in KINDS and p.name != "README.md"]
    assert not unknown, f"corpus files whose kind is not known: {unknown}"
    assert set(LINES) <= set(names), "line expectations for files that do not exist"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_valid_project_is_accepted(name: str, project: Path, capsys, monkeypatch, tiny_argosmodel: Path) -> None:
    """The baseline: with good inputs, every command succeeds (so failures below come from the bad file)."""
    file = tiny_argosmodel
    if name == "glossary-import":
        from l10n.glossary.load import load_glossary
        from l10n.glossary.tbx import write_tbx

        file = project.parent / "imported.tbx"
        write_tbx(file, load_glossary(project / "glossary").terms)
    result = run_cli(["--root", str(project), *command(name, file)], capsys, monkeypatch)
    assert result.code in (0, 1), result.text
    assert "Traceback" not in result.text


@pytest.mark.parametrize("name,cmd", CASES)
def test_bad_input(name: str, cmd: str, project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    target = place(name, project, tmp_path)
    before = snapshot(project, tmp_path / "argos", tmp_path / "input")
    result = run_cli(["--root", str(project), *command(cmd, target)], capsys, monkeypatch)
    after = snapshot(project, tmp_path / "argos", tmp_path / "input")

    assert result.code == 2, f"exit {result.code}\n{result.text[:2000]}"
    assert "Traceback" not in result.text
    assert "error: " in result.err, result.err[:2000]
    shown = SHOWN.get(name) or (target.relative_to(project).as_posix() if _kind(name).place else target.name)
    assert shown in result.err, f"the message does not name {shown}:\n{result.err[:2000]}"
    if name in LINES:
        assert f"{shown}:{LINES[name]}" in result.err, result.err[:2000]
    if name in ENCODINGS:
        assert f"{shown}:1" in result.err and f"encoded as {ENCODINGS[name]}, not UTF-8" in result.err, result.err
    assert len(result.text) < 2000, "the message quotes the input at length"
    assert after == before, "a command modified files on bad input"


# --- legal but unusual ----------------------------------------------------


def _stats(project: Path, capsys, monkeypatch) -> dict:
    result = run_cli(["--root", str(project), "stats", "--format", "json"], capsys, monkeypatch)
    assert result.code == 0, result.text
    return json.loads(result.out)


def _translated(stats: dict) -> int:
    """The translated entries of the zh catalogue in ``l10n stats --format json`` output."""
    (row,) = [c for c in stats["catalogues"] if c["lang"] == "zh"]
    return row["entries"]["translated"]


@pytest.mark.parametrize("name", [n for n in corpus() if n.startswith("po.ok-")])
def test_unusual_catalogue_is_read(name: str, project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from l10n.po.read import read_catalog

    target = place(name, project, tmp_path)
    catalog = read_catalog(target)
    assert catalog.header_value("Language") == "zh"
    assert [(e.msgid, e.msgstr) for e in catalog.entries] == [HUMAN]
    assert _translated(_stats(project, capsys, monkeypatch)) == 1

    for cmd in ("check", "build", "score"):
        result = run_cli(["--root", str(project), *command(cmd, None)], capsys, monkeypatch)
        assert result.code in (0, 1), result.text
    assert HUMAN[1] in (project / "build" / "zh" / "doc.txt").read_text(encoding="utf-8")

    result = run_cli(["--root", str(project), *command("update", None)], capsys, monkeypatch)
    assert result.code == 0, result.text
    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data, "update writes the canonical form"
    assert read_catalog(target).header_value("Content-Type") == "text/plain; charset=UTF-8"
    assert dict((e.msgid, e.msgstr) for e in read_catalog(target).entries)[HUMAN[0]] == HUMAN[1]
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(target)], check=True)


def test_seed_with_bom_and_crlf_is_read(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from l10n.po.read import read_catalog

    place("seed.ok-bom-crlf.txt", project, tmp_path)
    result = run_cli(["--root", str(project), "extract"], capsys, monkeypatch)
    assert result.code == 0, result.text
    msgids = [e.msgid for e in read_catalog(project / "locales" / "doc.pot").entries]
    assert msgids == ["The Story of Hangzhou", "Hangzhou is a large city.", "It has 8,000 tea farms."]
    result = run_cli(["--root", str(project), "build", "--to", "zh"], capsys, monkeypatch)
    assert result.code == 0, result.text
    built = (project / "build" / "zh" / "doc.txt").read_text(encoding="utf-8")
    assert HUMAN[1] in built and "\ufeff" not in built and "\r" not in built


# --- the real entry point -------------------------------------------------


@pytest.mark.parametrize(
    "name,cmd",
    [("po.unterminated.po", "update"), ("seed.binary.txt", "extract"), ("glossary.unbalanced.csv", "glossary-check"),
     ("argosmodel.notzip.argosmodel", "model-install"), ("pyproject.invalid-toml.toml", "stats"),
     # Opening these for reading would block or never end: a real process with a timeout proves it does not.
     ("seed.fifo.txt", "extract"), ("seed.link-dev-urandom.txt", "extract"), ("glossary.fifo.csv", "translate"),
     ("po.fifo.po", "update"), ("ref.fifo.tsv", "score"), ("tbx.fifo.tbx", "glossary-import"),
     ("pyproject.fifo.toml", "stats"), ("lock.fifo.lock", "translate")],
)
def test_subprocess_exit_and_stderr(name: str, cmd: str, project: Path, tmp_path: Path) -> None:
    """``python -m l10n`` as a user runs it: exit 2, one error message on stderr, no traceback."""
    target = place(name, project, tmp_path)
    before = snapshot(project)
    proc = subprocess.run(
        [sys.executable, "-m", "l10n", "--root", str(project), *command(cmd, target)],
        capture_output=True, text=True, cwd=project, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ")
    assert snapshot(project) == before


# --- exit statuses reach the shell ------------------------------------------


def test_usage_error_exits_2(project: Path, capsys, monkeypatch) -> None:
    result = run_cli(["--root", str(project), "stats", "--format", "xml"], capsys, monkeypatch)
    assert result.code == 2
    assert "--format" in result.err and "Traceback" not in result.text


def test_check_findings_exit_1(project: Path, capsys, monkeypatch) -> None:
    """A QA error is exit 1 through the console entry point, not just inside typer."""
    from dataclasses import replace

    from l10n.po.read import read_catalog
    from l10n.po.write import write_catalog

    po = project / "locales" / "zh" / "LC_MESSAGES" / "doc.po"
    catalog = read_catalog(po)
    entries = tuple(replace(e, msgstr="它有茶园。") if e.msgid.startswith("It has") else e for e in catalog.entries)
    write_catalog(po, replace(catalog, entries=entries))
    result = run_cli(["--root", str(project), "check", "--to", "zh"], capsys, monkeypatch)
    assert result.code == 1, result.text
    assert "numbers" in result.out


# --- seeds and caps: what is allowed, and how to allow more --------------------


def test_a_seed_linking_inside_the_project_is_read(project: Path, capsys, monkeypatch) -> None:
    (project / "texts").mkdir()
    (project / "seeds" / "doc.txt").rename(project / "texts" / "doc.txt")
    (project / "seeds" / "doc.txt").symlink_to(project / "texts" / "doc.txt")
    result = run_cli(["--root", str(project), "extract"], capsys, monkeypatch)
    assert result.code == 0, result.text


def test_allow_external_links_lets_a_seed_link_outside(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    outside = tmp_path / "shared-docs" / "doc.txt"
    outside.parent.mkdir()
    outside.write_text(SEED, encoding="utf-8")
    (project / "seeds" / "doc.txt").unlink()
    (project / "seeds" / "doc.txt").symlink_to(outside)
    result = run_cli(["--root", str(project), "extract"], capsys, monkeypatch)
    assert result.code == 2 and "allow-external-links = true" in result.err
    with open(project / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write("allow-external-links = true\n")
    result = run_cli(["--root", str(project), "extract"], capsys, monkeypatch)
    assert result.code == 0, result.text


def test_max_input_mb_is_the_cap_and_the_message_names_it(project: Path, capsys, monkeypatch) -> None:
    with open(project / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write("max-input-mb = 0.00001\n")  # about 10 bytes
    before = snapshot(project)
    for cmd in ("extract", "translate", "glossary-check", "check", "score"):
        result = run_cli(["--root", str(project), *command(cmd, None)], capsys, monkeypatch)
        assert result.code == 2, (cmd, result.text)
        assert "over the input size cap of 10 bytes" in result.err and "[tool.l10n] max-input-mb = " in result.err
    assert snapshot(project) == before
    # The cap holds for the command that set it, not for the next one in this process.
    (project / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\n', encoding="utf-8")
    assert run_cli(["--root", str(project), "extract"], capsys, monkeypatch).code == 0


def test_check_reports_an_unusable_plural_forms_header(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    place("po.plural-forms-code.po", project, tmp_path)
    result = run_cli(["--root", str(project), "check", "--to", "zh", "--only", "plural-forms"], capsys, monkeypatch)
    assert result.code == 1, result.text
    assert "locales/zh/LC_MESSAGES/doc.po:8: error [plural-forms] invalid Plural-Forms header" in result.out
    assert "'__import__' (at character 1) is not allowed" in result.out
    result = run_cli(["--root", str(project), "check", "--to", "zh", "--skip", "plural-forms"], capsys, monkeypatch)
    assert "plural-forms" not in result.out


def test_build_refuses_an_output_folder_linking_outside(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (project / "build").symlink_to(outside)
    before = snapshot(project)
    result = run_cli(["--root", str(project), "build", "--to", "zh"], capsys, monkeypatch)
    assert result.code == 2 and "would write outside the project" in result.err, result.text
    assert list(outside.iterdir()) == [] and snapshot(project) == before


def test_build_replaces_a_fifo_planted_where_an_output_goes(project: Path) -> None:
    out = project / "build" / "zh"
    out.mkdir(parents=True)
    os.mkfifo(out / "doc.txt")  # comparing with the old output would block
    proc = subprocess.run(
        [sys.executable, "-m", "l10n", "--root", str(project), "build", "--to", "zh"],
        capture_output=True, text=True, cwd=project, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert HUMAN[1] in (out / "doc.txt").read_text(encoding="utf-8")


def test_a_pyproject_saved_with_a_byte_order_mark_is_read(project: Path, capsys, monkeypatch) -> None:
    """Notepad's UTF-8 starts with a BOM, invisible in editors: tomllib alone calls line 1 invalid."""
    pyproject = project / "pyproject.toml"
    pyproject.write_bytes(b"\xef\xbb\xbf" + pyproject.read_bytes())
    result = run_cli(["--root", str(project), "extract"], capsys, monkeypatch)
    assert result.code == 0, result.text


# --- found by the red-team pass (hostile inputs nobody had written) -------------


@pytest.mark.parametrize("cmd", ["build", "check", "score", "stats"])
@pytest.mark.parametrize("lang", ["{outside}", "../../{name}", "zh/LC_MESSAGES", "..", ""])
def test_a_language_that_is_a_path_is_refused(lang: str, cmd: str, project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    """``build --to /elsewhere`` found a catalogue there and wrote doc.txt and doc.mo beside it."""
    outside = tmp_path / "outside"
    (outside / "LC_MESSAGES").mkdir(parents=True)
    shutil.copyfile(project / "locales" / "zh" / "LC_MESSAGES" / "doc.po", outside / "LC_MESSAGES" / "doc.po")
    lang = lang.format(outside=outside, name=outside.name)
    args = ["stats", "--format", "json"] if cmd == "stats" else [*command(cmd, None)]
    if cmd != "stats":
        args[args.index("--to") + 1] = lang
    else:
        (project / "pyproject.toml").write_text(f'[tool.l10n]\ntarget-languages = ["{lang}"]\n', encoding="utf-8")
    before = snapshot(project, outside)
    result = run_cli(["--root", str(project), *args], capsys, monkeypatch)
    assert result.code == 2, result.text
    assert "not a language code" in result.err or "no " in result.err, result.err
    assert snapshot(project, outside) == before


def test_a_file_where_the_build_folder_belongs_is_refused(project: Path, capsys, monkeypatch) -> None:
    """A file named ``build`` gave a NotADirectoryError traceback after the checks had passed."""
    (project / "build").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(project)
    result = run_cli(["--root", str(project), "build", "--to", "zh"], capsys, monkeypatch)
    assert result.code == 2, result.text
    assert "build: is a file where l10n needs a folder" in result.err
    assert snapshot(project) == before


@pytest.mark.parametrize("args", [["check", "--to", "zh", "--format", "sarif"], ["glossary", "export"]])
@pytest.mark.parametrize("output", ["seeds/doc.txt", "glossary/terms.csv", "locales/zh/LC_MESSAGES/doc.po",
                                    "locales/doc.pot", "pyproject.toml"])
def test_a_report_never_replaces_a_project_input(args: list[str], output: str, project: Path, capsys, monkeypatch) -> None:
    """``check -o seeds/doc.txt`` replaced the source document with the report (exit 0)."""
    before = snapshot(project)
    result = run_cli(["--root", str(project), *args, "-o", output], capsys, monkeypatch)
    assert result.code == 2, result.text
    assert f"{output}: is a project input" in result.err
    assert snapshot(project) == before
    result = run_cli(["--root", str(project), *args, "-o", "report.out"], capsys, monkeypatch)
    assert result.code == 0 and (project / "report.out").stat().st_size > 0, result.text


@pytest.mark.parametrize("output", ["", "."])
def test_a_report_named_as_the_project_folder_is_refused_as_such(output: str, project: Path, capsys, monkeypatch) -> None:
    """``check -o .`` blamed a symbolic link that does not exist."""
    result = run_cli(["--root", str(project), "check", "--to", "zh", "-o", output], capsys, monkeypatch)
    assert result.code == 2 and "is a directory; cannot write the report there" in result.err, result.text
    assert "symbolic link" not in result.err
    from l10n.errors import L10nError
    from l10n.fsutil import atomic_write_text, using_policy
    from l10n.project.config import load_settings

    with using_policy(load_settings(project).input_policy()), pytest.raises(L10nError, match="is the project folder"):
        atomic_write_text(project, "x")


@pytest.mark.parametrize("hidden", ["emacs-lock", "apple-double"])
def test_hidden_seeds_an_editor_leaves_are_skipped(hidden: str, project: Path, capsys, monkeypatch) -> None:
    """Editing seeds/doc.txt in Emacs (a dangling link .#doc.txt) made every extract exit 2."""
    from l10n.po.read import read_catalog

    seeds = project / "seeds"
    if hidden == "emacs-lock":
        (seeds / ".#doc.txt").symlink_to("user@host.4242:1700000000")
    else:
        (seeds / "._doc.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    result = run_cli(["--root", str(project), "extract"], capsys, monkeypatch)
    assert result.code == 0, result.text
    assert sorted(p.name for p in (project / "locales").glob("*.pot")) == ["doc.pot"]
    assert len(read_catalog(project / "locales" / "doc.pot").entries) == 3


def test_a_build_folder_that_cannot_be_created_is_one_message(project: Path, capsys, monkeypatch) -> None:
    """``build = "/proc"`` (mkdir fails with ENOENT there) gave a FileNotFoundError traceback."""
    with open(project / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('build = "/proc"\n')
    result = run_cli(["--root", str(project), "build", "--to", "zh"], capsys, monkeypatch)
    assert result.code == 2, result.text
    assert "/proc/zh: cannot create the folder" in result.err


def test_more_local_workers_than_the_machine_can_run_are_refused(project: Path, capsys, monkeypatch) -> None:
    """``translate --workers 100000`` started local Dask workers until killed (over 60 s, no output)."""
    before = snapshot(project)
    result = run_cli(["--root", str(project), *command("translate", None), "--workers", "100000"], capsys, monkeypatch)
    assert result.code == 2, result.text
    assert "--workers 100000 is more than 4 processes per CPU core" in result.err
    assert snapshot(project) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_check_output_to_a_device_writes_into_it_and_keeps_the_node(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    """As root, ``check -o /dev/full`` replaced the device node with a regular file holding the report.

    A private node with /dev/null's numbers stands in for the real one.
    """
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run_cli(["--root", str(project), "check", "--to", "zh", "-o", str(node)], capsys, monkeypatch)
    assert result.code == 0, result.text
    assert stat.S_ISCHR(os.lstat(node).st_mode), "the device node was replaced by a file"

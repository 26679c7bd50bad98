"""The package layout holds: dependencies point one way, no import circles.

Every ``from l10n… import`` and ``import l10n…`` in the package (at module
level or inside a function) is read from the source and checked against the
table below, which the README's ARCHITECTURE section and each package's
docstring describe in words.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "l10n"

FOUNDATION = ("l10n", "l10n.errors", "l10n.fsutil")
# The stages, in pipeline order: each may import the ones before it.  The report
# package (every command's output, rendered) comes last: only the CLI imports it.
STAGES = (
    "l10n.extract", "l10n.update", "l10n.drafting", "l10n.translate", "l10n.build",
    "l10n.align", "l10n.score", "l10n.stats", "l10n.fmt", "l10n.report",
)
# What each part of the package may import (besides itself and the foundation).
ALLOWED: dict[str, tuple[str, ...]] = {
    "l10n.text": (),
    "l10n.po": ("l10n.text",),
    "l10n.project": ("l10n.text", "l10n.po"),
    "l10n.engines": ("l10n.text",),
    "l10n.formats": ("l10n.text",),
    "l10n.glossary": ("l10n.text",),
    "l10n.checks": ("l10n.text", "l10n.po", "l10n.project", "l10n.formats", "l10n.glossary"),
}
LIBRARY = tuple(ALLOWED)
for number, stage in enumerate(STAGES):
    ALLOWED[stage] = LIBRARY + STAGES[:number]
ALLOWED["l10n.cli"] = LIBRARY + STAGES
ALLOWED["l10n.__main__"] = ("l10n.cli",)
# Imports under ``if TYPE_CHECKING:`` (annotations only) may also name these.
TYPES_ONLY = {"l10n.formats": ("l10n.po",)}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    """The entry of ALLOWED (or the foundation module) that ``module`` belongs to."""
    if module in FOUNDATION:
        return module
    parts = [p for p in ALLOWED if module == p or module.startswith(p + ".")]
    assert parts, f"{module} belongs to no part of the layout: add it to the table and the README"
    return max(parts, key=len)


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, annotation-only) for every l10n import of one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(n) for child in node.body for n in ast.walk(child))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "l10n":
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                target = candidate if resolves(candidate) else node.module
                found.append((target, node.lineno, id(node) in typing_only))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in typing_only) for a in node.names if a.name.split(".")[0] == "l10n"]
    return found


def resolves(module: str) -> bool:
    relative = Path(*module.split("."))
    return (PACKAGE.parent / relative).with_suffix(".py").exists() or (PACKAGE.parent / relative).is_dir()


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_top_level_holds_only_the_foundation_and_the_stages():
    top = {module_name(p) for p in PACKAGE.glob("*.py")} | {module_name(p.parent) for p in PACKAGE.glob("*/__init__.py")}
    assert top == set(FOUNDATION) | set(STAGES) | set(LIBRARY) | {"l10n.cli", "l10n.__main__"}


def violations(module: str, found: list[tuple[str, int, bool]]) -> list[str]:
    """The imports of ``module`` that the table refuses."""
    source = part_of(module)
    if source in FOUNDATION:
        allowed: tuple[str, ...] = FOUNDATION
    else:
        allowed = (source, *FOUNDATION, *ALLOWED[source])
    wrong = []
    for target, line, typing_only in found:
        into = part_of(target)
        if into not in allowed and not (typing_only and into in TYPES_ONLY.get(source, ())):
            wrong.append(f"line {line} imports {target} ({into})")
    return wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_dependencies_point_one_way(module):
    wrong = violations(module, imports(MODULES[module]))
    assert not wrong, f"{module} may import only {ALLOWED.get(part_of(module), FOUNDATION)}: {wrong}"


def test_no_import_circles():
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in MODULES.items():
        for target, _, typing_only in imports(path):
            if not typing_only and target != module:
                graph[module].add(target)
    circles = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                circles.append(trail[trail.index(target):] + [target] if target in trail else [module, target])
            elif target not in state:
                visit(target, trail + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles


@pytest.mark.parametrize("package", [p for p in sorted(ALLOWED) if (PACKAGE.parent / Path(*p.split("."))).is_dir()])
def test_each_package_says_what_it_owns_and_must_not_import(package):
    doc = ast.get_docstring(ast.parse((PACKAGE.parent / Path(*package.split(".")) / "__init__.py").read_text()))
    assert doc and len(doc.split()) > 20
    assert "import" in doc, f"{package}'s docstring does not say what it may or must not import"


@pytest.mark.parametrize(
    "module, target, typing_only",
    [
        ("l10n.po.catalog", "l10n.checks.text", False),  # a catalogue knows nothing of checks
        ("l10n.text.segment", "l10n.po.catalog", False),  # text is below the catalogue
        ("l10n.engines.argos", "l10n.glossary.model", False),
        ("l10n.formats.base", "l10n.glossary.model", True),  # annotations do not widen every part
        ("l10n.formats.txt", "l10n.project.config", True),  # a reader takes values, not Settings
        ("l10n.formats.base", "l10n.engines", False),  # wrapping an engine is drafting's
        ("l10n.glossary.model", "l10n.engines", False),
        ("l10n.glossary.model", "l10n.formats.base", False),
        ("l10n.fsutil", "l10n.text.encoding", False),
        ("l10n.extract", "l10n.translate", False),  # an earlier stage does not call a later one
        ("l10n.checks.base", "l10n.cli.app", False),
        ("l10n.build", "l10n.report.runs", False),  # a stage returns data; rendering it is report's
        ("l10n.report.runs", "l10n.cli.app", False),
    ],
)
def test_the_table_refuses_imports_that_point_the_wrong_way(module, target, typing_only):
    assert violations(module, [(target, 1, typing_only)])


def test_the_table_accepts_the_direction_it_describes():
    assert not violations("l10n.translate", [("l10n.drafting.executor", 1, False), ("l10n.po.catalog", 2, False)])
    assert not violations("l10n.formats.base", [("l10n.po.catalog", 1, True)])


# One import path per name: ``from l10n.X import name`` must name a module or
# something X defines, not a name X only imports (a package's facade included).


def defined_and_imported(module: str) -> tuple[set[str], set[str]]:
    """The names a module's top level defines, and the objects (not modules) it only imports."""
    relative = PACKAGE.parent / Path(*module.split("."))
    path = relative / "__init__.py" if relative.is_dir() else relative.with_suffix(".py")
    defined: set[str] = set()
    imported: set[str] = set()

    def walk(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(node.name)
            elif isinstance(node, ast.Import):
                imported.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                imported.update(
                    a.asname or a.name for a in node.names if not (node.level == 0 and resolves(f"{node.module}.{a.name}"))
                )
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                defined.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
            elif isinstance(node, (ast.If, ast.Try)):
                walk(node.body + node.orelse + getattr(node, "finalbody", []))
                for handler in getattr(node, "handlers", []):
                    walk(handler.body)

    walk(ast.parse(path.read_text(encoding="utf-8")).body)
    return defined, imported - defined


def borrowed_imports(path: Path) -> list[str]:
    """The ``from l10n.X import name`` of one file whose name X only imports."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module):
            continue
        if node.module.split(".")[0] != "l10n" or not resolves(node.module):
            continue
        _, only_imported = defined_and_imported(node.module)
        for alias in node.names:
            if alias.name in only_imported:
                found.append(f"line {node.lineno}: from {node.module} import {alias.name}")
    return found


SOURCES = sorted(
    p for folder in ("l10n", "tests", "bench") for p in (PACKAGE.parent / folder).rglob("*.py") if ".venv" not in p.parts
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_each_name_is_imported_from_the_module_that_defines_it(path):
    borrowed = borrowed_imports(path)
    assert not borrowed, f"{path.name} imports a name from a module that only imports it: {borrowed}"


def test_a_borrowed_name_is_found(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from l10n.formats import FormatOptions, format_of, html\n"
        "from l10n.engines.packages import find_package, read_metadata\n"
    )
    # formats imports FormatOptions from formats.source; packages uses read_metadata
    # from package_archive; ``html`` is a module, the other two are defined there
    assert borrowed_imports(sample) == [
        "line 1: from l10n.formats import FormatOptions",
        "line 2: from l10n.engines.packages import read_metadata",
    ]


# The CLI echoes text the report package rendered.  Only the door's own messages
# (errors, version, interrupts, in cli/app.py) and what streams during a run
# (translate's warnings) are written in the CLI.
CLI_TEXT_ALLOWED = {  # as ast.unparse writes them
    ("app.py", "f'error: {printable(str(exc))}'"),
    ("app.py", "f'l10n {__version__}'"),
    ("app.py", "'aborted'"),
    ("app.py", "'interrupted: finished work was saved; run the command again to continue'"),
    ("translate_command.py", "f'warning: {message}'"),
}


def text_written_in_the_cli(path: Path) -> list[tuple[str, str]]:
    """(file, literal) for every ``typer.echo`` in one CLI module whose text is a literal or an f-string."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "typer.echo" and node.args:
            if isinstance(node.args[0], (ast.JoinedStr, ast.Constant)):
                found.append((path.name, ast.unparse(node.args[0])))
    return found


def test_the_cli_writes_no_text_of_its_own():
    written = [hit for path in sorted((PACKAGE / "cli").glob("*.py")) for hit in text_written_in_the_cli(path)]
    assert [hit for hit in written if hit not in CLI_TEXT_ALLOWED] == []
    assert set(written) == CLI_TEXT_ALLOWED  # the table holds nothing stale


def test_text_written_in_the_cli_is_found(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('import typer\ntyper.echo(f"{n} files")\ntyper.echo(render(x), nl=False)\ntyper.echo("done", err=True)\n')
    assert text_written_in_the_cli(sample) == [("sample.py", "f'{n} files'"), ("sample.py", "'done'")]

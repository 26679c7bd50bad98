"""Project settings from ``[tool.l10n]`` in the project's ``pyproject.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from l10n.errors import L10nError

PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Settings:
    """Where a project keeps its files and which languages it works in."""

    root: Path
    source_language: str = "en"
    target_languages: tuple[str, ...] = ("zh",)
    seeds: Path = Path("seeds")
    locales: Path = Path("locales")
    glossary: Path = Path("glossary")
    build: Path = Path("build")
    ignore_lines: tuple[str, ...] = ()
    # [tool.l10n.engine.NAME] tables, as (name, ((key, value), ...)) pairs
    engines: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()
    model_index: str | None = None  # URL of an argos package index (mirror or local copy)
    config_file: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for name in ("seeds", "locales", "glossary", "build"):
            value = getattr(self, name)
            if not value.is_absolute():
                object.__setattr__(self, name, self.root / value)

    def pot_path(self, domain: str) -> Path:
        """Return the template path of a domain: ``locales/<domain>.pot``."""
        return self.locales / f"{domain}.pot"

    def po_path(self, lang: str, domain: str) -> Path:
        """Return ``locales/<lang>/LC_MESSAGES/<domain>.po``."""
        return self.locales / lang / "LC_MESSAGES" / f"{domain}.po"

    def engine_tables(self) -> dict[str, dict[str, object]]:
        """Return the ``[tool.l10n.engine.NAME]`` tables as plain dicts."""
        return {name: dict(items) for name, items in self.engines}

    def relative(self, path: Path) -> str:
        """Return ``path`` relative to the project root where it lies inside it."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


_KEYS = {
    "source-language": "source_language",
    "target-languages": "target_languages",
    "seeds": "seeds",
    "locales": "locales",
    "glossary": "glossary",
    "build": "build",
    "ignore-lines": "ignore_lines",
    "engine": "engines",
    "model-index": "model_index",
}


def find_root(start: Path | None = None) -> Path:
    """Return the nearest directory at or above ``start`` that is an l10n project.

    A project is a directory whose ``pyproject.toml`` has a ``[tool.l10n]``
    table; failing that, the nearest directory with a ``seeds/`` folder.
    """
    start = (start or Path.cwd()).resolve()
    candidates = [start, *start.parents]
    for directory in candidates:
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_l10n_table(pyproject):
            return directory
    for directory in candidates:
        if (directory / "seeds").is_dir():
            return directory
    raise L10nError(
        f"no l10n project found in {start} or any folder above it",
        hint="run l10n inside a project (a pyproject.toml with [tool.l10n], "
        "or a folder with seeds/), or pass --root PATH",
    )


def _has_l10n_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\[tool\.l10n\]", text, re.MULTILINE) is not None


def load_settings(root: Path | None = None) -> Settings:
    """Read the settings of the project at ``root`` (found from the cwd if None)."""
    root = Path(root).resolve() if root is not None else find_root()
    if not root.is_dir():
        raise L10nError("project root is not a directory", path=root, hint="pass --root with an existing project folder")
    pyproject = root / PYPROJECT
    table: dict = {}
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise L10nError("not valid UTF-8", path=pyproject, hint="save the file as UTF-8") from exc
        except tomllib.TOMLDecodeError as exc:
            line = _toml_error_line(str(exc))
            raise L10nError(f"invalid TOML: {exc}", path=pyproject, line=line, hint="fix the syntax and run again") from exc
        table = data.get("tool", {}).get("l10n", {})
    values: dict = {}
    for key, value in table.items():
        attr = _KEYS.get(key)
        if attr is None:
            raise L10nError(
                f"unknown setting [tool.l10n] {key!r}",
                path=pyproject,
                hint=f"known settings: {', '.join(sorted(_KEYS))}",
            )
        values[attr] = _coerce(attr, value, pyproject)
    return Settings(root=root, config_file=pyproject if pyproject.is_file() else None, **values)


def _coerce(attr: str, value: object, pyproject: Path) -> object:
    if attr == "engines":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise L10nError(
                "[tool.l10n] engine must hold one table per engine, e.g. [tool.l10n.engine.argos]",
                path=pyproject,
                hint="write engine options as [tool.l10n.engine.NAME] tables of key = value",
            )
        return tuple((name, tuple(table.items())) for name, table in sorted(value.items()))
    if attr in ("target_languages", "ignore_lines"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise L10nError(f"[tool.l10n] {attr.replace('_', '-')} must be a list of strings", path=pyproject)
        return tuple(value)
    if not isinstance(value, str):
        raise L10nError(f"[tool.l10n] {attr.replace('_', '-')} must be a string", path=pyproject)
    return Path(value) if attr in ("seeds", "locales", "glossary", "build") else value


def _toml_error_line(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None

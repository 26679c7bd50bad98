"""Project settings from ``[tool.l10n]`` in the project's ``pyproject.toml``."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from l10n.errors import L10nError
from l10n.po.wrapping import Wrap
from l10n.text.layout import MODES as PARAGRAPH_MODES
from l10n.text.layout import Layout
from l10n.text.segrules import QUOTES, Quotes, Rules, project_rules

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
    wrap: Wrap | int = Wrap.GETTEXT  # how catalogues are wrapped when l10n writes them (``l10n.po.wrapping``)
    front_matter_keys: tuple[str, ...] = ("title", "description")  # translated front-matter keys (Markdown)
    max_input_mb: float = 64.0  # no input file (seed, catalogue, glossary, reference) may be larger
    allow_external_links: bool = False  # seeds/glossary files may be symbolic links leading outside the project
    paragraphs: str = Layout.AUTO  # a Layout: lines, blank-lines or auto (l10n.text.layout)
    quotes: str = Quotes.SPLIT  # a Quotes: split quotations sentence by sentence, or keep them whole
    abbreviations: tuple[str, ...] | tuple[tuple[str, tuple[str, ...]], ...] = ()
    no_break: tuple[tuple[str, str], ...] = ()  # (before, after) regular expressions
    seed: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # (name or glob, (setting, value)...)
    cluster: str | None = None  # Dask scheduler address that translate drafts on
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
        """Return ``locales/<lang>/LC_MESSAGES/<domain>.po``.

        Raises L10nError for a ``lang`` that is not one folder name (``/tmp/x``,
        ``../x``): ``build`` writes beside the catalogue and under ``build/<lang>``.
        """
        if lang in ("", ".", "..") or any(c in lang for c in "/\\\0") or os.path.isabs(lang):
            raise L10nError(
                f"not a language code: {lang!r}", hint="use a code such as zh, zh_TW, fr or pt_BR (a folder of locales/)"
            )
        return self.locales / lang / "LC_MESSAGES" / f"{domain}.po"

    def engine_tables(self) -> dict[str, dict[str, object]]:
        """Return the ``[tool.l10n.engine.NAME]`` tables as plain dicts."""
        return {name: dict(items) for name, items in self.engines}

    def input_policy(self):
        """Return the ``l10n.fsutil.InputPolicy`` these settings ask for."""
        from l10n.fsutil import InputPolicy

        return InputPolicy(int(self.max_input_mb * 1024 * 1024), self.allow_external_links, self.root)

    def segmentation(self, path: Path) -> tuple[str, Rules]:
        """Return (paragraph mode, rules) for one seed: ``[tool.l10n.seed."NAME"]`` over the project's.

        An exact file name wins over a glob; among globs the first listed wins.
        """
        name = Path(path).name
        chosen: dict[str, str] = {}
        exact = [dict(v) for k, v in self.seed if k == name]
        globs = [dict(v) for k, v in self.seed if k != name and fnmatchcase(name, k)]
        for table in (exact or globs[:1]):
            chosen.update(table)
        abbreviations: object = self.abbreviations
        if abbreviations and isinstance(abbreviations[0], tuple):
            abbreviations = {key: list(words) for key, words in abbreviations}
        rules = project_rules(
            abbreviations,
            [{"before": b, "after": a} for b, a in self.no_break],
            chosen.get("quotes", self.quotes),
            source=self.config_file,
        )
        return chosen.get("paragraphs", self.paragraphs), rules

    def relative(self, path: Path) -> str:
        """Return ``path`` relative to the project root where it lies inside it."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except (RuntimeError, OSError):  # a symbolic link loop: its name, not where it leads
            try:
                return Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
            except ValueError:
                return str(path)
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
    "wrap": "wrap",
    "front-matter-keys": "front_matter_keys",
    "max-input-mb": "max_input_mb",
    "allow-external-links": "allow_external_links",
    "paragraphs": "paragraphs",
    "quotes": "quotes",
    "abbreviations": "abbreviations",
    "no-break": "no_break",
    "seed": "seed",
    "cluster": "cluster",
    "engine": "engines",
    "model-index": "model_index",
}
_SEED_KEYS = {"paragraphs": PARAGRAPH_MODES, "quotes": QUOTES}


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
    from l10n.fsutil import read_input

    try:
        text = read_input(pyproject, "pyproject.toml").decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, L10nError):
        return False
    return re.search(r"^\[tool\.l10n\]", text, re.MULTILINE) is not None


def load_settings(root: Path | None = None) -> Settings:
    """Read the settings of the project at ``root`` (found from the cwd if None)."""
    root = Path(root).resolve() if root is not None else find_root()
    if not root.is_dir():
        raise L10nError("project root is not a directory", path=root, hint="pass --root with an existing project folder")
    pyproject = root / PYPROJECT
    table: dict = {}
    if os.path.lexists(pyproject):
        from l10n.fsutil import read_input

        try:
            data = tomllib.loads(read_input(pyproject, "pyproject.toml").decode("utf-8-sig"))
        except OSError as exc:
            raise L10nError(f"cannot read: {exc.strerror or exc}", path=pyproject, hint="check the file") from None
        except UnicodeDecodeError as exc:
            raise L10nError("not valid UTF-8", path=pyproject, hint="save the file as UTF-8") from exc
        except RecursionError:
            raise L10nError("invalid TOML: nested too deeply to read", path=pyproject, hint="fix the file and run again") from None
        except tomllib.TOMLDecodeError as exc:
            line = _toml_error_line(str(exc))
            raise L10nError(f"invalid TOML: {exc}", path=pyproject, line=line, hint="fix the syntax and run again") from exc
        tool = data.get("tool", {})
        table = tool.get("l10n", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise L10nError(
                "[tool.l10n] must be a table of settings, not a value", path=pyproject,
                hint='write it as a table: a line [tool.l10n] followed by settings such as target-languages = ["zh"]',
            )
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
    settings = Settings(root=root, config_file=pyproject if os.path.lexists(pyproject) else None, **values)
    settings.segmentation(Path("check.txt"))  # bad abbreviations or no-break rules fail here, before any work
    return settings


def _coerce(attr: str, value: object, pyproject: Path) -> object:
    if attr == "wrap":
        from l10n.po.wrapping import check_wrap

        return check_wrap(value, pyproject)
    if attr == "engines":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise L10nError(
                "[tool.l10n] engine must hold one table per engine, e.g. [tool.l10n.engine.argos]",
                path=pyproject,
                hint="write engine options as [tool.l10n.engine.NAME] tables of key = value",
            )
        return tuple((name, tuple(table.items())) for name, table in sorted(value.items()))
    if attr == "allow_external_links":
        if not isinstance(value, bool):
            raise L10nError("[tool.l10n] allow-external-links must be true or false", path=pyproject)
        return value
    if attr == "max_input_mb":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1024 * 1024:
            raise L10nError("[tool.l10n] max-input-mb must be a positive number of megabytes", path=pyproject)
        return float(value)
    if attr in ("abbreviations", "no_break", "seed", "paragraphs", "quotes"):
        return _segmentation_setting(attr, value, pyproject)
    if attr in ("target_languages", "ignore_lines", "front_matter_keys"):
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


def _segmentation_setting(attr: str, value: object, pyproject: Path) -> object:
    """Check and freeze the segmentation settings (paragraphs, quotes, abbreviations, no-break, seed)."""
    key = attr.replace("_", "-")
    if attr in _SEED_KEYS:
        if value not in _SEED_KEYS[attr]:
            raise L10nError(
                f"[tool.l10n] {key} must be one of {', '.join(map(repr, _SEED_KEYS[attr]))}, not {value!r}", path=pyproject
            )
        return value
    if attr == "abbreviations":
        project_rules(value, source=pyproject)  # checks the shape
        if isinstance(value, dict):
            return tuple((k, tuple(v) if isinstance(v, list) else (v,)) for k, v in value.items())
        return tuple(value) if isinstance(value, list) else (value,)
    if attr == "no_break":
        project_rules(no_break=value, source=pyproject)
        return tuple((item.get("before", ""), item.get("after", "")) for item in value)  # type: ignore[union-attr]
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise L10nError(
            "[tool.l10n.seed] must hold one table per seed name or glob",
            path=pyproject,
            hint='e.g. [tool.l10n.seed."letters-*.txt"] paragraphs = "blank-lines"',
        )
    frozen = []
    for name, table in value.items():
        for setting, choice in table.items():
            if setting not in _SEED_KEYS:
                raise L10nError(
                    f"unknown setting {setting!r} in [tool.l10n.seed.{name!r}]",
                    path=pyproject,
                    hint=f"known: {', '.join(sorted(_SEED_KEYS))}",
                )
            _segmentation_setting(setting, choice, pyproject)
        frozen.append((name, tuple(table.items())))
    return tuple(frozen)

"""The engine registry: engines found by name, built-ins and third-party plug-ins alike.

An engine is registered as a *provider*: a small object that names the
engine, lists the options it takes, says whether it covers a language pair
(and why), and builds the engine.  Built-ins are listed in ``BUILTIN`` as
``module:attribute`` strings and imported only when asked for; other packages
add engines through the ``l10n.engines`` entry-point group::

    [project.entry-points."l10n.engines"]
    mymt = "mymt.l10n_engine:PROVIDER"

A provider (see ``Provider``) has ``name``, ``summary``, ``auto_rank`` (higher
is preferred by ``--engine auto``; 0 means ``auto`` never picks it),
``options`` (a tuple of ``Option``), ``covers(source, target, options)`` →
``Coverage`` and ``build(source, target, options)`` → an ``Engine``.

Options come from ``[tool.l10n.engine.NAME]`` in ``pyproject.toml`` and from
the command line (``--engine-option key=value``, ``--device`` …); the command
line wins.  A choice is plain data (name, pair, options), so it can be
pickled and rebuilt in another process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol, Sequence, runtime_checkable

from l10n.engines import Engine
from l10n.errors import L10nError

ENTRY_POINT_GROUP = "l10n.engines"

BUILTIN: dict[str, str] = {
    "argos": "l10n.engines.builtin:ARGOS",
    "openai": "l10n.engines.openai:PROVIDER",
    "fallback": "l10n.engines.builtin:FALLBACK",
}

OptionValue = Any  # str, int, float or bool
Options = tuple[tuple[str, OptionValue], ...]


@dataclass(frozen=True)
class Option:
    """One option an engine takes (``device``, ``beam-size``, ``base-url`` …)."""

    name: str
    kind: type = str  # str, int, float or bool
    help: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None


@dataclass(frozen=True)
class Coverage:
    """Whether an engine can draft a pair now, and why (or why not)."""

    ok: bool
    reason: str
    warnings: tuple[str, ...] = ()


@runtime_checkable
class Provider(Protocol):
    """What the registry knows about one engine."""

    name: str
    summary: str
    auto_rank: int
    options: tuple[Option, ...]

    def covers(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Coverage:
        """Return whether the engine can draft ``source``→``target`` with these options."""
        ...

    def build(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Engine:
        """Load and return the engine (heavy imports happen here)."""
        ...


@dataclass(frozen=True)
class EngineChoice:
    """An engine picked for a pair, not yet built (building loads models).

    Plain data: it pickles, and ``build()`` in another process gives the same engine.
    """

    name: str
    reason: str
    source: str
    target: str
    options: Options = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def build(self) -> Engine:
        """Load and return the engine."""
        return get_provider(self.name).build(self.source, self.target, dict(self.options))


def _load(spec: str, where: str) -> Provider:
    from importlib import import_module

    module_name, _, attribute = spec.partition(":")
    try:
        obj = import_module(module_name)
        for part in attribute.split(".") if attribute else ():
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as exc:
        raise L10nError(f"cannot load engine {where} ({spec}: {exc})", hint="reinstall the package that provides it") from exc
    return _as_provider(obj, f"{where} ({spec})", "see l10n.engines.registry for the protocol")


def _as_provider(loaded: object, what: str, hint: str) -> Provider:
    """Return what a provider's reference names, a class instantiated; L10nError when it is no provider."""
    if isinstance(loaded, type):
        loaded = loaded()
    if not isinstance(loaded, Provider):
        raise L10nError(f"engine {what} is not an l10n engine provider", hint=hint)
    return loaded


def _entry_points() -> dict[str, Any]:
    from importlib.metadata import entry_points

    found = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(point.name, point)
    return found


def engine_names() -> list[str]:
    """Return every engine name: built-ins first (in preference order), then plug-ins."""
    return [*BUILTIN, *sorted(n for n in _entry_points() if n not in BUILTIN)]


def _unknown(name: str) -> L10nError:
    return L10nError(f"unknown engine {name!r}", hint=f"use one of: auto, {', '.join(engine_names())}")


def known_engine(name: str) -> str:
    """Return ``name`` if it is ``auto`` or a registered engine; L10nError naming the known ones otherwise.

    Only the name is checked (nothing is loaded): the command line's ``--engine``
    is checked with it before anything runs.
    """
    if name == "auto" or name in BUILTIN or name in _entry_points():
        return name
    raise _unknown(name)


def get_provider(name: str) -> Provider:
    """Return the provider registered as ``name``; L10nError naming the known ones otherwise.

    A plug-in cannot replace a built-in engine of the same name.
    """
    if name in BUILTIN:
        return _load(BUILTIN[name], repr(name))
    point = _entry_points().get(name)
    if point is None:
        raise _unknown(name)
    try:
        loaded = point.load()
    except Exception as exc:  # a broken plug-in must not give a traceback
        raise L10nError(f"cannot load engine {name!r} from {point.value} ({exc})", hint="reinstall the package that provides it") from exc
    return _as_provider(loaded, f"{name!r} ({point.value})", "see l10n.engines.registry")


def parse_cli_options(pairs: Sequence[str]) -> dict[str, str]:
    """Return ``--engine-option key=value`` arguments as a dict (later wins)."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise L10nError(f"--engine-option {pair!r} is not KEY=VALUE", hint="for example: --engine-option beam-size=2")
        out[key.strip()] = value.strip()
    return out


def _coerce(provider: Provider, option: Option, value: object, where: str) -> OptionValue:
    label = f"{where} option {option.name!r} of engine {provider.name!r}"
    if isinstance(value, str) and option.kind is not str:
        text = value.strip().lower()
        try:
            if option.kind is bool:
                if text not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(value)
                value = text in ("true", "1", "yes")
            else:
                value = option.kind(text)
        except ValueError as exc:
            raise L10nError(f"{label} must be {option.kind.__name__}, not {value!r}", hint=option.help or None) from exc
    if option.kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, option.kind) or (option.kind is int and isinstance(value, bool)):
        raise L10nError(f"{label} must be {option.kind.__name__}, not {value!r}", hint=option.help or None)
    if option.choices and value not in option.choices:
        raise L10nError(f"{label} is {value!r}", hint=f"use one of: {', '.join(option.choices)}")
    if option.minimum is not None and value < option.minimum:
        raise L10nError(f"{label} must be at least {option.minimum:g}, not {value!r}")
    return value


def resolve_options(
    provider: Provider,
    configured: Mapping[str, object] | None,
    cli: Mapping[str, object] | None,
    *,
    strict_cli: bool = True,
    config_file: object = None,
) -> tuple[Options, tuple[str, ...]]:
    """Return the engine's options (config, then command line on top) and those dropped.

    Unknown keys raise L10nError naming the known ones; with ``strict_cli`` False
    (``--engine auto``) command-line options the engine does not take are
    dropped and returned instead, since the user did not know which engine
    would be picked.
    """
    known = {o.name: o for o in provider.options}
    hint = f"engine {provider.name!r} takes: {', '.join(known) or 'no options'}"
    values: dict[str, OptionValue] = {}
    for key, value in (configured or {}).items():
        if key not in known:
            raise L10nError(f"unknown option {key!r} in [tool.l10n.engine.{provider.name}]", path=config_file, hint=hint)
        values[key] = _coerce(provider, known[key], value, f"[tool.l10n.engine.{provider.name}]")
    dropped = []
    for key, value in (cli or {}).items():
        if value is None:
            continue
        if key not in known:
            if strict_cli:
                raise L10nError(f"unknown option {key!r} for engine {provider.name!r}", hint=hint)
            dropped.append(key)
            continue
        values[key] = _coerce(provider, known[key], value, "command-line")
    return tuple(sorted(values.items())), tuple(dropped)


def choose_engine(
    name: str,
    source: str,
    target: str,
    *,
    configured: Mapping[str, Mapping[str, object]] | None = None,
    cli_options: Mapping[str, object] | None = None,
    config_file: object = None,
) -> EngineChoice:
    """Return the engine to use for ``source``→``target`` and the reason.

    ``configured`` holds the ``[tool.l10n.engine.NAME]`` tables; ``cli_options``
    the command line's.  ``auto`` asks every engine with an ``auto_rank`` above
    0, best rank first, and takes the first that covers the pair; the reason
    says why it won and why better-ranked ones did not.  Nothing heavy is
    imported here (models are loaded by ``EngineChoice.build``).
    """
    configured = configured or {}
    if name != "auto":
        provider = get_provider(name)
        options, _ = resolve_options(provider, configured.get(name), cli_options, config_file=config_file)
        coverage = provider.covers(source, target, dict(options))
        if not coverage.ok:
            raise L10nError(coverage.reason, hint=f"use another engine (--engine {', '.join(n for n in engine_names() if n != name)})")
        return EngineChoice(name, f"asked for with --engine {name}; {coverage.reason}", source, target, options, coverage.warnings)
    passed_over = []
    providers = []
    for candidate in engine_names():
        try:
            providers.append(get_provider(candidate))
        except L10nError as exc:
            passed_over.append(f"{candidate}: {exc.message}")
    for provider in sorted((p for p in providers if p.auto_rank > 0), key=lambda p: -p.auto_rank):
        options, dropped = resolve_options(
            provider, configured.get(provider.name), cli_options, strict_cli=False, config_file=config_file
        )
        coverage = provider.covers(source, target, dict(options))
        if not coverage.ok:
            passed_over.append(f"{provider.name}: {coverage.reason}")
            continue
        reason = coverage.reason
        if passed_over:
            reason += " (passed over: " + "; ".join(passed_over) + ")"
        if dropped:
            reason += f" (options it does not take, ignored: {', '.join(dropped)})"
        return EngineChoice(provider.name, reason, source, target, options, coverage.warnings)
    raise L10nError(
        f"no engine can draft {source}→{target}: " + "; ".join(passed_over),
        hint="install a model with `l10n model install SOURCE TARGET`, or configure [tool.l10n.engine.openai]",
    )


@dataclass(frozen=True)
class PairCoverage:
    """Whether one engine covers one of the project's pairs (``l10n engines``)."""

    source: str | None
    target: str
    ok: bool | None  # None: its options or its coverage check failed; ``reason`` says why
    reason: str


@dataclass(frozen=True)
class EngineListing:
    """One registered engine as ``l10n engines`` lists it."""

    name: str
    summary: str = ""
    auto: bool = True  # whether ``--engine auto`` may pick it
    options: tuple[str, ...] = ()
    pairs: tuple[PairCoverage, ...] = ()
    error: str | None = None  # why it cannot be loaded


def list_engines(
    source: str | None, targets: Sequence[str] | None, tables: Mapping[str, Mapping[str, object]]
) -> tuple[EngineListing, ...]:
    """Return every registered engine with its options and whether it covers ``source``→each target.

    ``tables`` are the project's ``[tool.l10n.engine.NAME]`` option tables.  An
    engine that cannot be loaded is listed with the error instead.
    """
    listed = []
    for name in engine_names():
        try:
            provider = get_provider(name)
        except L10nError as exc:
            listed.append(EngineListing(name, error=exc.message))
            continue
        pairs = []
        for target in targets or ():
            try:
                options, _ = resolve_options(provider, tables.get(name), None)
                coverage = provider.covers(source or "en", target, dict(options))
                pairs.append(PairCoverage(source, target, coverage.ok, coverage.reason))
            except L10nError as exc:
                pairs.append(PairCoverage(source, target, None, exc.message))
        listed.append(
            EngineListing(
                name, provider.summary, provider.auto_rank > 0, tuple(o.name for o in provider.options), tuple(pairs)
            )
        )
    return tuple(listed)

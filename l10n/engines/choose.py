"""Which engine drafts a language pair, and why (``--engine auto|argos|fallback``)."""

from __future__ import annotations

from dataclasses import dataclass

from l10n.engines import Engine
from l10n.errors import L10nError

ENGINES = ("auto", "argos", "fallback")


@dataclass(frozen=True)
class EngineChoice:
    """An engine picked for a pair, not yet built (building loads models)."""

    name: str
    reason: str
    source: str
    target: str

    def build(self) -> Engine:
        """Load and return the engine."""
        if self.name == "argos":
            from l10n.engines.argos import ArgosEngine

            return ArgosEngine.for_pair(self.source, self.target)
        from l10n.engines.fallback import FallbackEngine

        return FallbackEngine(self.source, self.target)


def choose_engine(name: str, source: str, target: str) -> EngineChoice:
    """Return the engine to use for ``source``→``target`` and the reason.

    ``auto`` picks argos when an argos model for the pair is installed and the
    built-in dictionary fallback otherwise.  Nothing heavy is imported here.
    """
    if name not in ENGINES:
        raise L10nError(f"unknown engine {name!r}", hint=f"use one of: {', '.join(ENGINES)}")
    pair = f"{source}→{target}"
    if name == "fallback":
        return EngineChoice("fallback", "asked for with --engine fallback", source, target)
    from l10n.models import find_package

    package = find_package(source, target)
    if package is not None:
        why = "asked for with --engine argos" if name == "argos" else f"an argos model for {pair} is installed"
        return EngineChoice("argos", f"{why} ({package.describe()})", source, target)
    if name == "argos":
        raise L10nError(
            f"no argos model for {pair} is installed",
            hint="install one with `l10n model install FILE.argosmodel`, or use --engine fallback",
        )
    return EngineChoice(
        "fallback",
        f"no argos model for {pair} is installed (add one with `l10n model install FILE.argosmodel`); "
        "using the built-in dictionary fallback, whose drafts are low quality",
        source,
        target,
    )

"""Registry rows of the built-in offline engines: argos (installed packages) and the dictionary fallback.

Each provider is cheap to import: the engine modules (CTranslate2,
SentencePiece, the dictionary) are imported in ``build``.
"""

from __future__ import annotations

from typing import Mapping

from l10n.engines import Engine
from l10n.engines.registry import Coverage, Option, OptionValue

COMPUTE_TYPES = (
    "auto", "default", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
    "int16", "float16", "bfloat16", "float32",
)

# Options every CTranslate2-backed engine takes; the CLI has a flag for each
# of the first four (--device, --compute-type, --threads, --beam-size).
CTRANSLATE2_OPTIONS = (
    Option("device", str, "auto uses a GPU when CTranslate2 sees one", ("auto", "cpu", "cuda")),
    Option("compute-type", str, "CTranslate2 compute type (default: int8 on CPU, auto on GPU)", COMPUTE_TYPES),
    Option("threads", int, "CPU threads for one translation (default: every core)", minimum=1),
    Option("beam-size", int, "beam width (argostranslate uses 4)", minimum=1),
    Option("max-batch-size", int, "sentences per CTranslate2 batch", minimum=1),
    Option("max-decoding-length", int, "longest draft in tokens", minimum=1),
)


class ArgosProvider:
    """argostranslate packages installed in the models folder, driven through CTranslate2."""

    name = "argos"
    summary = "installed argostranslate package for the pair (offline, CTranslate2)"
    auto_rank = 50
    options = CTRANSLATE2_OPTIONS

    def covers(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Coverage:
        """Covered when a package for the pair is installed."""
        from l10n.engines.packages import argos_code, find_package

        package = find_package(source, target)
        if package is None:
            pair = f"{argos_code(source)}→{argos_code(target)}"
            return Coverage(False, f"no argos model for {pair} is installed (`l10n model install {source} {target}`)")
        return Coverage(True, f"an argos model for the pair is installed ({package.describe()})")

    def build(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Engine:
        """Load the installed package of the pair with the given device and decoding options."""
        from l10n.engines.argos import ArgosEngine

        kwargs = {key.replace("-", "_"): value for key, value in options.items()}
        return ArgosEngine.for_pair(source, target, **kwargs)


class FallbackProvider:
    """The built-in English→Chinese dictionary drafts (low quality, always available)."""

    name = "fallback"
    summary = "built-in CC-CEDICT word-by-word drafts, English→Chinese only (low quality)"
    auto_rank = 1
    options: tuple[Option, ...] = ()

    def covers(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Coverage:
        """Covered for English into Chinese (Simplified, or Traditional through OpenCC)."""
        from l10n.engines.fallback import covers, refusal

        if not covers(source, target):
            return Coverage(False, refusal(source, target).message)
        return Coverage(True, "the built-in dictionary fallback, whose drafts are low quality")

    def build(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Engine:
        """Return the dictionary engine (the dictionary loads on first use)."""
        from l10n.engines.fallback import FallbackEngine

        return FallbackEngine(source, target)


ARGOS = ArgosProvider()
FALLBACK = FallbackProvider()

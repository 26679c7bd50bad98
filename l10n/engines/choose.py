"""Which engine drafts a language pair, and why (``--engine auto|NAME``).

Kept for existing imports; the registry (``l10n.engines.registry``) does the work.
"""

from __future__ import annotations

from l10n.engines.registry import EngineChoice, choose_engine, engine_names

__all__ = ["EngineChoice", "choose_engine", "engine_names"]

"""Machine translation engines behind one small protocol.

An engine turns a batch of source sentences into a batch of target sentences.
Heavy imports (CTranslate2, SentencePiece, dictionaries) happen when an engine
is built, never when ``l10n`` is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence


@dataclass(frozen=True)
class EngineInfo:
    """What a draft's provenance comment says about the engine that made it."""

    name: str  # registry name: "argos", "fallback", ...
    model: str  # model identity, e.g. "translate-en_zh-1_9" or "cc-cedict-2024-01"
    quality: str = "draft"  # "draft", or "low" for dictionary drafts


class Engine(Protocol):
    """Anything that translates a batch of sentences from one language to another."""

    info: EngineInfo

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Return one translation per input sentence, in order."""
        ...

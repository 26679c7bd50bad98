"""Machine translation engines behind one small protocol.

An engine turns a batch of source sentences into a batch of target sentences.
Heavy imports (CTranslate2, SentencePiece, dictionaries) happen when an engine
is built, never when ``l10n`` is imported.

Also owns the argos packages an engine runs on: ``packages`` (install,
find), ``package_index`` (the online index, used only by ``l10n model
install``), ``package_archive`` (reading an ``.argosmodel`` safely).
New engines register in ``registry`` (built-ins in ``builtin``, others by
the ``l10n.engines`` entry point).

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``.  Must not import
catalogues, settings, glossaries, formats, checks or stages: an engine sees
sentences, never files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence, runtime_checkable


@dataclass(frozen=True)
class EngineInfo:
    """What a draft's provenance comment says about the engine that made it."""

    name: str  # registry name: "argos", "fallback", ...
    model: str  # model identity, e.g. "translate-en_zh-1.9" or "cc-cedict-20240101"
    quality: str = "draft"  # "draft", or "low" for dictionary drafts (l10n.po.provenance.Quality: engines may not import po)
    keeps_placeholders: bool = False  # copies {{T0}} placeholders verbatim
    settings: str = ""  # decoding settings, compact: "cpu,int8,beam4"; "" when none matter

    def describe(self) -> str:
        """Return ``name model [settings]`` for summaries and provenance."""
        return f"{self.name} {self.model}" + (f" [{self.settings}]" if self.settings else "")


@runtime_checkable
class Engine(Protocol):
    """Anything that translates a batch of sentences from one language to another."""

    info: EngineInfo

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Return one translation per input sentence, in order."""
        ...


@runtime_checkable
class NBestEngine(Engine, Protocol):
    """An engine that can also return several ranked hypotheses per sentence."""

    def hypotheses_batch(self, sentences: Sequence[str], n: int) -> list[list[str]]:
        """Return up to ``n`` hypotheses per input sentence, best first."""
        ...


@runtime_checkable
class TermAwareEngine(Engine, Protocol):
    """An engine that can be told the glossary renderings a sentence requires (an LLM)."""

    def translate_with_terms(
        self, sentences: Sequence[str], terms: Sequence[Sequence[tuple[str, str]]], insist: bool = False
    ) -> list[str]:
        """Return one translation per sentence, asked to use ``terms`` (source, target) pairs."""
        ...

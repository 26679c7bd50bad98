"""Where drafting runs: in this process, or on a Dask cluster (``l10n.drafting.cluster``).

The translate stage plans and applies drafts in one process: it holds the
lock, decides which entries need drafts, never overwrites a person's text and
saves atomically.  An executor only does the pure, costly part: a batch of
source sentences in, glossary-enforced drafts out.  Both executors draft the
same batches with the same engine and the same ``Enforcer``, so a cluster run
writes byte for byte what a single-process run writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, Iterator, Protocol

from l10n.drafting.enforcement import Draft, Enforcer
from l10n.engines import Engine, EngineInfo
from l10n.engines.registry import EngineChoice
from l10n.glossary.model import Glossary

EngineFactory = Callable[[EngineChoice], Engine]


@dataclass(frozen=True)
class DraftSpec:
    """What drafting one language needs, apart from the sentences; picklable.

    ``build`` replaces ``choice.build`` (tests pass a fake engine's factory); on
    a cluster it must be a module-level function the workers can import.
    """

    choice: EngineChoice
    glossary: Glossary | None
    lang: str
    build: EngineFactory | None = None

    @property
    def key(self) -> str:
        """Identity of the engine and enforcer this spec builds (one per worker)."""
        version = self.glossary.version if self.glossary is not None else "none"
        factory = f"{self.build.__module__}.{self.build.__qualname__}" if self.build else "default"
        c = self.choice
        return f"{c.name}|{c.source}|{c.target}|{self.lang}|{version}|{factory}"


@dataclass(frozen=True)
class Batch:
    """Sentences to draft for one spec; ``ticket`` tells the driver where they go."""

    spec: DraftSpec
    sources: tuple[str, ...]
    ticket: Hashable = None


@dataclass(frozen=True)
class BatchResult:
    """The drafts of one batch, in order, and the engine that made them."""

    drafts: tuple[Draft, ...]
    info: EngineInfo


class Drafter:
    """An engine and its glossary enforcer for one spec, built once and reused."""

    def __init__(self, spec: DraftSpec) -> None:
        build = spec.build or (lambda choice: choice.build())
        self.engine = build(spec.choice)
        self.enforcer = Enforcer(spec.glossary, spec.lang)

    def draft(self, sources: Iterable[str]) -> BatchResult:
        """Return the enforced drafts of ``sources``."""
        drafts = self.enforcer.draft(self.engine, list(sources))
        return BatchResult(tuple(drafts), self.engine.info)


class Executor(Protocol):
    """Turns batches into results; may yield them in any order."""

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, BatchResult]]:
        """Yield each batch with its result as soon as it is ready."""
        ...


class LocalExecutor:
    """Drafts in this process, one batch after another, in order.

    The engine of a spec is built on its first batch, so a run whose entries
    all come from translation memory loads no model.
    """

    def __init__(self) -> None:
        self._drafters: dict[str, Drafter] = {}

    def prepare(self, spec: DraftSpec) -> None:
        """Build the engine of ``spec`` now (translate does, before its first write, to refuse a broken model)."""
        if spec.key not in self._drafters:
            self._drafters[spec.key] = Drafter(spec)

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, BatchResult]]:
        for batch in batches:
            self.prepare(batch.spec)
            yield batch, self._drafters[batch.spec.key].draft(batch.sources)

    def close(self) -> None:
        """Forget the engines (nothing else to release)."""
        self._drafters.clear()

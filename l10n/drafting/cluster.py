"""Drafting on a Dask cluster: ``translate --cluster tcp://host:8786`` or ``--workers N``.

Only batches of sentences travel: the driver keeps the catalogues, the lock
and the saves (``l10n.translate``).  Each worker builds the engine of a spec
once, on its first batch, and keeps it in a worker plugin, so a model is
loaded once per worker and not once per batch.  Glossary enforcement runs on
the worker, next to the engine that needs it for n-best reranking.

Faults: Dask reruns the batches of a worker that dies elsewhere; a failure
to build the engine on a worker (no model there) comes back as a value and
becomes one error naming the worker; a lost scheduler becomes one error,
after which the driver saves what arrived.

This module imports ``distributed``: it is loaded only when a cluster is
asked for (the ``cluster`` extra).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Iterable, Iterator

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from l10n.drafting.executor import Batch, BatchResult, Drafter, DraftSpec
from l10n.errors import L10nError

PLUGIN = "l10n-drafters"


@dataclass(frozen=True)
class WorkerFailure:
    """A batch a worker could not draft, returned instead of raised (never retried)."""

    worker: str
    message: str
    hint: str | None = None


class DrafterCache(WorkerPlugin):
    """Keeps each spec's engine on the worker for the worker's lifetime."""

    name = PLUGIN

    def __init__(self) -> None:
        self.drafters: dict[str, Drafter] = {}
        self.builds = 0

    def drafter(self, spec: DraftSpec) -> Drafter:
        """Return the spec's drafter, building it (loading the model) the first time."""
        drafter = self.drafters.get(spec.key)
        if drafter is None:
            drafter = self.drafters[spec.key] = Drafter(spec)
            self.builds += 1
        return drafter


def draft_on_worker(spec: DraftSpec, sources: tuple[str, ...]) -> BatchResult | WorkerFailure:
    """The task: draft ``sources`` with the worker's cached drafter."""
    worker = get_worker()
    cache = worker.plugins.get(PLUGIN)
    if not isinstance(cache, DrafterCache):
        cache = worker.plugins[PLUGIN] = DrafterCache()
    try:
        return cache.drafter(spec).draft(sources)
    except L10nError as exc:
        where = f" ({exc.location})" if exc.location else ""
        return WorkerFailure(worker.address, exc.message + where, exc.hint)
    except Exception as exc:  # an engine that breaks on a worker: name the worker
        return WorkerFailure(worker.address, f"{type(exc).__name__}: {exc}")


def _prepare_on_worker(spec: DraftSpec, dask_worker=None) -> WorkerFailure | None:
    """Build the spec's drafter on this worker now; return the failure, if any."""
    cache = dask_worker.plugins.get(PLUGIN)
    if not isinstance(cache, DrafterCache):
        cache = dask_worker.plugins[PLUGIN] = DrafterCache()
    try:
        cache.drafter(spec)
    except L10nError as exc:
        where = f" ({exc.location})" if exc.location else ""
        return WorkerFailure(dask_worker.address, exc.message + where, exc.hint)
    except Exception as exc:  # an engine that breaks on a worker: name the worker
        return WorkerFailure(dask_worker.address, f"{type(exc).__name__}: {exc}")
    return None


def _model_loads(dask_worker) -> int:
    cache = dask_worker.plugins.get(PLUGIN)
    return cache.builds if isinstance(cache, DrafterCache) else 0


def _keep_malloc_defaults() -> None:
    """Start local workers without Dask's ``MALLOC_TRIM_THRESHOLD_=65536``.

    Dask sets it in every worker's environment to hand memory back to the OS
    sooner; with it, CTranslate2 drafting ran 3.7x slower here (glibc trims
    on nearly every free).  Set for this process's Dask configuration, so a
    worker the nanny restarts after a crash starts the same way.
    """
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    if environ.pop("MALLOC_TRIM_THRESHOLD_", None) is not None:
        dask.config.set({"distributed.nanny.pre-spawn-environ": environ})


class DaskExecutor:
    """Sends batches to a Dask cluster and yields results as they complete.

    ``address`` connects to a running scheduler; without one, a local cluster
    of ``workers`` processes (one thread each) is started on 127.0.0.1 and
    stopped on ``close``.  At most ``in_flight`` batches are queued at once
    (default: twice the cluster's threads), so memory stays flat and a
    Ctrl-C loses little work.
    """

    def __init__(self, address: str | None = None, workers: int | None = None, *, in_flight: int | None = None,
                 connect_timeout: float = 10.0) -> None:
        self.address = address
        self.workers = workers
        self._in_flight = in_flight
        self._timeout = connect_timeout
        self._cluster: LocalCluster | None = None
        self.client: Client | None = None
        self._specs: dict[str, object] = {}

    @property
    def where(self) -> str:
        """Where the drafting runs, for the summary."""
        if self.address:
            return f"Dask scheduler {self.address}"
        return f"local Dask cluster of {self.workers or 'default'} workers"

    def start(self) -> "DaskExecutor":
        """Connect (or start the local cluster) and install the worker plugin."""
        try:
            if self.address:
                self.client = Client(self.address, timeout=self._timeout, set_as_default=False)
            else:
                _keep_malloc_defaults()
                environ = dict(os.environ)
                try:
                    self._cluster = LocalCluster(
                        n_workers=self.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, silence_logs=50,
                    )
                finally:
                    # Dask leaves its workers' variables (OMP_NUM_THREADS=1, ...) in this
                    # process's environment; put it back as it was.
                    os.environ.clear()
                    os.environ.update(environ)
                self.client = Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise L10nError(
                f"cannot reach the Dask scheduler at {self.address}: {exc}",
                hint="start it (`dask scheduler`) and its workers, check the address, or drop --cluster to draft here",
            ) from exc
        self.client.register_plugin(DrafterCache(), name=PLUGIN)
        return self

    def __enter__(self) -> "DaskExecutor":
        return self.start() if self.client is None else self

    def __exit__(self, *exc) -> None:
        self.close()

    def threads(self) -> int:
        """Total worker threads of the cluster now."""
        assert self.client is not None
        return max(1, sum(self.client.nthreads().values()))

    def model_loads(self) -> dict[str, int]:
        """How many engines each worker built in its lifetime (one per spec when healthy)."""
        assert self.client is not None
        return self.client.run(_model_loads)

    def prepare(self, spec: DraftSpec) -> None:
        """Build the spec's engine on every worker now (translate does, before its first write).

        A worker that cannot (no model there, a broken package) is named in
        the error, and the run is refused with every file as it was.
        """
        if self.client is None:
            self.start()
        try:
            results = self.client.run(_prepare_on_worker, spec)
        except Exception as exc:  # the scheduler or a worker went away meanwhile
            raise L10nError(
                f"could not prepare the workers of {self.where}: {type(exc).__name__}: {exc}",
                hint="check the cluster and run the same command again",
            ) from exc
        for failure in results.values():
            if isinstance(failure, WorkerFailure):
                raise L10nError(f"worker {failure.worker} could not draft: {failure.message}", hint=failure.hint)

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, BatchResult]]:
        """Submit the batches, at most ``in_flight`` at a time; yield them as they finish."""
        if self.client is None:
            self.start()
        client = self.client
        limit = self._in_flight or 2 * self.threads()
        pending: dict[str, Batch] = {}
        done = as_completed(loop=client.loop)
        for batch in batches:
            while len(pending) >= limit:
                yield self._collect(next(done), pending)
            future = client.submit(
                draft_on_worker, self._spec(batch.spec), batch.sources,
                key=f"l10n-draft-{uuid.uuid4().hex}", pure=False,
            )
            pending[future.key] = batch
            done.add(future)
        while pending:
            yield self._collect(next(done), pending)

    def _spec(self, spec: DraftSpec):
        """The spec sent to every worker once (a glossary can be large), by key."""
        future = self._specs.get(spec.key)
        if future is None:
            future = self._specs[spec.key] = self.client.scatter(spec, broadcast=True, hash=False)
        return future

    def _collect(self, future, pending: dict[str, Batch]) -> tuple[Batch, BatchResult]:
        batch = pending.pop(future.key)
        try:
            result = future.result()
        except L10nError:
            raise
        except Exception as exc:  # scheduler gone, a batch that killed several workers, ...
            raise L10nError(
                f"drafting on {self.where} failed: {type(exc).__name__}: {exc}",
                hint="the drafts that arrived are saved; check the cluster and run the same command again to continue",
            ) from exc
        if isinstance(result, WorkerFailure):
            raise L10nError(f"worker {result.worker} could not draft: {result.message}", hint=result.hint)
        return batch, result

    def close(self) -> None:
        """Release the client, and stop the local cluster if this executor started it."""
        client, cluster = self.client, self._cluster
        self.client, self._cluster, self._specs = None, None, {}
        for thing in (client, cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # closing after the scheduler died: nothing left to release
                    pass

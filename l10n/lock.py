"""One writer at a time per project: a lock file beside the catalogues."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from l10n.errors import L10nError

LOCK_NAME = ".l10n.lock"


@contextmanager
def project_lock(locales: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold the project's write lock; wait up to ``timeout`` seconds, then refuse.

    The lock is an OS file lock (released by the kernel if the holder dies),
    so a killed run never leaves the project locked.
    """
    from filelock import FileLock, Timeout

    locales.mkdir(parents=True, exist_ok=True)
    path = locales / LOCK_NAME
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise L10nError(
            f"another l10n command is writing this project's catalogues (waited {timeout:g} s)",
            path=path,
            hint="wait for it to finish, then run the command again",
        ) from None
    try:
        _remove_stale_temporaries(locales)
        yield
    finally:
        lock.release()


def _remove_stale_temporaries(locales: Path) -> None:
    """Delete temporary files a killed writer left (we hold the lock: no one is writing)."""
    for pattern in (".*.po.*.tmp", ".*.pot.*.tmp", ".*.drafts.json.*.tmp"):
        for leftover in locales.rglob(pattern):
            try:
                leftover.unlink()
            except OSError:
                pass

"""One writer at a time per project: a lock file beside the catalogues."""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from l10n.errors import L10nError
from l10n.fsutil import check_output

LOCK_NAME = ".l10n.lock"


@contextmanager
def project_lock(locales: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold the project's write lock; wait up to ``timeout`` seconds, then refuse.

    The lock is an OS file lock (released by the kernel if the holder dies),
    so a killed run never leaves the project locked.
    """
    from filelock import FileLock, Timeout

    path = Path(locales) / LOCK_NAME
    check_output(path)  # a locales/ linking outside the project gets no lock file either
    try:
        Path(locales).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise L10nError(
            f"cannot create the catalogue folder: {exc.strerror or exc}",
            path=locales,
            hint="check that the path is a folder l10n may write to ([tool.l10n] locales)",
        ) from None
    _refuse_odd_lock(path)
    lock = FileLock(str(path), timeout=timeout)
    try:
        # filelock retries a lock file it cannot create until the timeout, then
        # blames another run (locales = "/proc/self"): try once ourselves first.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644))
        lock.acquire()
    except Timeout:
        raise L10nError(
            f"another l10n command is writing this project's catalogues (waited {timeout:g} s)",
            path=path,
            hint="wait for it to finish, then run the command again",
        ) from None
    except OSError as exc:
        raise L10nError(
            f"cannot take the project lock: {exc.strerror or exc}",
            path=path,
            hint=f"l10n needs to create and write this file: make {locales} writable "
            "(permissions, owner, a read-only mount), or remove a lock file it cannot open",
        ) from None
    try:
        _remove_stale_temporaries(locales)
        yield
    finally:
        lock.release()


def _refuse_odd_lock(path: Path) -> None:
    """L10nError if the lock file exists and is not a plain file (a folder, a link, a FIFO)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise L10nError(f"cannot inspect the lock file: {exc.strerror or exc}", path=path, hint="check the folder's permissions") from None
    if stat.S_ISREG(mode):
        return
    kind = "a symbolic link" if stat.S_ISLNK(mode) else "a directory" if stat.S_ISDIR(mode) else "not a regular file"
    raise L10nError(
        f"the lock file is {kind}; l10n locks the project with a plain file of its own",
        path=path,
        hint="remove it (no l10n command keeps anything there) and run the command again",
    )


def _remove_stale_temporaries(locales: Path) -> None:
    """Delete temporary files a killed writer left (we hold the lock: no one is writing)."""
    for pattern in (".*.po.*.tmp", ".*.pot.*.tmp", ".*.drafts.json.*.tmp"):
        for leftover in locales.rglob(pattern):
            try:
                leftover.unlink()
            except OSError:
                pass

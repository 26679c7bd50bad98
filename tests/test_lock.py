"""The project lock: one writer at a time, leftovers of killed writers cleaned up."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.project.lock import LOCK_NAME, project_lock


def test_second_holder_is_refused_with_a_clear_message(tmp_path):
    with project_lock(tmp_path):
        with pytest.raises(L10nError) as error:
            with project_lock(tmp_path, timeout=0.1):
                pass
    assert LOCK_NAME in str(error.value) and "wait for it to finish" in str(error.value)
    with project_lock(tmp_path, timeout=0.1):  # released again
        pass


def test_temporary_files_of_a_killed_writer_are_removed(tmp_path):
    folder = tmp_path / "zh" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    leftover = folder / ".doc.po.abc123.tmp"
    leftover.write_text("half a file")
    other = folder / "notes.tmp"
    other.write_text("not ours")
    with project_lock(tmp_path):
        assert not leftover.exists()
    assert other.exists()


# --- lock files l10n cannot use: a clear error, exit 2 in the CLI ------------

import os


@pytest.mark.parametrize("make", ["directory", "symlink", "fifo"])
def test_a_lock_file_that_is_not_a_plain_file_is_refused(tmp_path, make):
    lock = tmp_path / LOCK_NAME
    if make == "directory":
        lock.mkdir()
    elif make == "symlink":
        lock.symlink_to(tmp_path.parent / "elsewhere.lock")
    else:
        os.mkfifo(lock)
    with pytest.raises(L10nError) as error:
        with project_lock(tmp_path, timeout=0.1):
            pass
    assert "the lock file is a" in str(error.value) or "not a regular file" in str(error.value)
    assert "remove it" in str(error.value)
    assert not (tmp_path.parent / "elsewhere.lock").exists(), "nothing created where the link points"


def test_locales_that_is_a_file_is_refused(tmp_path):
    locales = tmp_path / "locales"
    locales.write_text("not a folder")
    with pytest.raises(L10nError, match="locales: is a file where l10n needs a folder"):
        with project_lock(locales, timeout=0.1):
            pass


def test_a_lock_file_of_mode_000_is_used_by_root_as_the_system_allows(tmp_path):
    """Root may open any file: mode 000 is no obstacle (documented success); others get an error (below)."""
    lock = tmp_path / LOCK_NAME
    lock.touch()
    lock.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(L10nError, match="cannot take the project lock"):
            with project_lock(tmp_path, timeout=0.1):
                pass
        return
    with project_lock(tmp_path, timeout=0.1):
        pass


def _as_nobody(folder):
    """Take the lock in a child process running as user nobody; return what it raised (a string)."""
    with project_lock(folder.parent / "warm-up", timeout=0.1):  # import filelock's lazy parts before dropping rights
        pass
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(reader)
        try:
            os.setgid(65534)
            os.setuid(65534)
            with project_lock(folder, timeout=0.1):
                result = "acquired"
        except L10nError as exc:
            result = "L10nError: " + str(exc)
        except BaseException as exc:  # noqa: BLE001
            result = f"{type(exc).__name__}: {exc}"
        os.write(writer, result.encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as handle:
        result = handle.read().decode()
    os.waitpid(pid, 0)
    return result


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root to become another user")
@pytest.mark.parametrize("case", ["read-only locales", "lock file mode 000"])
def test_a_user_without_write_access_gets_a_clear_error(case):
    """CI runs as root, which ignores permissions: a forked child drops to nobody to see what users see."""
    import shutil
    import tempfile
    from pathlib import Path

    base = Path(tempfile.mkdtemp(prefix="l10n-lock-"))  # pytest's own folders are closed to other users
    base.chmod(0o755)
    try:
        _check_as_nobody(base / "locales", case)
    finally:
        shutil.rmtree(base)


def _check_as_nobody(folder, case):
    folder.mkdir()
    if case == "read-only locales":
        folder.chmod(0o555)
    else:
        folder.chmod(0o777)
        (folder / LOCK_NAME).touch()
        (folder / LOCK_NAME).chmod(0)
    result = _as_nobody(folder)
    assert result.startswith("L10nError: "), result
    assert "cannot take the project lock: Permission denied" in result and "make" in result and "writable" in result


def test_a_locales_folder_linking_outside_the_project_gets_no_lock_file(tmp_path):
    from l10n.fsutil import InputPolicy, using_policy

    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "locales").symlink_to(outside)
    with using_policy(InputPolicy(root=project)):
        with pytest.raises(L10nError, match="would write outside the project"):
            with project_lock(project / "locales", timeout=0.1):
                pass
    assert list(outside.iterdir()) == []


def test_a_lock_file_that_cannot_be_created_is_said_at_once_not_blamed_on_another_run():
    """``locales = "/proc/self"``: filelock retried for the whole timeout, then said another run held the lock."""
    import time

    started = time.monotonic()
    with pytest.raises(L10nError) as info:
        with project_lock(Path("/proc/self"), timeout=30):
            pass
    assert time.monotonic() - started < 5
    assert "cannot take the project lock" in str(info.value) and "another l10n command" not in str(info.value)

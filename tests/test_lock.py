"""The project lock: one writer at a time, leftovers of killed writers cleaned up."""

from __future__ import annotations

import pytest

from l10n.errors import L10nError
from l10n.lock import LOCK_NAME, project_lock


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

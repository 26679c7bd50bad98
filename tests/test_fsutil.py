"""Reading inputs (only regular files, under the size cap, never blocking) and writing named outputs."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.fsutil import InputPolicy, check_input, check_name, read_input, using_policy, write_output

MB = 1024 * 1024


@pytest.fixture
def no_hang():
    """Fail a test that blocks (on a FIFO) instead of hanging the suite."""
    import signal

    def expired(signum, frame):
        raise TimeoutError("blocked: the code under test waited on a FIFO or a device")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Hello.\n")
    assert read_input(path) == b"Hello.\n"


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path, no_hang) -> None:
    fifo = tmp_path / "doc.txt"
    os.mkfifo(fifo)
    # If read_input opened the FIFO for reading it would block: no writer ever comes.
    with pytest.raises(L10nError, match=r"is a FIFO \(named pipe\), not a regular file"):
        read_input(fifo, "source document")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_link_to_a_device_is_refused(tmp_path: Path, device: str) -> None:
    link = tmp_path / "doc.txt"
    link.symlink_to(device)
    with pytest.raises(L10nError, match=f"is a character device \\(a link to {device}\\)"):
        read_input(link)


def test_the_size_cap_names_the_file_the_size_and_the_setting(tmp_path: Path) -> None:
    big = tmp_path / "big.po"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024 * MB)  # sparse: no disk used
    with pytest.raises(L10nError) as error:
        read_input(big, "catalogue")
    text = str(error.value)
    assert str(big) in text and "catalogue is 3072.0 MB, over the input size cap of 64 MB" in text
    assert "max-input-mb = 3073" in text
    with using_policy(InputPolicy(max_bytes=3073 * MB)):  # the hint's value lets it through (checked, not read)
        assert check_input(big, "catalogue").st_size == 3 * 1024 * MB


def test_a_file_that_grows_past_the_cap_after_stat_is_cut_off(tmp_path: Path) -> None:
    # /proc files report size 0 and are as long as they are: the read itself is bounded.
    with using_policy(InputPolicy(max_bytes=10)):
        with pytest.raises(L10nError, match="over the input size cap"):
            read_input(Path("/proc/self/status"))


def test_a_smaller_cap_applies_inside_using_policy_only(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"x" * 2048)
    with using_policy(InputPolicy(max_bytes=1024)):
        with pytest.raises(L10nError, match="file is 2048 bytes, over the input size cap"):
            read_input(path)
    assert len(read_input(path)) == 2048


def test_links_found_in_a_folder_must_stay_inside_it_or_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    (project / "shared.txt").write_text("Inside the project.\n")
    outside = tmp_path / "outside.txt"
    outside.write_text("Elsewhere.\n")
    (seeds / "inside.txt").symlink_to(project / "shared.txt")
    (seeds / "out.txt").symlink_to(outside)
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    with using_policy(InputPolicy(root=project)):
        assert read_input(seeds / "inside.txt", folder=seeds) == b"Inside the project.\n"
        for name in ("out.txt", "passwd.txt"):
            with pytest.raises(L10nError) as error:
                read_input(seeds / name, folder=seeds)
            assert "outside the project" in str(error.value) and "allow-external-links = true" in str(error.value)
        # An argument the user named (no folder) may live anywhere.
        assert read_input(seeds / "out.txt") == b"Elsewhere.\n"
    with using_policy(InputPolicy(root=project, allow_external_links=True)):
        assert read_input(seeds / "out.txt", folder=seeds) == b"Elsewhere.\n"


def test_dangling_and_looping_links(tmp_path: Path) -> None:
    dangling = tmp_path / "a.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    loop = tmp_path / "b.txt"
    loop.symlink_to(loop)
    with pytest.raises(L10nError, match="which does not exist"):
        read_input(dangling)
    with pytest.raises(L10nError, match="loops"):
        read_input(loop)


def test_missing_files_and_folders_raise_what_open_would(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_input(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        read_input(tmp_path)


@pytest.mark.parametrize(
    "name,words",
    [(b"a\nb.txt", "contains the control character U+000A"), (b"caf\xe9.txt", "is not valid UTF-8"),
     (b"tab\there.txt", "U+0009"), (b"del\x7f.txt", "U+007F"),
     (b"a" * 237 + b".txt", "is 241 bytes long (at most 240")],
)
def test_names_a_catalogue_cannot_hold(tmp_path: Path, name: bytes, words: str) -> None:
    with pytest.raises(L10nError) as error:
        check_name(tmp_path / os.fsdecode(name), "source document")
    text = str(error.value)
    assert words in text and "rename the source document" in text
    text.encode("utf-8")  # printable: no lone surrogate from the undecodable byte


def test_ordinary_names_pass(tmp_path: Path) -> None:
    for name in ("doc.txt", "my doc.txt", "杭州.txt", "naïve-2.txt"):
        check_name(tmp_path / name)


# --- outputs ---------------------------------------------------------------


def test_write_output_replaces_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "out.tbx"
    assert write_output(path, b"one") is True
    assert write_output(path, b"one") is False
    assert path.read_bytes() == b"one"


@pytest.mark.parametrize(
    "where,words",
    [("/proc/l10n-test", "cannot write the TBX file"), ("{tmp}", "is a directory"),
     ("{tmp}/missing/out.tbx", "the folder to write the TBX file in does not exist")],
)
def test_write_output_refusals(tmp_path: Path, where: str, words: str) -> None:
    path = Path(where.format(tmp=tmp_path))
    with pytest.raises(L10nError, match=words):
        write_output(path, b"data", "TBX file")
    assert not (tmp_path / "missing").exists()


def test_write_output_into_dev_null_keeps_the_device() -> None:
    assert write_output(Path("/dev/null"), b"discarded") is True
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_write_output_to_a_fifo_without_reader_fails_instead_of_waiting(tmp_path: Path, no_hang) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(L10nError, match="no process is reading from it"):
        write_output(fifo, b"data")


def test_write_output_to_a_fifo_with_a_reader(tmp_path: Path, no_hang) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    ready = threading.Event()

    def read() -> None:
        import time

        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open, so the writer finds a reader
        ready.set()
        data, deadline = b"", time.monotonic() + 10
        while len(data) < len(b"through the pipe") and time.monotonic() < deadline:
            try:
                data += os.read(fd, 100)  # b"" while no writer has come yet
            except BlockingIOError:
                pass
            time.sleep(0.01)
        os.close(fd)
        received.append(data)

    reader = threading.Thread(target=read)
    reader.start()
    ready.wait(5)
    write_output(fifo, b"through the pipe")
    reader.join(5)
    assert received == [b"through the pipe"]


# --- writes stay inside the project --------------------------------------------


def test_a_write_through_a_folder_linking_outside_is_refused(tmp_path: Path) -> None:
    from l10n.fsutil import atomic_write_text

    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "build").symlink_to(outside)
    with using_policy(InputPolicy(root=project)):
        with pytest.raises(L10nError) as error:
            atomic_write_text(project / "build" / "zh" / "doc.txt", "text")
        assert "would write outside the project" in str(error.value) and "allow-external-links" in str(error.value)
        assert list(outside.iterdir()) == []
        # Named outside the project on purpose (a configured path): allowed.
        assert atomic_write_text(outside / "site.txt", "text")
    with using_policy(InputPolicy(root=project, allow_external_links=True)):
        assert atomic_write_text(project / "build" / "doc.txt", "text")
    assert (outside / "doc.txt").read_text() == "text"


def test_an_output_that_is_a_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    from l10n.fsutil import atomic_write_text

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "project" / "doc.po"
    out.parent.mkdir()
    out.symlink_to(victim)
    with using_policy(InputPolicy(root=tmp_path / "project")):
        atomic_write_text(out, "new")
    assert victim.read_text() == "precious"
    assert not out.is_symlink() and out.read_text() == "new"


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_an_output_that_is_a_fifo_or_device_is_replaced_without_reading_it(tmp_path: Path, kind: str, no_hang) -> None:
    from l10n.fsutil import atomic_write_bytes

    out = tmp_path / "doc.mo"
    if kind == "fifo":
        os.mkfifo(out)  # comparing with the old content would block forever
    else:
        out.symlink_to("/dev/zero")  # ... or never end
    assert atomic_write_bytes(out, b"mo") is True
    assert out.read_bytes() == b"mo" and stat.S_IMODE(out.stat().st_mode) == 0o644


def test_a_project_folder_that_is_a_link_outside_is_refused_a_configured_one_is_not(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Not a seed.\n")
    (project / "seeds").symlink_to(outside)
    with using_policy(InputPolicy(root=project)):
        with pytest.raises(L10nError, match="lies outside the project: the folder .* leads to"):
            read_input(project / "seeds" / "secret.txt", folder=project / "seeds")
        # seeds = "/…/outside" in pyproject.toml: the user chose it.
        assert read_input(outside / "secret.txt", folder=outside) == b"Not a seed.\n"


def test_a_socket_is_refused(no_hang) -> None:
    import shutil
    import socket
    import tempfile

    folder = Path(tempfile.mkdtemp())  # short: a socket path has a length limit (108 bytes)
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(folder / "doc.txt"))
        with pytest.raises(L10nError, match="is a socket, not a regular file"):
            read_input(folder / "doc.txt")
        server.close()
    finally:
        shutil.rmtree(folder)

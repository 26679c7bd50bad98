"""Files in and out: atomic writes, and input reads that refuse what is not a plain file.

A reader or an interrupted run never sees half a file; reading never blocks
on a FIFO, never follows a device, never takes more than the input size cap.
"""

from __future__ import annotations

import errno
import math
import os
import stat
import tempfile
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from l10n.errors import L10nError


def atomic_write_bytes(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; return False if it was unchanged.

    The data goes to a temporary file in the same directory, is flushed to
    disk, then renamed over the target, so the target is always either the old
    or the new complete file.  An identical file is left alone (no mtime churn).
    """
    path = Path(path)
    _refuse_escaping_write(path)
    try:
        info = os.stat(path)
        # Only a regular file of the same size is compared: a FIFO or a device
        # planted where an output goes would block or never end; it is replaced.
        if stat.S_ISREG(info.st_mode) and info.st_size == len(data) and path.read_bytes() == data:
            return False
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
    _make_folder(path.parent)
    tmp = write_temporary(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        discard_temporary(tmp)
        raise
    _fsync_dir(path.parent)
    return True


def write_temporary(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``path``, flushed to disk; return its name.

    It gets the mode of the regular file it will replace (0o644 otherwise).
    The caller renames it over ``path`` or removes it (``discard_temporary``).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            old = path.stat()
            os.chmod(tmp, old.st_mode & 0o7777 if stat.S_ISREG(old.st_mode) else 0o644)
        except OSError:
            os.chmod(tmp, 0o644)
    except BaseException:
        discard_temporary(tmp)
        raise
    return tmp


def discard_temporary(tmp: str) -> None:
    """Remove a temporary file made by ``write_temporary`` (gone already is fine)."""
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def check_output(path: Path) -> None:
    """L10nError if writing ``path`` would leave the project through a linked folder (see below).

    For commands that write several files: check them all before the first write.
    """
    _refuse_escaping_write(Path(path))
    _refuse_file_as_folder(Path(path).parent)


def _refuse_file_as_folder(directory: Path) -> None:
    """L10nError if a file (not a folder) sits where ``directory`` or one of its parents must be."""
    for folder in (directory, *directory.parents):
        if os.path.isdir(folder):
            return
        if os.path.lexists(folder):
            raise L10nError(
                "is a file where l10n needs a folder", path=folder, hint="move or remove the file, then run again"
            )


def _make_folder(directory: Path) -> None:
    _refuse_file_as_folder(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file put there meanwhile; /proc, a read-only mount
        _refuse_file_as_folder(directory)
        raise L10nError(
            f"cannot create the folder: {exc.strerror or exc}", path=directory,
            hint="check the path and its permissions (or the [tool.l10n] folder settings in pyproject.toml)",
        ) from None


def _refuse_escaping_write(path: Path) -> None:
    """L10nError if ``path`` lies in the project by name but its folder is a link leading outside it.

    Applies while a policy with a project root is in force (every CLI command);
    the file itself may be a link: it is replaced, never written through.
    """
    policy = input_policy()
    if policy.root is None or policy.allow_external_links:
        return
    root = Path(os.path.abspath(policy.root))
    named = Path(os.path.abspath(path))
    if named == root:  # `-o .` or `-o ""`: not a link leading anywhere
        raise L10nError("is the project folder, not a file", path=named, hint="name a file inside it")
    if root not in named.parents:
        return  # configured or named outside the project on purpose
    real_root = root.resolve()
    folder = named.parent.resolve()
    if folder == real_root or real_root in folder.parents:
        return
    raise L10nError(
        f"l10n would write outside the project: {named.parent} leads to {folder}",
        path=named,
        hint="replace the symbolic link with a folder, or allow such links with "
        "[tool.l10n] allow-external-links = true in pyproject.toml",
    )


def atomic_write_text(path: Path, text: str) -> bool:
    """Write UTF-8 ``text`` atomically; return False if the file was unchanged."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- reading inputs -----------------------------------------------------------
#
# Every file l10n reads as input (seeds, catalogues, glossary files, TBX, a
# reference, pyproject.toml) goes through ``read_input``: only regular files,
# never a FIFO (opening one for reading blocks until a writer comes) or a
# device (/dev/zero never ends), and never more than the input size cap.

DEFAULT_MAX_INPUT_MB = 64.0


@dataclass(frozen=True)
class InputPolicy:
    """What ``read_input`` accepts: the size cap and where listed files' links may lead.

    ``root`` is the project folder; a file found by listing a project folder
    (a seed, a glossary file) that is a symbolic link leading outside both
    that folder and ``root`` is refused unless ``allow_external_links``.
    """

    max_bytes: int = int(DEFAULT_MAX_INPUT_MB * 1024 * 1024)
    allow_external_links: bool = False
    root: Path | None = None


_POLICY: ContextVar[InputPolicy] = ContextVar("l10n_input_policy", default=InputPolicy())


def input_policy() -> InputPolicy:
    """Return the input policy in force (the default one unless ``using_policy`` set another)."""
    return _POLICY.get()


@contextmanager
def using_policy(policy: InputPolicy) -> Iterator[InputPolicy]:
    """Make ``policy`` the one ``read_input`` applies inside the ``with`` block."""
    token = _POLICY.set(policy)
    try:
        yield policy
    finally:
        _POLICY.reset(token)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _too_big(path: Path, size: int | None, what: str, policy: InputPolicy) -> L10nError:
    cap = policy.max_bytes / (1024 * 1024)
    cap_text = f"{cap:g} MB" if cap >= 1 else f"{policy.max_bytes} bytes"
    shown = _megabytes(size) if size is not None else f"over {cap_text}"
    enough = math.floor(max(size or 0, 2 * policy.max_bytes) / (1024 * 1024)) + 1
    return L10nError(
        f"{what} is {shown}, over the input size cap of {cap_text}",
        path=path,
        hint="if the file is meant to be this large, raise the cap: "
        f"[tool.l10n] max-input-mb = {enough} in pyproject.toml",
    )


def check_input(path: Path, what: str = "file", *, folder: Path | None = None) -> os.stat_result:
    """Return the ``stat`` of input file ``path`` if l10n may read it.

    Raises FileNotFoundError, IsADirectoryError or PermissionError as opening
    the file would (callers word those), and L10nError for a file that is not
    a regular file (FIFO, device, socket), a dangling or looping symbolic link,
    a file over the size cap, or, when ``folder`` (the folder it was found by
    listing) is given, a symbolic link leading outside that folder and the
    project.  Nothing is opened.
    """
    path = Path(path)
    policy = input_policy()
    link = path.is_symlink()
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if link:
            raise L10nError(
                f"is a symbolic link to {os.readlink(path)}, which does not exist",
                path=path,
                hint="fix or remove the link",
            ) from None
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise L10nError("is a symbolic link that loops", path=path, hint="fix or remove the link") from None
        if exc.errno in (errno.ENAMETOOLONG, errno.ENOTDIR):
            raise L10nError(f"cannot read: {exc.strerror}", path=path, hint="check the path") from None
        raise
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        target = f" (a link to {path.resolve()})" if link else ""
        raise L10nError(
            f"is {_kind(info.st_mode)}{target}, not a regular file; l10n reads only regular files",
            path=path,
            hint=f"replace it with the {what} itself",
        )
    if folder is not None and not policy.allow_external_links:
        _refuse_escaping_read(path, Path(folder), link, policy)
    if info.st_size > policy.max_bytes:
        raise _too_big(path, info.st_size, what, policy)
    return info


def _inside(path: Path, base: Path) -> bool:
    return path == base or base in path.parents


def _refuse_escaping_read(path: Path, folder: Path, link: bool, policy: InputPolicy) -> None:
    """L10nError if a file found by listing ``folder`` really lies outside the project.

    Allowed: inside the project's real root, or inside ``folder`` when the
    folder is configured outside the project on purpose.  Refused: a file that
    is a link leading elsewhere, or a project folder that is such a link.
    """
    target = path.resolve()
    bases = [policy.root.resolve()] if policy.root is not None else []
    if policy.root is None or not _inside(Path(os.path.abspath(folder)), Path(os.path.abspath(policy.root))):
        bases.append(folder.resolve())
    if any(_inside(target, base) for base in bases):
        return
    hint = (
        "copy the file into the project, or allow such links with "
        "[tool.l10n] allow-external-links = true in pyproject.toml"
    )
    if link:
        raise L10nError(f"is a symbolic link to {target}, outside the project", path=path, hint=hint)
    raise L10nError(f"lies outside the project: the folder {folder} leads to {folder.resolve()}", path=path, hint=hint)


def read_input(path: Path, what: str = "file", *, folder: Path | None = None) -> bytes:
    """Return the bytes of input file ``path`` after ``check_input`` (same errors).

    The file is opened without blocking and checked again once open (it may
    have been replaced in between), and never more than the cap is read, even
    from a file whose size the system does not report (``/proc``).
    """
    path = Path(path)
    policy = input_policy()
    check_input(path, what, folder=folder)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise L10nError(f"is {_kind(mode)}, not a regular file", path=path, hint=f"replace it with the {what} itself")
        chunks = []
        left = policy.max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > policy.max_bytes:
        raise _too_big(path, None, what, policy)
    return data


# A file system allows 255 bytes a name; ".<domain>.pot.XXXXXXXX.tmp" adds 18 to a domain.
MAX_NAME_BYTES = 240


def check_name(path: Path, what: str = "file") -> None:
    """Raise L10nError if the name of ``path`` cannot be written into a catalogue.

    A name that is not valid UTF-8 cannot be shown or written as UTF-8 text,
    a control character (a line break) in a ``#:`` reference breaks the PO
    syntax (xgettext writes such a reference as is, and msgfmt rejects the
    result), and a name near the 255-byte limit leaves no room for the
    temporary file an atomic write needs.  The error names the folder and
    shows the name escaped.
    """
    path = Path(path)
    name = path.name
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        problem = "is not valid UTF-8"
    else:
        control = next((c for c in name if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0), None)
        if control is not None:
            problem = f"contains the control character U+{ord(control):04X}"
        elif size > MAX_NAME_BYTES:
            problem = f"is {size} bytes long (at most {MAX_NAME_BYTES}: the temporary files beside outputs add 18)"
        else:
            return
    shown = repr(os.fsencode(name))[1:]
    raise L10nError(
        f"the file name {shown} {problem}; such a name breaks the catalogues and reports l10n writes",
        path=path.parent,
        hint=f"rename the {what} (letters, digits, spaces, - and _ are safe)",
    )


def write_output(path: Path, data: bytes, what: str = "file") -> bool:
    """Write ``data`` to an output file a user named (``-o``, ``--into``); return False if unchanged.

    A regular file is replaced atomically; its folder must exist (nothing is
    created outside the project on a typo).  An existing device or FIFO
    (``/dev/null``, ``/dev/stdout``, a pipe with a reader) is written into,
    never replaced.  Every failure is an L10nError naming the file.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise L10nError(f"cannot write the {what}: {exc.strerror or exc}", path=path, hint="check the path") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise L10nError(f"is a directory; cannot write the {what} there", path=path, hint="name a file inside it")
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            _write_into(path, data)
            return True
        if not path.parent.is_dir():
            raise L10nError(
                f"the folder to write the {what} in does not exist",
                path=path.parent,
                hint="create it first, or name a file in an existing folder",
            )
        return atomic_write_bytes(path, data)
    except OSError as exc:
        reason = "no process is reading from it" if exc.errno == errno.ENXIO else exc.strerror or str(exc)
        raise L10nError(
            f"cannot write the {what}: {reason}",
            path=path,
            hint="check that the folder exists and is writable, or name another file",
        ) from None


def _write_into(path: Path, data: bytes) -> None:
    # O_NONBLOCK: a FIFO nobody reads fails (ENXIO) instead of waiting forever.
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)

"""Reading an ``.argosmodel`` archive safely: names, sizes, metadata, extraction.

An archive is untrusted input.  This module decides, before anything is
written, exactly which files will be written and under which names (the
names it validated are the names it writes: no second normalisation by
``zipfile.extractall``), caps the total and per-file uncompressed size and the
compression ratio (zip bombs), refuses symbolic links and duplicate names,
and reads ``metadata.json`` with bounded size, depth and field values, so a
package cannot put a 10 MB version string or a line break into every draft's
provenance comment.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from l10n.errors import L10nError

INSTALL_HINT = "install one with: l10n model install SOURCE TARGET (online) or l10n model install FILE.argosmodel"
DAMAGED = "the package is damaged or not a translation model; get a fresh copy of the .argosmodel file"
UNSAFE = "refusing to install an unsafe archive; get the model from a trusted source"

# Field bounds for metadata.json: what argos packages actually use, with room.
_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?")
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]{0,31}")
_PREFIX = re.compile(r"[^\x00-\x20\x7f-\x9f\u2028\u2029]{1,64}")  # one vocabulary piece: no spaces or controls
_TOP = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,99}")  # the package folder: visible, one plain name
_PART = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|]{1,200}")


@dataclass(frozen=True)
class Limits:
    """Caps on what an archive may expand to."""

    total_bytes: int = 8 * 1024**3  # all files together (argos models are 0.1-1 GB)
    file_bytes: int = 4 * 1024**3  # any one file
    ratio: float = 100.0  # uncompressed / compressed, for members over ratio_floor bytes
    ratio_floor: int = 1024 * 1024
    members: int = 10_000
    metadata_bytes: int = 64 * 1024
    metadata_depth: int = 20


@dataclass(frozen=True)
class Member:
    """One file of the archive and the relative path it will be written to (without the top folder)."""

    info: zipfile.ZipInfo
    path: PurePosixPath


@dataclass(frozen=True)
class Layout:
    """A validated archive: its package folder name, metadata and files."""

    top: str
    metadata: dict
    files: tuple[Member, ...]

    def names(self) -> set[str]:
        """Return the relative paths of the files, as strings ('model/model.bin')."""
        return {m.path.as_posix() for m in self.files}


def _depth(text: str) -> int:
    """Return the deepest bracket nesting of a JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def read_metadata(data: str | bytes, *, where: Path | str, limits: Limits = Limits()) -> dict:
    """Return the parsed ``metadata.json`` of a translation package, its fields bounded.

    Raises L10nError (naming ``where``) unless it is a small, shallow JSON
    object of type "translate" with language codes, a short plain version and
    a target prefix of one vocabulary piece.
    """
    if len(data) > limits.metadata_bytes:
        raise L10nError(f"metadata.json is {len(data):,} bytes, more than {limits.metadata_bytes:,}", path=where, hint=DAMAGED)
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise L10nError(f"metadata.json is not UTF-8 ({exc.reason})", path=where, hint=DAMAGED) from exc
    if _depth(text) > limits.metadata_depth:
        raise L10nError(f"metadata.json nests deeper than {limits.metadata_depth} levels", path=where, hint=DAMAGED)
    try:
        metadata = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise L10nError(f"metadata.json is not valid JSON ({str(exc)[:120]})", path=where, hint=DAMAGED) from exc
    if not isinstance(metadata, dict):
        raise L10nError("metadata.json must hold a JSON object", path=where, hint=DAMAGED)
    kind = metadata.get("type", "translate")
    if kind != "translate":
        shown = kind if isinstance(kind, str) and len(kind) < 20 else "something else"
        raise L10nError(
            f"package type is {shown!r}, not a translation model",
            path=where,
            hint="install a translation package (translate-<from>_<to>.argosmodel)",
        )
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise L10nError(f"metadata.json has no {key}", path=where, hint=DAMAGED)
        if not _CODE.fullmatch(value):
            raise L10nError(f"metadata.json {key} is not a language code (e.g. en, zh, zt)", path=where, hint=DAMAGED)
    for key, pattern, what in (
        ("package_version", _VERSION, "a short version such as 1.9 (letters, digits, . _ + -; at most 32)"),
        ("target_prefix", _PREFIX, "one vocabulary piece (at most 64 characters, no spaces or control characters)"),
    ):
        value = metadata.get(key, "")
        if not isinstance(value, str):
            raise L10nError(f"metadata.json {key} must be a string", path=where, hint=DAMAGED)
        if value and not pattern.fullmatch(value):
            raise L10nError(f"metadata.json {key} must be {what}", path=where, hint=DAMAGED)
    return metadata


def _member_path(info: zipfile.ZipInfo, archive: Path) -> PurePosixPath | None:
    """Return the validated path a member will be written to, None for a folder entry."""
    name = info.filename
    unsafe = (
        not name
        or name.startswith("/")
        or "\\" in name
        or re.match(r"^[A-Za-z]:", name)
        or any(part in ("", ".", "..") for part in name.rstrip("/").split("/"))
        or not all(_PART.fullmatch(part) for part in name.rstrip("/").split("/"))
    )
    if unsafe:
        raise L10nError(
            f"archive member {name[:80]!r} has a name l10n will not write (absolute, '.', '..', "
            "empty or control characters), or would land outside the package folder",
            path=archive,
            hint=UNSAFE,
        )
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise L10nError(f"archive member {name[:80]!r} is a symbolic link", path=archive, hint=UNSAFE)
    if info.is_dir():
        return None
    return PurePosixPath(name)


def read_layout(archive: Path, zf: zipfile.ZipFile, limits: Limits = Limits()) -> Layout:
    """Return the validated layout of an open archive; L10nError for anything unsafe or wrong."""
    infos = zf.infolist()
    if len(infos) > limits.members:
        raise L10nError(f"the archive has {len(infos):,} members, more than {limits.members:,}", path=archive, hint=UNSAFE)
    paths: dict[str, Member] = {}
    total = 0
    for info in infos:
        path = _member_path(info, archive)
        if path is None:
            continue
        key = path.as_posix()
        if key in paths or key.lower() in {k.lower() for k in paths}:
            raise L10nError(f"archive member {key[:80]!r} appears twice", path=archive, hint=UNSAFE)
        if info.file_size > limits.file_bytes:
            raise L10nError(
                f"archive member {key[:80]!r} expands to {info.file_size:,} bytes, more than the {limits.file_bytes:,} allowed",
                path=archive,
                hint=UNSAFE,
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(1, info.compress_size):
            raise L10nError(
                f"archive member {key[:80]!r} is compressed {info.file_size / max(1, info.compress_size):,.0f} to 1 "
                f"(more than {limits.ratio:g}): a zip bomb, not a model",
                path=archive,
                hint=UNSAFE,
            )
        total += info.file_size
        paths[key] = Member(info, path)
    if total > limits.total_bytes:
        raise L10nError(f"the archive expands to {total:,} bytes, more than the {limits.total_bytes:,} allowed", path=archive, hint=UNSAFE)
    packed = max(1, sum(m.info.compress_size for m in paths.values()))
    if total > limits.ratio_floor and total > limits.ratio * packed:
        raise L10nError(
            f"the archive expands {total / packed:,.0f} to 1 (more than {limits.ratio:g}): a zip bomb, not a model",
            path=archive,
            hint=UNSAFE,
        )
    tops = {m.path.parts[0] for m in paths.values()}
    if len(tops) != 1 or any(len(m.path.parts) < 2 for m in paths.values()):
        raise L10nError(
            "not an argos model: no metadata.json inside a single top-level folder",
            path=archive,
            hint="an .argosmodel holds one folder with metadata.json, model/ and sentencepiece.model; check you passed the right file",
        )
    top = next(iter(tops))
    if not _TOP.fullmatch(top):
        raise L10nError(
            f"the package folder {top[:80]!r} is not a plain visible name (letters, digits, . _ + -, not starting with '.')",
            path=archive,
            hint=UNSAFE,
        )
    meta = paths.get(f"{top}/metadata.json")
    if meta is None:
        raise L10nError(
            "not an argos model: no metadata.json inside a single top-level folder",
            path=archive,
            hint="an .argosmodel holds one folder with metadata.json, model/ and sentencepiece.model; check you passed the right file",
        )
    if meta.info.file_size > limits.metadata_bytes:
        raise L10nError(f"metadata.json is {meta.info.file_size:,} bytes, more than {limits.metadata_bytes:,}", path=archive, hint=DAMAGED)
    metadata = read_metadata(zf.read(meta.info), where=archive, limits=limits)
    files = tuple(Member(m.info, PurePosixPath(*m.path.parts[1:])) for m in paths.values())
    return Layout(top, metadata, files)


def extract(zf: zipfile.ZipFile, layout: Layout, destination: Path, limits: Limits = Limits()) -> None:
    """Write the layout's files under ``destination`` by their validated names, counting every byte.

    A member that expands past its declared size or the caps raises L10nError;
    a damaged member raises zipfile/zlib errors (the caller cleans up).
    """
    total = 0
    for member in layout.files:
        target = destination.joinpath(*member.path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with zf.open(member.info) as source, open(target, "xb") as out:
            while True:
                chunk = source.read(1024 * 1024)
                if not chunk:
                    break
                written += len(chunk)
                total += len(chunk)
                if written > min(member.info.file_size, limits.file_bytes) or total > limits.total_bytes:
                    raise L10nError(
                        f"archive member {member.path.as_posix()!r} expands past its declared size",
                        path=Path(zf.filename or ""),
                        hint=UNSAFE,
                    )
                out.write(chunk)

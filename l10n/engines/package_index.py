"""Models by language pair: argostranslate's package index, searched and installed from.

The index is the JSON list argostranslate's package manager reads
(``argospm-index/main/index.json``): one object per package with
``from_code``, ``to_code``, ``package_version``, ``type`` and ``links`` (the
download URLs), the same fields as a package's ``metadata.json``.  Mirrors may
add ``size`` (bytes) and ``sha256``; both are checked when present.

Only ``l10n model search`` and ``l10n model install SOURCE TARGET`` come here;
translating never does.  The index URL is, in order: the command line, the
``L10N_MODEL_INDEX`` environment variable, ``model-index`` in ``[tool.l10n]``,
argostranslate's public index.  ``file://`` URLs and plain paths serve
air-gapped copies.  When the index cannot be reached, the error says how to
install from a file, and nothing has been written.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from l10n.engines.packages import STAGING_PREFIX, InstallResult, _version_key, argos_code, install_model, packages_dir
from l10n.errors import L10nError

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_ENV = "L10N_MODEL_INDEX"
MAX_INDEX_BYTES = 32 * 1024 * 1024
MAX_PACKAGE_BYTES = 4 * 1024**3
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class IndexEntry:
    """One translation package the index offers."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    code: str = ""  # e.g. "translate-en_zh"
    from_name: str = ""
    to_name: str = ""
    size: int | None = None
    sha256: str | None = None

    @property
    def file_name(self) -> str:
        """Return the file name argostranslate gives the download: ``translate-en_zh-1_9.argosmodel``."""
        return f"translate-{self.from_code}_{self.to_code}-{self.version.replace('.', '_') or 'latest'}.argosmodel"

    def describe(self) -> str:
        """Return ``en→zh 1.9 English → Chinese``."""
        names = f" {self.from_name} → {self.to_name}" if self.from_name and self.to_name else ""
        return f"{self.from_code}→{self.to_code} {self.version or 'unversioned'}{names}"


def index_url(explicit: str | None = None, configured: str | None = None) -> str:
    """Return the index URL: ``explicit``, else $L10N_MODEL_INDEX, else ``configured``, else argos's public index."""
    return explicit or os.environ.get(INDEX_ENV) or configured or DEFAULT_INDEX


def offline_hint(source: str | None = None, target: str | None = None, url: str = DEFAULT_INDEX) -> str:
    """Return the next step when the index cannot be reached: the exact file-install command."""
    pair = f"translate-{argos_code(source)}_{argos_code(target)}" if source and target else "translate-SOURCE_TARGET"
    return (
        f"without internet, copy the package from a machine that has it (its link is in {url}) and run: "
        f"l10n model install {pair}.argosmodel"
    )


def _open(url: str, timeout: float, what: str, source: str | None, target: str | None, index: str):
    """Return an open response for an http(s) URL or a file; L10nError (with the offline hint) otherwise."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme in ("", "file"):
        path = Path(urllib.request.url2pathname(parsed.path) if parsed.scheme == "file" else url)
        try:
            return open(path, "rb")
        except OSError as exc:
            raise L10nError(f"cannot read the {what} ({exc.strerror})", path=path, hint=offline_hint(source, target, index)) from exc
    if parsed.scheme not in ("http", "https"):
        raise L10nError(f"the {what} URL {url!r} is not http(s), file:// or a path", hint=f"set {INDEX_ENV} or model-index in [tool.l10n]")
    request = urllib.request.Request(url, headers={"User-Agent": "l10n model install"})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise L10nError(f"the {what} at {url} answered HTTP {exc.code}", hint=offline_hint(source, target, index)) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise L10nError(f"cannot reach the {what} at {url} ({reason})", hint=offline_hint(source, target, index)) from None


def _chunks(response, limit: int, too_large: str, hint: str) -> Iterator[bytes]:
    """Yield what ``response`` sends, 1 MiB at a time; L10nError(``too_large``) once more than ``limit`` bytes came.

    Read errors (``OSError``, ``http.client.HTTPException``) reach the caller,
    which says what broke off.
    """
    total = 0
    while True:
        chunk = response.read(1024 * 1024)
        if not chunk:
            return
        total += len(chunk)
        if total > limit:
            raise L10nError(too_large, hint=hint)
        yield chunk


def _read_capped(response, limit: int, url: str, what: str, hint: str) -> bytes:
    try:
        return b"".join(_chunks(response, limit, f"the {what} at {url} is larger than {limit:,} bytes", hint))
    except (OSError, http.client.HTTPException) as exc:
        raise L10nError(f"reading the {what} at {url} failed ({exc})", hint=hint) from None


def parse_index(data: bytes, where: str) -> list[IndexEntry]:
    """Return the translation packages of an index's JSON text; malformed entries are skipped."""
    try:
        items = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise L10nError(f"the model index is not JSON ({str(exc)[:120]})", path=where, hint=f"check the index URL ({INDEX_ENV})") from None
    if not isinstance(items, list):
        raise L10nError("the model index is not a JSON list of packages", path=where, hint=f"check the index URL ({INDEX_ENV})")
    entries = []
    for item in items:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        codes = item.get("from_code"), item.get("to_code")
        links = item.get("links")
        if not all(isinstance(c, str) and re.fullmatch(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?", c) for c in codes):
            continue
        if not isinstance(links, list) or not all(isinstance(u, str) for u in links) or not links:
            continue
        version = item.get("package_version", "")
        size, digest = item.get("size"), item.get("sha256") or item.get("checksum")
        entries.append(
            IndexEntry(
                from_code=codes[0],
                to_code=codes[1],
                version=version if isinstance(version, str) and re.fullmatch(r"[0-9A-Za-z._+-]{0,32}", version) else "",
                links=tuple(links),
                code=str(item.get("code") or "")[:64],
                from_name=str(item.get("from_name") or "")[:40],
                to_name=str(item.get("to_name") or "")[:40],
                size=size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else None,
                sha256=digest.lower() if isinstance(digest, str) and _SHA256.fullmatch(digest) else None,
            )
        )
    return entries


def fetch_index(url: str, *, timeout: float = 30.0, source: str | None = None, target: str | None = None) -> list[IndexEntry]:
    """Return the packages listed by the index at ``url`` (read into memory; nothing is written)."""
    with _open(url, timeout, "model index", source, target, url) as response:
        data = _read_capped(response, MAX_INDEX_BYTES, url, "model index", offline_hint(source, target, url))
    return parse_index(data, url)


def search(entries: Sequence[IndexEntry], source: str | None = None, target: str | None = None) -> list[IndexEntry]:
    """Return the entries for a source and/or target language (our codes), sorted by pair, newest first."""
    found = [
        e
        for e in entries
        if (source is None or e.from_code == argos_code(source)) and (target is None or e.to_code == argos_code(target))
    ]
    newest_first = sorted(found, key=lambda e: _version_key(e.version), reverse=True)
    return sorted(newest_first, key=lambda e: (e.from_code, e.to_code))


def download(entry: IndexEntry, folder: Path, *, timeout: float = 30.0, index: str = DEFAULT_INDEX) -> Path:
    """Download a package into ``folder``, checking length, size and checksum; return the file.

    Links are tried in order; a link that fails is reported with the next.
    """
    hint = offline_hint(entry.from_code, entry.to_code, index)
    problems = []
    for link in entry.links:
        target = folder / entry.file_name
        try:
            _download_one(link, target, entry, timeout, index)
            return target
        except L10nError as exc:
            problems.append(exc.message)
            target.unlink(missing_ok=True)
    raise L10nError(f"could not download {entry.describe()}: " + "; ".join(problems), hint=hint)


def _download_one(link: str, target: Path, entry: IndexEntry, timeout: float, index: str) -> None:
    hint = offline_hint(entry.from_code, entry.to_code, index)
    digest = hashlib.sha256()
    written = 0
    with _open(link, timeout, "package", entry.from_code, entry.to_code, index) as response:
        declared = getattr(response, "headers", {}).get("Content-Length") if hasattr(response, "headers") else None
        expected = int(declared) if declared and declared.isdigit() else None
        if entry.size is not None and expected is not None and expected != entry.size:
            raise L10nError(f"{link} is {expected:,} bytes but the index says {entry.size:,}", hint=hint)
        limit = min(MAX_PACKAGE_BYTES, entry.size or MAX_PACKAGE_BYTES)
        try:
            with open(target, "xb") as out:
                for chunk in _chunks(response, limit, f"{link} sends more than the {limit:,} bytes expected", hint):
                    written += len(chunk)
                    digest.update(chunk)
                    out.write(chunk)
        except (OSError, http.client.HTTPException) as exc:  # includes timeouts and a server that closes early
            if isinstance(exc, OSError) and exc.errno is not None and not isinstance(exc, (TimeoutError, ConnectionError)):
                raise L10nError(f"cannot save the download ({exc.strerror})", path=target, hint="check free disk space") from None
            raise L10nError(f"the download from {link} broke off after {written:,} bytes ({exc})", hint=hint) from None
    if expected is not None and written != expected:
        raise L10nError(f"the download from {link} is truncated ({written:,} of {expected:,} bytes)", hint=hint)
    if entry.size is not None and written != entry.size:
        raise L10nError(f"the download from {link} is {written:,} bytes but the index says {entry.size:,}", hint=hint)
    if entry.sha256 is not None and digest.hexdigest() != entry.sha256:
        raise L10nError(f"the download from {link} does not match the index's SHA-256", hint=hint)


def install_pair(
    source: str,
    target: str,
    *,
    directory: Path | None = None,
    index: str = DEFAULT_INDEX,
    timeout: float = 30.0,
) -> tuple[IndexEntry, InstallResult]:
    """Find ``source``→``target`` in the index, download it and install it (verified, atomic).

    The download goes to a staging folder inside the packages folder and is
    removed afterwards; the install itself is ``install_model``'s (caps,
    names, metadata, the model loaded before anything is replaced).
    """
    entries = search(fetch_index(index, timeout=timeout, source=source, target=target), source, target)
    if not entries:
        pair = f"{argos_code(source)}→{argos_code(target)}"
        raise L10nError(
            f"the model index has no package for {pair}",
            hint=f"see what it offers with `l10n model search {source}` (index: {index})",
        )
    entry = entries[0]
    root = packages_dir(directory)
    try:
        root.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-download-", dir=root))
    except OSError as exc:
        raise L10nError(f"cannot write to the packages folder ({exc.strerror or exc})", path=root, hint="set ARGOS_PACKAGES_DIR to a writable folder") from exc
    try:
        archive = download(entry, folder, timeout=timeout, index=index)
        try:
            return entry, install_model(archive, root, source_language=source, target_languages=[target])
        except L10nError as exc:  # name the download, not the temporary file
            raise L10nError(
                f"{exc.message} (downloaded from {entry.links[0] if len(entry.links) == 1 else 'the index links'})",
                hint=f"{exc.hint}; {offline_hint(source, target, index)}" if exc.hint else offline_hint(source, target, index),
            ) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)

"""Installed argos translation packages: find, list and install ``.argosmodel`` files.

An ``.argosmodel`` is a zip archive of one folder holding ``metadata.json``,
a CTranslate2 model in ``model/`` and a ``sentencepiece.model`` (or
``bpe.model``).  argostranslate installs one by unzipping it into its packages
folder; we do the same, but validate the archive first (``l10n.engines.package_archive``:
caps, names, bounded metadata), unpack it in a staging folder inside the
packages folder, load its model and tokenizer there, and only then rename it
into place.

Finding and listing packages reads ``metadata.json`` with the json module only:
it never imports argostranslate (whose ``settings`` module creates folders in
the user's home on import) nor CTranslate2, so it is cheap; installing loads
the new model once with CTranslate2.  Nothing here touches the network
(downloads are ``l10n.engines.package_index``'s).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from l10n.engines.package_archive import Layout, Limits, extract, read_layout, read_metadata
from l10n.engines.subword import require_bpe
from l10n.errors import L10nError

__all__ = [
    "InstallResult", "ModelInfo", "argos_code", "find_package", "install_model", "installed_models", "packages_dir",
]

# Our gettext codes → argostranslate's codes.  argos calls Simplified Chinese
# "zh" and Traditional Chinese "zt"; other languages use the bare ISO 639 code.
_TRADITIONAL = {"tw", "hk", "mo", "hant"}


def argos_code(code: str) -> str:
    """Return argostranslate's code for one of our language codes.

    ``zh``, ``zh_CN``, ``zh_Hans`` → ``zh``; ``zh_TW``, ``zh_Hant``, ``zh_HK`` →
    ``zt``; anything else → its language subtag (``pt_BR`` → ``pt``).
    """
    parts = code.strip().replace("-", "_").lower().split("_")
    if parts[0] == "zt":
        return "zt"
    if parts[0] == "zh":
        return "zt" if _TRADITIONAL & set(parts[1:]) else "zh"
    return parts[0]


@dataclass(frozen=True)
class ModelInfo:
    """One installed (or about to be installed) argos translation package."""

    name: str  # folder name, e.g. "translate-en_zh-1_9"
    from_code: str  # argos code of the source language
    to_code: str  # argos code of the target language
    version: str  # package_version from metadata.json
    path: Path  # the package folder
    tokenizer: str = "sentencepiece"  # "sentencepiece" or "bpe"
    target_prefix: str = ""

    @property
    def ident(self) -> str:
        """Return the model identity for provenance comments: ``translate-en_zh-1.9``."""
        return f"translate-{self.from_code}_{self.to_code}-{self.version or 'unversioned'}"

    def describe(self) -> str:
        """Return a one-line description: ``en→zh translate-en_zh-1_9 1.9 (/path)``."""
        version = self.version or "unversioned"
        return f"{self.from_code}→{self.to_code} {self.name} {version} ({self.path})"


@dataclass(frozen=True)
class InstallResult:
    """What ``install_model`` did."""

    model: ModelInfo
    replaced: tuple[ModelInfo, ...] = ()  # packages of the same pair that were removed


def packages_dir(explicit: Path | None = None) -> Path:
    """Return the argos packages folder, chosen the way argostranslate chooses it.

    ``explicit`` wins; then ``$ARGOS_PACKAGES_DIR``; then ``ARGOS_PACKAGES_DIR``
    in argostranslate's ``settings.json``; then
    ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/...``).
    The environment is read on every call (argostranslate reads it once, at
    import) and nothing is created.
    """
    if explicit is not None:
        return Path(explicit)
    from_env = os.environ.get("ARGOS_PACKAGES_DIR")
    if from_env:
        return Path(from_env)
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()
    # An empty XDG variable counts as unset (the XDG spec; argostranslate
    # would use it as a relative path).
    config_dir = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate"
    try:
        configured = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        configured = {}
    if isinstance(configured, dict) and isinstance(configured.get("ARGOS_PACKAGES_DIR"), str):
        return Path(configured["ARGOS_PACKAGES_DIR"])
    data_dir = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate"
    return data_dir / "packages"


def _model_info(folder: Path, metadata: dict, files: Iterable[str]) -> ModelInfo:
    names = set(files)
    tokenizer = "sentencepiece" if "sentencepiece.model" in names else "bpe"
    return ModelInfo(
        name=folder.name,
        from_code=metadata["from_code"].strip(),
        to_code=metadata["to_code"].strip(),
        version=metadata.get("package_version", "").strip(),
        path=folder,
        tokenizer=tokenizer,
        target_prefix=metadata.get("target_prefix", ""),
    )


def installed_models(directory: Path | None = None) -> list[ModelInfo]:
    """Return the usable translation packages in the packages folder, sorted by pair.

    Folders without a readable, valid metadata.json or without a model are
    skipped (argostranslate itself would fail on them).
    """
    root = packages_dir(directory)
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            metadata = read_metadata((folder / "metadata.json").read_bytes(), where=folder)
        except (OSError, L10nError):
            continue
        if not (folder / "model" / "model.bin").is_file():
            continue
        files = [p.name for p in folder.iterdir()]
        if "sentencepiece.model" not in files and "bpe.model" not in files:
            continue
        found.append(_model_info(folder, metadata, files))
    return sorted(found, key=lambda m: (m.from_code, m.to_code, m.name))


def find_package(from_code: str, to_code: str, packages_dir: Path | None = None) -> ModelInfo | None:
    """Return the installed package translating ``from_code`` → ``to_code``, or None.

    Codes are ours (``en``, ``zh_CN``, ``zh_TW``) and are mapped to argos codes.
    When several packages serve the pair, the one with the highest version wins.
    Cheap: reads metadata files only.
    """
    want = (argos_code(from_code), argos_code(to_code))
    matches = [m for m in installed_models(packages_dir) if (m.from_code, m.to_code) == want]
    if not matches:
        return None
    return max(matches, key=lambda m: (_version_key(m.version), m.name))


def _version_key(version: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in version.replace("_", ".").split("."))


def _check_contents(archive: Path, layout: Layout) -> list[str]:
    """Raise L10nError unless the archive holds a model and a tokenizer; return top-level file names."""
    names = layout.names()
    if "model/model.bin" not in names:
        raise L10nError(
            "the package has no CTranslate2 model (model/model.bin is missing)",
            path=archive,
            hint="the file is incomplete or not a translation model; get a fresh copy",
        )
    files = [name for name in names if "/" not in name]
    if "sentencepiece.model" not in files and "bpe.model" not in files:
        raise L10nError(
            "the package has no tokenizer (sentencepiece.model or bpe.model)",
            path=archive,
            hint="the file is incomplete; get a fresh copy",
        )
    if "sentencepiece.model" not in files:
        require_bpe(archive)
    metadata = layout.metadata
    if metadata["from_code"].strip() == metadata["to_code"].strip():
        raise L10nError("the package translates a language into itself", path=archive, hint="install a model between two languages")
    return files


def _check_pair(archive: Path, metadata: dict, source_language: str | None, target_languages: Sequence[str] | None) -> None:
    pair = f"{metadata['from_code']}→{metadata['to_code']}"
    if source_language is not None and metadata["from_code"].strip() != argos_code(source_language):
        raise L10nError(
            f"this model translates {pair}, but the project's source language is {source_language}",
            path=archive,
            hint=f"install a model from {argos_code(source_language)} (translate-{argos_code(source_language)}_*.argosmodel), "
            "or pass --any-pair to install it anyway",
        )
    if target_languages:
        wanted = {argos_code(t): t for t in target_languages}
        if metadata["to_code"].strip() not in wanted:
            names = ", ".join(sorted(wanted))
            note = " (zt is argos's code for Traditional Chinese, e.g. zh_TW)" if "zt" in pair else ""
            raise L10nError(
                f"this model translates {pair}{note}, but the project translates into {', '.join(target_languages)}",
                path=archive,
                hint=f"install a model into {names}, add the language to target-languages in "
                "[tool.l10n], or pass --any-pair to install it anyway",
            )


STAGING_PREFIX = ".l10n-staging-"


def clean_stale_staging(root: Path) -> list[Path]:
    """Remove staging folders left in ``root`` by installs that died (kill -9, power cut); return them.

    A staging folder is named ``.l10n-staging-<pid>-<random>``; it is stale when
    that process is gone or the folder is a day old.
    """
    removed = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(STAGING_PREFIX) or not entry.is_dir() or entry.is_symlink():
            continue
        pid_text = entry.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        alive = pid_text == str(os.getpid())
        if pid_text.isdigit() and not alive:
            try:
                os.kill(int(pid_text), 0)
                alive = True
            except ProcessLookupError:
                alive = False
            except (PermissionError, OverflowError, OSError):
                alive = True
        try:
            old = time.time() - entry.stat().st_mtime > 24 * 3600
        except OSError:
            continue
        if not alive or old:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def verify_package(folder: Path, archive: Path | str) -> None:
    """Load the tokenizer and the CTranslate2 model of an unpacked package and translate one word.

    Raises L10nError naming ``archive`` when either cannot be loaded: a package
    with a garbage model must never replace a working one.
    """
    hint = "the package is damaged; get a fresh copy of the .argosmodel file (nothing was replaced)"
    pieces = ["▁a"]
    sp_model = folder / "sentencepiece.model"
    if sp_model.is_file():
        import sentencepiece

        try:
            processor = sentencepiece.SentencePieceProcessor(model_file=str(sp_model))
            pieces = processor.encode("Hello.", out_type=str) or pieces
        except (RuntimeError, OSError, ValueError) as exc:
            raise L10nError(f"the SentencePiece model cannot be loaded ({str(exc)[:200]})", path=archive, hint=hint) from exc
    import ctranslate2

    try:
        translator = ctranslate2.Translator(str(folder / "model"), device="cpu", compute_type="default", intra_threads=1)
        translator.translate_batch([pieces], max_decoding_length=4, beam_size=1)
    except (RuntimeError, ValueError, OSError, IndexError) as exc:
        raise L10nError(f"the CTranslate2 model cannot be loaded ({str(exc)[:200]})", path=archive, hint=hint) from exc


def install_model(
    archive: Path,
    directory: Path | None = None,
    *,
    source_language: str | None = None,
    target_languages: Sequence[str] | None = None,
    limits: Limits = Limits(),
    verify: bool = True,
) -> InstallResult:
    """Install a local ``.argosmodel`` file into the packages folder; return what was done.

    The archive is validated first (zip, safe names, sizes within ``limits``,
    one visible folder with bounded metadata.json, a model and a tokenizer, a
    pair the project can use when ``source_language`` / ``target_languages``
    are given); it is unpacked into a staging folder inside the packages
    folder (one filesystem, so the final rename cannot fail with EXDEV), the
    model and tokenizer are loaded there (``verify``), and only then are
    installed packages of the same pair replaced, by renames.  Any problem
    raises L10nError and leaves the installed packages as they were.  Stale
    staging folders of killed installs are removed.  Never touches the network.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise L10nError("no such file", path=archive, hint="pass the path of a downloaded .argosmodel file")
    if not zipfile.is_zipfile(archive):
        raise L10nError(
            "not an argos model: the file is not a zip archive",
            path=archive,
            hint="an .argosmodel file is a zip archive; download it again or check you passed the right file",
        )
    try:
        with zipfile.ZipFile(archive) as zf:
            layout = read_layout(archive, zf, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise L10nError(f"damaged zip archive ({exc})", path=archive, hint="download the model again") from exc
    files = _check_contents(archive, layout)
    metadata, top = layout.metadata, layout.top
    _check_pair(archive, metadata, source_language, target_languages)

    root = packages_dir(directory)
    target = root / top
    pair = (metadata["from_code"].strip(), metadata["to_code"].strip())
    try:
        root.mkdir(parents=True, exist_ok=True)
        clean_stale_staging(root)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=root))
    except OSError as exc:
        raise L10nError(
            f"cannot write to the packages folder ({exc.strerror or exc})",
            path=root,
            hint="set ARGOS_PACKAGES_DIR to a writable folder",
        ) from exc
    moved: list[tuple[Path, Path]] = []
    try:
        unpacked = staging / "new"
        try:
            with zipfile.ZipFile(archive) as zf:
                extract(zf, layout, unpacked, limits)
        except (EOFError, zipfile.BadZipFile, zlib.error) as exc:
            raise L10nError(
                f"could not install the model: the archive is damaged ({exc})", path=archive, hint="download the model again"
            ) from exc
        except OSError as exc:
            raise L10nError(
                f"could not install the model ({exc})", path=archive, hint="check free disk space and permissions, then run again"
            ) from exc
        if verify:
            verify_package(unpacked, archive)
        same_pair = [m for m in installed_models(root) if (m.from_code, m.to_code) == pair or m.path.name == top]
        displaced = [m.path for m in same_pair]
        if target.exists() and target not in displaced:
            displaced.append(target)  # a broken leftover of the same name
        try:
            for index, old in enumerate(displaced):
                os.replace(old, staging / f"old-{index}")
                moved.append((old, staging / f"old-{index}"))
            os.replace(unpacked, target)
        except OSError as exc:
            for old, parked in reversed(moved):
                if not old.exists():
                    os.replace(parked, old)
            raise L10nError(
                f"could not install the model ({exc})", path=archive, hint="check free disk space and permissions, then run again"
            ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return InstallResult(model=_model_info(target, metadata, files), replaced=tuple(same_pair))

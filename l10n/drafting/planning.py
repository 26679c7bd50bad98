"""What a translate run will write, worked out before anything is written.

``plan_project`` does in memory what ``extract`` and ``update`` would write
(the templates and the merged catalogues of one language); ``check_writable``
makes sure every folder the run writes to can take a file.  ``translate``
writes nothing until both have passed (and the glossary and engine are
loaded), so a refused run leaves every file as it was.

The plan remembers the digest of every catalogue as it read it; writing the
merge is skipped for a catalogue a person saved since (their file is left
as it is, and ``translate``'s first save merges it, ``l10n.po.concurrent``).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence, TypeVar

from l10n.errors import L10nError
from l10n.extract import build_template, source_documents
from l10n.po.catalog import Catalog
from l10n.po.concurrent import file_digest, replace_if_unchanged, text_digest
from l10n.po.merge import stamped
from l10n.po.read import language_catalogs, read_catalog
from l10n.po.wrapping import Wrap, page_width
from l10n.po.write import PAGE_WIDTH, encode_catalog, write_catalog
from l10n.project.config import Settings
from l10n.update import plan_update

T = TypeVar("T")


@dataclass
class ProjectPlan:
    """Templates and catalogues of some languages as the run will leave them before drafting."""

    settings: Settings
    templates: list[tuple[Catalog, Catalog | None]] = field(default_factory=list)  # (new, old)
    updates: list[tuple[Path, Catalog, Catalog | None]] = field(default_factory=list)  # (path, merged, old)
    catalogs: dict[str, dict[Path, Catalog]] = field(default_factory=dict)  # lang -> every catalogue of it
    digests: dict[Path, str | None] = field(default_factory=dict)  # catalogue -> digest of what is on disk, as l10n knows it
    bases: dict[Path, Catalog] = field(default_factory=dict)  # catalogue -> what that digest holds

    @property
    def writes(self) -> list[Path]:
        """Paths the plan writes (those whose content changes)."""
        paths = [t.path for t, old in self.templates if t != old and t.path is not None]
        return paths + [path for path, merged, old in self.updates if merged != old]

    def write(self) -> None:
        """Write the changed templates, then the changed catalogues."""
        for template, old in self.templates:
            if template != old and template.path is not None:
                write_catalog(template.path, template)
        for path, merged, old in self.updates:
            if merged != old:
                width = page_width(self.settings.wrap, path)
                written_catalog = stamped(merged)
                text = encode_catalog(written_catalog, PAGE_WIDTH if width == Wrap.GETTEXT else width)[0]
                try:
                    written = replace_if_unchanged(path, text, self.digests.get(path))
                except OSError as exc:
                    raise L10nError(f"cannot write: {exc.strerror or exc}", path=path, hint="check its permissions") from None
                if written:
                    self.digests[path], self.bases[path] = text_digest(text), written_catalog


def plan_project(settings: Settings, langs: Sequence[str]) -> ProjectPlan:
    """Return what extract and update would do for ``langs``, without writing."""
    plan = ProjectPlan(settings)
    plan.templates = [build_template(settings, path) for path in source_documents(settings)]
    templates = {t.path.stem: t for t, _ in plan.templates if t.path is not None}
    on_disk = {p.stem for p in settings.locales.glob("*.pot")} if settings.locales.is_dir() else set()
    for lang in langs:
        catalogs: dict[Path, Catalog] = {}
        for domain in sorted(set(templates) | on_disk):
            path = settings.po_path(lang, domain)
            template = templates.get(domain)
            (result, old), plan.digests[path] = _steady(path, lambda: plan_update(settings, lang, domain, template))
            assert result.catalog is not None
            plan.updates.append((result.path, result.catalog, old))
            catalogs[result.path] = result.catalog
            plan.bases[path] = old if old is not None else Catalog()
        for path in language_catalogs(settings.locales, lang):
            if path not in catalogs:
                catalogs[path], plan.digests[path] = _steady(path, lambda: read_catalog(path))
                plan.bases[path] = catalogs[path]
        plan.catalogs[lang] = dict(sorted(catalogs.items()))
    return plan


def _steady(path: Path, read: Callable[[], T]) -> tuple[T, str | None]:
    """``read()`` and the digest of the file it read (read again if the file changed meanwhile)."""
    for _ in range(20):
        before = file_digest(path)
        value = read()
        if file_digest(path) == before:
            return value, before
    return value, None  # it keeps changing: a digest that matches nothing makes the first save merge


def check_writable(paths: Iterable[Path]) -> None:
    """Raise L10nError unless a file can be created in the folder of every path.

    The nearest existing folder is tried with a temporary file (removed at
    once), which also catches read-only mounts that permission bits miss.
    """
    for folder in sorted({Path(p).parent for p in paths}):
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise L10nError("is not a folder, so no catalogue can be written under it", path=existing,
                            hint="remove or rename it, then run again")
        try:
            fd, probe = tempfile.mkstemp(prefix=".l10n-probe.", dir=existing)
        except OSError as exc:
            raise L10nError(
                f"cannot write in this folder: {exc.strerror or exc}",
                path=existing,
                hint="make it writable (chmod u+w) and run again; nothing was changed",
            ) from None
        os.close(fd)
        os.unlink(probe)

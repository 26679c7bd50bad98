"""Stage ``update``: merge each template into every language's catalogue (msgmerge semantics).

Everything is read and merged before anything is written, so bad input
modifies nothing; an unchanged catalogue is not written again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from l10n.errors import L10nError
from l10n.po.catalog import Catalog
from l10n.po.merge import MergeStats, merge, stamped
from l10n.po.read import read_catalog
from l10n.po.wrapping import page_width
from l10n.po.write import write_catalog
from l10n.project.config import Settings
from l10n.text.languages import normalize_language


@dataclass(frozen=True)
class UpdateResult:
    """What updating one catalogue did."""

    lang: str
    domain: str
    path: Path
    stats: MergeStats
    changed: bool
    catalog: Catalog | None = field(default=None, compare=False, repr=False)  # the merged catalogue

def plan_update(
    settings: Settings, lang: str, domain: str, pot: Catalog | None = None
) -> tuple[UpdateResult, Catalog | None]:
    """Return the merge of ``lang`` for ``domain`` (not yet written) and the old catalogue."""
    pot_path = settings.pot_path(domain)
    if pot is None and not pot_path.exists():
        raise L10nError("template not found", path=pot_path, hint="run `l10n extract` first")
    if pot is None:
        pot = read_catalog(pot_path)
    po_path = settings.po_path(lang, domain)
    po = read_catalog(po_path) if po_path.exists() else None
    catalog, stats = merge(pot, po, lang)
    catalog = replace(catalog, path=po_path)
    return UpdateResult(lang, domain, po_path, stats, changed=False, catalog=catalog), po

def update_all(
    settings: Settings, langs: Iterable[str], templates: dict[str, Catalog] | None = None
) -> list[UpdateResult]:
    """Update every template's catalogue for every language in ``langs``.

    ``templates`` maps a domain to its template already in memory (from
    ``extract_all``), which saves reading it again.
    """
    codes = [normalize_language(lang) for lang in langs]
    if not settings.locales.is_dir():
        raise L10nError("locales folder not found", path=settings.locales, hint="run `l10n extract` first")
    domains = sorted(p.stem for p in settings.locales.glob("*.pot"))
    if not domains:
        raise L10nError("no templates (*.pot)", path=settings.locales, hint="run `l10n extract` first")
    # Read and merge everything before writing anything: bad input modifies nothing.
    templates = templates or {}
    planned = [plan_update(settings, lang, domain, templates.get(domain)) for lang in codes for domain in domains]
    # An unchanged catalogue needs neither formatting nor writing, whoever saved it last.
    return [
        replace(
            result,
            changed=result.catalog != old
            and write_catalog(result.path, stamped(result.catalog), page_width(settings.wrap, result.path)),
        )
        for result, old in planned
    ]

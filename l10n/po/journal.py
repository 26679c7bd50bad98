"""The draft journal: the text of every draft l10n wrote, for post-editing numbers.

A draft's marker fingerprints its text (``l10n.po.provenance``), which tells an
edited draft from an untouched one but not how much was edited.  ``translate``
therefore also keeps each draft's text in ``<domain>.drafts.json`` beside the
catalogue, keyed by the marker's source and text fingerprints; ``stats``
measures the character edit distance between it and what the translator
left.  Editors never see the file; it is written atomically, only when its
content changes, and holds only drafts whose marker is still in the catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path

from l10n.fsutil import atomic_write_text
from l10n.po.catalog import Catalog
from l10n.po.provenance import find

SCHEMA = 1


def journal_path(po_path: Path) -> Path:
    """Return the journal of the catalogue at ``po_path``: ``<domain>.drafts.json``."""
    return po_path.with_name(po_path.stem + ".drafts.json")


def read_journal(po_path: Path) -> dict[str, str]:
    """Return the journal of ``po_path`` (empty if missing or unreadable: it only feeds statistics)."""
    path = journal_path(po_path)
    try:
        if not path.is_file():
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    drafts = data.get("drafts") if isinstance(data, dict) else None
    if not isinstance(drafts, dict):
        return {}
    return {k: v for k, v in drafts.items() if isinstance(k, str) and isinstance(v, str)}


def journal_text(catalog: Catalog, drafts: dict[str, str]) -> str:
    """Return the journal's text for ``catalog``: the ``drafts`` whose marker it still holds."""
    keys = set()
    for entry in catalog.entries:
        found = find(entry)
        if found is not None:
            keys.add(found.key)
    kept = {k: drafts[k] for k in sorted(keys) if k in drafts}
    return json.dumps({"schema": SCHEMA, "drafts": kept}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_journal(po_path: Path, catalog: Catalog, drafts: dict[str, str]) -> bool:
    """Write the journal of ``po_path`` atomically; False when it was unchanged or empty and absent."""
    path = journal_path(po_path)
    text = journal_text(catalog, drafts)
    if not path.exists() and '"drafts": {}' in text:
        return False
    return atomic_write_text(path, text)

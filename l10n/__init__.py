"""l10n: sentences in gettext catalogues, an enforced glossary, offline drafts, QA."""

from __future__ import annotations

__version__ = "0.1.0"

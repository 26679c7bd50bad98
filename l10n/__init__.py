"""l10n: sentences in gettext catalogues, an enforced glossary, offline drafts, QA.

The packages, lowest first; each imports only those before it (the
README's ARCHITECTURE section draws it, ``tests/test_architecture.py``
holds it):

- ``errors``, ``fsutil``: one error type, safe reads and atomic writes
- ``text``: languages, segmentation, numerals, line breaking, encodings
- ``po``: the catalogue model, read, write, merge, provenance, memory
- ``project``: settings and the project lock
- ``engines``: machine translation engines and their model packages
- ``formats``: source documents (plain text, Markdown, HTML)
- ``glossary``: terms, their files, validation, matching, enforcement
- ``checks``: QA checks over catalogues
- stages: ``extract`` → ``update`` → ``translate`` (with ``drafting``) →
  ``build``, ``score`` (with ``align``), ``stats``, ``fmt``, ``report``
- ``cli``: the command line, a thin door to the stages
"""

from __future__ import annotations

__version__ = "0.1.0"

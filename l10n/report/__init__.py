"""The report layer: the one place that turns what a stage returns into the text a command prints.

The stages return data (frozen dataclasses: ``CheckResult``, ``CatalogStats``,
``ScoreReport``, ``BuildReport``, ``TranslateSummary``...); each module here
holds pure functions ``render_*(data) -> str`` that return the exact text,
per output format where a command offers ``--format``.  Nothing here prints,
writes or exits; the CLI calls the stage, the renderer, and echoes.

- ``check``: ``l10n check`` as text, JSON, JUnit XML, SARIF (``CheckFormat``).
- ``summary``: ``l10n stats``, ``l10n score`` (``SummaryFormat``) and
  ``l10n glossary export`` (``GlossaryFormat``).
- ``runs``: the one-form output of extract, update, translate, build and fmt.
- ``listings``: glossary list, check and import; model list, search and
  install; engines.

It may import the library packages and every other stage (it is the last
stage before the CLI); nothing but ``l10n.cli`` imports it.  Import each name
from the module that defines it: this package's ``__init__`` re-exports nothing.
"""

"""Command-line interface: ``l10n COMMAND``, the thin door to the stages.

Parses options, calls one stage, echoes its result as rendered by the
``l10n.report`` package (per format where there is a ``--format``); library errors (``L10nError``) reach one handler, the root
group's ``invoke`` in ``l10n.cli.app``.  May import anything in
``l10n``; nothing in ``l10n`` imports it.  See ``l10n --help``.
"""

from __future__ import annotations

# Each module registers its commands on ``app``.  Library modules are imported
# inside the command functions; at import time only the types the options are
# typed with are (the format enums of l10n.report.check and .summary, Severity, the engine-name check).
from l10n.cli import catalog_commands, translate_command  # noqa: F401
from l10n.cli import glossary  # noqa: F401
from l10n.cli import check  # noqa: F401
from l10n.cli import model  # noqa: F401
from l10n.cli import output_commands  # noqa: F401
from l10n.cli import fmt_command  # noqa: F401


"""Helpers shared by several test modules (plain functions; fixtures live in conftest.py).

Import them as ``from helpers import run_cli``: pytest puts ``tests/`` on the
import path (the test files are not a package).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class CliRun:
    """What one in-process run of the console entry point did."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Return stdout then stderr, as a terminal would show them."""
        return self.out + self.err


def run_cli(args: list[str], capture: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> CliRun:
    """Run ``l10n ARGS`` through the console entry point (``main``, error mapping included) in this process.

    ``capture`` is ``capsys`` or ``capfd``; what it held before the run is
    dropped.  ``main`` must end with ``SystemExit`` (it always calls
    ``sys.exit``); anything else, an uncaught exception included, fails the
    test.  Returns the exit status (``None`` read as 0, a non-integer code as
    2) and what the run printed.
    """
    from l10n.cli import main

    capture.readouterr()
    monkeypatch.setattr(sys, "argv", ["l10n", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    code = exit_info.value.code
    captured = capture.readouterr()
    return CliRun(0 if code is None else code if isinstance(code, int) else 2, captured.out, captured.err)

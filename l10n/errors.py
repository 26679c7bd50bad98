"""The one exception the library raises for conditions a user can fix."""

from __future__ import annotations

from pathlib import Path


class L10nError(Exception):
    """Bad input or usage: names the file (and line) and the next step.

    The CLI prints ``str(error)`` and exits with status 2; nothing else in the
    package prints or exits.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.hint = hint

    @property
    def location(self) -> str:
        """``file:line``, ``file`` or an empty string."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        where = self.location
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f"\n  {self.hint}"
        return text

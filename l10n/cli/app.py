"""The typer application and what every command shares.

Commands parse options, call one library function and render its result.
Errors take one path: a command never catches ``L10nError``; ``_Door.invoke``
prints every one that reaches it (file, line, hint) and exits 2, whether the
app runs from ``main`` or from a test's ``CliRunner``.  ``main`` maps what
is left to exit statuses: typer's usage errors, Ctrl-C, aborts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from l10n import __version__
from l10n.errors import L10nError


class _Door(TyperGroup):
    """The root command group: the one place where a library error becomes a message and exit 2."""

    def invoke(self, ctx: typer.Context) -> Any:
        # Subcommands (their option parsing included) run inside this call.
        try:
            return super().invoke(ctx)
        except L10nError as exc:
            typer.echo(f"error: {printable(str(exc))}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=_Door,
    name="l10n",
    help="Translate documents through gettext catalogues: segment, extract, "
    "draft offline, enforce a glossary, check, score and build.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"l10n {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    root: Annotated[
        Optional[Path], typer.Option("--root", help="Project folder (default: found by walking up from the current folder).")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    ctx.obj = {"root": root}


def settings(ctx: typer.Context):
    """Return the project's Settings for a command (raises L10nError if none).

    Its input policy (size cap, external links) holds until the command ends.
    """
    from l10n.fsutil import using_policy
    from l10n.project.config import load_settings

    obj = ctx.find_root().obj or {}
    loaded = load_settings(obj.get("root"))
    ctx.with_resource(using_policy(loaded.input_policy()))
    return loaded


def refuse_project_input(s, output: Path) -> None:
    """L10nError if ``output`` is an existing seed, glossary file, catalogue, template or pyproject.toml.

    A report or an export named after one by a slip (``-o seeds/doc.txt``) used to replace it.
    """
    target = Path(output).resolve()
    if not target.is_file():
        return
    folders = [folder.resolve() for folder in (s.seeds, s.glossary)]
    if target == (s.root / "pyproject.toml").resolve() or target.suffix in (".po", ".pot", ".mo") or any(
        folder in target.parents for folder in folders
    ):
        raise L10nError(
            "is a project input: the output would replace it",
            path=output,
            hint="write to another file, e.g. -o report.txt",
        )


def printable(text: str) -> str:
    """Return ``text`` with what UTF-8 cannot encode (a file name's undecodable bytes) escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def main() -> None:
    """Console entry point: run the app, map what is left to exit statuses.

    Library errors were printed by ``_Door.invoke`` and arrive here as exit status 2.
    """
    try:
        # Without standalone mode typer *returns* the code of a typer.Exit
        # (a library error, check's exit 1) instead of raising it.
        code = app(standalone_mode=False)
    except typer.TyperException as exc:
        # Typer's usage errors (a bad option or value, a missing argument).  Typer
        # vendors click; its click exceptions all derive from TyperException.
        exc.show()  # type: ignore[attr-defined]
        sys.exit(2)
    except KeyboardInterrupt:
        code = 130
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    if code == 130:  # Ctrl-C: typer turns KeyboardInterrupt into this code
        typer.echo("interrupted: finished work was saved; run the command again to continue", err=True)
    sys.exit(code if isinstance(code, int) else 0)

"""l10n model install FILE / l10n model list: offline translation models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from l10n.cli.app import app

model_app = typer.Typer(
    help="Install, search and list offline translation models (argos .argosmodel packages). Only install SOURCE TARGET and search use the network.",
    no_args_is_help=True,
)
app.add_typer(model_app, name="model")


def _project_pair(ctx: typer.Context) -> tuple[str | None, tuple[str, ...] | None]:
    """Return the project's (source, targets), or (None, None) outside any project."""
    from l10n.errors import L10nError
    from l10n.project.config import find_root, load_settings

    root = (ctx.find_root().obj or {}).get("root")
    if root is None:
        try:
            root = find_root()
        except L10nError:
            return None, None
    settings = load_settings(root)
    return settings.source_language, settings.target_languages


def _index(ctx: typer.Context, explicit: str | None) -> str:
    """Return the model index URL: --index, $L10N_MODEL_INDEX, [tool.l10n] model-index, argos's public index."""
    from l10n.engines.package_index import index_url
    from l10n.errors import L10nError
    from l10n.project.config import find_root, load_settings

    configured = None
    root = (ctx.find_root().obj or {}).get("root")
    try:
        configured = load_settings(root if root is not None else find_root()).model_index
    except L10nError:
        if root is not None:
            raise
    return index_url(explicit, configured)


@model_app.command("install")
def install(
    ctx: typer.Context,
    what: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE | SOURCE TARGET", help="A local .argosmodel file, or a language pair (en zh) to download."
        ),
    ],
    any_pair: Annotated[
        bool, typer.Option("--any-pair", help="Install even if the project does not translate this language pair.")
    ] = False,
    index: Annotated[
        Optional[str],
        typer.Option(
            "--index",
            help="Model index URL, file:// URL or path (default: $L10N_MODEL_INDEX, model-index, argos's index).",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait on the network before giving up.")
    ] = 30.0,
) -> None:
    """Install a translation model from a local .argosmodel file, or download one by language pair (verified, atomic)."""
    from l10n.engines.packages import install_model, packages_dir
    from l10n.errors import L10nError
    from l10n.report.listings import render_model_install

    entry = None
    if len(what) == 2 and not what[0].endswith(".argosmodel"):
        from l10n.engines.package_index import install_pair

        entry, result = install_pair(what[0], what[1], index=_index(ctx, index), timeout=timeout)
    elif len(what) == 1:
        source, targets = (None, None) if any_pair else _project_pair(ctx)
        result = install_model(Path(what[0]), source_language=source, target_languages=targets)
    else:
        raise L10nError(
            f"expected a .argosmodel file or a SOURCE TARGET pair, got {len(what)} arguments",
            hint="l10n model install FILE.argosmodel, or l10n model install en zh",
        )
    typer.echo(render_model_install(result, packages_dir(), entry), nl=False)


@model_app.command("search")
def search(
    ctx: typer.Context,
    source: Annotated[Optional[str], typer.Argument(help="Source language (e.g. en); all when omitted.")] = None,
    target: Annotated[Optional[str], typer.Argument(help="Target language (e.g. zh); all when omitted.")] = None,
    index: Annotated[Optional[str], typer.Option("--index", help="Model index URL, file:// URL or path.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait on the network.")] = 30.0,
) -> None:
    """List the models the index offers for a language pair (needs the network, or a local index copy)."""
    from l10n.engines.package_index import fetch_index
    from l10n.engines.package_index import search as find
    from l10n.report.listings import render_model_search

    url = _index(ctx, index)
    found = find(fetch_index(url, timeout=timeout, source=source, target=target), source, target)
    typer.echo(render_model_search(found, url, source, target), nl=False)


@model_app.command("list")
def list_models() -> None:
    """List installed translation models: pair, package, version, folder."""
    from l10n.engines.packages import installed_models, packages_dir
    from l10n.report.listings import render_model_list

    typer.echo(render_model_list(installed_models(), packages_dir()), nl=False)


@app.command("engines")
def engines(ctx: typer.Context) -> None:
    """List the translation engines (built-in and plug-ins), their options and whether they cover the project's pairs."""
    from l10n.engines.registry import list_engines
    from l10n.errors import L10nError
    from l10n.report.listings import render_engines

    source, targets = _project_pair(ctx)
    tables: dict = {}
    try:
        from l10n.cli.app import settings

        tables = settings(ctx).engine_tables()
    except L10nError:
        pass
    typer.echo(render_engines(list_engines(source, targets, tables)), nl=False)

"""l10n model install FILE / l10n model list: offline translation models."""

from __future__ import annotations

from pathlib import Path

import typer

from l10n.cli.app import app

model_app = typer.Typer(
    help="Install and list offline translation models (argos .argosmodel packages). Never downloads.",
    no_args_is_help=True,
)
app.add_typer(model_app, name="model")


def _project_pair(ctx: typer.Context) -> tuple[str | None, tuple[str, ...] | None]:
    """Return the project's (source, targets), or (None, None) outside any project."""
    from l10n.config import find_root, load_settings
    from l10n.errors import L10nError

    root = (ctx.find_root().obj or {}).get("root")
    if root is None:
        try:
            root = find_root()
        except L10nError:
            return None, None
    settings = load_settings(root)
    return settings.source_language, settings.target_languages


@model_app.command("install")
def install(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A local .argosmodel file."),
    any_pair: bool = typer.Option(
        False, "--any-pair", help="Install even if the project does not translate this language pair."
    ),
) -> None:
    """Install a translation model from a local .argosmodel file (validated, atomic)."""
    from l10n.models import install_model, packages_dir

    source, targets = (None, None) if any_pair else _project_pair(ctx)
    result = install_model(file, source_language=source, target_languages=targets)
    for old in result.replaced:
        typer.echo(f"replaced {old.describe()}")
    typer.echo(f"installed {result.model.describe()}")
    typer.echo(f"models folder: {packages_dir()} (set ARGOS_PACKAGES_DIR to change)")


@model_app.command("list")
def list_models() -> None:
    """List installed translation models: pair, package, version, folder."""
    from l10n.models import installed_models, packages_dir

    models = installed_models()
    if not models:
        typer.echo(f"no models installed in {packages_dir()}")
        typer.echo("install one with: l10n model install FILE.argosmodel")
        return
    for model in models:
        typer.echo(model.describe())


@app.command("engines")
def engines(ctx: typer.Context) -> None:
    """List the translation engines (built-in and plug-ins), their options and whether they cover the project's pairs."""
    from l10n.engines.registry import get_provider, engine_names, resolve_options
    from l10n.errors import L10nError

    source, targets = _project_pair(ctx)
    tables: dict = {}
    try:
        from l10n.cli.app import settings

        tables = settings(ctx).engine_tables()
    except L10nError:
        pass
    for name in engine_names():
        try:
            provider = get_provider(name)
        except L10nError as exc:
            typer.echo(f"{name}: cannot be loaded ({exc.message})")
            continue
        typer.echo(f"{name}: {provider.summary}" + ("" if provider.auto_rank > 0 else " (never picked by auto)"))
        if provider.options:
            typer.echo("  options: " + ", ".join(o.name for o in provider.options))
        for target in targets or ():
            try:
                options, _ = resolve_options(provider, tables.get(name), None)
                coverage = provider.covers(source or "en", target, dict(options))
                verdict = ("covers " if coverage.ok else "does not cover ") + f"{source}→{target}: {coverage.reason}"
            except L10nError as exc:
                verdict = f"{source}→{target}: {exc.message}"
            typer.echo(f"  {verdict}")

"""translate: extract, update and fill drafts, with a progress bar and a summary (l10n.report.runs).

The progress bar and the warnings the run reports while it drafts stream from here, to standard error.
"""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from typing import Annotated, Optional

import typer

from l10n.cli.app import app, settings
from l10n.engines.registry import known_engine
from l10n.errors import L10nError


@app.command()
def translate(
    ctx: typer.Context,
    to: Annotated[
        list[str], typer.Option("--to", help="Target language, e.g. zh; repeat it (or use commas) for several.")
    ],
    engine: Annotated[
        str,
        # The choice comes from the engine registry (plug-ins register by entry point), checked at the door.
        typer.Option(
            "--engine",
            parser=known_engine,
            help="auto (the best engine that covers the pair), argos, openai, fallback, or a plug-in's name; see `l10n engines`.",
        ),
    ] = "auto",
    engine_option: Annotated[
        list[str],
        typer.Option(
            "--engine-option", metavar="KEY=VALUE", help="An engine option (repeatable); wins over the pyproject engine table."
        ),
    ] = [],
    device: Annotated[Optional[str], typer.Option("--device", help="auto, cpu or cuda (CTranslate2 engines).")] = None,
    compute_type: Annotated[
        Optional[str], typer.Option("--compute-type", help="CTranslate2 compute type, e.g. int8, float16.")
    ] = None,
    threads: Annotated[Optional[int], typer.Option("--threads", min=1, help="CPU threads per translation.")] = None,
    beam_size: Annotated[Optional[int], typer.Option("--beam-size", min=1, help="Beam width.")] = None,
    redraft: Annotated[
        bool, typer.Option("--redraft", help="Redraft every unedited fuzzy draft l10n made earlier.")
    ] = False,
    redraft_fuzzy: Annotated[
        bool,
        typer.Option(
            "--redraft-fuzzy", help="Also redraft fuzzy entries made by people or msgmerge (their text is kept in a comment)."
        ),
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Sentences per engine call.")] = 32,
    progress: Annotated[
        Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal).")
    ] = None,
    cluster: Annotated[
        Optional[str],
        typer.Option(
            "--cluster", help="Draft on the Dask scheduler at this address (tcp://host:8786); default: [tool.l10n] cluster."
        ),
    ] = None,
    workers: Annotated[
        Optional[int],
        typer.Option("--workers", min=1, help="Draft on a local Dask cluster of N worker processes on this machine."),
    ] = None,
) -> None:
    """Draft every untranslated entry of LANG: memory, then engine, glossary enforced."""
    from l10n.engines.registry import parse_cli_options
    from l10n.report.runs import render_translate
    from l10n.translate import translate_languages

    s = settings(ctx)
    options: dict[str, object] = dict(parse_cli_options(engine_option))
    for key, value in (("device", device), ("compute-type", compute_type), ("threads", threads), ("beam-size", beam_size)):
        if value is not None:
            options[key] = value
    langs = [lang.strip() for value in to for lang in value.split(",") if lang.strip()]
    executor = _executor(cluster if cluster is not None else s.cluster, workers)
    show = sys.stderr.isatty() if progress is None else progress
    bar_context = _Bar() if show else nullcontext(None)
    with executor if executor is not None else nullcontext(), bar_context as bar:
        callback = (lambda done, total: bar.update(done, total)) if bar is not None else None
        summaries = translate_languages(
            s, langs, engine=engine, redraft=redraft, redraft_fuzzy=redraft_fuzzy, batch_size=batch_size,
            progress=callback, executor=executor, engine_options=options,
            notice=lambda message: typer.echo(f"warning: {message}", err=True),
        )
    where = executor.where if executor is not None else None
    typer.echo(render_translate(summaries, s.relative, where), nl=False)


def _executor(address: Optional[str], workers: Optional[int]):
    """The Dask executor asked for, or None to draft in this process."""
    if not address and workers is None:
        return None
    if address and workers is not None:
        raise L10nError("--cluster and --workers exclude each other", hint="give a scheduler address or a local worker count")
    most = 4 * (os.cpu_count() or 1)  # one process each: --workers 100000 never started and never ended
    if workers is not None and workers > most:
        raise L10nError(
            f"--workers {workers} is more than 4 processes per CPU core of this machine ({most})",
            hint=f"use --workers {most} or fewer, or a Dask scheduler with --cluster",
        )
    try:
        from l10n.drafting.cluster import DaskExecutor
    except ImportError as exc:
        raise L10nError(
            f"drafting on a cluster needs Dask ({exc.name} is not installed)",
            hint="install the cluster extra: pip install 'l10n-pipeline[cluster]'",
        ) from exc
    return DaskExecutor(address, workers)


class _Bar:
    """A small stderr progress bar (rich is a typer dependency)."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("drafting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
        )
        self._task = None

    def __enter__(self) -> "_Bar":
        self._progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._progress.__exit__(*exc)

    def update(self, done: int, total: int) -> None:
        if self._task is None:
            self._task = self._progress.add_task("drafting", total=total)
        self._progress.update(self._task, completed=done, total=total)

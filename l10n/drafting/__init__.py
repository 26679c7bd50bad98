"""How the translate stage drafts: planning, executors, the Dask cluster.

``planning`` reads and checks everything a run needs before anything is
written; ``executor`` drafts batches in this process (``LocalExecutor``);
``cluster`` drafts them on Dask workers (``DaskExecutor``).  The stage
itself is ``l10n.translate``.

May import everything below the stages and the earlier stages
(``l10n.extract``, ``l10n.update``).  Must not import ``l10n.translate``,
later stages or the CLI.
"""

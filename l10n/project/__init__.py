"""The project on disk: settings from ``pyproject.toml`` and the project lock.

``config.Settings`` says where sources, catalogues and glossaries live and how
to segment and wrap; ``lock`` keeps two runs from writing one project at once.

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``, ``l10n.po``.
Must not import engines, formats, glossaries, checks or any stage.
"""

"""The term glossary: model, files, validation, matching and enforcement.

``model`` holds ``Term``/``Glossary`` and the lookups on them (``find_terms``,
``check_target``); ``files`` and ``load`` read a glossary folder, ``csv`` and
``tbx`` the two file formats; ``validation`` finds every problem a folder
has (``l10n glossary check``); ``matching`` is the phrase index the lookups
use; ``enforcement`` makes an engine's drafts use the approved targets.

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``, ``l10n.engines``
(the engine protocol, for enforcement) and ``l10n.formats`` (the inline-code
guard).  Must not import ``l10n.po``, ``l10n.project``, checks or stages:
a glossary is independent of any catalogue.
"""

"""The term glossary: model, files, validation and matching.

``model`` holds ``Term``/``Glossary`` and the lookups on them (``find_terms``,
``check_target``); ``files`` and ``load`` read a glossary folder, ``csv`` and
``tbx`` the two file formats; ``validation`` finds every problem a folder
has (``l10n glossary check``); ``matching`` is the phrase index the lookups
use.  Making an engine's drafts use the approved targets is the translate
stage's (``l10n.drafting.enforcement``).

May import: ``l10n.errors``, ``l10n.fsutil`` and ``l10n.text``.  Must not
import ``l10n.po``, ``l10n.project``, ``l10n.engines``, ``l10n.formats``,
checks or stages: a glossary is independent of any catalogue or engine.
"""

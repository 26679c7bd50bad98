"""The catalogue: gettext PO/POT files as values, read and written as GNU gettext does.

Owns the ``Entry``/``Catalog`` model (``catalog``), reading (``read``: a
fast path for the plain form, then the exact ``parse``r), writing and
wrapping as msgcat does (``write``, ``wrapping``), msgmerge semantics
(``merge``, ``fuzzy``), the draft marker in translator comments
(``provenance``), Plural-Forms (``plural_forms``), the translation memory
(``memory``), three-way merging of an editor's concurrent save
(``concurrent``), and what drafting leaves beside a catalogue to measure
post-editing (``journal``, ``postedit``).

May import: ``l10n.errors``, ``l10n.fsutil``, ``l10n.text``.  Must not import
settings (``l10n.project``), engines, glossaries, checks or any stage: a
catalogue knows nothing of where it came from.
"""

"""Text: languages, segmentation, numerals, line breaking, encodings.

Owns what the pipeline knows about text before it is a catalogue: language
profiles (``languages``, data in ``text/data/languages.toml``), sentence
segmentation (``segment`` over ``sentences``, ``spans``, ``segrules``, the
paragraph ``layout``), numerals, UAX #14 line breaking (for PO wrapping),
charset handling (``encoding``) and the verbatim ``patterns`` (web and
e-mail addresses).

May import: ``l10n.errors``, ``l10n.fsutil``.  Must not import any other
``l10n`` package: everything else builds on this one.
"""

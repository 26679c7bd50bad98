"""Inline codes through machine translation: every code comes back once, paired and in order.

An engine never sees ``<g1>``/``</g1>``/``<x2/>`` as they are: a neural model
would translate, split or drop them, and the dictionary fallback reads
``g1`` as a word.

- An engine that copies placeholders (``keeps_placeholders``: the fallback)
  gets each code as a ``{{Tn}}`` placeholder, numbered after any glossary
  placeholders already in the sentence, and the codes are put back in the
  places the engine moved them to.
- Any other engine (argos, or a placeholder-keeping engine that lost one)
  gets the sentence without codes; the codes are put back at the same
  relative position in the draft, in source order, so pairs stay nested.
  The place is a guess (the draft is fuzzy and the translator moves them),
  the structure is not.
"""

from __future__ import annotations

import re
from typing import Sequence

from l10n.engines import Engine, NBestEngine, TermAwareEngine
from l10n.formats.base import CODE_RE, code_tokens, codes_problems
from l10n.text.patterns import PLACEHOLDER, placeholder

_SPACES = re.compile(r"[ \t]{2,}")


def guard(engine: Engine) -> Engine:
    """Return ``engine`` wrapped so that inline codes survive it (see the module docstring)."""
    if isinstance(engine, (_Guarded, _GuardedNBest)):
        return engine
    if isinstance(engine, TermAwareEngine):
        return _GuardedTerms(engine)
    return _GuardedNBest(engine) if isinstance(engine, NBestEngine) else _Guarded(engine)


class _Guarded:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.info = engine.info

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        coded = [i for i, s in enumerate(sentences) if CODE_RE.search(s)]
        if not coded:
            return self.engine.translate_batch(sentences)
        inputs = list(sentences)
        for i in coded:
            inputs[i] = self._prepare(sentences[i])
        outputs = self.engine.translate_batch(inputs)
        return [self._restore(sentences[i], out) if i in set(coded) else out for i, out in enumerate(outputs)]

    def _prepare(self, sentence: str) -> str:
        if not self.info.keeps_placeholders:
            return strip_codes(sentence)
        base = _next_index(sentence)
        tokens = code_tokens(sentence)
        numbered = iter(range(base, base + len(tokens)))
        return CODE_RE.sub(lambda _m: placeholder(next(numbered)), sentence)

    def _restore(self, source: str, output: str) -> str:
        if self.info.keeps_placeholders:
            tokens = code_tokens(source)
            base = _next_index(source)
            restored = PLACEHOLDER.sub(
                lambda m: tokens[int(m.group(1)) - base] if 0 <= int(m.group(1)) - base < len(tokens) else m.group(0),
                output,
            )
            if not codes_problems(source, restored):
                return restored
            output = CODE_RE.sub("", restored)
            output = PLACEHOLDER.sub(lambda m: m.group(0) if int(m.group(1)) < base else "", output)
        return place_codes(source, output)


class _GuardedNBest(_Guarded):
    def hypotheses_batch(self, sentences: Sequence[str], n: int) -> list[list[str]]:
        prepared = [self._prepare(s) if CODE_RE.search(s) else s for s in sentences]
        results = self.engine.hypotheses_batch(prepared, n)  # type: ignore[attr-defined]
        return [
            [self._restore(s, h) for h in hyps] if CODE_RE.search(s) else hyps for s, hyps in zip(sentences, results)
        ]


class _GuardedTerms(_Guarded):
    """An engine told the glossary renderings (the openai engine): codes stripped and put back the same way."""

    def translate_with_terms(self, sentences: Sequence[str], terms, insist: bool = False) -> list[str]:
        prepared = [self._prepare(s) if CODE_RE.search(s) else s for s in sentences]
        outputs = self.engine.translate_with_terms(prepared, terms, insist)  # type: ignore[attr-defined]
        # An empty answer stays empty (no draft), not a draft of bare codes.
        return [self._restore(s, out) if out and CODE_RE.search(s) else out for s, out in zip(sentences, outputs)]


def _next_index(sentence: str) -> int:
    """One more than the highest ``{{Tn}}`` already in the sentence (glossary masking), or 0."""
    return max((int(m.group(1)) + 1 for m in PLACEHOLDER.finditer(sentence)), default=0)


def strip_codes(sentence: str) -> str:
    """Return the sentence without its codes (spaces they leave doubled made single)."""
    return _SPACES.sub(" ", CODE_RE.sub("", sentence)).strip()


def place_codes(source: str, draft: str) -> str:
    """Return ``draft`` with the codes of ``source`` inserted at the same relative positions, in order."""
    plain_length = len(CODE_RE.sub("", source)) or 1
    inserts = []
    offset = 0
    last = 0
    for match in CODE_RE.finditer(source):
        offset += match.start() - last
        last = match.end()
        inserts.append((offset / plain_length, match.group(0)))
    kept = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(draft)]  # glossary placeholders stay whole
    pieces = []
    cursor = 0
    for ratio, token in inserts:
        at = max(cursor, min(len(draft), round(ratio * len(draft))))
        at = next((end for start, end in kept if start < at < end), at)
        pieces.append(draft[cursor:at])
        pieces.append(token)
        cursor = at
    pieces.append(draft[cursor:])
    return "".join(pieces)

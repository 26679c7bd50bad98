"""Glossary enforcement around any engine: mask, rerank, repair, verify.

- An engine that copies placeholders (``keeps_placeholders``) never sees a
  glossary term: each term is replaced by ``{{Tn}}`` and the approved target
  is put back afterwards.  This is exact, so the fallback engine uses it.
- A neural engine (argos) mangles placeholders it was not trained on, so it
  sees the real sentence.  When it can give several hypotheses, the one that
  carries the most required targets and no forbidden variant wins (n-best
  reranking).  Then two safe repairs: a forbidden variant is replaced by the
  approved target, and a term the engine copied untranslated ("City Brain")
  is replaced by its target.
- Every draft is verified; a required target still missing is reported so
  the translate stage can name it in a translator comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from l10n.drafting.guard import guard
from l10n.engines import Engine, NBestEngine, TermAwareEngine
from l10n.glossary.model import Glossary, IssueKind, TermMatch, check_target, find_terms
from l10n.text.patterns import PLACEHOLDER, placeholder

NBEST = 4


@dataclass(frozen=True)
class Draft:
    """An engine's draft after glossary enforcement."""

    text: str
    enforced: int = 0  # term occurrences whose approved target is in the draft
    missing: tuple[tuple[str, str], ...] = ()  # (source term, required target) still absent
    missed: int = 0  # term occurrences whose target is absent (enforced + missed = occurrences)


def mask(sentence: str, matches: Sequence[TermMatch]) -> tuple[str, list[str]]:
    """Return ``sentence`` with each matched term replaced by a placeholder, and the targets."""
    pieces, targets, last = [], [], 0
    for match in matches:
        if match.target is None:
            continue
        pieces.append(sentence[last : match.start])
        pieces.append(placeholder(len(targets)))
        targets.append(match.target)
        last = match.end
    pieces.append(sentence[last:])
    return "".join(pieces), targets


def unmask(text: str, targets: Sequence[str]) -> str:
    """Return ``text`` with every placeholder replaced by its target."""
    return PLACEHOLDER.sub(lambda m: targets[int(m.group(1))] if int(m.group(1)) < len(targets) else m.group(0), text)


class Enforcer:
    """Drafts batches through an engine with one glossary enforced for one language."""

    def __init__(self, glossary: Glossary | None, lang: str) -> None:
        self.glossary = glossary if glossary is not None and glossary.terms else None
        self.lang = lang

    def draft(self, engine: Engine, sentences: Sequence[str]) -> list[Draft]:
        """Return one enforced and verified draft per sentence (inline codes kept, see l10n.drafting.guard)."""
        engine = guard(engine)
        if self.glossary is None:
            return [Draft(text) for text in engine.translate_batch(sentences)]
        matches = [find_terms(s, self.glossary, self.lang) for s in sentences]
        if isinstance(engine, TermAwareEngine):
            return self._draft_with_terms(engine, sentences, matches)
        if engine.info.keeps_placeholders:
            masked = [mask(s, m) for s, m in zip(sentences, matches)]
            outputs = engine.translate_batch([text for text, _ in masked])
            texts = [unmask(out, targets) for out, (_, targets) in zip(outputs, masked)]
        else:
            texts = self._best_hypotheses(engine, sentences, matches)
            texts = [self.repair(s, t, m) for s, t, m in zip(sentences, texts, matches)]
        return [self.verify(s, t, m) for s, t, m in zip(sentences, texts, matches)]

    def _draft_with_terms(self, engine: TermAwareEngine, sentences: Sequence[str], matches) -> list[Draft]:
        """Give the engine the required renderings, verify and repair, and ask once more, insisting, when a term is missing."""
        required = [[(m.text, m.target) for m in found if m.target is not None] for found in matches]
        texts = engine.translate_with_terms(sentences, required)
        drafts = [self.verify(s, self.repair(s, t, m), m) if t else Draft("") for s, t, m in zip(sentences, texts, matches)]
        again = [i for i, d in enumerate(drafts) if d.missing]
        if again:
            retried = engine.translate_with_terms([sentences[i] for i in again], [required[i] for i in again], insist=True)
            for i, text in zip(again, retried):
                if text:
                    draft = self.verify(sentences[i], self.repair(sentences[i], text, matches[i]), matches[i])
                    if draft.missed < drafts[i].missed:
                        drafts[i] = draft
        return drafts

    def _best_hypotheses(self, engine: Engine, sentences, matches) -> list[str]:
        with_terms = [i for i, m in enumerate(matches) if m]
        if not with_terms or not isinstance(engine, NBestEngine):
            return engine.translate_batch(sentences)
        texts = engine.translate_batch([s for i, s in enumerate(sentences) if not matches[i]]) if len(with_terms) < len(sentences) else []
        plain = iter(texts)
        nbest = iter(engine.hypotheses_batch([sentences[i] for i in with_terms], NBEST))
        chosen = []
        for i, sentence in enumerate(sentences):
            if not matches[i]:
                chosen.append(next(plain))
                continue
            hypotheses = next(nbest) or [""]
            chosen.append(min(hypotheses, key=lambda h: len(check_target(sentence, h, self.glossary, self.lang))))
        return chosen

    def repair(self, source: str, text: str, matches: Sequence[TermMatch]) -> str:
        """Return ``text`` with forbidden variants and untranslated terms replaced by targets."""
        for issue in check_target(source, text, self.glossary, self.lang):
            if issue.kind == IssueKind.FORBIDDEN and issue.found:
                text = text.replace(issue.found, issue.expected)
        for match in matches:
            if match.target is None or any(accepted in text for accepted in match.term.accepted(self.lang)):
                continue
            copied = re.compile(re.escape(match.text), 0 if match.term.case_sensitive else re.IGNORECASE)
            text = copied.sub(lambda _m, t=match.target: t, text, count=1)
        return text

    def verify(self, source: str, text: str, matches: Sequence[TermMatch]) -> Draft:
        """Return the draft with its count of enforced terms and the terms still missing."""
        issues = check_target(source, text, self.glossary, self.lang)
        missing = tuple(dict.fromkeys((i.term.source, i.expected) for i in issues if i.kind == IssueKind.MISSING))
        missing_terms = {term for term, _ in missing}
        occurrences = [m for m in matches if m.target is not None]
        missed = sum(1 for m in occurrences if m.term.source in missing_terms)
        return Draft(text, len(occurrences) - missed, missing, missed)

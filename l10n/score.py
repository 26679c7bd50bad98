"""score: corpus BLEU, chrF and TER (sacrebleu) plus glossary term accuracy.

``score`` works on aligned lists of strings; ``score_project`` gathers the
hypotheses from a project's catalogues for one language, aligns them with a
reference file and calls ``score``.

The reference file may be a PO file, a TSV or plain text (see
``l10n.align``); segments without a reference are skipped and counted.
Hypotheses are the msgstr of every entry, reviewed translations and fuzzy
drafts alike; an untranslated entry is scored as an empty hypothesis.

Metric settings come from the target language's profile: BLEU's tokenizer
(``zh`` for Chinese in either script, ``ja-mecab`` for Japanese when
mecab-python3 and ipadic are installed, else ``char``; ``13a`` for Latin
scripts), chrF with sacrebleu's defaults, TER with ``asian_support`` *and*
``normalized`` where the profile says ``ter_asian`` (sacrebleu ignores
asian_support without normalized, which leaves an unspaced sentence a single
token).  The signature printed beside each score names the tokenizer used.

``ScoreReport.to_dict()`` is the stable JSON structure (``schema`` 1)::

    {"schema": 1, "lang": "zh",
     "reference": {"path": "ref.po", "format": "po"},
     "segments": {"total": 40, "scored": 38, "skipped": 2,
                  "translated": 30, "fuzzy": 6, "untranslated": 2},
     "scores": {"bleu": {"name": "BLEU", "value": 31.2, "signature": "nrefs:1|..."},
                "chrf": {...}, "ter": {...}},
     "terms": {"found": 17, "total": 20, "rate": 0.85,
               "misses": [{"term": "City Brain", "target": "城市大脑",
                           "missed": 2, "occurrences": 3}]} | null,
     "untranslated": ["locales/zh/LC_MESSAGES/doc.po:52", ...],
     "worst": [{"location": "...", "source": "...", "hypothesis": "...",
                "reference": "...", "chrf": 12.5}]}
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

from l10n.errors import L10nError
from l10n.glossary.model import QUOTES, Glossary, find_terms
from l10n.po.catalog import EntryState
from l10n.project.config import Settings
from l10n.text.languages import profile

SCHEMA = 1
WORST = 10


@dataclass(frozen=True)
class Score:
    """One corpus-level metric value with its sacrebleu signature."""

    name: str
    value: float
    signature: str


@dataclass(frozen=True)
class SegmentScore:
    """Sentence-level chrF of one scored segment."""

    index: int
    source: str
    hypothesis: str
    reference: str
    chrf: float
    location: str = ""


@dataclass(frozen=True)
class TermMiss:
    """A glossary term whose approved target the hypotheses sometimes lack."""

    term: str
    target: str
    missed: int
    occurrences: int


@dataclass(frozen=True)
class TermAccuracy:
    """Glossary term occurrences in the sources whose target the hypothesis has."""

    found: int
    total: int
    misses: tuple[TermMiss, ...] = ()

    @property
    def rate(self) -> float | None:
        """Return found / total, or None when no term occurs."""
        return self.found / self.total if self.total else None


@dataclass(frozen=True)
class ScoreReport:
    """Everything ``l10n score`` reports for one language."""

    lang: str
    scored: int
    scores: tuple[Score, ...]
    worst: tuple[SegmentScore, ...] = ()
    terms: TermAccuracy | None = None
    total: int = 0
    skipped: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    untranslated_locations: tuple[str, ...] = ()
    reference: str = ""
    reference_format: str = ""

    def score(self, key: str) -> Score:
        """Return the score with stable key ``bleu``, ``chrf`` or ``ter``."""
        return dict(zip(_KEYS, self.scores))[key]

    def to_dict(self) -> dict[str, Any]:
        """Return the report as the documented JSON structure (see module doc)."""
        terms = None
        if self.terms is not None:
            terms = {
                "found": self.terms.found,
                "total": self.terms.total,
                "rate": self.terms.rate,
                "misses": [
                    {"term": m.term, "target": m.target, "missed": m.missed, "occurrences": m.occurrences}
                    for m in self.terms.misses
                ],
            }
        return {
            "schema": SCHEMA,
            "lang": self.lang,
            "reference": {"path": self.reference, "format": self.reference_format},
            "segments": {
                "total": self.total,
                "scored": self.scored,
                "skipped": self.skipped,
                "translated": self.translated,
                "fuzzy": self.fuzzy,
                "untranslated": self.untranslated,
            },
            "scores": {
                key: {"name": s.name, "value": s.value, "signature": s.signature}
                for key, s in zip(_KEYS, self.scores)
            },
            "terms": terms,
            "untranslated": list(self.untranslated_locations),
            "worst": [
                {
                    "location": w.location,
                    "source": w.source,
                    "hypothesis": w.hypothesis,
                    "reference": w.reference,
                    "chrf": w.chrf,
                }
                for w in self.worst
            ],
        }


_KEYS = ("bleu", "chrf", "ter")


def metrics(lang: str) -> tuple[Any, Any, Any]:
    """Return fresh sacrebleu (BLEU, CHRF, TER) metric objects set up for ``lang``."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    language = profile(lang)
    # sacrebleu's TER ignores asian_support unless normalized is on too; without
    # both, an unspaced Chinese sentence is a single token and TER is 0 or 100.
    ter = TER(normalized=True, asian_support=True) if language.ter_asian else TER()
    return BLEU(tokenize=language.bleu_tokenizer()), CHRF(), ter


def score(
    hypotheses: Sequence[str],
    references: Sequence[str],
    lang: str,
    sources: Sequence[str] | None = None,
    glossary: Glossary | None = None,
    *,
    locations: Sequence[str] | None = None,
    worst: int = WORST,
) -> ScoreReport:
    """Return corpus BLEU/chrF/TER, the ``worst`` segments by chrF and term accuracy.

    ``hypotheses``, ``references`` (and ``sources``, ``locations`` if given)
    are aligned, one item per segment.  Term accuracy needs ``sources`` and a
    ``glossary`` (from ``l10n.glossary.load.load_glossary``); otherwise it is None.
    """
    hyps, refs = list(hypotheses), list(references)
    if len(hyps) != len(refs):
        raise L10nError(f"{len(hyps)} hypotheses but {len(refs)} references", hint="pass aligned lists")
    if sources is not None and len(sources) != len(hyps):
        raise L10nError(f"{len(hyps)} hypotheses but {len(sources)} sources", hint="pass aligned lists")
    if not hyps:
        raise L10nError("nothing to score: no segment has a reference", hint="check the reference file")
    scores = []
    for metric in metrics(lang):
        result = metric.corpus_score(hyps, [refs])
        scores.append(Score(result.name, float(result.score), metric.get_signature().format()))
    srcs = list(sources) if sources is not None else [""] * len(hyps)
    places = list(locations) if locations is not None else [""] * len(hyps)
    terms = term_accuracy(srcs, hyps, glossary, lang) if glossary is not None and sources is not None else None
    return ScoreReport(
        lang=lang,
        scored=len(hyps),
        scores=tuple(scores),
        worst=worst_segments(srcs, hyps, refs, places, worst),
        terms=terms,
        total=len(hyps),
        untranslated=sum(1 for h in hyps if not h),
    )


def worst_segments(
    sources: Sequence[str],
    hypotheses: Sequence[str],
    references: Sequence[str],
    locations: Sequence[str],
    count: int = WORST,
) -> tuple[SegmentScore, ...]:
    """Return up to ``count`` segments with the lowest sentence chrF, lowest first.

    Segments that match their reference perfectly (chrF 100) are never listed.
    """
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    rows = [
        SegmentScore(i, s, h, r, float(chrf.sentence_score(h, [r]).score), loc)
        for i, (s, h, r, loc) in enumerate(zip(sources, hypotheses, references, locations))
    ]
    rows = [row for row in rows if row.chrf < 100.0]
    rows.sort(key=lambda row: (row.chrf, row.index))
    return tuple(rows[:count])


def term_accuracy(sources: Sequence[str], hypotheses: Sequence[str], glossary: Glossary, lang: str) -> TermAccuracy:
    """Return how many glossary term occurrences in the sources the hypotheses render.

    A term occurring n times in a source counts as found min(n, k) times,
    where k is how often its approved target (or, if more often, one of its
    accepted variants) occurs in the hypothesis.  Texts
    are compared much as ``l10n.glossary.model.check_target`` compares them:
    NFKC, whitespace and the same quote marks ignored, case ignored (here by
    ``casefold`` over the whole text) unless the term is case-sensitive.
    """
    found = total = 0
    occurrences: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    for source, hypothesis in zip(sources, hypotheses):
        per_term: Counter[tuple[str, str, bool]] = Counter()
        accepted: dict[tuple[str, str, bool], tuple[str, ...]] = {}
        for match in find_terms(source, glossary, lang):
            if match.target:
                key = (match.term.source, match.target, match.term.case_sensitive)
                per_term[key] += 1
                accepted[key] = match.term.accepted(lang)
        for key, n in per_term.items():
            term, target, case_sensitive = key
            hay = _fold(hypothesis)
            needles = [_fold(a) for a in accepted[key]]
            if not case_sensitive:
                hay, needles = hay.casefold(), [needle.casefold() for needle in needles]
            # The target or any accepted variant counts (each place once: the needles may overlap).
            k = min(n, max((hay.count(needle) for needle in needles if needle), default=0))
            found += k
            total += n
            occurrences[(term, target)] += n
            if k < n:
                missed[(term, target)] += n - k
    misses = tuple(
        TermMiss(term, target, m, occurrences[(term, target)])
        for (term, target), m in sorted(missed.items(), key=lambda item: (-item[1], item[0]))
    )
    return TermAccuracy(found, total, misses)


def _fold(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace() and c not in QUOTES)


# --- the project --------------------------------------------------------------


def score_project(
    settings: Settings,
    lang: str,
    reference: Path,
    *,
    domain: str | None = None,
    worst: int = WORST,
) -> ScoreReport:
    """Return the score of ``lang``'s catalogues against a reference file.

    Only segments with a reference are scored; the report says how many were
    skipped, and how many of the scored hypotheses were fuzzy or untranslated.
    A plain-text reference with several catalogues needs ``domain``.
    """
    from l10n.align import project_units, read_references, reference_format

    domains, units = project_units(settings, lang, domain)
    fmt = reference_format(Path(reference))
    if fmt == "text" and len(domains) > 1:
        raise L10nError(
            f"a plain-text reference is aligned with one catalogue, but {lang!r} has {len(domains)}",
            path=reference,
            hint=f"pass --domain (one of: {', '.join(domains)}), or use a .po or .tsv reference",
        )
    refs = read_references(Path(reference), units, fmt)
    aligned = [(u, r) for u, r in zip(units, refs) if r is not None]
    if not aligned:
        raise L10nError(
            "no segment of the catalogue has a reference",
            path=reference,
            hint="check that the reference file belongs to this project and language",
        )
    report = score(
        [u.msgstr for u, _ in aligned],
        [r for _, r in aligned],
        lang,
        sources=[u.msgid for u, _ in aligned],
        glossary=_load_glossary(settings),
        locations=[u.location for u, _ in aligned],
        worst=worst,
    )
    statuses = Counter(u.status for u, _ in aligned)
    return replace(
        report,
        total=len(units),
        skipped=len(units) - len(aligned),
        translated=statuses[EntryState.TRANSLATED],
        fuzzy=statuses[EntryState.FUZZY],
        untranslated=statuses[EntryState.UNTRANSLATED],
        untranslated_locations=tuple(u.location for u, _ in aligned if u.status == EntryState.UNTRANSLATED),
        reference=str(reference),
        reference_format=fmt,
    )


def _load_glossary(settings: Settings) -> Glossary | None:
    if not settings.glossary.is_dir():
        return None
    from l10n.glossary.load import load_glossary

    return load_glossary(settings.glossary)

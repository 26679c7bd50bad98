"""``untranslated-text``: English words left in a translation into a non-Latin script.

Which languages that is, the profile says (``latin``).

Allowed Latin text: what the glossary keeps (do-not-translate terms, targets
written in Latin letters), acronyms and abbreviations written in capitals
(GW, CPC, R&D, US$, IoT), tokens with digits (5G, COVID-19, G20), single
letters, units of measure (kWh, km, kg), and URLs, e-mail addresses,
placeholders and tags, and an original name given in brackets after its
translation when it is copied from the source.  Everything else is reported, one message per run of
consecutive English words.
"""

from __future__ import annotations

import re
from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger, mask
from l10n.checks.glossary import kept_phrases
from l10n.checks.placeholders import PLACEHOLDER_RE, TAG_RE, may_have_tokens
from l10n.text.patterns import EMAIL_RE, URL_RE

_WORD = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]*(?:[&'’.\-/][A-Za-z0-9]+)*\$?")
_GAP = re.compile(r"[\s\-'’]*")
_UNITS = frozenset(
    "kWh MWh GWh TWh kW MW GW TW mW km cm mm nm m² km² kg mg g t ml mL l L Hz kHz MHz GHz dB ppm pH "
    "KB MB GB TB kb Mb Gb bps kbps Mbps Gbps mu".split()
)


def _allowed(token: str) -> bool:
    """Whether a Latin token may stay in a non-Latin translation."""
    letters = [c for c in token if c.isalpha()]
    if any(c.isdigit() for c in token) or len(letters) <= 1 or token in _UNITS:
        return True
    upper = sum(1 for c in letters if c.isupper())
    if upper == len(letters):
        return True  # GW, CPC, CHINT, R&D, US$
    return upper >= 2 and len(letters) <= 6  # IoT, PhD


_BRACKETED = re.compile(r"[（(]([^（）()]+)[）)]")


def _glosses(source: str, target: str) -> list[re.Pattern[str]]:
    """Bracketed source text after its translation, 温州正泰电器有限公司（Wenzhou CHINT Electric Co., Ltd.）:
    the original name given as a gloss, which is good practice, not a leftover."""
    plain = " ".join(source.split())
    return [
        re.compile(re.escape(m.group()))
        for m in _BRACKETED.finditer(target)
        if len(m.group(1).strip()) > 1 and " ".join(m.group(1).split()) in plain
    ]


# Two ASCII letters in one word: every word _allowed refuses has them (one letter is always allowed).
_TWO_LETTERS = re.compile(r"[A-Za-z][A-Za-z0-9&'’./\-]*[A-Za-z]")


def trigger_untranslated_text(batch: Batch) -> Trigger:
    """A Latin word of two letters or more in a translation into a non-Latin script; nothing for a Latin one."""
    return Trigger() if batch.profile.latin else Trigger(target=(_TWO_LETTERS,))


def check_untranslated_text(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per run of English words left in the translation."""
    if ctx.profile.latin:
        return
    if target.strip() == source.strip() and any(not _allowed(m.group()) for m in _WORD.finditer(target)):
        yield "the translation is a copy of the English source: translate it"
        return
    verbatim = (URL_RE, EMAIL_RE, PLACEHOLDER_RE, TAG_RE) if may_have_tokens(target) else ()
    masked = mask(target, *verbatim, *_glosses(source, target))
    kept = ctx.kept if ctx.kept is not None else kept_phrases(ctx.glossary, ctx.lang)
    for phrase in kept:
        masked = mask(masked, re.compile(re.escape(phrase), re.IGNORECASE))
    runs: list[list[int]] = []
    for match in _WORD.finditer(masked):
        if _allowed(match.group()):
            continue
        if runs and _GAP.fullmatch(masked[runs[-1][1] : match.start()]):
            runs[-1][1] = match.end()
        else:
            runs.append([match.start(), match.end()])
    for start, end in runs:
        yield (
            f"English left in the translation: “{target[start:end]}”; translate it "
            "(or add it to the glossary as a do-not-translate term)",
            (start, end),
        )

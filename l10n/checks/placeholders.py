"""``placeholders``: printf and brace placeholders, tags, URLs, e-mail addresses, inline codes.

What the program or the reader needs verbatim must appear in the translation
exactly as often as in the source (the order may change).  Placeholder syntax
is only fully recognised when the entry carries a gettext format flag
(``c-format``, ``python-format``, ``python-brace-format``...); without one,
only forms that cannot be prose are taken (``%(name)s``, ``%1$s``, ``%s``,
``{name}``), so "60% of" is never read as a ``% o`` conversion.

The inline codes of Markdown and HTML documents (``<g1>…</g1>``, ``<x2/>``,
see ``l10n.formats.base``) must each appear once, and every pair must open
before it closes and nest properly; they may move.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from l10n.checks.base import Batch, CheckContext, Problem, Trigger
from l10n.formats.base import CODE_RE, codes_problems
from l10n.text.patterns import EMAIL_RE, PLACEHOLDER, URL_RE

# A printf conversion in full, as C and Python accept it.
_PRINTF_FULL = re.compile(
    r"""%
        (?:\d+\$|\([A-Za-z_]\w*\))?   # positional 1$ or Python mapping key
        [-+ #0']*                     # flags
        (?:\d+|\*)?                   # width
        (?:\.(?:\d+|\*))?             # precision
        (?:hh|h|ll|l|L|q|j|z|t)?      # length modifier
        [diouxXeEfFgGaAcspr%]         # conversion
    """,
    re.VERBOSE,
)
# Without a format flag: conversions that cannot be ordinary prose.
_PRINTF_SAFE = re.compile(
    r"""%(?:\d+\$|\([A-Za-z_]\w*\))[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcsr]   # %1$s  %(name)s
      | %[sdifr](?![A-Za-z])                                             # bare %s %d
    """,
    re.VERBOSE,
)
# {name} {0} {} {name!r:>10} and the translate stage's masking token {{T0}}.
_BRACE = re.compile(PLACEHOLDER.pattern + r"|\{[A-Za-z_0-9][\w.\[\]]*(?:![rsa])?(?::[^{}\s]*)?\}|\{\}")
TAG_RE = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*/?>")
_TAG_NAME = re.compile(r"</?\s*([\w:.-]+)")

_PRINTF_FLAGS = ("c-format", "python-format", "php-format", "perl-format", "sh-format", "awk-format",
                 "objc-format", "gcc-internal-format", "qt-format", "boost-format")
_BRACE_FLAGS = ("python-brace-format", "csharp-format", "java-format", "javascript-format")

# Everything a punctuation check should look past, whatever the flags.
PLACEHOLDER_RE = re.compile(f"{_PRINTF_SAFE.pattern}|{_BRACE.pattern}", re.VERBOSE)


# What every URL, e-mail address, placeholder, tag and inline code holds: one of these.
TOKEN_HINTS = ("%", "{", "<", "@", "://", "www.")
_TOKEN_HINT = re.compile("|".join(re.escape(hint) for hint in TOKEN_HINTS))


def may_have_tokens(text: str) -> bool:
    """Return False when ``text`` cannot hold a URL, e-mail address, placeholder or tag.

    Each of those needs one of ``TOKEN_HINTS``; most prose has none, and this
    test is far cheaper than the patterns.
    """
    return _TOKEN_HINT.search(text) is not None


def trigger_placeholders(batch: Batch) -> Trigger:
    """A token hint on either side (``may_have_tokens``): a pair without one has no token to compare."""
    return Trigger(source=(_TOKEN_HINT,), target=(_TOKEN_HINT,))


def tokens(text: str, flags: tuple[str, ...] = ()) -> Counter[str]:
    """Return the verbatim tokens of ``text`` with their counts (tags normalised)."""
    found: Counter[str] = Counter()
    if not may_have_tokens(text):
        return found
    printf = _PRINTF_FULL if any(f in _PRINTF_FLAGS for f in flags) else _PRINTF_SAFE
    no_printf = any(f"no-{f}" in flags for f in _PRINTF_FLAGS)
    for pattern in (URL_RE, EMAIL_RE, _BRACE) if no_printf else (URL_RE, EMAIL_RE, _BRACE, printf):
        for match in pattern.finditer(text):
            if match.group() != "%%":
                found[match.group()] += 1
    for match in TAG_RE.finditer(text):
        if not CODE_RE.fullmatch(match.group()):  # inline codes of documents: see check_placeholders
            found[_tag(match.group())] += 1
    return found


def _tag(tag: str) -> str:
    """``<a href="x">`` → ``<a>``: translatable attributes may differ, names may not."""
    name = _TAG_NAME.match(tag).group(1).lower()
    closing = "/" if tag.startswith("</") else ""
    selfclosing = "/" if tag.rstrip(">").rstrip().endswith("/") else ""
    return f"<{closing}{name}{selfclosing}>"


def check_placeholders(source: str, target: str, ctx: CheckContext) -> Iterator[Problem]:
    """Yield a message per token missing from, or added to, the translation."""
    if not (may_have_tokens(source) or may_have_tokens(target)):
        return
    if CODE_RE.search(source) or CODE_RE.search(target):
        yield from codes_problems(source, target)
    flags = ctx.entry.flags if ctx.entry is not None else ()
    want, have = tokens(source, flags), tokens(target, flags)
    for token, count in want.items():
        missing = count - have[token]
        if missing > 0:
            times = "" if count == 1 else f" ({missing} of {count})"
            yield f"{token} of the source is missing from the translation{times}: copy it unchanged"
    for token, count in have.items():
        extra = count - want[token]
        if extra <= 0:
            continue
        start = target.find(token)
        span = (start, start + len(token)) if start >= 0 else None
        if PLACEHOLDER.fullmatch(token):
            message = f"the masking token {token} was left in the translation: put the approved glossary term in its place"
        else:
            message = f"the translation has {token}, which the source does not have: remove it or copy the source's form"
        yield (message, span) if span else message

"""Draft provenance: the one-line marker l10n puts on every draft, and what it says.

A draft carries one translator comment, short enough that no common PO writer
wraps it (polib and Babel wrap comments at 76–78 columns; the line is at most
``MAX_MARKER`` characters)::

    # l10n: d 54a2a0cc a846c13f g=aa10fe32 fallback/low/cc-cedict-20231107

- ``d`` or ``r``: the state of the entry when l10n last saw it.  ``d``: an
  l10n draft, fuzzy, not yet reviewed.  ``r``: a person reviewed it (took the
  fuzzy flag off), and ``update`` later made it fuzzy again because its
  source changed; such an entry is a person's translation, never redrafted.
- the first 8 hex digits of the SHA-1 of the source (``src``) and of the
  draft text l10n wrote (``out``): a later run tells an untouched draft from
  one a person edited.
- ``g=``: the glossary version; then ``engine/quality/model`` (the model name
  shortened to fit the line).

The earlier long form (``# l10n-draft engine=… model=… quality=… glossary=…
src=… out=…``, up to ~135 characters) is still read, also when a writer
wrapped it onto several comment lines, and so is a new marker a narrow writer
wrapped: the continuation lines belong to the marker.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from l10n.po.catalog import Entry

MAX_MARKER = 70  # characters after "# "; polib wraps a comment line longer than 78, Babel one longer than 76


class MarkerState(StrEnum):
    """The state of the entry when l10n last saw it, as its marker says."""

    DRAFT = "d"  # an l10n draft, fuzzy, not yet reviewed
    REVIEWED = "r"  # a person reviewed it; update made it fuzzy again since: a person's translation


class Quality(StrEnum):
    """What an engine says of its drafts (the marker's ``quality``); a marker may hold another word."""

    DRAFT = "draft"  # a translation model's draft
    LOW = "low"  # word-by-word dictionary drafts
    MEMORY = "tm"  # a reviewed translation reused from translation memory


GLOSSARY_TAG = "l10n-glossary"
DECODE_TAG = "l10n-decode"  # "l10n-decode: cpu,int8,beam4", the engine's decoding settings
_NOTES = (GLOSSARY_TAG, DECODE_TAG)

_NEW = re.compile(
    r"^l10n: (?P<state>[dr]) (?P<src>[0-9a-f]{8}) (?P<out>[0-9a-f]{8})(?P<rest>(?: \S+)*)\s*$"
)
_NEW_REST = re.compile(r"^(?: g=(?P<glossary>\S+))?(?: (?P<engine>[^/\s]+)/(?P<quality>[^/\s]*)/(?P<model>\S*))?$")
_OLD = re.compile(r"^l10n-draft\b")
_OLD_FIELD = re.compile(r"\b(engine|model|quality|glossary|src|out)=")
_TOKEN = re.compile(r"[A-Za-z0-9._+-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]+")


@dataclass(frozen=True)
class Provenance:
    """What a draft marker says, and where it sits among the entry's translator comments."""

    state: MarkerState
    src: str  # hex prefix of the source's digest
    out: str  # hex prefix of the draft text's digest
    engine: str = ""
    quality: str = ""  # a Quality, or what the marker says
    model: str = ""
    glossary: str = ""
    index: int = 0  # position of the marker's first line in translator_comments
    lines: int = 1  # comment lines it spans (more than one when a writer wrapped it)
    legacy: bool = False

    def matches_source(self, msgid: str) -> bool:
        """Return True if ``msgid`` is the source the draft was made from."""
        return digest(msgid).startswith(self.src)

    def matches_text(self, msgstr: str) -> bool:
        """Return True if ``msgstr`` is the text l10n wrote."""
        return digest(msgstr).startswith(self.out)

    @property
    def label(self) -> str:
        """``engine/model`` as stats group drafts."""
        return f"{self.engine or '?'}/{self.model or '?'}"

    @property
    def key(self) -> str:
        """Key of the draft text in the draft journal (``l10n.po.journal``)."""
        return self.src[:8] + self.out[:8]


def digest(text: str) -> str:
    """Return the SHA-1 hex digest of ``text`` (markers keep a prefix of it)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _token(value: str) -> str:
    """A value reduced to one safe token: no spaces, slashes or control characters."""
    return _UNSAFE.sub("_", value.split()[0] if value.split() else "").strip("_")


def marker(
    state: MarkerState, msgid: str, msgstr: str, engine: str, quality: str, model: str, glossary: str
) -> str:
    """Return the marker comment (without ``# ``) of a draft of ``msgid`` whose text is ``msgstr``."""
    p = Provenance(state, digest(msgid), digest(msgstr), engine, quality, model, glossary)
    return marker_from(p, state)


def with_state(entry: Entry, state: MarkerState) -> Entry:
    """Return ``entry`` with its marker's state set to ``state`` (unchanged without a marker)."""
    found = find(entry)
    if found is None or found.state == state:
        return entry
    line = marker_from(found, state)
    comments = list(entry.translator_comments)
    comments[found.index : found.index + found.lines] = [line]
    return replace(entry, translator_comments=tuple(comments))


def marker_from(p: Provenance, state: MarkerState) -> str:
    """Return a new-form marker line carrying ``p``'s fingerprints with ``state``."""
    head = f"l10n: {state} {p.src[:8]} {p.out[:8]} g={_token(p.glossary)[:8] or 'none'}"
    label = f"{_token(p.engine)[:16] or '?'}/{_token(p.quality)[:8]}/"
    room = MAX_MARKER - len(head) - 1 - len(label)
    return f"{head} {label}{_token(p.model)[:max(0, room)]}"


def find(entry: Entry) -> Provenance | None:
    """Return the provenance of ``entry``'s first draft marker, or None."""
    comments = entry.translator_comments
    for i, comment in enumerate(comments):
        m = _NEW.match(comment)
        if m is not None:
            return _new(m, comments, i)
        if _OLD.match(comment):
            found = _old(comments, i)
            if found is not None:
                return found
    return None


def _new(m: re.Match[str], comments: tuple[str, ...], i: int) -> Provenance:
    rest, lines = m["rest"], 1
    # A writer that wrapped the line put "g=… engine/quality/model" on the next ones.
    while i + lines < len(comments):
        current = _NEW_REST.match(rest)
        following = comments[i + lines].strip()
        if (current is not None and current["engine"]) or not following:
            break
        if not _NEW_REST.match(f"{rest} {following}"):
            break
        rest, lines = f"{rest} {following}", lines + 1
    # ... and textwrap breaks after a hyphen inside the model name.
    while rest.endswith("-") and i + lines < len(comments) and _TOKEN.fullmatch(comments[i + lines].strip()):
        rest, lines = rest + comments[i + lines].strip(), lines + 1
    fields = _NEW_REST.match(rest)
    values = fields.groupdict(default="") if fields else {}
    return Provenance(
        state=MarkerState(m["state"]),
        src=m["src"],
        out=m["out"],
        engine=values.get("engine", ""),
        quality=values.get("quality", ""),
        model=values.get("model", ""),
        glossary=values.get("glossary", ""),
        index=i,
        lines=lines,
    )


def _old(comments: tuple[str, ...], i: int) -> Provenance | None:
    """The long form, joined with the lines a writer wrapped it onto (up to four)."""
    text, lines = comments[i], 1
    while "out=" not in text and i + lines < len(comments) and lines < 4:
        following = comments[i + lines]
        if not _OLD_FIELD.search(following) and "out=" not in following:
            break
        text, lines = f"{text} {following.strip()}", lines + 1
    fields = dict.fromkeys(("engine", "model", "quality", "glossary", "src", "out"), "")
    spans = list(_OLD_FIELD.finditer(text))
    for k, field_match in enumerate(spans):
        end = spans[k + 1].start() if k + 1 < len(spans) else len(text)
        fields[field_match[1]] = text[field_match.end() : end].strip()
    src, out = fields["src"], fields["out"]
    if not re.fullmatch(r"[0-9a-f]{6,40}", src) or not re.fullmatch(r"[0-9a-f]{6,40}", out):
        return None
    engine, model = fields["engine"], fields["model"]
    if engine.startswith("memory"):  # "engine=memory origin=PATH"
        engine, model = "memory", ""
    return Provenance(
        state=MarkerState.DRAFT,
        src=src,
        out=out,
        engine=engine,
        quality=fields["quality"],
        model=model.split()[0] if model.split() else "",
        glossary=fields["glossary"],
        index=i,
        lines=lines,
        legacy=True,
    )


def without_marker(entry: Entry) -> tuple[tuple[str, ...], int | None]:
    """Return the translator comments without the marker and l10n's notes (glossary, decoding), and where the marker was."""
    found = find(entry)
    skip = set(range(found.index, found.index + found.lines)) if found else set()
    kept = tuple(c for k, c in enumerate(entry.translator_comments) if k not in skip and not c.startswith(_NOTES))
    if found is None:
        return kept, None
    before = sum(1 for k, c in enumerate(entry.translator_comments[: found.index]) if not c.startswith(_NOTES))
    return kept, before

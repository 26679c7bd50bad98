"""Sentence segmentation of English prose documents.

A source document is plain UTF-8 text with one paragraph per line.  Every
non-empty line that no ``ignore_lines`` pattern matches is a paragraph; the
paragraphs are numbered from 0 in document order (blank and ignored lines take
no number), and each paragraph is split into sentences numbered from 0.

Kinds of segment:

- ``"sentence"``: an ordinary sentence of a paragraph.
- ``"title"``: a paragraph that is one segment and does not end in sentence
  punctuation (a heading, a story title, a label).
- ``"dateline"``: a one-segment paragraph that starts with a numeric date
  (``2021-06-10 15:27:55 source: ...``).  It is kept, so a translator can
  localise it, but marked so later stages may treat it like a title.

Why rules of our own rather than pysbd: measured against the golden table in
``tests/test_segment.py``, pysbd 0.3.4 splits ``Huawei Co. Ltd. The firm``
after ``Co.``, misses the split in ``.”The``, keeps whole quotations together,
and silently drops text that contains its internal placeholder characters
(``∯``, ``ȹ``).  The splitter here is one verbose regular expression that
proposes candidate boundaries plus a small decision table for the word before
a full stop.  Segments are slices of the paragraph, so re-joining them gives the
paragraph back exactly, up to the whitespace between sentences.

Decisions a translator will notice:

- Quoted speech of several sentences is split into sentences, as the default
  SRX rules of CAT tools (Trados, memoQ, OmegaT, Okapi) do: translation memory
  matches sentences, and a 60-word quotation rarely recurs whole.  The opening
  quote stays with the first sentence and the closing quote with the last, so
  such segments carry one unbalanced quote; the target should carry the same
  one (quote checks must compare source and target, not demand balance).
- A closing quote or bracket after ``.?!`` belongs to the sentence it closes
  (``...business.”`` / ``In recent years``), also when the next sentence is
  glued to it (``.”The next``).  ``world,”said`` is not a boundary.
- After a full stop the word before it decides (see ``_decide``):
  titles and always-inner abbreviations (``Mr. Dr. Prof. vs. e.g. i.e.
  approx.``) never end a sentence; number abbreviations (``No. 5``, ``p. 12``,
  ``Vol. II``) end one only when no number follows (``No. He left`` splits);
  dotted initialisms, single initials, months, ``St.``, ``Jr.``, ``et al.`` and
  ``a.m./p.m.`` end one only before a common sentence-opening word such as
  *The, He, In, Then* (``in the U.S. The`` and ``Baker St. The`` split, ``U.S.
  President`` and ``St. Petersburg`` do not; the price: ``in the U.S.
  Officials said`` stays one segment); company suffixes (``Co. Ltd. Inc.
  Corp.``) and ``etc.`` end one before any capitalised word that is not itself
  a suffix or an acronym (``Huawei Co. Ltd. The firm`` splits after ``Ltd.``
  only, ``Apple Inc. CEO Tim Cook`` does not split); a list marker (``1.``,
  ``a.``) at the start of a paragraph, after a colon or after a sentence is
  not a sentence; any other word ends a sentence before a capital or a digit.
- ``?`` and ``!`` end a sentence before a capital or a digit, except a
  quotation attributed right after it (``“Why?” Smith asked.``).  An ellipsis
  (``...`` or ``…``) ends one only before a capital or a digit, so ``Park...
  dreams`` stays whole and ``life...” Since`` splits.
- No split without a space except after a closing quote or bracket: decimals
  (``3.25``), ``US$8,000``, ``www.example.com`` and typos such as
  ``2016.Then`` stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from l10n.encoding import refuse_wide_unicode
from l10n.errors import L10nError

KINDS = ("sentence", "title", "dateline")


@dataclass(frozen=True)
class Segment:
    """One sentence (or title line) of a source document, with its position."""

    text: str
    document: str  # path relative to the project root, e.g. "seeds/zhejiang-stories.txt"
    paragraph: int  # 0-based paragraph index within the document
    position: int  # 0-based sentence index within the paragraph
    line: int  # 1-based line of the source file where the segment starts
    kind: str = "sentence"  # "sentence", "title" (a heading or one-line title), "dateline"


# --- reading ---------------------------------------------------------------


def read_source(path: Path) -> str:
    """Return the text of a source document; L10nError if missing, empty, binary or not UTF-8.

    A UTF-8 byte-order mark is removed and CRLF / CR line ends become ``\\n``.
    """
    from l10n.fsutil import read_input

    path = Path(path)
    if not path.exists():
        raise L10nError("source document not found", path=path, hint="check the path, or add the file to seeds/")
    if path.is_dir():
        raise L10nError("is a directory, not a source document", path=path, hint="pass a .txt file, one paragraph per line")
    try:
        data = read_input(path, "source document")
    except OSError as exc:
        raise L10nError(f"cannot read source document: {exc.strerror or exc}", path=path, hint="check the file's permissions") from exc
    refuse_wide_unicode(data, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise L10nError(
            "binary content (NUL byte), not a text document",
            path=path,
            line=data.count(b"\n", 0, nul) + 1,
            hint="source documents are plain UTF-8 text; export the document as .txt",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise L10nError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint="re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)",
        ) from exc
    text = _normalise(text)
    if not text.strip():
        raise L10nError("source document is empty", path=path, hint="add text (one paragraph per line) or remove the file")
    return text


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- sentence boundaries ---------------------------------------------------

_OPENERS = "“\"‘'«(["

# A candidate boundary: sentence punctuation, the closers that belong to it,
# then either whitespace or (only after a closing quote/bracket) nothing, and
# a plausible sentence start.  ``_decide`` then accepts or rejects it.
_CANDIDATE = re.compile(
    r"""
    (?P<term>
        \.{2,} | …                 # ellipsis, three dots or the single character
      | [?!][?!.]*                 # question / exclamation, possibly doubled (?! !!)
      | \.                         # a single full stop: needs the word-before test
    )
    (?P<close> [”"’'»)\]]* )       # closing quotes and brackets stay with the sentence
    (?P<gap>
        \s+                        # normal case: space between sentences
      | (?<=[”"’»)\]])             # glued after a closer: .”The next
    )
    (?=(?P<next>                   # look ahead only, so matches never overlap a word
        [“"‘'«(\[]*                # the next sentence may open with a quote/bracket
        (?: [$€£¥]? \d             # ... a number or an amount
          | [^\W\d_]               # ... a letter (case is checked in code)
        )
    ))
    """,
    re.VERBOSE,
)

# Never end a sentence: titles before names and always-inner abbreviations.
_INNER = frozenset(
    """mr mrs ms mx dr prof mt ft messrs mme mlle msgr rev hon pres gov sen rep
    gen lt col capt cmdr maj sgt cpl pvt adm insp supt fr
    e.g i.e vs v cf viz approx ca esp incl""".split()
)
# End a sentence unless a number follows: No. 5, p. 12, Fig. 3, Vol. II.
_NUMBERED = frozenset("no nos nr p pp fig figs vol vols art sec sect ch para ref tel ext op".split())
# End a sentence only before a common sentence opener (see _OPENER_WORDS).
_AMBIGUOUS = frozenset(
    """a.m p.m jr sr st ave rd blvd sq al
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# End a sentence before a capitalised word unless that word continues the name.
_SUFFIXES = frozenset("co ltd inc corp bros llc plc lp llp gmbh etc".split())

_OPENER_WORDS = frozenset(
    """a an the this that these those it its he she they we i you his her their our
    my your there here some many most several few both each every all any no none
    not only such other another and but or nor so yet for if as when while where
    why how what who whom whose which although though because since after before
    until unless once during despite in on at by from to with without of over
    under among between through throughout within into following according unlike
    like however then now today yesterday tomorrow meanwhile also still moreover
    furthermore thus therefore hence finally later earlier afterwards instead
    otherwise indeed nevertheless nonetheless besides overall last next first
    second third even just perhaps maybe yes well is are was were do does did can
    could will would should shall may might must has have had""".split()
)

_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, U.S.A, e.g, p.m (final dot excluded)
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+\b")  # CEO, NYSE, R&D
_WORD = re.compile(r"[\w&$'’.-]+")
_INITIAL = re.compile(r"[A-Z]\.(?:\s|$)")
_LIST_MARKER = re.compile(r"\d{1,2}|[A-Za-z]")
# Where a list marker may stand: paragraph start, after a colon, after a sentence.
_AFTER_BOUNDARY = re.compile(r"(?:^|[:.?!][”\"’')\]]*\s+)$")
# A quotation ended by ? or ! and then attributed: “Why?” Smith asked.
_ATTRIBUTION = re.compile(
    r"""
    [A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}   # a name of up to three capitalised words
    \s+(?:said|says|asked|asks|replied|added|told|wrote|shouted|cried|recalled)
    \b(?=\s*[.,;:!?]|\s*$)                       # the attribution ends the clause
    """,
    re.VERBOSE,
)


def split_sentences(paragraph: str) -> list[str]:
    """Return the sentences of one paragraph, in order, stripped.

    Each sentence is a slice of ``paragraph``; only the whitespace between
    sentences is lost.  An empty or blank paragraph gives an empty list.
    """
    return [paragraph[start:end] for start, end in _spans(paragraph)]


def _spans(paragraph: str) -> list[tuple[int, int]]:
    cuts = [0]
    for match in _CANDIDATE.finditer(paragraph):
        if _decide(paragraph, match):
            cuts.append(match.end("close"))
    cuts.append(len(paragraph))
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        piece = paragraph[start:end]
        stripped = piece.strip()
        if stripped:
            left = start + (len(piece) - len(piece.lstrip()))
            spans.append((left, left + len(stripped)))
    return spans


def _decide(text: str, match: re.Match[str]) -> bool:
    """Is this candidate a real sentence boundary?"""
    next_text = match.group("next").lstrip(_OPENERS)
    first = next_text[0]
    next_word = _next_word(text, match.start("next"))
    if first.islower() and not _is_camel(next_word):
        return False  # "approx. three", "I think… maybe", "?” he asked"
    if match.group("term") != ".":
        # ellipsis, ? or ! before a capital or a number, unless the quotation
        # it closes is attributed next: “Why?” Smith asked.
        return not (match.group("close") and _ATTRIBUTION.match(text, match.start("next")))
    word = _word_before(text, match.start("term"))
    if _LIST_MARKER.fullmatch(word) and _AFTER_BOUNDARY.search(text, 0, match.start("term") - len(word)):
        return False  # "1. Open the box." at the start of a paragraph or after a colon
    key = word.lower()
    starts_number = first.isdigit() or first in "$€£¥"
    if key in _INNER:
        return False
    if key in _NUMBERED:
        return not (starts_number or _ROMAN.fullmatch(next_word))
    if key in _SUFFIXES:
        bare = next_word.rstrip(".")
        return not (starts_number or bare.lower() in _SUFFIXES or _ACRONYM.fullmatch(bare))
    if key in _AMBIGUOUS or _INITIALISM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        if _INITIAL.match(text, match.start("next")):
            return False  # J. A. Smith: another initial follows
        return next_word.lower() in _OPENER_WORDS
    return True


def _word_before(text: str, end: int) -> str:
    """The token that a full stop at ``end`` ends, without opening quotes/brackets."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _next_word(text: str, start: int) -> str:
    while start < len(text) and text[start] in _OPENERS:
        start += 1
    match = _WORD.match(text, start)
    return match.group(0).rstrip(".'’") if match else ""


def _is_camel(word: str) -> bool:
    """iPhone, eBay: a sentence may start with a lowercase letter."""
    return len(word) > 1 and word[0].islower() and word[1].isupper()


# --- documents -------------------------------------------------------------

_DATELINE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b")
_FINAL_PUNCT = re.compile(r"[.?!…][”\"’'»)\]]*$")


def segment_document(text: str, document: str, ignore_lines: tuple[str, ...] = ()) -> list[Segment]:
    """Return the segments of a whole document, in document order.

    ``ignore_lines`` are regular expressions matched case-insensitively against
    the whole stripped line (``re.fullmatch``); matching lines are skipped and
    take no paragraph number.  A bad pattern raises L10nError.
    """
    ignore = _compile_ignore(ignore_lines)
    segments: list[Segment] = []
    paragraph = 0
    for number, raw in enumerate(_normalise(text).split("\n"), start=1):
        line = raw.strip()
        if not line or any(pattern.fullmatch(line) for pattern in ignore):
            continue
        sentences = split_sentences(line)
        kind = "sentence"
        if len(sentences) == 1 and not _FINAL_PUNCT.search(line):
            kind = "dateline" if _DATELINE.match(line) else "title"
        for position, sentence in enumerate(sentences):
            segments.append(Segment(sentence, document, paragraph, position, number, kind))
        paragraph += 1
    return segments


def _compile_ignore(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise L10nError(
                f"invalid ignore-lines pattern {pattern!r}: {exc}",
                hint="fix [tool.l10n] ignore-lines in pyproject.toml (Python regular expressions)",
            ) from exc
    return compiled


def paragraphs(segments: list[Segment]) -> list[list[Segment]]:
    """Return the segments grouped by (document, paragraph), in first-seen order.

    Within a group the segments are sorted by position, so the build stage can
    rebuild each paragraph from its translated sentences.
    """
    groups: dict[tuple[str, int], list[Segment]] = {}
    for segment in segments:
        groups.setdefault((segment.document, segment.paragraph), []).append(segment)
    return [sorted(group, key=lambda s: s.position) for group in groups.values()]

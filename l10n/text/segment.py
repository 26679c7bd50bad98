"""Sentence segmentation of English prose documents.

A source document is plain UTF-8 text.  Its paragraphs come from
``l10n.text.layout`` (one per line, separated by blank lines, or chosen per
document: ``paragraphs`` = ``"lines"``, ``"blank-lines"``, ``"auto"``); lines
that an ``ignore_lines`` pattern matches count as blank.  Paragraphs are
numbered from 0 in document order, and each is split into sentences numbered
from 0 by ``l10n.text.sentences`` with the word lists of ``l10n.text.segrules``.  A
segment records the line where it starts; a line break inside a segment
(hard-wrapped text) becomes one space in its text.

Kinds of segment:

- ``"sentence"``: an ordinary sentence of a paragraph.
- ``"title"``: a paragraph that is one segment and does not end in sentence
  punctuation (a heading, a story title, a label).
- ``"dateline"``: a one-segment paragraph that starts with a numeric date
  (``2021-06-10 15:27:55 source: ...``).  It is kept, so a translator can
  localise it, but marked so later stages may treat it like a title.

Why rules of our own rather than pysbd: on the golden table of
``tests/test_segment.py`` pysbd 0.3.4 gets 60 of 77 (it splits ``Huawei Co.
Ltd. The firm`` after ``Co.``, misses the split in ``.”The``, and drops text
holding its internal placeholder characters ``∯`` ``ȹ``); on the Pragmatic
Segmenter English spec see ``bench/bench_segment.py``.  Segments are slices of
the paragraph, so re-joining them gives the document back, up to whitespace.

Decisions a translator will notice:

- Quoted speech of several sentences is split into sentences (``quotes =
  "split"``, the default), as the default SRX rules of CAT tools (Trados,
  memoQ, OmegaT, Okapi) do: translation memory matches sentences, and a
  60-word quotation rarely recurs whole.  The opening quote stays with the
  first sentence and the closing quote with the last, so such segments carry
  one unbalanced quote; the target should carry the same one.  ``quotes =
  "whole"`` keeps each quotation in one segment, with a bracketed aside that
  follows a quotation the sentence leads into (``thought Alice, '...!'
  (Which was very likely true.)``).
- A closing quote or bracket after ``.?!`` belongs to the sentence it closes
  (``...business.”`` / ``In recent years``), also when the next sentence is
  glued to it (``.”The next``); so do footnote marks (``.[1]``, ``.11 12``).
- After a full stop the word before it decides (``l10n.text.sentences._decide``):
  titles and always-inner abbreviations never end a sentence; number
  abbreviations (``No. 5``, ``p. 12``, ``Fig. 3``, ``N°.``, ``Rs.``) end one
  only when no number follows; initialisms, initials, months, ``St.``, ``Jr.``
  and ``a.m./p.m.`` end one only before a common sentence opener (``in the
  U.S. The``, ``U.S. Millions``; not ``U.S. President``), ``a.m./p.m.`` also
  before a title or any capitalised word that is not a time zone (``6 P.M.
  Mr. Smith``, not ``10 a.m. Beijing time``); company suffixes and ``etc.``
  end one before a capitalised word that does not continue the name.
- Lists: a marker (``1.`` ``2.)`` ``b)`` ``(iv)`` ``• 10.``) that continues a
  list starts a new segment even without a full stop before it, and its own
  full stop ends nothing.
- ``?`` ``!`` and ellipses end a sentence only before a capital or a digit
  (``“Why?” Smith asked.`` stays whole); `` . . . `` between words is an
  ellipsis inside the sentence, ``[...]`` an omission.  No sentence ends inside
  a short ``(...)`` or ``[...]``.
- Without a space a sentence ends only after a closer, a full-width stop, a
  word (``world.Today``) or a grouped number (``1,000.That``): decimals,
  ``www.example.com``, ``Jane.Doe@x.org`` and ``2016.Then`` stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from l10n.errors import L10nError
from l10n.text import layout
from l10n.text.encoding import read_document_text
from l10n.text.segrules import Rules
from l10n.text.sentences import sentence_spans

__all__ = ["KINDS", "Segment", "SegmentKind", "paragraphs", "read_source", "segment_document"]


class SegmentKind(StrEnum):
    """What a segment of a source document is."""

    SENTENCE = "sentence"  # an ordinary sentence of a paragraph
    TITLE = "title"  # a heading or one-line title
    DATELINE = "dateline"  # a line with a date and place


KINDS = tuple(SegmentKind)


@dataclass(frozen=True)
class Segment:
    """One sentence (or title line) of a source document, with its position."""

    text: str
    document: str  # path relative to the project root, e.g. "seeds/zhejiang-stories.txt"
    paragraph: int  # 0-based paragraph index within the document
    position: int  # 0-based sentence index within the paragraph
    line: int  # 1-based line of the source file where the segment starts
    kind: SegmentKind = SegmentKind.SENTENCE


# --- reading ---------------------------------------------------------------


def read_source(path: Path) -> str:
    """Return the text of a source document; L10nError if missing, empty, binary or not UTF-8.

    A UTF-8 byte-order mark is removed and CRLF / CR line ends become ``\\n``.
    """
    path = Path(path)
    if not path.exists():
        raise L10nError("source document not found", path=path, hint="check the path, or add the file to seeds/")
    if path.is_dir():
        raise L10nError("is a directory, not a source document", path=path, hint="pass a .txt file, one paragraph per line")
    text = read_document_text(path, "source documents are plain UTF-8 text; export the document as .txt")
    text = _normalise(text)
    if not text.strip():
        raise L10nError("source document is empty", path=path, hint="add text (one paragraph per line) or remove the file")
    return text


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --- documents -------------------------------------------------------------

_DATELINE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b")
_FINAL = ".?!…．。"
_CLOSERS = "”\"’'»)]"
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_BREAK_BEFORE_STOP = re.compile(r"[ \t]*\n\s*(?=[.,;:!?])")


def segment_document(
    text: str,
    document: str,
    ignore_lines: tuple[str, ...] = (),
    paragraphs: str = layout.Layout.AUTO,
    rules: Rules | None = None,
) -> list[Segment]:
    """Return the segments of a whole document, in document order.

    ``paragraphs`` is ``"lines"`` (every line is a paragraph), ``"blank-lines"``
    (paragraphs are separated by blank lines; a line break inside one is a
    space) or ``"auto"`` (see ``l10n.text.layout.choose``).  ``ignore_lines`` are
    regular expressions matched case-insensitively against the whole stripped
    line (``re.fullmatch``); matching lines are skipped and take no paragraph
    number.  A bad pattern raises L10nError.  Each segment's ``line`` is the
    line where it starts.
    """
    ignore = compile_ignore(ignore_lines)
    segments: list[Segment] = []
    blocks = layout.paragraphs(_normalise(text), paragraphs, ignore)
    for number, (first_line, block) in enumerate(blocks):
        spans = sentence_spans(block, rules)
        kind = SegmentKind.SENTENCE
        if len(spans) == 1 and block.rstrip().rstrip(_CLOSERS)[-1:] not in _FINAL:
            kind = SegmentKind.DATELINE if _DATELINE.match(block.lstrip()) else SegmentKind.TITLE
        if "\n" not in block:  # one line: the common case
            segments.extend(
                Segment(block[start:end], document, number, position, first_line, kind)
                for position, (start, end) in enumerate(spans)
            )
            continue
        line, seen = first_line, 0
        for position, (start, end) in enumerate(spans):
            line += block.count("\n", seen, start)
            seen = start
            sentence = block[start:end]
            if "\n" in sentence:
                sentence = _LINE_BREAK.sub(" ", _BREAK_BEFORE_STOP.sub("", sentence))
            segments.append(Segment(sentence, document, number, position, line, kind))
    return segments


def compile_ignore(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    """Compile ``ignore-lines`` patterns (case-insensitive); L10nError for a bad one."""
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

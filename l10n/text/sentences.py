"""Sentence boundaries inside one paragraph, in time linear in its length.

Regular expressions propose candidate boundaries (sentence punctuation, the
closers and footnote marks that belong to it, then a space or a glued
sentence start) and find list markers (``1.``, ``b)``, ``(iv)``, ``• 10.``).
Both streams are walked once, in text order, and each candidate is decided
by looking at most a few dozen characters around it, so no input makes the
work quadratic.  Word classes come from ``l10n.text.segrules``.

Every decision is a cut position in the paragraph; sentences are the slices
between cuts, stripped, so only whitespace between sentences is ever lost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from l10n.text.segrules import Quotes, Rules, default_rules
from l10n.text.spans import FIRST, Marker, aside_after_quotation, bracket_spans, markers, quotation_spans, values

OPENERS = "“\"‘'«(["
_LOOK = 64  # the farthest a decision looks back or ahead, in characters

# A candidate boundary: sentence punctuation where a run of it starts, the
# closers and footnote marks that belong to it, then a space or a glued
# sentence start.  Full stops (most candidates) and the other punctuation are
# two patterns: the regex engine skips to a literal first character several
# times faster than to a class, and the second pattern runs only on a
# paragraph that holds such punctuation.  Their matches never overlap, so
# merged by position they are what one pattern would find.
_RUN_START = r"(?<![.?!…．。].)(?<!\.[ ].)"  # only where a run of sentence punctuation starts
_AFTER_TERM = r"""
    (?P<close> [”"’'»)\]]{0,8} )       # closing quotes and brackets stay with the sentence
    (?P<note>                          # footnote marks stay too: .[1]  .[7][8]  .11 12
        (?:\[\d{1,3}\]){1,4}
      | (?<=[a-z)\]][.])\d{1,3}(?:[ ]\d{1,3}){0,3}(?=\s)
    )?
    (?P<gap>
        \s+                            # normal case: space between sentences
      | (?<=[”"’»)\]])                 # glued after a closer: .”The next
      | (?<=[．。])                    # full-width stops need no space
      | (?<=[^\W\d_]{2}\.)(?=[A-Z][a-z])   # glued after a word: world.Today
      | (?<=\d,\d{3}\.)(?=[A-Z][a-z])      # ... or after a grouped number: 1,000.That
    )
    (?=(?P<next>
        [-–—][ ](?=[A-Z])              # a dash opening the next line: ? - Posted
      | [“"‘'«(\[]{0,8}                # the next sentence may open with a quote/bracket
        (?: [$€£¥]? \d | [^\W\d_] )    # ... then a number, an amount or a letter
    ))
"""
_FULL_STOP = re.compile(
    r"""
    (?P<term> \. """ + _RUN_START + r"""
        (?: (?:[ ]\.)+                 # spaced ellipsis . . . (or word. . . .)
          | \.+                        # ellipsis
          |                            # one full stop: the word before decides
        )
    )""" + _AFTER_TERM,
    re.VERBOSE,
)
_OTHER_STOP = re.compile(
    r"""
    (?P<term> [?!…．。—-] """ + _RUN_START + r"""
        (?: (?<=…)…*                   # ellipsis character
          | (?<=[?!])[?!.]*            # question / exclamation, possibly doubled
          | (?<=[．。])                # full-width stops
          | (?<=-)-(?=[”"’']) | (?<=—)(?=[”"’'])   # a quotation broken off: to--" At this moment
        )
    )""" + _AFTER_TERM,
    re.VERBOSE,
)
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, U.S.A, e.g, p.m (final dot excluded)
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+\b")  # CEO, NYSE, R&D
_WORD = re.compile(r"[\w&$'’.-]{1,64}")
_INITIAL = re.compile(r"[A-Z]\.(?:\s|$)")
_CITATION = re.compile(r"\([^()\n\d]{0,60}\d[^()\n]{0,20}\)[.,;:]")  # "... stairways [...]" (Smith 55).
_URLISH = re.compile(r"[@/]|\.\w")
# A quotation ended by ? or ! and then attributed: “Why?” Smith asked.
_ATTRIBUTION = re.compile(
    r"""
    [A-Z][\w'’.-]{0,30}(?:[ ]{1,3}[A-Z][\w'’.-]{0,30}){0,2}   # a name of up to three capitalised words
    [ ]{1,3}(?:said|says|asked|asks|replied|added|told|wrote|shouted|cried|recalled)
    \b(?=\s*[.,;:!?]|\s*$)                                    # the attribution ends the clause
    """,
    re.VERBOSE,
)


class _State:
    """What the walk over one paragraph has seen so far."""

    __slots__ = (
        "start", "cuts", "sentence_start", "list_position", "last", "marker_dots",
        "pending", "uncut", "quotes", "brackets", "known",
    )

    def __init__(self, start: int, known: frozenset[str] = frozenset()) -> None:
        self.start = start  # where the paragraph's text starts (after leading space)
        self.cuts: list[int] = []
        self.sentence_start = start  # where the current sentence starts
        self.list_position = start  # where a list item may start: after a sentence, or after one ending before lowercase
        self.last: dict[tuple, tuple[int, int, bool]] = {}  # style -> (value, first item, cut first?)
        self.marker_dots: set[int] = set()
        self.pending: dict[int, int] = {}  # list start -> the cut after its marker
        self.uncut: set[int] = set()  # cuts taken back
        self.quotes: tuple[list[int], list[int]] = ([], [])
        self.brackets: tuple[list[int], list[int]] = ([], [])
        self.known = known  # the rules' abbreviations


def split_sentences(paragraph: str, rules: Rules | None = None) -> list[str]:
    """Return the sentences of one paragraph, in order, stripped.

    Each sentence is a slice of ``paragraph``; only the whitespace between
    sentences is lost.  An empty or blank paragraph gives an empty list.
    """
    return [paragraph[start:end] for start, end in sentence_spans(paragraph, rules)]


def sentence_spans(paragraph: str, rules: Rules | None = None) -> list[tuple[int, int]]:
    """Return the (start, end) of every sentence of ``paragraph``, stripped of whitespace."""
    rules = rules or default_rules()
    state = _State(len(paragraph) - len(paragraph.lstrip()), rules.known)
    if rules.quotes == Quotes.WHOLE:
        state.quotes = quotation_spans(paragraph)
    if "(" in paragraph or "[" in paragraph:
        state.brackets = bracket_spans(paragraph)
    vetoes = bool(rules.no_break or state.quotes[0] or state.brackets[0])
    found = markers(paragraph)
    marker = next(found, None)
    for match in _candidates(paragraph):
        while marker is not None and marker.start <= match.start():
            _list_item(paragraph, marker, state)
            marker = next(found, None)
        cut = _decide(paragraph, match, rules, state)
        if cut is not None and (not vetoes or _allowed(paragraph, cut, rules, state)):
            state.cuts.append(cut)
            state.sentence_start = state.list_position = match.end() if cut >= match.end("close") else cut
    while marker is not None:
        _list_item(paragraph, marker, state)
        marker = next(found, None)
    cuts = state.cuts
    if cuts:
        cuts = sorted(set(cuts) - state.uncut)
    return _slices(paragraph, cuts)


def _candidates(text: str) -> Iterable[re.Match[str]]:
    """The candidate boundaries of ``text`` in text order."""
    stops = _FULL_STOP.finditer(text)
    if "?" in text or "!" in text or "…" in text or "—" in text or "--" in text or "．" in text or "。" in text:
        return sorted([*stops, *_OTHER_STOP.finditer(text)], key=_start)  # two sorted runs: a linear merge
    return stops


def _start(match: re.Match[str]) -> int:
    return match.start()


def _own_end(match: re.Match[str]) -> int:
    return match.end("note") if match.group("note") else match.end("close")


def _cut(state: _State, cut: int, next_start: int) -> None:
    state.cuts.append(cut)
    state.sentence_start = state.list_position = next_start


def _slices(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for end in cuts:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            left = start + piece.index(stripped[0])
            spans.append((left, left + len(stripped)))
        start = end
    piece = text[start:] if start else text
    stripped = piece.strip()
    if stripped:
        left = start + piece.index(stripped[0])
        spans.append((left, left + len(stripped)))
    return spans


# --- candidates --------------------------------------------------------------


def _decide(text: str, match: re.Match[str], rules: Rules, state: _State) -> int | None:
    """Where (if anywhere) this candidate ends a sentence."""
    term, close, note, gap, upcoming = match.group("term", "close", "note", "gap", "next")
    term_at = match.start()  # the match opens with its punctuation
    next_at = match.end()  # ... and ends where the next sentence starts
    cut = term_at + len(term) + len(close) + (len(note) if note else 0)
    head = upcoming.lstrip(OPENERS)[0]
    if head in "-–—":
        return cut if term[0] in "?!" else None
    if head.islower() and not _is_camel(_next_word(text, next_at)):
        if term[0] in "?!…" or (term == "." and _plain(_word_before(text, term_at, state.sentence_start), rules)):
            state.list_position = next_at  # "Smith. a. here it is b. another": a list may start here
        return None  # "approx. three", "I think… maybe", "?” he asked"
    if term != ".":
        return _other_stop(text, match, term, close, cut)
    if term_at in state.marker_dots:
        return None  # the full stop of a list marker: "2. The second item"
    word = _word_before(text, term_at, state.sentence_start)
    key = word.lower()
    if note and note[0].isdigit() and not (word[-1:] in ")]" or (_plain(word, rules) and len(word) > 2)):
        return None  # "No.1 Middle School", "p.12": the digits are the abbreviation's number
    if not gap and not close:
        # glued: world.Today / Tuesday.Mr. / 1,000.That, but not www.example.Com or Jane.Doe@x
        token = text[next_at : next_at + _LOOK].split(None, 1)[0] if next_at < len(text) else ""
        if "." in word or "@" in word or "/" in word or _URLISH.search(token.rstrip(".")) or key in rules.known:
            return None
        return cut
    initialism = "." in word and _INITIALISM.fullmatch(word)
    if key not in rules.known and not (len(word) == 1 and word.isupper()) and not initialism:
        return cut if upcoming[0] != "(" else _unless_citation(text, next_at, cut)  # an ordinary word
    starts_number = head.isdigit() or head in "$€£¥"
    next_word = _next_word(text, next_at)
    if key in rules.inner:
        return None
    if key in rules.numbered:
        return None if starts_number or _ROMAN.fullmatch(next_word) else _unless_citation(text, next_at, cut)
    if key in rules.suffixes:
        bare = next_word.rstrip(".")
        return None if starts_number or bare.lower() in rules.suffixes or _ACRONYM.fullmatch(bare) else cut
    if key in rules.ambiguous or _INITIALISM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return _ambiguous(text, match, word, next_word, rules, state)
    return _unless_citation(text, next_at, cut)


def _other_stop(text: str, match: re.Match[str], term: str, close: str, cut: int) -> int | None:
    """Ellipses, ``?`` ``!``, full-width stops and broken-off quotations (``term`` is not one full stop)."""
    term_at = match.start()
    next_at = match.end()
    if term.startswith(". "):  # spaced ellipsis
        dots = term.count(".")
        glued = term_at > 0 and not text[term_at - 1].isspace()
        if glued and dots >= 4:
            return term_at + 1  # "compounds. . . . The": a full stop, then an ellipsis opens the next
        return cut if glued or dots >= 4 else None  # " . . . I didn't" continues
    if term[0] in "．。":
        return cut
    if term[0] in "-—":
        return cut if close else None
    if term[0] == "." or term[0] == "…":
        if text[term_at - 1 : term_at] == "[" and close.startswith("]"):
            return None  # "[...]" marks an omission
    elif close and _ATTRIBUTION.match(text, next_at):
        return None  # “Why?” Smith asked.
    return _unless_citation(text, next_at, cut)


def _ambiguous(text: str, match: re.Match[str], word: str, next_word: str, rules: Rules, state: _State) -> int | None:
    """Initialisms, initials, months, St., Jr., a.m.: end a sentence only before a likely opener."""
    next_at = match.start("next")
    key = word.lower()
    if _INITIAL.match(text, next_at):
        return None  # J. A. Smith: another initial follows
    if next_word.lower() in rules.openers:
        return _own_end(match)
    if key in ("a.m", "p.m"):
        term_at = match.start("term")
        so_far = text[state.sentence_start : term_at] if term_at - state.sentence_start < 40 else "x x x x"
        if len(so_far.split()) < 3:
            return None  # "At 5 a.m. Mr. Smith went": the time opens the sentence
        bare = next_word.rstrip(".")
        if _ACRONYM.fullmatch(bare) or bare.lower() in rules.time_words or (bare.lower() in rules.titles and word[0].islower()):
            return None  # 9 a.m. EST, 5 p.m. Friday; "at 5 a.m. Mr. Smith"
        after = text[next_at + len(next_word) : next_at + len(next_word) + _LOOK].split(None, 1)
        if after and after[0].strip(".,;").lower() in rules.time_words:
            return None  # 10 a.m. Beijing time
        return _own_end(match)  # 6 P.M. Mr. Smith, 6 p.m. Travelers who
    return None


def _unless_citation(text: str, next_at: int, cut: int) -> int | None:
    """No boundary before a bracketed citation that the sentence's own stop follows: ..." (Smith 55)."""
    return None if text[next_at : next_at + 1] == "(" and _CITATION.match(text, next_at) else cut


def _allowed(text: str, cut: int, rules: Rules, state: _State) -> bool:
    """Open brackets, project no-break rules and (with quotes = "whole") open quotations veto a cut.

    With quotes = "whole" a bracketed aside right after a quotation that the
    sentence leads into stays with it too: ``'Well!' thought Alice to herself,
    '... off the top of the house!' (Which was very likely true.)``; after a
    sentence that is only a quotation it is a sentence of its own.
    """
    if not rules.no_break and not state.quotes[0] and not state.brackets[0]:
        return True
    if any(rule.blocks(text, cut) for rule in rules.no_break):
        return False
    if _inside(state.quotes, cut) or _inside(state.brackets, cut):
        return False
    if state.quotes[0] and state.brackets[0]:
        return not aside_after_quotation(text, cut, state.sentence_start, state.quotes, state.brackets)
    return True


def _inside(spans: tuple[list[int], list[int]], cut: int) -> bool:
    starts, ends = spans
    if not starts:
        return False
    index = bisect_right(starts, cut - 1) - 1
    return index >= 0 and cut <= ends[index]


def _plain(word: str, rules: Rules) -> bool:
    """Is ``word`` an ordinary word (not an abbreviation, initial or list marker)?"""
    return len(word) > 1 and word.lower() not in rules.known and not _INITIALISM.fullmatch(word)


def _word_before(text: str, end: int, floor: int = 0) -> str:
    """The token (at most _LOOK characters, not before ``floor``) that a full stop at ``end`` ends, without openers."""
    low = max(floor, end - _LOOK)
    word = text[text.rfind(" ", low, end) + 1 or low : end]
    if word.isprintable():  # no space of another kind (line break, tab, no-break space) in it
        return word.lstrip(OPENERS)
    piece = text[low:end]
    if piece[-1].isspace():
        return ""
    return piece.rsplit(None, 1)[-1].lstrip(OPENERS)


def _next_word(text: str, start: int) -> str:
    limit = min(len(text), start + 8)
    while start < limit and text[start] in OPENERS:
        start += 1
    match = _WORD.match(text, start)
    return match.group(0).rstrip(".'’") if match else ""


def _is_camel(word: str) -> bool:
    """iPhone, eBay: a sentence may start with a lowercase letter."""
    return len(word) > 1 and word[0].islower() and word[1].isupper()


# --- lists -------------------------------------------------------------------


def _list_item(text: str, marker: Marker, state: _State) -> None:
    """Start a new sentence at a list marker that continues a list (or a bullet)."""
    at = marker.start
    if not marker.label:
        if at > state.start:
            _cut(state, at, at)
        return
    label, punct, opened = marker.label, marker.punct, marker.opened
    if opened and punct != ")":
        return
    bullet = marker.bullet
    before = text[max(state.start, at - _LOOK) : at].split()
    if not bullet and before and before[-1].lstrip(OPENERS).lower().rstrip(".") in state.known:
        return  # "Apple ranked No. 1. Samsung came in at No. 2.": numbers, not a list
    colon = _after_colon(text, at)
    position = at in (state.list_position, state.start) or colon
    continued = False
    for kind, value in values(label):
        style = (bullet, opened, punct, kind)
        previous = state.last.get(style)
        if previous is not None and previous[0] == value - 1:
            continued = True
            _, first, cut_first = previous
            if cut_first and first > state.start:
                state.cuts.append(first)
            if first in state.pending:
                state.uncut.add(state.pending.pop(first))
            state.last[style] = (value, first, False)
        elif position or bullet or (kind in ("number", "lower", "roman") and value == FIRST[kind] and _capital_after(text, marker.end)):
            # a list may start here; "a. The first item b. ..." starts one anywhere
            state.last[style] = (value, at, not colon and at != state.start)
            if not (position or bullet) and marker.dot >= 0:
                state.pending[at] = marker.end  # its own cut, undone if the list goes on
    if (continued or bullet) and at > state.start and not _joined(text, at, state.start):
        _cut(state, at, at)
    if (continued or position or bullet) and marker.dot >= 0:
        state.marker_dots.add(marker.dot)


_JOINING = frozenset({"and", "or", "nor", "but", "then", "&", "plus"})


def _joined(text: str, at: int, floor: int) -> bool:
    """Is the item at ``at`` joined to the text before it: "steps: (1) copy it, and (2) share it"?"""
    before = text[max(floor, at - _LOOK) : at].split()
    return bool(before) and (before[-1].lower() in _JOINING or before[-1][-1] in ",;")


def _capital_after(text: str, end: int) -> bool:
    rest = text[end : end + 4].lstrip()
    return rest[:1].isupper()


def _after_colon(text: str, at: int) -> bool:
    before = text[max(0, at - _LOOK) : at].rstrip()
    return before.endswith(":")

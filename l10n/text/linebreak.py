"""Where text may wrap, and how wide it is, the way GNU gettext decides.

GNU gettext wraps PO strings with libunistring's line breaking (Unicode
Standard Annex #14 through a pair table) and column widths (East Asian wide
and full-width characters take two columns).  This module reproduces the
behaviour of libunistring 1.0, which GNU gettext 0.21 uses, so that
``l10n.po.write`` writes exactly what ``msgcat`` writes.  Chinese text breaks
between ideographs, never before full-width closing punctuation such as
``，`` or ``。`` and never after an opening one such as ``（`` or ``“``.

The character data lives in ``l10n/text/data/linebreak.txt`` and is loaded on first
use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice
from operator import add
from typing import Optional, Sequence

PROHIBITED = 0
POSSIBLE = 1
MANDATORY = 2

# Classes that never index the pair table: libunistring handles them first.
_SPECIAL = ("BK", "CR", "LF", "CM", "ZW", "SP")


@dataclass(frozen=True)
class _Tables:
    names: tuple[str, ...]
    pairs: tuple[str, ...]
    class_starts: tuple[int, ...]
    class_values: tuple[int, ...]
    width_starts: tuple[int, ...]
    width_values: tuple[int, ...]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    from importlib.resources import files

    text = (files("l10n.text") / "data" / "linebreak.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        else:
            current.append(line)
    names = tuple(sections["pairs"][0].split()) + _SPECIAL
    index = {name: i for i, name in enumerate(names)}
    runs = [line.split() for line in sections["classes"]]
    widths = [line.split() for line in sections["widths"]]
    return _Tables(
        names=names,
        pairs=tuple(sections["pairs"][1:]),
        class_starts=tuple(int(start, 16) for start, _ in runs),
        class_values=tuple(index[name] for _, name in runs),
        width_starts=tuple(int(start, 16) for start, _ in widths),
        width_values=tuple(int(value) for _, value in widths),
    )


@lru_cache(maxsize=8192)
def _class_index(ch: str) -> int:
    t = _tables()
    return t.class_values[bisect_right(t.class_starts, ord(ch)) - 1]


def char_class(ch: str) -> str:
    """Return the resolved line-break class of one character (e.g. ``"ID1"``)."""
    return _tables().names[_class_index(ch)]


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    """Return the columns one character takes: 0, 1 or 2, or -1 for a control character."""
    if ch < "\x7f":
        return 1 if ch >= " " else (0 if ch == "\0" else -1)
    t = _tables()
    return t.width_values[bisect_right(t.width_starts, ord(ch)) - 1]


@lru_cache(maxsize=1)
def _codes() -> dict[str, int]:
    return {name: i for i, name in enumerate(_tables().names)}


def possible_breaks(chars: Sequence[str]) -> list[int]:
    """Return, per character, whether a line may break just before it.

    Each value is PROHIBITED, POSSIBLE or MANDATORY (a hard line break
    character such as U+2028 sits there).
    """
    c = _codes()
    pairs = _tables().pairs
    bk, cr, lf, cm, zw, sp = (c[name] for name in _SPECIAL)
    zwj, ri, hl, hy, ba, al = c["ZWJ"], c["RI"], c["HL"], c["HY"], c["BA"], c["AL"]
    hl_ba = -1  # a Hebrew letter followed by a hyphen or break-after character
    result = [PROHIBITED] * len(chars)
    prev = last = bk
    seen_space = False
    ri_count = 0
    for i, ch in enumerate(chars):
        prop = _class_index(ch)
        if prop in (bk, cr, lf):
            result[i] = MANDATORY
            prev, last, seen_space = prop, bk, False
        else:
            if prop == sp:
                seen_space = True
            elif prop == zw:
                last, seen_space = zw, False
            elif prop in (cm, zwj):
                # A combining mark sticks to what precedes it, unless that is a
                # line start, a space or a zero-width space: then it acts as AL.
                if last == bk:
                    last, seen_space = al, False
                elif last == zw or seen_space:
                    result[i] = POSSIBLE
                    last, seen_space = al, False
            else:
                if last == bk:
                    pass
                elif last == zw:
                    result[i] = POSSIBLE
                elif prev == zwj or prev == hl_ba:
                    pass
                elif last == ri and prop == ri:
                    if seen_space or ri_count % 2 == 0:
                        result[i] = POSSIBLE
                else:
                    rule = pairs[last][prop]
                    if rule == "D" or (rule == "I" and seen_space):
                        result[i] = POSSIBLE
                last, seen_space = prop, False
            prev = hl_ba if prev == hl and prop in (hy, ba) else prop
        ri_count = ri_count + 1 if prop == ri else 0
    return result


def width_breaks(
    chars: Sequence[str],
    width: int,
    start_column: int = 0,
    overrides: Optional[Sequence[Optional[int]]] = None,
) -> list[int]:
    """Return where to break ``chars`` so that lines fit in ``width`` columns.

    The first line starts at ``start_column``.  ``overrides`` may force a
    value (PROHIBITED, say) at some positions before the choice is made.  The
    result marks chosen breaks POSSIBLE, hard line break characters MANDATORY
    and everything else PROHIBITED; like libunistring, a break is taken at the
    last opportunity before the text would pass ``width``, and a piece longer
    than a line stays whole.
    """
    result = possible_breaks(chars)
    last_break: Optional[int] = None
    column = start_column
    piece = 0
    for i, ch in enumerate(chars):
        if overrides is not None and overrides[i] is not None:
            result[i] = overrides[i]  # type: ignore[assignment]
        here = result[i]
        if here != PROHIBITED and last_break is not None and column + piece > width:
            result[last_break] = POSSIBLE
            column = 0
        if here == MANDATORY:
            last_break, column, piece = None, 0, 0
            continue
        if here == POSSIBLE:
            last_break = i
            column += piece
            piece = 0
        result[i] = PROHIBITED
        w = char_width(ch)
        if w > 0:
            piece += w
    if last_break is not None and column + piece > width:
        result[last_break] = POSSIBLE
    return result


# --- A faster route to the same answer, for the strings PO files are made of.
#
# When a string holds no character of the classes below, libunistring's walk
# reduces to two rules: a break goes between two non-space characters whose
# pair is a direct break, and after a run of spaces when the pair of the
# characters around the run is a direct or indirect break.  Each character's
# class becomes one code character (str.translate, in C), and both rules are
# answered without a Python step per character.  ``possible_breaks`` and
# ``width_breaks`` stay the reference; the tests hold the two routes equal.
_NOT_SIMPLE = ("BK", "CR", "LF", "CM", "ZW", "ZWJ", "RI", "HL")


class _CodeMap(dict):
    """Code point -> value, filled in on first sight of each code point."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, cp: int):
        value = self[cp] = self._compute(cp)
        return value


@dataclass(frozen=True)
class _Fast:
    class_codes: _CodeMap
    widths: _CodeMap
    not_simple: frozenset[str]
    direct: frozenset[str]
    after_spaces: frozenset[str]
    space_runs: "re.Pattern[str]"


@lru_cache(maxsize=1)
def _fast() -> _Fast:
    t = _tables()
    c = _codes()
    code = chr  # a class's code character is chr(its index)
    n = len(t.pairs)
    sp = code(c["SP"])
    return _Fast(
        class_codes=_CodeMap(lambda cp: code(_class_index(chr(cp)))),
        widths=_CodeMap(lambda cp: max(char_width(chr(cp)), 0)),
        not_simple=frozenset(code(c[name]) for name in _NOT_SIMPLE),
        direct=frozenset(code(a) + code(b) for a in range(n) for b in range(n) if t.pairs[a][b] == "D"),
        after_spaces=frozenset(code(a) + code(b) for a in range(n) for b in range(n) if t.pairs[a][b] in "DI"),
        space_runs=re.compile(f"([^{sp}]){sp}+(?=([^{sp}]))"),
    )


def _simple_opportunities(text: str) -> Optional[list[int]]:
    """Positions where ``possible_breaks`` puts POSSIBLE, or None if ``text`` is not simple.

    Simple means no hard break, combining mark, zero-width (joiner) space,
    regional indicator or Hebrew letter: the walk's special cases never arise.
    """
    f = _fast()
    classes = text.translate(f.class_codes)
    if not f.not_simple.isdisjoint(classes):
        return None
    found = list(compress(range(1, len(classes)), map(f.direct.__contains__, map(add, classes, islice(classes, 1, None)))))
    runs = [m.end() for m in f.space_runs.finditer(classes) if m[1] + m[2] in f.after_spaces]
    if runs:
        found = sorted(found + runs)
    return found


def break_positions(text: str, width: int, start_column: int = 0, prohibited: Sequence[int] = ()) -> list[int]:
    """Return the positions where ``width_breaks`` would put POSSIBLE, in order.

    Same arguments as ``width_breaks`` with ``text`` a string and the
    overrides given as the positions forced to PROHIBITED.  Lines start at a
    returned position; hard line break characters are not returned.
    """
    opportunities = _simple_opportunities(text)
    if opportunities is None:
        overrides: list[Optional[int]] = [None] * len(text)
        for i in prohibited:
            overrides[i] = PROHIBITED
        chosen = width_breaks(list(text), width, start_column, overrides)
        return [i for i, b in enumerate(chosen) if b == POSSIBLE]
    if prohibited:
        banned = set(prohibited)
        opportunities = [i for i in opportunities if i not in banned]
    if not opportunities:
        return []
    if text.isascii() and text.isprintable():
        columns: Sequence[int] = range(len(text) + 1)
    else:
        columns = list(accumulate(map(_fast().widths.__getitem__, map(ord, text)), initial=0))
    # The greedy choice of width_breaks, visiting opportunities only: the
    # column at position i is columns[i] - base, base moving to each break taken.
    chosen = []
    base = -start_column
    last = None
    opportunities.append(len(text))
    for i in opportunities:
        if last is not None and columns[i] - base > width:
            chosen.append(last)
            base = columns[last]
        last = i
    return chosen

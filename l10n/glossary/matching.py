"""Whole-word phrase matching over normalised English tokens, in one pass.

A ``PhraseIndex`` is a token trie built once for a set of phrases (glossary
terms).  Searching a text tokenises it once and walks the trie from each token,
so the cost depends on the length of the text and of the longest phrase, not
on how many phrases the index holds.

Matching rules, shared by every caller:

* words are compared case-insensitively unless a phrase is case-sensitive;
* whitespace of any kind and amount, line breaks and hyphens between words are
  all the same separator (``City-Brain`` = ``City  Brain`` = ``City\\nBrain``);
* other punctuation must be present as written (``Co., Ltd.``); quotes and
  apostrophes are compared after folding curly forms to straight ones;
* the last word of a phrase also matches its plural (``-s``, ``-es``,
  ``-ies``) and possessive (``'s``) forms; the span excludes the possessive;
* whole words only, and the leftmost-longest match wins where phrases overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(
    r"""
      [^\W_]+(?:['\u2019\u2018\u02bc][^\W_]+)*   # a word, with inner apostrophes: Online's, couldn't
    | [^\w\s\-\u2010\u2011]                       # any other visible character stands alone
    | _                                           # (\\w includes the underscore; it is punctuation here)
    """,
    re.VERBOSE,
)
# Hyphens are not tokens: they separate words exactly as whitespace does.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark of a text, with its character span."""

    start: int
    end: int
    text: str  # as written, with curly quotes and apostrophes folded
    key: str  # ``text`` lower-cased: what the trie is keyed on


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text`` in order (hyphens and whitespace dropped)."""
    tokens = []
    for m in _TOKEN.finditer(text):
        folded = m.group().translate(_FOLD)
        tokens.append(Token(m.start(), m.end(), folded, folded.lower()))
    return tokens


def word_forms(word: str) -> list[str]:
    """Return ``word`` and the base forms it may inflect (exact form first).

    ``Brains`` → Brains, Brain; ``Online's`` → Online's, Online;
    ``secretaries`` → secretaries, secretary, secretarie.
    """
    forms = [word]
    lower = word.lower()
    if lower.endswith("'s") and len(lower) > 2:
        word, lower = word[:-2], lower[:-2]
        forms.append(word)
    if len(lower) > 4 and lower.endswith("ies"):
        forms.append(word[:-3] + ("Y" if word[-3:].isupper() else "y"))
    if len(lower) > 3 and lower.endswith("es"):
        forms.append(word[:-2])
    if len(lower) > 2 and lower.endswith("s") and not lower.endswith("ss"):
        forms.append(word[:-1])
    return forms


@dataclass(frozen=True)
class _Entry(Generic[T]):
    payload: T
    case_sensitive: bool
    words: tuple[str, ...]  # the phrase's tokens as written (folded), for case checks


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """A phrase found in a text: character span and the phrase's payload."""

    start: int
    end: int
    payload: T


class _Node:
    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # final token key -> entries of the phrases that end here
        self.ends: dict[str, list[_Entry]] = {}


class PhraseIndex(Generic[T]):
    """A compiled set of phrases; build once, search many texts."""

    def __init__(self, phrases: Iterable[tuple[str, bool, T]]) -> None:
        """Index ``(text, case_sensitive, payload)`` triples; phrases with no token are skipped."""
        self._root = _Node()
        self.size = 0
        for text, case_sensitive, payload in phrases:
            tokens = tokenize(text)
            if not tokens:
                continue
            node = self._root
            for token in tokens[:-1]:
                node = node.children.setdefault(token.key, _Node())
            entries = node.ends.setdefault(tokens[-1].key, [])
            entry = _Entry(payload, case_sensitive, tuple(t.text for t in tokens))
            # A case-sensitive phrase is the more specific one: try it first.
            entries.insert(sum(e.case_sensitive for e in entries) if case_sensitive else len(entries), entry)
            self.size += 1

    def search(self, text: str, accept: Callable[[T], bool] | None = None) -> list[PhraseMatch[T]]:
        """Return the leftmost-longest, non-overlapping phrase matches in ``text``.

        ``accept`` filters payloads during the search, so a rejected long phrase
        does not hide an accepted shorter one.
        """
        if not self.size:
            return []
        starts, ends, words, keys = _scan(text)
        forms: dict[int, list[str]] = {}
        root = self._root
        found: list[PhraseMatch[T]] = []
        i, n = 0, len(keys)
        while i < n:
            key = keys[i]
            if key not in root.children and key not in root.ends and key[-1] != "s":
                i += 1  # the common case, kept cheap: no phrase starts with this word
                continue
            best: tuple[int, str, _Entry] | None = None
            node: _Node | None = root
            j = i
            while node is not None and j < n:
                if node.ends:
                    key = keys[j]
                    if key[-1] == "s":  # only a word ending in s can be an inflected form
                        if j not in forms:
                            forms[j] = [w.lower() for w in word_forms(words[j])]
                        candidates = forms[j]
                    else:
                        candidates = (key,)
                    for form in candidates:
                        entry = self._accepted(node.ends.get(form), words, i, j, accept)
                        if entry is not None:
                            best = (j, form, entry)
                            break
                node = node.children.get(keys[j])
                j += 1
            if best is None:
                i += 1
                continue
            j, form, entry = best
            end = ends[j]
            if form != keys[j] and keys[j].endswith("'s") and not form.endswith("'s"):
                end -= 2  # the possessive ending belongs to the sentence, not the term
            found.append(PhraseMatch(starts[i], end, entry.payload))
            i = j + 1
        return found

    @staticmethod
    def _accepted(entries, words: list[str], i: int, j: int, accept: Callable[[T], bool] | None) -> _Entry | None:
        for entry in entries or ():
            if accept is not None and not accept(entry.payload):
                continue
            if entry.case_sensitive and not _same_case(words, i, j, entry.words):
                continue
            return entry
        return None


def _scan(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Return token starts, ends, folded texts and keys: ``tokenize`` without objects."""
    folded = text.translate(_FOLD)  # one character for one: spans stay valid
    matches = list(_TOKEN.finditer(folded))
    words = [m.group() for m in matches]
    lowered = folded.lower()
    if len(lowered) == len(folded):
        keys = [lowered[m.start() : m.end()] for m in matches]
    else:  # a rare character (İ) lower-cases to two: fall back to word by word
        keys = [w.lower() for w in words]
    return [m.start() for m in matches], [m.end() for m in matches], words, keys


def _same_case(text_words: list[str], i: int, j: int, words: tuple[str, ...]) -> bool:
    if any(text_words[i + k] != words[k] for k in range(len(words) - 1)):
        return False
    return words[-1] in word_forms(text_words[j])

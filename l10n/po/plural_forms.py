"""The ``Plural-Forms`` header: parse and check it against gettext's grammar, never eval it.

A catalogue says how a number picks a plural form with a C expression::

    Plural-Forms: nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;

GNU gettext's grammar (``plural.y``) allows the variable ``n``, decimal
integers, parentheses and these operators, loosest first: ``?:`` (right
associative), ``||``, ``&&``, ``== !=``, ``< > <= >=``, ``+ -``, ``* / %``,
then unary ``!``.  There is no unary minus.  This module parses that grammar
into a small tree by precedence climbing (no ``eval``, no Python parser),
evaluates the tree with C's meaning, and checks what programs reading the
compiled ``.mo`` would trip on:

- the header is ``nplurals=N; plural=EXPR;`` in that order (Python's gettext
  takes whatever follows the first ``;`` as the expression);
- ``N`` is at least 1 and the expression gives a value in ``[0, N)`` for
  every ``n`` from 0 to 1000 (what ``msgfmt --check`` tries) and for numbers
  around each power of ten up to 10^12, without dividing by zero or going
  below zero (C's unsigned arithmetic and Python's disagree there);
- the expression is at most 1000 characters and nests at most 20 levels
  (Python's gettext refuses longer or deeper ones when it loads the ``.mo``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterator

from l10n.errors import L10nError
from l10n.fsutil import read_input
from l10n.text.languages import plural_forms

if TYPE_CHECKING:
    from l10n.po.catalog import Catalog

MAX_LENGTH = 1000  # Python's gettext.c2py refuses longer expressions
MAX_DEPTH = 20  # ... and ones whose Python translation nests deeper than this
MAX_HEIGHT = 200  # operators in a chain: real expressions have a few dozen at most

_HEADER = re.compile(
    r"""
    \A[ \t]*nplurals[ \t]*=[ \t]*(?P<nplurals>[0-9]+)[ \t]*;     # nplurals=N;
    [ \t]*plural[ \t]*=(?P<expression>[^;]*)                     # plural=EXPR
    (?:;[ \t]*)?\Z                                               # an optional final ;
    """,
    re.VERBOSE,
)
_TOKEN = re.compile(
    r"""
    (?P<space>[ \t]+)
    | (?P<number>[0-9]+)(?![A-Za-z0-9_])        # a decimal integer
    | (?P<name>n)(?![A-Za-z0-9_])               # the only variable
    | (?P<op>&&|\|\||==|!=|<=|>=|[-+*/%<>!?:()])
    """,
    re.VERBOSE,
)
# Binary operators and their precedence (higher binds tighter), as in plural.y.
_BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}
_COMPARISONS = {"==", "!=", "<", ">", "<=", ">="}


class PluralFormsError(ValueError):
    """The header or its expression is not what gettext accepts; the message says why."""


# A node of the tree: ("n",), ("num", value), ("not", node), ("group", node),
# ("op", symbol, left, right), ("if", condition, then, otherwise).
Node = tuple


@dataclass(frozen=True)
class PluralForms:
    """A parsed ``Plural-Forms`` header: the number of forms and the expression's tree."""

    nplurals: int
    expression: str
    tree: Node

    def __call__(self, n: int) -> int:
        """Return the plural form for ``n`` (PluralFormsError on division by zero or a negative value)."""
        return _compile(self.tree)(n)


@lru_cache(maxsize=256)
def parse_plural_forms(value: str) -> PluralForms:
    """Return the parsed header value ``nplurals=N; plural=EXPR;``, checked as the module says.

    Raises PluralFormsError with a message a translator can act on.
    """
    match = _HEADER.match(value.strip())
    if match is None:
        if "nplurals" not in value or "plural" not in value.replace("nplurals", ""):
            raise PluralFormsError("it must read 'nplurals=N; plural=EXPRESSION;'")
        raise PluralFormsError("it must read 'nplurals=N; plural=EXPRESSION;', in that order, with nothing after")
    nplurals = int(match["nplurals"])
    expression = match["expression"].strip()
    if nplurals < 1:
        raise PluralFormsError("nplurals must be at least 1")
    tree = parse_expression(expression)
    forms = PluralForms(nplurals, expression, tree)
    function = _compile(tree)
    for n in _sample_numbers():
        try:
            form = function(n)
        except PluralFormsError as exc:
            raise PluralFormsError(f"for n = {n} the plural expression {exc}") from None
        if form >= nplurals:
            raise PluralFormsError(f"for n = {n} the plural expression gives form {form}, but nplurals={nplurals} allows 0 to {nplurals - 1}")
    return forms


def parse_expression(text: str) -> Node:
    """Return the tree of a plural expression (PluralFormsError if gettext would reject it)."""
    if not text:
        raise PluralFormsError("the plural expression is empty")
    if len(text) > MAX_LENGTH:
        raise PluralFormsError(f"the plural expression is {len(text)} characters long; gettext readers accept at most {MAX_LENGTH}")
    parser = _Parser(list(_tokens(text)))
    tree = parser.expression(0, 0)
    if parser.peek() != "":
        raise PluralFormsError(f"unexpected {parser.peek()!r} in the plural expression")
    nesting, height = _measure(tree)
    if nesting > MAX_DEPTH:
        raise PluralFormsError(
            f"the plural expression nests {nesting} levels deep (parentheses, comparisons and ?: count); "
            f"Python's gettext refuses more than {MAX_DEPTH}"
        )
    if height > MAX_HEIGHT:
        raise PluralFormsError(f"the plural expression is too complex ({height} operators deep, at most {MAX_HEIGHT})")
    return tree


def _measure(tree: Node) -> tuple[int, int]:
    """Return the deepest nesting of groups, comparisons and ?: (what Python's gettext limits) and the tree's height."""
    nesting = height = 0
    stack = [(tree, 0, 1)]
    while stack:
        node, levels, depth = stack.pop()
        kind = node[0]
        levels += kind in ("group", "if") or (kind == "op" and node[1] in _COMPARISONS)
        nesting, height = max(nesting, levels), max(height, depth)
        children = node[2:] if kind == "op" else node[1:] if kind in ("group", "not", "if") else ()
        stack.extend((child, levels, depth + 1) for child in children)
    return nesting, height


def _tokens(text: str) -> Iterator[str]:
    at = 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            bad = re.match(r"[A-Za-z0-9_]+|.", text[at:], re.DOTALL)
            shown = bad.group() if bad else text[at]
            raise PluralFormsError(f"{shown[:20]!r} (at character {at + 1}) is not allowed in a plural expression; "
                                   "only n, integers, parentheses and C operators are")
        if match.lastgroup != "space":
            yield match.group()
        at = match.end()


class _Parser:
    """Precedence climbing over the token list; depth is bounded, so no recursion error."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str:
        return self.tokens[self.at] if self.at < len(self.tokens) else ""

    def take(self) -> str:
        token = self.peek()
        self.at += 1
        return token

    def expression(self, min_precedence: int, depth: int) -> Node:
        """Parse operators binding at least as tight as ``min_precedence``; ``?:`` only at 0."""
        if depth > MAX_DEPTH:
            raise PluralFormsError(f"the plural expression nests deeper than {MAX_DEPTH} levels")
        left = self.unary(depth)
        while self.peek() in _BINARY and _BINARY[self.peek()] >= max(min_precedence, 1):
            symbol = self.take()
            # Left associative: the right side binds strictly tighter.
            right = self.expression(_BINARY[symbol] + 1, depth)
            if symbol not in ("&&", "||") and "not" in (left[0], right[0]):
                # Python's gettext writes ! as `not`, which binds looser than `+` or `==`:
                # !n + 1 becomes not (n + 1), and n + !n is a syntax error.
                raise PluralFormsError(
                    f"a '!' operand of '{symbol}' must be in parentheses, as in (!n) {symbol} 1: "
                    "Python's gettext reads it differently from C"
                )
            left = ("op", symbol, left, right)
        if self.peek() == "?" and min_precedence == 0:
            self.take()
            then = self.expression(0, depth + 1)
            if self.take() != ":":
                raise PluralFormsError("'?' without its ':' in the plural expression")
            otherwise = self.expression(0, depth + 1)  # right associative: a ? b : c ? d : e
            left = ("if", left, then, otherwise)
        return left

    def unary(self, depth: int) -> Node:
        token = self.take()
        if token == "!":
            nots = 1
            while self.peek() == "!":
                self.take()
                nots += 1
            if nots > MAX_LENGTH:
                raise PluralFormsError("too many '!' in the plural expression")
            node = self.unary(depth)
            for _ in range(nots):
                node = ("not", node)
            return node
        if token == "(":
            inner = self.expression(0, depth + 1)
            if self.take() != ")":
                raise PluralFormsError("a '(' without its ')' in the plural expression")
            return ("group", inner)
        if token == "n":
            return ("n",)
        if token.isdigit():
            return ("num", int(token))
        if token == "":
            raise PluralFormsError("the plural expression ends too early")
        raise PluralFormsError(f"unexpected {token!r} in the plural expression")


def _sample_numbers() -> Iterator[int]:
    yield from range(1001)
    for power in range(3, 13):
        base = 10**power
        yield from range(base - 1, base + 112)


_OPS: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: a + b,
    "*": lambda a, b: a * b,
    "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b),
}


def _divide(a: int, b: int) -> int:
    if b == 0:
        raise PluralFormsError("divides by zero")
    return a // b


def _remainder(a: int, b: int) -> int:
    if b == 0:
        raise PluralFormsError("divides by zero")
    return a % b


def _subtract(a: int, b: int) -> int:
    if a < b:
        raise PluralFormsError("goes below zero (C's gettext and Python's then disagree)")
    return a - b


_OPS.update({"/": _divide, "%": _remainder, "-": _subtract})


def _logical(symbol: str, left: Callable[[int], int], right: Callable[[int], int], n: int) -> int:
    """C's ``&&``/``||`` (0 or 1, short-circuit); an error where Python's ``and``/``or`` would differ.

    Python's gettext writes them as ``and``/``or``, which return an operand:
    ``n || 0`` is 1 in C and ``n`` in Python.
    """
    a = left(n)
    if (symbol == "||") == bool(a):
        value, python = int(bool(a)), a
    else:
        b = right(n)
        value, python = int(bool(b)), b
    if python != value:
        raise PluralFormsError(f"gives '{symbol}' the operand {python}, not 0 or 1 (C's gettext and Python's then disagree)")
    return value


def _compile(node: Node) -> Callable[[int], int]:
    """Return a function of ``n`` computing ``node`` with C's meaning (the tree is at most MAX_HEIGHT deep)."""
    kind = node[0]
    if kind == "n":
        return lambda n: n
    if kind == "num":
        value = node[1]
        return lambda n: value
    if kind == "group":
        return _compile(node[1])
    if kind == "not":
        inner = _compile(node[1])
        return lambda n: int(inner(n) == 0)
    if kind == "if":
        test, then, otherwise = (_compile(child) for child in node[1:])
        return lambda n: then(n) if test(n) else otherwise(n)
    _, symbol, left_node, right_node = node
    left, right = _compile(left_node), _compile(right_node)
    if symbol in ("&&", "||"):
        return lambda n: _logical(symbol, left, right, n)
    op = _OPS[symbol]
    return lambda n: op(left(n), right(n))


@lru_cache(maxsize=256)
def plural_forms_problem(value: str | None) -> str | None:
    """Return why a ``Plural-Forms`` header value is unusable, or None if it is fine (or absent).

    Cached: a project's catalogues share a handful of headers.
    """
    if value is None:
        return None
    try:
        parse_plural_forms(value)
    except PluralFormsError as exc:
        return str(exc)
    return None


def header_problem(catalog: Catalog, lang: str = "") -> L10nError | None:
    """Return an L10nError saying what is wrong with ``catalog``'s Plural-Forms header, or None.

    The error names the catalogue and the header line, and its hint is the
    header gettext's data has for ``lang``.
    """
    problem = plural_forms_problem(catalog.header_value("Plural-Forms"))
    if problem is None:
        return None
    hint = "write the header as 'nplurals=N; plural=EXPRESSION;' (see the gettext manual, 'Plural forms')"
    if lang:
        try:
            hint = f"for {lang}, gettext's header is: Plural-Forms: {plural_forms(lang)}"
        except Exception:  # noqa: BLE001 - an unknown language keeps the general hint
            pass
    return L10nError(f"invalid Plural-Forms header: {problem}", path=catalog.path, line=_header_line(catalog), hint=hint)


def _header_line(catalog: Catalog) -> int | None:
    """The line of ``Plural-Forms:`` in the catalogue's file (None if unknown)."""
    if catalog.path is None:
        return None
    try:
        data = read_input(catalog.path, "catalogue")
    except (OSError, L10nError):
        return None
    at = data.find(b'"Plural-Forms:')
    return data.count(b"\n", 0, at) + 1 if at >= 0 else None

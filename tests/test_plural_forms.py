"""Plural-Forms headers: gettext's grammar, Python's gettext limits, the check and build."""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.po.plural_forms import MAX_DEPTH, PluralFormsError, parse_expression, parse_plural_forms, plural_forms_problem


def test_every_rule_gettext_and_babel_ship_is_accepted_and_agrees_with_python() -> None:
    from babel.messages.plurals import PLURALS

    for lang, (nplurals, expression) in PLURALS.items():
        value = f"nplurals={nplurals}; plural={expression};"
        forms = parse_plural_forms(value)
        python = gettext.c2py(expression)
        assert [forms(n) for n in range(300)] == [python(n) for n in range(300)], lang


@pytest.mark.parametrize(
    "value,words",
    [
        ("nplurals=2; plural=__import__('os').system('id');", "'__import__' (at character 1) is not allowed"),
        ("nplurals=2; plural=n/0;", "for n = 0 the plural expression divides by zero"),
        ("nplurals=2; plural=n%(n-n);", "divides by zero"),
        ("nplurals=2; plural=n-1;", "for n = 0 the plural expression goes below zero"),
        ("nplurals=2; plural=n;", "for n = 2 the plural expression gives form 2, but nplurals=2 allows 0 to 1"),
        ("nplurals=2; plural=n>5000 ? 2 : 0;", "for n = 9999 the plural expression gives form 2"),
        ("nplurals=0; plural=0;", "nplurals must be at least 1"),
        ("plural=n != 1; nplurals=2;", "in that order"),
        ("nplurals=2", "it must read 'nplurals=N; plural=EXPRESSION;'"),
        ("nplurals=INTEGER; plural=EXPRESSION;", "it must read"),
        ("nplurals=2; plural=n != 1; nplurals=3;", "with nothing after"),
        ("nplurals=2; plural=;", "the plural expression is empty"),
        ("nplurals=2; plural=-n;", "unexpected '-'"),
        ("nplurals=2; plural=n ! = 1;", "'=' (at character 5) is not allowed"),
        ("nplurals=2; plural=(n != 1;", "a '(' without its ')'"),
        ("nplurals=2; plural=n != 1);", "unexpected ')'"),
        ("nplurals=2; plural=n > 1 ? 1;", "'?' without its ':'"),
        ("nplurals=2; plural=n ? : 1;", "unexpected ':'"),
        ("nplurals=2; plural=0x1;", "'0x1' (at character 1) is not allowed"),
        ("nplurals=2; plural=n & 1;", "'&' (at character 3) is not allowed"),
        ("nplurals=2; plural=2n;", "'2n'"),
        ("nplurals=2; plural=n\u00a0!= 1;", "is not allowed"),
        ("nplurals=2; plural=" + "(" * 21 + "n != 1" + ")" * 21 + ";", f"nests deeper than {MAX_DEPTH} levels"),
        ("nplurals=2; plural=n" + " == 1" * 25 + ";", "nests 25 levels deep"),
        ("nplurals=2; plural=" + "n+" * 300 + "n > 1;", "too complex"),
        ("nplurals=2; plural=n + !n;", "a '!' operand of '+' must be in parentheses"),
        ("nplurals=3; plural=!n + 1;", "a '!' operand of '+' must be in parentheses"),
        ("nplurals=3; plural=n || 0;", "for n = 2 the plural expression gives '||' the operand 2"),
    ],
)
def test_invalid_headers_are_named(value: str, words: str) -> None:
    problem = plural_forms_problem(value)
    assert problem is not None and words in problem, problem


def test_valid_headers_and_their_values() -> None:
    russian = parse_plural_forms(
        "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;"
    )
    assert [russian(n) for n in (0, 1, 2, 5, 11, 21, 22, 25, 111)] == [2, 0, 1, 2, 2, 0, 1, 2, 2]
    assert parse_plural_forms(" nplurals = 1 ; plural = 0 ").nplurals == 1  # spaces, no final ';'
    assert parse_plural_forms("nplurals=2; plural=!!n && n != 1;")(1) == 0
    # || and && short-circuit as in C: the division is never reached for n = 0.
    assert parse_plural_forms("nplurals=2; plural=n == 0 || 10 / n > 1;")(0) == 1
    assert parse_plural_forms("nplurals=2; plural=n==1==0;")(1) == 0  # chained as C does: (n==1)==0
    assert parse_plural_forms("nplurals=3; plural=(!n) + 1;")(0) == 2
    assert parse_plural_forms("nplurals=2; plural=n > 1 && !(n % 10);")(20) == 1


def test_a_hundred_thousand_parentheses_are_refused_quickly_without_recursion() -> None:
    expression = "(" * 100_000 + "n" + ")" * 100_000
    with pytest.raises(PluralFormsError, match="characters long"):
        parse_expression(expression)
    # Under the length cap the parser's own depth bound refuses (no RecursionError).
    with pytest.raises(PluralFormsError, match="nests"):
        parse_expression("(" * 490 + "n" + ")" * 490)
    with pytest.raises(PluralFormsError, match="too complex"):
        parse_expression("!" * 999 + "n")


# --- agreement with Python's gettext (the reader of the .mo l10n builds) -----

_ATOMS = st.sampled_from(["n", "0", "1", "2", "10", "100"])
_BINARY = st.sampled_from(["||", "&&", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%"])


def _expressions():
    return st.recursive(
        _ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, _BINARY, inner).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
            inner.map(lambda e: f"({e})"),
            inner.map(lambda e: f"!{e}"),
            st.tuples(inner, inner, inner).map(lambda t: f"{t[0]} ? {t[1]} : {t[2]}"),
        ),
        max_leaves=12,
    )


def _python(expression: str):
    try:
        function = gettext.c2py(expression)
    except (ValueError, SyntaxError):  # SyntaxError: `n + !n` becomes `n + not n`
        return None
    values = []
    for n in range(60):
        try:
            values.append(function(n))
        except ZeroDivisionError:
            values.append("div0")
    return values


@settings(max_examples=300, deadline=None)
@given(_expressions())
def test_what_we_accept_python_loads_and_computes_alike(expression: str) -> None:
    try:
        tree = parse_expression(expression)
    except PluralFormsError:
        return
    values = _python(expression)
    assert values is not None, f"accepted, but Python's gettext refuses {expression!r}"
    from l10n.po.plural_forms import _compile

    function = _compile(tree)
    for n, expected in enumerate(values):
        try:
            got = function(n)
        except PluralFormsError as exc:
            # We stop where C and Python disagree (below zero, || and && giving an operand) or both fail.
            assert expected == "div0" or "disagree" in str(exc), (expression, n)
            continue
        assert got == expected, (expression, n)


@settings(max_examples=300, deadline=None)
@given(_expressions())
def test_what_python_refuses_we_refuse(expression: str) -> None:
    if _python(expression) is None:
        with pytest.raises(PluralFormsError):
            parse_expression(expression)


# --- GNU msgfmt: what it calls fatal, we refuse ------------------------------

MSGFMT_CASES = [
    "nplurals=2; plural=n != 1;",
    "nplurals=2; plural=n/0;",
    "nplurals=2; plural=n;",
    "nplurals=2; plural=n-1;",
    "nplurals=2; plural=__import__('os');",
    "nplurals=2; plural=-n;",
    "nplurals=2; plural=0x1;",
    "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;",
    "nplurals=2; plural=n ! = 1;",
    "nplurals=1; plural=0;",
]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
@pytest.mark.parametrize("value", MSGFMT_CASES)
def test_msgfmt_agrees(value: str, tmp_path: Path) -> None:
    forms = int(value.split(";")[0].split("=")[1]) if value.split(";")[0].split("=")[1].strip().isdigit() else 2
    plural = "".join(f'msgstr[{i}] "x{i}"\n' for i in range(max(forms, 1)))
    po = tmp_path / "p.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {value}\\n"\n\nmsgid "a"\nmsgid_plural "b"\n{plural}',
        encoding="utf-8",
    )
    proc = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "p.mo"), str(po)], capture_output=True, text=True)
    ours = plural_forms_problem(value)
    assert (proc.returncode == 0) == (ours is None), (proc.stderr, ours)


# --- the check and build ---------------------------------------------------------


def _catalog(tmp_path: Path, header: str, forms: int = 2) -> Path:
    plural = "".join(f'msgstr[{i}] "x{i}"\n' for i in range(forms))
    po = tmp_path / "doc.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {header}\\n"\n\nmsgid "one"\nmsgstr "x"\n\nmsgid "a file"\nmsgid_plural "files"\n{plural}',
        encoding="utf-8",
    )
    return po


def _findings(po: Path):
    from l10n.checks import check_catalog, select_checks
    from l10n.po.read import read_catalog

    return [(f.check, f.line, f.message) for f in check_catalog(read_catalog(po), "ru", checks=select_checks(["plural-forms"]))]


def test_the_check_names_the_header_line_and_the_fix(tmp_path: Path) -> None:
    ((check, line, message),) = _findings(_catalog(tmp_path, "nplurals=2; plural=n>1 ? 2 : 0;"))
    assert (check, line) == ("plural-forms", 5)
    assert "gives form 2, but nplurals=2" in message and "for ru, gettext's header is: Plural-Forms: nplurals=3;" in message


def test_a_plural_entry_with_another_number_of_forms(tmp_path: Path) -> None:
    russian = "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;"
    assert _findings(_catalog(tmp_path, russian, forms=3)) == []
    ((check, line, message),) = _findings(_catalog(tmp_path, russian, forms=2))
    assert line == 10 and "2 plural form(s)" in message and "nplurals=3" in message


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
def test_the_entry_check_agrees_with_msgfmt(tmp_path: Path) -> None:
    for forms in (1, 2, 3):
        po = _catalog(tmp_path, "nplurals=2; plural=n != 1;", forms=forms)
        proc = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True, text=True)
        assert (proc.returncode == 0) == (_findings(po) == []), (forms, proc.stderr)

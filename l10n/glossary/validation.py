"""Validation of a glossary folder: every problem, each with its file and line."""

from __future__ import annotations

from pathlib import Path

from l10n.errors import L10nError
from l10n.glossary.csv import read_glossary_file
from l10n.glossary.files import glossary_files, read_bytes
from l10n.glossary.matching import tokenize
from l10n.glossary.model import Glossary, GlossaryProblem, Term, find_terms


def validate(glossary_dir: Path) -> list[GlossaryProblem]:
    """Return every problem of the glossary files in ``glossary_dir`` (empty list: clean).

    Malformed rows (encoding, quoting, column count, header), empty required
    fields and bad values come from reading; then, across all files: duplicate
    terms, two approved targets for one term, a target containing one of its
    own forbidden variants, and terms the matcher cannot find in their own text.
    """
    problems: list[GlossaryProblem] = []
    terms: list[Term] = []
    for path in glossary_files(glossary_dir):
        try:
            data = read_bytes(path)
        except L10nError as exc:
            problems.append(GlossaryProblem(path, 0, "malformed", f"{exc.message}; {exc.hint}" if exc.hint else exc.message))
            continue
        found, file_problems = read_glossary_file(path, data)
        terms.extend(found)
        problems.extend(file_problems)
    problems.extend(_duplicates(terms))
    problems.extend(_forbidden_in_target(terms))
    problems.extend(_never_matches(terms))
    return sorted(problems, key=lambda p: (str(p.path), p.line, p.code))


def conflicts(terms: list[Term]) -> list[GlossaryProblem]:
    """Return the problems that make enforcement ambiguous: two approved targets, self-forbidden targets."""
    problems = [p for p in _duplicates(terms) if p.code == "conflicting-target"]
    return problems + _forbidden_in_target(terms)


def _key(term: Term) -> tuple:
    words = tuple(t.text if term.case_sensitive else t.key for t in tokenize(term.source))
    return (term.case_sensitive, words)


def _problem(term: Term, code: str, message: str) -> GlossaryProblem:
    return GlossaryProblem(term.file or Path("<glossary>"), term.line, code, message)


def _where(earlier: Term, term: Term) -> str:
    """Return where ``earlier`` is, as seen from ``term``'s row: a line, or file:line."""
    if earlier.file == term.file:
        return f"line {earlier.line}"
    return f"{earlier.file.name if earlier.file else '?'}:{earlier.line}"


def _duplicates(terms: list[Term]) -> list[GlossaryProblem]:
    first: dict[tuple, Term] = {}
    problems = []
    for term in terms:
        key = _key(term)
        earlier = first.get(key)
        if earlier is None:
            first[key] = term
            continue
        clash = [
            lang
            for lang in sorted(set(term.targets) & set(earlier.targets))
            if term.approved and earlier.approved and term.targets[lang] != earlier.targets[lang]
        ]
        if clash:
            lang = clash[0]
            problems.append(
                _problem(
                    term,
                    "conflicting-target",
                    f"{term.source!r} has two approved {lang} targets: {term.targets[lang]!r} here and "
                    f"{earlier.targets[lang]!r} at {_where(earlier, term)}; keep one (mark the other proposed or delete it)",
                )
            )
        else:
            problems.append(
                _problem(term, "duplicate", f"duplicate term {term.source!r}, first defined at {_where(earlier, term)}; delete one row")
            )
    return problems


def _forbidden_in_target(terms: list[Term]) -> list[GlossaryProblem]:
    problems = []
    for term in terms:
        for lang, variants in term.forbidden.items():
            for index, target in enumerate(term.accepted(lang)):
                kind = "variant" if index else "target"
                for variant in variants:
                    if variant in target:
                        problems.append(
                            _problem(
                                term,
                                "forbidden-in-target",
                                f"the {lang} {kind} {target!r} of {term.source!r} contains its own forbidden variant "
                                f"{variant!r}, so every correct translation would be flagged",
                            )
                        )
    return problems


def _never_matches(terms: list[Term]) -> list[GlossaryProblem]:
    glossary = Glossary(tuple(terms))
    problems = []
    for term in terms:
        matches = find_terms(term.source, glossary, include_proposed=True)
        if not any(_key(m.term) == _key(term) for m in matches):
            problems.append(
                _problem(
                    term,
                    "never-matches",
                    f"{term.source!r} never matches itself: it has no word the matcher can find; rephrase or delete it",
                )
            )
    return problems

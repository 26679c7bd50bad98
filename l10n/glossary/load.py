"""Loading a project's glossary folder (``glossary/*.csv``) into one ``Glossary``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from l10n.errors import L10nError
from l10n.glossary.csv import read_glossary_file
from l10n.glossary.files import glossary_files, read_bytes
from l10n.glossary.model import Glossary, Term
from l10n.glossary.validation import conflicts


def load_glossary(directory: Path) -> Glossary:
    """Return the glossary of ``directory``.

    L10nError (file, line) if a file is malformed, or a term has two approved
    targets for a language or a target containing its own forbidden variant.
    """
    terms: list[Term] = []
    files = glossary_files(directory)
    digest = hashlib.sha256()
    for path in files:
        data = read_bytes(path)
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        found, problems = read_glossary_file(path, data)
        if problems:
            first = problems[0]
            more = f" ({len(problems) - 1} more problem(s) in this file)" if len(problems) > 1 else ""
            raise L10nError(
                first.message + more,
                path=first.path,
                line=first.line,
                hint="fix the row (l10n glossary check lists every problem)",
            )
        terms.extend(found)
    # Two approved targets, or a target its own forbidden list rejects, would make
    # enforcement wrong; duplicates and unmatchable terms only fail `glossary check`.
    for problem in conflicts(terms):
        raise L10nError(problem.message, path=problem.path, line=problem.line, hint="run l10n glossary check")
    return Glossary(tuple(terms), digest.hexdigest()[:12], tuple(files))

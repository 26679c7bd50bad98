"""The one-form output of the listing commands: glossary list, check and import; model
list, search and install; engines.

Each ``render_*`` takes the data its command gathered and returns the exact
text it prints, newline-terminated.  Paths are shown through ``relative``
(``Settings.relative``) where the command shows them project-relative.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

if TYPE_CHECKING:
    from l10n.engines.package_index import IndexEntry
    from l10n.engines.packages import InstallResult, ModelInfo
    from l10n.engines.registry import EngineListing
    from l10n.glossary.model import Glossary, GlossaryProblem

MAX_WARNINGS = 20  # a hostile TBX may have a million bad entries
MAX_PROBLEMS = 200  # glossary check lists this many, then counts the rest


def _text(lines: Iterable[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


# --- glossary ------------------------------------------------------------------------


def _counts(glossary: Glossary) -> str:
    approved = sum(t.approved for t in glossary.terms)
    return f"{len(glossary.terms)} terms ({approved} approved, {len(glossary.terms) - approved} proposed)"


def render_glossary_list(glossary: Glossary, to: str | None = None) -> str:
    """Return one tab-separated line per term: source, target(s), [status, flags], forbidden renderings.

    With ``to``, only that language's targets, and only the terms that have one.
    """
    langs = [to] if to else list(glossary.languages)
    lines = []
    for term in glossary.terms:
        if to and term.target(to) is None:
            continue
        targets = "  ".join(f"{lang}: {term.target(lang)}" for lang in langs if term.target(lang) is not None)
        marks = [term.status]
        marks += [flag for flag, on in (("case-sensitive", term.case_sensitive), ("do-not-translate", term.do_not_translate)) if on]
        forbidden = "; ".join(f"not {v}" for lang in langs for v in term.forbidden_in(lang))
        line = f"{term.source}\t{targets}\t[{', '.join(marks)}]"
        lines.append(f"{line}\t{forbidden}" if forbidden else line)
    return _text(lines)


def render_glossary_count(glossary: Glossary) -> str:
    """Return glossary list's closing line (standard error): the terms by status and the glossary version."""
    return f"{_counts(glossary)}, glossary version {glossary.version}\n"


def render_glossary_problems(problems: Sequence[GlossaryProblem], relative: Callable[[Path], str]) -> str:
    """Return glossary check's error message: ``file:line: code: message`` per problem (at most MAX_PROBLEMS), and the next step."""
    lines = [
        f"{relative(p.path)}{f':{p.line}' if p.line else ''}: {p.code}: {p.message}" for p in problems[:MAX_PROBLEMS]
    ]
    if len(problems) > MAX_PROBLEMS:  # a header of 40,000 unknown columns gave 40,000 lines
        lines.append(f"... and {len(problems) - MAX_PROBLEMS} more")
    return "\n".join([f"{len(problems)} glossary problem(s):", *lines, "  fix them and run l10n glossary check again"])


def render_glossary_check(glossary: Glossary) -> str:
    """Return glossary check's verdict for a valid glossary: terms, files, version."""
    return f"glossary OK: {_counts(glossary)} in {len(glossary.files)} file(s), version {glossary.version}\n"


def render_import_warnings(warnings: Sequence[str]) -> str:
    """Return what reading a TBX file warned about (standard error), at most MAX_WARNINGS, then a count."""
    lines = [f"warning: {warning}" for warning in warnings[:MAX_WARNINGS]]
    if len(warnings) > MAX_WARNINGS:
        lines.append(f"warning: {len(warnings) - MAX_WARNINGS} more warnings not shown")
    return _text(lines)


def render_glossary_import(target: str, terms: int) -> str:
    """Return glossary import's closing line: the CSV file written and how many terms it holds."""
    return f"{target}: {terms} terms imported; run l10n glossary check\n"


def render_glossary_exported(output: Path | str, glossary: Glossary) -> str:
    """Return glossary export -o's line (standard error): the file, the terms, the glossary version."""
    return f"{output}: {len(glossary.terms)} terms, glossary version {glossary.version}\n"


# --- models, engines ------------------------------------------------------------------


def render_model_install(result: InstallResult, folder: Path, downloaded: IndexEntry | None = None) -> str:
    """Return what model install did: the package downloaded, those it replaced, the one installed, the folder."""
    lines = [f"downloaded {downloaded.describe()}"] if downloaded is not None else []
    lines += [f"replaced {old.describe()}" for old in result.replaced]
    lines.append(f"installed {result.model.describe()}")
    lines.append(f"models folder: {folder} (set ARGOS_PACKAGES_DIR to change)")
    return _text(lines)


def render_model_search(found: Sequence[IndexEntry], url: str, source: str | None, target: str | None) -> str:
    """Return the packages the index offers, each with the command that installs it, or that there are none."""
    if not found:
        return f"no package in {url} for {source or 'any'}→{target or 'any'}\n"
    return _text(f"{entry.describe()}  (l10n model install {entry.from_code} {entry.to_code})" for entry in found)


def render_model_list(models: Sequence[ModelInfo], folder: Path) -> str:
    """Return one line per installed model, or where none is installed and how to install one."""
    if not models:
        return _text([f"no models installed in {folder}", "install one with: l10n model install FILE.argosmodel"])
    return _text(model.describe() for model in models)


def render_engines(listings: Iterable[EngineListing]) -> str:
    """Return each engine: its summary (or why it cannot be loaded), its options, the project's pairs it covers."""
    lines = []
    for engine in listings:
        if engine.error is not None:
            lines.append(f"{engine.name}: cannot be loaded ({engine.error})")
            continue
        lines.append(f"{engine.name}: {engine.summary}" + ("" if engine.auto else " (never picked by auto)"))
        if engine.options:
            lines.append("  options: " + ", ".join(engine.options))
        for pair in engine.pairs:
            verdict = "" if pair.ok is None else ("covers " if pair.ok else "does not cover ")
            lines.append(f"  {verdict}{pair.source}→{pair.target}: {pair.reason}")
    return _text(lines)

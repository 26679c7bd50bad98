"""Checks of a catalogue's header: what every entry's meaning depends on.

``plural-forms``: a ``Plural-Forms`` header that gettext's grammar rejects,
that Python's gettext would refuse on loading the compiled ``.mo``, or whose
expression picks a form outside ``0 .. nplurals-1`` (``l10n.plural_forms``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from l10n.checks.base import CheckContext

if TYPE_CHECKING:
    from l10n.catalog import Catalog


def check_plural_forms(catalog: Catalog, lang: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` if the catalogue's Plural-Forms header is unusable."""
    from l10n.plural_forms import header_problem

    error = header_problem(catalog, lang)
    if error is not None:
        yield error.line or 0, f"{error.message} ({error.hint})"


def no_pair_problems(source: str, target: str, ctx: CheckContext) -> Iterable[str]:
    """A header check has nothing to say about one pair."""
    return ()

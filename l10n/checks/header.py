"""Checks of a catalogue's header: what every entry's meaning depends on.

``plural-forms``: a ``Plural-Forms`` header that gettext's grammar rejects,
that Python's gettext would refuse on loading the compiled ``.mo``, or whose
expression picks a form outside ``0 .. nplurals-1`` (``l10n.po.plural_forms``);
with a good header, a translated plural entry whose number of forms is not
``nplurals`` (``msgfmt --check`` calls it fatal).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from l10n.checks.base import CheckContext

if TYPE_CHECKING:
    from l10n.po.catalog import Catalog


def check_plural_forms(catalog: Catalog, lang: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` if the Plural-Forms header is unusable, or a translated
    plural entry has another number of forms than it says (msgfmt --check's fatal error)."""
    from l10n.po.plural_forms import header_problem, parse_plural_forms

    error = header_problem(catalog, lang)
    if error is not None:
        yield error.line or 0, f"{error.message} ({error.hint})"
        return
    value = catalog.header_value("Plural-Forms")
    if value is None:
        return
    nplurals = parse_plural_forms(value).nplurals
    for entry in catalog.active:
        forms = len(entry.msgstr_plural)
        if entry.msgid_plural is not None and any(entry.msgstr_plural) and forms != nplurals:
            yield entry.line, (
                f"{forms} plural form(s) msgstr[0..{forms - 1}], but the header says nplurals={nplurals}: "
                f"give msgstr[0] to msgstr[{nplurals - 1}]"
            )


def no_pair_problems(source: str, target: str, ctx: CheckContext) -> Iterable[str]:
    """A header check has nothing to say about one pair."""
    return ()

"""Language codes and their gettext plural rules (from Babel's CLDR data)."""

from __future__ import annotations

from l10n.errors import L10nError


def normalize_language(code: str) -> str:
    """Return the gettext form of a language code (``zh_CN``, ``pt_BR``, ``zh``).

    Raises L10nError for a code CLDR does not know.
    """
    from babel import Locale, UnknownLocaleError

    cleaned = code.strip().replace("-", "_")
    try:
        locale = Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError) as exc:
        raise L10nError(
            f"unknown language code {code!r}",
            hint="use an ISO 639 code such as zh, zh_TW, fr or pt_BR",
        ) from exc
    parts = [locale.language]
    if locale.script and "_" in cleaned and len(cleaned.split("_")[1]) == 4:
        parts.append(locale.script)
    if locale.territory and cleaned.upper().endswith(locale.territory):
        parts.append(locale.territory)
    return "_".join(parts)


def plural_forms(code: str) -> str:
    """Return the ``Plural-Forms`` header value for a language code."""
    from babel.messages.plurals import get_plural

    plural = get_plural(normalize_language(code))
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def is_chinese(code: str) -> bool:
    """Return True for any Chinese language code (zh, zh_CN, zh_Hant_TW...)."""
    return code.lower().replace("-", "_").split("_")[0] == "zh"


def language_name(code: str) -> str:
    """Return the English name of a language code (``zh_TW`` → ``Chinese (Taiwan)``)."""
    from babel import Locale

    return Locale.parse(normalize_language(code)).english_name or code

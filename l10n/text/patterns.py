"""Text that must pass through translation untouched: web addresses and e-mail addresses."""

from __future__ import annotations

import re

# Things whose inner punctuation is not prose punctuation: URLs, e-mail
# addresses, printf/brace placeholders.  Checks mask them before looking.
URL_RE = re.compile(
    r"""(?:https?://|ftp://|www\.)          # scheme or bare www.
        [A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+  # ASCII URL characters only
        (?<![.,;:!?'])                      # a trailing dot or comma ends the sentence
    """,
    re.VERBOSE,
)

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


# The token that stands for a protected span (a glossary term, an inline code)
# while an engine translates: the drafting stage replaces the span by
# ``{{T0}}``, ``{{T1}}`` ... before calling an engine whose
# ``keeps_placeholders`` is True, and puts the approved text back afterwards.
# The placeholders check knows it too, so a token left in a translation is reported.
PLACEHOLDER = re.compile(r"\{\{T(\d+)\}\}")


def placeholder(index: int) -> str:
    """Return the placeholder text for protected span number ``index``."""
    return f"{{{{T{index}}}}}"

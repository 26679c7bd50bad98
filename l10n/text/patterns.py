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

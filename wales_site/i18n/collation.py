"""Alphabetical order as each of the site's languages has it."""

from __future__ import annotations

import unicodedata

# Welsh letters written with two characters sort as one letter, after the single one.
WELSH_DIGRAPHS = ("ch", "dd", "ff", "ng", "ll", "ph", "rh", "th")


def collation_key(text: str, lang: str) -> tuple:
    """Alphabetical order as each language has it: in Welsh, "ch", "dd", "ll"... are single letters."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    if lang != "cy":
        return tuple(plain)
    letters, index = [], 0
    while index < len(plain):
        pair = plain[index:index + 2]
        letters.append((pair[0], 1) if pair in WELSH_DIGRAPHS else (pair[0], 0))
        index += 2 if pair in WELSH_DIGRAPHS else 1
    return tuple(letters)

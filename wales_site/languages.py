"""The site's languages, in one table: everything else asks here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    # What the header's language link says: the language's name in itself.
    own_name: str
    # What an English message calls it ("unknown Welsh word").
    english_name: str
    # Its folder below the site root; English is the root.
    site_prefix: str
    months: tuple[str, ...]


ENGLISH = Language("en", "English", "English", "", (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"))
WELSH = Language("cy", "Cymraeg", "Welsh", "cy/", (
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
    "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"))

BY_CODE = {language.code: language for language in (ENGLISH, WELSH)}
# ("en", "cy"): the codes, English first.
CODES = tuple(BY_CODE)

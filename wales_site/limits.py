"""How big what an editor writes may be: past these, a file is refused with a
`file:line` message, never read for minutes or built into the site.

Each limit leaves room to grow: the figures beside them are the largest real
ones (2026-12).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileLimit:
    bytes: int
    # What to do about a file over the limit.
    advice: str


# Largest real page: docs-cy/glossary.md, 18,560 bytes.
PAGE = FileLimit(150_000, "split it into shorter pages")
# Largest real data file: data/sources.yml, 19,956 bytes.
DATA_FILE = FileLimit(200_000, "check it is the file you meant to save; a data file this big needs a "
                               "developer to raise the limit in wales_site/limits.py")
# Longest real text in a data file: 486 characters.
STRING_CHARACTERS = 10_000
# Longest real id: 46 characters.
ID_CHARACTERS = 80
# Deepest real data: 4 levels (file, list, entry, en/cy).
NESTING_LEVELS = 20

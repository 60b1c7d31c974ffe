"""Text an editor writes outside the page body (data, site text, front matter) is
plain text: the templates and renderers escape it, so HTML in it would show as
code at best; it is refused with what to remove.

Refused: `<` and `>` (a tag, or the start of one) and character references
(`&amp;`, `&#60;`), which would show literally once escaped. A plain `&`, and
Markdown characters, are fine: they are shown as written.
"""

from __future__ import annotations

import re

# A tag (shown whole when it is short), else a lone < or >, or a character reference.
MARKUP = re.compile(r"<[A-Za-z/!?][^<>\n]{0,40}>|[<>]|&(?:[A-Za-z][A-Za-z0-9]+|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def markup_in(text: str) -> str | None:
    """The first piece of markup in the text, as written, or None."""
    found = MARKUP.search(text)
    return found.group(0) if found else None


def plain_text_message(markup: str) -> str:
    return f'must be plain text: remove "{markup}"'

"""Titles and descriptions, escaped for Material, which prints them raw.

Material's templates print a page's title (nav, header, `<title>`, breadcrumbs,
footer links) and the front matter's `title` and `description` (`<title>`,
`<meta name="description" content="...">`) without escaping them, as it prints
nav section titles; its search plugin puts the front-matter title into the
search index as HTML. Titles come from the front matter, mkdocs.yml's nav,
data/site-text.yml (Welsh nav titles, the area pages) and data/ (the area pages).

The front-matter check refuses markup in them, but a plain `&` or `"` is text an
editor may write, and a `"` ends an attribute. So each is replaced, before any
page is written, by its escaped form as markupsafe.Markup: a raw print shows the
text as written, and a template's `| e` leaves it as it is (no `&amp;amp;`).
Escaping is idempotent: a title escaped twice is escaped once.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# The front-matter keys Material prints.
PRINTED_KEYS = ("title", "description")


def escaped(text) -> Markup | None:
    return None if text is None else escape(text)


def escape_nav_titles(items) -> None:
    """Section and link titles of the nav, in place (pages are escaped once read: escape_page_titles)."""
    for item in items:
        if not item.is_page and item.title is not None:
            item.title = escaped(item.title)
        if getattr(item, "children", None):
            escape_nav_titles(item.children)


def escape_page_titles(pages) -> None:
    """Each page's title and the front-matter text Material prints, in place."""
    for page in pages:
        page.title = escaped(page.title)
        for key in PRINTED_KEYS:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escaped(page.meta[key])

"""Corrections to the HTML that Material for MkDocs writes in places no template
block reaches, made to each finished page, so that every page passes the Nu HTML
Checker and axe (see tests/test_accessibility.py):

- the search panel is a dialog with no name: it takes the search box's label;
- nav section titles carry an empty, invalid `tabindex=""` (meant as none);
- the drawer and search toggles are checkboxes with `autocomplete="off"`,
  which HTML allows only on text-like inputs;
- the table of contents' title is a label for the toggle `__toc`, which Material
  writes only into the nav item of the page: on a page outside the nav (the
  steps of "Which route?") there is no such toggle, so the label points at nothing.
"""

from __future__ import annotations

import re


SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)')
SEARCH_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*\saria-label="([^"]*)"')
# As Material's partials/nav-item.html writes it for a section title.
EMPTY_TABINDEX = ' tabindex=""'
CHECKBOX = re.compile(r'<input\s[^>]*type="checkbox"[^>]*>')
AUTOCOMPLETE = re.compile(r'\sautocomplete="[^"]*"')
TOC_TOGGLE = 'id="__toc"'
TOC_TITLE_FOR = ' for="__toc"'


def name_search_dialog(page_html: str) -> str:
    label = SEARCH_LABEL.search(page_html)
    if not label:
        return page_html
    return SEARCH_DIALOG.sub(lambda dialog: f'{dialog.group(0)} aria-label="{label.group(1)}"', page_html)


def drop_empty_tabindex(page_html: str) -> str:
    return page_html.replace(EMPTY_TABINDEX, "")


def drop_autocomplete_from_checkboxes(page_html: str) -> str:
    return CHECKBOX.sub(lambda checkbox: AUTOCOMPLETE.sub("", checkbox.group(0)), page_html)


def unlink_toc_title_without_toggle(page_html: str) -> str:
    return page_html if TOC_TOGGLE in page_html else page_html.replace(TOC_TITLE_FOR, "")


def correct_theme_markup(page_html: str) -> str:
    return unlink_toc_title_without_toggle(
        drop_autocomplete_from_checkboxes(drop_empty_tabindex(name_search_dialog(page_html))))


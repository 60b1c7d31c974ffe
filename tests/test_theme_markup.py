"""hooks/theme_markup.py: Material's markup corrected on every finished page."""

from __future__ import annotations

from conftest import parse
from wales_site.theme.markup_fixes import (
    correct_theme_markup,
    drop_autocomplete_from_checkboxes,
    drop_empty_tabindex,
    name_search_dialog,
)

SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">'
    '<input type="text" class="md-search__input" name="query" aria-label="Chwilio" autocomplete="off">'
    "</div>"
)


def test_search_dialog_takes_the_search_box_label():
    assert name_search_dialog(SEARCH).startswith(
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Chwilio">'
    )


def test_search_dialog_without_a_search_box_is_left_alone():
    html = '<div class="md-search" data-md-component="search" role="dialog"></div>'
    assert name_search_dialog(html) == html


def test_empty_tabindex_goes_and_a_real_one_stays():
    assert drop_empty_tabindex('<label for="x" tabindex="">A</label>') == '<label for="x">A</label>'
    assert drop_empty_tabindex('<label for="x" tabindex="0">A</label>') == '<label for="x" tabindex="0">A</label>'


def test_autocomplete_goes_from_checkboxes_only():
    checkbox = '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
    assert drop_autocomplete_from_checkboxes(checkbox) == '<input class="md-toggle" type="checkbox" id="__drawer">'
    assert drop_autocomplete_from_checkboxes(SEARCH) == SEARCH


def test_corrections_are_idempotent():
    once = correct_theme_markup(SEARCH)
    assert correct_theme_markup(once) == once


def test_built_pages_carry_the_corrections(pages):
    for path in pages:
        soup = parse(path)
        dialog = soup.select_one("div.md-search[role=dialog]")
        assert dialog and dialog.get("aria-label"), f"{path}: the search dialog has no name"
        assert not soup.select('[tabindex=""]'), f"{path}: empty tabindex"
        assert not soup.select("input[type=checkbox][autocomplete]"), f"{path}: autocomplete on a checkbox"

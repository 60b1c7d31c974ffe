"""Material's markup corrected on every finished page (theme/markup_fixes.py), and the
titles it prints raw escaped before any page is written (theme/plain_titles.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
from mkdocs.structure.nav import Link, Section

from conftest import output_path, parse
from edited_build import CHANGED, QUOTED_DESCRIPTION, QUOTED_HELP_LABEL, QUOTED_TITLE, edited_build  # noqa: F401 (a fixture)
from wales_site.theme import plain_titles
from wales_site.theme.markup_fixes import (
    correct_theme_markup,
    drop_autocomplete_from_checkboxes,
    drop_empty_tabindex,
    name_search_dialog,
    unlink_toc_title_without_toggle,
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


def test_the_toc_title_points_at_its_toggle_only_where_the_page_has_one():
    title = '<label class="md-nav__title" for="__toc">Table of contents</label>'
    toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert unlink_toc_title_without_toggle(title) == '<label class="md-nav__title">Table of contents</label>'
    assert unlink_toc_title_without_toggle(toggle + title) == toggle + title


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
        for label in soup.select("label[for]"):
            assert soup.find(id=label["for"]), f"{path}: a label for #{label['for']}, which the page lacks"


TITLE = 'A <b>bold</b> & "quoted" title'
ESCAPED = "A &lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34; title"


def test_a_title_is_escaped_once_however_often_it_is_escaped():
    assert plain_titles.escaped(TITLE) == ESCAPED
    assert plain_titles.escaped(plain_titles.escaped(TITLE)) == ESCAPED
    assert plain_titles.escaped(None) is None


def test_templates_print_an_escaped_title_as_written_whether_or_not_they_escape_it():
    # MkDocs' Jinja environment does not escape by itself, as Material's templates expect.
    environment = jinja2.Environment()
    title = plain_titles.escaped(TITLE)
    for template in ("{{ title }}", "{{ title | e }}", '<a aria-label="{{ title | e }}">', '<a title="{{ title }}">'):
        html = environment.from_string(template).render(title=title)
        assert ESCAPED in html and "<b>" not in html and "&amp;amp;" not in html, (template, html)


def test_nav_sections_and_links_are_escaped_and_pages_left_until_they_are_read():
    page = SimpleNamespace(is_page=True, title=None, children=None)
    link = Link(TITLE, "https://example.org")
    inner = Section('Inner "section"', [link, page])
    outer = Section("Outer & more", [inner])
    plain_titles.escape_nav_titles([outer])
    assert (outer.title, inner.title, link.title) == ("Outer &amp; more", "Inner &#34;section&#34;", ESCAPED)
    assert page.title is None


def test_a_page_title_and_the_front_matter_material_prints_are_escaped():
    page = SimpleNamespace(title=TITLE, meta={"title": TITLE, "description": 'Say "hi" & go', "period": "2013"})
    plain_titles.escape_page_titles([page])
    assert page.title == ESCAPED
    assert page.meta == {"title": ESCAPED, "description": "Say &#34;hi&#34; &amp; go", "period": "2013"}


def test_quotes_and_ampersands_in_titles_and_site_text_reach_the_page_as_text(edited_build):
    """Plain text may hold " and &: Material prints the title and description raw, in
    attributes too, and a " there would end the attribute."""
    soup = parse(output_path(edited_build.site, "en", Path(CHANGED)))
    assert soup.title.string.startswith(QUOTED_TITLE + " - ")
    assert soup.select_one('meta[name="description"]')["content"] == QUOTED_DESCRIPTION
    assert soup.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == QUOTED_TITLE
    assert QUOTED_TITLE in [link.get_text(strip=True) for link in soup.select(".md-nav__link")]
    assert soup.select_one(".help-strip")["aria-label"] == QUOTED_HELP_LABEL

"""Material's script starts at the visitor's first interaction, not as the page
loads (hooks/material_on_demand.py, material-on-demand.js): every page holds
it back, each kind of interaction starts it and it then sets up the page, keys
and taps made before it started still do what they would have done, and
search is there from the start without moving the header."""

from __future__ import annotations

import pytest

from conftest import MATERIAL_STARTED, parse, start_material_script
from material_on_demand import hold_back_material_script

BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
SEARCH_BOX = "[data-md-component=search-query]"
SEARCH_HAS_FOCUS = f"document.activeElement.matches('{SEARCH_BOX}')"
PHONE = {"has_touch": True, "is_mobile": True, "viewport": {"width": 375, "height": 700}}


def test_material_script_becomes_a_placeholder():
    assert hold_back_material_script(f"<body>{BUNDLE}</body>") == (
        '<body><script data-material-script="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body>'
    )


def test_other_scripts_still_load():
    other = '<script src="../assets/javascripts/exit-this-page.js"></script>'
    assert hold_back_material_script(other) == other


def test_every_built_page_holds_material_script_back(pages):
    for path in pages:
        soup = parse(path)
        assert not [s for s in soup.select("script[src]") if "/bundle." in s["src"]], f"{path}: loads Material's script"
        placeholders = soup.select("script[data-material-script]")
        assert len(placeholders) == 1 and "/bundle." in placeholders[0]["data-material-script"], path


def requested_material_script(requests: list[str]) -> bool:
    return any("/assets/javascripts/bundle." in url for url in requests)


def open_page(page, url: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return requests


INTERACTIONS = {
    "key": lambda page: page.keyboard.press("Tab"),
    "mouse": lambda page: page.mouse.move(20, 300),
    "scroll": lambda page: page.mouse.wheel(0, 300),
    "click": lambda page: page.locator("h1").click(),
}


@pytest.mark.parametrize("interaction", INTERACTIONS)
@pytest.mark.parametrize("path", ["", "cy/help-in-your-area/cardiff/"])
def test_material_script_waits_for_the_first_interaction(page, site_url, path, interaction):
    requests = open_page(page, site_url + path)
    assert not requested_material_script(requests), "Material's script loaded before the visitor did anything"
    assert not page.evaluate(MATERIAL_STARTED)
    INTERACTIONS[interaction](page)
    page.wait_for_function(MATERIAL_STARTED)
    assert requested_material_script(requests)


def test_a_tap_starts_material_script(browser, site_url):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_page(page, site_url + "cy/")
        page.locator("h1").tap()
        page.wait_for_function(MATERIAL_STARTED)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["what-is-human-trafficking/", "cy/help-in-your-area/cardiff/"])
def test_every_navigation_link_can_be_scrolled_into_view_on_a_laptop(browser, site_url, path):
    # Once started, Material gives the sidebars a scrolling box the height of the window.
    context = browser.new_context(viewport={"width": 1280, "height": 600})
    try:
        page = context.new_page()
        open_page(page, site_url + path)
        start_material_script(page)
        last_link_bottom = page.evaluate("""() => {
          const box = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
          box.scrollTop = box.scrollHeight;
          const links = box.querySelectorAll('a');
          return links[links.length - 1].getBoundingClientRect().bottom;
        }""")
        assert last_link_bottom <= 600, "the navigation runs off the bottom of the window"
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "cy/"])
def test_search_shortcut_pressed_first_opens_search(page, site_url, path):
    open_page(page, site_url + path)
    page.evaluate("window.addEventListener('keydown', event => { window.slashTaken = event.defaultPrevented; })")
    page.keyboard.press("/")
    page.wait_for_function(SEARCH_HAS_FOCUS)
    assert page.evaluate("window.slashTaken"), "the browser's own find (Firefox) would open as well"
    page.keyboard.type("helpline" if path == "" else "masnachu")
    page.locator(".md-search-result__item").first.wait_for()


def test_next_page_shortcut_pressed_first_still_works(page, site_url):
    open_page(page, site_url + "what-is-human-trafficking/")
    next_page = page.locator("link[rel=next]").get_attribute("href")
    page.keyboard.press("n")
    page.wait_for_url(f"**/{next_page.strip('./')}/")


def test_enter_in_the_search_box_never_puts_the_query_in_the_address(page, site_url):
    # Before Material's script has arrived, Enter would send the search form.
    open_page(page, site_url)
    page.locator(SEARCH_BOX).evaluate("box => { box.value = 'trafficked'; box.form.requestSubmit(); }")
    page.wait_for_timeout(500)
    assert "trafficked" not in page.url


def test_search_opened_on_a_phone_before_the_script_started_takes_focus(browser, site_url):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_page(page, site_url + "cy/")
        page.locator(".md-header__button[for=__search]").tap()
        page.wait_for_function(MATERIAL_STARTED)
        assert page.evaluate(SEARCH_HAS_FOCUS)
        page.keyboard.type("masnachu")
        page.locator(".md-search-result__item").first.wait_for()
    finally:
        context.close()


def test_menu_opened_on_a_phone_at_a_section_of_a_page_stays_open(browser, site_url):
    # Material closes the menu and search as it starts on a page opened at a
    # section (#...): it must not do so just after the tap that opened the menu.
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_page(page, site_url + "report-a-concern/#cannot-speak")
        page.locator("label.md-header__button[for=__drawer]").tap()
        page.wait_for_function(MATERIAL_STARTED)
        page.wait_for_timeout(500)
        assert page.evaluate("document.getElementById('__drawer').checked"), "the menu closed by itself"
    finally:
        context.close()


HEADER_BOXES = """[...document.querySelectorAll('.md-header a, .md-header label, .md-header .md-search')]
  .map(element => JSON.stringify(element.getBoundingClientRect()))"""


@pytest.mark.parametrize("width", [375, 1280])
def test_header_does_not_move_when_search_appears(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        open_page(page, site_url + "what-is-human-trafficking/")
        search = ".md-search" if width >= 960 else ".md-header__button[for=__search]"
        assert page.locator(search).is_visible(), "search is not there before Material's script starts"
        before = page.evaluate(HEADER_BOXES)
        start_material_script(page)
        assert page.evaluate(HEADER_BOXES) == before, "the header moved when Material's script started"
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_without_javascript_no_search_is_shown(browser, site_url, width):
    # Search needs JavaScript; a search box that cannot work is not offered.
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.locator(".md-search").is_hidden()
        assert page.locator(".md-header__button[for=__search]").is_hidden()
    finally:
        context.close()

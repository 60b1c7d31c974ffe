"""Material's script starts at the visitor's first interaction, not as the page
loads (hooks/material_on_demand.py, material-on-demand.js): every page holds
it back, each kind of interaction starts it, a shortcut pressed before it
started still works, and the header does not move when search appears."""

from __future__ import annotations

import pytest

from conftest import MATERIAL_STARTED, parse, start_material_script
from material_on_demand import hold_back_material_script

BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


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
    "click": lambda page: page.mouse.click(600, 5),
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


def test_touch_starts_material_script(browser, site_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 700})
    try:
        page = context.new_page()
        page.goto(site_url + "cy/")
        page.touchscreen.tap(200, 650)
        page.wait_for_function(MATERIAL_STARTED)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "cy/"])
def test_search_shortcut_pressed_first_opens_search(page, site_url, path):
    open_page(page, site_url + path)
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("helpline")
    page.locator(".md-search-result__item").first.wait_for()


HEADER_BOXES = """[...document.querySelectorAll('.md-header a, .md-header label, .md-header .md-search')]
  .map(element => JSON.stringify(element.getBoundingClientRect()))"""


@pytest.mark.parametrize("width", [375, 1280])
def test_header_does_not_move_when_search_appears(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        open_page(page, site_url + "what-is-human-trafficking/")
        before = page.evaluate(HEADER_BOXES)
        start_material_script(page)
        search = ".md-search" if width >= 960 else ".md-header__button[for=__search]"
        assert page.locator(search).is_visible(), "search did not appear"
        assert page.evaluate(HEADER_BOXES) == before, "the header's links moved when search appeared"
    finally:
        context.close()


def test_search_opened_on_a_phone_before_the_script_started_takes_focus(browser, site_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 700})
    try:
        page = context.new_page()
        open_page(page, site_url + "cy/")
        page.locator(".md-header__button[for=__search]").tap()
        page.wait_for_function(MATERIAL_STARTED)
        page.wait_for_timeout(500)
        assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
        page.keyboard.type("masnachu")
        page.locator(".md-search-result__item").first.wait_for()
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

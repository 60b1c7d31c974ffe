"""Material's script starts at the visitor's first interaction, not as the page
loads (hooks/material_on_demand.py, material-on-demand.js): every page holds
it back, each kind of interaction starts it and it then sets up the page, keys
and taps made before it started still do what they would have done, and
search is there from the start without moving the header."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from conftest import MATERIAL_STARTED, parse, start_material_script, wait_until
from wales_site.theme.material_on_demand import hold_back_material_script, wrap_tables_as_material_does

BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
SEARCH_BOX = "[data-md-component=search-query]"
SEARCH_HAS_FOCUS = f"document.activeElement.matches('{SEARCH_BOX}')"
# Not hidden, transparent or covered (Playwright's is_visible allows the first two).
IN_SIGHT = """element => {
  const box = element.getBoundingClientRect();
  let opacity = 1;
  for (let e = element; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  return opacity > 0 && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === element;
}"""
PHONE = {"has_touch": True, "is_mobile": True, "viewport": {"width": 375, "height": 700}}


@contextmanager
def page_in(browser, **options):
    """A page in a browser context of its own (a phone, a width, no JavaScript)."""
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_material_script_becomes_a_placeholder():
    assert hold_back_material_script(f"<body>{BUNDLE}</body>") == (
        '<body><script data-material-script="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body>'
    )


def test_tables_come_wrapped_as_material_wraps_them():
    assert wrap_tables_as_material_does("<p>A</p><table><tr><td>1</td></tr></table>") == (
        '<p>A</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        "<table><tr><td>1</td></tr></table></div></div>"
    )


def test_only_tables_without_a_class_are_wrapped():
    inner = "<table><tr><td>1</td></tr></table>"
    html = f'<table class="grid"><tr><td>{inner}</td></tr></table>'
    assert wrap_tables_as_material_does(html) == (
        f'<table class="grid"><tr><td>{wrap_tables_as_material_does(inner)}</td></tr></table>'
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


MATERIAL_SCRIPT_URL = "**/assets/javascripts/bundle.*"


def delay(page, url_pattern: str) -> list:
    """A file downloading slowly: the requests for it wait in the list until released."""
    held_back = []
    page.route(url_pattern, lambda route: held_back.append(route))
    return held_back


def release(page, held_back: list) -> None:
    for _ in range(100):
        if held_back:
            held_back.pop().continue_()
            return
        page.wait_for_timeout(50)
    raise AssertionError("the file held back was never asked for")


def requested_material_script(requests: list[str]) -> bool:
    return any("/assets/javascripts/bundle." in url for url in requests)


def open_page(page, url: str) -> list[str]:
    """Opens the page (to its load event); returns the list its requests go on filling."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    return requests


def let_the_network_fall_quiet(page) -> None:
    """Until the page has asked for everything it asks for by itself (Playwright's networkidle: half a second
    without a request)."""
    page.wait_for_load_state("networkidle")


INTERACTIONS = {
    "key": lambda page: page.keyboard.press("Tab"),
    "mouse": lambda page: page.mouse.move(20, 300),
    "wheel": lambda page: page.mouse.wheel(0, 300),
    # What a screen reader's reading cursor may do: scroll the page, move focus.
    "scroll": lambda page: page.evaluate("window.scrollBy(0, 300)"),
    "focus": lambda page: page.evaluate("document.querySelector('.md-content a[href]').focus()"),
}


# The home page and a Welsh page of an area.
FIRST_PAGES = ["", "cy/help-in-your-area/cardiff/"]


@pytest.mark.parametrize("path", FIRST_PAGES)
def test_material_script_is_not_asked_for_while_the_visitor_does_nothing(page, site_url, path):
    requests = open_page(page, site_url + path)
    let_the_network_fall_quiet(page)
    assert not requested_material_script(requests), "Material's script loaded before the visitor did anything"
    assert not page.evaluate(MATERIAL_STARTED)


# (Each from the page's load event: that nothing starts it later unasked is the test above.)
@pytest.mark.parametrize("interaction", INTERACTIONS)
@pytest.mark.parametrize("path", FIRST_PAGES)
def test_each_kind_of_first_interaction_starts_material_script(page, site_url, path, interaction):
    requests = open_page(page, site_url + path)
    assert not requested_material_script(requests) and not page.evaluate(MATERIAL_STARTED)
    INTERACTIONS[interaction](page)
    wait_until(page, MATERIAL_STARTED)
    assert requested_material_script(requests)


def test_a_tap_starts_material_script(browser, site_url):
    with page_in(browser, **PHONE) as page:
        open_page(page, site_url + "cy/")
        page.locator("h1").tap()
        wait_until(page, MATERIAL_STARTED)


@pytest.mark.parametrize("path", ["what-is-human-trafficking/", "cy/help-in-your-area/cardiff/"])
def test_every_navigation_link_can_be_scrolled_into_view_on_a_laptop(browser, site_url, path):
    # Once started, Material gives the sidebars a scrolling box the height of the window.
    with page_in(browser, viewport={"width": 1280, "height": 600}) as page:
        open_page(page, site_url + path)
        start_material_script(page)
        last_link_bottom = page.evaluate("""() => {
          const box = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
          box.scrollTop = box.scrollHeight;
          const links = box.querySelectorAll('a');
          return links[links.length - 1].getBoundingClientRect().bottom;
        }""")
        assert last_link_bottom <= 600, "the navigation runs off the bottom of the window"


@pytest.mark.parametrize(("path", "width"), [("", 1280), ("cy/", 375)])
def test_search_shortcut_pressed_first_opens_search(browser, site_url, path, width):
    with page_in(browser, viewport={"width": width, "height": 700}) as page:
        held_back = delay(page, MATERIAL_SCRIPT_URL)
        open_page(page, site_url + path)
        page.evaluate("window.addEventListener('keydown', event => { window.slashTaken = event.defaultPrevented; })")
        page.keyboard.press("/")
        wait_until(page, SEARCH_HAS_FOCUS)
        assert page.evaluate("window.slashTaken"), "the browser's own find (Firefox) would open as well"
        # (Material's search slides in over a quarter of a second.)
        wait_until(page, f"({IN_SIGHT})(document.querySelector('{SEARCH_BOX}'))", timeout=3000)
        release(page, held_back)
        page.keyboard.type("helpline" if path == "" else "masnachu")
        page.locator(".md-search-result__item").first.wait_for()


def test_next_page_shortcut_pressed_while_the_script_downloads_still_works(page, site_url):
    held_back = delay(page, MATERIAL_SCRIPT_URL)
    open_page(page, site_url + "what-is-human-trafficking/")
    next_page = page.locator("link[rel=next]").get_attribute("href")
    page.mouse.move(20, 300)
    page.keyboard.press("n")
    release(page, held_back)
    page.wait_for_url(f"**/{next_page.strip('./')}/")


def test_enter_in_the_search_box_never_puts_the_query_in_the_address(page, site_url):
    # Before Material's script has arrived, Enter would send the search form.
    open_page(page, site_url)
    page.evaluate("window.addEventListener('submit', event => { window.submitStopped = event.defaultPrevented; })")
    page.locator(SEARCH_BOX).evaluate("box => { box.value = 'trafficked'; box.form.requestSubmit(); }")
    assert page.evaluate("window.submitStopped") is True
    assert "trafficked" not in page.url


def test_search_opened_on_a_phone_before_the_script_started_takes_focus(browser, site_url):
    with page_in(browser, **PHONE) as page:
        open_page(page, site_url + "cy/")
        page.locator(".md-header__button[for=__search]").tap()
        wait_until(page, MATERIAL_STARTED)
        assert page.evaluate(SEARCH_HAS_FOCUS)
        page.keyboard.type("masnachu")
        page.locator(".md-search-result__item").first.wait_for()


def test_menu_opened_on_a_phone_at_a_section_of_a_page_stays_open(browser, site_url):
    # Material closes the menu and search as it starts on a page opened at a
    # section (#...): it must not do so just after the tap that opened the menu.
    with page_in(browser, **PHONE) as page:
        open_page(page, site_url + "report-a-concern/#cannot-speak")
        let_the_network_fall_quiet(page)
        page.locator("label.md-header__button[for=__drawer]").tap()
        wait_until(page, MATERIAL_STARTED)
        page.wait_for_timeout(500)
        assert page.evaluate("document.getElementById('__drawer').checked"), "the menu closed by itself"


BOXES = """[...document.querySelectorAll(
  '.md-header a, .md-header label, .md-header .md-search, .md-content h2, .md-content p, .md-content table'
)].map(element => JSON.stringify(element.getBoundingClientRect()))"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["what-is-human-trafficking/", "cy/history/evidence-2013/"])
def test_nothing_moves_when_material_script_starts(browser, site_url, width, path):
    with page_in(browser, viewport={"width": width, "height": 800}) as page:
        open_page(page, site_url + path)
        let_the_network_fall_quiet(page)  # the page as it stands before the visitor does anything
        search = ".md-search" if width >= 960 else ".md-header__button[for=__search]"
        assert page.locator(search).is_visible(), "search is not there before Material's script starts"
        before = page.evaluate(BOXES)
        start_material_script(page)
        assert page.evaluate(BOXES) == before, "the header or the text moved when Material's script started"
        tables = page.locator(".md-content table").count()
        assert page.locator(".md-content .md-typeset__scrollwrap").count() == tables, "a table is wrapped twice"


def test_a_page_opened_at_a_section_is_set_up_once(page, site_url):
    # There the script starts as the page loads; the page may still be loading
    # when it could arrive (here the deferred exit script holds the page back).
    exit_script = delay(page, "**/exit-this-page.js")
    page.goto(site_url + "cy/history/evidence-2013/#pam-roedd-data-gwell-yn-bwysig", wait_until="commit")
    page.wait_for_timeout(1000)
    release(page, exit_script)
    wait_until(page, MATERIAL_STARTED)
    tables = page.locator(".md-content table").count()
    assert tables and page.locator(".md-content .md-typeset__scrollwrap").count() == tables, "a table is wrapped twice"


@pytest.mark.parametrize("width", [375, 1280])
def test_without_javascript_no_search_is_shown(browser, site_url, width):
    # Search needs JavaScript; a search box that cannot work is not offered.
    with page_in(browser, java_script_enabled=False, viewport={"width": width, "height": 800}) as page:
        page.goto(site_url)
        assert page.locator(".md-search").is_hidden()
        assert page.locator(".md-header__button[for=__search]").is_hidden()

""""Exit this page" (overrides/partials/exit-this-page.html and its script and
style): on every page in the page's language, the Shift shortcut, the history,
the no-JavaScript link, scrolling and print.

The neutral site is never really visited: the browser's requests to it are
answered locally."""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from browser_sweep import WIDTHS
from conftest import ROOT, page_language, parse, start_material_script, wait_until
from wales_site import languages
from wales_site.i18n import site_text

TEXT = {lang: site_text.strings_for(site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE), lang)
        for lang in languages.CODES}
BUTTON = ".exit-this-page__button"
SKIP_LINK = ".exit-this-page__skip-link"
STATUS = "[data-exit-this-page-status]"
# The page to start from, and a second page visited after it, in each language.
FIRST, SECOND = {"en": "", "cy": "cy/"}, {"en": "spot-the-signs/", "cy": "cy/spot-the-signs/"}


def configured_target() -> str:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        return yaml_load(config)["extra"]["exit_this_page"]["url"]


TARGET = configured_target()


def answer_target_locally(page) -> list:
    """Answer requests for the neutral site with a local page; returns the requests seen."""
    seen = []

    def fulfil(route):
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Neutral</title>")

    page.context.route(TARGET + "**", fulfil)
    return seen


def visit_two_pages(page, site_url, lang) -> int:
    """Leaves the first page in the history, so Back has somewhere to go; returns
    the length of the history."""
    page.goto(site_url + FIRST[lang])
    page.goto(site_url + SECOND[lang])
    return page.evaluate("history.length")


def status_text(page) -> str:
    return page.locator(STATUS).text_content()


def test_target_is_a_neutral_https_site():
    assert TARGET.startswith("https://"), TARGET


def test_button_and_skip_link_on_every_page_in_its_language(site, pages):
    for path in pages:
        soup = parse(path)
        label = TEXT[page_language(site, path)]["exit.label"]
        for selector in (BUTTON, SKIP_LINK):
            links = soup.select(selector)
            assert len(links) == 1, f"{path}: expected one {selector}"
            assert links[0]["href"] == TARGET, f"{path}: {selector} goes to {links[0]['href']}"
            assert links[0]["rel"] == ["nofollow", "noreferrer"], path
            assert links[0].get_text(strip=True) == label, f"{path}: {selector} does not say {label!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_button_is_on_screen_on_every_page(swept, width):
    # In the browser, as the page loads and once Material's script has set it up.
    problems = [
        f"{visit.name} {moment}: " + (f"{len(look.exit_button)} exit buttons" if len(look.exit_button) != 1
                                      else "the exit button is not on screen")
        for visit in swept(width)
        for moment, look in visit.looks.items()
        if look.exit_button != [True]
    ]
    assert problems == [], "\n".join(problems)


def test_skip_link_comes_straight_after_the_page_skip_link(pages):
    for path in pages:
        soup = parse(path)
        first, second = soup.select("a[href]")[:2]
        assert first.get("class") == ["md-skip"], f"{path}: the first link is not Skip to content"
        assert second is soup.select_one(SKIP_LINK), path


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_shift_three_times_leaves_and_back_does_not_return(page, site_url, lang):
    seen = answer_target_locally(page)
    history_length = visit_two_pages(page, site_url, lang)
    # Focus well inside the page: the shortcut works wherever focus is.
    page.locator("article a[href]").first.focus()
    page.keyboard.press("Shift")
    assert status_text(page) == TEXT[lang]["exit.press_two_more"]
    page.keyboard.press("Shift")
    assert status_text(page) == TEXT[lang]["exit.press_one_more"]
    page.keyboard.press("Shift")
    page.wait_for_url(TARGET)
    assert seen == [TARGET]
    assert page.evaluate("history.length") == history_length, "the exited page is still in the history"
    page.go_back()
    assert page.url == site_url + FIRST[lang]


def test_shift_in_a_text_field_still_exits(page, site_url):
    answer_target_locally(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url)
    start_material_script(page)
    page.locator("input.md-search__input").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(TARGET)


# Another key, or Shift held to type a capital, ends the count; Shift then starts it again.
@pytest.mark.parametrize("interruption", ["a", "Shift+A"])
def test_two_shifts_then_another_key_do_not_exit(page, site_url, interruption):
    seen = answer_target_locally(page)
    page.goto(site_url)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press(interruption)
    assert status_text(page) == TEXT["en"]["exit.timed_out"]
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site_url
    assert seen == []
    assert status_text(page) == TEXT["en"]["exit.press_two_more"]


def test_the_page_is_hidden_even_if_the_next_one_never_arrives(page, site_url):
    # An answer with no content (HTTP 204) leaves the browser on this document,
    # as a slow or unreachable neutral site does for a while: nothing of the
    # page may still show, to the eye or to a screen reader.
    requested = []
    page.context.route(TARGET + "**", lambda route: (requested.append(route.request.url), route.fulfill(status=204)))
    page.goto(site_url)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert requested == [TARGET]
    assert page.evaluate("document.body.classList.contains('exit-this-page--exiting')")
    for part in (".md-main", ".md-header", ".help-strip", BUTTON):
        assert page.locator(part).is_hidden(), f"{part} still shows"
    assert page.locator(".exit-this-page__overlay").text_content() == TEXT["en"]["exit.activated"]
    assert page.title() == TEXT["en"]["exit.activated"]


@pytest.mark.parametrize("control", [BUTTON, SKIP_LINK])
def test_button_and_skip_link_leave_and_replace_the_history(page, site_url, control):
    answer_target_locally(page)
    history_length = visit_two_pages(page, site_url, "cy")
    page.locator(control).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(TARGET)
    assert page.evaluate("history.length") == history_length
    page.go_back()
    assert page.url == site_url + FIRST["cy"]


def test_without_javascript_the_button_is_a_plain_link_to_the_target(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen = answer_target_locally(page)
    page.goto(site_url + SECOND["en"])
    page.locator(BUTTON).click()
    page.wait_for_url(TARGET)
    assert seen == [TARGET]
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_button_stays_in_view_and_on_top_after_scrolling(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 600})
    page.goto(site_url + SECOND["cy"])
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    wait_until(page, "window.scrollY > 300")
    box = page.locator(BUTTON).bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 600, box
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.exit-this-page__button') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top, "something covers the exit button"


def test_button_and_skip_link_are_not_printed(page, site_url):
    page.goto(site_url)
    page.emulate_media(media="print")
    assert page.locator(BUTTON).is_hidden()
    assert page.locator(SKIP_LINK).is_hidden()

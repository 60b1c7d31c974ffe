"""A visit leaves no trace with anyone else and stores nothing in the browser:
every page of both languages at each width (on the visit of
tests/browser_sweep.py), and the search, in a real Chromium. Nothing a page
asks for is missing (no 404 round trips on a poor connection)."""

from __future__ import annotations

import pytest

from browser_sweep import STORED_KEYS, WIDTHS
from conftest import start_material_script

# Keys the site may keep in localStorage or sessionStorage, each named on the
# privacy page. Material for MkDocs, as configured here, stores nothing.
DOCUMENTED_STORAGE_KEYS: set[str] = set()


def elsewhere(urls: list[str], site_url: str) -> list[str]:
    return [url for url in urls if not url.startswith(site_url)]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_requests_anything_from_another_host(swept, page_urls, site_url, width):
    visits = swept(width)
    assert sum(len(visit.requested) for visit in visits) > len(page_urls)
    problems = [f"{visit.name}: asked {url}" for visit in visits for url in elsewhere(visit.requested, site_url)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_a_page_asks_for_is_missing_or_left_loading(swept, width):
    problems = [f"{visit.name}: {failure}" for visit in swept(width) for failure in visit.failed]
    problems += [f"{visit.name}: still loading {url}" for visit in swept(width) for url in visit.unfinished]
    assert problems == [], "a page asked for a file the site does not have:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_sets_a_cookie_or_stores_anything(swept, width):
    problems = [f"{visit.name}: sets the cookie {name}" for visit in swept(width) for name in visit.cookies]
    problems += [
        f"{visit.name}: stores {key!r}, which the privacy page does not name"
        for visit in swept(width) for key in visit.stored if key not in DOCUMENTED_STORAGE_KEYS
    ]
    assert problems == [], "\n".join(problems)


def test_search_requests_nothing_elsewhere_sets_no_cookie_and_stores_nothing(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requested, failed, stored = [], [], set()
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    for path, query in (("", "helpline"), ("cy/", "masnachu")):
        page.goto(site_url + path)
        start_material_script(page)
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("networkidle")
        stored |= set(page.evaluate(STORED_KEYS))
    context_state = context.storage_state()
    context.close()

    assert any("/search/search_index.json" in url for url in requested), "search was not used"
    assert elsewhere(requested, site_url) == []
    assert failed == [], "a page asked for a file the site does not have"
    assert context_state["cookies"] == []
    assert stored <= DOCUMENTED_STORAGE_KEYS, f"undocumented browser storage: {sorted(stored)}"

"""A visit leaves no trace with anyone else and stores nothing in the browser:
every page of both languages, and the search, in a real Chromium. Nothing a
page asks for is missing (no 404 round trips on a poor connection)."""

from __future__ import annotations

from conftest import start_material_script

# Keys the site may keep in localStorage or sessionStorage, each named on the
# privacy page. Material for MkDocs, as configured here, stores nothing.
DOCUMENTED_STORAGE_KEYS: set[str] = set()
STORED_KEYS = "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"


def test_every_page_requests_nothing_elsewhere_sets_no_cookie_and_stores_nothing(browser, page_urls, site_url):
    context = browser.new_context()
    page = context.new_page()
    requested, failed, stored = [], [], set()
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    for url in page_urls:
        page.goto(url, wait_until="networkidle")
        page.mouse.wheel(0, 5000)
        stored |= set(page.evaluate(STORED_KEYS))
    page.set_viewport_size({"width": 1280, "height": 800})
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

    assert len(requested) > len(page_urls)
    assert [url for url in requested if not url.startswith(site_url)] == []
    assert failed == [], "a page asked for a file the site does not have"
    assert context_state["cookies"] == []
    assert stored <= DOCUMENTED_STORAGE_KEYS, f"undocumented browser storage: {sorted(stored)}"

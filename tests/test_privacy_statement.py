"""What the privacy page promises holds in a real browser: reading pages in both
languages and searching leaves no cookie and nothing stored on the device."""

from __future__ import annotations


def test_browsing_and_searching_store_nothing_on_the_device(page, site_url):
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("trafficking")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_load_state()
    for path in ("about/privacy/", "cy/", "cy/about/privacy/"):
        page.goto(site_url + path)
    assert page.context.cookies() == []
    stored = page.evaluate("[localStorage.length, sessionStorage.length]")
    assert stored == [0, 0], f"the site stored {stored} items in local and session storage"

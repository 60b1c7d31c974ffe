"""Each page type in bench/budgets.yml, in both languages, stays within its page-weight
budget in a real browser. (Lighthouse's mobile audit, a minute and a half on its
own, is not part of the tests: `make lighthouse` runs it weekly, and `make bench`.)"""

from __future__ import annotations

import pytest

from bench import config, page_weight

SETTINGS = config.load()
PAGES = [
    pytest.param(page_type, lang, id=f"{page_type.type}-{lang}")
    for page_type in SETTINGS.pages
    for lang in config.LANGUAGE_ROOTS
]


def configured_page(site, page_type: config.PageType, lang: str) -> str:
    path = page_type.find(site, lang)
    if path is None:
        message = f"{page_type.type} page ({lang}): nothing is built at {page_type.path!r} (bench/budgets.yml)"
        if page_type.required:
            pytest.fail(message)
        pytest.skip(message + ", which says `required: false`")
    return path


def kb(size: int) -> str:
    return f"{size / config.KB:.1f} KB"


@pytest.mark.parametrize(("page_type", "lang"), PAGES)
def test_page_weight_is_within_budget(page, site, site_url, page_type, lang):
    path = configured_page(site, page_type, lang)
    weight = page_weight.weigh(page, site, site_url, page_type.type, lang, path)
    costs = "\n".join(f"  {kb(asset.transfer_bytes):>9}  {asset.path}" for asset in weight.assets + weight.on_interaction)
    budgets = SETTINGS.budgets
    assert weight.first_visit_bytes <= budgets.first_visit_bytes, (
        f"/{path}: a first visit transfers {kb(weight.first_visit_bytes)}, "
        f"over the {kb(budgets.first_visit_bytes)} budget:\n{costs}"
    )
    assert weight.repeat_visit_bytes <= budgets.repeat_visit_bytes, (
        f"/{path}: its HTML is {kb(weight.repeat_visit_bytes)} gzipped, over the {kb(budgets.repeat_visit_bytes)} budget"
    )


def is_search_download(url: str) -> bool:
    return "/search/search_index.json" in url or "/workers/search." in url


@pytest.mark.parametrize("path", ["", "cy/"])
def test_search_downloads_only_when_the_visitor_turns_to_search(page, site_url, path):
    visit = page_weight.first_visit_urls(page, site_url + path) + page_weight.first_interaction_urls(page)
    assert not [url for url in visit if is_search_download(url)], "search loaded before it was used"
    on_search = page_weight.search_urls(page)
    assert any("/search/search_index.json" in url for url in on_search), "the search index never loaded"
    assert any("/workers/search." in url for url in on_search), "the search worker never loaded"

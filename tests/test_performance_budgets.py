"""Each page type in bench/budgets.yml, in both languages, stays within its page-weight
budget in a real browser, and downloads search only when the visitor turns to
it. (Lighthouse's mobile audit, a minute and a half on its
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
def test_page_weight_is_within_budget_and_search_downloads_only_when_used(page, site, site_url, page_type, lang):
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
    # Search downloads only when the visitor turns to search (weigh's last step focuses the search box).
    assert not search_files(weight.assets + weight.on_interaction), f"/{path}: search loaded before it was used"
    searched = search_files(weight.search)
    assert any(file.endswith("search/search_index.json") for file in searched), f"/{path}: the search index never loaded"
    assert any("/workers/search." in file for file in searched), f"/{path}: the search worker never loaded"


def search_files(assets) -> list[str]:
    """The search index and search worker among the files fetched."""
    return [asset.path for asset in assets
            if asset.path.endswith("search/search_index.json") or "/workers/search." in asset.path]

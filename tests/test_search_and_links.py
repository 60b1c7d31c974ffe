"""Search finds pages in the reader's language only; no internal link is broken."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import start_material_script


def search_index(site: Path, lang: str) -> dict:
    base = site if lang == "en" else site / lang
    return json.loads((base / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(site):
    english_titles = {doc["title"] for doc in search_index(site, "en")["docs"]}
    welsh_titles = {doc["title"] for doc in search_index(site, "cy")["docs"]}
    assert "Spot the signs" in english_titles
    assert "Cymru yn Erbyn Masnachu Pobl" in welsh_titles
    assert not english_titles & {"Cymru yn Erbyn Masnachu Pobl"}
    assert not welsh_titles & {"Wales Against Human Trafficking", "Spot the signs"}


def test_welsh_search_does_not_stem_welsh_words_as_english(site):
    assert search_index(site, "cy")["config"]["pipeline"] == ["trimmer"]


def search_result_links(page, url: str, query: str) -> list[str]:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    start_material_script(page)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    return [results.nth(i).evaluate("a => a.href") for i in range(results.count())]


@pytest.mark.parametrize(
    ("path", "query", "expected_prefix", "forbidden_prefix"),
    [("", "trafficking", "", "cy/"), ("cy/", "masnachu", "cy/", None)],
)
def test_search_in_the_browser_returns_only_that_languages_pages(
    page, site_url, path, query, expected_prefix, forbidden_prefix
):
    links = search_result_links(page, site_url + path, query)
    assert links, f"no results for {query!r}"
    for link in links:
        assert link.startswith(site_url + expected_prefix), link
        if forbidden_prefix:
            assert not link.startswith(site_url + forbidden_prefix), link


def test_no_broken_internal_links(site_url, tmp_path):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    result = subprocess.run(
        [str(linkchecker), "--no-status", "--no-warnings", "--threads", "4", site_url],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert "0 errors found" in result.stdout

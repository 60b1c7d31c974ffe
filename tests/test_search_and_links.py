"""Search finds pages in the reader's language only, Welsh search finds a word
whatever its mutation (and English search is as Material makes it); no
internal link is broken."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import welsh_search
from conftest import start_material_script, wait_until
from wales_site.theme import welsh_search_index


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


# Words that one page has only in a mutated form, and another only in the
# dictionary form ("teulu": family).
ONLY_MUTATED = ("spot-the-signs/", "teulu", "deulu")
ONLY_RADICAL = ("staying-safe-online/", "deulu", "teulu")


def welsh_words_of(site: Path, page: str) -> set[str]:
    """The words of a Welsh page as its search index has them, lower case, tags and punctuation off."""
    docs = search_index(site, "cy")["docs"]
    text = " ".join(d["title"] + " " + d["text"] for d in docs if d["location"].split("#")[0] == page)
    return {word.strip(".,;:()'\"").lower() for word in re.sub(r"<[^>]*>", " ", text).split()}


def material_alone_lists(site: Path, site_url: str, page, index: dict, query: str) -> list[str]:
    """Pages Material's own search lists, without our script or the Welsh settings."""
    worker_url = site_url + welsh_search.worker_file(site).relative_to(site).as_posix()
    plain = welsh_search.without_welsh_search(index)
    return welsh_search.search_each(page, site_url + "search/search_index.json", worker_url, plain, [query], False)[0]


def typed_search_lists(page, url: str, query: str, expected_path: str) -> None:
    """Type the query in the search box as a reader would; wait until a result links to expected_path."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    start_material_script(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")  # Material reads the box on keyup: one query, the whole word
    wait_until(page, f"""[...document.querySelectorAll('.md-search-result__item a')]
      .some(a => new URL(a.href).pathname === new URL({expected_path!r}, location.href).pathname)""", 15_000)


@pytest.mark.parametrize(("page_path", "typed", "on_page"), [ONLY_MUTATED, ONLY_RADICAL],
                         ids=["radical typed, page has the mutated form", "mutated typed, page has the radical"])
def test_welsh_search_finds_a_word_in_another_mutation(page, site, site_url, page_path, typed, on_page):
    words = welsh_words_of(site, page_path)
    assert on_page in words and typed not in words, f"/cy/{page_path} no longer has only {on_page!r}: pick another word"
    assert page_path not in material_alone_lists(site, site_url, page, search_index(site, "cy"), typed)
    typed_search_lists(page, site_url + "cy/", typed, f"/cy/{page_path}")
    # The result shows the page's own text, the word as it has it, and no word typed is "missing".
    result = page.locator(".md-search-result__item", has=page.locator(f'a[href$="{page_path}"]')).first
    assert on_page in result.inner_text().lower()
    assert not page.locator(".md-search-result__terms").count()


def test_welsh_search_leaves_stop_words_out_of_a_query_with_other_words(page, site, site_url):
    # "yn" alone would list nearly every page; with it left out, "yn deulu" finds what "deulu" finds.
    typed_search_lists(page, site_url + "cy/", "yn deulu", "/cy/staying-safe-online/")
    listed = page.locator(".md-search-result__item").count()
    assert 0 < listed < len(material_alone_lists(site, site_url, page, search_index(site, "cy"), "yn"))


def test_english_index_is_as_material_writes_it(site):
    index = search_index(site, "en")
    assert welsh_search_index.SETTINGS not in index["config"]
    assert set(index["config"]["fields"]) == {"title", "text", "tags"}


def test_english_search_lists_the_same_pages_as_material_alone(browser, site, site_url):
    page = browser.new_context().new_page()
    queries = ["trafficking", "modern slavery", "children", "Cardiff", "duty to notify"]
    index = search_index(site, "en")
    worker_url = site_url + welsh_search.worker_file(site).relative_to(site).as_posix()
    alone = welsh_search.search_each(page, site_url + "search/search_index.json", worker_url, index, queries, False)
    ours = welsh_search.search_each(page, site_url, worker_url, index, queries, True)
    page.context.close()
    assert ours == alone and all(alone)


def test_welsh_index_carries_the_mutation_tables_and_the_pages_as_material_wrote_them(site):
    index = search_index(site, "cy")
    assert index["config"][welsh_search_index.SETTINGS] == json.loads(
        json.dumps(welsh_search_index.search_settings()))
    assert set(index["config"]["fields"]) == {"title", "text", "tags"}
    assert all(set(doc) <= {"location", "title", "text", "tags", "boost"} for doc in index["docs"])


# LinkChecker waits 0.1 to 0.6 s between two requests to one host, or 1/rate to
# 6/rate once the host allows it (conftest.QuietHandler's header): at 1,000 a
# second the local server is checked in seconds rather than a minute of waits.
LINKCHECKER_SETTINGS = "[checking]\nmaxrequestspersecond=1000\n"


def test_no_broken_internal_links(site_url, tmp_path):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    settings = tmp_path / "linkcheckerrc"
    settings.write_text(LINKCHECKER_SETTINGS, encoding="utf-8")
    result = subprocess.run(
        [str(linkchecker), "--no-status", "--no-warnings", "--threads", "4", "--config", str(settings), site_url],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert "0 errors found" in result.stdout

""""Help in your area": a page per council area in both languages, each linked to
its twin, and an index in each language that lists all 22 without JavaScript."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from conftest import ROOT, parse
from wales_site.data import loading
from wales_site.rendering import directories as rendering
from wales_site.i18n import site_text

LANGS = ("en", "cy")
PREFIX = {"en": "", "cy": "cy/"}
COUNCILS = loading.load_directory(ROOT / "data")["local-authorities"]


def area_page(site, lang, council_id):
    return site / PREFIX[lang] / "help-in-your-area" / council_id / "index.html"


def absolute(lang: str, path: str, href: str) -> str:
    return urljoin(f"http://site/{PREFIX[lang]}{path}", href)


def test_there_are_22_council_areas():
    assert len(COUNCILS) == 22


@pytest.mark.parametrize("lang", LANGS)
def test_every_council_area_has_a_page_in_each_language(site, lang):
    pages = sorted(p.parent.name for p in (site / PREFIX[lang] / "help-in-your-area").glob("*/index.html"))
    assert pages == sorted(COUNCILS)


@pytest.mark.parametrize("lang", LANGS)
def test_each_area_page_links_to_its_twin_and_has_what_every_page_has(site, lang):
    other = "cy" if lang == "en" else "en"
    for council_id, council in COUNCILS.items():
        page = parse(area_page(site, lang, council_id))
        path = f"help-in-your-area/{council_id}/"
        link = page.select_one("a.site-language__link")
        assert absolute(lang, path, link["href"]) == f"http://site/{PREFIX[other]}{path}", council_id
        assert page.html["lang"] == lang
        assert page.h1.get_text() == page.title.get_text().split(" - ")[0]
        assert council.in_area[lang] in page.h1.get_text()
        assert page.find("meta", attrs={"name": "description"})["content"]
        assert page.select_one(".page-reviewed time")
        assert page.select_one(".help-strip a[href='tel:999']")


def test_every_label_on_an_area_page_points_at_a_control_that_exists(site):
    # Pages outside the nav must not get a table of contents whose toggle only the nav has.
    for lang in LANGS:
        for council_id in COUNCILS:
            page = parse(area_page(site, lang, council_id))
            for label in page.select("label[for]"):
                assert page.find(id=label["for"]), f"{lang} {council_id}: label for missing #{label['for']}"


def test_each_area_page_names_its_police_force_and_council_and_cites_why(site):
    directory = loading.load_directory(ROOT / "data")
    site_words = site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE)
    words = {lang: site_text.strings_for(site_words, lang) for lang in LANGS}
    for lang in LANGS:
        for council_id, council in COUNCILS.items():
            article = parse(area_page(site, lang, council_id)).select_one("article")
            text = article.get_text(" ", strip=True)
            assert directory["police-forces"][council.police_force].name[lang] in text
            assert council.council[lang] in text
            assert "08000 121 700" in text
            # The council's role is cited, and its sources are listed at the foot in the page's language.
            assert article.select("sup.citation a[href^='#source-']")
            assert words[lang]["citations.heading"] in [h.get_text(strip=True) for h in article.find_all("h2")]


def test_area_pages_name_no_regional_forum(site):
    """The fora are a 2013 record with no current contact: an area page does not send anyone to them."""
    fora = loading.load_directory(ROOT / "data")["fora"].values()
    for lang in LANGS:
        for council_id in COUNCILS:
            text = parse(area_page(site, lang, council_id)).select_one("article").get_text(" ", strip=True)
            assert not [forum.name[lang] for forum in fora if forum.name[lang] in text]


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_links_every_area_in_alphabetical_order(site, lang):
    index = parse(site / PREFIX[lang] / "help-in-your-area" / "index.html")
    links = index.select("article table th[scope=row] a")
    targets = [absolute(lang, "help-in-your-area/", a["href"]) for a in links]
    assert targets == [f"http://site/{PREFIX[lang]}help-in-your-area/{council_id}/"
                       for council_id in sorted(COUNCILS, key=lambda i: rendering.collation_key(COUNCILS[i].name[lang], lang))]
    names = [a.get_text() for a in links]
    assert names == sorted(names, key=lambda name: rendering.collation_key(name, lang))
    assert index.select_one("article table caption")
    assert [th["scope"] for th in index.select("article table thead th")] == ["col"] * 2


def test_the_welsh_index_uses_welsh_names(site):
    names = [a.get_text() for a in parse(site / "cy" / "help-in-your-area" / "index.html").select("article table th a")]
    assert names[0] == "Abertawe" and "Ynys Môn" in names and "Cardiff" not in names

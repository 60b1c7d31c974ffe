"""The "Point to your language" card (wales_site/rendering/language_card.py):
the names of 30 or more languages, each as CLDR writes it in itself (read here
from babel, not from our code), marked with its language and direction, large
enough to tap on a 320 px phone, each leading to "This person speaks ..." in
English and Welsh without JavaScript (and nothing stored: the privacy sweep of
every page checks that), with the Helpline's number from the data, on two
sheets of A4 at most."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel import Locale, UnknownLocaleError

from browser_sweep import VIEWPORTS
from conftest import ROOT, one_page_of_each_shape, output_path, parse, start_material_script
from wales_site.data import loading, phone_numbers

LANGS = ("en", "cy")
SOURCE = Path("professionals/point-to-your-language.md")
SPEAKS = {"en": "This person speaks {}.", "cy": "Mae'r person hwn yn siarad {}."}
# A finger's target (WCAG 2.5.5), in CSS pixels.
TARGET = 44
PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b")
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
A4_POINTS = (595.28, 841.89)


def cldr(tag: str) -> Locale:
    """The CLDR locale of a BCP 47 tag; fails the test for a tag CLDR does not know."""
    try:
        return Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError) as error:
        pytest.fail(f"lang={tag!r} is not a language tag CLDR knows: {error}")


def cldr_name(of: Locale, in_language: str) -> str:
    """What CLDR calls the language of `of` in another language (or in itself)."""
    return Locale.parse(in_language).languages[str(of)]


def tiles(site: Path, lang: str) -> list:
    return parse(output_path(site, lang, SOURCE)).select(".language-card__tile")


def address(site_url: str, lang: str) -> str:
    return site_url + ("cy/" if lang == "cy" else "") + SOURCE.with_suffix("").as_posix() + "/"


@pytest.mark.parametrize("lang", LANGS)
def test_each_name_is_cldrs_own_name_of_its_language_with_its_lang_and_dir(site, lang):
    found = tiles(site, lang)
    assert len(found) >= 30
    right_to_left = []
    for tile in found:
        name = tile.select_one(".language-card__endonym")
        locale = cldr(name["lang"])
        own_name = cldr_name(locale, str(locale))
        # A label starts with a capital; the rest is CLDR's, letter for letter.
        assert name.get_text() == own_name[:1].upper() + own_name[1:], name["lang"]
        assert name.get("dir") == ("rtl" if locale.character_order == "right-to-left" else None), name["lang"]
        assert tile.select_one(".language-card__name").get_text() == cldr_name(locale, lang)
        if name.get("dir"):
            right_to_left.append(name["lang"])
    assert len({tile.select_one("[lang]")["lang"] for tile in found}) == len(found), "a language is there twice"
    # Arabic, Persian, Pashto, Urdu, Sorani Kurdish...: the test has right-to-left names to check.
    assert len(right_to_left) >= 4, right_to_left


@pytest.mark.parametrize("lang", LANGS)
def test_each_name_leads_to_which_language_the_person_speaks_in_english_and_welsh(site, lang):
    page = parse(output_path(site, lang, SOURCE))
    for tile in page.select(".language-card__tile"):
        locale = cldr(tile.select_one("[lang]")["lang"])
        statement = page.find(id=tile["href"].removeprefix("#"))
        assert statement is not None, f"{tile['href']} is on no element"
        said = {p["lang"]: p.get_text() for p in statement.select("p[lang]") if p["lang"] in SPEAKS}
        assert said == {code: SPEAKS[code].format(cldr_name(locale, code)) for code in SPEAKS}


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_gives_the_helplines_number_from_the_data(site, lang):
    helpline = loading.load_directory(ROOT / "data")["helplines"]["modern-slavery-helpline"].contact.phone
    article = parse(output_path(site, lang, SOURCE)).select_one("article")
    dialled = {(a["href"], a.get_text()) for a in article.select("a[href^='tel:']")}
    assert dialled == {("tel:999", "999"), (phone_numbers.tel_href(helpline), helpline)}


@pytest.mark.parametrize("lang", LANGS)
def test_report_a_concern_and_the_nrm_page_link_to_the_card(site, lang):
    for source, href in (("report-a-concern.md", "../professionals/point-to-your-language/"),
                         ("professionals/nrm-first-responders.md", "../point-to-your-language/")):
        assert href in [a["href"] for a in parse(output_path(site, lang, Path(source))).select("article a[href]")]


def test_the_card_is_a_page_shape_of_its_own_so_the_axe_sweep_visits_it_as_it_loads(site, pages):
    chosen = set(one_page_of_each_shape(site, pages))
    assert {output_path(site, lang, SOURCE) for lang in LANGS} <= chosen


# In Chromium ------------------------------------------------------------------------


# axe (as the page loads and once Material's script has started) and sideways
# scrolling at both widths are the browser sweep's (browser_sweep.py), on every page.
@pytest.mark.parametrize("lang", LANGS)
def test_the_tiles_are_large_enough_to_tap_at_each_width_and_nothing_comes_from_another_site(browser, site_url, lang):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(address(site_url, lang))
    start_material_script(page)
    boxes = {}
    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        boxes[width] = [tile.bounding_box() for tile in page.locator(".language-card__tile").all()]
    context.close()
    for width, tiles in boxes.items():
        assert len(tiles) >= 30 and all(box["width"] >= TARGET and box["height"] >= TARGET for box in tiles), width
    # System fonts, nothing from another site.
    assert hosts == {urlsplit(site_url).netloc}


@pytest.mark.parametrize("lang", LANGS)
def test_tapping_a_name_shows_its_statement_without_javascript(browser, site, site_url, lang):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(address(site_url, lang))
    statements = page.locator(".language-card__statement")
    assert statements.count() >= 30 and not any(s.is_visible() for s in statements.all())
    arabic = page.locator(".language-card__tile", has=page.locator("[lang='ar']"))
    arabic.click()
    shown = page.locator(".language-card__statement:visible")
    assert shown.count() == 1
    assert SPEAKS["en"].format("Arabic") in shown.inner_text()
    assert SPEAKS["cy"].format(cldr_name(Locale("ar"), "cy")) in shown.inner_text()
    box = shown.bounding_box()
    context.close()
    assert 0 <= box["y"] < VIEWPORTS["phone"]["height"], "the statement is not on the screen"


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_prints_on_at_most_two_sheets_of_a4(page, site_url, lang):
    page.goto(address(site_url, lang))
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert 1 <= len(PAGE_OBJECT.findall(pdf)) <= 2
    sizes = [(float(width), float(height)) for width, height in MEDIA_BOX.findall(pdf)]
    assert sizes and all(size == pytest.approx(A4_POINTS, abs=1.0) for size in sizes)

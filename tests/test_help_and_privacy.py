"""Every page shows the way to help, and loads nothing from any other host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser_sweep import EMERGENCY, HELPLINE, WIDTHS
from conftest import parse


def test_help_strip_with_999_and_the_helpline_on_every_page(site, pages):
    assert len(pages) >= 10
    for page in pages:
        strip = parse(page).select_one(".help-strip")
        assert strip is not None, f"{page}: no help strip"
        hrefs = {a["href"] for a in strip.select("a[href]")}
        assert {EMERGENCY, HELPLINE} <= hrefs, f"{page}: help strip lacks {EMERGENCY} or {HELPLINE}"
        text = strip.get_text(" ", strip=True)
        assert "999" in text and "08000 121 700" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_help_strip_shows_999_and_the_helpline_on_every_page(swept, width):
    # In the browser, on screen as the page loads and once Material's script
    # has set it up: nothing hides, covers or pushes them off a small screen.
    problems = [
        f"{visit.name} {moment}: {part} " + ("is missing" if not shown else "is not on screen")
        for visit in swept(width)
        for moment, look in visit.looks.items()
        for part, shown in look.help_strip.items()
        if not shown or not all(shown)
    ]
    assert problems == [], "\n".join(problems)


def test_help_strip_is_in_the_page_language(site):
    assert "Call" in parse(site / "index.html").select_one(".help-strip").get_text()
    assert "Ffoniwch" in parse(site / "cy" / "index.html").select_one(".help-strip").get_text()


RESOURCE_ATTRIBUTES = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
    "embed": "src", "object": "data", "track": "src", "input": "src",
}
LOADED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                    "modulepreload", "manifest", "apple-touch-icon"}


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


def test_no_page_loads_anything_from_another_host(pages):
    for page in pages:
        soup = parse(page)
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                url = element.get(attribute)
                assert not (url and is_external(url)), f"{page}: <{tag}> loads {url}"
        for link in soup.find_all("link"):
            if LOADED_LINK_RELS & set(link.get("rel", [])):
                assert not is_external(link["href"]), f"{page}: <link> loads {link['href']}"
        for style in soup.find_all("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", style.get_text()), f"{page}: inline CSS loads a URL"


def test_no_stylesheet_loads_anything_from_another_host(site):
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), f"{stylesheet} loads a URL"

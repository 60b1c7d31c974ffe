"""The footer of every page links to the pages about the site, in the page's own language."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from conftest import ROOT, parse
from wales_site.i18n import site_text

FOOTER_KEYS = ["footer.about", "footer.accessibility", "footer.privacy", "footer.languages", "footer.glossary"]
FOOTER_TARGETS = ["about/", "about/accessibility/", "about/privacy/", "about/cymraeg/", "about/glossary/"]


def address(site, page) -> str:
    rel = page.relative_to(site).as_posix()
    return "http://site/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_every_page_has_the_site_footer_with_working_links_in_its_language(site, pages):
    strings = {lang: site_text.strings_for(site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE), lang)
               for lang in ("en", "cy")}
    for page in pages:
        lang = "cy" if page.relative_to(site).parts[0] == "cy" else "en"
        prefix = "cy/" if lang == "cy" else ""
        footer = parse(page).select_one("nav.site-footer")
        assert footer is not None, f"{page}: no site footer"
        assert footer["aria-label"] == strings[lang]["footer.label"]
        links = footer.select("a")
        assert [a.get_text(strip=True) for a in links] == [strings[lang][key] for key in FOOTER_KEYS], page
        for link, target in zip(links, FOOTER_TARGETS):
            resolved = urlsplit(urljoin(address(site, page), link["href"])).path
            assert resolved == f"/{prefix}{target}", f"{page}: footer link {link['href']} goes to {resolved}"
            assert (site / prefix / target / "index.html").is_file(), f"{page}: {target} was not built"


def test_footer_marks_the_page_you_are_on(site):
    current = parse(site / "cy" / "about" / "privacy" / "index.html").select('nav.site-footer a[aria-current="page"]')
    assert [a.get_text(strip=True) for a in current] == ["Preifatrwydd"]
    assert parse(site / "index.html").select('nav.site-footer a[aria-current]') == []

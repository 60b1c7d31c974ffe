"""Both languages are built, every page has its twin, and each page links straight to it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
import pytest
from mkdocs.config import load_config

from conftest import ROOT, built_pages, copy_project, output_path, page_language, parse, run_build, site_path_of, source_pages
from wales_site.i18n import bilingual_build
from wales_site.i18n import compiled_templates
from wales_site.i18n import language_configs
from wales_site.i18n import site_text
from wales_site.i18n import twins

LANGS = ("en", "cy")


def test_every_english_page_has_a_welsh_twin_and_the_reverse():
    assert source_pages("en"), "no English pages found"
    assert source_pages("en") == source_pages("cy")


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_page_is_built(site, lang):
    for source in source_pages(lang):
        assert output_path(site, lang, source).is_file(), f"{lang}: {source} was not built"


def test_html_lang_attribute_matches_the_language(site, pages):
    for page in pages:
        assert parse(page).html["lang"] == page_language(site, page), page


def test_language_link_goes_to_the_same_page_in_the_other_language(site):
    for lang, other in (("en", "cy"), ("cy", "en")):
        for source in source_pages(lang):
            page = output_path(site, lang, source)
            links = parse(page).select("a.site-language__link")
            assert len(links) == 1, f"{page}: expected one language link"
            here = "http://site/" + site_path_of(site, page)
            target = urljoin(here, links[0]["href"])
            twin = "http://site/" + site_path_of(site, output_path(site, other, source))
            assert target == twin, f"{page}: language link goes to {target}, not {twin}"
            assert links[0]["hreflang"] == other


def test_hreflang_alternates_name_both_versions_of_the_page(site):
    for lang in LANGS:
        for source in source_pages(lang):
            page = output_path(site, lang, source)
            alternates = {
                link["hreflang"]: urlsplit(link["href"]).path
                for link in parse(page).select('link[rel="alternate"][hreflang]')
            }
            expected = {
                code: "/" + site_path_of(site, output_path(site, code, source)) for code in LANGS
            }
            assert alternates == expected, page


def test_sitemap_lists_every_page_in_both_languages(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGS:
        for source in source_pages(lang):
            path = "/" + site_path_of(site, output_path(site, lang, source))
            assert f"{path}</loc>" in sitemap, f"sitemap lacks {path}"
    assert 'hreflang="cy"' in sitemap and 'hreflang="en"' in sitemap
    assert not (site / "cy" / "sitemap.xml").exists(), "only one sitemap, at the root"


def test_welsh_pages_use_welsh_theme_strings_and_nav_titles(site):
    home = parse(site / "cy" / "index.html")
    assert home.select_one("input.md-search__input")["placeholder"] == "Chwilio"
    nav_text = home.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "I bawb" in nav_text and "For everyone" not in nav_text


def test_review_date_is_written_in_the_page_language(site):
    english = parse(site / "index.html").select_one(".page-reviewed")
    welsh = parse(site / "cy" / "index.html").select_one(".page-reviewed")
    for shown, label, lang in ((english, "Last reviewed", "en"), (welsh, "Adolygwyd ddiwethaf", "cy")):
        date = shown.time["datetime"]
        assert shown.get_text(" ", strip=True) == f"{label}: {site_text.format_date(date, lang)}"


def test_404_page_speaks_both_languages_with_its_own_first(site):
    for page, first in ((site / "404.html", "en"), (site / "cy" / "404.html", "cy")):
        sections = parse(page).select("section.not-found")
        assert [s["lang"] for s in sections][:1] == [first]
        assert {s["lang"] for s in sections} == set(LANGS)
        assert sections[0].h1, f"{page}: its own language's heading is the h1"


def test_a_page_without_its_twin_fails_the_build_and_names_the_missing_file(tmp_path):
    # One build for both directions: the build's checks report every problem at once.
    project = copy_project(tmp_path / "project")
    missing_twins = {"docs/untranslated.md": "docs-cy/untranslated.md",
                     "docs-cy/heb-gyfieithu.md": "docs/heb-gyfieithu.md"}
    for added in missing_twins:
        (project / added).write_text("---\ntitle: New\n---\n# New\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    for added, named_missing in missing_twins.items():
        assert f"{added}: {added} has no translation: create {named_missing}" in result.stderr


def test_a_nav_section_without_a_welsh_title_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(config.replace("- For everyone:", "- Untranslated section:"))
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Untranslated section" in result.stderr


@pytest.mark.parametrize(
    ("target", "current", "expected"),
    [("cy/", "", "cy/"), ("", "cy/", "../"), ("cy/spot-the-signs/", "spot-the-signs/", "../cy/spot-the-signs/"),
     ("spot-the-signs/", "cy/spot-the-signs/", "../../spot-the-signs/")],
)
def test_relative_href(target, current, expected):
    assert twins.relative_href(target, current) == expected


def test_language_versions_of_a_404_are_root_relative():
    versions = twins.language_versions("", "cy", "https://example.org/wath/", for_404=True)
    assert {v["lang"]: v["href"] for v in versions} == {"en": "/wath/", "cy": "/wath/cy/"}


def test_root_url_strips_the_welsh_prefix():
    assert twins.root_url("https://example.org/wath/cy/", "cy") == "https://example.org/wath/"
    assert twins.root_url("https://example.org/wath/", "en") == "https://example.org/wath/"


def test_the_welsh_build_reuses_the_templates_the_english_build_compiled(tmp_path):
    (tmp_path / "main.html").write_text("{% for item in items %}<p>{{ item }}</p>{% endfor %}")
    compiled = []

    class Environment(jinja2.Environment):
        def _compile(self, source, filename):
            compiled.append(filename)
            return super()._compile(source, filename)

    cache = compiled_templates.CompiledTemplates()
    rendered = []
    for _build_of_each_language in ("en", "cy"):
        env = Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        rendered.append(env.get_template("main.html").render(items=["a"]))
    assert rendered == ["<p>a</p>", "<p>a</p>"]
    assert len(compiled) == 1, "the second build compiled the template again"


def test_both_builds_give_jinja_the_same_compiled_templates():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    for env_config in (config, language_configs.welsh_config(config)):
        env = jinja2.Environment()
        bilingual_build.add_language_versions_filter(env, env_config)
        assert env.bytecode_cache is compiled_templates.COMPILED_TEMPLATES

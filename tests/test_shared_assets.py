"""The Welsh pages use the English site's theme files, so switching language
downloads only the new page."""

from __future__ import annotations

import posixpath
import re

import pytest

from wales_site.theme import shared_assets

SHARED = {"assets/stylesheets/site.css", "assets/javascripts/workers/search.js",
          "components/exit-this-page/exit-this-page.css"}


def test_links_to_shared_files_go_one_folder_up():
    page = ('<link href="../assets/stylesheets/site.css" rel=stylesheet>'
            '<link href=../components/exit-this-page/exit-this-page.css rel=stylesheet>'
            '<script>{"search": "../assets/javascripts/workers/search.js"}</script>')
    assert shared_assets.point_to_english_assets(page, "../", "../../", SHARED) == (
        '<link href="../../assets/stylesheets/site.css" rel=stylesheet>'
        '<link href=../../components/exit-this-page/exit-this-page.css rel=stylesheet>'
        '<script>{"search": "../../assets/javascripts/workers/search.js"}</script>'
    )


def test_links_from_the_site_root_path_lose_the_welsh_folder():
    page = '<link href=/cy/assets/stylesheets/site.css rel=stylesheet>'
    assert shared_assets.point_to_english_assets(page, "/cy/", "/", SHARED) == (
        '<link href=/assets/stylesheets/site.css rel=stylesheet>'
    )


def test_a_file_the_english_site_lacks_and_other_links_stay_as_they_are():
    page = ('<img src="../assets/images/only-in-welsh.png">'
            '<a href="../../assets/stylesheets/site.css">'  # not the page's own prefix
            '<script src="../components/exit-this-page/exit-this-page.js"></script>'  # not shared
            '<a href="../about/">')
    assert shared_assets.point_to_english_assets(page, "../", "../../", SHARED) == page


@pytest.mark.parametrize("folder", shared_assets.THEME_FOLDERS)
def test_welsh_site_has_no_copy_of_the_theme_files(site, folder):
    welsh_copies = [path for path in (site / "cy" / folder).rglob("*") if path.is_file()]
    english = {path.relative_to(site / folder) for path in (site / folder).rglob("*") if path.is_file()}
    assert english, "the English site has its theme files"
    assert [p for p in welsh_copies if p.relative_to(site / "cy" / folder) in english] == []


# Every way a page can name a theme file: a relative or root-relative address, in
# an attribute, a JSON string (Material's search worker) or a stylesheet's url().
ASSET_REFERENCE = re.compile(r"(?:[=\"'(]|^)((?:\.\./|\./)*/?(?:[\w.-]+/)*?(?:assets|components)/[^\"'\s>)?#]+)")


def test_every_theme_file_a_welsh_page_names_is_the_english_sites_and_exists(site):
    welsh_pages = sorted((site / "cy").rglob("*.html"))
    assert site / "cy" / "404.html" in welsh_pages
    checked = 0
    for page in welsh_pages:
        folder = page.parent.relative_to(site).as_posix()
        for reference in ASSET_REFERENCE.findall(page.read_text(encoding="utf-8")):
            target = posixpath.normpath(reference.lstrip("/") if reference.startswith("/")
                                        else posixpath.join(folder, reference))
            assert target.startswith(shared_assets.THEME_FOLDERS), f"{page}: {reference} is not the English site's file"
            assert (site / target).is_file(), f"{page}: {reference} is missing"
            checked += 1
    assert checked >= 10 * len(welsh_pages), "each page names its stylesheets, scripts, icon and search worker"

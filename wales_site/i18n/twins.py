"""Where each language lives, and how a page finds its twin in the other language.

Pure functions: the MkDocs event functions in bilingual_build.py call them, and
so do the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

from wales_site import languages

# Each language's folder below the site root. English is the site root.
SITE_PREFIX = {language.code: language.site_prefix for language in languages.BY_CODE.values()}
PAGE_SUFFIX = ".md"


@dataclass(frozen=True)
class MissingTwin:
    present: Path
    missing: Path

    def __str__(self) -> str:
        return f"{self.present} has no translation: create {self.missing}"


def page_sources(docs_dir: Path) -> set[Path]:
    """Markdown pages below docs_dir, as paths relative to it."""
    return {path.relative_to(docs_dir) for path in docs_dir.rglob(f"*{PAGE_SUFFIX}")}


def missing_twins(english_dir: Path, welsh_dir: Path) -> list[MissingTwin]:
    """Every page that exists in one language's folder but not the other's."""
    english, welsh = page_sources(english_dir), page_sources(welsh_dir)
    return [
        MissingTwin(english_dir / page, welsh_dir / page) for page in sorted(english - welsh)
    ] + [MissingTwin(welsh_dir / page, english_dir / page) for page in sorted(welsh - english)]


def page_pairs(english_dir: Path, welsh_dir: Path) -> list[tuple[Path, Path]]:
    """Every page that exists in both languages, as (English path, Welsh path)."""
    both = page_sources(english_dir) & page_sources(welsh_dir)
    return [(english_dir / page, welsh_dir / page) for page in sorted(both)]


def site_path(lang: str, page_url: str) -> str:
    """A page's path from the root of the whole site (both languages)."""
    return SITE_PREFIX[lang] + page_url


def relative_href(target: str, current: str) -> str:
    """Link from one site path to another, keeping the trailing slash of a folder."""
    href = get_relative_url(target, current)
    if (target == "" or target.endswith("/")) and not href.endswith("/"):
        href += "/"
    return href


def language_versions(page_url: str, current_lang: str, root_url: str, *, for_404: bool = False) -> list[dict]:
    """The page in every language: name, lang, absolute `link` and a `href` to use on the page.

    A 404 page is served at whatever address was asked for, so its links are
    root-relative rather than relative to the page.
    """
    current = site_path(current_lang, page_url)
    versions = []
    for lang, name in ((language.code, language.own_name) for language in languages.BY_CODE.values()):
        target = site_path(lang, page_url)
        link = urljoin(root_url, target)
        href = urlsplit(link).path if for_404 else relative_href(target, current)
        versions.append({"name": name, "lang": lang, "link": link, "href": href})
    return versions


def root_url(site_url: str, lang: str) -> str:
    """The whole site's root address, given one language's site_url."""
    prefix = SITE_PREFIX[lang]
    return site_url[: -len(prefix)] if prefix and site_url.endswith(prefix) else site_url

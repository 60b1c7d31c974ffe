"""Builds the Welsh site into site/cy/ after the English one, and ties the two together.
Called by the MkDocs adapter (hooks/mkdocs_adapter.py).

- Every page gets links to itself in both languages (header link, hreflang, sitemap).
- `mkdocs serve` watches the Welsh pages and shared folders too.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from wales_site.i18n import twins
from wales_site.i18n.compiled_templates import COMPILED_TEMPLATES
from wales_site.i18n.language_configs import WELSH_CONFIG_FILE, language_of, project_root, welsh_config
# Folders whose edits change the built site, beside the two docs folders.
WATCHED_FOLDERS = ("data", "hooks", "overrides", "wales_site")


def site_root_url(config: MkDocsConfig) -> str:
    return twins.root_url(config.site_url or "/", language_of(config))


def link_404_page_to_home_pages(config: MkDocsConfig) -> None:
    # The 404 page and anything else without a page of its own link to the home pages.
    config.extra["alternate"] = twins.language_versions(
        "", language_of(config), site_root_url(config), for_404=True
    )


def add_language_versions_filter(env, config: MkDocsConfig) -> None:
    env.bytecode_cache = COMPILED_TEMPLATES
    lang, root = language_of(config), site_root_url(config)
    env.filters["language_versions"] = lambda page_url: twins.language_versions(page_url, lang, root)


def link_page_to_its_twins(page, config: MkDocsConfig) -> None:
    # Material renders config.extra.alternate as the hreflang links and, through
    # overrides/partials/alternate.html, as the header's language link.
    config.extra["alternate"] = twins.language_versions(page.url, language_of(config), site_root_url(config))


def build_welsh_site(english: MkDocsConfig) -> None:
    build(welsh_config(english))


def remove_welsh_sitemap(welsh: MkDocsConfig) -> None:
    # Only the site-wide sitemap at the root lists pages; it has both languages.
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        Path(welsh.site_dir, name).unlink(missing_ok=True)


def watch_welsh_pages_and_shared_folders(server, config: MkDocsConfig) -> None:
    root = project_root(config)
    welsh_docs = Path(welsh_config(config).docs_dir)
    for path in (welsh_docs, root / WELSH_CONFIG_FILE, *(root / name for name in WATCHED_FOLDERS)):
        if path.exists():
            server.watch(str(path))

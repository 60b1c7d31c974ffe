"""The Welsh pages use the theme's files from the English site (/assets/,
/components/) rather than a copy of their own (/cy/assets/): a reader who switches language then
downloads only the new page, not the stylesheets and scripts again (about
58 KB, as much as the rest of a first visit).

In the Welsh build, each file below assets/ or components/ that the English build has already
written, byte for byte the same, is left out of the Welsh site, and the Welsh
pages' links to it point one folder up. A file that differs keeps its Welsh copy.
"""

from __future__ import annotations

import filecmp
import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from wales_site.i18n import language_configs
from wales_site.i18n import twins

# Material's theme files, and ours: each component's style and script (overrides/components/).
THEME_FOLDERS = ("assets/", "components/")
# What comes just before a link the theme writes: an attribute's = or quote
# (href="../assets/x.css", or unquoted) or a JSON string's quote ("search": "../assets/...").
BEFORE_LINK = "=\"'"

_shared: set[str] = set()


def english_site_dir(welsh: MkDocsConfig) -> Path:
    """Where the English build wrote the site: the Welsh site is its cy/ folder."""
    return Path(welsh.site_dir).parent


def shared_files(files: Files, english_site: Path) -> set[str]:
    """The theme files (THEME_FOLDERS) that the English site already has, byte for byte."""
    return {
        file.dest_uri for file in files
        if file.dest_uri.startswith(THEME_FOLDERS) and file.abs_src_path
        and (english_site / file.dest_uri).is_file()
        and filecmp.cmp(file.abs_src_path, english_site / file.dest_uri, shallow=False)
    }


@functools.lru_cache(maxsize=32)
def links_below(prefix: str) -> re.Pattern:
    """prefix + a theme folder + PATH. Starting with the literal text keeps the search fast."""
    folders = "|".join(re.escape(prefix + folder) for folder in THEME_FOLDERS)
    return re.compile(rf"(?:{folders})[^\"'\s>?#]+")


def point_to_english_assets(page_html: str, welsh_prefix: str, english_prefix: str, shared: set[str]) -> str:
    """Links written as welsh_prefix + PATH, for a shared PATH (assets/..., components/...), become english_prefix + PATH."""
    def relink(link: re.Match) -> str:
        path = link.group(0)[len(welsh_prefix):]
        starts_a_link = link.start() > 0 and page_html[link.start() - 1] in BEFORE_LINK
        return english_prefix + path if starts_a_link and path in shared else link.group(0)
    return links_below(welsh_prefix).sub(relink, page_html)


def leave_out_shared_assets(files: Files, config: MkDocsConfig) -> None:
    _shared.clear()
    if language_configs.language_of(config) == "cy":
        _shared.update(shared_files(files, english_site_dir(config)))
        for file in [file for file in files if file.dest_uri in _shared]:
            files.remove(file)


def relink_page_assets(output: str, page) -> str:
    if not _shared:
        return output
    # Links relative to the page: the English assets are one folder further up.
    welsh_prefix = "../" * page.url.count("/")
    english_prefix = welsh_prefix + "../"
    return point_to_english_assets(output, welsh_prefix, english_prefix, _shared)


def relink_template_assets(output: str, config: MkDocsConfig) -> str:
    # Pages of their own such as 404.html link from the site's root path: /cy/assets/ -> /assets/.
    if not _shared:
        return output
    site_url = config.site_url or "/"
    welsh_root, english_root = urlsplit(site_url).path, urlsplit(twins.root_url(site_url, "cy")).path
    return point_to_english_assets(output, welsh_root, english_root, _shared)

"""The page-HTML allow-list (page_html.py) applied to the site's pages: to each
page's Markdown rendered alone, for the `page-html` check, and to each page as
the build writes it, directories and citations included."""

from __future__ import annotations

import functools
from pathlib import Path

import markdown

from wales_site import limits, text_files
from wales_site.content.markdown_page import body_text, read_page
from wales_site.problems import Problem
from wales_site.security import page_html


# One renderer for each way of rendering (the extensions and their settings).
_renderers: dict[tuple, markdown.Markdown] = {}


def markdown_renderer(extensions: tuple, configs: dict) -> markdown.Markdown:
    key = (extensions, repr(sorted(configs.items())))
    if key not in _renderers:
        _renderers[key] = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
    return _renderers[key]


# A page is rendered once for each text it has had: `make serve` and the bad-input
# tests check the same pages many times over.
@functools.lru_cache(maxsize=8192)
def rendered(body: str, renderer: markdown.Markdown) -> str:
    return renderer.reset().convert(body)


def rendered_page(path: Path, extensions: tuple, extension_configs: dict) -> str:
    """The HTML of a page's Markdown alone (its directories and citations not filled in)."""
    return rendered(body_text(read_page(path)), markdown_renderer(extensions, extension_configs))


def rendered_page_problems(docs_dirs: list[Path], extensions: tuple, extension_configs: dict) -> list[Problem]:
    """Every page's Markdown, rendered with the site's Markdown extensions, held to the allow-list."""
    found = []
    for docs in docs_dirs:
        for path in sorted(docs.rglob("*.md")):
            # Read as the other checks read it: a page not UTF-8 is reported by the front-matter check.
            source = text_files.read(path, limits.PAGE).text
            html = rendered_page(path, extensions, extension_configs)
            found += page_html.problems(path.as_posix(), source, html)
    return found


class BuiltPages:
    """The problems of the pages one build writes, reported together when both
    languages are built (the build then fails and site/ is left as it was)."""

    def __init__(self):
        self.problems: list[Problem] = []

    def check(self, html: str, src_uri: str, docs_dir: str, source: str) -> None:
        """One page's HTML; source is its Markdown as written, to find each problem's line."""
        path = (Path(docs_dir) / src_uri).resolve()
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        self.problems += page_html.problems(shown.as_posix(), source, html)

""""Which route?" as the site shows it (wales_site/content/route_finder.py reads and
checks the route): each page's Back and "Start again" links, for the template
(overrides/components/route-finder/), and its answers marked for their look.

The route is read once per language build, before its pages (on_pre_build).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wales_site.content import route_finder

_build: dict[str, route_finder.Route] = {}


def prepare(config: MkDocsConfig) -> None:
    _build["route"] = route_finder.read_route(Path(config.docs_dir))


def mark_answers(html: str, page) -> str:
    if route_finder.is_answers_page(_build["route"], page.file.src_uri):
        return route_finder.mark_answers(html)
    return html


def add_route_links_filter(env, config: MkDocsConfig) -> None:
    """`page | route_links`: the page's route_finder.Links, or None off the route (the
    template loads the route's stylesheet only where it is not None)."""
    route = _build["route"]
    env.filters["route_links"] = lambda page: page and page.file and route_finder.links_for(route, page.file.src_uri)

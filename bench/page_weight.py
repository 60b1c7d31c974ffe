"""What a visit to a page really transfers: the files Chromium loads for it, each
weighed as a static host would send it (gzip for text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from bench.static_host import transfer_size

KINDS = {
    ".html": "HTML", ".css": "CSS", ".js": "JavaScript", ".json": "data",
    ".svg": "image", ".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image",
    ".webp": "image", ".avif": "image", ".ico": "image",
    ".woff2": "font", ".woff": "font", ".ttf": "font", ".otf": "font",
}
SEARCH_QUERY = "[data-md-component=search-query]"
# The network counts as quiet after this long without a request (as Playwright's "networkidle").
QUIET_MS = 500
QUIET_LIMIT_MS = 20_000


class AssetError(AssertionError):
    pass


@dataclass(frozen=True)
class AssetCost:
    path: str  # below the site root
    kind: str
    raw_bytes: int
    transfer_bytes: int


@dataclass(frozen=True)
class PageWeight:
    page_type: str
    lang: str
    path: str
    assets: tuple[AssetCost, ...]  # what loading the page fetches, its HTML first
    on_interaction: tuple[AssetCost, ...] = ()  # what the visitor's first interaction adds (Material's script)
    search: tuple[AssetCost, ...] = ()  # what using search loads on top

    @property
    def first_visit_bytes(self) -> int:
        """A visitor who loads the page and scrolls, taps or presses a key."""
        return self.page_load_bytes + sum(asset.transfer_bytes for asset in self.on_interaction)

    @property
    def page_load_bytes(self) -> int:
        return sum(asset.transfer_bytes for asset in self.assets)

    @property
    def repeat_visit_bytes(self) -> int:
        """Only the HTML: a returning browser has the rest cached."""
        return sum(asset.transfer_bytes for asset in self.assets if asset.kind == "HTML")

    @property
    def search_bytes(self) -> int:
        return sum(asset.transfer_bytes for asset in self.search)


def site_file(site_dir: Path, site_url: str, url: str) -> Path:
    """The built file a URL of the served site answers with."""
    if not url.startswith(site_url):
        raise AssetError(f"{url} is not on this site ({site_url})")
    relative = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    path = site_dir / relative
    if relative == "" or relative.endswith("/"):
        path = path / "index.html"
    if not path.is_file():
        raise AssetError(f"{url} is not a file of the built site")
    return path


def cost(site_dir: Path, site_url: str, url: str) -> AssetCost:
    path = site_file(site_dir, site_url, url)
    return AssetCost(
        path=path.relative_to(site_dir).as_posix(),
        kind=KINDS.get(path.suffix.lower(), "other"),
        raw_bytes=path.stat().st_size,
        transfer_bytes=transfer_size(path),
    )


def loaded_urls(page, action: Callable[[], object]) -> list[str]:
    """Every address the browser fetched while `action` ran and until the network fell quiet, once each.

    A response that is not a success fails: a budget cannot count a broken page.
    """
    urls, failures, in_flight = [], [], set()

    def started(request):
        in_flight.add(request)

    def ended(request):
        in_flight.discard(request)

    def answered(response):
        if not response.url.startswith("data:"):
            (failures if response.status >= 400 else urls).append(response.url)

    listeners = {"request": started, "requestfinished": ended, "requestfailed": ended, "response": answered}
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        action()
        wait_until_quiet(page, lambda: (len(urls) + len(failures), len(in_flight)))
    finally:
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    if failures:
        raise AssetError(f"{page.url}: failed to load {failures}")
    return list(dict.fromkeys(urls))


def wait_until_quiet(page, activity: Callable[[], tuple[int, int]]) -> None:
    """Until nothing is in flight and nothing new started for QUIET_MS (at most QUIET_LIMIT_MS)."""
    waited = 0
    while waited < QUIET_LIMIT_MS:
        before = activity()
        page.wait_for_timeout(QUIET_MS)
        waited += QUIET_MS
        if activity() == before and before[1] == 0:
            return
    raise AssetError(f"{page.url}: still loading after {QUIET_LIMIT_MS} ms")


def first_visit_urls(page, url: str) -> list[str]:
    return loaded_urls(page, lambda: page.goto(url))


def first_interaction_urls(page) -> list[str]:
    """What the open page fetches when the visitor first moves the mouse over it."""
    return loaded_urls(page, lambda: page.mouse.move(10, 10))


def search_urls(page) -> list[str]:
    """What the open page fetches once the visitor turns to search."""
    return loaded_urls(page, lambda: page.locator(SEARCH_QUERY).focus())


def weigh(page, site_dir: Path, site_url: str, page_type: str, lang: str, path: str) -> PageWeight:
    """Load a page in the browser as a first-time visitor, interact with it, then use search; weigh each step."""
    visit = first_visit_urls(page, site_url + path)
    interaction = [url for url in first_interaction_urls(page) if url not in visit]
    search = [url for url in search_urls(page) if url not in visit + interaction]
    return PageWeight(
        page_type=page_type,
        lang=lang,
        path=path,
        assets=tuple(cost(site_dir, site_url, url) for url in visit),
        on_interaction=tuple(cost(site_dir, site_url, url) for url in interaction),
        search=tuple(cost(site_dir, site_url, url) for url in search),
    )

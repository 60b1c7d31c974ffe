"""Shared fixtures: one strict build of the real site per test run, a local web
server for it, and a headless Chromium.

A fixture that builds a copy of the project is session-scoped, not
module-scoped, wherever it is: on pytest-xdist's workers a module's tests are
interleaved with other modules', and a module-scoped fixture is made again each
time its module comes back."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into site_dir."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


# What a copy of the project needs to build and to run `make lint`'s checks.
PROJECT_FILES = ("mkdocs.yml", "mkdocs.cy.yml")
PROJECT_FOLDERS = ("docs", "docs-cy", "data", "hooks", "overrides", "schemas", "spelling", ".github")


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file of a copied project; return the line it starts on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer has {old!r}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def copy_project(destination: Path) -> Path:
    """A copy of the project to break on purpose; the npm packages are shared, not copied."""
    destination.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, destination / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    if (ROOT / "node_modules").exists():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    site_dir.chmod(0o755)
    return site_dir


def built_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of both languages (not Material's own asset files)."""
    return sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.relative_to(site_dir).parts)


@pytest.fixture(scope="session")
def pages(site) -> list[Path]:
    return built_pages(site)


@functools.cache
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def source_pages(lang: str) -> list[Path]:
    """Markdown sources of one language, relative to its docs folder."""
    docs = ROOT / ("docs" if lang == "en" else f"docs-{lang}")
    return sorted(p.relative_to(docs) for p in docs.rglob("*.md"))


def output_path(site_dir: Path, lang: str, source: Path) -> Path:
    """Where a Markdown page is written (use_directory_urls)."""
    base = site_dir if lang == "en" else site_dir / lang
    stem = source.with_suffix("")
    if stem.name == "index":
        return base / stem.parent / "index.html"
    return base / stem / "index.html"


def page_language(site: Path, page: Path) -> str:
    return "cy" if page.relative_to(site).parts[0] == "cy" else "en"


def site_path_of(site: Path, page: Path) -> str:
    """The page's address below the site root, as a browser would see it."""
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


class QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker lifts its per-host rate limit for servers that send this.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served over HTTP on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def page_urls(site, pages, site_url) -> list[str]:
    """The address of every built page of both languages on the local server."""
    return [site_url + site_path_of(site, page) for page in pages]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. A missing browser fails the test: never a skip."""
    from playwright.sync_api import sync_playwright

    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"Chromium not found at {CHROMIUM}: run `apt-get install chromium` (.ci/run does)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist (`make test` runs two workers): tests one at a time to
    whichever worker is free, except that the checks of one width's visit to
    every page (tests parametrized with browser_sweep.WIDTHS, whose ids end
    [desktop] or [phone]) all go to one worker, which makes that visit once.
    (xdist's own --dist loadgroup cannot group them: with pytest 9 its
    xdist_group marks no longer reach the scheduler.)"""
    from xdist.scheduler import LoadScopeScheduling

    from browser_sweep import VIEWPORTS

    class OneWorkerPerWidth(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            width = nodeid.rpartition("[")[2].rstrip("]") if nodeid.endswith("]") else ""
            return f"sweep at {width}" if width in VIEWPORTS else nodeid

    return OneWorkerPerWidth(config, log)


# What can take focus inside a page's content.
CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]"


def page_shape(site, path) -> tuple:
    """What decides how keyboard focus moves through a page, and what Material's
    script changes on it (the keyboard walk and axe as a page loads visit one
    page of each shape): its language,
    whether it is the 404 page or a language's home page, whether it has a table
    of contents, and which kinds of component (the block of the nearest element
    with a class: a directory, a table, an admonition...) hold its controls."""
    soup = parse(path)
    address = site_path_of(site, path)
    language = page_language(site, path)
    kinds = set()
    for control in soup.select(f"article :is({CONTROLS})"):
        holder = control.find_parent(class_=True)
        kinds.add(holder["class"][0].split("__")[0] if holder else "")
    return (
        language,
        address.endswith("404.html"),
        address in ("", f"{language}/"),
        bool(soup.select(".md-sidebar--secondary a[href]")),
        tuple(sorted(kinds)),
    )


def one_page_of_each_shape(site, pages) -> list:
    """The first page, in address order, of each shape in the built site."""
    chosen = {}
    for path in pages:
        chosen.setdefault(page_shape(site, path), path)
    return list(chosen.values())


@pytest.fixture(scope="session")
def shape_urls(site, pages, site_url) -> set[str]:
    """The address of one page of each shape."""
    return {site_url + site_path_of(site, page) for page in one_page_of_each_shape(site, pages)}


@pytest.fixture(scope="session")
def swept(browser, page_urls, shape_urls):
    """swept(width): every page visited once at that width ("desktop" or "phone"),
    with what the per-page browser checks need (tests/browser_sweep.py); each
    worker sweeps a width the first time one of its tests asks for it."""
    from browser_sweep import sweep

    visits = {}

    def at(width: str):
        if width not in visits:
            visits[width] = sweep(browser, page_urls, width, axe_on_load=shape_urls)
        return visits[width]

    return at


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


# Material's script has run and set up the page: its document$ (a replay
# subject, public for sites' own scripts) has given out the document.
MATERIAL_STARTED = """(() => {
  let started = false;
  if (window.document$) window.document$.subscribe(() => { started = true; }).unsubscribe();
  return started;
})()"""


def wait_until(page, expression: str, timeout: float = 5000) -> None:
    """Until the JavaScript expression is true in the page. (Playwright's own
    wait_for_function evaluates a string with eval, which the pages'
    Content-Security-Policy refuses; evaluate, as the browser's tools do, is allowed.)"""
    for _ in range(int(timeout / 20)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(20)
    raise AssertionError(f"still not true after {timeout / 1000:g} s: {expression}")


def start_material_script(page) -> None:
    """A visitor's first movement over the page, which starts Material's script
    (material-on-demand.js)."""
    page.mouse.move(5, 5)
    page.mouse.move(15, 15)
    wait_until(page, MATERIAL_STARTED)

"""One visit to every built page of both languages at each width, recording what
the per-page browser checks need: axe's findings once Material's script has
started (and, on one page of each shape, before it starts), every request and
response, browser storage and cookies, how wide the page is, whether the help
strip and "Exit this page" show, and what the page's Content-Security-Policy
blocked.

The checks themselves are small tests (test_accessibility.py, test_privacy.py,
test_help_and_privacy.py, test_exit_this_page.py), each asserting one concern
over these findings and naming the page and width of each problem. A page is
visited once per width, not once per concern: axe on every page is most of the
cost, and the rest comes almost free on the same visit.
"""

from __future__ import annotations

import time
from pathlib import Path
from dataclasses import dataclass, field

import pytest

from conftest import ROOT, start_material_script

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# A wide screen shows every sidebar; a 320 px phone (WCAG 1.4.10 reflow) the drawer.
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 320, "height": 640}}
# The checks of one width, parametrized with these, all run on one pytest-xdist
# worker (conftest.py's scheduler groups the tests whose id ends [desktop] or
# [phone]), so each width is swept once; the two widths go to the two workers.
WIDTHS = [pytest.param(name, id=name) for name in VIEWPORTS]
# The two moments each page is looked at: as it loads, and as most visitors
# see it, once their first movement has started Material's script.
ON_LOAD, MATERIAL_STARTED = "on load", "after Material's script started"
# How long a page's own requests may take to finish once it has been used.
SETTLE_SECONDS = 10
EMERGENCY = "tel:999"
HELPLINE = "tel:+448000121700"
EXIT_BUTTON = ".exit-this-page__button"

# What one moment shows: how wide the page is, and for the help strip's parts
# and the exit button, whether each element matched is shown (a box with a
# size, not hidden: Playwright's is_visible) inside the screen.
LOOK = """([helpStrip, exitButton]) => {
  const shown = selector => [...document.querySelectorAll(selector)].map(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
           && box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight;
  });
  return {
    scroll_width: document.scrollingElement.scrollWidth,
    help_strip: Object.fromEntries(helpStrip.map(selector => [selector, shown(selector)])),
    exit_button: shown(exitButton),
  };
}"""
STORED_KEYS = "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
# Every breach of the page's Content-Security-Policy: something of the site's own
# that the policy blocks (a script, a style, a worker) is a feature that stopped working.
RECORD_POLICY_BREACHES = """window.policyBreaches = [];
document.addEventListener('securitypolicyviolation', event => window.policyBreaches.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));"""
POLICY_BREACHES = "() => window.policyBreaches"


# axe's violations, and of each only what the message needs (its whole result
# is large to pass back for every run).
AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations.map(violation => ({
    id: violation.id, help: violation.help, targets: violation.nodes.map(node => node.target),
  })))"""


def installed(tool) -> str:
    assert tool.exists(), f"{tool} is missing: run `make test` (it runs `npm ci`)"
    return str(tool)


def axe_violations(page) -> list[str]:
    """axe's violations on the page as it is now, each naming the page and width."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's tools, not added as a <script>: the page's policy allows no inline script.
        page.evaluate(Path(installed(AXE)).read_text(encoding="utf-8"))
    return messages(page, page.evaluate(AXE_RUN, AXE_TAGS))


def messages(page, violations: list[dict]) -> list[str]:
    return [
        f"{page.url} [{page.viewport_size['width']}px] {violation['id']}: {violation['help']} at "
        + ", ".join(str(target) for target in violation["targets"][:5])
        for violation in violations
    ]


@dataclass
class Look:
    """What one moment on one page showed."""
    scroll_width: int
    help_strip: dict[str, list[bool]]  # selector: shown, for each element it matches
    exit_button: list[bool]


@dataclass
class Visit:
    """One page at one width."""
    url: str
    width: int
    axe: list[str] = field(default_factory=list)
    looks: dict[str, Look] = field(default_factory=dict)  # moment: what it showed
    requested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "status url" of each answer of 400 or more
    unfinished: list[str] = field(default_factory=list)  # still loading SETTLE_SECONDS after use
    stored: list[str] = field(default_factory=list)  # localStorage and sessionStorage keys
    policy_breaches: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.url} [{self.width}px]"


HELP_STRIP_PARTS = (".help-strip", f".help-strip a[href='{EMERGENCY}']", f".help-strip a[href='{HELPLINE}']")


# One round trip for a moment: what the page shows, then axe's findings.
LOOK_THEN_AXE = f"""async ([helpStrip, exitButton, tags]) => ({{
  look: ({LOOK})([helpStrip, exitButton]),
  violations: await ({AXE_RUN})(tags),
}})"""


def look(page, current: Visit, moment: str) -> None:
    current.looks[moment] = Look(**page.evaluate(LOOK, [HELP_STRIP_PARTS, EXIT_BUTTON]))


def look_then_axe(page, current: Visit, moment: str) -> None:
    found = page.evaluate(LOOK_THEN_AXE, [HELP_STRIP_PARTS, EXIT_BUTTON, AXE_TAGS])
    current.looks[moment] = Look(**found["look"])
    current.axe += messages(page, found["violations"])


def wait_until_settled(page, loading: dict) -> None:
    """Until every request the page has made is answered or has failed: what a
    visitor's browser would still fetch, without waiting for an idle network."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while loading and time.monotonic() < deadline:
        page.wait_for_timeout(20)


def visit(page, url: str, loading: dict, current: Visit, axe_on_load: bool) -> None:
    page.goto(url)
    (look_then_axe if axe_on_load else look)(page, current, ON_LOAD)
    start_material_script(page)
    look_then_axe(page, current, MATERIAL_STARTED)
    # Scrolled to the end, where anything loaded lazily would load.
    page.mouse.wheel(0, 5000)
    wait_until_settled(page, loading)
    current.unfinished = sorted(loading.values())
    current.stored = page.evaluate(STORED_KEYS)
    current.policy_breaches = page.evaluate(POLICY_BREACHES)
    current.cookies = [cookie["name"] for cookie in page.context.cookies()]


def sweep(browser, urls: list[str], width: str, axe_on_load: set[str]) -> list[Visit]:
    """Every page at one width, in one browser context (as one visitor going
    from page to page), with the requests of each page recorded against it;
    axe runs on every page once Material's script has started, and as the page
    loads on the pages in axe_on_load."""
    context = browser.new_context(viewport=VIEWPORTS[width])
    # axe is in every page from the start, rather than added to each page.
    context.add_init_script(path=installed(AXE))
    context.add_init_script(RECORD_POLICY_BREACHES)
    page = context.new_page()
    visits: list[Visit] = []
    loading: dict = {}  # request: url, while it is in flight

    def requested(request):
        visits[-1].requested.append(request.url)
        loading[request] = request.url

    def answered(response):
        if response.status >= 400:
            visits[-1].failed.append(f"{response.status} {response.url}")

    page.on("request", requested)
    page.on("response", answered)
    page.on("requestfinished", lambda request: loading.pop(request, None))
    page.on("requestfailed", lambda request: loading.pop(request, None))
    try:
        for url in urls:
            loading.clear()
            visits.append(Visit(url=url, width=VIEWPORTS[width]["width"]))
            visit(page, url, loading, visits[-1], url in axe_on_load)
    finally:
        context.close()
    return visits

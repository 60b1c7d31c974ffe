"""WCAG 2.2 AA in a real browser, valid HTML, keyboard use, print and small
screens, over every built page in both languages (axe and reflow on the visit
to every page at each width, tests/browser_sweep.py; the keyboard walk on one
page of each shape).

axe-core and the Nu HTML Checker come pinned from package.json (`make test`
installs them into node_modules/ with `npm ci`)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from browser_sweep import VIEWPORTS, WIDTHS, axe_violations, installed
from conftest import ROOT, one_page_of_each_shape, parse, site_path_of, start_material_script

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FOCUS_RING_MIN_PX = 2
MAX_FOCUS_STOPS = 500


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_on_any_page(swept, page_urls, width):
    # Every page as most visitors see it, once their first movement has started
    # Material's script; and one page of each shape (conftest.page_shape) as it
    # loads, before the script: the script changes the theme's parts, which
    # every page of a shape shares, not the page's content.
    visits = swept(width)
    assert [visit.url for visit in visits] == page_urls and len(page_urls) >= 10
    problems = [problem for visit in visits for problem in visit.axe]
    assert problems == [], "\n".join(problems)


def test_axe_run_is_not_empty(browser, site_url):
    # A page with a known fault shows that the checker really runs its rules.
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    page.evaluate("document.querySelector('article a[href]').textContent = ''")
    assert any(" link-name: " in problem for problem in axe_violations(page))
    context.close()


def test_nu_html_checker_finds_no_errors_on_any_page(site, pages):
    java = shutil.which("java")
    assert java, "Java is missing: run scripts/install-system-packages.sh"
    # One run over the whole site: the checker is slow to start.
    result = subprocess.run(
        [java, "-jar", installed(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr)
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in report["messages"]]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0
    assert len(pages) >= 10


# Material's own "Skip to content", or ours on a page without a table of contents.
SKIP_TO_CONTENT = "a.md-skip:not(.exit-this-page__skip-link)"


def test_every_page_has_one_skip_to_content_link_and_its_target(pages):
    for path in pages:
        soup = parse(path)
        skips = soup.select(SKIP_TO_CONTENT)
        assert len(skips) == 1, f"{path}: {len(skips)} skip-to-content links"
        target = skips[0]["href"]
        assert target.startswith("#") and soup.find(id=target[1:]), f"{path}: nothing has the id {target}"


def test_skip_link_is_the_first_stop_and_the_exit_link_the_second(page, site, site_url):
    for path in ("", "cy/", "report-a-concern/", "cy/spot-the-signs/", "help-in-your-area/cardiff/", "cy/404.html"):
        page.goto(site_url + path)
        page.keyboard.press("Tab")
        assert page.evaluate(f"document.activeElement.matches('{SKIP_TO_CONTENT}')"), \
            f"{path}: Tab does not reach the skip link first"
        assert page.locator(SKIP_TO_CONTENT).is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('.exit-this-page__skip-link')"), path


@pytest.mark.parametrize("path", ["spot-the-signs/", "help-in-your-area/cardiff/"])
def test_skip_link_moves_focus_past_the_header_and_navigation(page, site_url, path):
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside_content = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert inside_content, "after the skip link, Tab does not continue in the page's content"


FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (element === document.body) return null;
  // A number for each element focus reaches, kept for the page's life (cheaper
  // than its place among all the page's elements, looked up at every stop).
  const numbers = window.focusNumbers || (window.focusNumbers = {of: new WeakMap(), next: 0});
  if (!numbers.of.has(element)) numbers.of.set(element, numbers.next++);
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const onTop = document.elementFromPoint(x, y);
  return {
    id: numbers.of.get(element),
    name: element.outerHTML.slice(0, 120),
    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    shown: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
    // What sticks to the top of the screen must not cover what has focus (the
    // search overlay only fades out after focus leaves the search box).
    underStickyTop: onTop !== null && !element.contains(onTop)
                    && onTop.closest('.md-header, .exit-this-page') !== null
                    && !onTop.matches('.md-search__overlay')
                    && element.closest('.md-header, .exit-this-page') === null,
  };
}"""


# Each Tab or Shift+Tab is a real key press, and the page notes where focus is
# as the key comes back up (it has moved, and the page scrolled, by then), so
# the stops are read once a batch of presses is made rather than after each
# press: one round trip to the browser per stop instead of two. Once focus
# leaves the page or comes back to a control it has been on, the walk has
# ended, and further Tab presses are held back (preventDefault): pressing past
# the end leaves focus where the walk ended, as if the presses stopped there.
RECORD_FOCUS_STOPS = f"""() => {{
  const focusState = {FOCUS_STATE};
  addEventListener('keydown', event => {{
    if (event.key === 'Tab' && window.focusWalk.ended) event.preventDefault();
  }}, true);
  addEventListener('keyup', event => {{
    const walk = window.focusWalk;
    if (event.key !== 'Tab' || walk.ended) return;
    const state = focusState();
    if (state === null || walk.seen.has(state.id)) walk.ended = true;
    else {{ walk.seen.add(state.id); walk.stops.push(state); }}
  }}, true);
}}"""
NEW_WALK = "() => { window.focusWalk = {stops: [], seen: new Set(), ended: false}; }"
# Presses after the first batch, between looks at whether the walk has ended.
LATER_BATCH = 4


def walk_focus(page, key: str, expected: int) -> list[dict]:
    """Press key (Tab or Shift+Tab) until focus leaves the page or comes back to
    a control; the stops on the way. The first batch is the presses expected
    to reach the end, then LATER_BATCH at a time."""
    page.evaluate(NEW_WALK)
    presses, batch = 0, expected + 1
    # A page that has gone (the presses left it, which the caller reports) has no walk: it has ended.
    while presses < MAX_FOCUS_STOPS and not page.evaluate("window.focusWalk?.ended ?? true"):
        for _ in range(min(batch, MAX_FOCUS_STOPS - presses)):
            page.keyboard.press(key)
        presses, batch = presses + batch, LATER_BATCH
    return page.evaluate("window.focusWalk?.stops ?? []")


def test_one_page_of_each_shape_covers_the_kinds_of_page(site, pages):
    chosen = {site_path_of(site, path) for path in one_page_of_each_shape(site, pages)}
    # The home pages, the 404 pages and a generated area page in each language
    # are shapes of their own, whatever else the site has.
    for must in ("", "cy/", "404.html", "cy/404.html"):
        assert must in chosen, f"{must!r} is not walked: {sorted(chosen)}"
    for prefix in ("help-in-your-area/", "cy/help-in-your-area/"):
        assert any(address.startswith(prefix) and address != prefix for address in chosen), sorted(chosen)
    assert len(chosen) < len(pages)


def test_every_control_is_reachable_with_a_visible_unobscured_focus(browser, site, pages, site_url):
    # On one page of each shape (the rest are built from the same templates and
    # components). Forwards, then backwards: Shift+Tab scrolls controls in at
    # the top, where the sticky header is, and its Shift presses must not
    # trigger the exit.
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    problems = []
    for path in one_page_of_each_shape(site, pages):
        url = site_url + site_path_of(site, path)
        page.goto(url)
        # The first Tab would start Material's script, which sets the page up
        # as it starts; started first so both walks see the same page.
        start_material_script(page)
        page.evaluate(RECORD_FOCUS_STOPS)
        links = page.locator("a[href]:visible").count()
        forwards = walk_focus(page, "Tab", links)
        backwards = walk_focus(page, "Shift+Tab", len(forwards))
        if len(forwards) < links or len(backwards) != len(forwards):
            problems.append(f"{url}: Tab reached {len(forwards)} controls, Shift+Tab {len(backwards)}; "
                            f"the page shows {links} links")
        for stop in forwards + backwards:
            if stop["outline"] < FOCUS_RING_MIN_PX or not stop["shown"]:
                problems.append(f"{url}: focus cannot be seen on {stop['name']}")
            if stop["underStickyTop"]:
                problems.append(f"{url}: the header covers the focus on {stop['name']}")
        if page.url != url:
            problems.append(f"{url}: moving focus with Shift+Tab left the page for {page.url}")
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(swept, width):
    # WCAG 1.4.10 reflow at 320 px; nor on a wide screen. As the page loads
    # and once Material's script has set it up.
    too_wide = [
        f"{visit.name} {moment}: {look.scroll_width}px wide"
        for visit in swept(width)
        for moment, look in visit.looks.items()
        if look.scroll_width > visit.width
    ]
    assert too_wide == [], "\n".join(too_wide)


@pytest.mark.parametrize("path", ["report-a-concern/", "cy/report-a-concern/"])
def test_print_leaves_out_navigation_and_exit_and_keeps_numbers_and_addresses(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                   ".exit-this-page", ".exit-this-page__skip-link", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} is printed"
    assert page.locator(".help-strip").is_visible(), "the help strip is not printed"
    phones = page.locator("article a[href^='tel:']")
    assert phones.count() > 0
    for index in range(phones.count()):
        assert phones.nth(index).is_visible()
        assert any(ch.isdigit() for ch in phones.nth(index).inner_text())
    external = page.locator("article a[href^='https://']")
    assert external.count() > 0
    for index in range(external.count()):
        link = external.nth(index)
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("href") in after, f"the printed link does not show {link.get_attribute('href')}"

""""Which route?" (wales_site/content/route_finder.py): the check refuses a route
that would strand a practitioner, FastAPI style with a good route and broken
copies of it; the built route is walked from its start page by following the
answers, in both languages; each outcome prints on one sheet of A4."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import ROOT, parse, site_path_of
from wales_site.content import route_finder

LANGS = ("en", "cy")
START = {"en": "professionals/which-route/", "cy": "cy/professionals/which-route/"}
PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b")

# A small route: a question, an outcome each way.
GOOD = {
    "index.md": ("start", "# Find the route\n\n- [Start now](danger.md)\n"),
    "danger.md": ("question", "# Is anyone in danger?\n\nHint.\n\n- [Yes](call.md)\n- [No](refer.md)\n"),
    "call.md": ("outcome", "# Call 999\n\nCall 999. {{ cite: seed }}\n"),
    "refer.md": ("outcome", "# Refer\n\nRefer them. {{ cite: seed }}\n"),
}


def write_route(docs: Path, pages: dict[str, tuple[str, str]]) -> None:
    folder = docs / route_finder.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, (kind, body) in pages.items():
        kind_line = f"route: {kind}\n" if kind else ""
        (folder / name).write_text(f"---\ntitle: {name}\n{kind_line}---\n\n{body}", encoding="utf-8")


def problems_with(tmp_path: Path, english: dict, welsh: dict | None = None) -> list[str]:
    write_route(tmp_path / "docs", english)
    write_route(tmp_path / "docs-cy", GOOD if welsh is None else welsh)
    return [str(problem) for problem in route_finder.check(tmp_path / "docs", tmp_path / "docs-cy")]


def changed(name: str, body: str, kind: str | None = None) -> dict:
    return {**GOOD, name: (kind if kind is not None else GOOD[name][0], body)}


def test_the_good_route_passes(tmp_path):
    assert problems_with(tmp_path, GOOD) == []


def test_the_real_route_passes():
    assert route_finder.check(ROOT / "docs", ROOT / "docs-cy") == []


BROKEN = {
    "an answer to a page that does not exist": (
        changed("danger.md", "# Q?\n\n- [Yes](call.md)\n- [No](refre.md)\n"), "danger.md:9: refre.md is not a page"),
    "an answer that is more than a link": (
        changed("danger.md", "# Q?\n\n- [Yes](call.md) now\n- [No](refer.md)\n"),
        "danger.md:8: an answer is one link to the next page"),
    "an answer out of the route's folder": (
        changed("danger.md", "# Q?\n\n- [Yes](../other.md)\n- [No](refer.md)\n"),
        "danger.md:8: an answer is one link to the next page"),
    "text after the answers": (
        changed("danger.md", "# Q?\n\n- [Yes](call.md)\n- [No](refer.md)\n\nMore.\n"),
        "danger.md:11: the answers end the page"),
    "a question with one answer": (
        changed("danger.md", "# Q?\n\n- [Yes](call.md)\n"), "danger.md:3: route: a question page ends with a list"),
    "an outcome that cites nothing": (
        changed("call.md", "# Call 999\n\nCall 999.\n"), "call.md:3: route: an outcome cites the sources"),
    "a page that does not say what it is": (
        changed("call.md", "# Call 999\n\nCall 999. {{ cite: seed }}\n", kind=""),
        "call.md:1: route: every page of the route says what it is"),
    "a loop": (
        {**GOOD, "refer.md": ("question", "# Again?\n\n- [Yes](danger.md)\n- [No](call.md)\n")},
        "refer.md:8: this answer goes round in a loop back to danger.md"),
    "a page nothing leads to": (
        {**GOOD, "lost.md": ("outcome", "# Lost\n\nText. {{ cite: seed }}\n")},
        "lost.md:3: route: no answer leads to this page"),
    "a page two questions lead to": (
        {**GOOD, "danger.md": ("question", "# Q?\n\n- [Yes](call.md)\n- [No](age.md)\n"),
         "age.md": ("question", "# Age?\n\n- [Child](call.md)\n- [Adult](refer.md)\n")},
        "call.md:3: route: more than one page leads here (age.md, danger.md)"),
    "an answer back to the start": (
        changed("danger.md", "# Q?\n\n- [Yes](call.md)\n- [No](index.md)\n"), "danger.md:9: an answer cannot lead back"),
    "a directory on a question page": (
        changed("danger.md", "# Q?\n\n{{ directory: helplines }}\n\n- [Yes](call.md)\n- [No](refer.md)\n"),
        "danger.md:8: a question page holds no directory"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_route_is_refused_at_its_line(tmp_path, case):
    english, expected = BROKEN[case]
    problems = problems_with(tmp_path, english)
    assert any(expected in problem for problem in problems), problems


def test_a_welsh_route_whose_answers_lead_elsewhere_is_refused(tmp_path):
    welsh = changed("danger.md", "# Q?\n\n- [Oes](refer.md)\n- [Nac oes](call.md)\n")
    problems = problems_with(tmp_path, GOOD, welsh)
    assert problems == [f"{tmp_path}/docs-cy/{route_finder.FOLDER}/danger.md:8: the answers lead to refer.md, call.md; "
                        "the English page's lead to call.md, refer.md, in that order"]


def test_a_page_outside_the_route_cannot_say_it_is_part_of_it(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text("---\ntitle: Other\nroute: outcome\n---\n\n# Other\n")
    problems = problems_with(tmp_path, GOOD)
    assert problems == [f"{tmp_path}/docs/other.md:3: route: only the pages in {route_finder.FOLDER}/ are part of the "
                        "route"]


# The built route, walked ----------------------------------------------------------


def link_target(site: Path, page: Path, href: str) -> Path:
    address = posixpath.normpath(posixpath.join(site_path_of(site, page), href))
    return site / address / "index.html"


def walk(site: Path, lang: str) -> dict[Path, list[Path]]:
    """Every path from the start page, following the answers: {outcome: [the pages on the way]}."""
    ends: dict[Path, list[Path]] = {}

    def visit(page: Path, trail: list[Path]) -> None:
        assert page.is_file(), f"an answer on {trail[-1]} leads to a page that was not built"
        assert page not in trail, f"the route loops back to {page}"
        answers = parse(page).select("ul.route-answers a")
        if not answers:
            ends.setdefault(page, []).append([*trail, page])
            return
        for answer in answers:
            visit(link_target(site, page, answer["href"]), [*trail, page])

    visit(site / START[lang] / "index.html", [])
    return ends


@pytest.mark.parametrize("lang", LANGS)
def test_every_path_from_the_start_reaches_an_outcome_that_cites_its_sources(site, lang):
    ends = walk(site, lang)
    built = set((site / START[lang]).rglob("index.html"))
    reached = {page for trails in ends.values() for trail in trails for page in trail}
    assert reached == built, f"pages of the route no answer leads to: {sorted(built - reached)}"
    assert len(ends) >= 6
    for outcome in ends:
        soup = parse(outcome)
        assert soup.select("ol.sources li"), f"{outcome} cites no source"
        assert soup.select("article a[href^='tel:']"), f"{outcome} gives no number to call"


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_links_back_to_the_step_before_it_and_to_the_start(site, lang):
    start = site / START[lang] / "index.html"
    for trails in walk(site, lang).values():
        for trail in trails:
            for before, step in zip(trail, trail[1:]):
                soup = parse(step)
                assert link_target(site, step, soup.select_one("a.route-back")["href"]) == before
                assert link_target(site, step, soup.select_one(".route-start-again a")["href"]) == start
    assert parse(start).select_one("a.route-back") is None


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_links_to_its_twin_at_the_same_step(site, lang):
    other = "cy" if lang == "en" else "en"
    for trails in walk(site, lang).values():
        for page in trails[0]:
            [twin_link] = parse(page).select(f"a.site-language__link[hreflang={other}]")
            twin = link_target(site, page, twin_link["href"])
            own = site_path_of(site, page).removeprefix("cy/")
            assert site_path_of(site, twin).removeprefix("cy/") == own
            assert twin.is_file()


def test_both_languages_ask_the_same_questions_in_the_same_order(site):
    def shape(lang):
        return sorted(tuple(site_path_of(site, page).removeprefix("cy/") for page in trail)
                      for trails in walk(site, lang).values() for trail in trails)
    assert shape("en") == shape("cy")


def test_the_routes_lead_where_the_sources_say(site):
    """The routes the issue names: danger → 999 first; a child → always the NRM; an adult
    who does not consent → the duty to notify (MS1) or advice, never a referral."""
    ends = {site_path_of(site, outcome): trails for outcome, trails in walk(site, "en").items()}
    first_answer = {path: {site_path_of(site, trail[1]) for trail in trails} for path, trails in ends.items()}
    assert first_answer[START["en"] + "call-999/"] == {START["en"] + "immediate-danger/"}
    child = parse(site / START["en"] / "child" / "index.html").get_text(" ")
    assert "always refer" in child and "child welfare services form" in child
    for outcome in ("notify-anonymously/", "get-advice/"):
        trails = ends[START["en"] + outcome]
        assert all(START["en"] + "duty/" in [site_path_of(site, page) for page in trail] for trail in trails)
    assert "MS1" in parse(site / START["en"] / "notify-anonymously" / "index.html").get_text(" ")


# In Chromium ------------------------------------------------------------------------


def outcome_addresses(site) -> list[str]:
    return sorted(site_path_of(site, outcome) for lang in LANGS for outcome in walk(site, lang))


def test_each_outcome_prints_on_one_sheet_of_a4_with_the_help_numbers_as_text(page, site, site_url):
    from test_print_materials import help_strip_numbers
    for address in outcome_addresses(site):
        page.goto(site_url + address)
        pdf = page.pdf(format="A4", print_background=True)
        assert len(PAGE_OBJECT.findall(pdf)) == 1, f"{address} runs onto a second page"
        page.emulate_media(media="print")
        printed = page.locator("body").inner_text()
        assert all(number in printed for number in help_strip_numbers()), address
        assert not page.locator(".route-back").is_visible() and not page.locator(".route-start-again").is_visible()
        page.emulate_media(media="null")  # back to no emulation: page.pdf prints with print media


def test_the_answers_are_large_targets_that_fit_a_320px_phone(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + START["en"] + "age/")
    boxes = [answer.bounding_box() for answer in page.locator("ul.route-answers a").all()]
    assert len(boxes) == 2
    assert all(box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 320 for box in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

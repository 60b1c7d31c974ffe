""""Which route?": question pages that take a practitioner to the right action.

GOV.UK's question-page pattern, written as ordinary pages in
professionals/which-route/ of each language. Each page says in its front
matter what it is (`route: start`, `question` or `outcome`). A start or
question page ends with its answers: a list whose every item is one link to
the next page. Every answer is a link, so the route keeps no state: Back,
bookmarks and printing just work, and nothing is stored or sent.

This module reads the route from the pages (the `route-finder` check and the
template read the same `Route`), checks it, and says each page's Back and
"Start again" addresses (overrides/components/route-finder/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from wales_site.content import markdown_page as md
from wales_site.content import markers
from wales_site.problems import Problem

FOLDER = "professionals/which-route"
START, QUESTION, OUTCOME = "start", "question", "outcome"
KINDS = (START, QUESTION, OUTCOME)
START_PAGE = "index.md"

LIST_ITEM = re.compile(r"^[-*+]\s")
# An answer: one link to the next page of the route, in the same folder, and nothing else.
ANSWER = re.compile(r"^[-*+]\s+\[(?P<label>[^\]\[]+)\]\((?P<target>[a-z0-9-]+\.md)\)\s*$")


@dataclass(frozen=True)
class Answer:
    line: int
    label: str
    target: str


@dataclass(frozen=True)
class Step:
    """One page of the route: its file name in the folder, what it is, its answers."""
    name: str
    path: Path
    kind: str | None
    kind_line: int
    answers: tuple[Answer, ...]
    # (line, item) of each item of the closing list that is not one link to a page of the route.
    bad_answers: tuple[tuple[int, str], ...]
    # Content after the answers, which must end the page.
    after_answers: int | None
    has_citation: bool
    directory_lines: tuple[int, ...]


@dataclass(frozen=True)
class Route:
    folder: Path
    steps: dict[str, Step]

    def parents(self, name: str) -> list[str]:
        """The pages whose answers lead to this one."""
        return [step.name for step in self.steps.values() if any(answer.target == name for answer in step.answers)]

    def back(self, name: str) -> str | None:
        """The page a Back link returns to: the one page whose answers lead here."""
        parents = self.parents(name)
        return parents[0] if len(parents) == 1 else None


def closing_list(page: md.MarkdownPage) -> tuple[list[md.Line], int | None]:
    """The page's last top-level list, and the first line of any content after it."""
    lines = [line for line in page.content if line.text.strip()]
    items: list[md.Line] = []
    after = None
    for line in reversed(lines):
        if LIST_ITEM.match(line.text):
            items.insert(0, line)
        elif items:
            break
        else:
            after = line.number
    return items, after


def read_step(path: Path) -> Step:
    page = md.read_page(path)
    kind = page.front_matter.get("route")
    items, after = closing_list(page) if kind in (START, QUESTION) else ([], None)
    answers, bad = [], []
    for line in items:
        match = ANSWER.match(line.text)
        if match:
            answers.append(Answer(line.number, match["label"].strip(), match["target"]))
        else:
            bad.append((line.number, line.text.strip()))
    cites, _ = markers.find_cites(md.body_text(page))
    return Step(
        name=path.name,
        path=path,
        kind=kind if isinstance(kind, str) else None,
        kind_line=page.line_of("route"),
        answers=tuple(answers),
        bad_answers=tuple(bad),
        after_answers=after,
        has_citation=bool(cites),
        directory_lines=tuple(number for number, _ in md.markers(page)),
    )


def read_route(docs: Path) -> Route:
    folder = docs / FOLDER
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    return Route(folder, {path.name: read_step(path) for path in paths})


def step_problems(step: Step, route: Route) -> list[Problem]:
    if step.kind not in KINDS:
        return [Problem(step.path, step.kind_line, f"every page of the route says what it is: {' / '.join(KINDS)}",
                        "route")]
    if (step.kind == START) != (step.name == START_PAGE):
        return [Problem(step.path, step.kind_line, f"the route starts at {START_PAGE}, and only there", "route")]
    problems = [Problem(step.path, line, f"an answer is one link to the next page of the route, "
                                         f"[Answer](next-page.md), and nothing else: {text!r}")
                for line, text in step.bad_answers]
    if step.kind == OUTCOME:
        if not step.has_citation:
            problems.append(Problem(step.path, step.kind_line, "an outcome cites the sources of what it tells "
                                                               "people to do: add {{ cite: ID }}", "route"))
        return problems
    least = 1 if step.kind == START else 2
    if len(step.answers) + len(step.bad_answers) < least:
        problems.append(Problem(step.path, step.kind_line, f"a {step.kind} page ends with a list of "
                                                           f"{'its Start link' if least == 1 else 'at least two answers'}",
                                "route"))
    if step.after_answers:
        problems.append(Problem(step.path, step.after_answers, "the answers end the page: move this above them"))
    problems += [Problem(step.path, line, "a question page holds no directory: put it on an outcome page")
                 for line in step.directory_lines]
    for answer in step.answers:
        target = route.steps.get(answer.target)
        if target is None:
            problems.append(Problem(step.path, answer.line, f"{answer.target} is not a page of the route"))
        elif target.kind == START:
            problems.append(Problem(step.path, answer.line, "an answer cannot lead back to the start: "
                                                            "every page has a Start again link"))
    return problems


def walk_problems(route: Route) -> list[Problem]:
    """From the start, every path ends at an outcome, without a loop, and every page
    is reached from exactly one page (so its Back link has one place to go)."""
    start = route.steps.get(START_PAGE)
    if start is None:
        return [Problem(route.folder / START_PAGE, None, "the route has no start page")] if route.steps else []
    problems = []
    reached: set[str] = set()

    def walk(name: str, path: tuple[str, ...]) -> None:
        step = route.steps[name]
        reached.add(name)
        for answer in step.answers:
            if answer.target in path:
                problems.append(Problem(step.path, answer.line, f"this answer goes round in a loop back to "
                                                                f"{answer.target}"))
            elif answer.target in route.steps:
                walk(answer.target, (*path, answer.target))
        if step.kind in (START, QUESTION) and not step.answers:
            problems.append(Problem(step.path, step.kind_line, "this page leads nowhere: it has no answers", "route"))

    walk(START_PAGE, (START_PAGE,))
    for name, step in route.steps.items():
        if name not in reached:
            problems.append(Problem(step.path, step.kind_line, "no answer leads to this page: link it from a question",
                                    "route"))
        elif name != START_PAGE and len(route.parents(name)) > 1:
            problems.append(Problem(step.path, step.kind_line,
                                    f"more than one page leads here ({', '.join(route.parents(name))}), so its "
                                    "Back link would not know where to go: give each its own page", "route"))
    return problems


def same_route_problems(english: Route, welsh: Route) -> list[Problem]:
    """The Welsh route asks the same questions in the same order, leading to the same pages."""
    problems = []
    for name, step in welsh.steps.items():
        twin = english.steps.get(name)
        if twin is None:
            continue  # the twins check reports a page with no twin
        if step.kind != twin.kind:
            problems.append(Problem(step.path, step.kind_line, f"the English page is `route: {twin.kind}`", "route"))
        ours, theirs = [a.target for a in step.answers], [a.target for a in twin.answers]
        if ours != theirs:
            line = step.answers[0].line if step.answers else step.kind_line
            problems.append(Problem(step.path, line, f"the answers lead to {', '.join(ours) or 'nothing'}; the English "
                                                     f"page's lead to {', '.join(theirs) or 'nothing'}, in that order"))
    return problems


def outside_problems(docs: Path) -> list[Problem]:
    """`route:` belongs only to the pages of the route."""
    return [
        Problem(path, page.line_of("route"), f"only the pages in {FOLDER}/ are part of the route", "route")
        for path in sorted(docs.rglob("*.md"))
        if not path.is_relative_to(docs / FOLDER) and "route" in (page := md.read_page(path)).front_matter
    ]


def check(english_docs: Path, welsh_docs: Path) -> list[Problem]:
    routes = {docs: read_route(docs) for docs in (english_docs, welsh_docs)}
    problems = [problem for route in routes.values()
                for problem in (*walk_problems(route), *(p for step in route.steps.values()
                                                         for p in step_problems(step, route)))]
    problems += same_route_problems(routes[english_docs], routes[welsh_docs])
    return problems + [problem for docs in routes for problem in outside_problems(docs)]


@dataclass(frozen=True)
class Links:
    """A page's Back and Start again addresses, from the site's root (the template makes
    them relative); the start page has neither."""
    back: str | None
    start: str | None


def page_address(name: str) -> str:
    return f"{FOLDER}/" if name == START_PAGE else f"{FOLDER}/{name.removesuffix('.md')}/"


def step_at(route: Route, src_uri: str) -> Step | None:
    """The step a page is, or None for a page outside the route."""
    folder, _, name = src_uri.rpartition("/")
    return route.steps.get(name) if folder == FOLDER else None


def links_for(route: Route, src_uri: str) -> Links | None:
    """None for a page outside the route."""
    step = step_at(route, src_uri)
    if step is None:
        return None
    if step.name == START_PAGE:
        return Links(None, None)
    back = route.back(step.name)
    return Links(page_address(back) if back else None, page_address(START_PAGE))


def is_answers_page(route: Route, src_uri: str) -> bool:
    step = step_at(route, src_uri)
    return bool(step and step.kind in (START, QUESTION) and step.answers)


def mark_answers(html: str) -> str:
    """Gives a question page's answers their look (route-finder.css): the check has made
    them the page's last list, with nothing after them but the sources (an <ol>)."""
    at = html.rfind("<ul>")
    return html if at < 0 else f'{html[:at]}<ul class="route-answers">{html[at + len("<ul>"):]}'

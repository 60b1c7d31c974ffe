"""Markdown mistakes that would render wrongly or leave a page incomplete: front
matter, headings, admonitions (`!!!` boxes), code fences and directory markers.
"""

from __future__ import annotations

import re
from pathlib import Path

from wales_site.content import markdown_page as md
from wales_site.content import route_finder
from wales_site.i18n import twins
from wales_site.problems import Problem

DESCRIPTION_LIMIT = 160
# Material for MkDocs' admonition types and their aliases.
ADMONITION_TYPES = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question help faq "
    "warning caution attention failure fail missing danger error bug example quote cite".split()
)
INDENT = 4
# Every page ends with where to get help: this section, linking 999, the
# Modern Slavery & Exploitation Helpline and at least one other page.
GET_HELP = {"en": "Get help", "cy": "Cael help"}
GET_HELP_LINKS = ("tel:999", "tel:+448000121700")


def front_matter_problems(page: md.MarkdownPage) -> list[Problem]:
    if page.front_matter_error or page.front_matter_refused:
        return []  # the front-matter check says why
    problems = []
    for key in ("title", "description"):
        value = page.front_matter.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(page.path, page.key_lines.get(key, 1),
                                    f"front matter needs `{key}:` with text"))
    description = page.front_matter.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_LIMIT:
        problems.append(Problem(page.path, page.line_of("description"),
                                f"description is {len(description)} characters: search engines cut it "
                                f"after {DESCRIPTION_LIMIT}, so shorten it"))
    return problems


def heading_problems(page: md.MarkdownPage) -> list[Problem]:
    found = md.headings(page)
    top = [h for h in found if h.level == 1]
    problems = []
    if not top:
        problems.append(Problem(page.path, 1, "the page has no `# Heading`: start the text with `# ` and the title"))
    for extra in top[1:]:
        problems.append(Problem(page.path, extra.line,
                                f"a second `# ` heading ({extra.text!r}): a page has one; use `## ` for sections"))
    title = page.front_matter.get("title")
    if top and isinstance(title, str) and top[0].text.strip() != title.strip():
        problems.append(Problem(page.path, top[0].line,
                                f"the `# ` heading {top[0].text!r} differs from the front-matter title {title!r}"))
    for previous, heading in zip(found, found[1:]):
        if heading.level > previous.level + 1:
            problems.append(Problem(page.path, heading.line,
                                    f"heading level jumps from {previous.level} to {heading.level} "
                                    f"({'#' * heading.level} {heading.text}): use {'#' * (previous.level + 1)}"))
    return problems


def indentation(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def admonition_problems(page: md.MarkdownPage) -> list[Problem]:
    problems = []
    lines = md.outside_code(page.body)
    numbers = [line.number for line in lines]
    for line in md.admonition_lines(page):
        match = md.ADMONITION.match(line.text)
        if not match:
            problems.append(Problem(page.path, line.number,
                                    'write a box as `!!! type "Title"` (a type such as note or warning, then '
                                    f"an optional title in double quotes): {line.text.strip()!r}"))
            continue
        if match.group(3) not in ADMONITION_TYPES:
            problems.append(Problem(page.path, line.number,
                                    f"unknown box type {match.group(3)!r}: use one of note, info, tip, warning, danger"))
        following = [other.text for other in lines[numbers.index(line.number) + 1:] if other.text.strip()]
        needed = len(match.group(1)) + INDENT
        if not following or indentation(following[0]) < needed or following[0].lstrip(" ").startswith("\t"):
            problems.append(Problem(page.path, line.number,
                                    f"the box has no text: indent the lines that belong in it by {needed} spaces"))
    return problems


def tab_problems(page: md.MarkdownPage) -> list[Problem]:
    return [Problem(page.path, line.number, "indent with spaces, not a tab: a tab can move text out of a list or box")
            for line in md.outside_code(page.body) if re.match(r"^ *\t", line.text)]


def brace_problems(page: md.MarkdownPage) -> list[Problem]:
    return [Problem(page.path, line.number,
                    "`{{` and `}}` are kept for directory markers, a line of their own written "
                    f"`{{{{ directory: name }}}}` (lower-case name): {line.text.strip()!r}")
            for line in md.stray_braces(page)]


def fence_problems(page: md.MarkdownPage) -> list[Problem]:
    opening = md.unclosed_fence(page.body)
    if opening is None:
        return []
    return [Problem(page.path, opening.number, "this code block is never closed: everything after it shows as code")]


def get_help_problems(page: md.MarkdownPage, lang: str) -> list[Problem]:
    # A question page of "Which route?" ends with its answers (content/route_finder.py);
    # the help strip above it carries 999 and the helpline, and its outcomes end with Get help.
    if page.front_matter.get("route") in (route_finder.START, route_finder.QUESTION):
        return []
    title = GET_HELP[lang]
    sections = [h for h in md.headings(page) if h.level == 2]
    if not sections or sections[-1].text != title:
        line = sections[-1].line if sections else 1
        return [Problem(page.path, line, f"the last section must be `## {title}`: end every page with where to get "
                                         f"help (999, the helpline {GET_HELP_LINKS[1][4:]} and a link to another page)")]
    targets = [target for number, target in md.link_targets(page) if number > sections[-1].line]
    missing = [link for link in GET_HELP_LINKS if link not in targets]
    if not any(md.is_internal(target) for target in targets):
        missing.append("a link to another page")
    if missing:
        return [Problem(page.path, sections[-1].line, f"`## {title}` must link to: {', '.join(missing)}")]
    return []


def check_page(path: Path, lang: str = "en") -> list[Problem]:
    page = md.read_page(path)
    return [
        *front_matter_problems(page), *heading_problems(page), *admonition_problems(page),
        *tab_problems(page), *brace_problems(page), *fence_problems(page), *get_help_problems(page, lang),
    ]


def check(docs_by_language: dict[str, Path]) -> list[Problem]:
    return [problem for lang, docs in docs_by_language.items() for page in sorted(twins.page_sources(docs))
            for problem in check_page(docs / page, lang)]

"""Every fact leads to its source: the checks on citations and the sources registry.

- `citation_problems` (build): malformed citations and unknown source ids,
  ill-formed `period`s, a page or entry whose review date is newer than the
  newest check of the sources it rests on, and current pages that still send
  readers to bodies that no longer do that job.
- `uncited_sources` (lint): sources in data/sources.yml that no page cites and
  no entry names.
- `unsourced_claims` (lint): a paragraph or list item that states a figure or
  a law and cites nothing.

Sources nobody has read for `extra.review.sources_months` are listed by
`make review` with the pages and entries due (review_dates.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from wales_site.content import history, markers
from wales_site.content import markdown_page as md
from wales_site.data import phone_numbers
from wales_site.data.models import DATASETS, Directory, Entry, Source, newest_check
from wales_site.editorial import markdown_lint
from wales_site.editorial.review_dates import PAGE_FIELD, parse_date
from wales_site.i18n import twins
from wales_site.problems import Problem

SOURCES_FILE = DATASETS["sources"].file_name

# Instructions that were right in 2013 and are wrong today: a current page must not give them.
UKHTC = r"(?:the UK Human Trafficking Centre|UKHTC|Ganolfan Masnachu Pobl y DU|Canolfan Masnachu Pobl y DU)"
OUTDATED = (
    (re.compile(r"\brefer\w*\b[^.]*\b(?:to|with|through) " + UKHTC + r"|\batgyfeiri\w*[^.]*\b(?:i|at|drwy) " + UKHTC
                + r"|" + UKHTC + r"[^.]*\b(?:decides|makes the decision|sy'n penderfynu|yn penderfynu)\b",
                re.IGNORECASE),
     "the UK Human Trafficking Centre no longer takes referrals or decides cases: today a First Responder refers "
     "through the Home Office's online form and the Single Competent Authority decides. Say this, or move the "
     "sentence to a history page (front matter `period:`)"),
)

# A figure: an amount of something in the world (479 referrals, 30 days, 25%, £36 million,
# 200 languages), in either language; not a phone number, a key to press or a year.
UNITS_EN = (r"referrals?|people|persons?|victims?|survivors?|children|adults|cases|crimes?|offences?|days?|"
            r"working days|weeks?|months?|years?|hours?|languages?|organisations?|councils?|local authorities|"
            r"authorities|forces?|per ?cent|million|billion|fora|forums?|groups?|staff|officers?")
UNITS_CY = (r"atgyfeiri\w*|o bobl|pobl|dioddefwyr|goroeswyr|plant|oedolion|achos\w*|troseddau|diwrnod\w*|"
            r"wythnos\w*|mis|misoedd|mlynedd|blynedd\w*|awr|oriau|iaith|ieithoedd|sefydliad\w*|cyngor|cynghorau|"
            r"awdurdod\w*|heddlu\w*|y cant|miliwn|biliwn|fforwm\w*|grŵp|grwpiau|staff|swyddog\w*")
FIGURE = re.compile(r"£\s?\d|\d\s?%|\b\d[\d,.]*\s+(?:o\s+|of\s+|more\s+|extra\s+)?(?:" + UNITS_EN + "|" + UNITS_CY
                    + r")\b", re.IGNORECASE)
# Pages about this website itself (how we run it, accessibility, privacy): their figures are our own.
ABOUT_THE_SITE = ("about/index.md", "about/accessibility.md", "about/privacy.md", "about/cymraeg.md", "open-data.md")
# A law: an Act with its year, or a section of one.
LAW = re.compile(r"\bAct \d{4}\b|\bDeddf [^.]*\d{4}\b|\b(?:section|adran) \d+|\bs\.\s?\d+")
GET_HELP = set(markdown_lint.GET_HELP.values())


@dataclass(frozen=True)
class PageSources:
    path: Path
    page: md.MarkdownPage
    cites: tuple[markers.Cite, ...]
    syntax_problems: tuple[tuple[int, str], ...]

    @property
    def ids(self) -> set[str]:
        return {source_id for cite in self.cites for source_id in cite.ids}


def read(path: Path) -> PageSources:
    page = md.read_page(path)
    cites, problems = markers.find_cites("\n".join(line.text for line in page.body))
    # find_cites counts from the body's first line; give the file's own line numbers.
    offset = page.body[0].number - 1 if page.body else 0
    return PageSources(path, page, tuple(markers.Cite(c.line + offset, c.ids) for c in cites),
                       tuple((line + offset, message) for line, message in problems))


def pages(docs_dirs: list[Path]) -> list[PageSources]:
    return [read(docs / relative) for docs in docs_dirs for relative in sorted(twins.page_sources(docs))]


def review_date_problem(path, line: int, field: str, reviewed, newest: dt.date | None) -> list[Problem]:
    try:
        day = parse_date(reviewed)
    except ValueError:
        return []  # the dates check reports it
    if newest is None or day <= newest:
        return []
    return [Problem(path, line, f"{day.isoformat()} is after the newest check of its sources ({newest.isoformat()}): "
                                f"read the sources again and update their `checked` in data/{SOURCES_FILE}, "
                                "or write the date the facts were really checked", field)]


def outdated_problems(found: PageSources) -> list[Problem]:
    if history.is_history(found.page.front_matter):
        return []
    return [
        Problem(found.path, line.number, message)
        for line in found.page.content
        for pattern, message in OUTDATED
        if pattern.search(line.text)
    ]


def page_problems(found: PageSources, known: Mapping[str, Source] | None, today: dt.date) -> list[Problem]:
    problems = [Problem(found.path, line, message) for line, message in found.syntax_problems]
    for cite in found.cites:
        unknown = [s for s in cite.ids if known is not None and s not in known]
        if unknown:
            problems.append(Problem(found.path, cite.line, f"unknown source {', '.join(unknown)}: use an id from "
                                                           f"data/{SOURCES_FILE}", "cite"))
    front = found.page.front_matter
    problems += history.period_problems(front, found.path, found.page.line_of("period"), today.year)
    if known is not None and front.get(PAGE_FIELD) and found.ids <= known.keys():
        problems += review_date_problem(found.path, found.page.line_of(PAGE_FIELD), PAGE_FIELD, front[PAGE_FIELD],
                                        newest_check(known, found.ids))
    return problems + outdated_problems(found)


def entry_problems(directory: Directory) -> list[Problem]:
    problems = []
    for name, entries in directory.entries.items():
        for entry_id, entry in entries.items():
            if isinstance(entry, Entry):
                file, line = directory.locations[(name, entry_id)]
                problems += review_date_problem(file, line, f"{entry_id}: last_verified", entry.last_verified,
                                                newest_check(directory["sources"], entry.sources))
    return problems


def citation_problems(docs_dirs: list[Path], directory: Directory | None, sources: Mapping[str, Source] | None,
                      today: dt.date) -> list[Problem]:
    """Every page's citations against the registry (when it loads), and every entry's review date
    against its sources (when all the data loads)."""
    problems = [p for found in pages(docs_dirs) for p in page_problems(found, sources, today)]
    return problems + (entry_problems(directory) if directory else [])


def uncited_sources(docs_dirs: list[Path], directory: Directory) -> list[Problem]:
    used = {s for found in pages(docs_dirs) for s in found.ids}
    used |= {s for entries in directory.entries.values() for e in entries.values() if isinstance(e, Entry)
             for s in e.sources}
    return [
        Problem(*directory.locations[("sources", source_id)],
                "no page cites this source and no entry names it: cite it where its facts are, or remove it",
                source_id)
        for source_id in directory["sources"] if source_id not in used
    ]


def claims(found: PageSources) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph or list item that states a figure or a law, outside Get help."""
    blocks, current, section = [], [], ""
    for line in found.page.content:
        heading = md.HEADING.match(line.text)
        starts_item = md.LIST_ITEM.match(line.text)
        if heading or not line.text.strip() or starts_item:
            if current:
                blocks.append((section, current))
            current = []
        if heading:
            section = heading.group(2).strip()
            continue
        if line.text.strip() and not markers.is_marker(line.text):
            current.append(line)
    if current:
        blocks.append((section, current))
    found_claims = []
    for section, lines in blocks:
        text = " ".join([md.LIST_ITEM.sub("", lines[0].text, count=1)] + [line.text for line in lines[1:]])
        if section in GET_HELP or markers.CITE.search(text):
            continue
        visible = phone_numbers.without_numbers(md.plain_words(text))
        if FIGURE.search(visible) or LAW.search(visible):
            found_claims.append((lines[0].number, text))
    return found_claims


def about_the_site(path: Path, docs_dirs: list[Path]) -> bool:
    return any(path == docs / page for docs in docs_dirs for page in ABOUT_THE_SITE)


def unsourced_claims(docs_dirs: list[Path]) -> list[Problem]:
    return [
        Problem(found.path, line, "this states a figure or a law but cites no source: add {{ cite: SOURCE-ID }} "
                                  "after the sentence")
        for found in pages(docs_dirs) if not about_the_site(found.path, docs_dirs)
        for line, _text in claims(found)
    ]

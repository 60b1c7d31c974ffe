"""The one marker grammar, `{{ KIND: VALUE }}`, the same in both languages.

A directory marker is a line of its own:

    {{ directory: helplines }}
    {{ directory: helplines | only: nspcc, childline }}

where NAME is one of MARKER_NAMES and `only` keeps the entries with those ids,
in that order (not for the open-data list, the print materials or the
language card, shown whole). The build places the directory there (wales_site/rendering).

A citation marker follows the sentence it supports, in running text:

    The decision should come within 5 working days. {{ cite: home-office-child-decision-pilot }}
    {{ cite: id-one, id-two }}

naming ids from data/sources.yml; the build numbers them and lists the sources
at the page's foot (wales_site/rendering/citations.py).

The checks (`markers` and `sources` in wales_site/checks/registry.py) report
every marker that is malformed, unknown or names ids the data does not have,
as file:line. Fenced code and inline code are never read as markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from wales_site.data.models import DATASETS, Directory
from wales_site.problems import Problem

OPEN_DATA = "open-data"
# The print materials, made from the data (wales_site/rendering/print_materials.py).
SIGNS_POSTER, CONTACT_CARD, REFERRAL_ROUTES = "signs-poster", "contact-card", "referral-routes"
PRINT_MATERIALS = (SIGNS_POSTER, CONTACT_CARD, REFERRAL_ROUTES)
# The "Point to your language" card (wales_site/rendering/language_card.py).
LANGUAGE_CARD = "language-card"
# Markers that show something whole, not entries: `only` has nothing to choose from.
WHOLE = (OPEN_DATA, *PRINT_MATERIALS, LANGUAGE_CARD)
MARKER_NAMES = (*DATASETS, *WHOLE)
MARKER_SYNTAX = "{{ directory: NAME }}"
LOOKS_LIKE_MARKER = re.compile(r"^\s*\{\{\s*directory\b")
IDS = r"[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*"
CITE = re.compile(r"\{\{\s*cite\s*:\s*(?P<ids>" + IDS + r")\s*\}\}")
CITE_SYNTAX = "{{ cite: SOURCE-ID }}"
LOOKS_LIKE_CITE = re.compile(r"\{\{\s*cite\b[^}]*\}?\}?")
INLINE_CODE = re.compile(r"(`+).+?\1")
MARKER = re.compile(
    r"^\{\{\s*directory\s*:\s*(?P<name>[a-z-]+)\s*(?:\|\s*only\s*:\s*(?P<only>" + IDS + r")\s*)?\}\}\s*$"
)
FENCE = re.compile(r"^\s*(```|~~~)")
# A Markdown heading (## Title), or one written in HTML (<h2>Title</h2>).
HEADING = re.compile(r"^(?:(?P<hashes>#{1,6})\s|<h(?P<level>[1-6])[\s>])")


@dataclass(frozen=True)
class Marker:
    line: int  # 1-based, in the text it was found in
    name: str
    only: tuple[str, ...]
    heading_level: int  # for its entries: one below the heading above it


def code_flags(lines: Iterable[str]) -> Iterator[tuple[int, str, bool]]:
    """Each line (numbered from 1) and whether it is fenced code, where no marker is read."""
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        yield number, line, in_fence


def find_markers(text: str) -> tuple[list[Marker], list[tuple[int, str]]]:
    """The markers in a page, and (line, message) for every line that is almost one."""
    markers, problems = [], []
    level = 1
    for number, line, in_code in code_flags(text.splitlines()):
        if in_code:
            continue
        if heading := HEADING.match(line):
            level = len(heading["hashes"]) if heading["hashes"] else int(heading["level"])
        if not LOOKS_LIKE_MARKER.match(line):
            continue
        match = MARKER.match(line)
        if line[:1].isspace():
            problems.append((number, f"a directory marker must start at the beginning of the line: {line.strip()}"))
        elif not match:
            problems.append((number, f"malformed directory marker {line.strip()!r}: write it as {MARKER_SYNTAX}"))
        elif match["name"] not in MARKER_NAMES:
            problems.append((number, f'unknown directory "{match["name"]}": use one of {", ".join(MARKER_NAMES)}'))
        else:
            only = split_ids(match["only"] or "")
            markers.append(Marker(number, match["name"], only, min(level + 1, 6)))
    return markers, problems


def marker_problems(text: str, file_name: str, directory: Directory | None) -> list[Problem]:
    """Every problem with the markers of one page; ids after `only` are checked when the data loaded."""
    return problems_of(*find_markers(text), file_name, directory)


def problems_of(markers: list[Marker], syntax_problems: list[tuple[int, str]], file_name: str,
                directory: Directory | None) -> list[Problem]:
    found = [Problem(file_name, line, message) for line, message in syntax_problems]
    for marker in markers:
        known = directory[marker.name] if directory and marker.name in DATASETS else None
        unknown = [entry_id for entry_id in marker.only if known is not None and entry_id not in known]
        if unknown:
            found.append(Problem(file_name, marker.line, f'"only" names ids that are not in '
                                                             f'data/{marker.name}.yml: {", ".join(unknown)}'))
        if marker.only and marker.name in WHOLE:
            found.append(Problem(file_name, marker.line, f'"only" cannot be used with {marker.name}'))
    return found


def is_marker(line: str) -> bool:
    """A well-formed marker line (its name not yet checked)."""
    return bool(MARKER.match(line))


def looks_like_marker(line: str) -> bool:
    """A line the markers check reports when it is not a well-formed marker."""
    return bool(LOOKS_LIKE_MARKER.match(line))


@dataclass(frozen=True)
class Cite:
    line: int  # 1-based
    ids: tuple[str, ...]


def split_ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def find_cites(text: str) -> tuple[list[Cite], list[tuple[int, str]]]:
    """The citation markers in a page, and (line, message) for every one that is malformed."""
    cites, problems = [], []
    for number, line, in_code in code_flags(text.splitlines()):
        if in_code:
            continue
        line = INLINE_CODE.sub("", line)
        for match in LOOKS_LIKE_CITE.finditer(line):
            well_formed = CITE.fullmatch(match.group())
            if well_formed:
                cites.append(Cite(number, split_ids(well_formed["ids"])))
            else:
                problems.append((number, f"malformed citation {match.group()!r}: write it as {CITE_SYNTAX}, "
                                         "with ids from data/sources.yml separated by commas"))
    return cites, problems


def without_cites(line: str) -> str:
    """A line without anything that is or looks like a citation marker (the sources check reports those)."""
    return LOOKS_LIKE_CITE.sub("", line)

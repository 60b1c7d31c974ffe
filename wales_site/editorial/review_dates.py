"""Review dates: every page says when it was last reviewed (`last_reviewed`) and
every data entry when its details were last checked (`last_verified`).

How long each may go before it is checked again is set in one place, `extra.review`
in mkdocs.yml. A missing, malformed or future date is an error; content past its
review date is reported (`make review`) but still published.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from wales_site.data import yaml_fields
from wales_site.data.models import DATASETS
from wales_site.content import markdown_page as md
from wales_site.i18n import twins
from wales_site.problems import Problem

PAGE_FIELD = "last_reviewed"
DATA_FIELD = "last_verified"
# data/sources.yml records when an editor last read each source.
SOURCE_FIELD = "checked"
SOURCES_FILE = DATASETS["sources"].file_name
# A date written "today" by an editor in the UK can be tomorrow in UTC, where CI runs.
CLOCK_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class ReviewPolicy:
    pages_months: int
    data_months: int
    due_soon_days: int
    sources_months: int = 12

    @classmethod
    def from_extra(cls, extra: dict) -> ReviewPolicy:
        settings = (extra or {}).get("review")
        if not isinstance(settings, dict):
            raise ValueError("mkdocs.yml: extra.review is missing (pages_months, data_months, due_soon_days)")
        try:
            return cls(*(int(settings[name]) for name in ("pages_months", "data_months", "due_soon_days")),
                       sources_months=int(settings.get("sources_months", cls.sources_months)))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"mkdocs.yml: extra.review needs whole numbers for pages_months, "
                             f"data_months and due_soon_days ({error})") from error


@dataclass(frozen=True)
class Dated:
    path: Path
    line: int
    kind: str  # "page", "data" or "source"
    checked: dt.date
    due: dt.date


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_date(value) -> dt.date:
    """A date written YYYY-MM-DD. Raises ValueError with words an editor can act on."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD, e.g. 2026-11-29") from None


def check_date(path: Path, line: int, field: str, value, today: dt.date) -> tuple[dt.date | None, list[Problem]]:
    if value is None or str(value).strip() == "":
        return None, [Problem(path, line, f"`{field}` is missing: add `{field}: {today.isoformat()}` "
                                          "once you have checked the content")]
    try:
        day = parse_date(value)
    except ValueError as error:
        return None, [Problem(path, line, f"`{field}`: {error}")]
    if day > today + CLOCK_SLACK:
        return None, [Problem(path, line, f"`{field}` is {day.isoformat()}, in the future: "
                                          "write the date the content was actually checked")]
    return day, []


def page_dates(docs_dirs: list[Path], policy: ReviewPolicy, today: dt.date) -> tuple[list[Dated], list[Problem]]:
    dated, problems = [], []
    for docs in docs_dirs:
        for relative in sorted(twins.page_sources(docs)):
            page = md.read_page(docs / relative)
            if page.front_matter_refused:
                continue  # the front-matter check says why
            line = page.key_lines.get(PAGE_FIELD, 1)
            day, found = check_date(page.path, line, PAGE_FIELD, page.front_matter.get(PAGE_FIELD), today)
            problems += found
            if day:
                dated.append(Dated(page.path, line, "page", day, add_months(day, policy.pages_months)))
    return dated, problems


def data_dates(data_dir: Path, policy: ReviewPolicy, today: dt.date) -> tuple[list[Dated], list[Problem]]:
    dated, problems = [], []
    for path in yaml_fields.data_files(data_dir):
        try:
            root = yaml_fields.compose(path)
        except yaml_fields.DataFileError as error:
            problems.append(error.problem)
            continue
        is_sources = path.name == SOURCES_FILE
        name, kind = (SOURCE_FIELD, "source") if is_sources else (DATA_FIELD, "data")
        months = policy.sources_months if is_sources else policy.data_months
        for field in yaml_fields.scalar_fields(path, root, (name,)):
            day, found = check_date(path, field.line, name, field.value, today)
            problems += found
            if day:
                dated.append(Dated(path, field.line, kind, day, add_months(day, months)))
        problems += [
            Problem(path, line, f"this entry has no `{name}` date, unlike the others in its list: add "
                                f"`{name}: YYYY-MM-DD` with the date it was checked")
            for line in yaml_fields.entries_missing(root, name)
        ]
    return dated, problems


def collect(docs_dirs: list[Path], data_dir: Path, policy: ReviewPolicy,
            today: dt.date) -> tuple[list[Dated], list[Problem]]:
    pages, page_problems = page_dates(docs_dirs, policy, today)
    data, data_problems = data_dates(data_dir, policy, today)
    return pages + data, page_problems + data_problems


def status(item: Dated, policy: ReviewPolicy, today: dt.date) -> str | None:
    if item.due < today:
        return "overdue"
    if item.due <= today + dt.timedelta(days=policy.due_soon_days):
        return "due soon"
    return None


def due(items: list[Dated], policy: ReviewPolicy, today: dt.date) -> list[tuple[str, Dated]]:
    """Items overdue or due within the policy's notice period, most urgent first."""
    return sorted(
        ((state, item) for item in items if (state := status(item, policy, today))),
        key=lambda pair: (pair[1].due, str(pair[1].path), pair[1].line),
    )


def overdue_warnings(items: list[Dated], policy: ReviewPolicy, today: dt.date) -> list[Problem]:
    return [
        Problem(item.path, item.line, f"review overdue since {item.due.isoformat()} "
                                      f"(last checked {item.checked.isoformat()})", warning=True)
        for state, item in due(items, policy, today) if state == "overdue"
    ]


def table(rows: list[tuple[str, Dated]], markdown: bool = False) -> str:
    header = ("Status", "Due", "Last checked", "What", "Where")
    body = [(state, item.due.isoformat(), item.checked.isoformat(), item.kind, f"{item.path}:{item.line}")
            for state, item in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])
    widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
                     for row in [header, *body])


def report(items: list[Dated], policy: ReviewPolicy, today: dt.date, markdown: bool = False) -> str:
    rows = due(items, policy, today)
    if not rows:
        return (f"Nothing is overdue or due for review in the next {policy.due_soon_days} days "
                f"({len(items)} dates checked).")
    intro = (f"Overdue, or due for review within {policy.due_soon_days} days (pages every "
             f"{policy.pages_months} months, data entries every {policy.data_months} months, sources every "
             f"{policy.sources_months} months):")
    return intro + "\n\n" + table(rows, markdown)


"""History pages: a page whose front matter has `period` records those years, not today.

    period: 2011-2013      (or a single year: period: 2013)

Every history page shows, above its title, which years it records
(overrides/main.html, with `period_note`). The checks
that hold current pages to today's facts (e.g. no referrals to the UK Human
Trafficking Centre) leave history pages out.
"""

from __future__ import annotations

import re
from typing import Mapping

from wales_site.problems import Problem

PERIOD = re.compile(r"^(?P<start>\d{4})(?:-(?P<end>\d{4}))?$")


def is_history(front_matter: Mapping) -> bool:
    return "period" in front_matter


def period_years(value) -> tuple[int, int] | None:
    """(first year, last year) of a well-formed period, else None."""
    match = PERIOD.match(str(value).strip())
    if not match:
        return None
    start, end = int(match["start"]), int(match["end"] or match["start"])
    return (start, end) if start <= end else None


def period_note(value, words: Mapping[str, str]) -> str:
    """"History: a record of 2011 to 2013", in the page's language."""
    years = period_years(value)
    if years is None:
        return ""  # the history check has already stopped the build
    start, end = years
    if start == end:
        return words["history.period_single"].format(year=start)
    return words["history.period_range"].format(start=start, end=end)


def period_problems(front_matter: Mapping, file_name: str, line: int | None, today_year: int) -> list[Problem]:
    if not is_history(front_matter):
        return []
    years = period_years(front_matter["period"])
    if years is None:
        return [Problem(file_name, line, f'"{front_matter["period"]}" is not a period: write the years the page '
                                         "records, like 2013 or 2011-2013", "period")]
    if years[1] >= today_year:
        return [Problem(file_name, line, f"a history page records past years: {years[1]} is not past", "period")]
    return []

"""The one problem type every check reports: something an editor can find by file and line.

Written `file:line: field: message` (the field only where a data file has one).
The build, `make lint`, the tests and CI all report these, in the forms of
wales_site/checks/report.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str | Path
    line: int | None
    message: str
    # Where in a data file: helplines[3].contact.phone.
    field: str = ""
    # A warning is reported but does not fail the build or `make lint`.
    warning: bool = False

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else f"{self.file}"

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.where}: {'warning: ' if self.warning else ''}{field}{self.message}"

    def sort_key(self) -> tuple:
        return (str(self.file), self.line or 0, self.field, self.message)


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if not problem.warning]


def in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)

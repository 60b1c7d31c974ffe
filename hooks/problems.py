"""What every editorial check returns: a problem an editor can find by file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    message: str
    # A warning is reported but does not fail the build or `make lint`.
    warning: bool = False

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else f"{self.path}"

    def __str__(self) -> str:
        return f"{self.where}: {'warning: ' if self.warning else ''}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if not problem.warning]


"""Runs the registered checks of the stages asked for, every one of them, and
returns every problem found: one failing check never hides another's, but for
a gate (the `files` check), whose errors mean the files are not safe to read."""

from __future__ import annotations

import datetime as dt
import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from wales_site.checks.registry import BUILD, CHECKS
from wales_site.problems import Problem, errors, in_order
from wales_site.project import Project

log = logging.getLogger("mkdocs.wales_site.checks")


def run(project: Project, today: dt.date, stages: tuple[str, ...]) -> list[Problem]:
    problems = []
    with project.inside():
        for check in CHECKS:
            if check.stage in stages:
                found = check.run(project, today)
                problems += found
                if check.gate and errors(found):
                    break
    # A file that cannot be read is named by each check that reads it: once is enough.
    return in_order(list({str(problem): problem for problem in problems}.values()))


class ChecksFailed(PluginError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            f"Nothing was built: fix {len(problems)} problem(s) (CONTRIBUTING.md says how).\n"
            + "\n".join(f"  {problem}" for problem in problems)
        )


def check_before_build(config: MkDocsConfig) -> None:
    """The build-stage checks of both languages, before site/ is touched: a failed
    check leaves the last good build in place. Warnings are printed, not fatal."""
    try:
        project = Project.from_config(config)
    except ValueError as error:
        raise PluginError(str(error)) from error
    stop_on_errors(run(project, dt.date.today(), (BUILD,)))


def stop_on_errors(problems: list[Problem]) -> None:
    """Prints the warnings; fails the build, listing every error, if there is one."""
    for warning in (problem for problem in problems if problem.warning):
        log.info(str(warning))
    found = errors(problems)
    if found:
        raise ChecksFailed(in_order(found))

"""The checks' problems in each form a reader meets them: the terminal, GitHub's
annotations on a pull request's lines, and the job summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import copy_project
from test_lint_command import edit, editorial, line_of
from wales_site.checks import registry, report
from wales_site.editorial.review_dates import Dated
from wales_site.editorial.translation_status import PairStatus
from wales_site.problems import Problem

PHONE = Problem("data/helplines.yml", 52, '"0800 12" is not a valid UK phone number', "helplines[2].contact.phone")
STALE = Problem(Path("docs-cy/index.md"), None, "translation out of date: run `make translated PAGE=index.md`",
                warning=True)


def test_terminal_lines_are_file_line_field_message_errors_first():
    text = report.terminal([STALE, PHONE])
    assert text.splitlines()[:2] == [
        'data/helplines.yml:52: helplines[2].contact.phone: "0800 12" is not a valid UK phone number',
        "docs-cy/index.md: warning: translation out of date: run `make translated PAGE=index.md`",
    ]
    assert "1 error(s), 1 warning(s)" in text


def test_github_annotations_name_the_file_and_line_and_escape_the_message():
    tricky = Problem("docs/a,b.md", 3, "100% wrong\nsecond line")
    assert report.github_annotations([PHONE, STALE, tricky]).splitlines() == [
        '::error file=data/helplines.yml,line=52::helplines[2].contact.phone: "0800 12" is not a valid UK phone number',
        "::warning file=docs-cy/index.md::translation out of date: run `make translated PAGE=index.md`",
        "::error file=docs/a%2Cb.md,line=3::100%25 wrong%0Asecond line",
    ]


def test_step_summary_lists_problems_translations_and_reviews_due():
    due = Dated(Path("docs/index.md"), 4, "page", dt.date(2025, 11, 1), dt.date(2026, 11, 1))
    summary = report.step_summary(
        [PHONE, STALE],
        [PairStatus(Path("index.md"), "out of date", "run make translated"), PairStatus(Path("a.md"), "up to date")],
        [("overdue", due)],
    )
    assert "## Checks: 1 error(s), 1 warning(s)" in summary
    assert '| **error** | `data/helplines.yml:52` | helplines[2].contact.phone: "0800 12" is not' in summary
    assert "1 out of date, 1 up to date" in summary
    assert "| `index.md` | out of date | run make translated |" in summary
    assert "| overdue | `docs/index.md:4` | 2026-11-01 |" in summary


def test_every_registered_check_has_a_stage_and_a_unique_name():
    names = [check.name for check in registry.CHECKS]
    assert len(names) == len(set(names))
    assert {check.stage for check in registry.CHECKS} == set(registry.STAGES)


def test_lint_in_github_actions_annotates_and_writes_the_job_summary(tmp_path):
    root = copy_project(tmp_path / "project")
    edit(root / "data/helplines.yml", 'phone: "08000 121 700"', 'phone: "0800 12"')
    line = line_of(root / "data/helplines.yml", '"0800 12"')
    summary = tmp_path / "summary.md"
    result = editorial(root, "lint", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    assert f"::error file=data/helplines.yml,line={line}::helplines[2].contact.phone:" in result.stdout
    written = summary.read_text(encoding="utf-8")
    assert "## Checks: 1 error(s)" in written and "## Welsh translations" in written and "## Review dates" in written


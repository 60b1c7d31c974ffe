"""Every page and data entry carries a real review date; `make review` lists what is due."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from wales_site.project import Project
from wales_site.editorial import review_dates as rd

POLICY = rd.ReviewPolicy(pages_months=12, data_months=6, due_soon_days=30)
TODAY = dt.date(2026, 11, 29)

HELPLINES = """\
# A data file laid out as the data engineer might: a list of entries.
helplines:
  - name:
      en: Modern Slavery & Exploitation Helpline
      cy: Llinell Gymorth Caethwasiaeth Fodern a Chamfanteisio
    last_verified: {first}
  - name:
      en: Crimestoppers
      cy: Crimestoppers
    last_verified: {second}
  - name:
      en: Childline
      cy: Childline
"""


def write_page(folder: Path, name: str, front: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: A page\ndescription: About it.\n{front}---\n\n# A page\n", encoding="utf-8")
    return path


def test_review_periods_come_from_mkdocs_yml():
    assert Project.load(ROOT).policy == POLICY


def test_the_real_site_has_a_valid_date_on_every_page_and_entry():
    project = Project.load(ROOT)
    with project.inside():
        dated, problems = rd.collect(project.docs_dirs, project.data_dir, project.policy, dt.date.today())
    assert problems == []
    sources = [page for docs in ("docs", "docs-cy") for page in (ROOT / docs).rglob("*.md")]
    assert len([item for item in dated if item.kind == "page"]) == len(sources)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("", "`last_reviewed` is missing"),
        ("last_reviewed:\n", "`last_reviewed` is missing"),
        ("last_reviewed: 29/11/2026\n", "'29/11/2026' is not a date written YYYY-MM-DD"),
        ("last_reviewed: 2026-02-30\n", "'2026-02-30' is not a date written YYYY-MM-DD"),
        ("last_reviewed: 2027-01-01\n", "`last_reviewed` is 2027-01-01, in the future"),
    ],
)
def test_a_missing_malformed_or_future_page_date_is_an_error_with_its_line(tmp_path, front, expected):
    path = write_page(tmp_path / "docs", "page.md", front)
    _, problems = rd.page_dates([tmp_path / "docs"], POLICY, TODAY)
    [problem] = problems
    assert expected in problem.message and not problem.warning
    assert problem.file == path
    assert problem.line == (4 if front else 1)


def test_tomorrow_is_allowed_for_editors_ahead_of_utc(tmp_path):
    write_page(tmp_path / "docs", "page.md", "last_reviewed: 2026-11-30\n")
    assert rd.page_dates([tmp_path / "docs"], POLICY, TODAY)[1] == []


def test_pages_fall_due_after_twelve_months(tmp_path):
    write_page(tmp_path / "docs", "old.md", "last_reviewed: 2025-11-01\n")
    write_page(tmp_path / "docs", "soon.md", "last_reviewed: 2025-12-20\n")
    write_page(tmp_path / "docs", "fresh.md", "last_reviewed: 2026-06-01\n")
    dated, problems = rd.page_dates([tmp_path / "docs"], POLICY, TODAY)
    assert problems == []
    due = {item.path.name: state for state, item in rd.due(dated, POLICY, TODAY)}
    assert due == {"old.md": "overdue", "soon.md": "due soon"}


def test_data_entries_fall_due_after_six_months_and_each_needs_a_date(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "helplines.yml").write_text(HELPLINES.format(first="2026-05-01", second="2026-11-01"))
    dated, problems = rd.data_dates(data, POLICY, TODAY)
    assert [(p.line, "no `last_verified` date" in p.message) for p in problems] == [(11, True)]
    assert [(item.line, item.due) for item in dated] == [(6, dt.date(2026, 11, 1)), (10, dt.date(2027, 5, 1))]
    assert [(state, item.line) for state, item in rd.due(dated, POLICY, TODAY)] == [("overdue", 6)]


def test_a_future_or_malformed_data_date_is_an_error_with_its_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "helplines.yml").write_text(HELPLINES.format(first="2027-05-01", second="1 May 2026"))
    _, problems = rd.data_dates(data, POLICY, TODAY)
    messages = {p.line: p.message for p in problems}
    assert "in the future" in messages[6]
    assert "not a date written YYYY-MM-DD" in messages[10]


def test_a_data_file_that_is_not_valid_yaml_is_reported_with_its_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "broken.yml").write_text("helplines:\n  - name: [unclosed\n    last_verified: 2026-01-01\n")
    [problem] = rd.data_dates(data, POLICY, TODAY)[1]
    assert problem.file.name == "broken.yml" and problem.line and "not valid YAML" in problem.message


def test_report_is_a_table_with_file_and_line(tmp_path):
    write_page(tmp_path / "docs", "old.md", "last_reviewed: 2025-11-01\n")
    dated, _ = rd.page_dates([tmp_path / "docs"], POLICY, TODAY)
    lines = rd.report(dated, POLICY, TODAY).splitlines()
    assert lines[2].split() == ["Status", "Due", "Last", "checked", "What", "Where"]
    assert lines[3].split() == ["overdue", "2026-11-01", "2025-11-01", "page", f"{tmp_path}/docs/old.md:4"]
    assert "Nothing is overdue" in rd.report([], POLICY, TODAY)


@pytest.mark.parametrize(("start", "months", "end"), [
    (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)), (dt.date(2026, 11, 29), 12, dt.date(2027, 11, 29)),
])
def test_add_months(start, months, end):
    assert rd.add_months(start, months) == end


def set_dates(root: Path, date: str) -> None:
    """Every review date in a copy of the project set to one date, so tests do not age with the content."""
    for path in [*root.glob("docs*/**/*.md"), *root.glob("data/*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^(\s*(?:- )?(?:last_reviewed|last_verified|checked):).*$", rf"\1 {date}", text, flags=re.M),
                        encoding="utf-8")


def run_review(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wales_site", "review", *args],
                          capture_output=True, text=True, cwd=root)


def test_make_review_writes_an_issue_body_only_when_something_is_due(tmp_path):
    root = copy_project(tmp_path / "project")
    set_dates(root, "2026-11-29")
    report = tmp_path / "report.md"
    result = run_review(root, "--today", "2026-12-01", "--markdown", str(report))
    assert result.returncode == 0 and "Nothing is overdue" in result.stdout
    assert not report.exists()
    result = run_review(root, "--today", "2027-11-15", "--markdown", str(report))
    assert result.returncode == 0
    assert "due soon" in result.stdout and "docs-cy/index.md:4" in result.stdout
    assert "| due soon | 2027-11-29 | 2026-11-29 | page | docs/index.md:4 |" in report.read_text()


# That the build stops on a future date is asserted with the other errors it stops on, in
# test_lint_command.py's test_make_lint_reports_every_error_the_build_stops_on_all_at_once.

"""`make lint` and the editors' commands, run as an editor runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project, edit, run_build


def editorial(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wales_site", *args],
                          capture_output=True, text=True, cwd=root, timeout=120, env={**os.environ, **(env or {})})


def test_make_lint_passes_on_the_real_site():
    # Run as on an editor's machine, outside GitHub Actions: there it writes no
    # annotations (test_check_reports.py runs it as in GitHub Actions).
    result = editorial(ROOT, "lint", env={"GITHUB_ACTIONS": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "make lint: 0 error(s)" in result.stdout
    assert "::error" not in result.stdout and "::warning" not in result.stdout


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_make_lint_fails_naming_file_and_line_of_each_mistake(tmp_path):
    root = copy_project(tmp_path / "project")
    edit(root / "docs-cy/spot-the-signs.md", "## Arwyddion mewn plentyn { #signs-child }\n", "")
    edit(root / "docs/report-a-concern.md", "Tell someone.", "Tell somone.")
    edit(root / "docs-cy/index.md", "help ar gael", "help ar gaeel")
    edit(root / "docs/index.md", "# Wales Against Human Trafficking", "## Wales Against Human Trafficking")
    edit(root / "docs-cy/index.md", "# Cymru yn Erbyn Masnachu Pobl", "## Cymru yn Erbyn Masnachu Pobl")
    (root / "docs/what-is-human-trafficking.md").write_text(
        (root / "docs/what-is-human-trafficking.md").read_text().replace(
            "last_reviewed: ", "last_reviewed: 2099-01-01\nold_last_reviewed: ", 1))
    edit(root / ".github/workflows/ci.yml", "actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # v5.1.0",
         "actions/checkout@v2")

    result = editorial(root, "lint")
    assert result.returncode == 1
    out = result.stdout
    assert "docs-cy/spot-the-signs.md: does not match docs/spot-the-signs.md: headings differ" in out
    assert f"docs/report-a-concern.md:{line_of(root / 'docs/report-a-concern.md', 'somone')}: " \
           "unknown English word 'somone'" in out
    assert f"docs-cy/index.md:{line_of(root / 'docs-cy/index.md', 'gaeel')}: unknown Welsh word 'gaeel'" in out
    assert "docs/index.md:1: the page has no `# Heading`" in out
    assert "docs/what-is-human-trafficking.md:4: `last_reviewed` is 2099-01-01, in the future" in out
    assert f".github/workflows/ci.yml:{line_of(root / '.github/workflows/ci.yml', 'checkout@v2')}:" in out
    # Changed English pages make their Welsh twins out of date: reported, not failed.
    assert "docs-cy/report-a-concern.md: warning: translation out of date" in out


def test_out_of_date_translations_alone_do_not_fail_lint(tmp_path):
    root = copy_project(tmp_path / "project")
    edit(root / "docs/spot-the-signs.md", "often hidden", "often out of sight")
    result = editorial(root, "lint")
    assert result.returncode == 0, result.stdout
    assert "docs-cy/spot-the-signs.md: warning: translation out of date" in result.stdout
    assert "make translated PAGE=spot-the-signs.md" in result.stdout


def test_translations_report_and_restamp(tmp_path):
    root = copy_project(tmp_path / "project")
    edit(root / "docs/spot-the-signs.md", "often hidden", "often out of sight")
    report = editorial(root, "translations").stdout
    rows = [line.split()[:3] for line in report.splitlines()[1:] if line.strip().endswith(".md") or ".md " in line]
    assert rows[0] == ["spot-the-signs.md", "out", "of"], "out-of-date pages are listed first"
    assert all(row[1:] == ["up", "to"] for row in rows[1:]), rows
    stamped = editorial(root, "stamp", "spot-the-signs.md")
    assert stamped.returncode == 0, stamped.stderr
    assert "docs-cy/spot-the-signs.md: recorded as the translation of docs/spot-the-signs.md" in stamped.stdout
    assert "out of date" not in editorial(root, "translations").stdout


def test_stamp_without_a_page_says_how_to_name_one():
    result = editorial(ROOT, "stamp")
    assert result.returncode == 2 and "make translated PAGE=" in result.stderr


def test_the_build_command_leaves_the_checks_to_the_mkdocs_process():
    # `python -m wales_site build` only starts MkDocs, whose process imports the checks:
    # importing them for the command line as well cost 0.7 s of CPU a build.
    loaded = subprocess.run([sys.executable, "-c", "import sys, wales_site.cli; print(*sys.modules)"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60, check=True).stdout.split()
    assert "wales_site.checks.registry" not in loaded and "wales_site.project" not in loaded


def test_words_lists_unknown_words_counted(tmp_path):
    root = copy_project(tmp_path / "project")
    edit(root / "docs/report-a-concern.md", "Tell someone.", "Tell somone. Tell somone.")
    lines = editorial(root, "words").stdout.splitlines()
    line = line_of(root / "docs/report-a-concern.md", "somone")
    assert lines[1].split()[:4] == ["en", "2", "somone", f"docs/report-a-concern.md:{line}"]


def problem_lines(output: str) -> set[str]:
    """The `file:line: ...` lines of a build's or lint's output, without MkDocs' log prefixes."""
    return {line.strip() for line in output.splitlines()
            if line.strip().startswith(("data/", "docs/", "docs-cy/")) and ": warning:" not in line}


def test_make_lint_reports_every_error_the_build_stops_on_all_at_once(tmp_path):
    root = copy_project(tmp_path / "project")
    edit(root / "data/helplines.yml", 'phone: "08000 121 700"', 'phone: "0800 12"')
    edit(root / "data/site-text.yml", "    cy: Cael help\n", '    cy: ""\n')
    edit(root / "docs/report-a-concern.md", "{{ directory: helplines }}", "{{ directory: helpline }}")
    edit(root / "docs-cy/report-a-concern.md", "{{ directory: helplines }}", "{{ directory helplines }}")
    (root / "docs/untranslated.md").write_text("---\ntitle: New\n---\n# New\n")
    for docs in ("docs", "docs-cy"):
        edit(root / docs / "spot-the-signs.md", "\n## ", "\nA fact. {{ cite: no-such-source }}\n\n## ")
    edit(root / "docs-cy/support-for-victims.md", "\n## ", "\n")
    edit(root / "docs/what-is-human-trafficking.md", "last_reviewed: ", "last_reviewed: 2099-01-01\nold_last_reviewed: ")

    build = run_build(root, tmp_path / "site")
    lint = editorial(root, "lint")

    assert build.returncode != 0 and lint.returncode == 1
    stopped_on = problem_lines(build.stderr)
    phone_line = line_of(root / "data/helplines.yml", '"0800 12"')
    empty_line = line_of(root / "data/site-text.yml", 'cy: ""')
    expected = [
        f"data/helplines.yml:{phone_line}: helplines[2].contact.phone:",
        f"data/site-text.yml:{empty_line}: text.help.label.cy: is empty: write a value",
        "docs/report-a-concern.md:", 'unknown directory "helpline"',
        "docs-cy/report-a-concern.md:", "malformed directory marker '{{ directory helplines }}'",
        "docs/untranslated.md: docs/untranslated.md has no translation: create docs-cy/untranslated.md",
        *(f"{docs}/spot-the-signs.md:{line_of(root / docs / 'spot-the-signs.md', 'no-such-source')}: "
          "cite: unknown source no-such-source" for docs in ("docs", "docs-cy")),
        "docs-cy/support-for-victims.md: does not match docs/support-for-victims.md: headings differ",
        "docs/what-is-human-trafficking.md:4: `last_reviewed` is 2099-01-01, in the future",
    ]
    for text in expected:
        assert any(text in line for line in stopped_on), (text, build.stderr)
    assert not (tmp_path / "site" / "index.html").exists(), "the build wrote pages before stopping"
    assert stopped_on <= problem_lines(lint.stdout), stopped_on - problem_lines(lint.stdout)


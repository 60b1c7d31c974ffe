"""GitHub workflows, Dependabot, the pre-commit hook and the weekly link report."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT
from wales_site.editorial import link_report
from wales_site.editorial import workflow_lint

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_every_workflow_passes_actionlint():
    problems = workflow_lint.check(ROOT)
    assert problems == [], "\n".join(map(str, problems))


def write_workflow(root: Path, steps: str) -> None:
    """A one-job workflow whose steps start on line 7."""
    folder = root / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "seeded.yml").write_text(
        "name: Seeded\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n" + steps)


def test_an_invalid_workflow_fails_with_file_and_line(tmp_path):
    write_workflow(tmp_path, "      - uses: actions/checkout@v5\n      - run: echo ${{ github.event.nope }\n")
    [problem] = workflow_lint.check(tmp_path)
    assert (str(problem.file), problem.line) == (".github/workflows/seeded.yml", 8)


def test_an_outdated_action_is_reported(tmp_path):
    write_workflow(tmp_path, "      - uses: actions/checkout@v2\n")
    assert [p.line for p in workflow_lint.check(tmp_path)] == [7]


def test_weekly_workflows_report_through_an_issue():
    for name, command in (("links.yml", "--check-extern"), ("review.yml", "make review"),
                          ("lighthouse.yml", "make lighthouse")):
        workflow = load(name)
        triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
        assert "schedule" in triggers and "workflow_dispatch" in triggers, name
        assert workflow["permissions"] == {"contents": "read", "issues": "write"}, name
        steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
        assert any(command in step.get("run", "") for step in steps), f"{name} runs {command}"
        assert any("upsert-issue.js" in step.get("with", {}).get("script", "") for step in steps), name


def test_the_suite_runs_once_per_change():
    # Pull requests run ci.yml; a push to main runs it once, through deploy.yml.
    ci, deploy = load("ci.yml"), load("deploy.yml")
    assert set(ci[True]) == {"pull_request", "workflow_call"}
    assert deploy["jobs"]["test"]["uses"] == "./.github/workflows/ci.yml"
    assert deploy["jobs"]["build"]["needs"] == "test"
    assert [path.name for path in WORKFLOWS.glob("*.yml") if "bash .ci/run" in path.read_text()] == ["ci.yml"]


def test_issue_script_is_valid_javascript():
    assert shutil.which("node"), "node is needed: bash scripts/install-system-packages.sh"
    subprocess.run(["node", "--check", str(ROOT / ".github/scripts/upsert-issue.js")], check=True)


def test_dependabot_updates_pip_npm_and_actions():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}


def test_pull_request_template_asks_for_both_languages_preview_and_sources():
    text = (ROOT / ".github/pull_request_template.md").read_text().lower()
    for phrase in ("both languages", "make serve", "source", "last_reviewed", "last_verified"):
        assert phrase in text, phrase


def test_pre_commit_config_is_valid_and_runs_make_lint():
    config = ROOT / ".pre-commit-config.yaml"
    pre_commit = Path(sys.executable).with_name("pre-commit")
    subprocess.run([str(pre_commit), "validate-config", str(config)], check=True, capture_output=True)
    [hook] = yaml.safe_load(config.read_text())["repos"][0]["hooks"]
    assert hook["entry"] == "make lint"


LINKCHECKER_CSV = """\
# created by LinkChecker
urlname;parentname;base;result;warningstring;infostring;valid;url;line;column;name;dltime;size;checktime;cached;level;modified
https://gone.example/page;http://127.0.0.1:8000/report-a-concern/;;404 Not Found;;;False;https://gone.example/page;10;4;Gone;-1;-1;0.1;0;2;
https://gone.example/page;http://127.0.0.1:8000/cy/report-a-concern/;;404 Not Found;;;False;https://gone.example/page;10;4;Wedi mynd;-1;-1;0.1;0;2;
https://fine.example/;http://127.0.0.1:8000/;;200 OK;;;True;https://fine.example/;5;4;Fine;-1;-1;0.1;0;1;
http://127.0.0.1:8000/missing/;http://127.0.0.1:8000/;;404 Not Found;;;False;http://127.0.0.1:8000/missing/;6;4;Missing;-1;-1;0.1;0;1;
"""


def test_link_report_lists_broken_external_links_with_the_pages_that_use_them():
    [link] = link_report.broken_external_links(LINKCHECKER_CSV, "http://127.0.0.1:8000/")
    assert (link.url, link.pages, link.error) == (
        "https://gone.example/page", ["/report-a-concern/", "/cy/report-a-concern/"], "404 Not Found")
    body = link_report.markdown([link], {"https://gone.example/page": "gone-guidance"})
    assert ("| https://gone.example/page | gone-guidance | /report-a-concern/, /cy/report-a-concern/ "
            "| 404 Not Found |") in body


def test_every_command_a_workflow_runs_exists():
    """A workflow that calls a command the package no longer has fails only when it runs (weekly)."""
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        assert "scripts/editorial.py" not in text, workflow.name
        for command in re.findall(r"-m wales_site ([a-z-]+)", text):
            help_run = subprocess.run([sys.executable, "-m", "wales_site", command, "--help"], capture_output=True,
                                      text=True, cwd=ROOT)
            assert help_run.returncode == 0, (workflow.name, command, help_run.stderr)

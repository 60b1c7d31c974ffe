"""GitHub workflows, Dependabot, the pre-commit hook and the weekly link report."""

from __future__ import annotations

import fnmatch
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


def workflows() -> dict[str, dict]:
    return {path.name: load(path.name) for path in sorted(WORKFLOWS.glob("*.yml"))}


def jobs() -> list[tuple[str, str, dict]]:
    return [(name, job_name, job) for name, workflow in workflows().items()
            for job_name, job in workflow["jobs"].items()]


def steps() -> list[tuple[str, dict]]:
    return [(f"{name} {job_name}", step) for name, job_name, job in jobs() for step in job.get("steps", [])]


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


# CI and supply chain (issue 13): what these tests hold is described in
# CONTRIBUTING.md, "Threat model".

PINNED_LINE = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+(?:\.\d+)*)$")


def test_every_action_is_pinned_by_commit_sha_with_its_version():
    versions: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s*(?:- )?uses:", line) and "uses: ./" not in line:
                match = PINNED_LINE.match(line)
                assert match, f"{path.name}:{number}: pin the action by its 40-hex commit SHA, then ' # vX.Y.Z'"
                versions.setdefault(match["action"], set()).add((match["sha"], match["version"]))
    assert versions, "no action found"
    # Read as YAML too, so that no `uses:` written some other way escapes the line check.
    for where, step in steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), (where, step["uses"])
    for name, job_name, job in jobs():
        if "uses" in job:
            assert job["uses"].startswith("./.github/workflows/"), (name, job_name, job["uses"])
    # One release of each action everywhere: Dependabot moves them all at once.
    for action, pins in versions.items():
        assert len(pins) == 1, f"{action} is pinned to several commits: {sorted(pins)}"


def test_every_checkout_leaves_no_credentials_behind():
    checkouts = [(where, step) for where, step in steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for where, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"{where}: persist-credentials: false"


def test_every_job_has_a_time_limit():
    for name, job_name, job in jobs():
        if "uses" in job:
            continue  # a called workflow (only ./.github/workflows/, above): its own jobs have their limits
        minutes = job.get("timeout-minutes")
        assert isinstance(minutes, int) and 1 <= minutes <= 60, f"{name} {job_name}: timeout-minutes"


def test_deploy_runs_only_on_main():
    deploy = load("deploy.yml")
    assert deploy[True]["push"] == {"branches": ["main"]}
    # workflow_dispatch can be started on any branch: every job checks that it is main.
    for job_name, job in deploy["jobs"].items():
        assert job.get("if") == "github.ref == 'refs/heads/main'", job_name
    # Only the deploy job can publish.
    for name, job_name, job in jobs():
        granted = {**workflows()[name].get("permissions", {}), **job.get("permissions", {})}
        if granted.get("pages") == "write" or granted.get("id-token") == "write":
            assert (name, job_name) == ("deploy.yml", "deploy")


def requirement_lines(path: Path) -> list[str]:
    """Each requirement of a pip requirements file, its continuation lines joined, comments left out."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (line.split(" #")[0].strip() for line in text.splitlines() if not line.lstrip().startswith("#"))
    return [line for line in lines if line]


def test_every_requirement_is_pinned_with_hashes():
    # pip checks hashes for a whole install or not at all: the dev file, installed
    # on top of the build's pins by `make`, must carry them as well.
    for name in ("requirements.txt", "requirements-dev.txt"):
        lines = requirement_lines(ROOT / name)
        assert lines, name
        for line in lines:
            assert re.match(r"^[A-Za-z0-9._-]+==\S+ ", line) and "--hash=sha256:" in line, f"{name}: {line[:60]}"


def test_the_deploy_build_installs_only_the_hashed_build_requirements():
    [run] = [step["run"] for step in load("deploy.yml")["jobs"]["build"]["steps"] if "run" in step]
    assert run.strip() == "bash scripts/build-for-deploy.sh"
    script = (ROOT / "scripts/build-for-deploy.sh").read_text(encoding="utf-8")
    [install] = [line for line in re.sub(r"\\\n", " ", script).splitlines() if "-m pip install" in line]
    for option in ("--require-hashes", "--no-deps", "--only-binary=:all:", "-r requirements.txt"):
        assert option in install, option
    commands = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"requirements-dev|npm|\bmake\b|install-system-packages", commands)


def test_the_deploy_build_runs_the_commands_of_make_build():
    """So a change to `make build` cannot leave the published build behind."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^build:.*\n((?:\t.*\n)+)", makefile, re.M)[1]
    commands = [line.strip().replace("$(BIN)/", "") for line in recipe.splitlines()]
    assert commands
    script_lines = (ROOT / "scripts/build-for-deploy.sh").read_text(encoding="utf-8").splitlines()
    for command in commands:
        assert command in script_lines, command


def code_owners(path: str, rules: list[tuple[str, list[str]]]) -> list[str]:
    """GitHub's rule for the patterns CODEOWNERS uses here: the last matching line wins."""
    owners: list[str] = []
    for pattern, names in rules:
        pattern = pattern.removeprefix("/")
        if path.startswith(pattern) if pattern.endswith("/") else fnmatch.fnmatchcase(path, pattern):
            owners = names
    return owners


def test_codeowners_cover_helplines_workflows_code_and_dependencies():
    rules = [(line.split()[0], line.split()[1:]) for line in
             (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    team = "@welsh-government/ahtc-site-maintainers"
    for path in ("data/helplines.yml", "data/sources.yml", ".github/workflows/deploy.yml", ".github/CODEOWNERS",
                 "scripts/build-for-deploy.sh", "hooks/mkdocs_adapter.py", "overrides/main.html",
                 "requirements.txt", "requirements-dev.txt", "package.json", "package-lock.json",
                 "tests/key_facts/numbers.yml"):
        assert code_owners(path, rules) == [team], path
    assert code_owners("docs/index.md", rules) == []
    assert code_owners("tests/key_facts/current.yml", rules) == []
    # The placeholder is named where the owner is told to replace it.
    assert team in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")

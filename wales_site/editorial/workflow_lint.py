"""GitHub workflow files checked with actionlint: syntax, expressions, action inputs,
deprecated action versions."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from wales_site.problems import Problem

WORKFLOWS = Path(".github/workflows")
FINDING = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):\d+: (?P<message>.*)$")


class WorkflowLintSetupError(Exception):
    pass


def actionlint() -> str:
    """The pinned actionlint installed beside this Python (requirements-dev.txt), else one on PATH."""
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if not found:
        raise WorkflowLintSetupError("actionlint is not installed: run `make lint` (it installs requirements-dev.txt)")
    return found


def workflow_files(root: Path) -> list[Path]:
    folder = root / WORKFLOWS
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def parse(output: str) -> list[Problem]:
    return [
        Problem(Path(match["path"]), int(match["line"]), match["message"])
        for line in output.splitlines() if (match := FINDING.match(line))
    ]


def check(root: Path, files: list[Path] | None = None) -> list[Problem]:
    files = workflow_files(root) if files is None else files
    if not files:
        return []
    result = subprocess.run(
        [actionlint(), "-oneline", "-no-color", *(str(f.relative_to(root) if f.is_relative_to(root) else f)
                                                  for f in files)],
        cwd=root, capture_output=True, text=True,
    )
    problems = parse(result.stdout)
    if result.returncode != 0 and not problems:
        problems = [Problem(root / WORKFLOWS, None, f"actionlint failed: {result.stderr.strip() or result.stdout}")]
    return problems

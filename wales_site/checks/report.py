"""The same problems in each form a reader needs: the terminal (`file:line: field:
message`), GitHub annotations on a pull request's lines, and a Markdown job summary."""

from __future__ import annotations

from wales_site.problems import Problem, errors


def terminal(problems: list[Problem]) -> str:
    """Errors first, then warnings, then a count."""
    failures = errors(problems)
    warnings = [problem for problem in problems if problem.warning]
    lines = [str(problem) for problem in failures + warnings]
    lines.append(f"\nmake lint: {len(failures)} error(s), {len(warnings)} warning(s)."
                 + (" Warnings do not stop the site being published." if warnings else ""))
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping: a message may hold any text.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(problems: list[Problem]) -> str:
    """`::error file=...,line=...::message` lines: GitHub shows each beside its line in the pull request."""
    lines = []
    for problem in problems:
        level = "warning" if problem.warning else "error"
        where = f"file={_escape_property(str(problem.file))}" + (f",line={problem.line}" if problem.line else "")
        message = f"{problem.field}: {problem.message}" if problem.field else problem.message
        lines.append(f"::{level} {where}::{_escape_data(message)}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def step_summary(problems: list[Problem], translations: list, reviews_due: list[tuple[str, object]]) -> str:
    """The job summary: what must be fixed, how each Welsh page stands, what is due for review."""
    failures = errors(problems)
    warnings = [problem for problem in problems if problem.warning]
    parts = [f"## Checks: {len(failures)} error(s), {len(warnings)} warning(s)\n"]
    if problems:
        parts.append("| | where | what |\n| --- | --- | --- |")
        parts += [f"| {'warning' if p.warning else '**error**'} | `{_cell(p.where)}` | "
                  f"{_cell((p.field + ': ' if p.field else '') + p.message)} |" for p in failures + warnings]
    counts: dict[str, int] = {}
    for status in translations:
        counts[status.state] = counts.get(status.state, 0) + 1
    parts.append("\n## Welsh translations\n")
    parts.append(", ".join(f"{count} {state}" for state, count in sorted(counts.items())) or "No pages.")
    behind = [status for status in translations if status.state != "up to date"]
    if behind:
        parts.append("\n| page | state | what to do |\n| --- | --- | --- |")
        parts += [f"| `{_cell(s.page)}` | {_cell(s.state)} | {_cell(s.detail)} |" for s in behind]
    parts.append("\n## Review dates\n")
    if reviews_due:
        parts.append("| state | where | due |\n| --- | --- | --- |")
        parts += [f"| {state} | `{_cell(item.path)}:{item.line}` | {item.due.isoformat()} |"
                  for state, item in reviews_due]
    else:
        parts.append("Nothing is overdue or due soon.")
    return "\n".join(parts) + "\n"

"""The editorial checks and reports from the command line. The Makefile runs these:

  make lint                          every check; exits non-zero on an error
  make translations                  how each page's Welsh translation stands
  make translated PAGE=x.md          record that the Welsh page x.md is up to date
  make review                        what is overdue or due for review
  make words                         every unknown word on the site, counted
  make readability                   Flesch reading ease of the public English pages
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import editorial_checks as checks  # noqa: E402
import link_report  # noqa: E402
import markdown_lint  # noqa: E402
import readability  # noqa: E402
import review_dates  # noqa: E402
import spelling  # noqa: E402
import workflow_lint  # noqa: E402
from problems import Problem, errors  # noqa: E402

SETUP_ERRORS = (spelling.SpellingSetupError, workflow_lint.WorkflowLintSetupError)


def readability_warnings(project: checks.Project) -> list[Problem]:
    with project.inside():
        return [
            Problem(result.path, None, f"Flesch reading ease {result.score:.0f}, below the target of "
                                       f"{readability.TARGET}: use shorter sentences and everyday words", warning=True)
            for result in readability.measure_pages(project.english_docs) if not result.meets_target
        ]


def lint_problems(project: checks.Project, today: dt.date) -> list[Problem]:
    """Everything `make lint` checks."""
    problems = checks.build_checks(project, today)
    with project.inside():
        problems += markdown_lint.check({"en": project.english_docs, "cy": project.welsh_docs})
        problems += spelling.check(Path("."), project.english_docs, project.welsh_docs, project.data_dir)
        problems += workflow_lint.check(Path(".").resolve())
    return problems + readability_warnings(project)


def today(args) -> dt.date:
    return dt.date.fromisoformat(args.today) if args.today else dt.date.today()


def lint(args) -> int:
    project = checks.Project.load(ROOT)
    try:
        problems = lint_problems(project, today(args))
    except SETUP_ERRORS as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failures = errors(problems)
    for problem in failures + [p for p in problems if p.warning]:
        print(problem)
    warnings = len(problems) - len(failures)
    print(f"\nmake lint: {len(failures)} error(s), {warnings} warning(s)."
          + (" Warnings do not stop the site being published." if warnings else ""))
    return 1 if failures else 0


def translations(args) -> int:
    statuses = checks.translation_status(checks.Project.load(ROOT))
    width = max([len("Page")] + [len(str(s.page)) for s in statuses])
    state_width = max([len("Welsh translation")] + [len(s.state) for s in statuses])
    print(f"{'Page':<{width}}  {'Welsh translation':<{state_width}}  What to do")
    for status in statuses:
        print(f"{str(status.page):<{width}}  {status.state:<{state_width}}  {status.detail}".rstrip())
    counts = {state: sum(s.state == state for s in statuses) for state in {s.state for s in statuses}}
    print("\n" + ", ".join(f"{n} {state}" for state, n in sorted(counts.items())))
    return 0


def stamp(args) -> int:
    project = checks.Project.load(ROOT)
    pages = project.paired_pages() if args.all else [checks.resolve_page(project, name) for name in args.pages]
    if not pages:
        print("Name the page: make translated PAGE=spot-the-signs.md (or PAGE=all for every page)", file=sys.stderr)
        return 2
    failed = False
    for page in pages:
        try:
            value = checks.stamp(project, page)
            print(f"{project.welsh_docs / page}: recorded as the translation of {project.english_docs / page} "
                  f"as it is now (translation_of: {value})")
        except ValueError as error:
            print(f"not recorded: {error}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def review(args) -> int:
    project = checks.Project.load(ROOT)
    day = today(args)
    dated, problems = checks.dates(project, day)
    for problem in problems:
        print(problem)
    print(review_dates.report(dated, project.policy, day))
    if args.markdown:
        due = review_dates.due(dated, project.policy, day)
        if due or problems:
            text = review_dates.report(dated, project.policy, day, markdown=True)
            if problems:
                text += "\n\nDates to fix:\n\n" + "\n".join(f"- `{p}`" for p in problems)
            Path(args.markdown).write_text(text + "\n", encoding="utf-8")
    return 1 if problems else 0


def words(args) -> int:
    project = checks.Project.load(ROOT)
    try:
        with project.inside():
            spelling.check_setup(Path("."))
            found = spelling.site_words(project.english_docs, project.welsh_docs, project.data_dir)
            print(spelling.census(spelling.misspellings(found, Path("."))))
    except spelling.SpellingSetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def readability_report(args) -> int:
    project = checks.Project.load(ROOT)
    with project.inside():
        print(readability.report(readability.measure_pages(project.english_docs)))
    return 0


def external_links(args) -> int:
    broken = link_report.broken_external_links(Path(args.csv).read_text(encoding="utf-8"), args.site_url)
    print(f"{len(broken)} broken external link(s)")
    for link in broken:
        print(f"  {link.url} on {', '.join(link.pages)}: {link.error[:120]}")
    if broken and args.markdown:
        Path(args.markdown).write_text(link_report.markdown(broken), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, handler in (("lint", lint), ("review", review)):
        command = commands.add_parser(name)
        command.add_argument("--today", help="check as if today were this date (YYYY-MM-DD)")
        command.set_defaults(handler=handler)
    commands.choices["review"].add_argument("--markdown", help="also write the report as Markdown here, "
                                                                "if anything is due or wrong")
    commands.add_parser("translations").set_defaults(handler=translations)
    command = commands.add_parser("stamp")
    command.add_argument("pages", nargs="*", help="pages whose Welsh translation is now up to date")
    command.add_argument("--all", action="store_true", help="every page (after checking them all)")
    command.set_defaults(handler=stamp)
    commands.add_parser("words").set_defaults(handler=words)
    commands.add_parser("readability").set_defaults(handler=readability_report)
    command = commands.add_parser("external-links")
    command.add_argument("csv", help="LinkChecker's -F csv output")
    command.add_argument("--site-url", required=True, help="the address the site was checked at")
    command.add_argument("--markdown", help="write the broken links here as Markdown, if there are any")
    command.set_defaults(handler=external_links)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

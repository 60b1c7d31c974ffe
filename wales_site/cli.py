"""The checks and the editors' reports from the command line, run from the
project's folder as `python -m wales_site COMMAND`. The Makefile runs these:

  make build                         both languages into site/, replaced only by a build that passed
  make lint                          every check (build and lint stages); exits non-zero on an error
  make translations                  how each page's Welsh translation stands
  make translated PAGE=x.md          record that the Welsh page x.md is up to date
  make review                        what is overdue or due for review
  make words                         every unknown word on the site, counted
  make readability                   Flesch reading ease of the public English pages
  make data-report                   data entries to check again
  make schemas                       rewrite schemas/ from the data models

In GitHub Actions (GITHUB_ACTIONS=true), `lint` also writes each problem as an
annotation on its line and a summary of the run to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from wales_site import atomic_build
from wales_site.checks import report, runner
from wales_site.checks.registry import SETUP_ERRORS, STAGES
from wales_site.data import loading, open_data
from wales_site.editorial import link_report, readability, review_dates, spelling, translation_status
from wales_site.problems import errors
from wales_site.project import Project

ROOT = Path(".")


def load_project() -> Project:
    return Project.load(ROOT.resolve())


def today(args) -> dt.date:
    return dt.date.fromisoformat(args.today) if args.today else dt.date.today()


def lint(args) -> int:
    current = load_project()
    try:
        problems = runner.run(current, today(args), STAGES)
    except SETUP_ERRORS as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report.terminal(problems))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(report.github_annotations(problems))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            dated, _ = dates(current, today(args))
            with open(summary, "a", encoding="utf-8") as out:
                out.write(report.step_summary(problems, translation_status.translation_status(current),
                                              review_dates.due(dated, current.policy, today(args))))
    return 1 if errors(problems) else 0


def dates(current: Project, day: dt.date):
    with current.inside():
        return review_dates.collect(current.docs_dirs, current.data_dir, current.policy, day)


def translations(args) -> int:
    statuses = translation_status.translation_status(load_project())
    width = max([len("Page")] + [len(str(s.page)) for s in statuses])
    state_width = max([len("Welsh translation")] + [len(s.state) for s in statuses])
    print(f"{'Page':<{width}}  {'Welsh translation':<{state_width}}  What to do")
    for status in statuses:
        print(f"{str(status.page):<{width}}  {status.state:<{state_width}}  {status.detail}".rstrip())
    counts = {state: sum(s.state == state for s in statuses) for state in {s.state for s in statuses}}
    print("\n" + ", ".join(f"{n} {state}" for state, n in sorted(counts.items())))
    return 0


def stamp(args) -> int:
    project = load_project()
    pages = project.paired_pages() if args.all else [translation_status.resolve_page(project, name) for name in args.pages]
    if not pages:
        print("Name the page: make translated PAGE=spot-the-signs.md (or PAGE=all for every page)", file=sys.stderr)
        return 2
    failed = False
    for page in pages:
        try:
            value = translation_status.stamp(project, page)
            print(f"{project.welsh_docs / page}: recorded as the translation of {project.english_docs / page} "
                  f"as it is now (translation_of: {value})")
        except ValueError as error:
            print(f"not recorded: {error}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def review(args) -> int:
    project = load_project()
    day = today(args)
    dated, problems = dates(project, day)
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
    project = load_project()
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
    project = load_project()
    with project.inside():
        print(readability.report(readability.measure_pages(project.english_docs)))
    return 0


def external_links(args) -> int:
    broken = link_report.broken_external_links(Path(args.csv).read_text(encoding="utf-8"), args.site_url)
    print(f"{len(broken)} broken external link(s)")
    for link in broken:
        print(f"  {link.url} on {', '.join(link.pages)}: {link.error[:120]}")
    if broken and args.markdown:
        current = load_project()
        with current.inside():
            sources = loading.load_sources(current.data_dir) or {}
        source_ids = {source.address: source.id for source in sources.values() if source.address}
        Path(args.markdown).write_text(link_report.markdown(broken, source_ids), encoding="utf-8")
    return 0


def data_report(args) -> int:
    current = load_project()
    with current.inside():
        notes = loading.editor_notes(loading.load_directory(current.data_dir))
    print("\n".join(map(str, notes)) or "Nothing to check again.")
    return 0


def schemas(args) -> int:
    with load_project().inside():
        open_data.write_schemas()
    print(f"Wrote {len(open_data.DATASETS)} schemas to {open_data.SCHEMA_FOLDER}")
    return 0


def build(args) -> int:
    return atomic_build.build(Path(args.site_dir), args.mkdocs_arguments)


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
    commands.add_parser("schemas").set_defaults(handler=schemas)
    commands.add_parser("data-report").set_defaults(handler=data_report)
    command = commands.add_parser("stamp")
    command.add_argument("pages", nargs="*", help="pages whose Welsh translation is now up to date")
    command.add_argument("--all", action="store_true", help="every page (after checking them all)")
    command.set_defaults(handler=stamp)
    command = commands.add_parser("build", help="build both languages; replace site/ only if everything passed")
    command.add_argument("--site-dir", default="site")
    command.add_argument("mkdocs_arguments", nargs="*", help="passed on to `mkdocs build --strict`")
    command.set_defaults(handler=build)
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

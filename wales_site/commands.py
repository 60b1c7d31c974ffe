"""The commands of `python -m wales_site` that read the project (cli.py parses
the command line and runs them): every check, and the editors' reports."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

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

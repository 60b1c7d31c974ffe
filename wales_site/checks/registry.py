"""Every check, registered once with its stage.

- `build`: needs nothing but Python; every build runs these before it writes
  anything, and fails with all their problems at once.
- `lint`: needs tools from outside Python (Hunspell, actionlint) or reads every
  sentence; `make lint` runs these after the build's.

`make lint`, the tests and CI run both stages through the same runner, so an
error the build would stop on is an error in `make lint` too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from wales_site import limits, text_files
from wales_site.content import front_matter, internal_links, markers, route_finder
from wales_site.data import loading
from wales_site.editorial import (
    markdown_lint, readability, review_dates, sourcing, spelling, translation_freshness, translation_parity,
    workflow_lint,
)
from wales_site.i18n import site_text
from wales_site.problems import Problem
from wales_site.project import Project
from wales_site.rendering import area_pages, print_materials
from wales_site.security import files, pages

BUILD, LINT = "build", "lint"
OVERRIDES = Path("overrides")
STAGES = (BUILD, LINT)


@dataclass(frozen=True)
class Check:
    name: str
    stage: str
    what: str
    # Called from the project's root folder, so problems name files as an editor sees them.
    run: Callable[[Project, dt.date], list[Problem]]
    # An error here stops the checks after it: they would read what it found unsafe to read.
    gate: bool = False


def data_problems(project: Project, today: dt.date) -> list[Problem]:
    try:
        loading.load_directory(project.data_dir)
    except loading.DataError as error:
        return error.problems
    return []


def loaded_or_none(project: Project):
    try:
        return loading.load_directory(project.data_dir)
    except loading.DataError:
        return None  # the data check reports why


def data_to_check_again(project: Project, today: dt.date) -> list[Problem]:
    directory = loaded_or_none(project)
    return loading.editor_notes(directory) if directory else []


def marker_problems(project: Project, today: dt.date) -> list[Problem]:
    # Without the data, markers are still checked, all but the ids after `only`.
    directory = loaded_or_none(project)
    return [
        problem
        for docs in project.docs_dirs
        for page in sorted(docs.rglob("*.md"))
        for problem in markers.marker_problems(text_files.read(page, limits.PAGE).text, page.as_posix(), directory)
    ]


def citation_problems(project: Project, today: dt.date) -> list[Problem]:
    # While another data file is broken, citations are still checked against the registry.
    directory = loaded_or_none(project)
    sources = directory["sources"] if directory else loading.load_sources(project.data_dir)
    return sourcing.citation_problems(project.docs_dirs, directory, sources, today)


def uncited_sources(project: Project, today: dt.date) -> list[Problem]:
    directory = loaded_or_none(project)
    return sourcing.uncited_sources(project.docs_dirs, directory) if directory else []


def site_text_problems(project: Project, today: dt.date) -> list[Problem]:
    return site_text.problems(Path(site_text.SITE_TEXT_FILE))


def date_problems(project: Project, today: dt.date) -> list[Problem]:
    return review_dates.collect(project.docs_dirs, project.data_dir, project.policy, today)[1]


def reviews_overdue(project: Project, today: dt.date) -> list[Problem]:
    dated, _ = review_dates.collect(project.docs_dirs, project.data_dir, project.policy, today)
    return review_dates.overdue_warnings(dated, project.policy, today)


def readability_warnings(project: Project, today: dt.date) -> list[Problem]:
    return [
        Problem(result.path, None, f"Flesch reading ease {result.score:.0f}, below the target of "
                                   f"{readability.TARGET}: use shorter sentences and everyday words", warning=True)
        for result in readability.measure_pages(project.english_docs) if not result.meets_target
    ]


def file_problems(project: Project, today: dt.date) -> list[Problem]:
    return files.problems(project.docs_dirs, project.data_dir, OVERRIDES)


def link_problems(project: Project, today: dt.date) -> list[Problem]:
    directory = loaded_or_none(project)
    # Without the data, the generated area pages are not known: links to them are left to the data check.
    if directory:
        area = {area_pages.area_page_path(council) for council in directory["local-authorities"]}
        is_generated = area.__contains__
    else:
        is_generated = lambda name: name.startswith(f"{area_pages.AREA_FOLDER}/")
    html_of = lambda page: pages.rendered_page(page, project.markdown_extensions, project.markdown_extension_configs)
    return internal_links.problems(project.docs_dirs, is_generated, html_of)


def page_html_problems(project: Project, today: dt.date) -> list[Problem]:
    return pages.rendered_page_problems(project.docs_dirs, project.markdown_extensions,
                                        project.markdown_extension_configs)


CHECKS: tuple[Check, ...] = (
    # First: reading a named pipe would hang every check after it, a link would read outside the project.
    Check("files", BUILD, "no symbolic links or special files; plain file names (docs, data, overrides)",
          file_problems, gate=True),
    Check("data", BUILD, "data/*.yml against the models, ids and the references between files", data_problems),
    Check("front-matter", BUILD, "every page's front matter: UTF-8, size, safe YAML, known keys, plain text",
          lambda project, today: front_matter.check(project.docs_dirs)),
    Check("site-text", BUILD, "data/site-text.yml: every string and nav title in both languages", site_text_problems),
    Check("page-html", BUILD, "the HTML every page becomes: allowed tags and attributes, safe links and "
          "numbers", page_html_problems),
    Check("links", BUILD, "every link between pages goes to a page, and to a heading or anchor on it",
          link_problems),
    Check("markers", BUILD, "every {{ directory: ... }} marker in both languages", marker_problems),
    Check("route-finder", BUILD, "\"Which route?\": every answer leads on, every path ends at a cited outcome, "
          "the same route in both languages", lambda project, today: route_finder.check(project.english_docs,
                                                                                         project.welsh_docs)),
    Check("print-materials", BUILD, "the sections of the pages the print materials print, in both languages",
          lambda project, today: print_materials.problems(project.docs_by_language)),
    Check("sources", BUILD, "every {{ cite: ... }}, history periods, review dates against their sources, "
          "instructions that are out of date", citation_problems),
    Check("translations", BUILD, "every page has its twin, with the same outline",
          lambda project, today: translation_parity.check(project.english_docs, project.welsh_docs)),
    Check("dates", BUILD, "last_reviewed and last_verified dates", date_problems),
    Check("translations-out-of-date", BUILD, "Welsh pages whose English twin changed since (warnings)",
          lambda project, today: translation_freshness.check(project.english_docs, project.welsh_docs)),
    Check("reviews-overdue", BUILD, "pages and entries past their review date (warnings)", reviews_overdue),
    Check("data-to-check-again", BUILD, "entries marked for re-verification (warnings)",
          data_to_check_again),
    Check("markdown", LINT, "front matter, headings, boxes, fences, the Get help section",
          lambda project, today: markdown_lint.check(project.docs_by_language)),
    Check("uncited-sources", LINT, "sources in data/sources.yml that nothing cites", uncited_sources),
    Check("unsourced-claims", LINT, "paragraphs that state a figure or a law and cite nothing",
          lambda project, today: sourcing.unsourced_claims(project.docs_dirs)),
    Check("spelling", LINT, "every word in both languages (Hunspell, spelling/ word lists)",
          lambda project, today: spelling.check(Path("."), project.english_docs, project.welsh_docs,
                                                project.data_dir)),
    Check("workflows", LINT, "GitHub workflows (actionlint)", lambda project, today: workflow_lint.check(Path(".").resolve())),
    Check("readability", LINT, "Flesch reading ease of the public English pages (warnings)", readability_warnings),
)

# Raised when a check cannot run at all (a tool is missing): not an editor's mistake.
SETUP_ERRORS = (spelling.SpellingSetupError, workflow_lint.WorkflowLintSetupError)

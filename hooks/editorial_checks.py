"""Every editorial check over the whole project, for the build, `make lint` and the reports.

The English build runs the checks that need nothing but Python (translation
structure, review dates) before it writes anything, and fails on an error;
out-of-date translations and overdue reviews are printed as information.
`make lint` (scripts/editorial.py) adds spelling, Markdown lint, workflow lint
and readability, which the build neither runs nor imports.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import language_configs
import markdown_page as md
import review_dates
import translation_freshness
import translation_parity
import twins
from problems import Problem, errors

DATA_DIR = Path("data")
log = logging.getLogger("mkdocs.hooks.editorial_checks")


@dataclass(frozen=True)
class Project:
    """Where everything is. Folders are relative to root: checks run from root so that
    every message names files as an editor sees them."""
    root: Path
    english_docs: Path
    welsh_docs: Path
    policy: review_dates.ReviewPolicy
    data_dir: Path = DATA_DIR

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Project:
        root = language_configs.project_root(config)
        welsh = language_configs.welsh_config(config)
        return cls(
            root,
            Path(config.docs_dir).resolve().relative_to(root),
            Path(welsh.docs_dir).resolve().relative_to(root),
            review_dates.ReviewPolicy.from_extra(config.extra),
        )

    @classmethod
    def load(cls, root: Path) -> Project:
        return cls.from_config(load_config(config_file=str(root / "mkdocs.yml")))

    @property
    def docs_dirs(self) -> list[Path]:
        return [self.english_docs, self.welsh_docs]

    def paired_pages(self) -> list[Path]:
        """Every page that exists in both languages, relative to its docs folder."""
        with self.inside():
            return [english.relative_to(self.english_docs)
                    for english, _ in twins.page_pairs(self.english_docs, self.welsh_docs)]

    @contextlib.contextmanager
    def inside(self):
        with contextlib.chdir(self.root):
            yield self


def dates(project: Project, today: dt.date) -> tuple[list[review_dates.Dated], list[Problem]]:
    with project.inside():
        return review_dates.collect(project.docs_dirs, project.data_dir, project.policy, today)


def build_checks(project: Project, today: dt.date) -> list[Problem]:
    """The checks the build runs: fast, and needing nothing outside Python."""
    dated, date_problems = dates(project, today)
    with project.inside():
        return [
            *translation_parity.check(project.english_docs, project.welsh_docs),
            *date_problems,
            *translation_freshness.check(project.english_docs, project.welsh_docs),
            *review_dates.overdue_warnings(dated, project.policy, today),
        ]


@dataclass(frozen=True)
class PairStatus:
    page: Path
    state: str
    detail: str = ""


def translation_status(project: Project) -> list[PairStatus]:
    """Every page and how its Welsh translation stands."""
    statuses = []
    with project.inside():
        for gap in twins.missing_twins(project.english_docs, project.welsh_docs):
            statuses.append(PairStatus(gap.missing, "missing", f"create {gap.missing}"))
        for english, welsh in twins.page_pairs(project.english_docs, project.welsh_docs):
            page = english.relative_to(project.english_docs)
            differences = translation_parity.compare(*map(md.read_page, (english, welsh)))
            state = translation_freshness.freshness(english, welsh)
            if differences:
                summary = "; ".join(d.split(":", 1)[0] for d in differences)
                statuses.append(PairStatus(page, "structure mismatch", f"{summary} (`make lint` shows where)"))
            elif not state.up_to_date:
                statuses.append(PairStatus(page, "out of date", state.explanation()))
            else:
                statuses.append(PairStatus(page, "up to date"))
    return sorted(statuses, key=lambda s: (s.state == "up to date", str(s.page)))


def resolve_page(project: Project, name: str) -> Path:
    """A page named as an editor might: spot-the-signs, spot-the-signs.md, docs-cy/spot-the-signs.md."""
    page = Path(name)
    for docs in project.docs_dirs:
        if page.parts[: len(docs.parts)] == docs.parts:
            page = page.relative_to(docs)
    return page if page.suffix == twins.PAGE_SUFFIX else page.with_name(page.name + twins.PAGE_SUFFIX)


def stamp(project: Project, page: Path) -> str:
    """Record the Welsh page as translating the English page as it is now. Refuses
    while their structures differ: the translation cannot be complete."""
    with project.inside():
        english, welsh = project.english_docs / page, project.welsh_docs / page
        for path in (english, welsh):
            if not path.exists():
                raise ValueError(f"{path} does not exist")
        differences = translation_parity.compare(*map(md.read_page, (english, welsh)))
        if differences:
            raise ValueError(f"{welsh} does not match {english} yet:\n" + "\n".join(differences))
        return translation_freshness.stamp(english, welsh)


def on_pre_build(config: MkDocsConfig) -> None:
    # Once, from the English build, before the site folder is emptied: a failed
    # check leaves the last good build in place.
    if language_configs.language_of(config) != "en":
        return
    try:
        project = Project.from_config(config)
    except ValueError as error:
        raise PluginError(str(error)) from error
    problems = build_checks(project, dt.date.today())
    for warning in (p for p in problems if p.warning):
        log.info(f"{warning.where}: {warning.message}")
    found = errors(problems)
    if found:
        raise PluginError("Fix these before the site can be built:\n" + "\n".join(f"  {p}" for p in found))

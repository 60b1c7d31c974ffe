"""Build cost of our hooks: the same pages built by this project (two configs and
our hooks) and by bare mkdocs-material + mkdocs-static-i18n, at growing sizes.

A corpus is the real pages of both languages, copied whole into `copy-NNN/`
folders until it has about the size asked for. Copies keep every page's front
matter, links and data markers as they are, so our hooks do on every copy what
they do on the real site. The copies stay out of the navigation (`not_in_nav`),
as on the real nav.

Both sides build the same site. Bare Material cannot read data/, so its pages
are what a site without our hooks would have to keep by hand: each data marker
replaced by the directory it stands for, and a written page for each "Help in
your area" page that our hooks generate. What is left between the two is the
cost of our hooks: loading and checking the data and pages, rendering the
directories and area pages, the editorial checks, the Welsh build, the theme
overrides and minifying the HTML.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from wales_site.content import markdown_page, route_finder
from wales_site.rendering import area_pages, moved_pages
from wales_site.data import loading
from wales_site.rendering import directories, print_materials
from wales_site.i18n import site_text
from wales_site.i18n import twins
from bench import ROOT

DOCS = {"en": "docs", "cy": "docs-cy"}
# Not part of the project's build: left out when the project is copied.
NOT_COPIED = {".git", ".venv", "node_modules", "site", "bench", "__pycache__", ".pytest_cache", *DOCS.values()}
COPY_FOLDER = "copy-{:03d}"
ROUTE_KEY = re.compile(r"^route: .*\n", re.M)
NOT_IN_NAV = "copy-*/\n"
# The bare side's written area pages, out of the nav as ours are (not their index page).
BARE_NOT_IN_NAV = NOT_IN_NAV + "".join(
    f"/{root}{directories.AREA_FOLDER}/*.md\n!/{root}{directories.AREA_FOLDER}/index.md\n"
    for root in ("", "cy/")
)
DATA_MARKER = re.compile(r"\{\{\s*directory:\s*[^}]+\}\}")
PROJECT_CONFIG = "mkdocs.project.yml"
# Welsh nav titles, as data/site-text.yml gives them to our site_text hook.
SITE_TEXT = Path("data/site-text.yml")
MAX_REPETITIONS = 25
# A linear build's cost per extra page stays the same as the site grows.
LINEAR_TOLERANCE = 1.25


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class Corpus:
    ours: Path  # a copy of this project with the corpus as its pages
    bare: Path  # the same pages laid out for mkdocs-static-i18n: docs/ and docs/cy/
    pages_per_language: int
    data_markers_per_language: int


@dataclass(frozen=True)
class Timing:
    # CPU time is the build's cost; wall time also counts whatever else the machine was doing.
    cpu_seconds: float
    wall_seconds: float


@dataclass(frozen=True)
class BuildTimes:
    label: str
    pages_per_language: int
    data_markers_per_language: int
    ours: tuple[Timing, ...]
    bare: tuple[Timing, ...]

    def median(self, side: str, measure: str = "cpu_seconds") -> float:
        return statistics.median(getattr(timing, measure) for timing in getattr(self, side))

    @property
    def ratio(self) -> float:
        """Ours / bare, in CPU time."""
        return self.median("ours") / self.median("bare")


def copies_for(pages_per_language: int, real_pages: int) -> int:
    """How many copies of the real pages come nearest the size asked for."""
    return max(1, round(pages_per_language / real_pages))


def lay_out(source: Path, destination: Path, copies: int) -> None:
    """The real pages at destination, plus copies - 1 copies of them in copy-NNN/ folders."""
    shutil.copytree(source, destination)
    for number in range(1, copies):
        copy = destination / COPY_FOLDER.format(number)
        shutil.copytree(source, copy)
        # A site has one "Which route?": a copy of its pages is a set of plain pages.
        for page in (copy / route_finder.FOLDER).glob("*.md"):
            page.write_text(ROUTE_KEY.sub("", page.read_text(encoding="utf-8"), count=1), encoding="utf-8")


def copy_project(destination: Path) -> None:
    """This project without its pages, with a config that keeps the copies out of the nav."""
    shutil.copytree(ROOT, destination, ignore=lambda folder, names: NOT_COPIED if Path(folder) == ROOT else ())
    (destination / "mkdocs.yml").rename(destination / PROJECT_CONFIG)
    (destination / "mkdocs.yml").write_text(
        yaml.safe_dump({"INHERIT": PROJECT_CONFIG, "not_in_nav": NOT_IN_NAV + project_not_in_nav()}), encoding="utf-8"
    )


def load_config(name: str) -> dict:
    with (ROOT / name).open(encoding="utf-8") as stream:
        return yaml_load(stream)


def project_not_in_nav() -> str:
    """The project's own pages outside the nav ("Which route?"'s steps), as mkdocs.yml lists them."""
    return load_config("mkdocs.yml").get("not_in_nav", "")


def bare_config() -> dict:
    """mkdocs-material + mkdocs-static-i18n set up as its documentation shows, with our
    site's theme features, Markdown extensions and navigation, and no hooks or overrides."""
    english, welsh = load_config("mkdocs.yml"), load_config("mkdocs.cy.yml")
    welsh_nav_titles = yaml.safe_load((ROOT / SITE_TEXT).read_text(encoding="utf-8")).get("nav") or {}
    return {
        "site_name": english["site_name"],
        "site_url": english.get("site_url"),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": "en",
            "font": False,
            "features": english["theme"].get("features", []),
        },
        "plugins": [
            "search",
            {"i18n": {
                "docs_structure": "folder",
                "languages": [
                    {"locale": "en", "name": "English", "default": True, "build": True},
                    {"locale": "cy", "name": "Cymraeg", "build": True, "site_name": welsh["site_name"],
                     "nav_translations": welsh_nav_titles},
                ],
            }},
        ],
        "markdown_extensions": english.get("markdown_extensions", []),
        "validation": english.get("validation", {}),
        "nav": english.get("nav"),
        # The moved pages' old addresses are out of the nav, as ours are.
        "not_in_nav": BARE_NOT_IN_NAV + "".join(f"/{root}{old}\n" for root in ("", "cy/") for old in moved_page_paths())
        + "".join(f"/{root}{pattern.lstrip('/')}\n" for root in ("", "cy/") for pattern in project_not_in_nav().split()),
    }


def page_url(relative: Path) -> str:
    """The page's address below its language's root, as MkDocs gives it with directory URLs."""
    folder = relative.parent if relative.stem == "index" else relative.with_suffix("")
    return "" if folder == Path(".") else folder.as_posix() + "/"


class Directories:
    """The directories from data/, as HTML in each language: what our hooks put in place of each marker."""

    def __init__(self) -> None:
        self.directory = loading.load_directory(ROOT / loading.DATA_FOLDER)
        text = site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE)
        self.words = {lang: site_text.strings_for(text, lang) for lang in DOCS}
        # The print materials' signs, from the real Spot the signs pages, as our build reads them.
        self.sheets = print_materials.sheets_from({lang: ROOT / docs for lang, docs in DOCS.items()},
                                                  load_config("mkdocs.yml").get("site_url") or "/")

    def placement(self, lang: str, relative: Path) -> directories.Placement:
        return directories.Placement(lang, self.words[lang], page_url(relative), words_by_language=self.words)

    def expanded(self, markdown: str, lang: str, relative: Path) -> str:
        return directories.expand_markers(markdown, self.directory, self.placement(lang, relative),
                                          relative.as_posix(), self.sheets)

    def area_pages(self, lang: str) -> dict[Path, str]:
        """Each generated "Help in your area" page, as a written page with its directories in place."""
        pages = {}
        for council in self.directory["local-authorities"].values():
            relative = Path(directories.AREA_FOLDER, f"{council.id}.md")
            source = area_pages.area_source(council, self.directory, lang, self.words[lang])
            pages[relative] = self.expanded(source, lang, relative)
        return pages


def moved_page_paths() -> dict[str, str]:
    """extra.moved_pages of the real project: old source path, new source path."""
    project = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return (project.get("extra") or {}).get("moved_pages") or {}


def write_bare_pages(docs: Path, lang: str, directories: Directories) -> None:
    """The laid-out pages of one language with their directories written in, and the area pages added."""
    for page in sorted(docs.rglob(f"*{twins.PAGE_SUFFIX}")):
        relative = page.relative_to(docs)
        if lang == "en" and relative.parts[0] == "cy":
            continue
        page.write_text(directories.expanded(page.read_text(encoding="utf-8"), lang, relative), encoding="utf-8")
    for relative, text in directories.area_pages(lang).items():
        (docs / relative).write_text(text, encoding="utf-8")
    # The moved pages' old addresses, which ours generates, written out for the bare side.
    for old, new in moved_page_paths().items():
        title = str(markdown_page.read_page(docs / new).front_matter.get("title", new))
        (docs / old).parent.mkdir(parents=True, exist_ok=True)
        (docs / old).write_text(moved_pages.moved_source(old, new, title, directories.words[lang]), encoding="utf-8")


def make_corpus(workdir: Path, pages_per_language: int) -> Corpus:
    """Both layouts of one corpus, from the same copies of the real pages."""
    real = twins.page_sources(ROOT / DOCS["en"])
    copies = copies_for(pages_per_language, len(real))
    ours, bare = workdir / "ours", workdir / "bare"
    copy_project(ours)
    for lang, folder in DOCS.items():
        lay_out(ROOT / folder, ours / folder, copies)
    lay_out(ROOT / DOCS["en"], bare / "docs", copies)
    lay_out(ROOT / DOCS["cy"], bare / "docs" / "cy", copies)
    directories = Directories()
    write_bare_pages(bare / "docs", "en", directories)
    write_bare_pages(bare / "docs" / "cy", "cy", directories)
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(bare_config(), allow_unicode=True), encoding="utf-8")
    markers = sum(len(DATA_MARKER.findall((ROOT / DOCS["en"] / page).read_text(encoding="utf-8"))) for page in real)
    return Corpus(ours, bare, len(real) * copies, markers * copies)


def timed_build(project: Path, site_dir: Path) -> Timing:
    """What a strict `mkdocs build` of the project costs, from Python's start to the last file written."""
    shutil.rmtree(site_dir, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise BuildError(f"build of {project} failed:\n{result.stderr[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(cpu_seconds=cpu, wall_seconds=wall)


def measure(corpus: Corpus, label: str, repetitions: int, min_cpu_seconds: float, site_dir: Path) -> BuildTimes:
    """Build both sides in turn, so that a busy moment of the machine hits both alike; at least
    `repetitions` times, and more (up to MAX_REPETITIONS) until each side has used min_cpu_seconds."""
    ours, bare = [], []

    def enough() -> bool:
        used = min(sum(t.cpu_seconds for t in ours), sum(t.cpu_seconds for t in bare))
        return len(ours) >= repetitions and (used >= min_cpu_seconds or len(ours) >= MAX_REPETITIONS)

    while not enough():
        ours.append(timed_build(corpus.ours, site_dir))
        bare.append(timed_build(corpus.bare, site_dir))
    return BuildTimes(label, corpus.pages_per_language, corpus.data_markers_per_language, tuple(ours), tuple(bare))


def marginal_ms_per_page(times: list[BuildTimes], side: str) -> list[float]:
    """CPU milliseconds each extra page adds, between consecutive corpus sizes."""
    medians = [(t.pages_per_language, t.median(side)) for t in times]
    return [
        1000 * (seconds - before_seconds) / (pages - before_pages)
        for (before_pages, before_seconds), (pages, seconds) in zip(medians, medians[1:])
    ]


def grows_linearly(marginals: list[float]) -> bool:
    """Linear when no later size costs more per extra page than the first step, give or take noise."""
    return all(later <= marginals[0] * LINEAR_TOLERANCE for later in marginals[1:])

"""What an attacker or a careless editor could put in a pull request, each case a
small change to a copy of the project: the build's checks refuse it with the
file and line to fix, and a build that fails, early or late, leaves the
previous site/ byte for byte.

Two layers, so the suite stays fast on two cores:
- every case runs the build's checks (the same runner `mkdocs build` calls
  before it writes anything, wales_site/checks/runner.py) on a copy carrying
  its change, and must be refused with its `file:line` and message;
- a few real builds, one for each way a build can fail (the checks before
  anything is written, MkDocs' strict mode after everything is written, the
  Welsh build, a file the build must not read), assert the exit code, the
  message, that site/ is unchanged and that no staging folder is left.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import copy_project, edit
from wales_site.checks import runner
from wales_site.checks.registry import BUILD
from wales_site.problems import errors
from wales_site.project import Project

TODAY = dt.date(2026, 12, 5)


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        edit(root / path, old, new)
    return change


def replace_all(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text, f"{path} no longer has {old!r}: update the case"
        (root / path).write_text(text.replace(old, new), encoding="utf-8")
    return change


def append(path: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with open(root / path, "a", encoding="utf-8") as page:
            page.write(text)
    return change


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], None]
    # The problem expected: in this file, on the first line holding `on_line`
    # after the change (None: a problem of the whole file), saying `says`.
    file: str
    on_line: str | None
    says: str


# Ordinary English pages, which the cases below go round unless they name a page
# of their own: one copy of the project can then carry many cases, one on each
# page (see batches()).
HOST_PAGES = itertools.cycle(f"docs/{page}.md" for page in (
    "history/evidence-2013", "history/training-2013", "history/regional-fora", "history/news",
    "wales/evidence-and-data", "wales/guidance-and-research", "professionals/children",
    "professionals/labour-exploitation", "professionals/criminal-exploitation",
    "professionals/multi-agency-working", "staying-safe-online", "support-for-victims",
))


def page_case(name: str, markdown: str, says: str, page: str | None = None) -> Case:
    page = page or next(HOST_PAGES)
    # The problem is on the last line of what was added.
    return Case(name, append(page, f"\n{markdown}\n"), page, markdown.splitlines()[-1], says)


PAGE_MARKUP = [
    page_case("script", "<script>alert(1)</script>", "<script> is not allowed"),
    page_case("image-handler", '<img src="data:," alt="" onerror="for(a of document.links)a.href=\'tel:09098790000\'">',
              '"onerror" runs code'),
    page_case("attribute-syntax", "A paragraph.\n{ onclick=\"alert(1)\" }", '"onclick" runs code'),
    page_case("style-attribute", "Hidden text.\n{ style=\"display:none\" }", "styles are set by the site's stylesheet"),
    page_case("style-element", "<style>.exit-this-page{display:none}</style>", "<style> is not allowed"),
    page_case("iframe", '<iframe src="https://example.com"></iframe>', "<iframe> is not allowed"),
    page_case("object", '<object data="x.swf"></object>', "<object> is not allowed"),
    page_case("embed", '<embed src="x.swf">', "<embed> is not allowed"),
    page_case("form", '<form action="https://example.com/collect"><input name="who"></form>', "<form> is not allowed"),
    page_case("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://example.com">', "<meta> is not allowed"),
    page_case("base", '<base href="https://example.com/">', "<base> is not allowed"),
    page_case("link", '<link rel="stylesheet" href="https://example.com/x.css">', "<link> is not allowed"),
    page_case("svg", '<svg onload="alert(1)"></svg>', "<svg> is not allowed"),
    page_case("theme-id", '<div id="__config" markdown>x</div>', "belong to the site's theme"),
    page_case("fake-exit-button", '<a class="exit-this-page__button" href="https://example.com">Exit this page</a>',
              "belongs to the site's theme"),
    page_case("nul-hides-a-script", "<script\x00>document.title='x'</script>", "control character"),
    page_case("no-break-space-hides-a-link", "<a href=tel:+449098790000\xa0href=tel:999>999</a>", "unusual space"),
    page_case("label-says-another-number", '<a href="tel:101" aria-label="Call 999 now">101</a>',
              "labelled only by its number"),
    page_case("hidden-text-says-another-number", '<span class="visually-hidden">Call 999</span>',
              "belongs to the site's theme"),
    page_case("comment-trick", "<!--><script>alert(2)</script>-->", "browsers end it elsewhere"),
    page_case("data-attribute", '<span data-exit-this-page>x</span>', 'the attribute "data-exit-this-page"'),
    page_case("welsh-page", "<script>alert(1)</script>", "<script> is not allowed", page="docs-cy/spot-the-signs.md"),
]
LINKS = [
    page_case("javascript-link", "[Get help](javascript:alert(1))", 'may not start "javascript:"'),
    page_case("hidden-javascript-link", '<a href="jav&#x09;ascript:alert(1)">Get help</a>', 'may not start "javascript:"'),
    page_case("data-link", "[Get help](data:text/html,hello)", 'may not start "data:"'),
    page_case("vbscript-link", '<a href="vbscript:msgbox(1)">Get help</a>', 'may not start "vbscript:"'),
    page_case("file-link", "[Get help](file:///etc/passwd)", 'may not start "file:"'),
    page_case("tracking-image", "![](https://tracker.example.com/p.gif)", "images must be files of this site"),
]
DIAL_LINKS = [
    page_case("premium-rate", "Call [0909 879 0000](tel:+449098790000).", "premium rate"),
    page_case("wrong-number-behind-the-text", "Call the helpline on [08000 121 700](tel:+442920000000).",
              "they must be the same number"),
    page_case("personal-number", "Call [070 1234 5678](tel:+447012345678).", ""),
    page_case("service-charge", "Call [0871 234 5678](tel:+448712345678).", ""),
    page_case("hidden-extension", "Call [999](tel:999;ext=123).", "dials more than the number"),
    page_case("hidden-pause", "Call [101](tel:101,,1234).", "after a pause"),
    page_case("prefilled-text", "Text [07700 900123](sms:+447700900123?body=hello).", "fills in a text message"),
    page_case("eastern-arabic-digits", "Call [٠٨٠٠ ٠١٢١ ٧٠٠](tel:+448000121700).", "the digits 0 to 9"),
    page_case("reversed-digits", "Call [\u202e0071 2100 0080](tel:+448000121700).", "invisible characters"),
]
DATA = [
    Case("premium-number-in-data", replace("data/helplines.yml", 'phone: "999"', 'phone: "0909 879 0000"'),
         "data/helplines.yml", 'phone: "0909 879 0000"', "premium rate"),
    Case("full-width-digits-in-data", replace("data/helplines.yml", 'phone: "999"', 'phone: "９９９"'),
         "data/helplines.yml", 'phone: "９９９"', "0 to 9"),
    Case("unknown-source", replace("data/helplines.yml", "sources: [south-wales-police]",
                                   "sources: [south-wales-polise]"),
         "data/helplines.yml", "south-wales-polise", "south-wales-police"),
    Case("unknown-key", replace("data/helplines.yml", "    emergency: true\n", "    emergency: true\n    onclick: x\n"),
         "data/helplines.yml", "onclick: x", "onclick"),
    page_case("citation-of-nothing", "A claim. {{ cite: made-up-source }}", "made-up-source"),
    page_case("link-to-no-page", "Read [the signs](spot-the-sings.md).", 'the link "spot-the-sings.md" goes to no page'),
    page_case("link-to-no-anchor", "Read [the signs](report-a-concern.md#no-such-heading).",
              'report-a-concern.md has no heading or anchor "#no-such-heading"', page="docs-cy/spot-the-signs.md"),
    page_case("directory-of-nothing", "{{ directory: everything }}", "everything"),
]


def symlink_to_git_config(root: Path) -> None:
    (root / ".git").mkdir(exist_ok=True)
    (root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    (root / "docs" / "token.md").symlink_to(root / ".git" / "config")


def linked_folder(root: Path) -> None:
    (root / "docs" / "elsewhere").symlink_to("/etc", target_is_directory=True)


def named_pipe(root: Path) -> None:
    os.mkfifo(root / "docs" / "waiting.md")


def renamed(old: str, new: str) -> Callable[[Path], None]:
    return lambda root: (root / old).rename(root / new)


FILES = [
    Case("symlink-to-the-ci-token", symlink_to_git_config, "docs/token.md", None, "is a symbolic link"),
    Case("linked-folder", linked_folder, "docs/elsewhere", None, "is a symbolic link"),
    Case("named-pipe", named_pipe, "docs/waiting.md", None, "is not an ordinary file"),
    Case("html-file-in-a-page-folder", lambda root: (root / "docs/helpline.html").parent.mkdir(parents=True, exist_ok=True) or (root / "docs/helpline.html").write_text('<script>alert(document.domain)</script>'),
         "docs/helpline.html", None, "would be published unchecked"),
    Case("svg-file-in-a-page-folder", lambda root: (root / "docs/logo.svg").parent.mkdir(parents=True, exist_ok=True) or (root / "docs/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
         "docs/logo.svg", None, "would be published unchecked"),
    Case("replacing-the-exit-button-script", lambda root: (root / "docs-cy/components/exit-this-page/exit-this-page.js").parent.mkdir(parents=True, exist_ok=True) or (root / "docs-cy/components/exit-this-page/exit-this-page.js").write_text('void 0'),
         "docs-cy/components", None, "where the site's own files go"),
    Case("replacing-the-stylesheet", lambda root: (root / "docs/assets/stylesheets/site.css").parent.mkdir(parents=True, exist_ok=True) or (root / "docs/assets/stylesheets/site.css").write_text('.exit-this-page{{display:none}}'),
         "docs/assets", None, "where the site's own files go"),
    Case("other-file-in-data", lambda root: (root / "data/notes.txt").parent.mkdir(parents=True, exist_ok=True) or (root / "data/notes.txt").write_text('notes'), "data/notes.txt", None, "YAML files (.yml) only"),
    Case("capital-letters", renamed("docs/spot-the-signs.md", "docs/Spot-The-Signs.md"),
         "docs/Spot-The-Signs.md", None, "lower-case letters, digits and hyphens"),
    Case("space-in-a-name", renamed("data/fora.yml", "data/fora copy.yml"), "data/fora copy.yml", None,
         "lower-case letters, digits and hyphens"),
    Case("name-too-long", renamed("docs/spot-the-signs.md", f"docs/{'a' * 120}.md"), f"docs/{'a' * 120}.md", None,
         "characters long"),
]
ANCHORS = "anchors and aliases (&name, *name) are not allowed"
# "Billion laughs": nine levels of nine aliases, 9^9 items once expanded.
BOMB = "bomb0: &bomb0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"bomb{level}: &bomb{level} [{', '.join([f'*bomb{level - 1}'] * 9)}]\n" for level in range(1, 9))
FRONT_MATTER = [
    Case("tag-in-a-title", replace("docs/spot-the-signs.md", "title: ", "title: <img src=x onerror=alert(1)> "),
         "docs/spot-the-signs.md", "title: <img", 'title: must be plain text: remove "<img'),
    Case("script-in-a-description", replace("docs-cy/spot-the-signs.md", "description: ",
                                            "description: <script>alert(1)</script> "),
         "docs-cy/spot-the-signs.md", "description: <script>", 'must be plain text: remove "<script>"'),
    Case("character-reference-in-a-title", replace("docs/spot-the-signs.md", "title: Spot the signs",
                                                                     'title: "&lt;b&gt; Spot the signs"'),
         "docs/spot-the-signs.md", "title: \"&lt;", 'must be plain text: remove "&lt;"'),
    Case("theme-template-key", replace("docs/spot-the-signs.md", "title: ", "template: ../../.git/config\ntitle: "),
         "docs/spot-the-signs.md", "template:", "template: is not a front-matter field"),
    Case("alias-bomb-in-front-matter", replace("docs/spot-the-signs.md", "---\n", "---\n" + BOMB),
         "docs/spot-the-signs.md", "bomb0:", ANCHORS),
    Case("title-written-twice", replace("docs/spot-the-signs.md", "description: ", "title: Again\ndescription: "),
         "docs/spot-the-signs.md", "title: Again", 'key "title" is written twice'),
    Case("yes-for-a-title", replace("docs/spot-the-signs.md", "title: Spot the signs", "title: yes"),
         "docs/spot-the-signs.md", "title: yes", "MkDocs reads yes as true"),
]
SITE_TEXT = [
    Case("markup-in-site-text", replace("data/site-text.yml", "en: Get help", "en: <b>Get help</b>"),
         "data/site-text.yml", "<b>Get help</b>", 'must be plain text: remove "<b>"'),
    Case("placeholder-typo", replace("data/site-text.yml", "en: Source {number}", "en: Source {numbr}"),
         "data/site-text.yml", "{numbr}", '"{numbr}" is not a placeholder here: did you mean "{number}"?'),
    Case("placeholder-that-reads-the-code", replace("data/site-text.yml", "en: Source {number}",
                                                    "en: Source {number.__class__}"),
         "data/site-text.yml", "__class__", "placeholder"),
    Case("placeholder-missing", replace("data/site-text.yml", "en: Source {number}", "en: Source number"),
         "data/site-text.yml", "en: Source number", "{number} is missing"),
    Case("text-the-site-prints-removed", replace("data/site-text.yml", "  help.label:\n    en: Get help\n    cy: Cael help\n", ""),
         "data/site-text.yml", "text:", "text.help.label: is missing: the site prints it"),
    Case("key-written-twice-in-site-text", replace("data/site-text.yml", "    cy: Cael help\n",
                                                   "    cy: Cael help\n    en: Get help now\n"),
         "data/site-text.yml", "en: Get help now", "is written twice"),
]
YAML_AND_SIZES = [
    Case("alias-bomb-in-data", replace("data/helplines.yml", "helplines:\n", BOMB + "helplines:\n"),
         "data/helplines.yml", "bomb0:", ANCHORS),
    Case("alias-in-data", replace("data/helplines.yml", "      en: Police (emergency)", "      en: &police Police (emergency)"),
         "data/helplines.yml", "&police", ANCHORS),
    Case("yes-for-a-boolean", replace("data/helplines.yml", "    help_strip: true", "    help_strip: yes"),
         "data/helplines.yml", "help_strip: yes", "help_strip"),
    Case("key-written-twice-in-data", replace("data/helplines.yml", "    emergency: true\n",
                                              "    emergency: true\n    emergency: false\n"),
         "data/helplines.yml", "emergency: false", 'key "emergency" is written twice'),
    Case("nested-too-deep", append("data/fora.yml", "deep: " + "[" * 30 + "]" * 30 + "\n"),
         "data/fora.yml", "deep:", "nested more than 20 deep"),
    Case("huge-string-in-data", replace("data/helplines.yml", "      en: Police (emergency)", "      en: " + "x" * 20_000),
         "data/helplines.yml", "xxxxx", "characters"),
    Case("over-long-id", replace("data/helplines.yml", "id: police-emergency", "id: police-" + "e" * 90),
         "data/helplines.yml", "eeeee", "80"),
    Case("page-not-utf8", lambda root: (root / "docs/spot-the-signs.md").write_bytes(
        (root / "docs/spot-the-signs.md").read_bytes() + "\nCaf\u00e9\n".encode("latin-1")),
         "docs/spot-the-signs.md", "Caf", "is not UTF-8 text (byte 0xe9)"),
    Case("data-not-utf8", lambda root: (root / "data/fora.yml").write_bytes(
        (root / "data/fora.yml").read_bytes() + "# Caf\u00e9\n".encode("latin-1")),
         "data/fora.yml", "# Caf", "is not UTF-8 text (byte 0xe9)"),
    Case("huge-page", append("docs/spot-the-signs.md", ("A line of text to fill the page. " * 3 + "\n") * 2000),
         "docs/spot-the-signs.md", "---", "over the limit"),
]
ROUTE = "professionals/which-route/"
ROUTE_FINDER = [
    Case("route-answer-to-no-page", replace(f"docs/{ROUTE}age.md", "(consent.md)", "(consnet.md)"),
         f"docs/{ROUTE}age.md", "(consnet.md)", "consnet.md is not a page of the route"),
    Case("route-welsh-answers-swapped", replace(f"docs-cy/{ROUTE}immediate-danger.md", "(call-999.md)", "(age.md)"),
         f"docs-cy/{ROUTE}immediate-danger.md", "(age.md)", "the English page's lead to call-999.md, age.md"),
    Case("route-outcome-without-sources", replace_all(f"docs/{ROUTE}call-999.md", " {{ cite: south-wales-police }}", ""),
         f"docs/{ROUTE}call-999.md", "route:", "an outcome cites the sources"),
]
CASES = PAGE_MARKUP + LINKS + DIAL_LINKS + DATA + FILES + FRONT_MATTER + SITE_TEXT + YAML_AND_SIZES + ROUTE_FINDER


@pytest.fixture(scope="session")
def pristine(tmp_path_factory) -> tuple[Path, Project]:
    root = copy_project(tmp_path_factory.mktemp("pristine") / "project")
    return root, Project.load(root)


def copy_of(pristine_root: Path, destination: Path) -> Path:
    shutil.copytree(pristine_root, destination, symlinks=True)
    return destination


def build_problems(root: Path, project: Project) -> list[str]:
    # The project as loaded from the pristine copy, moved to this case's copy:
    # the same configuration, read from the changed files.
    return [str(problem) for problem in errors(runner.run(dataclasses.replace(project, root=root), TODAY, (BUILD,)))]


def twins_as_one(file: str) -> str:
    """A page and its Welsh twin are one place: the translation checks compare them."""
    return file.removeprefix("docs-cy/").removeprefix("docs/")


def batches(cases: list[Case]) -> list[list[Case]]:
    """The cases dealt into copies of the project, each copy carrying at most one
    case in each place (a data file, a page and its twin), so that no change hides
    or moves another's problem: the checks report every problem at once, at a run
    over the whole project (half a second) for each copy, not each case. But for
    the FILES cases, which each get a copy of their own: the files check is a gate,
    whose errors stop the checks after it."""
    dealt: list[list[Case]] = []
    for case in cases:
        place = twins_as_one(case.file)
        free = None if case in FILES else next(
            (batch for batch in dealt
             if batch[0] not in FILES and place not in {twins_as_one(other.file) for other in batch}), None)
        if free is None:
            dealt.append([case])
        else:
            free.append(case)
    return dealt


BATCH_OF = {case.name: tuple(batch) for batch in batches(CASES) for case in batch}


@pytest.fixture(scope="session")
def checked(pristine, tmp_path_factory) -> Callable[[tuple[Case, ...]], tuple[Path, list[str]]]:
    """The copy carrying a batch of cases and the problems the checks find in it,
    made when one of its cases first asks."""
    pristine_root, project = pristine
    found: dict[tuple[Case, ...], tuple[Path, list[str]]] = {}

    def copy_with(batch: tuple[Case, ...]) -> tuple[Path, list[str]]:
        if batch not in found:
            root = copy_of(pristine_root, tmp_path_factory.mktemp("batch") / "project")
            for case in batch:
                case.change(root)
            started = time.monotonic()
            problems = build_problems(root, project)
            assert time.monotonic() - started < 10, "the checks must answer quickly, never hang"
            found[batch] = root, problems
        return found[batch]

    return copy_with


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_build_refuses_it_saying_where(case, checked):
    batch = BATCH_OF[case.name]
    root, problems = checked(batch)
    where = case.file
    if case.on_line is not None:
        lines = (root / case.file).read_text(encoding="utf-8", errors="replace").splitlines()
        where += f":{next(n for n, line in enumerate(lines, start=1) if case.on_line in line)}"
    assert any(problem.startswith(f"{where}: ") and case.says in problem for problem in problems), (
        f"expected {where}: …{case.says}…, got (the copy also carries "
        f"{', '.join(other.name for other in batch if other is not case) or 'no other case'}):\n" + "\n".join(problems))


def test_the_unchanged_copy_passes(pristine, tmp_path):
    # So each case above fails for its change alone.
    pristine_root, project = pristine
    assert build_problems(copy_of(pristine_root, tmp_path / "project"), project) == []


# Real builds: make build's command on a copy whose site/ was built before.

def make_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wales_site", "build"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(Path.cwd())})


def fingerprint(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def built(tmp_path_factory, pristine, site):
    """A copy with a good site/ (the real site's, built once for the whole run:
    what the builds below must leave or replace, not what they check); each
    test puts back what it changed."""
    root = copy_of(pristine[0], tmp_path_factory.mktemp("built") / "project")
    shutil.copytree(site, root / "site")
    yield root
    shutil.rmtree(root)


@pytest.fixture
def changed_then_restored(built, pristine):
    yield built
    for folder in ("docs", "docs-cy", "data"):
        shutil.rmtree(built / folder)
        shutil.copytree(pristine[0] / folder, built / folder, symlinks=True)


def page_left_out_of_the_menu(root: Path) -> None:
    for docs, title in (("docs", "A new page"), ("docs-cy", "Tudalen newydd")):
        (root / docs / "new-page.md").write_text(
            f"---\ntitle: {title}\ndescription: {title}.\nlast_reviewed: 2026-12-01\n---\n\n# {title}\n\n{title}.\n",
            encoding="utf-8")


FAILED_BUILDS = [
    # Stopped by the checks before anything is written.
    pytest.param(page_case("script", "<script>alert(1)</script>", "<script> is not allowed"), id="checks"),
    # Strict mode: a page missing from the menu is found after every English page has been written.
    pytest.param(Case("page-left-out-of-the-menu", page_left_out_of_the_menu, "docs/new-page.md", None,
                      "new-page.md"), id="late"),
    # Inside the Welsh build, after the English site has been written: an absolute link, which strict
    # mode finds in both languages and the Welsh build, run first to its end, stops on.
    pytest.param(Case("absolute-link", lambda root: [append(f"{docs}/spot-the-signs.md", "\n[Home](/about/)\n")(root)
                                                     for docs in ("docs", "docs-cy")],
                      "docs-cy/spot-the-signs.md", None, "absolute link"), id="welsh"),
    pytest.param(FILES[0], id="symlink"),
]


@pytest.mark.parametrize("case", FAILED_BUILDS)
def test_a_failed_build_leaves_the_previous_site(case, changed_then_restored):
    root = changed_then_restored
    before = fingerprint(root / "site")
    case.change(root)
    result = make_build(root)
    assert result.returncode != 0
    assert case.says in result.stderr + result.stdout
    assert "Nothing was published" in result.stderr
    assert fingerprint(root / "site") == before, "site/ changed"
    assert not list(root.glob(".building-*")), "a staging folder was left behind"
    if case.name == "symlink-to-the-ci-token":
        assert not any("c2VjcmV0" in (root / "site" / page).read_text(errors="ignore") for page in before)


def test_a_good_build_replaces_the_site(changed_then_restored):
    root = changed_then_restored
    append("docs/spot-the-signs.md", "\nA new sentence.\n")(root)
    result = make_build(root)
    assert result.returncode == 0, result.stderr
    assert "A new sentence." in (root / "site" / "spot-the-signs" / "index.html").read_text(encoding="utf-8")
    assert not list(root.glob(".building-*")), "a staging folder was left behind"


def test_a_killed_builds_staging_folder_is_removed_by_the_next(tmp_path):
    from wales_site import atomic_build

    left = tmp_path / f"{atomic_build.STAGING_PREFIX}killed"
    (left / "index.html").parent.mkdir()
    (left / "index.html").write_text("half a site")
    (tmp_path / "site").mkdir()
    atomic_build.remove_staging_left_behind(tmp_path)
    assert not left.exists() and (tmp_path / "site").exists()

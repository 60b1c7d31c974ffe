"""What an editor or a pull request can write in YAML and front matter is refused
with `file:line` and what to do, quickly: never a hang, a traceback, or a word
silently turned into a boolean."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from wales_site import limits, text_files
from wales_site.checks import runner
from wales_site.checks.registry import BUILD
from wales_site.content import front_matter
from wales_site.data import fast_yaml
from wales_site.problems import errors
from wales_site.project import Project

ANCHORS = "anchors and aliases (&name, *name) are not allowed: write the text out in full"
# "Billion laughs": nine levels of nine aliases, 9^9 "lol"s once expanded.
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi")
)


def refused(text: str) -> tuple[int, str]:
    with pytest.raises(fast_yaml.YamlProblem) as caught:
        fast_yaml.load(text)
    return caught.value.line, caught.value.message


def test_an_alias_bomb_is_refused_at_once():
    start = time.perf_counter()
    assert refused(BOMB) == (1, ANCHORS)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: &loop [*loop]\n", 1), ("a: 1\nb: &x text\nc: *x\n", 2), ("a: [1]\nb: *x\n", 2)],
    ids=["recursive", "anchor-and-alias", "alias-alone"],
)
def test_anchors_and_aliases_are_refused_with_their_line(text, line):
    assert refused(text) == (line, ANCHORS)


def test_a_key_written_twice_is_refused_with_both_lines():
    assert refused("entries:\n  - id: one\n    name: One\n    name: Two\n") == (
        4, 'key "name" is written twice (first on line 3): keep one')


def test_only_true_and_false_are_booleans():
    assert fast_yaml.load("a: yes\nb: no\nc: on\nd: off\ne: NO\nf: true\ng: false\n") == {
        "a": "yes", "b": "no", "c": "on", "d": "off", "e": "NO", "f": True, "g": False}


def test_words_a_yaml_1_1_reader_takes_for_booleans_are_found():
    root = fast_yaml.compose("a: yes\nb: 'no'\nc: [On, true, True]\nd: Norway\n")
    assert fast_yaml.words_read_as_booleans(root) == [(1, "yes"), (3, "On"), (3, "True")]


def nested(levels: int) -> str:
    return "a: " + "[" * (levels - 1) + "x" + "]" * (levels - 1) + "\n"


def test_nesting_deeper_than_the_limit_is_refused():
    assert fast_yaml.load(nested(limits.NESTING_LEVELS))
    assert refused("\n" + nested(limits.NESTING_LEVELS + 1)) == (
        2, f"lists and groups are nested more than {limits.NESTING_LEVELS} deep: write it flatter")


def test_a_huge_string_is_refused():
    assert fast_yaml.load("a: " + "x" * limits.STRING_CHARACTERS)
    assert refused("a: 1\nb: " + "x" * (limits.STRING_CHARACTERS + 1)) == (
        2, f"a text of {limits.STRING_CHARACTERS + 1:,} characters: at most {limits.STRING_CHARACTERS:,} are allowed")


def test_invalid_yaml_is_reported_with_its_line():
    assert refused("a: 1\nb: [unclosed\n") == (
        3, "this is not valid YAML (did not find expected ',' or ']'): check the indentation and quotes")


def test_a_file_that_is_not_utf8_is_named_with_the_line_of_the_first_bad_byte(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes("a: one\nb: caf\u00e9\n".encode("latin-1"))
    file = text_files.read(path, limits.DATA_FILE, "data/x.yml")
    assert str(file.problem) == "data/x.yml:2: is not UTF-8 text (byte 0xe9): save it as UTF-8"
    assert file.text == "a: one\nb: caf\ufffd\n"


def test_a_file_over_its_limit_is_named_and_read_no_further(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * (limits.PAGE.bytes + 1))
    file = text_files.read(path, limits.PAGE, "docs/big.md")
    assert str(file.problem) == (f"docs/big.md:1: is {limits.PAGE.bytes + 1:,} bytes, over the limit of "
                                 f"{limits.PAGE.bytes:,}: split it into shorter pages")
    assert len(file.text) == limits.PAGE.bytes


# Front matter ----------------------------------------------------------------

PAGE = "---\ntitle: Report a concern\ndescription: Who to contact.\nlast_reviewed: 2026-11-29\n---\n\n# Report a concern\n"


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """A docs folder, with the checks run from its parent as the build runs them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    return Path("docs")


def front_matter_problems(docs: Path, text: str | bytes) -> list[str]:
    page = docs / "page.md"
    page.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return [str(problem) for problem in front_matter.check([docs])]


def test_the_real_front_matter_passes():
    assert front_matter.check([ROOT / "docs", ROOT / "docs-cy"]) == []


def test_a_good_page_passes(docs):
    assert front_matter_problems(docs, PAGE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("title: Report a concern", "title: A <b>bold</b> title",
         'docs/page.md:2: title: must be plain text: remove "<b>"'),
        ("description: Who to contact.", "description: Who to contact &amp; when.",
         'docs/page.md:3: description: must be plain text: remove "&amp;"'),
        ("description: Who to contact.", "description: <script>alert(1)</script>",
         'docs/page.md:3: description: must be plain text: remove "<script>"'),
        ("title: Report a concern", "title: 2024", "docs/page.md:2: title: must be text: put it in quotes"),
        ("last_reviewed: 2026-11-29", "last_reviewed: 2026-11-29\nsubtitle: <i>x</i>",
         "docs/page.md:5: subtitle: is not a front-matter field: use title, description, last_reviewed, period, "
         "translation_of, route"),
        ("title: Report a concern", "title: no",
         'docs/page.md:2: MkDocs reads no as false: put it in quotes ("no")'),
        ("description: Who to contact.", "description: Who to contact.\ntitle: Again",
         'docs/page.md:4: key "title" is written twice (first on line 2): keep one'),
        ("description: Who to contact.", "description: &d Who to contact.\nsummary: *d", f"docs/page.md:3: {ANCHORS}"),
        ("description: Who to contact.", "description: [unclosed",
         "docs/page.md:4: this is not valid YAML (did not find expected ',' or ']'): check the indentation and quotes"),
        # MkDocs would still read these (MultiMarkdown lines; YAML closed by "..."): refused until found here.
        ("---\ntitle: Report a concern", "title: Report a concern",
         "docs/page.md:1: the page does not start with front matter (a line `---`)"),
        ("last_reviewed: 2026-11-29\n---", "last_reviewed: 2026-11-29\ntemplate: base.html\n...",
         "docs/page.md:1: the front matter is not closed by a line `---`"),
    ],
    ids=["tag-in-title", "reference-in-description", "script", "not-text", "unknown-key", "yaml-1.1-boolean",
         "key-twice", "alias", "invalid-yaml", "no-front-matter", "closed-by-dots"],
)
def test_a_front_matter_mistake_is_named_with_its_line(docs, old, new, expected):
    assert old in PAGE
    assert front_matter_problems(docs, PAGE.replace(old, new)) == [expected]


def test_an_alias_bomb_in_front_matter_is_refused_at_once(docs):
    start = time.perf_counter()
    bomb = "---\n" + BOMB + "title: Report a concern\n---\n"
    assert front_matter_problems(docs, bomb) == [f"docs/page.md:2: {ANCHORS}"]
    assert time.perf_counter() - start < 1


def test_a_page_that_is_not_utf8_is_named(docs):
    text = PAGE.replace("# Report a concern", "# Report a concern\n\nCaf\u00e9.").encode("latin-1")
    assert front_matter_problems(docs, text) == ["docs/page.md:9: is not UTF-8 text (byte 0xe9): save it as UTF-8"]


def test_a_huge_page_is_named(docs):
    text = PAGE + "Words. " * (limits.PAGE.bytes // 7)
    size = len(text.encode("utf-8"))
    assert front_matter_problems(docs, text) == [
        f"docs/page.md:1: is {size:,} bytes, over the limit of {limits.PAGE.bytes:,}: split it into shorter pages"]


def test_the_build_checks_report_broken_files_without_stopping_on_them(tmp_path):
    """Every build-stage check runs over a page and a data file that cannot be read,
    and each file is named once, on its line."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "report-a-concern.md"
    page.write_bytes(page.read_bytes().replace(b"Do you think", "Caf\u00e9. Do you think".encode("latin-1"), 1))
    welsh = project / "docs-cy" / "report-a-concern.md"
    welsh.write_text(welsh.read_text(encoding="utf-8").replace("---\n", "---\n" + BOMB, 1), encoding="utf-8")
    helplines = project / "data" / "helplines.yml"
    helplines.write_text(helplines.read_text(encoding="utf-8").replace("helplines:\n", BOMB + "helplines:\n", 1),
                         encoding="utf-8")
    start = time.perf_counter()
    found = errors(runner.run(Project.load(project), dt.date(2026, 12, 5), (BUILD,)))
    assert time.perf_counter() - start < 30
    bomb_line = (project / "data" / "helplines.yml").read_text(encoding="utf-8").split("\n").index(BOMB.split("\n")[0]) + 1
    assert [str(problem) for problem in found] == [
        f"data/helplines.yml:{bomb_line}: {ANCHORS}",
        f"docs-cy/report-a-concern.md:2: {ANCHORS}",
        "docs/report-a-concern.md:9: is not UTF-8 text (byte 0xe9): save it as UTF-8",
    ]

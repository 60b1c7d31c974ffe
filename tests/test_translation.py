"""Welsh pages keep the shape of their English twins, and say which English text they translate."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from wales_site.editorial import translation_status
from wales_site.project import Project
from wales_site.content import markdown_page as md
from wales_site.editorial import translation_freshness as freshness
from wales_site.editorial import translation_parity as parity

ENGLISH = """---
title: Get help
description: Where to get help.
last_reviewed: 2026-11-01
---

# Get help

Some text with a [link](report-a-concern.md#top). {{ cite: seed }}

!!! warning "In danger?"
    Call [999](tel:999).

## Phone numbers

| Service | Number |
|---|---|
| Police | [101](tel:101) |
| Helpline | [08000 121 700](tel:+448000121700) |

{{ directory: helplines }}

![A map](images/map.png)

## More

Text.
"""

WELSH = """---
title: Cael help
description: Ble i gael help.
last_reviewed: 2026-11-01
---

# Cael help

Testun gyda [dolen](report-a-concern.md#brig). {{ cite: seed }}

!!! warning "Mewn perygl?"
    Ffoniwch [999](tel:999).

## Rhifau ffôn

| Gwasanaeth | Rhif |
|---|---|
| Heddlu | [101](tel:101) |
| Llinell gymorth | [08000 121 700](tel:+448000121700) |

{{ directory: helplines }}

![Map](images/map.png)

## Rhagor

Testun.
"""


def page(text: str, name: str = "page.md") -> md.MarkdownPage:
    return md.parse_page(text, Path(name))


def test_a_faithful_translation_matches():
    assert parity.compare(page(ENGLISH), page(WELSH)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("## Rhagor\n", ""), "headings differ: English has 3, Welsh has 2"),
        (("## Rhagor\n", "### Rhagor\n"), "headings differ"),
        (("!!! warning", "!!! note"), "admonitions (!!! boxes) differ: English warning; Welsh note"),
        (("tel:+448000121700", "tel:+448000121701"), "only in English: tel:+448000121700; only in Welsh: tel:+448000121701"),
        (("report-a-concern.md#brig", "spot-the-signs.md"), "only in English: report-a-concern.md"),
        (("{{ directory: helplines }}", "{{ directory: forums }}"), "directory markers differ: English helplines; Welsh forums"),
        (("![Map](images/map.png)\n", ""), "images differ"),
        (("| Heddlu | [101](tel:101) |\n", ""), "tables differ: English 2 columns x 2 rows; Welsh 2 columns x 1 rows"),
        (("Testun.\n", "Testun.\n\n- eitem ychwanegol\n"), "list items differ: English has 0, Welsh has 1"),
        (("Testun.\n", "Testun\n:   diffiniad\n"), "definitions (`:   ` lines) differ: English has 0, Welsh has 1"),
        (("## Rhagor\n", "## Rhagor { #rhagor }\n"), "anchors ({ #id }) differ: only in English: none; only in Welsh: rhagor"),
        (("{{ cite: seed }}", "{{ cite: seed, statistics }}"), "sources cited differ: only in English: none; only in Welsh: statistics"),
    ],
)
def test_a_structural_difference_is_named(change, expected):
    welsh = WELSH.replace(*change)
    assert welsh != WELSH
    differences = parity.compare(page(ENGLISH), page(welsh))
    assert any(expected in difference for difference in differences), differences


def test_heading_mismatch_shows_both_outlines_with_line_numbers():
    welsh = WELSH.replace("## Rhifau ffôn\n", "")
    [difference] = parity.compare(page(ENGLISH), page(welsh))
    rows = difference.split("\n")[1:]
    assert [row.split("|")[0].strip() for row in rows] == [
        "line 7: # Get help", "line 14: ## Phone numbers", "> line 25: ## More"]
    assert [row.split("|")[1].strip() for row in rows] == ["line 7: # Cael help", "line 24: ## Rhagor", "(none)"]


def test_headings_inside_code_are_not_headings():
    english = ENGLISH.replace("Text.\n", "```\n# not a heading\n```\n")
    assert parity.compare(page(english), page(WELSH)) == []


def test_web_links_may_differ_between_languages():
    english = ENGLISH.replace("Text.", "[GOV.UK](https://www.gov.uk/)")
    welsh = WELSH.replace("Testun.", "[LLYW.CYMRU](https://www.llyw.cymru/)")
    assert parity.compare(page(english), page(welsh)) == []


def write_pair(tmp_path: Path, english: str = ENGLISH, welsh: str = WELSH) -> tuple[Path, Path]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs-cy").mkdir(exist_ok=True)
    (tmp_path / "docs" / "help.md").write_text(english, encoding="utf-8")
    (tmp_path / "docs-cy" / "help.md").write_text(welsh, encoding="utf-8")
    return tmp_path / "docs" / "help.md", tmp_path / "docs-cy" / "help.md"


def test_check_names_both_files_and_a_missing_twin(tmp_path):
    write_pair(tmp_path, welsh=WELSH.replace("## Rhagor\n", ""))
    (tmp_path / "docs" / "new.md").write_text(ENGLISH)
    messages = [str(p) for p in parity.check(tmp_path / "docs", tmp_path / "docs-cy")]
    assert any(f"{tmp_path}/docs-cy/help.md: does not match {tmp_path}/docs/help.md: headings differ" in m
               for m in messages), messages
    assert any("create" in m and "docs-cy/new.md" in m for m in messages), messages


def test_the_real_site_has_matching_translations():
    assert parity.check(ROOT / "docs", ROOT / "docs-cy") == []


def test_an_unstamped_translation_is_out_of_date_until_recorded(tmp_path):
    english, welsh = write_pair(tmp_path)
    assert not freshness.freshness(english, welsh).up_to_date
    freshness.stamp(english, welsh)
    assert freshness.freshness(english, welsh).up_to_date
    assert md.read_page(welsh).front_matter["title"] == "Cael help", "the rest of the front matter is kept"


def test_changing_the_english_text_makes_the_welsh_out_of_date(tmp_path):
    english, welsh = write_pair(tmp_path)
    freshness.stamp(english, welsh)
    english.write_text(ENGLISH.replace("Some text", "Some new text"))
    [warning] = freshness.check(tmp_path / "docs", tmp_path / "docs-cy")
    assert warning.warning and warning.file == welsh
    assert "has changed since this translation was last confirmed" in warning.message
    assert "make translated PAGE=help.md" in warning.message


@pytest.mark.parametrize(
    "change",
    [("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-20"), ("Text.\n", "Text.   \n\n\n"), ("\n", "\r\n")],
    ids=["review date", "spacing", "line endings"],
)
def test_changes_that_need_no_translation_keep_it_up_to_date(tmp_path, change):
    english, welsh = write_pair(tmp_path)
    freshness.stamp(english, welsh)
    english.write_bytes(ENGLISH.replace(*change).encode())
    assert freshness.freshness(english, welsh).up_to_date


def test_a_changed_english_title_makes_the_welsh_out_of_date(tmp_path):
    english, welsh = write_pair(tmp_path)
    freshness.stamp(english, welsh)
    english.write_text(ENGLISH.replace("title: Get help", "title: Getting help"))
    assert not freshness.freshness(english, welsh).up_to_date


def test_restamping_replaces_the_record():
    once = freshness.with_fingerprint(WELSH, "aaaaaaaaaaaa")
    twice = freshness.with_fingerprint(once, "000000000123")
    assert twice.count("translation_of:") == 1
    assert md.parse_page(twice, Path("x")).front_matter["translation_of"] == "000000000123"


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.load(copy_project(tmp_path / "project"))


def test_stamping_is_refused_while_the_structure_differs(project):
    welsh = project.root / project.welsh_docs / "spot-the-signs.md"
    welsh.write_text(welsh.read_text().replace("## Cael help", "Cael help"))
    with pytest.raises(ValueError, match="headings differ"):
        translation_status.stamp(project, Path("spot-the-signs.md"))


def test_status_report_lists_every_page_and_its_state(project):
    root = project.root
    (root / "docs/spot-the-signs.md").write_text((root / "docs/spot-the-signs.md").read_text().replace("hidden", "out of sight"))
    welsh = root / "docs-cy/report-a-concern.md"
    welsh.write_text(welsh.read_text().replace("## Cael help\n", "Cael help\n"))
    states = {str(s.page): s.state for s in translation_status.translation_status(project)}
    assert states.pop("spot-the-signs.md") == "out of date"
    assert states.pop("report-a-concern.md") == "structure mismatch"
    assert states and set(states.values()) == {"up to date"}


def test_resolve_page_accepts_the_ways_an_editor_names_a_page(project):
    for name in ("spot-the-signs", "spot-the-signs.md", "docs/spot-the-signs.md", "docs-cy/spot-the-signs.md"):
        assert translation_status.resolve_page(project, name) == Path("spot-the-signs.md")


# That the build stops on a structure mismatch, naming both files, is asserted with the other
# errors it stops on, in test_lint_command.py's test_make_lint_reports_every_error_the_build_stops_on_all_at_once.

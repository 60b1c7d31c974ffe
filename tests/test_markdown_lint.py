"""Markdown that would render wrongly is caught with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from wales_site.editorial import markdown_lint

GOOD = """---
title: Report a concern
description: Who to contact.
last_reviewed: 2026-11-29
---

# Report a concern

Text.

!!! warning "If someone is in immediate danger"
    Call [999](tel:999).

## Section

{{ directory: helplines }}

### Subsection

```
# not a heading {{ nor a marker
```

## Get help

- Call [999](tel:999) or the helpline on [08000 121 700](tel:+448000121700).
- Read how to [report a concern](report-a-concern.md).
"""


def lint(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return [(problem.line, problem.message) for problem in markdown_lint.check_page(path)]


def test_the_real_pages_pass():
    problems = markdown_lint.check({"en": ROOT / "docs", "cy": ROOT / "docs-cy"})
    assert problems == [], "\n".join(map(str, problems))


def test_a_good_page_passes(tmp_path):
    assert lint(tmp_path, GOOD) == []


def test_a_welsh_page_ends_with_cael_help(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(GOOD, encoding="utf-8")
    messages = [problem.message for problem in markdown_lint.check_page(path, "cy")]
    assert any("the last section must be `## Cael help`" in message for message in messages), messages
    path.write_text(GOOD.replace("## Get help", "## Cael help"), encoding="utf-8")
    assert markdown_lint.check_page(path, "cy") == []


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (("### Subsection", "#### Subsection"), 18, "heading level jumps from 2 to 4"),
        (("## Section", "# Section"), 14, "a second `# ` heading"),
        (("# Report a concern\n", "# Report concerns\n"), 7, "differs from the front-matter title 'Report a concern'"),
        (("# Report a concern\n", ""), 1, "the page has no `# Heading`"),
        (("description: Who to contact.\n", ""), 1, "front matter needs `description:`"),
        (("description: Who to contact.", "description: " + "x" * 161), 3, "description is 161 characters"),
        (("    Call [999]", "Call [999]"), 11, "the box has no text: indent the lines that belong in it by 4 spaces"),
        (("    Call [999]", "  Call [999]"), 11, "indent the lines that belong in it by 4 spaces"),
        (('!!! warning "If', '!!! warning "If'.replace('"', '')), 11, "write a box as `!!! type \"Title\"`"),
        (('!!! warning "If someone is in immediate danger"', '!!! warning "If someone'), 11, "write a box as"),
        (("!!! warning", "!!! warnign"), 11, "unknown box type 'warnign'"),
        # Lines that almost are a marker ({{ directory helplines }}) are the markers check's (test_directories.py).
        (("{{ directory: helplines }}", "See {{ directory: helplines }}"), 16, "are kept for directory markers"),
        (("{{ directory: helplines }}", "Dear {{ name }},"), 16, "are kept for directory markers"),
        (("```\n# not a heading {{ nor a marker\n```\n", "```\ncode\n"), 20, "this code block is never closed"),
        (("    Call [999]", "\tCall [999]"), 12, "indent with spaces, not a tab"),
        (("## Get help", "## Help"), 24, "the last section must be `## Get help`"),
        (("[999](tel:999) or ", ""), 24, "`## Get help` must link to: tel:999"),
        (("[report a concern](report-a-concern.md)", "report a concern"), 24, "must link to: a link to another page"),
    ],
)
def test_each_mistake_is_named_with_its_line(tmp_path, change, line, expected):
    text = GOOD.replace(*change)
    assert text != GOOD
    problems = lint(tmp_path, text)
    assert any(found_line == line and expected in message for found_line, message in problems), problems


def test_the_documented_only_form_of_a_marker_passes(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(GOOD.replace("{{ directory: helplines }}", "{{ directory: helplines | only: nspcc, childline }}"),
                    encoding="utf-8")
    assert markdown_lint.check_page(path) == []

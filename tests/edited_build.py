"""One copy of the project carrying the edits of three test files, built once (a
strict build of both languages takes seconds). No file's edits touch what
another's tests read:

- test_directories.py: one more page, in both languages and out of the menu,
  showing every directory (ALL_MARKERS); its Welsh is never stamped, and the
  translation notes' tests look only at the real pages;
- test_translation_notes.py: the English of one page changed since its Welsh
  was stamped (CHANGED), and the English of another dated before its Welsh
  (WELSH_NEWER); no directory marker is touched;
- test_theme_markup.py: " and & in the changed page's English title and
  description (that change is CHANGED's) and in the English site text the
  help strip prints (QUOTED_...), which nothing else here reads."""

from __future__ import annotations

import functools
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_project, edit, run_build

ALL_MARKERS = """---
title: {title}
description: Every directory.
last_reviewed: 2026-11-29
---

# {title}

## Helplines

{{{{ directory: helplines }}}}

## Children

{{{{ directory: helplines | only: childline, nspcc }}}}

## First Responders

{{{{ directory: first-responders }}}}

## Fora

{{{{ directory: fora }}}}

## Police

{{{{ directory: police-forces }}}}

## Councils

{{{{ directory: local-authorities }}}}

## News

{{{{ directory: events }}}}

## Sources

{{{{ directory: sources }}}}
"""


CHANGED, WELSH_NEWER = "spot-the-signs.md", "report-a-concern.md"
QUOTED_TITLE, QUOTED_DESCRIPTION = 'Spot the "signs" & more', 'What to look for: "signs" & what to do'
QUOTED_HELP_LABEL = 'Get "help" & advice'


@dataclass(frozen=True)
class EditedBuild:
    project: Path
    site: Path
    result: subprocess.CompletedProcess


def redated(text: str, day: str) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("last_reviewed:"))
    lines[index] = f"last_reviewed: {day}"
    return "\n".join(lines)


@pytest.fixture(scope="session")
def edited_build(tmp_path_factory) -> EditedBuild:
    return build_once(tmp_path_factory.getbasetemp())


# Cached here, not only by the fixture's session scope: pytest keeps a fixture
# imported into two test files as two fixtures, each made once.
@functools.cache
def build_once(basetemp: Path) -> EditedBuild:
    root = Path(tempfile.mkdtemp(prefix="edited-", dir=basetemp))
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /directories.md\n"),
                      encoding="utf-8")
    for docs, title in (("docs", "Directories"), ("docs-cy", "Cyfeiriaduron")):
        (project / docs / "directories.md").write_text(ALL_MARKERS.format(title=title), encoding="utf-8")
    page = project / "docs" / CHANGED
    # YAML's single quotes: " and & as written.
    edit(page, "title: Spot the signs\n", f"title: '{QUOTED_TITLE}'\n")
    description = next(line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("description: "))
    edit(page, description, f"description: '{QUOTED_DESCRIPTION}'")
    edit(project / "data" / "site-text.yml", "    en: Get help\n", f"    en: '{QUOTED_HELP_LABEL}'\n")
    page = project / "docs" / WELSH_NEWER
    page.write_text(redated(page.read_text(encoding="utf-8"), "2026-01-01"), encoding="utf-8")
    result = run_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return EditedBuild(project, root / "site", result)

"""The files a build reads: regular files only, with plain names.

A symbolic link in docs/ would publish whatever it points at (a link to
.git/config publishes the CI token); a named pipe hangs the build. A page's
name becomes its address, so names are lower-case letters, digits and
hyphens, short enough for every file system and every address bar.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from wales_site.problems import Problem

PLAIN_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)?")
LONGEST_NAME = 80


def name_problem(name: str) -> str | None:
    if len(name) > LONGEST_NAME:
        return f"the name is {len(name)} characters long: keep it to {LONGEST_NAME} or fewer"
    if not PLAIN_NAME.fullmatch(name):
        return "name files and folders with lower-case letters, digits and hyphens only (spot-the-signs.md)"
    return None


def kind_problem(mode: int) -> str | None:
    if stat.S_ISLNK(mode):
        return "is a symbolic link: copy the file in instead (a link could publish a file from outside the site)"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "is not an ordinary file: remove it"
    return None


def folder_problems(folder: Path) -> list[Problem]:
    """Every entry under folder that is not a plainly named ordinary file or folder.
    Links are reported, never followed (os.walk does not enter a linked folder)."""
    found = []
    for parent, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            path = Path(parent, name)
            problem = kind_problem(path.lstat().st_mode) or name_problem(name)
            if problem:
                found.append(Problem(path.as_posix(), None, problem))
    return found


def problems(folders: list[Path]) -> list[Problem]:
    """The folders an editor's pull request can change and the build reads."""
    found = []
    for folder in folders:
        if folder.is_symlink():
            found.append(Problem(folder.as_posix(), None, kind_problem(folder.lstat().st_mode)))
        elif folder.is_dir():
            found += folder_problems(folder)
    return found

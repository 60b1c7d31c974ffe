"""The files a build reads: regular files only, with plain names, and in the
page folders only pages and images.

A symbolic link in docs/ would publish whatever it points at (a link to
.git/config publishes the CI token); a named pipe hangs the build. A page's
name becomes its address, so names are lower-case letters, digits and
hyphens, short enough for every file system and every address bar.

MkDocs copies every other file of a page folder to the site as it is, and a
file there wins over the theme's file of the same name: an .html, .svg or .js
file would run its own script on the site's address, unchecked, and
docs/components/exit-this-page/exit-this-page.js would replace the Exit this
page button's script. So a page folder holds pages and images, none in the
folders the theme and the build write.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from wales_site.problems import Problem

PLAIN_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)?")
LONGEST_NAME = 80
# What a page folder may hold: pages, pictures a browser shows as pictures
# (never SVG, which can hold a script), and documents to download.
PAGE_FOLDER_FILES = frozenset({".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"})
DATA_FILES = frozenset({".yml", ".yaml"})
# Folders of the published site that the theme and the build write (assets/,
# components/, search/, data/ for the open data, cy/ for the Welsh site).
RESERVED_FOLDERS = frozenset({"assets", "components", "search", "data", "cy"})


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


def page_folder_problem(path: Path, folder: Path) -> str | None:
    relative = path.relative_to(folder)
    if relative.parts[0] in RESERVED_FOLDERS:
        # Named once, at the folder: what is inside goes with it.
        return None if len(relative.parts) > 1 else (
            f"{relative.parts[0]}/ is where the site's own files go: a file here would replace them; "
            f"choose another folder")
    if path.is_file() and path.suffix not in PAGE_FOLDER_FILES:
        return (f"a page folder holds pages (.md) and images ({', '.join(sorted(PAGE_FOLDER_FILES - {'.md'}))}) "
                f"only: {path.suffix or 'a file without an extension'} would be published unchecked")
    return None


def data_folder_problem(path: Path, folder: Path) -> str | None:
    if path.is_file() and path.suffix not in DATA_FILES:
        return "the data folder holds YAML files (.yml) only"
    return None


def folder_problems(folder: Path, content_problem=None) -> list[Problem]:
    """Every entry under folder that is not a plainly named ordinary file or folder,
    or that content_problem(path, folder) refuses. Links are reported, never
    followed (os.walk does not enter a linked folder)."""
    found = []
    for parent, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            path = Path(parent, name)
            problem = (kind_problem(path.lstat().st_mode) or name_problem(name)
                       or (content_problem and content_problem(path, folder)))
            if problem:
                found.append(Problem(path.as_posix(), None, problem))
    return found


def problems(page_folders: list[Path], data_folder: Path, theme_folder: Path) -> list[Problem]:
    """The folders an editor's pull request can change and the build reads."""
    found = []
    rules = [(folder, page_folder_problem) for folder in page_folders]
    rules += [(data_folder, data_folder_problem), (theme_folder, None)]
    for folder, content_problem in rules:
        if folder.is_symlink():
            found.append(Problem(folder.as_posix(), None, kind_problem(folder.lstat().st_mode)))
        elif folder.is_dir():
            found += folder_problems(folder, content_problem)
    return found

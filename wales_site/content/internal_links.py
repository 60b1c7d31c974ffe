"""Links between the site's pages, checked before anything is built, at the
line they are written on: the page a link names exists in the same
language, and so does the heading or anchor after its #.

(MkDocs' strict mode finds these too, but only after writing every page, and
names the page without the line.)
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Callable

from wales_site.content.markdown_page import is_internal, link_targets, read_page
from wales_site.problems import Problem

ID = re.compile(r'\sid="([^"]+)"')


def target_page(page: Path, docs: Path, target: str) -> str | None:
    """The docs-relative path a link's target names, or None if it leaves the docs folder."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    relative = page.relative_to(docs).parent.as_posix()
    joined = posixpath.normpath(posixpath.join(relative, path)) if path else page.relative_to(docs).as_posix()
    return None if joined.startswith("..") else joined


def problems(docs_dirs: list[Path], is_generated: Callable[[str], bool], html_of: Callable[[Path], str]) -> list[Problem]:
    """is_generated(path): whether a docs-relative path is a page the build writes from
    data (links to it are not checked here); html_of(page): the page's Markdown as HTML, for its ids."""
    found = []
    for docs in docs_dirs:
        pages = {path.relative_to(docs).as_posix(): path for path in docs.rglob("*.md")}
        for source in sorted(pages.values()):
            for line, target in link_targets(read_page(source)):
                if not is_internal(target) or target.startswith(("mailto:", "tel:", "sms:")):
                    continue
                name = target_page(source, docs, target)
                anchor = target.partition("#")[2]
                if name is None or not name.endswith(".md") or is_generated(name):
                    continue
                if name not in pages:
                    found.append(Problem(source.as_posix(), line, f'the link "{target}" goes to no page in '
                                                                  f"{docs.as_posix()}/: check the file name"))
                elif anchor and anchor not in ID.findall(html_of(pages[name])):
                    found.append(Problem(source.as_posix(), line, f'the link "{target}": {name} has no heading '
                                                                  f'or anchor "#{anchor}"'))
    return found

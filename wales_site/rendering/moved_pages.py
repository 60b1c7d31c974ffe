"""A page that moved keeps its old address: a short page there says where it went.

mkdocs.yml lists them under `extra.moved_pages` (old source path: new source
path). For each, in both languages, the build adds a page at the old address
that names the new page and links to it. It does not send the reader on by
itself (a static host cannot answer 301, and a timed refresh is a barrier to
some readers, WCAG 2.2.1); it is kept out of the nav and out of search.
"""

from __future__ import annotations

from html import escape
from pathlib import Path, PurePosixPath
from typing import Mapping

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from wales_site.content import markdown_page as md
from wales_site.data import fast_yaml
from wales_site.rendering import directories


def relative_link(from_path: str, to_path: str) -> str:
    """A Markdown link from one source file to another, both given from the docs folder."""
    from_folder = PurePosixPath(from_path).parent
    depth = len(from_folder.parts)
    return "../" * depth + to_path


def moved_source(old_path: str, new_path: str, new_title: str, words: Mapping[str, str]) -> str:
    front_matter = {"title": words["moved.title"], "description": words["moved.description"],
                    "search": {"exclude": True}}
    return "\n\n".join([
        "---\n" + yaml.dump(front_matter, Dumper=fast_yaml.SafeDumper, allow_unicode=True, sort_keys=False) + "---",
        f'<h1 id="page-title">{escape(words["moved.title"])}</h1>',
        f"{escape(words['moved.body'])} [{escape(new_title)}]({relative_link(old_path, new_path)})\n",
    ])


def moved_pages(config: MkDocsConfig) -> dict[str, str]:
    moved = (config.extra or {}).get("moved_pages") or {}
    if not isinstance(moved, dict):
        raise PluginError("mkdocs.yml: extra.moved_pages must map each old page to its new one")
    return {str(old): str(new) for old, new in moved.items()}


def add_moved_pages(files: Files, config: MkDocsConfig) -> None:
    words = directories.words_for(config)
    docs = Path(config.docs_dir)
    for old_path, new_path in moved_pages(config).items():
        if files.get_file_from_path(old_path):
            raise PluginError(f"{config.docs_dir}/{old_path} exists, but extra.moved_pages says it moved: "
                              "remove one of them")
        if not (docs / new_path).is_file():
            raise PluginError(f"extra.moved_pages: {old_path} moved to {new_path}, which is not in {config.docs_dir}")
        new_title = str(md.read_page(docs / new_path).front_matter.get("title", new_path))
        files.append(File.generated(config, old_path, content=moved_source(old_path, new_path, new_title, words),
                                    inclusion=InclusionLevel.NOT_IN_NAV))

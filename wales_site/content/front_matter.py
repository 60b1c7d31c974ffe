"""Every page's front matter, checked before MkDocs reads it (the `front-matter`
check, build stage): the page is UTF-8 text of a sensible size, its front matter
is YAML the hardened reader accepts (data/fast_yaml.py), it has only the keys
the site uses, and its text is plain text.

Material prints the title and description into the page, the nav and the
search index without escaping them (theme/plain_titles.py escapes them); no
other key is printed, and a key Material would act on (`template`, `hide`,
`status`, `subtitle`...) is not one an editor needs.
"""

from __future__ import annotations

from pathlib import Path

from wales_site import limits, text_files
from wales_site.content import markdown_page as md
from wales_site.plain_text import markup_in, plain_text_message
from wales_site.problems import Problem

KEYS = ("title", "description", "last_reviewed", "period", "translation_of", "route")
TEXT_KEYS = ("title", "description")


def value_problem(key: str, value) -> str | None:
    if key not in KEYS:
        return f"is not a front-matter field: use {', '.join(KEYS)}"
    if key in TEXT_KEYS and value is not None and not isinstance(value, str):
        return "must be text: put it in quotes"
    markup = markup_in(value) if isinstance(value, str) else None
    return plain_text_message(markup) if markup else None


def page_problems(path: Path) -> list[Problem]:
    file = text_files.read(path, limits.PAGE)
    if file.problem:
        return [file.problem]
    page = md.read_page(path)
    # Front matter this reader cannot find, MkDocs may still read (its own rules
    # differ): a page is refused until its front matter is found here.
    unread = [Problem(path, 1, page.front_matter_error)] if page.front_matter_error and not page.yaml_problems else []
    return [*unread, *page.yaml_problems, *(
        Problem(path, page.line_of(str(key)), message, str(key))
        for key, value in page.front_matter.items()
        if (message := value_problem(str(key), value))
    )]


def check(docs_dirs: list[Path]) -> list[Problem]:
    return [problem for docs in docs_dirs for path in sorted(docs.rglob("*.md")) for problem in page_problems(path)]

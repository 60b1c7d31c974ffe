"""Every page is complete in both languages: front matter, a matching heading,
a way to get help at the end, and a Welsh twin built the same way as the English."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, source_pages

DOCS = {"en": ROOT / "docs", "cy": ROOT / "docs-cy"}
GET_HELP = {"en": "Get help", "cy": "Cael help"}
EMERGENCY, HELPLINE = "tel:999", "tel:+448000121700"
MAX_DESCRIPTION = 160


def split_page(text: str) -> tuple[dict, str]:
    """Front matter and Markdown body of a page."""
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    assert match, "the page does not start with front matter between --- lines"
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def without_code(body: str) -> str:
    return re.sub(r"^```.*?^```", "", body, flags=re.S | re.M)


def headings(body: str) -> list[tuple[int, str]]:
    """(level, text) of every heading, without any `{ #id }` attribute."""
    return [
        (len(hashes), re.sub(r"\s*\{[^}]*\}\s*$", "", text).strip())
        for hashes, text in re.findall(r"^(#{1,6})\s+(.*)$", without_code(body), re.M)
    ]


def link_targets(body: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", without_code(body))


def outline(body: str) -> dict:
    """What must be the same in both languages: the shape of the page, not its words."""
    body = without_code(body)
    targets = link_targets(body)
    return {
        "heading levels": [level for level, _ in headings(body)],
        "internal links": Counter(t for t in targets if not re.match(r"[a-z]+:", t)),
        "phone links": Counter(t for t in targets if t.startswith("tel:")),
        "number of external links": sum(1 for t in targets if re.match(r"https?:", t)),
        "admonitions": re.findall(r"^!!! (\w+)", body, re.M),
        "directory markers": re.findall(r"\{\{\s*directory:\s*([\w-]+)\s*\}\}", body),
        "anchors": Counter(re.findall(r"\{\s*#([\w-]+)\s*\}", body)),
        "bulleted items": len(re.findall(r"^\s*- ", body, re.M)),
        "numbered items": len(re.findall(r"^\s*\d+\. ", body, re.M)),
        "definitions": len(re.findall(r"^:   ", body, re.M)),
        "table rows": len(re.findall(r"^\|", body, re.M)),
    }


def last_section(body: str) -> tuple[str, str]:
    """Title and text of the page's last second-level section."""
    sections = re.split(r"^## ", body, flags=re.M)
    title, _, text = sections[-1].partition("\n")
    return title.strip(), text


PAGES = [(lang, source) for lang in DOCS for source in source_pages(lang)]


def page_id(case) -> str:
    return f"{case[0]}:{case[1]}" if isinstance(case, tuple) else str(case)


@pytest.mark.parametrize("lang,source", PAGES, ids=[page_id(p) for p in PAGES])
def test_front_matter_is_complete_and_the_heading_matches_the_title(lang, source):
    path = DOCS[lang] / source
    meta, body = split_page(path.read_text(encoding="utf-8"))
    title, description = meta.get("title"), meta.get("description")
    assert isinstance(title, str) and title.strip(), f"{path}: no title in the front matter"
    assert isinstance(description, str) and description.strip(), f"{path}: no description in the front matter"
    assert len(description) < MAX_DESCRIPTION, f"{path}: description is {len(description)} characters; keep it under {MAX_DESCRIPTION}"
    assert isinstance(meta.get("last_reviewed"), dt.date), f"{path}: last_reviewed must be a date like 2026-11-29"
    first = headings(body)[:1]
    assert first == [(1, title)], f"{path}: the page must start with '# {title}', not {first}"


@pytest.mark.parametrize("lang,source", PAGES, ids=[page_id(p) for p in PAGES])
def test_every_page_ends_with_where_to_get_help(lang, source):
    path = DOCS[lang] / source
    _, body = split_page(path.read_text(encoding="utf-8"))
    title, text = last_section(body)
    assert title == GET_HELP[lang], f"{path}: the last section must be '## {GET_HELP[lang]}', not '## {title}'"
    targets = link_targets(text)
    assert EMERGENCY in targets and HELPLINE in targets, f"{path}: '{title}' must link to 999 and the helpline"
    assert any(t.endswith(".md") for t in targets), f"{path}: '{title}' must link to another page"


TWINS = source_pages("en")


@pytest.mark.parametrize("source", TWINS, ids=[str(s) for s in TWINS])
def test_welsh_page_is_built_the_same_way_as_the_english(source):
    english = outline(split_page((DOCS["en"] / source).read_text(encoding="utf-8"))[1])
    welsh = outline(split_page((DOCS["cy"] / source).read_text(encoding="utf-8"))[1])
    differences = [f"  {key}: en {english[key]} / cy {welsh[key]}" for key in english if english[key] != welsh[key]]
    assert not differences, f"docs/{source} and docs-cy/{source} differ in:\n" + "\n".join(differences)


def test_outline_notices_a_missing_heading_and_a_changed_link():
    english = "# T\n\n## A\n\n[x](a.md)\n\n## Get help\n"
    assert outline(english) != outline("# T\n\n[x](a.md)\n\n## Cael help\n")
    assert outline(english) != outline("# T\n\n## A\n\n[x](b.md)\n\n## Cael help\n")
    assert outline(english) == outline("# T\n\n## B\n\n[y](a.md)\n\n## Cael help\n")

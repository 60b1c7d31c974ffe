"""Each Welsh page has the same shape as its English twin: headings (count, levels
and order), directory markers, links to other pages, phone and e-mail links,
images, admonitions, tables, list items, definitions, `{ #id }` anchors and the
sources cited. A difference usually means a section, a warning box, a phone
number or a source was left out of one language.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

from wales_site.content import markdown_page as md
from wales_site.content import markers
from wales_site.i18n import twins
from wales_site.problems import Problem

# Link schemes whose target is the same in both languages: a phone number or
# e-mail address must not differ between translations.
SAME_IN_BOTH = ("tel:", "mailto:")
DEFINITION = re.compile(r"^:\s{3}")
# An id given in the text, e.g. a glossary term's `{ #nrm }`: other pages link
# to it, so it must be the same in both languages.
ANCHOR = re.compile(r"\{:?\s*#([\w-]+)")


@dataclass(frozen=True)
class Structure:
    headings: list[md.Heading]
    markers: list[str]
    link_targets: Counter
    images: list[str]
    admonitions: list[str]
    tables: list[tuple[int, int]]
    list_items: int
    definitions: int
    anchors: Counter
    sources: frozenset


def shared_target(target: str) -> str | None:
    """The part of a link that must be the same in both languages, if any.

    Internal links keep their page and drop the #anchor (heading anchors are
    in the page's language); phone and e-mail links are compared whole; web
    links may rightly differ (a Welsh-language version of another site).
    """
    if target.lower().startswith(SAME_IN_BOTH):
        return target
    if md.is_internal(target):
        page, _anchor = urldefrag(target)
        return page or None
    return None


def structure(page: md.MarkdownPage) -> Structure:
    targets = Counter(shared for _, target in md.link_targets(page) if (shared := shared_target(target)))
    lines = [line.text for line in page.content]
    return Structure(
        headings=md.headings(page),
        markers=[name for _, name in md.markers(page)],
        link_targets=targets,
        images=[src for _, src in md.images(page)],
        admonitions=[a.kind for a in md.admonitions(page)],
        tables=[(t.columns, t.rows) for t in md.tables(page)],
        list_items=sum(1 for line in lines if md.LIST_ITEM.match(line)),
        definitions=sum(1 for line in lines if DEFINITION.match(line)),
        anchors=Counter(anchor for line in lines for anchor in ANCHOR.findall(line)),
        sources=frozenset(source_id for line in lines for match in markers.CITE.finditer(line)
                          for source_id in markers.split_ids(match["ids"])),
    )


def heading_outline(english: list[md.Heading], welsh: list[md.Heading]) -> str:
    """Both outlines side by side, the first row that differs marked with `>`."""
    rows, marked = [], False
    for index in range(max(len(english), len(welsh))):
        en = english[index] if index < len(english) else None
        cy = welsh[index] if index < len(welsh) else None
        differs = en is None or cy is None or en.level != cy.level
        mark = ">" if differs and not marked else " "
        marked |= differs
        left = f"line {en.line}: {'#' * en.level} {en.text}" if en else "(none)"
        right = f"line {cy.line}: {'#' * cy.level} {cy.text}" if cy else "(none)"
        rows.append(f"    {mark} {left[:50]:<50} | {right[:50]}")
    return "\n".join(rows)


def describe(items) -> str:
    return ", ".join(map(str, items)) or "none"


def table_shapes(tables: list[tuple[int, int]]) -> str:
    return describe(f"{columns} columns x {rows} rows" for columns, rows in tables)


def compare(english: md.MarkdownPage, welsh: md.MarkdownPage) -> list[str]:
    """What differs between the two pages' structures, in words an editor can act on."""
    en, cy = structure(english), structure(welsh)
    differences = []
    if [h.level for h in en.headings] != [h.level for h in cy.headings]:
        differences.append(
            f"headings differ: English has {len(en.headings)}, Welsh has {len(cy.headings)}, "
            f"or their levels differ (# count). English | Welsh:\n{heading_outline(en.headings, cy.headings)}"
        )
    if en.markers != cy.markers:
        differences.append(f"directory markers differ: English {describe(en.markers)}; Welsh {describe(cy.markers)}")
    if en.link_targets != cy.link_targets:
        only_en = sorted((en.link_targets - cy.link_targets).elements())
        only_cy = sorted((cy.link_targets - en.link_targets).elements())
        differences.append(
            "links to pages, phones or e-mail differ: "
            f"only in English: {describe(only_en)}; only in Welsh: {describe(only_cy)}"
        )
    if len(en.images) != len(cy.images):
        differences.append(f"images differ: English {describe(en.images)}; Welsh {describe(cy.images)}")
    if en.admonitions != cy.admonitions:
        differences.append(
            f"admonitions (!!! boxes) differ: English {describe(en.admonitions)}; Welsh {describe(cy.admonitions)}"
        )
    if en.tables != cy.tables:
        differences.append(
            f"tables differ: English {table_shapes(en.tables)}; Welsh {table_shapes(cy.tables)}"
        )
    if en.list_items != cy.list_items:
        differences.append(f"list items differ: English has {en.list_items}, Welsh has {cy.list_items}")
    if en.definitions != cy.definitions:
        differences.append(f"definitions (`:   ` lines) differ: English has {en.definitions}, "
                           f"Welsh has {cy.definitions}")
    if en.anchors != cy.anchors:
        differences.append(
            "anchors ({ #id }) differ: "
            f"only in English: {describe(sorted((en.anchors - cy.anchors).elements()))}; "
            f"only in Welsh: {describe(sorted((cy.anchors - en.anchors).elements()))}"
        )
    if en.sources != cy.sources:
        differences.append(
            "sources cited differ: "
            f"only in English: {describe(sorted(en.sources - cy.sources))}; "
            f"only in Welsh: {describe(sorted(cy.sources - en.sources))}"
        )
    return differences


def check_pair(english_path: Path, welsh_path: Path) -> list[Problem]:
    differences = compare(md.read_page(english_path), md.read_page(welsh_path))
    return [
        Problem(welsh_path, None, f"does not match {english_path}: {difference}") for difference in differences
    ]


def check(english_docs: Path, welsh_docs: Path) -> list[Problem]:
    problems = [Problem(gap.present, None, str(gap)) for gap in twins.missing_twins(english_docs, welsh_docs)]
    for english, welsh in twins.page_pairs(english_docs, welsh_docs):
        problems += check_pair(english, welsh)
    return problems

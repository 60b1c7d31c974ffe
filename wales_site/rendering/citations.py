"""Turns a page's {{ cite: ... }} markers into numbered links, and lists the sources at its foot.

Sources are numbered in the order the page first cites them; a source cited
twice keeps its number. The list is headed "Sources" / "Ffynonellau" in the
page's language; a source's title and publisher are shown as the source gives
them, marked `lang="en"` on a Welsh page when the source has no Welsh form.
The checks have already passed every marker and id before this runs.
"""

from __future__ import annotations

from html import escape
from typing import Mapping

from wales_site.content import markers
from wales_site.data.models import Source
from wales_site.i18n.site_text import format_date


def language_attribute(text_lang: str, page_lang: str) -> str:
    return f' lang="{text_lang}"' if text_lang != page_lang else ""


def numbered_citations(markdown: str, words: Mapping[str, str]) -> tuple[str, list[str]]:
    """The page with each marker replaced by its numbered links, and the cited ids in number order."""
    order: list[str] = []
    uses: dict[str, int] = {}

    def links(match) -> str:
        found = []
        for source_id in markers.split_ids(match["ids"]):
            if source_id not in order:
                order.append(source_id)
            number = order.index(source_id) + 1
            uses[source_id] = uses.get(source_id, 0) + 1
            anchor = f"cite-{number}" + (f"-{uses[source_id]}" if uses[source_id] > 1 else "")
            label = escape(words["citations.label"].format(number=number))
            found.append(f'<a id="{anchor}" href="#source-{number}" aria-label="{label}">{number}</a>')
        return '<sup class="citation">[' + ", ".join(found) + "]</sup>"

    lines = [line if in_code else outside_inline_code(line, lambda text: markers.CITE.sub(links, text))
             for _, line, in_code in markers.code_flags(markdown.split("\n"))]
    return "\n".join(lines), order


def outside_inline_code(line: str, change) -> str:
    """`change` applied to the parts of a line that are not `inline code`."""
    parts, start = [], 0
    for code in markers.INLINE_CODE.finditer(line):
        parts += [change(line[start:code.start()]), code.group()]
        start = code.end()
    return "".join(parts + [change(line[start:])])


def source_item(number: int, source: Source, lang: str, words: Mapping[str, str]) -> str:
    title, title_lang = source.title.in_language(lang)
    publisher, publisher_lang = source.publisher.in_language(lang)
    title_html = f"<cite{language_attribute(title_lang, lang)}>{escape(title)}</cite>"
    if source.address:
        title_html = f'<a href="{escape(source.address)}">{title_html}</a>'
    parts = [f"{title_html}, <span{language_attribute(publisher_lang, lang)}>{escape(publisher)}</span>"]
    if source.published:
        parts.append(f'{escape(words["directory.published"])} <time datetime="{source.published}">'
                     f"{escape(format_date(source.published, lang))}</time>")
    facts = ". ".join(parts)
    checked = (f'{escape(words["citations.checked"])} <time datetime="{source.checked.isoformat()}">'
               f"{escape(format_date(source.checked, lang))}</time>.")
    weak = "" if source.is_primary else f" {escape(words[f'directory.weight.{source.weight}'])}."
    return f'<li id="source-{number}">{facts}. {checked}{weak}</li>'


def sources_section(cited: list[str], sources: Mapping[str, Source], lang: str, words: Mapping[str, str],
                    in_contents: bool = True) -> str:
    """The page's "Sources" heading and numbered list. The heading is Markdown, so it joins the page's
    table of contents, except on a page outside the nav, whose contents would point at a toggle
    only the nav has (as the area pages' headings do)."""
    items = "".join(source_item(number, sources[source_id], lang, words)
                    for number, source_id in enumerate(cited, start=1))
    title = words["citations.heading"]
    heading = f"## {title}" if in_contents else f'<h2 id="sources">{escape(title)}</h2>'
    return f'\n\n{heading}\n\n<ol class="sources">{items}</ol>\n'


def cite_sources(markdown: str, sources: Mapping[str, Source], lang: str, words: Mapping[str, str],
                 in_contents: bool = True) -> str:
    """The page with numbered citations and, when it cites anything, its list of sources at the foot."""
    markdown, cited = numbered_citations(markdown, words)
    return markdown + sources_section(cited, sources, lang, words, in_contents) if cited else markdown

"""Places the directories from data/ in pages, and builds the help strip from helplines.yml.

Each directory marker (wales_site/content/markers.py) is replaced by that
directory in the page's language. The checks have already passed the data and
every marker before this runs.

The renderers are pure functions (data in, HTML out) and escape every piece
of text. Each entry's heading is one level below the heading above the marker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Callable, Iterable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from wales_site import languages
from wales_site.data import loading
from wales_site.rendering import citations
from wales_site.i18n import language_configs
from wales_site.data import open_data
from wales_site.data import phone_numbers
from wales_site.i18n import site_text
from wales_site.i18n import twins
from wales_site.data.loading import DataError
from wales_site.content.markers import LANGUAGE_CARD, OPEN_DATA, PRINT_MATERIALS, Marker, find_markers, problems_of
from wales_site.rendering import language_card, print_materials
from wales_site.data.models import (
    DATASETS, Directory, EnglishOrBoth, FirstResponder, Forum, Helpline, LocalAuthority, Source,
)
from wales_site.i18n.collation import collation_key
from wales_site.i18n.site_text import format_date

AREA_FOLDER = "help-in-your-area"


@dataclass(frozen=True)
class Placement:
    """Where a directory is shown: the page's language, its words and its address, and the
    words of every language, for what a page shows in all of them (the language card)."""

    lang: str
    words: Mapping[str, str]
    page_url: str = ""
    heading_level: int = 2
    words_by_language: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def href(self, target_url: str) -> str:
        """Link to a page of the same language."""
        return self.site_href(twins.site_path(self.lang, target_url))

    def site_href(self, site_path: str) -> str:
        """Link to anything below the root of the whole site (both languages)."""
        return twins.relative_href(site_path, twins.site_path(self.lang, self.page_url))

    def date(self, value) -> str:
        return format_date(value, self.lang)


# Pieces of HTML --------------------------------------------------------------


def tel_link(number: str) -> str:
    return f'<a href="{phone_numbers.tel_href(number)}">{escape(number)}</a>'


def sms_link(number: str) -> str:
    return f'<a href="{phone_numbers.sms_href(number)}">{escape(number)}</a>'


def web_link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def time_element(value, placement: Placement) -> str:
    return f'<time datetime="{escape(str(value))}">{escape(placement.date(value))}</time>'


def heading(text: str, placement: Placement) -> str:
    level = placement.heading_level
    return f'<h{level} class="directory__name">{escape(text)}</h{level}>'


def details(rows: Iterable[tuple[str, str]]) -> str:
    """A definition list of (label, HTML) rows; rows with no HTML are left out."""
    items = "".join(f"<div><dt>{escape(label)}</dt><dd>{html}</dd></div>" for label, html in rows if html)
    return f'<dl class="directory__details">{items}</dl>' if items else ""


def entry_list(kind: str, items: Iterable[str]) -> str:
    body = "".join(items)
    return f'<ul class="directory directory--{kind}">{body}</ul>'


def entry_item(body: str, modifier: str = "") -> str:
    extra = f" directory__entry--{modifier}" if modifier else ""
    return f'<li class="directory__entry{extra}">{body}</li>'


def names_list(html_items: list[str]) -> str:
    return '<ul class="directory__names">' + "".join(f"<li>{item}</li>" for item in html_items) + "</ul>"


def contact_rows(contact, placement: Placement, name: str) -> list[tuple[str, str]]:
    words = placement.words
    if contact is None:
        return []
    return [
        (words["directory.phone"], contact.phone and tel_link(contact.phone)),
        (words["directory.text_relay"], contact.text_relay and tel_link(contact.text_relay)),
        (words["directory.text_message"], contact.text_message and sms_link(contact.text_message)),
        (words["directory.email"], contact.email and f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>'),
        (words["directory.website"], contact.website and web_link(contact.website, words["directory.website_of"].format(name=name))),
    ]


def area_href(council: LocalAuthority, placement: Placement) -> str:
    return placement.href(f"{AREA_FOLDER}/{council.id}/")


def council_links(councils: list[LocalAuthority], placement: Placement) -> str:
    if not councils:
        return escape(placement.words["directory.not_confirmed"])
    ordered = sorted(councils, key=lambda council: collation_key(council.name[placement.lang], placement.lang))
    return names_list([web_link(area_href(c, placement), c.name[placement.lang]) for c in ordered])


# The directories -------------------------------------------------------------


def render_helplines(helplines: list[Helpline], directory: Directory, placement: Placement) -> str:
    words, lang = placement.words, placement.lang

    def item(line: Helpline) -> str:
        name, contact = line.name[lang], line.contact
        call = f'<p class="directory__phone">{escape(words["directory.call"])} {tel_link(contact.phone)}</p>'
        rows = [
            (words["directory.who_for"], escape(line.who_for[lang])),
            (words["directory.hours"], line.hours and escape(line.hours[lang])),
            (words["directory.cost"], line.free and escape(words["directory.free"])),
            (words["directory.languages"], line.languages and escape(line.languages[lang])),
            *[row for row in contact_rows(contact, placement, name) if row[0] != words["directory.phone"]],
        ]
        return entry_item(heading(name, placement) + call + details(rows), "emergency" if line.emergency else "")

    return entry_list("helplines", map(item, helplines))


def render_first_responders(responders: list[FirstResponder], directory: Directory, placement: Placement) -> str:
    words, lang = placement.words, placement.lang
    forces, helplines = directory["police-forces"], directory["helplines"]

    def force_link(force_id: str) -> str:
        force = forces[force_id]
        return web_link(force.website, force.name[lang]) if force.website else escape(force.name[lang])

    def item(responder: FirstResponder) -> str:
        name = responder.name[lang]
        helpline = helplines.get(responder.helpline)
        rows = [
            (words["directory.police_forces"], responder.police_forces and names_list(list(map(force_link, responder.police_forces)))),
            (words["directory.find_council"], responder.kind == "local-authorities"
             and web_link(placement.href(f"{AREA_FOLDER}/"), words["area.index_title"])),
            (words["directory.recognised"], responder.recognised and time_element(responder.recognised, placement)),
            *(contact_rows(helpline.contact, placement, helpline.name[lang]) if helpline else []),
            *contact_rows(responder.contact, placement, name),
        ]
        return entry_item(heading(name, placement) + f"<p>{escape(responder.role[lang])}</p>" + details(rows))

    return entry_list("first-responders", map(item, responders))


def forum_status(forum: Forum, placement: Placement) -> str:
    status = placement.words[f"directory.status.{forum.status}"]
    return escape(placement.words["directory.status_reported"].format(status=status, date=placement.date(forum.status_as_of)))


def render_fora(fora: list[Forum], directory: Directory, placement: Placement) -> str:
    words, lang = placement.words, placement.lang

    def item(forum: Forum) -> str:
        rows = [
            (words["directory.status"], forum_status(forum, placement)),
            (words["directory.police_force"], escape(directory["police-forces"][forum.police_force].name[lang])),
            (words["directory.council_areas"], council_links(directory.councils_of_forum(forum.id), placement)),
            (words["directory.notes"], forum.notes and escape(forum.notes[lang])),
            *contact_rows(forum.contact, placement, forum.name[lang]),
        ]
        return entry_item(heading(forum.name[lang], placement) + f"<p>{escape(forum.purpose[lang])}</p>" + details(rows))

    return entry_list("fora", map(item, fora))


def render_police_forces(forces: list, directory: Directory, placement: Placement) -> str:
    words, lang = placement.words, placement.lang

    def item(force) -> str:
        name = force.name[lang]
        rows = [
            (words["directory.website"], force.website and web_link(force.website, words["directory.website_of"].format(name=name))),
            (words["directory.council_areas"], council_links(directory.councils_of_force(force.id), placement)),
        ]
        return entry_item(heading(name, placement) + details(rows))

    return entry_list("police-forces", map(item, forces))


def render_local_authorities(councils: list[LocalAuthority], directory: Directory, placement: Placement) -> str:
    """A table: each council area (linked to its page) and its police force."""
    words, lang = placement.words, placement.lang
    ordered = sorted(councils, key=lambda council: collation_key(council.name[lang], lang))
    rows = "".join(
        "<tr>"
        f'<th scope="row">{web_link(area_href(council, placement), council.name[lang])}</th>'
        f'<td>{escape(directory["police-forces"][council.police_force].name[lang])}</td>'
        "</tr>"
        for council in ordered
    )
    head = "".join(f'<th scope="col">{escape(words[key])}</th>'
                   for key in ("directory.area", "directory.police_force"))
    return (f'<table><caption>{escape(words["directory.areas_caption"])}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def render_events(events: list, directory: Directory, placement: Placement) -> str:
    """Newest first; events on the same date keep their order in the file."""
    lang = placement.lang
    ordered = sorted(events, key=lambda event: event.date, reverse=True)

    def item(event) -> str:
        place = f", {escape(event.place[lang])}" if event.place else ""
        meta = f'<p class="directory__meta">{time_element(event.date, placement)}{place}</p>'
        return entry_item(heading(event.title[lang], placement) + meta + f"<p>{escape(event.summary[lang])}</p>")

    return entry_list("events", map(item, ordered))


def render_sources(sources: list[Source], directory: Directory, placement: Placement) -> str:
    """Every source, by publisher then title, with its address, dates and weight."""
    words, lang = placement.words, placement.lang

    def in_language(text: EnglishOrBoth) -> str:
        shown, shown_lang = text.in_language(lang)
        return f'<span lang="{shown_lang}">{escape(shown)}</span>' if shown_lang != lang else escape(shown)

    def item(source: Source) -> str:
        level = placement.heading_level
        rows = [
            (words["directory.publisher"], in_language(source.publisher)),
            (words["directory.website"], source.address and web_link(source.address, source.address)),
            (words["directory.published"], source.published and time_element(source.published, placement)),
            (words["directory.checked"], time_element(source.checked, placement)),
            (words["directory.weight"], escape(words[f"directory.weight.{source.weight}"])),
        ]
        return entry_item(f'<h{level} class="directory__name" id="{escape(source.id)}">{in_language(source.title)}'
                          f"</h{level}>" + details(rows))

    ordered = sorted(sources, key=lambda s: (collation_key(s.publisher.in_language(lang)[0], lang),
                                             collation_key(s.title.in_language(lang)[0], lang)))
    return entry_list("sources", map(item, ordered))


def render_open_data(directory: Directory, placement: Placement) -> str:
    """Each dataset: how many entries, its downloads and what each CSV column means."""
    words, lang = placement.words, placement.lang
    parts = []
    for name in DATASETS:
        links = ", ".join(
            web_link(placement.site_href(open_data.published_path(name, kind)), words[f"open_data.{kind}"])
            for kind in open_data.FORMATS
        )
        rows = "".join(
            f"<tr><th scope=\"row\"><code>{escape(', '.join(column.names))}</code></th><td>{escape(column.meaning(lang))}</td></tr>"
            for column in open_data.columns(DATASETS[name].entry_model)
        )
        count = words["open_data.entries"].format(count=len(directory[name]))
        parts.append(
            heading(words[f"dataset.{name}"], placement)
            + f"<p>{escape(count)}. {escape(words['open_data.download'])}: {links}</p>"
            + f'<table><caption>{escape(words["open_data.fields"].format(file=name + ".csv"))}</caption>'
            + f'<thead><tr><th scope="col">{escape(words["open_data.column"])}</th>'
            + f'<th scope="col">{escape(words["open_data.meaning"])}</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    return '<div class="open-data">' + "".join(parts) + "</div>"


RENDERERS: dict[str, Callable[[list, Directory, Placement], str]] = {
    "helplines": render_helplines,
    "first-responders": render_first_responders,
    "fora": render_fora,
    "police-forces": render_police_forces,
    "local-authorities": render_local_authorities,
    "events": render_events,
    "sources": render_sources,
}


def render(marker: Marker, directory: Directory, placement: Placement,
           sheets: print_materials.PrintSheets | None = None) -> str:
    """The marker's directory; a print material needs `sheets` (the signs and the site's address)."""
    if marker.name == OPEN_DATA:
        return render_open_data(directory, placement)
    if marker.name == LANGUAGE_CARD:
        return language_card.render(placement)
    if marker.name in PRINT_MATERIALS:
        return print_materials.render(marker.name, directory, placement, sheets)
    entries = directory[marker.name]
    chosen = [entries[entry_id] for entry_id in marker.only] if marker.only else list(entries.values())
    return RENDERERS[marker.name](chosen, directory, placement)


def rendered_markers(markdown: str, directory: Directory, placement: Placement,
                     file_name: str, sheets: print_materials.PrintSheets | None = None) -> list[tuple[Marker, str]]:
    """Each marker of the page with its directory as HTML. Raises DataError naming file:line."""
    markers, syntax_problems = find_markers(markdown)
    problems = problems_of(markers, syntax_problems, file_name, directory)
    if problems:
        raise DataError(problems)
    return [
        (marker, render(marker, directory, replace(placement, heading_level=marker.heading_level), sheets))
        for marker in markers
    ]


def replace_marker_lines(markdown: str, replacements: Iterable[tuple[Marker, str]]) -> str:
    """The page with each marker's line replaced by a block of its own."""
    lines = markdown.splitlines()
    for marker, block in replacements:
        lines[marker.line - 1] = "\n" + block + "\n"
    return "\n".join(lines) + "\n"


def expand_markers(markdown: str, directory: Directory, placement: Placement, file_name: str,
                   sheets: print_materials.PrintSheets | None = None) -> str:
    """The page with each marker line replaced by its directory, as a block of HTML."""
    return replace_marker_lines(markdown, rendered_markers(markdown, directory, placement, file_name, sheets))


# A directory is large HTML that Markdown would only pass through, after parsing
# it twice (for raw HTML blocks, and by MkDocs for anchors): the build puts a
# placeholder in the Markdown, a paragraph of its own (or text inside the
# page's own HTML), and the directory's HTML in the converted page. The
# directories have no ids of their own, so MkDocs' check of links to #anchors
# loses nothing by not seeing them.
PLACEHOLDER = "WAHTDIRECTORYBLOCKLINE{line}X"
PLACEHOLDER_LINE = re.compile(r"WAHTDIRECTORYBLOCKLINE(\d+)X")


def with_placeholders(markdown: str, directory: Directory, placement: Placement, file_name: str,
                      sheets: print_materials.PrintSheets | None = None) -> tuple[str, dict[str, str]]:
    """The page with a placeholder for each directory, and the HTML that replaces each placeholder."""
    rendered = rendered_markers(markdown, directory, placement, file_name, sheets)
    placeholders = [(marker, PLACEHOLDER.format(line=marker.line)) for marker, _ in rendered]
    blocks = {placeholder: html for (_, placeholder), (_, html) in zip(placeholders, rendered)}
    return replace_marker_lines(markdown, placeholders), blocks


def fill_placeholders(page_html: str, blocks: Mapping[str, str]) -> str:
    """The converted page with each placeholder replaced by its directory. Raises ValueError
    naming the marker's line when Markdown did not keep a placeholder as it was."""
    for placeholder, block in blocks.items():
        paragraph = f"<p>{placeholder}</p>"
        if paragraph in page_html:
            page_html = page_html.replace(paragraph, block, 1)
        elif placeholder in page_html:
            page_html = page_html.replace(placeholder, block, 1)
        else:
            line = PLACEHOLDER_LINE.fullmatch(placeholder).group(1)
            raise ValueError(f"line {line}: the directory marker could not be placed: "
                             "put it on a line of its own, between paragraphs")
    return page_html


def render_help_strip(directory: Directory, placement: Placement) -> str:
    """The help strip's lines: each helpline with `help_strip: true`, the emergency number first in words."""
    words, lang = placement.words, placement.lang
    items = []
    for line in (h for h in directory["helplines"].values() if h.help_strip):
        number = f'<a class="help-strip__number" href="{phone_numbers.tel_href(line.contact.phone)}">{escape(line.contact.phone)}</a>'
        if line.emergency:
            items.append(f'<p class="help-strip__item help-strip__item--danger">{escape(words["help.danger"])} {number}</p>')
            continue
        notes = [words["help.free"]] if line.free else []
        notes += [line.hours[lang]] if line.hours else []
        extra = f' <span class="help-strip__hours">({escape(", ".join(notes))})</span>' if notes else ""
        items.append(f'<p class="help-strip__item">{escape(line.name[lang])}: {number}{extra}</p>')
    return "".join(items)


# The build's steps (hooks/mkdocs_adapter.py calls them) ------------------------

log = get_plugin_logger("data")
_build: dict = {}


def words_for(config: MkDocsConfig) -> dict[str, str]:
    return words_by_language(config)[language_configs.language_of(config)]


def words_by_language(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    root = language_configs.project_root(config)
    text = site_text.load_site_text(root / site_text.SITE_TEXT_FILE)
    return {lang: site_text.strings_for(text, lang) for lang in languages.CODES}


def prepare(config: MkDocsConfig) -> None:
    """The data (already checked) and the words of the build's language, for its pages."""
    directory = loading.load_directory(loading.project_data_dir(config))
    every_language_words = words_by_language(config)
    _build.update(directory=directory, words=every_language_words[language_configs.language_of(config)],
                  words_by_language=every_language_words, blocks={}, sheets=print_materials.load_sheets(config))


def add_qr_codes(files, config: MkDocsConfig) -> None:
    """The print materials' QR codes, as files of the build language's site (after prepare)."""
    print_materials.add_qr_codes(files, config, _build["sheets"])


def put_placeholders_for_directories(markdown: str, page, config: MkDocsConfig) -> str:
    placement = Placement(language_configs.language_of(config), _build["words"], page.url,
                          words_by_language=_build["words_by_language"])
    markdown, _build["blocks"][page.file.src_uri] = with_placeholders(
        markdown, _build["directory"], placement, page.file.src_uri, _build["sheets"])
    return markdown


def cite_sources(markdown: str, page, config: MkDocsConfig) -> str:
    return citations.cite_sources(markdown, _build["directory"]["sources"], language_configs.language_of(config),
                                  _build["words"], in_contents=page.file.inclusion.is_in_nav())


def fill_directories(page_html: str, page) -> str:
    try:
        return fill_placeholders(page_html, _build["blocks"].pop(page.file.src_uri, {}))
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def add_help_strip(env, config: MkDocsConfig) -> None:
    placement = Placement(language_configs.language_of(config), _build["words"])
    env.globals["help_strip"] = render_help_strip(_build["directory"], placement)

"""Print materials made from the live data, so a printed sheet always carries
today's numbers: the "Spot the signs" poster (A4), the contact card (A6) and
the summary of the NRM referral routes for practitioners (A4).

A page shows one where it has the marker, on a line of its own:

    {{ directory: signs-poster }}
    {{ directory: contact-card }}
    {{ directory: referral-routes }}

- The poster lists the signs as the Spot the signs page of the same language
  lists them (its sections with the ids in SIGN_SECTIONS: the lines before
  each list and the list), the help-strip numbers from data/helplines.yml
  (999 and the Helpline), a QR code to the Spot the signs page of the same
  language, and the sources of the numbers.
- The card lists the help-strip numbers, with each line's cost and hours from
  data/helplines.yml.
- The referral routes are the sections of the page "Making an NRM referral
  today" with the ids in ROUTE_SECTIONS, as plain text, each sentence with the
  numbers of the sources it cites there, the sources listed below, and a QR
  code to that page.

Each QR code is made at build time (segno) and written to the site as an SVG
file beside the print pages (QR_FILES, in each language), which the sheet shows as an image of the site: nothing is fetched from
elsewhere when the page is read or printed. The print layout (paper size,
margins) is overrides/components/print-materials/print-materials.css.

The renderers are pure functions, data in, escaped HTML out.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Mapping
from urllib.parse import urljoin

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from wales_site.content import markdown_page as md
from wales_site.content.markers import CITE, CONTACT_CARD, REFERRAL_ROUTES, SIGNS_POSTER, split_ids
from wales_site.data import phone_numbers
from wales_site.data.models import Directory, Helpline
from wales_site.i18n import language_configs, twins
from wales_site.i18n.site_text import format_date
from wales_site.problems import Problem

# The page the poster takes its signs from, and links to with its QR code.
SIGNS_PAGE = "spot-the-signs.md"
SIGNS_PAGE_URL = "spot-the-signs/"
# The sections of that page that list signs, by their `{ #id }`, in the poster's order.
SIGN_SECTIONS = ("signs-appearance", "signs-work", "signs-control", "signs-child")
# The page the referral routes come from, and its sections that give them, in order.
ROUTES_PAGE = "professionals/nrm-first-responders.md"
ROUTES_PAGE_URL = "professionals/nrm-first-responders/"
ROUTE_SECTIONS = ("how-to-refer", "not-a-first-responder")
# Each page a sheet links to with a QR code, and where its code is written below each language's root.
QR_FILES = {SIGNS_PAGE_URL: "print/spot-the-signs-qr.svg", ROUTES_PAGE_URL: "print/nrm-first-responders-qr.svg"}
# How the QR code is drawn: M error correction (15% of it can be lost), 4 modules of quiet zone.
QR_ERROR, QR_BORDER = "m", 4
HEADING_WITH_ID = re.compile(r"^(?P<hashes>#{2,6})\s+(?P<text>.*?)\s*\{\s*#(?P<id>[a-z0-9-]+)\s*\}\s*$")
ANY_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
LIST_ITEM = re.compile(r"^\s*[-*+]\s+(?P<text>.*)$")
# Where removing a link's markup or a tag left a space: "responder ." is "responder.".
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")
# Where HTML goes into a site text after the text is escaped.
SLOT = "\x00{}\x00"


@dataclass(frozen=True)
class SignGroup:
    heading: str
    intro: str
    signs: tuple[str, ...]


@dataclass(frozen=True)
class Signs:
    """The signs as one language's Spot the signs page lists them."""
    title: str
    lead: str
    groups: tuple[SignGroup, ...]


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item of a page, as plain text: its parts are
    words, and after a sentence that cites, the tuple of source ids it cites."""
    kind: str  # "heading", "paragraph" or "item"
    parts: tuple[str | tuple[str, ...], ...]


@dataclass(frozen=True)
class Routes:
    """The referral routes as one language's "Making an NRM referral today" gives them."""
    title: str
    sections: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class PrintSheets:
    """What the sheets take from beyond data/: the signs and the referral routes in
    each language, and the whole site's address (for the QR codes and the printed addresses)."""
    signs: Mapping[str, Signs]
    routes: Mapping[str, Routes]
    root_url: str

    def address(self, lang: str, page_url: str) -> str:
        return urljoin(self.root_url, twins.site_path(lang, page_url))


# Reading the signs -------------------------------------------------------------


def sign_groups(page: md.MarkdownPage) -> Signs:
    """The page's first paragraph and its SIGN_SECTIONS. Raises ValueError naming a missing section."""
    lines = [line.text for line in page.content]
    found: dict[str, SignGroup] = {}
    for index, line in enumerate(lines):
        heading = HEADING_WITH_ID.match(line)
        if heading and heading["id"] in SIGN_SECTIONS:
            found[heading["id"]] = section(md.plain_words(heading["text"]).strip(), lines[index + 1:])
    missing = [name for name in SIGN_SECTIONS if name not in found]
    if missing:
        raise ValueError(f"{page.path}: the print poster lists the signs under the headings with the ids "
                         f"{', '.join('#' + name for name in SIGN_SECTIONS)}; no heading has "
                         f"{', '.join('#' + name for name in missing)}")
    return Signs(str(page.front_matter.get("title", "")), lead_paragraph(lines),
                 tuple(found[name] for name in SIGN_SECTIONS))


def section(heading: str, following: list[str]) -> SignGroup:
    """A section's words: the lines before its list, and the list, up to the next heading."""
    intro, signs = [], []
    for line in following:
        if ANY_HEADING.match(line):
            break
        item = LIST_ITEM.match(line)
        if item:
            signs.append(md.plain_words(item["text"]).strip())
        elif line.strip() and not signs:
            intro.append(md.plain_words(line).strip())
    return SignGroup(heading, " ".join(intro), tuple(signs))


def lead_paragraph(lines: list[str]) -> str:
    """The first paragraph after the page's title."""
    paragraph: list[str] = []
    for line in lines:
        if line.startswith("# "):
            continue
        if not line.strip() or ANY_HEADING.match(line) or line.lstrip().startswith(("!!!", "-", "|")):
            if paragraph:
                break
            continue
        paragraph.append(md.plain_words(line).strip())
    return " ".join(paragraph)


# Reading the referral routes ---------------------------------------------------------


def plain(text: str) -> str:
    """Markdown as the words a reader sees, spaced as in a sentence."""
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(md.plain_words(text).split()))


def cited_parts(text: str) -> tuple[str | tuple[str, ...], ...]:
    """A line's words as plain text, with each citation's ids where it stands."""
    parts: list[str | tuple[str, ...]] = []
    start = 0
    for match in CITE.finditer(text):
        parts += [plain(text[start:match.start()]), split_ids(match["ids"])]
        start = match.end()
    parts.append(plain(text[start:]))
    return tuple(part for part in parts if part)


def section_blocks(lines: list[str], level: int) -> list[Block]:
    """A section's headings, paragraphs and list items, up to the next heading of its level or above."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(Block("paragraph", cited_parts(" ".join(paragraph))))
            paragraph.clear()

    for line in lines:
        heading, item = ANY_HEADING.match(line), LIST_ITEM.match(line)
        if heading and len(heading["hashes"]) <= level:
            break
        if heading or item or not line.strip():
            end_paragraph()
        if heading:
            text = HEADING_WITH_ID.match(line)
            blocks.append(Block("heading", cited_parts((text or heading)["text"])))
        elif item:
            blocks.append(Block("item", cited_parts(item["text"])))
        elif line.strip():
            paragraph.append(line.strip())
    end_paragraph()
    return blocks


def route_sections(page: md.MarkdownPage) -> Routes:
    """The page's ROUTE_SECTIONS, each with its heading first. Raises ValueError naming a missing one."""
    lines = [line.text for line in page.content]
    found: dict[str, tuple[Block, ...]] = {}
    for index, line in enumerate(lines):
        heading = HEADING_WITH_ID.match(line)
        if heading and heading["id"] in ROUTE_SECTIONS:
            found[heading["id"]] = (Block("heading", cited_parts(heading["text"])),
                                    *section_blocks(lines[index + 1:], len(heading["hashes"])))
    missing = [name for name in ROUTE_SECTIONS if name not in found]
    if missing:
        raise ValueError(f"{page.path}: the referral routes sheet prints the sections with the ids "
                         f"{', '.join('#' + name for name in ROUTE_SECTIONS)}; no heading has "
                         f"{', '.join('#' + name for name in missing)}")
    return Routes(str(page.front_matter.get("title", "")), tuple(found[name] for name in ROUTE_SECTIONS))


# QR codes ------------------------------------------------------------------------


def qr_svg(address: str) -> str:
    """The QR code of an address as a standalone SVG file (black on white, no script)."""
    out = io.BytesIO()
    segno.make(address, error=QR_ERROR, micro=False).save(
        out, kind="svg", border=QR_BORDER, xmldecl=False, dark="#000", light="#fff", title=address)
    return out.getvalue().decode("utf-8")


# The sheets ---------------------------------------------------------------------


def help_lines(directory: Directory) -> list[Helpline]:
    """The numbers of the help strip, in its order: the emergency number first in the file."""
    return [line for line in directory["helplines"].values() if line.help_strip]


def tel(number: str) -> str:
    return f'<a class="print-sheet__number" href="{phone_numbers.tel_href(number)}">{escape(number)}</a>'


def help_line_html(line: Helpline, lang: str, words: Mapping[str, str]) -> str:
    """One number of the help strip as the sheets print it: what it is, the number, cost and hours."""
    if line.emergency:
        return f'<p class="print-sheet__line print-sheet__line--danger">{escape(words["help.danger"])} {tel(line.contact.phone)}</p>'
    notes = [words["help.free"]] if line.free else []
    notes += [line.hours[lang]] if line.hours else []
    extra = f' <span class="print-sheet__hours">({escape(", ".join(notes))})</span>' if notes else ""
    return (f'<p class="print-sheet__line"><span class="print-sheet__name">{escape(line.name[lang])}</span> '
            f"{tel(line.contact.phone)}{extra}</p>")


def source_html(source, lang: str, words: Mapping[str, str]) -> str:
    """A source as the Sources list gives it: title (marked when in English on a Welsh sheet), checked."""
    title, title_lang = source.title.in_language(lang)
    marked = f'<span lang="{title_lang}">{escape(title)}</span>' if title_lang != lang else escape(title)
    return (f"{marked} ({escape(words['citations.checked'])} "
            f'<time datetime="{source.checked}">{escape(format_date(source.checked, lang))}</time>)')


def sources_html(lines: list[Helpline], directory: Directory, lang: str, words: Mapping[str, str]) -> str:
    """The sources of the numbers, on one line."""
    ids = list(dict.fromkeys(source for line in lines for source in line.sources))
    items = [source_html(directory["sources"][source_id], lang, words) for source_id in ids]
    return f'<p class="print-sheet__sources">{escape(words["citations.heading"])}: {"; ".join(items)}</p>'


def qr_html(sheets: PrintSheets, placement, page_url: str, page_title: str) -> str:
    """The QR code of a page of the sheet's language, with its address written below it."""
    lang, words = placement.lang, placement.words
    page_address = sheets.address(lang, page_url)
    qr_src = placement.site_href(twins.site_path(lang, QR_FILES[page_url]))
    qr_alt = words["print.qr_alt"].format(page=page_title, address=page_address)
    return ('<figure class="print-sheet__qr">'
            f'<img src="{escape(qr_src)}" alt="{escape(qr_alt)}" width="120" height="120">'
            f'<figcaption>{escape(words["print.qr_caption"])} {escape(page_address)}</figcaption></figure>')


def checked_html(lines: list[Helpline], address: str, lang: str, words: Mapping[str, str]) -> str:
    """When the numbers were last checked (the oldest check of those printed), and where the sheet is."""
    day = min(line.last_verified for line in lines)
    date_slot, address_slot = SLOT.format("date"), SLOT.format("address")
    text = escape(words["print.checked"].format(date=date_slot, address=address_slot))
    text = text.replace(date_slot, f'<time datetime="{day}">{escape(format_date(day, lang))}</time>')
    return f'<p class="print-sheet__checked">{text.replace(address_slot, escape(address))}</p>'


def render_signs_poster(directory: Directory, placement, sheets: PrintSheets) -> str:
    """The A4 poster: the signs, the numbers, a QR code to the Spot the signs page."""
    lang, words, level = placement.lang, placement.words, placement.heading_level
    signs, lines = sheets.signs[lang], help_lines(directory)
    groups = "".join(
        f'<section class="print-sheet__group"><h{level + 1}>{escape(group.heading)}</h{level + 1}>'
        + (f"<p>{escape(group.intro)}</p>" if group.intro else "")
        + "<ul>" + "".join(f"<li>{escape(sign)}</li>" for sign in group.signs) + "</ul></section>"
        for group in signs.groups
    )
    return (
        '<div class="print-sheet print-sheet--poster">'
        f'<h{level} class="print-sheet__title">{escape(words["print.poster_title"])}</h{level}>'
        f'<p class="print-sheet__lead">{escape(signs.lead)}</p>'
        f'<div class="print-sheet__groups">{groups}</div>'
        '<div class="print-sheet__help">'
        f'<div class="print-sheet__lines">{"".join(help_line_html(line, lang, words) for line in lines)}</div>'
        + qr_html(sheets, placement, SIGNS_PAGE_URL, signs.title)
        + "</div>"
        + checked_html(lines, sheets.address(lang, placement.page_url), lang, words)
        + sources_html(lines, directory, lang, words)
        + "</div>"
    )


def render_contact_card(directory: Directory, placement, sheets: PrintSheets) -> str:
    """The A6 card: the numbers of the help strip, with cost and hours."""
    lang, words, level = placement.lang, placement.words, placement.heading_level
    lines = help_lines(directory)
    return (
        '<div class="print-sheet print-sheet--card">'
        f'<h{level} class="print-sheet__title">{escape(words["print.card_title"])}</h{level}>'
        f'<div class="print-sheet__lines">{"".join(help_line_html(line, lang, words) for line in lines)}</div>'
        + checked_html(lines, sheets.address(lang, placement.page_url), lang, words)
        + sources_html(lines, directory, lang, words)
        + "</div>"
    )


def render_referral_routes(directory: Directory, placement, sheets: PrintSheets) -> str:
    """The A4 summary of the referral routes: the sections as written, the numbers of
    the sources each sentence cites, the sources listed by number, a QR code to the page."""
    lang, words, level = placement.lang, placement.words, placement.heading_level
    routes = sheets.routes[lang]
    numbers: dict[str, int] = {}

    def inline(block: Block) -> str:
        html = []
        for part in block.parts:
            if isinstance(part, str):
                html.append(escape(part))
                continue
            cited = ", ".join(str(numbers.setdefault(source, len(numbers) + 1)) for source in part)
            html.append(f'<sup class="print-sheet__cite">[{cited}]</sup>')
        return " ".join(html).replace(" <sup", "<sup")

    body, items = [], []
    for section in routes.sections:
        for index, block in enumerate(section):
            if block.kind != "item" and items:
                body.append("<ul>" + "".join(items) + "</ul>")
                items = []
            if block.kind == "heading":
                depth = level + (1 if index == 0 else 2)
                body.append(f"<h{depth}>{inline(block)}</h{depth}>")
            elif block.kind == "item":
                items.append(f"<li>{inline(block)}</li>")
            else:
                body.append(f"<p>{inline(block)}</p>")
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
    sources = "".join(f"<li>{source_html(directory['sources'][source], lang, words)}</li>" for source in numbers)
    return (
        '<div class="print-sheet print-sheet--routes">'
        f'<h{level} class="print-sheet__title">{escape(words["print.routes_title"])}</h{level}>'
        f'<div class="print-sheet__routes">{"".join(body)}</div>'
        '<div class="print-sheet__help">'
        f'<div class="print-sheet__lines">{"".join(help_line_html(line, lang, words) for line in help_lines(directory))}</div>'
        + qr_html(sheets, placement, ROUTES_PAGE_URL, routes.title)
        + "</div>"
        + f'<p class="print-sheet__sources">{escape(words["citations.heading"])}:</p>'
        + f'<ol class="print-sheet__sources">{sources}</ol>'
        + "</div>"
    )


RENDERERS = {SIGNS_POSTER: render_signs_poster, CONTACT_CARD: render_contact_card,
             REFERRAL_ROUTES: render_referral_routes}


def render(name: str, directory: Directory, placement, sheets: PrintSheets | None) -> str:
    if sheets is None:
        raise ValueError(f"{name}: print materials need the signs and the site's address (PrintSheets)")
    return RENDERERS[name](directory, placement, sheets)


# The build's steps ----------------------------------------------------------------


def sheets_from(docs: Mapping[str, Path], root_url: str) -> PrintSheets:
    """The signs and the referral routes of each language's pages (docs: each language's docs folder),
    and the whole site's address. Raises ValueError naming a page whose sections are missing."""
    return PrintSheets({lang: sign_groups(md.read_page(Path(folder) / SIGNS_PAGE)) for lang, folder in docs.items()},
                       {lang: route_sections(md.read_page(Path(folder) / ROUTES_PAGE)) for lang, folder in docs.items()},
                       root_url)


def problems(docs: Mapping[str, Path]) -> list[Problem]:
    """The `print-materials` check: the pages and sections the sheets print, in every language."""
    found = []
    for folder in docs.values():
        for name, read in ((SIGNS_PAGE, sign_groups), (ROUTES_PAGE, route_sections)):
            path = Path(folder) / name
            if not path.is_file():
                found.append(Problem(path, None, "the print materials print from this page: restore it"))
                continue
            try:
                read(md.read_page(path))
            except ValueError as error:
                found.append(Problem(path, None, str(error).removeprefix(f"{path}: ")))
    return found


def load_sheets(config: MkDocsConfig) -> PrintSheets:
    try:
        return sheets_from(language_configs.docs_dirs(config),
                           twins.root_url(config.site_url or "/", language_configs.language_of(config)))
    except ValueError as error:
        raise PluginError(str(error)) from error


def add_qr_codes(files, config: MkDocsConfig, sheets: PrintSheets) -> None:
    """The QR codes of the build language's pages in QR_FILES, as files of its site."""
    lang = language_configs.language_of(config)
    for page_url, path in QR_FILES.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"{config.docs_dir}/{path} would hide the generated QR code: rename it")
        files.append(File.generated(config, path, content=qr_svg(sheets.address(lang, page_url))))

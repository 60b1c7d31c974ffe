"""Print materials made from the live data, so a printed sheet always carries
today's numbers: the "Spot the signs" poster (A4) and the contact card (A6).

A page shows one where it has the marker, on a line of its own:

    {{ directory: signs-poster }}
    {{ directory: contact-card }}

- The poster lists the signs as the Spot the signs page of the same language
  lists them (its sections with the ids in SIGN_SECTIONS: the lines before
  each list and the list), the help-strip numbers from data/helplines.yml
  (999 and the Helpline), a QR code to the Spot the signs page of the same
  language, and the sources of the numbers.
- The card lists the help-strip numbers, with each line's cost and hours from
  data/helplines.yml.

The QR code is made at build time (segno) and written to the site as an SVG
file beside the print pages (print/spot-the-signs-qr.svg in each language),
which the poster shows as an image of the site: nothing is fetched from
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
from wales_site.content.markers import CONTACT_CARD, SIGNS_POSTER
from wales_site.data import phone_numbers
from wales_site.data.models import Directory, Helpline
from wales_site.i18n import language_configs, twins
from wales_site.i18n.site_text import format_date

# The page the poster takes its signs from, and links to with its QR code.
SIGNS_PAGE = "spot-the-signs.md"
SIGNS_PAGE_URL = "spot-the-signs/"
# The sections of that page that list signs, by their `{ #id }`, in the poster's order.
SIGN_SECTIONS = ("signs-appearance", "signs-work", "signs-control", "signs-child")
# Where the QR code is written, below each language's root.
QR_FILE = "print/spot-the-signs-qr.svg"
# How the QR code is drawn: M error correction (15% of it can be lost), 4 modules of quiet zone.
QR_ERROR, QR_BORDER = "m", 4
HEADING_WITH_ID = re.compile(r"^(#{2,6})\s+(?P<text>.*?)\s*\{\s*#(?P<id>[a-z0-9-]+)\s*\}\s*$")
ANY_HEADING = re.compile(r"^#{1,6}\s")
LIST_ITEM = re.compile(r"^\s*[-*+]\s+(?P<text>.*)$")
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
    lead: str
    groups: tuple[SignGroup, ...]


@dataclass(frozen=True)
class PrintSheets:
    """What the sheets take from beyond data/: the signs in each language, and the
    whole site's address (for the QR code and the printed addresses)."""
    signs: Mapping[str, Signs]
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
    return Signs(lead_paragraph(lines), tuple(found[name] for name in SIGN_SECTIONS))


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


def sources_html(lines: list[Helpline], directory: Directory, lang: str, words: Mapping[str, str]) -> str:
    """The sources of the numbers, as the Sources list gives them: title, publisher, checked."""
    ids = list(dict.fromkeys(source for line in lines for source in line.sources))
    items = []
    for source in (directory["sources"][source_id] for source_id in ids):
        title, title_lang = source.title.in_language(lang)
        marked = f'<span lang="{title_lang}">{escape(title)}</span>' if title_lang != lang else escape(title)
        items.append(f"{marked} ({escape(words['citations.checked'])} "
                     f'<time datetime="{source.checked}">{escape(format_date(source.checked, lang))}</time>)')
    return f'<p class="print-sheet__sources">{escape(words["citations.heading"])}: {"; ".join(items)}</p>'


def checked_html(lines: list[Helpline], address: str, lang: str, words: Mapping[str, str]) -> str:
    """When the numbers were last checked (the oldest check of those printed), and where the sheet is."""
    day = min(line.last_verified for line in lines)
    text = escape(words["print.checked"].format(date=SLOT.format("date"), address=SLOT.format("address")))
    text = text.replace(SLOT.format("date"), f'<time datetime="{day}">{escape(format_date(day, lang))}</time>')
    return f'<p class="print-sheet__checked">{text.replace(SLOT.format("address"), escape(address))}</p>'


def render_signs_poster(directory: Directory, placement, sheets: PrintSheets) -> str:
    """The A4 poster: the signs, the numbers, a QR code to the Spot the signs page."""
    lang, words, level = placement.lang, placement.words, placement.heading_level
    signs, lines = sheets.signs[lang], help_lines(directory)
    page_address = sheets.address(lang, SIGNS_PAGE_URL)
    groups = "".join(
        f'<section class="print-sheet__group"><h{level + 1}>{escape(group.heading)}</h{level + 1}>'
        + (f"<p>{escape(group.intro)}</p>" if group.intro else "")
        + "<ul>" + "".join(f"<li>{escape(sign)}</li>" for sign in group.signs) + "</ul></section>"
        for group in signs.groups
    )
    qr_src = placement.site_href(twins.site_path(lang, QR_FILE))
    qr_alt = words["print.qr_alt"].format(address=page_address)
    return (
        '<div class="print-sheet print-sheet--poster">'
        f'<h{level} class="print-sheet__title">{escape(words["print.poster_title"])}</h{level}>'
        f'<p class="print-sheet__lead">{escape(signs.lead)}</p>'
        f'<div class="print-sheet__groups">{groups}</div>'
        '<div class="print-sheet__help">'
        f'<div class="print-sheet__lines">{"".join(help_line_html(line, lang, words) for line in lines)}</div>'
        '<figure class="print-sheet__qr">'
        f'<img src="{escape(qr_src)}" alt="{escape(qr_alt)}" width="120" height="120">'
        f'<figcaption>{escape(words["print.qr_caption"])} {escape(page_address)}</figcaption>'
        "</figure></div>"
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


RENDERERS = {SIGNS_POSTER: render_signs_poster, CONTACT_CARD: render_contact_card}


def render(name: str, directory: Directory, placement, sheets: PrintSheets | None) -> str:
    if sheets is None:
        raise ValueError(f"{name}: print materials need the signs and the site's address (PrintSheets)")
    return RENDERERS[name](directory, placement, sheets)


# The build's steps ----------------------------------------------------------------


def sheets_from(docs: Mapping[str, Path], root_url: str) -> PrintSheets:
    """The signs of each language's Spot the signs page (docs: each language's docs folder), and the
    whole site's address. Raises ValueError naming a page whose sections are missing."""
    return PrintSheets({lang: sign_groups(md.read_page(Path(folder) / SIGNS_PAGE)) for lang, folder in docs.items()},
                       root_url)


def load_sheets(config: MkDocsConfig) -> PrintSheets:
    try:
        return sheets_from(language_configs.docs_dirs(config),
                           twins.root_url(config.site_url or "/", language_configs.language_of(config)))
    except ValueError as error:
        raise PluginError(str(error)) from error


def add_qr_codes(files, config: MkDocsConfig, sheets: PrintSheets) -> None:
    """The QR code of the build language's Spot the signs page, as a file of its site."""
    lang = language_configs.language_of(config)
    if files.get_file_from_path(QR_FILE) is not None:
        raise PluginError(f"{config.docs_dir}/{QR_FILE} would hide the generated QR code: rename it")
    files.append(File.generated(config, QR_FILE, content=qr_svg(sheets.address(lang, SIGNS_PAGE_URL))))


def qr_path(site_dir: Path, lang: str) -> Path:
    return site_dir / twins.site_path(lang, QR_FILE)

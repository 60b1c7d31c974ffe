"""The print materials (wales_site/rendering/print_materials.py): made from the
live data, each fits one sheet of its paper in Chromium's print-to-PDF, carries
today's numbers from data/helplines.yml as text, and the poster's QR code
decodes to the Spot the signs page in its own language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp

from conftest import ROOT, output_path, parse
from wales_site.content import markdown_page as md
from wales_site.content import markers as marker_grammar
from wales_site.data import loading
from wales_site.rendering import print_materials

LANGS = ("en", "cy")
DOCS = {"en": "docs", "cy": "docs-cy"}
PAGES = {"signs-poster": "print/spot-the-signs-poster.md", "contact-card": "print/contact-card.md",
         "referral-routes": "print/referral-routes.md"}
# Paper sizes in PDF points (1/72 inch): A4 is 210 x 297 mm, A6 105 x 148 mm.
PAPER = {"signs-poster": (595.28, 841.89), "contact-card": (297.64, 419.53), "referral-routes": (595.28, 841.89)}
# The page each QR code goes to, in the sheet's language.
QR_TARGET = {"signs-poster": "spot-the-signs.md", "referral-routes": "professionals/nrm-first-responders.md"}
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b")


@pytest.fixture(scope="module")
def directory_data():
    return loading.load_directory(ROOT / "data")


def help_strip_numbers() -> list[str]:
    """The numbers the help strip shows, in its order, as data/helplines.yml writes them."""
    return [line.contact.phone for line in loading.load_directory(ROOT / "data")["helplines"].values()
            if line.help_strip]


# Reading the signs ------------------------------------------------------------------


def test_a_spot_the_signs_page_without_one_of_the_sections_is_named():
    text = (ROOT / "docs/spot-the-signs.md").read_text(encoding="utf-8").replace(" { #signs-child }", "")
    with pytest.raises(ValueError, match="no heading has #signs-child"):
        print_materials.sign_groups(md.parse_page(text, Path("docs/spot-the-signs.md")))


def test_the_check_names_each_page_whose_printed_sections_are_missing(tmp_path):
    docs = {lang: tmp_path / folder for lang, folder in DOCS.items()}
    for lang, folder in DOCS.items():
        for page in (print_materials.SIGNS_PAGE, print_materials.ROUTES_PAGE):
            (docs[lang] / page).parent.mkdir(parents=True, exist_ok=True)
            (docs[lang] / page).write_text((ROOT / folder / page).read_text(encoding="utf-8"), encoding="utf-8")
    signs = docs["cy"] / print_materials.SIGNS_PAGE
    signs.write_text(signs.read_text(encoding="utf-8").replace(" { #signs-work }", ""), encoding="utf-8")
    (docs["en"] / print_materials.ROUTES_PAGE).unlink()
    assert print_materials.problems({"en": ROOT / "docs", "cy": ROOT / "docs-cy"}) == []
    messages = sorted(str(problem) for problem in print_materials.problems(docs))
    assert len(messages) == 2
    assert messages[0].startswith(f"{signs}: ") and "no heading has #signs-work" in messages[0]
    assert "the print materials print from this page" in messages[1]


def test_the_signs_are_read_as_written_without_markdown():
    text = ("---\ntitle: T\n---\n\n# T\n\nThe *first* paragraph.\n\n## Ignored\n\n- not a sign\n\n"
            + "".join(f"## Group {n} {{ #{name} }}\n\nThe person may:\n\n- see [a page](x.md)\n- two\n\n"
                      for n, name in enumerate(print_materials.SIGN_SECTIONS)))
    signs = print_materials.sign_groups(md.parse_page(text, Path("x.md")))
    assert signs.lead == "The first paragraph."
    assert [group.heading for group in signs.groups] == [f"Group {n}" for n in range(4)]
    assert signs.groups[0] == print_materials.SignGroup("Group 0", "The person may:", ("see a page", "two"))


def test_citations_are_kept_where_they_stand_and_markup_is_dropped():
    line = ("Use the form. {{ cite: a }} Read [the page](x.md) and <span lang=\"en\">[Report](https://e.org)</span>. "
            "{{ cite: b, c }}")
    assert print_materials.cited_parts(line) == ("Use the form.", ("a",), "Read the page and Report.", ("b", "c"))


def test_the_referral_routes_are_the_sections_of_the_nrm_page_with_their_subsections():
    for docs in DOCS.values():
        routes = print_materials.route_sections(md.read_page(ROOT / docs / print_materials.ROUTES_PAGE))
        assert len(routes.sections) == len(print_materials.ROUTE_SECTIONS)
        how_to_refer = routes.sections[0]
        assert [block.kind for block in how_to_refer].count("heading") == 3, "the section and its two subsections"
        assert all(block.parts for section in routes.sections for block in section)


def test_a_print_marker_takes_no_only():
    [problem] = marker_grammar.marker_problems("{{ directory: contact-card | only: childline }}\n", "docs/x.md", None)
    assert str(problem) == 'docs/x.md:1: "only" cannot be used with contact-card'


def test_the_qr_code_is_a_plain_svg_naming_its_address():
    svg = print_materials.qr_svg("https://example.org/spot-the-signs/")
    assert svg.startswith("<svg ") and "<title>https://example.org/spot-the-signs/</title>" in svg
    assert "script" not in svg and "href" not in svg


# The built pages --------------------------------------------------------------------


def built(site: Path, lang: str, source: str):
    return parse(output_path(site, lang, Path(source)))


@pytest.mark.parametrize("lang", LANGS)
def test_the_poster_shows_the_signs_of_the_built_spot_the_signs_page(site, lang):
    signs_page = built(site, lang, "spot-the-signs.md")
    for citation in signs_page.select("sup.citation"):  # the poster prints the signs' words, not their source numbers
        citation.decompose()
    expected = []
    for section in print_materials.SIGN_SECTIONS:
        heading = signs_page.find(id=section)
        expected.append((heading.get_text(" ", strip=True),
                         [li.get_text(" ", strip=True) for li in heading.find_next("ul").find_all("li")]))
    poster = built(site, lang, PAGES["signs-poster"]).select_one(".print-sheet--poster")
    shown = [(group.find(["h3", "h4"]).get_text(" ", strip=True), [li.get_text(" ", strip=True) for li in group("li")])
             for group in poster.select(".print-sheet__group")]
    assert shown == expected


@pytest.mark.parametrize("lang", LANGS)
def test_spot_the_signs_and_report_a_concern_link_to_the_print_pages(site, lang):
    for source, target in (("spot-the-signs.md", "../print/spot-the-signs-poster/"),
                           ("report-a-concern.md", "../print/contact-card/")):
        hrefs = [a["href"] for a in built(site, lang, source).select("article a[href]")]
        assert target in hrefs, (lang, source)


# In Chromium ------------------------------------------------------------------------


def address(site_url: str, lang: str, source: str) -> str:
    return site_url + ("cy/" if lang == "cy" else "") + source.removesuffix(".md") + "/"


@pytest.fixture(scope="session")
def printed(browser, site_url):
    """Each sheet in each language, opened once and shown as printed, for every
    check below to read (none changes the page)."""
    context = browser.new_context()
    opened = {}

    def sheet(lang: str, name: str):
        if (lang, name) not in opened:
            page = context.new_page()
            page.goto(address(site_url, lang, PAGES[name]))
            page.emulate_media(media="print")
            opened[lang, name] = page
        return opened[lang, name]

    yield sheet
    context.close()


@pytest.mark.parametrize("sheet", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_each_sheet_prints_on_one_page_of_its_paper(printed, lang, sheet):
    pdf = printed(lang, sheet).pdf(prefer_css_page_size=True, print_background=True)
    assert len(PAGE_OBJECT.findall(pdf)) == 1, "the sheet runs onto a second page"
    [(width, height)] = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(pdf)]
    assert (width, height) == pytest.approx(PAPER[sheet], abs=1.0)


@pytest.mark.parametrize("sheet", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_each_sheet_prints_the_help_strip_numbers_as_text(printed, lang, sheet):
    page = printed(lang, sheet)
    sheet_element = page.locator(".print-sheet")
    numbers = help_strip_numbers()
    assert sheet_element.locator("a[href^='tel:']").all_inner_texts() == numbers
    printed = sheet_element.inner_text()
    assert all(number in printed for number in numbers)
    # Nothing but the sheet is printed.
    assert page.evaluate("""() => [...document.querySelectorAll('article > *')]
        .filter(e => !e.classList.contains('print-sheet') && e.getClientRects().length).length""") == 0


# Draws the QR code's image, as the printed page shows it, on a canvas 8 times its size,
# and gives back its pixels as grey levels (0-255), row by row, one character
# each (a string crosses to Python far faster than a list of numbers).
QR_PIXELS = """async () => {
  const image = document.querySelector('.print-sheet__qr img');
  await image.decode();
  const side = image.naturalWidth * 8;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = side;
  const context = canvas.getContext('2d');
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, side, side);
  const rgba = context.getImageData(0, 0, side, side).data;
  let grey = '';
  for (let row = 0; row < side; row++) {
    const levels = new Uint8Array(side);
    for (let x = 0; x < side; x++) levels[x] = rgba[4 * (row * side + x)];
    grey += String.fromCharCode(...levels);
  }
  return [side, grey];
}"""


@pytest.mark.parametrize("sheet", QR_TARGET)
@pytest.mark.parametrize("lang", LANGS)
def test_the_qr_code_decodes_to_its_page_in_the_sheets_language(printed, site, lang, sheet):
    side, grey = printed(lang, sheet).evaluate(QR_PIXELS)
    [barcode] = zxingcpp.read_barcodes(memoryview(grey.encode("latin-1")).cast("B", (side, side)))
    canonical = built(site, lang, QR_TARGET[sheet]).find("link", rel="canonical")["href"]
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    assert barcode.text == canonical
    assert canonical.endswith(address("/", lang, QR_TARGET[sheet]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_referral_routes_list_every_source_their_sections_cite_by_number(site, directory_data, lang):
    routes = print_materials.route_sections(md.read_page(ROOT / DOCS[lang] / print_materials.ROUTES_PAGE))
    cited = list(dict.fromkeys(source for section in routes.sections for block in section
                               for part in block.parts if isinstance(part, tuple) for source in part))
    sheet = built(site, lang, PAGES["referral-routes"]).select_one(".print-sheet--routes")
    listed = [li.get_text(" ", strip=True) for li in sheet.select("ol.print-sheet__sources > li")]
    assert len(listed) == len(cited) > 3
    for text, source_id in zip(listed, cited):
        assert text.startswith(directory_data["sources"][source_id].title.in_language(lang)[0])
    numbers = {int(n) for sup in sheet.select("sup.print-sheet__cite") for n in sup.get_text().strip("[]").split(", ")}
    assert numbers == set(range(1, len(cited) + 1))

"""The directories from data/ appear in the pages that ask for them, in the
page's language, with safe HTML and phone links that dial."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel

from conftest import ROOT, copy_project, output_path, parse, run_build
from edited_build import edited_build  # noqa: F401 (a fixture, shared with test_translation_notes.py)
from wales_site.data import loading
from wales_site.content import markers as marker_grammar
from wales_site.rendering import directories as rendering
from wales_site.rendering import language_card, print_materials
from wales_site.i18n import site_text
from wales_site.data.models import DATASETS, Bilingual, Directory

LANGS = ("en", "cy")
DIALLABLE = re.compile(r"tel:(\+44\d{7,10}|999|101|18000|18001\d{3,11}|116\d{3})")


@pytest.fixture(scope="module")
def directory() -> Directory:
    return loading.load_directory(ROOT / "data")


def words(lang: str) -> dict[str, str]:
    return site_text.strings_for(site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE), lang)


def placement(lang: str, page_url: str = "somewhere/") -> rendering.Placement:
    return rendering.Placement(lang, words(lang), page_url, words_by_language={code: words(code) for code in LANGS})


def entry_names(directory: Directory, name: str, lang: str, only: tuple[str, ...] = ()) -> list[str]:
    entries = directory[name]
    chosen = [entries[i] for i in only] if only else entries.values()
    return [(entry.title if hasattr(entry, "title") else entry.name)[lang] for entry in chosen]


# Markers -----------------------------------------------------------------------


def test_markers_are_found_with_their_line_and_heading_level():
    text = "# Title\n\nIntro\n\n## Numbers\n\n{{ directory: helplines }}\n\n```\n{{ directory: nonsense }}\n```\n" \
           "### Deeper\n{{directory:fora|only: gwent, cardiff}}\n<h2>In HTML</h2>\n{{ directory: events }}\n"
    markers, problems = marker_grammar.find_markers(text)
    assert problems == []
    assert markers == [marker_grammar.Marker(7, "helplines", (), 3), marker_grammar.Marker(13, "fora", ("gwent", "cardiff"), 4),
                       marker_grammar.Marker(15, "events", (), 3)]


@pytest.mark.parametrize(
    ("line", "message"),
    [("{{ directory: helpline }}", 'unknown directory "helpline": use one of helplines, first-responders'),
     ("{{ directory helplines }}", "malformed directory marker '{{ directory helplines }}': write it as {{ directory: NAME }}"),
     ("{{ directory: helplines | ony: nspcc }}", "malformed directory marker"),
     ("    {{ directory: helplines }}", "a directory marker must start at the beginning of the line")],
)
def test_a_bad_marker_is_reported_with_file_and_line(line, message, directory):
    problems = marker_grammar.marker_problems(f"# Page\n\n{line}\n", "docs/page.md", directory)
    assert [str(p)[: len("docs/page.md:3: ")] for p in problems] == ["docs/page.md:3: "]
    assert message in str(problems[0])


def test_only_must_name_ids_that_exist(directory):
    [problem] = marker_grammar.marker_problems("{{ directory: helplines | only: nspcc, samaritans }}\n", "docs/x.md", directory)
    assert str(problem) == 'docs/x.md:1: "only" names ids that are not in data/helplines.yml: samaritans'


def test_only_keeps_those_entries_in_that_order(directory):
    html = rendering.expand_markers("## Children\n{{ directory: helplines | only: childline, nspcc }}\n",
                                    directory, placement("en"), "x.md")
    names = [h.get_text() for h in BeautifulSoup(html, "html.parser").select(".directory__name")]
    assert names == ["Childline", "NSPCC Helpline"]


def test_a_directory_placed_after_converting_is_its_own_block(directory):
    """A marker written straight after a paragraph still gives a directory of its own, not one
    inside the paragraph, and the text after it stays where it was."""
    source = "Call one of these.\n{{ directory: helplines | only: childline }}\nOr ask a teacher.\n"
    with_placeholders, blocks = rendering.with_placeholders(source, directory, placement("en"), "x.md")
    html = rendering.fill_placeholders(markdown.markdown(with_placeholders), blocks)
    soup = BeautifulSoup(html, "html.parser")
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["Call one of these.", "Or ask a teacher."]
    assert [h.get_text() for h in soup.select(".directory__name")] == ["Childline"]
    assert not soup.find("p").find(class_="directory__name"), "the directory is not inside the paragraph"
    assert "WAHTDIRECTORYBLOCK" not in html


def test_a_directory_inside_the_pages_own_html_is_placed_there(directory):
    source = '<div class="panel">\n{{ directory: helplines | only: childline }}\n</div>\n'
    with_placeholders, blocks = rendering.with_placeholders(source, directory, placement("en"), "x.md")
    html = rendering.fill_placeholders(markdown.markdown(with_placeholders), blocks)
    panel = BeautifulSoup(html, "html.parser").select_one("div.panel")
    assert [h.get_text() for h in panel.select(".directory__name")] == ["Childline"]
    assert "WAHTDIRECTORYBLOCK" not in html


def test_a_directory_whose_place_was_lost_fails_naming_the_markers_line(directory):
    source = "# Helplines\n\n{{ directory: helplines }}\n"
    _, blocks = rendering.with_placeholders(source, directory, placement("en"), "x.md")
    with pytest.raises(ValueError, match="line 3: the directory marker could not be placed"):
        rendering.fill_placeholders("<p>Nothing here</p>", blocks)


# Renderers ---------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script>'
HOSTILE_URL = 'https://example.org/"><script>alert(1)</script>'


def poisoned(model: BaseModel) -> BaseModel:
    """The entry with every text in both languages, and every web address, replaced by a script."""
    updates = {}
    for name, value in model:
        if isinstance(value, Bilingual):
            updates[name] = Bilingual.model_construct(en=HOSTILE, cy=HOSTILE)
        elif isinstance(value, BaseModel):
            updates[name] = poisoned(value)
        elif name == "website" and value:
            updates[name] = HOSTILE_URL
    return model.model_copy(update=updates)


@pytest.mark.parametrize("lang", LANGS)
def test_every_renderer_escapes_every_text(directory, lang):
    hostile = Directory({name: {i: poisoned(e) for i, e in entries.items()} for name, entries in directory.entries.items()})
    signs = print_materials.Signs(HOSTILE, HOSTILE, (print_materials.SignGroup(HOSTILE, HOSTILE, (HOSTILE,)),))
    cited = (next(iter(hostile["sources"])),)
    routes = print_materials.Routes(HOSTILE, ((print_materials.Block("heading", (HOSTILE,)),
                                               print_materials.Block("item", (HOSTILE, cited))),))
    sheets = print_materials.PrintSheets({code: signs for code in LANGS}, {code: routes for code in LANGS},
                                         "https://example.org/")
    html = "".join(rendering.render(marker_grammar.Marker(1, name, (), 2), hostile, placement(lang), sheets)
                   for name in marker_grammar.MARKER_NAMES)
    html += rendering.render_help_strip(hostile, placement(lang))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    assert HOSTILE in soup.get_text()
    websites = [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith("https://example.org")]
    assert websites and set(websites) == {HOSTILE_URL}, "a web address broke out of its href"


def test_help_strip_shows_the_flagged_helplines_in_the_page_language(directory):
    for lang, prompt, note in (("en", "In immediate danger? Call", "(free, 24 hours a day)"),
                               ("cy", "Mewn perygl uniongyrchol? Ffoniwch", "(am ddim, 24 awr y dydd)")):
        soup = BeautifulSoup(rendering.render_help_strip(directory, placement(lang)), "html.parser")
        items = soup.select(".help-strip__item")
        assert [a["href"] for a in soup.select("a")] == ["tel:999", "tel:+448000121700"]
        assert items[0].get_text(" ", strip=True) == f"{prompt} 999"
        helpline = directory["helplines"]["modern-slavery-helpline"].name[lang]
        assert items[1].get_text(" ", strip=True) == f"{helpline}: 08000 121 700 {note}"


def test_events_are_newest_first_with_their_dates_as_precise_as_the_source(directory):
    soup = BeautifulSoup(rendering.render(marker_grammar.Marker(1, "events", (), 2), directory, placement("cy")), "html.parser")
    dates = [t["datetime"] for t in soup.select("time")]
    assert dates == sorted(dates, reverse=True)
    assert ("2013-10-18", "18 Hydref 2013") in [(t["datetime"], t.get_text()) for t in soup.select("time")]
    assert ("2013-03", "Mawrth 2013") in [(t["datetime"], t.get_text()) for t in soup.select("time")]


def test_welsh_order_treats_ll_and_ch_as_letters_of_their_own():
    names = ["Llanelli", "Lon", "Chwilog", "Cymer"]
    assert sorted(names, key=lambda n: rendering.collation_key(n, "cy")) == ["Cymer", "Chwilog", "Lon", "Llanelli"]
    assert sorted(names, key=lambda n: rendering.collation_key(n, "en")) == ["Chwilog", "Cymer", "Llanelli", "Lon"]


# The built site ------------------------------------------------------------------


def test_every_phone_link_on_the_site_dials_an_e164_number_or_a_short_code(pages):
    links = [a["href"] for page in pages for a in parse(page).select('a[href^="tel:"]')]
    assert links
    assert [href for href in links if not DIALLABLE.fullmatch(href)] == []


def expected_entries(directory: Directory, marker: rendering.Marker, lang: str) -> list[str]:
    if marker.name == marker_grammar.OPEN_DATA:
        return [words(lang)[f"dataset.{name}"] for name in DATASETS]
    if marker.name in marker_grammar.PRINT_MATERIALS:
        return [line.contact.phone for line in directory["helplines"].values() if line.help_strip]
    if marker.name == marker_grammar.LANGUAGE_CARD:
        return [language.endonym for language in language_card.card_languages(lang)]
    return entry_names(directory, marker.name, lang, marker.only)


def check_page_shows_its_directories(site: Path, project: Path, directory: Directory) -> int:
    """Every marker in the sources of both languages, and every entry it names, in the built page."""
    shown = 0
    for lang in LANGS:
        docs = project / ("docs" if lang == "en" else "docs-cy")
        for source in sorted(p.relative_to(docs) for p in docs.rglob("*.md")):
            markers, _ = marker_grammar.find_markers((docs / source).read_text(encoding="utf-8"))
            page = parse(output_path(site, lang, source)).select_one("article")
            for marker in markers:
                text = page.get_text(" ", strip=True)
                for name in expected_entries(directory, marker, lang):
                    assert name in text, f"{lang}/{source}: {marker.name} lacks {name!r}"
                    shown += 1
    return shown


def test_the_built_pages_show_every_entry_of_their_directories(site, directory):
    assert check_page_shows_its_directories(site, ROOT, directory) > 40


def test_report_a_concern_lists_every_helpline_in_both_languages(site, directory):
    for lang in LANGS:
        page = parse(output_path(site, lang, Path("report-a-concern.md")))
        names = [h.get_text() for h in page.select(".directory--helplines .directory__name")]
        assert names == entry_names(directory, "helplines", lang)
        assert page.select_one(".directory--helplines h3"), "entries sit one level below the page's h2"


def test_every_directory_renders_in_both_languages(edited_build, directory):
    # On the page edited_build.py adds, showing every directory.
    project, site = edited_build.project, edited_build.site
    assert check_page_shows_its_directories(site, project, directory) > 2 * 60
    welsh = parse(site / "cy" / "directories" / "index.html").select_one("article").get_text(" ", strip=True)
    for phrase in ("Heddlu Gwent", "Grŵp Ymgynghori Gwent ar Fasnachu Pobl", "Yn cael ei ddatblygu (yn ôl adroddiad 2013)",
                   "Gwiriwyd gennym ddiwethaf", "Byddin yr Iachawdwriaeth", "Wrecsam"):
        assert phrase in welsh


def test_a_broken_build_leaves_the_previous_site_untouched_and_reports_every_problem(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / "helplines.yml"
    data.write_text(data.read_text(encoding="utf-8").replace('"0800 555 111"', '"01234 56"'), encoding="utf-8")
    for docs in ("docs", "docs-cy"):
        page = project / docs / "report-a-concern.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n{{ directory: helpline }}\n", encoding="utf-8")
    previous = tmp_path / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the site as it was", encoding="utf-8")
    result = run_build(project, previous)
    assert result.returncode != 0
    assert re.search(r'data/helplines\.yml:\d+: helplines\[3\]\.contact\.phone: "01234 56" is not a valid UK phone number',
                     result.stderr)
    for docs in ("docs", "docs-cy"):
        assert re.search(docs + r'/report-a-concern\.md:\d+: unknown directory "helpline"', result.stderr)
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "the site as it was"

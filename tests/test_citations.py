"""Citations: {{ cite: ... }} becomes numbered links to a list of sources at the page's foot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from wales_site.content import markers
from wales_site.data.models import Directory, Source
from wales_site.editorial import sourcing
from wales_site.rendering import citations

WORDS = {
    "en": {"citations.heading": "Sources", "citations.label": "Source {number}", "directory.published": "Published",
           "citations.checked": "Checked", "directory.weight.secondary": "A secondary source",
           "directory.weight.mirror": "A copy"},
    "cy": {"citations.heading": "Ffynonellau", "citations.label": "Ffynhonnell {number}",
           "directory.published": "Cyhoeddwyd", "citations.checked": "Gwiriwyd",
           "directory.weight.secondary": "Ffynhonnell eilaidd", "directory.weight.mirror": "Copi"},
}
SOURCES = {
    "guidance": Source(id="guidance", title={"en": "Statutory guidance"}, publisher={"en": "Home Office",
                       "cy": "Y Swyddfa Gartref"}, address="https://www.gov.uk/guidance", checked=dt.date(2026, 12, 5),
                       weight="primary"),
    "wales": Source(id="wales", title={"en": "Live Fear Free", "cy": "Byw Heb Ofn"},
                    publisher={"en": "Welsh Government", "cy": "Llywodraeth Cymru"},
                    address="https://www.gov.wales/live-fear-free", published="2024-10", checked=dt.date(2026, 11, 29),
                    weight="primary"),
    "council": Source(id="council", title={"en": "A council page"}, publisher={"en": "A council"},
                      address="https://example.org.uk/page", checked=dt.date(2026, 12, 1), weight="secondary"),
}


def rendered(markdown: str, lang: str = "en") -> BeautifulSoup:
    import markdown as md

    return BeautifulSoup(md.markdown(citations.cite_sources(markdown, SOURCES, lang, WORDS[lang])), "html.parser")


def test_sources_are_numbered_in_order_of_first_citation_and_keep_their_number():
    html = rendered("First. {{ cite: wales }}\n\nSecond. {{ cite: guidance, wales }}\n")
    links = html.select("sup.citation a")
    assert [a.get_text() for a in links] == ["1", "2", "1"]
    assert [a["href"] for a in links] == ["#source-1", "#source-2", "#source-1"]
    ids = [a["id"] for a in links]
    assert len(ids) == len(set(ids)), "every citation link needs an id of its own"
    items = html.select("ol.sources > li")
    assert [li["id"] for li in items] == ["source-1", "source-2"]
    assert "Live Fear Free" in items[0].get_text() and "Statutory guidance" in items[1].get_text()


def test_each_citation_says_what_it_links_to_for_screen_readers():
    html = rendered("A fact. {{ cite: guidance }}\n", "cy")
    assert html.select_one("sup.citation a")["aria-label"] == "Ffynhonnell 1"


def test_the_list_is_headed_in_the_page_language_and_marks_english_titles_on_welsh_pages():
    html = rendered("Ffaith. {{ cite: guidance, wales }}\n", "cy")
    assert html.find("h2").get_text() == "Ffynonellau"
    first, second = html.select("ol.sources > li")
    assert first.find("cite")["lang"] == "en", "an English-only title on a Welsh page is marked as English"
    assert "Y Swyddfa Gartref" in first.get_text(), "a publisher's Welsh name is used where it has one"
    assert second.find("cite").get_text() == "Byw Heb Ofn" and not second.find("cite").has_attr("lang")
    assert "Mawrth" not in second.get_text() and "Hydref 2024" in second.get_text()


def test_each_source_links_to_its_address_with_the_date_it_was_checked():
    item = rendered("A fact. {{ cite: guidance }}\n").select_one("ol.sources > li")
    assert item.find("a")["href"] == "https://www.gov.uk/guidance"
    assert item.find("time", attrs={"datetime": "2026-12-05"}).get_text() == "5 December 2026"


def test_a_secondary_source_says_so():
    assert "A secondary source." in rendered("A fact. {{ cite: council }}\n").select_one("ol.sources").get_text()
    assert "A secondary source." not in rendered("A fact. {{ cite: guidance }}\n").get_text()


def test_a_page_that_cites_nothing_gets_no_list():
    text = "# Title\n\nNothing cited.\n"
    assert citations.cite_sources(text, SOURCES, "en", WORDS["en"]) == text


def test_markers_in_code_are_text_not_citations():
    text = "Write `{{ cite: guidance }}` after a sentence.\n\n```\n{{ cite: wales }}\n```\n"
    assert citations.cite_sources(text, SOURCES, "en", WORDS["en"]) == text
    assert markers.find_cites(text) == ([], [])


def test_malformed_citations_are_reported_with_their_line():
    cites, problems = markers.find_cites("Fine. {{ cite: guidance }}\n\nBroken. {{ cite guidance }}\n"
                                         "Also broken. {{ cite: Guidance! }}\n")
    assert [c.ids for c in cites] == [("guidance",)]
    assert [line for line, _ in problems] == [3, 4]
    assert all("{{ cite: SOURCE-ID }}" in message for _, message in problems)


def page(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def directory() -> Directory:
    return Directory(entries={"sources": SOURCES}, locations={("sources", s): ("data/sources.yml", n)
                                                             for n, s in enumerate(SOURCES, start=1)})


TODAY = dt.date(2026, 12, 5)


def test_an_unknown_source_is_an_error_at_its_line(tmp_path):
    page(tmp_path, "a.md", "---\ntitle: A\nlast_reviewed: 2026-11-29\n---\n# A\n\nA fact. {{ cite: nowhere }}\n")
    problems = sourcing.citation_problems([tmp_path / "docs"], directory(), SOURCES, TODAY)
    assert [(p.line, p.field) for p in problems] == [(7, "cite")]
    assert "unknown source nowhere" in problems[0].message


def test_a_page_is_not_reviewed_after_its_sources_were_checked(tmp_path):
    page(tmp_path, "a.md", "---\ntitle: A\nlast_reviewed: 2026-12-05\n---\n# A\n\nA fact. {{ cite: wales }}\n")
    page(tmp_path, "b.md", "---\ntitle: B\nlast_reviewed: 2026-11-29\n---\n# B\n\nA fact. {{ cite: wales }}\n")
    problems = sourcing.citation_problems([tmp_path / "docs"], directory(), SOURCES, TODAY)
    assert [(p.file.name, p.line, p.field) for p in problems] == [("a.md", 3, "last_reviewed")]
    assert "2026-11-29" in problems[0].message


def test_only_history_pages_may_send_readers_to_the_uk_human_trafficking_centre(tmp_path):
    sentence = "Staff were trained to refer victims to the UK Human Trafficking Centre.\n"
    page(tmp_path, "now.md", "---\ntitle: Now\n---\n# Now\n\n" + sentence)
    page(tmp_path, "then.md", "---\ntitle: Then\nperiod: 2013\n---\n# Then\n\n" + sentence)
    problems = sourcing.citation_problems([tmp_path / "docs"], directory(), SOURCES, TODAY)
    assert [(p.file.name, p.line) for p in problems] == [("now.md", 6)]


def test_a_history_period_must_be_past_years(tmp_path):
    page(tmp_path, "a.md", "---\ntitle: A\nperiod: 2013-2011\n---\n# A\n")
    page(tmp_path, "b.md", "---\ntitle: B\nperiod: 2011-2026\n---\n# B\n")
    page(tmp_path, "c.md", "---\ntitle: C\nperiod: 2011-2013\n---\n# C\n")
    problems = sourcing.citation_problems([tmp_path / "docs"], directory(), SOURCES, TODAY)
    assert [(p.file.name, p.line, p.field) for p in problems] == [("a.md", 3, "period"), ("b.md", 3, "period")]


def test_figures_and_laws_need_a_citation_but_phone_numbers_and_keys_do_not(tmp_path):
    page(tmp_path, "a.md", "---\ntitle: A\n---\n# A\n\n"
                          "In 2021, 479 referrals were made.\n\n"            # 6: a figure
                          "Under the Modern Slavery Act 2015 staff must act.\n\n"  # 8: a law
                          "The decision comes within 5 working days. {{ cite: guidance }}\n\n"
                          "Call [999](tel:999) or 0800 555 111, or press 55.\n\n"
                          "- press Shift 3 times\n\n"
                          "## Get help\n\n- The Helpline is open 24 hours a day.\n")
    page(tmp_path, "b.md", "---\ntitle: B\n---\n# B\n\nYn 2021, cafodd 479 o atgyfeiriadau eu gwneud.\n")
    problems = sourcing.unsourced_claims([tmp_path / "docs"])
    assert [(p.file.name, p.line) for p in problems] == [("a.md", 6), ("a.md", 8), ("b.md", 6)]


def test_a_source_nothing_cites_is_reported(tmp_path):
    page(tmp_path, "a.md", "---\ntitle: A\n---\n# A\n\nA fact. {{ cite: guidance, wales }}\n")
    problems = sourcing.uncited_sources([tmp_path / "docs"], directory())
    assert [(p.file, p.line, p.field) for p in problems] == [("data/sources.yml", 3, "council")]


def test_citations_are_checked_while_another_data_file_is_broken(tmp_path):
    page(tmp_path, "a.md", "---\ntitle: A\nlast_reviewed: 2026-11-29\n---\n# A\n\nA fact. {{ cite: nowhere }}\n")
    problems = sourcing.citation_problems([tmp_path / "docs"], None, SOURCES, TODAY)
    assert [(p.line, p.field) for p in problems] == [(7, "cite")]


def test_the_registry_loads_on_its_own():
    from conftest import ROOT
    from wales_site.data import loading

    assert loading.load_sources(ROOT / "data") == loading.load_directory(ROOT / "data")["sources"]

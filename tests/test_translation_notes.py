"""Readers see how a page's translation stands: each Welsh page says when it was
last checked against the English, and a notice appears when, and only when, the
twin has moved on (wales_site/editorial/translation_freshness.py, reader_status)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, output_path, parse, source_pages
from edited_build import CHANGED, WELSH_NEWER, edited_build  # noqa: F401 (a fixture, shared with test_directories.py)
from wales_site.content import markdown_page as md
from wales_site.editorial import translation_freshness as freshness
from wales_site.i18n import site_text, translation_notes

ENGLISH = """---
title: Get help
description: Where to get help.
last_reviewed: 2026-11-01
---

# Get help

Some text.
"""


def welsh(fingerprint: str | None, reviewed: str = "2026-11-01") -> md.MarkdownPage:
    record = f'translation_of: "{fingerprint}"\n' if fingerprint else ""
    text = f"---\ntitle: Cael help\ndescription: Ble i gael help.\nlast_reviewed: {reviewed}\n{record}---\n\n# Cael help\n\nTestun.\n"
    return md.parse_page(text, Path("cy.md"))


def english(text: str = ENGLISH) -> md.MarkdownPage:
    return md.parse_page(text, Path("en.md"))


STAMP = freshness.fingerprint(english())


def test_a_welsh_page_that_translates_the_english_says_when_it_was_checked():
    assert freshness.reader_status(english(), welsh(STAMP, "2026-11-03"), "cy") == \
        freshness.ReaderStatus("cy", freshness.WELSH_CHECKED, "2026-11-03")
    assert not freshness.reader_status(english(), welsh(STAMP), "cy").is_notice


def test_a_welsh_page_whose_english_changed_since_the_stamp_gets_a_notice():
    changed = english(ENGLISH.replace("Some text", "Some new text"))
    status = freshness.reader_status(changed, welsh(STAMP), "cy")
    assert status.state == freshness.WELSH_BEHIND and status.is_notice


def test_an_english_review_date_alone_is_no_change():
    redated = english(ENGLISH.replace("2026-11-01", "2026-11-20"))
    assert freshness.reader_status(redated, welsh(STAMP), "cy").state == freshness.WELSH_CHECKED


def test_a_welsh_page_never_stamped_says_so():
    assert freshness.reader_status(english(), welsh(None), "cy").state == freshness.WELSH_UNCONFIRMED


@pytest.mark.parametrize("welsh_page, expected", [
    (welsh(STAMP, "2026-11-02"), freshness.ReaderStatus("en", freshness.ENGLISH_BEHIND, "2026-11-02")),
    (welsh(STAMP, "2026-11-01"), None),
    (welsh(STAMP, "2026-10-30"), None),
    (welsh("000000000000", "2026-11-02"), None),
], ids=["welsh checked later", "same day", "welsh older", "welsh later but out of date"])
def test_an_english_page_says_the_welsh_is_newer_only_when_it_is_up_to_date_and_checked_later(welsh_page, expected):
    assert freshness.reader_status(english(), welsh_page, "en") == expected


def test_the_note_is_worded_in_the_pages_language_with_its_date_and_link():
    words = site_text.strings_for(site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE), "cy")
    status = freshness.ReaderStatus("cy", freshness.WELSH_BEHIND, "2026-12-05")
    note = translation_notes.worded(status, words, lambda day: f"<{day}>")
    assert note == translation_notes.TranslationNote(
        words["translation.english_changed"].replace("{date}", "<2026-12-05>"), True,
        "Darllenwch y dudalen Saesneg", "en")
    assert "<2026-12-05>" in note.text


# The copy edited_build.py builds: the English of one page changed since its Welsh
# was stamped; the English twin of another dated before its Welsh twin.


def with_class(site: Path, lang: str, name: str) -> dict[str, list]:
    """Each page's elements of that class (a page without the word is not parsed)."""
    pages = {source.as_posix(): output_path(site, lang, source) for source in source_pages(lang)}
    return {source: parse(path).select(f".{name}") if name in path.read_text(encoding="utf-8") else []
            for source, path in pages.items()}


def the_one_notice(site: Path, lang: str):
    """(page, notice) of the only page of the language that shows a translation notice."""
    found = {page: notes for page, notes in with_class(site, lang, "translation-note").items() if notes}
    assert len(found) == 1, f"pages with a notice: {list(found)}"
    [(page, [notice])] = found.items()
    return page, notice


def test_the_build_warns_of_the_out_of_date_translation(edited_build):
    assert f"docs-cy/{CHANGED}: warning: translation out of date" in edited_build.result.stderr


def test_only_the_welsh_page_whose_english_changed_shows_the_notice(edited_build):
    page, notice = the_one_notice(edited_build.site, "cy")
    assert page == CHANGED
    assert "Mae'r dudalen Saesneg wedi newid" in notice.get_text()
    link = notice.find("a")
    assert link["href"] == "../../spot-the-signs/" and link["hreflang"] == "en"
    assert link.get_text() == "Darllenwch y dudalen Saesneg"


def test_every_other_welsh_page_says_when_it_was_checked(edited_build):
    for source, checked in with_class(edited_build.site, "cy", "translation-checked").items():
        assert bool(checked) == (source != CHANGED), source
        if checked:
            assert "ei gwirio yn erbyn y dudalen Saesneg ddiwethaf ar" in checked[0].get_text()


def test_only_the_english_page_whose_welsh_was_checked_later_says_so(edited_build):
    page, notice = the_one_notice(edited_build.site, "en")
    assert page == WELSH_NEWER
    assert "The Welsh version of this page was checked more recently" in notice.get_text()
    assert notice.find("a")["href"] == "../cy/report-a-concern/"
    assert not any(with_class(edited_build.site, "en", "translation-checked").values())

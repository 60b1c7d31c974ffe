"""The words around every page exist in both languages; dates read naturally in each."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from wales_site.i18n import site_text


def test_real_site_text_has_every_string_in_both_languages():
    text = site_text.load_site_text(ROOT / site_text.SITE_TEXT_FILE)
    assert site_text.strings_for(text, "en").keys() == site_text.strings_for(text, "cy").keys()


def test_a_string_missing_its_welsh_is_rejected_with_file_and_key(tmp_path):
    bad = tmp_path / "site-text.yml"
    bad.write_text("text:\n  help.label:\n    en: Get help\nsections: {}\n")
    with pytest.raises(site_text.SiteTextError, match=r"site-text.yml: text.help.label: needs exactly en and cy"):
        site_text.load_site_text(bad)


def test_an_empty_translation_is_rejected(tmp_path):
    bad = tmp_path / "site-text.yml"
    bad.write_text("text:\n  help.label:\n    en: Get help\n    cy: ''\n")
    with pytest.raises(site_text.SiteTextError, match="help.label: a translation is empty"):
        site_text.load_site_text(bad)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "18 October 2013"), ("cy", "18 Hydref 2013")],
)
def test_dates_are_written_in_the_page_language(lang, expected):
    assert site_text.format_date(dt.date(2013, 10, 18), lang) == expected
    assert site_text.format_date("2013-10-18", lang) == expected

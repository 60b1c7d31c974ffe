"""The words around every page exist in both languages, are plain text, and fill in
the placeholders the site gives them; dates read naturally in each language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ROOT, edit
from wales_site.i18n import site_text

REAL = ROOT / site_text.SITE_TEXT_FILE


def test_real_site_text_has_every_string_in_both_languages():
    text = site_text.load_site_text(REAL)
    assert site_text.strings_for(text, "en").keys() == site_text.strings_for(text, "cy").keys()


def test_real_site_text_has_no_problem():
    assert site_text.problems(REAL) == []


@pytest.fixture
def copy(tmp_path) -> Path:
    path = tmp_path / "site-text.yml"
    path.write_bytes(REAL.read_bytes())
    return path


def reported(path: Path) -> list[str]:
    return [str(problem).replace(f"{path}:", "site-text.yml:") for problem in site_text.problems(path)]


@pytest.mark.parametrize(
    ("old", "new", "offset", "expected"),
    [
        # Reported on the line of the text it belongs to.
        ("    en: Get help\n    cy: Cael help\n", "    en: Get help\n", -1,
         "text.help.label.cy: the Welsh text is missing"),
        ("    cy: Cael help\n", "    cy: ''\n", 0, "text.help.label.cy: is empty: write a value"),
        ("    cy: Cael help\n", "    cy: Cael <b>help</b>\n", 0, 'text.help.label.cy: must be plain text: remove "<b>"'),
        ("    en: Last reviewed\n", "    en: Last &amp; reviewed\n", 0,
         'text.review.last.en: must be plain text: remove "&amp;"'),
        ("    cy: Cael help\n", "    cy: Cael help\n    fr: Obtenir de l'aide\n", 1,
         'text.help.label.fr: "fr" is not a field here: remove it'),
        ('    en: "{status} (as reported in {date})"', '    en: "{status} (as reported in {dat})"', 0,
         'text.directory.status_reported.en: "{dat}" is not a placeholder here: did you mean "{date}"?'),
        ('    cy: "{status} (yn ôl adroddiad {date})"', '    cy: "{status} (yn ôl adroddiad)"', 0,
         "text.directory.status_reported.cy: {date} is missing: the site fills it in here"),
        ("    en: Source {number}", "    en: Source {number.__class__}", 0,
         'text.citations.label.en: "{number.__class__}" is not a placeholder here: this text has {number}'),
        ("    en: Source {number}", "    en: Source {number", 0,
         "text.citations.label.en: a { or } is not part of a placeholder: write placeholders as {name} "
         "(this text has {number})"),
        ("    en: Last reviewed", "    en: Last reviewed {date}", 0,
         'text.review.last.en: "{date}" is not a placeholder here: this text has none'),
        ("  Home: Hafan\n", "  Home: <i>Hafan</i>\n", 0, 'nav.Home: must be plain text: remove "<i>"'),
    ],
    ids=["missing-welsh", "empty", "markup", "character-reference", "third-language", "placeholder-typo",
         "placeholder-missing", "placeholder-attribute", "stray-brace", "placeholder-where-none", "nav-markup"],
)
def test_a_mistake_is_reported_with_its_line(copy, old, new, offset, expected):
    line = edit(copy, old, new) + offset
    assert reported(copy) == [f"site-text.yml:{line}: {expected}"]


def test_a_key_written_twice_is_reported(copy):
    line = edit(copy, "  review.last:\n", "  help.label:\n    en: Get help\n    cy: Cael help\n  review.last:\n")
    assert reported(copy) == [f'site-text.yml:{line}: key "help.label" is written twice (first on line 6): keep one']


def test_a_text_the_site_prints_must_be_in_the_file(copy):
    edit(copy, "  review.last:\n    en: Last reviewed\n    cy: Adolygwyd ddiwethaf\n", "")
    text_line = edit(copy, "text:\n", "text:\n")
    assert reported(copy) == [
        f"site-text.yml:{text_line}: text.review.last: is missing: the site prints it; add it with en and cy"]
    with pytest.raises(site_text.SiteTextError, match="text.review.last: is missing"):
        site_text.load_site_text(copy)


def test_a_text_nothing_uses_is_a_warning(copy):
    line = edit(copy, "  review.last:\n", "  review.first:\n    en: First\n    cy: Cyntaf\n  review.last:\n")
    [warning] = site_text.problems(copy)
    assert warning.warning
    assert str(warning).replace(f"{copy}:", "site-text.yml:") == (
        f"site-text.yml:{line}: warning: text.review.first: nothing on the site uses this text: remove it")
    assert site_text.strings_for(site_text.load_site_text(copy), "cy")["review.first"] == "Cyntaf"


def test_yes_no_on_and_off_stay_words(copy):
    # YAML 1.1 reads these as booleans: "no" would have become False.
    edit(copy, "    cy: Cael help\n", "    cy: no\n")
    edit(copy, "    en: Last reviewed\n", "    en: on\n")
    assert reported(copy) == []
    words = site_text.load_site_text(copy)
    assert site_text.strings_for(words, "cy")["help.label"] == "no"
    assert site_text.strings_for(words, "en")["review.last"] == "on"


def test_text_that_is_not_utf8_is_named_with_its_line(copy):
    line = edit(copy, "    cy: Cael help\n", "    cy: Cael help\n")
    copy.write_bytes(copy.read_bytes().replace(b"Cael help", "Caél help".encode("latin-1"), 1))
    assert reported(copy) == [f"site-text.yml:{line}: is not UTF-8 text (byte 0xe9): save it as UTF-8"]


# Where the site's code and templates name a text: ui["..."], words['...'], ("about/", "footer.about").
SOURCES = [*(ROOT / "wales_site").rglob("*.py"), *(ROOT / "overrides").rglob("*.html")]
FAMILIES = sorted({key.split(".")[0] for key in site_text.TEXTS})
LITERAL_KEY = re.compile(r"""(?<!f)["']((?:%s)\.[a-z_.-]+)["']""" % "|".join(FAMILIES))
COMPOSED_KEY = re.compile(r"""f["']((?:%s)\.[a-z_.]*)\{""" % "|".join(FAMILIES))
FORMATTED = re.compile(r"""\[["']([a-z_.-]+)["']\]\.format\(([^)]*)\)""")


def source_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES if path.name != "site_text.py")


def test_every_text_the_code_names_is_listed_with_its_placeholders():
    code = source_text()
    named = set(LITERAL_KEY.findall(code))
    assert named - set(site_text.TEXTS) == set(), "add these to site_text.TEXTS"
    composed = set(COMPOSED_KEY.findall(code))
    assert composed == {"directory.status.", "directory.weight.", "open_data.", "dataset."}
    listed_without_use = {key for key in site_text.TEXTS
                          if key not in named and not any(key.startswith(prefix) for prefix in composed)}
    assert listed_without_use == set(), "nothing uses these: remove them from site_text.TEXTS"
    formatted = {key: tuple(re.findall(r"(\w+)=", arguments)) for key, arguments in FORMATTED.findall(code)}
    assert formatted == {key: names for key, names in site_text.TEXTS.items() if names}


PRINTED_TEXT = re.compile(r"\{\{-?\s*(?:ui|text|ui_by_lang\[[^\]]*\])\[[^\]]*\][^}]*\}\}")


def test_every_template_escapes_the_site_text_it_prints():
    # A " in a text would otherwise end the attribute it is printed in (aria-label="...").
    printed = [(path.name, found) for path in (ROOT / "overrides").rglob("*.html")
               for found in PRINTED_TEXT.findall(path.read_text(encoding="utf-8"))]
    assert len(printed) >= 15
    assert [(name, found) for name, found in printed if not re.search(r"\|\s*e\s*-?\}\}$", found)] == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "18 October 2013"), ("cy", "18 Hydref 2013")],
)
def test_dates_are_written_in_the_page_language(lang, expected):
    assert site_text.format_date(dt.date(2013, 10, 18), lang) == expected
    assert site_text.format_date("2013-10-18", lang) == expected

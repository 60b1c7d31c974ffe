"""The site dials only numbers a victim can safely call, only the number the
reader sees, and only the reviewed numbers of tests/key_facts/numbers.yml."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, parse
from wales_site.data import loading, phone_numbers
from wales_site.data.phone_numbers import Mention, mentions
from wales_site.security.dial_links import dial_link_problem

NUMBERS_FILE = ROOT / "tests" / "key_facts" / "numbers.yml"
ORDINARY = "give the organisation's ordinary number"


def reviewed_numbers() -> dict[str, dict]:
    """The reviewed list, by the digits each number dials."""
    entries = yaml.safe_load(NUMBERS_FILE.read_text(encoding="utf-8"))
    return {Mention(0, entry["number"]).dialled: entry for entry in entries}


def written_files(root: Path) -> list[Path]:
    """Every page of both languages and every data file."""
    return sorted([*(root / "docs").rglob("*.md"), *(root / "docs-cy").rglob("*.md"), *(root / "data").glob("*.yml")])


def unlisted(root: Path, listed) -> list[str]:
    """`file:line: number` for every number a page or data file writes that is not on the list."""
    return [
        f"{path.relative_to(root)}:{mention.line}: {mention.written!r} is not in {NUMBERS_FILE.relative_to(ROOT)}"
        for path in written_files(root)
        for mention in mentions(path.read_text(encoding="utf-8"))
        if mention.dialled not in listed
    ]


def dial_links(page: Path) -> list[tuple[str, str]]:
    """(href, text) of every tel: and sms: link on a built page."""
    return [(a["href"], a.get_text()) for a in parse(page).select("a[href]")
            if a["href"].strip().lower().startswith(("tel:", "sms:"))]


# Which numbers may go on the site ---------------------------------------------


@pytest.mark.parametrize(
    ("written", "dialled"),
    [("029 2034 5678", "+442920345678"), ("01633 123456", "+441633123456"), ("07860 077333", "+447860077333"),
     ("0800 1111", "+448001111"), ("0808 80 10 800", "+448088010800"), ("0300 123 4567", "+443001234567"),
     ("0345 123 4567", "+443451234567"), ("+44 800 1111", "+448001111"), ("+44 7860 077333", "+447860077333"),
     ("999", "999"), ("112", "112"), ("101", "101"), ("111", "111"), ("116 123", "116123"), ("116000", "116000"),
     ("18000", "18000"), ("18001 101", "18001101"), ("18001 0800 1111", "1800108001111")],
)
def test_numbers_a_victim_can_safely_call_are_accepted(written, dialled):
    assert phone_numbers.e164(written) == dialled


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("0906 123 4567", f"cannot go on the site: 09 numbers are premium rate: callers pay a high charge; {ORDINARY}"),
        ("0909 879 0000", "09 numbers are premium rate"),
        ("07011 234567", "070 numbers are personal numbers: they look like mobile numbers but cost much more to call"),
        ("07600 123456", f"076 numbers are pagers: nobody answers the call; {ORDINARY}"),
        ("0845 123 4567", "084 numbers add a service charge to every call; ask the organisation for its 03 or ordinary"),
        ("0871 123 4567", "087 numbers add a service charge"),
        ("0870 123 4567", "087 numbers add a service charge"),
        ("0500 123456", "0500 numbers were freephone numbers until 2017 and no longer work"),
        ("0551 234 5678", "055 numbers are corporate numbers"),
        ("0561 234 5678", "056 numbers are internet phone numbers"),
        ("07624 123456", "it is a Channel Islands or Isle of Man number"),
        ("01534 123456", "it is a Channel Islands or Isle of Man number"),
        ("+44 7011 234567", "070 numbers are personal numbers"),
        ("18001 0906 123 4567", "09 numbers are premium rate"),
        ("18001", "is not a valid UK phone number"),
        ("18001 18001 101", "is not a valid UK phone number"),
        ("18001 18000", "is not a valid UK phone number"),
        ("+44 0800 1111", "leave out the 0 after +44"),
        ("+44 999", "write a short number such as 999 or 18001 without +44"),
        ("+353 1 234 5678", "only UK numbers (+44) can go on the site"),
        ("0800 111", "is not a valid UK phone number"),
        ("998", "is not a valid UK phone number"),
        ("0800\u00a01111", "write digits and single spaces only"),
        ("\u0660\u0668\u0660\u0660 \u0661\u0661\u0661\u0661", "type it with the digits 0 to 9"),
        ("\uff10\uff18\uff10\uff10 \uff11\uff11\uff11\uff11", "type it with the digits 0 to 9"),
        ("0800 111\u0661", "type it with the digits 0 to 9"),
    ],
)
def test_other_numbers_are_refused_saying_why(written, why):
    with pytest.raises(phone_numbers.InvalidPhoneNumber) as refused:
        phone_numbers.e164(written)
    assert str(refused.value).startswith(f'"{written}" ')
    assert why in str(refused.value)


def test_the_allow_list_decides_and_the_reasons_only_explain(monkeypatch):
    # A kind taken off the allow-list is refused although no reason names it.
    monkeypatch.setattr(phone_numbers, "ALLOWED", (phone_numbers.LANDLINE, phone_numbers.MOBILE))
    phone_numbers.e164.cache_clear()
    try:
        with pytest.raises(phone_numbers.InvalidPhoneNumber, match="is not a kind of number a caller can safely use: "
                           "give a landline .01, 02., mobile .07, not 070 or 076., freephone .0800, 0808. or 03 number"):
            phone_numbers.e164("0800 1111")
    finally:
        phone_numbers.e164.cache_clear()


@pytest.mark.parametrize(("number", "mobile"), [("07860 077333", True), ("+44 7860 077333", True),
                                                ("07011 234567", False), ("07600 123456", False),
                                                ("07624 123456", False), ("0800 1111", False), ("999", False)])
def test_only_a_uk_mobile_takes_text_messages(number, mobile):
    assert phone_numbers.is_mobile(number) is mobile


# tel: and sms: links -----------------------------------------------------------


@pytest.mark.parametrize(("href", "text"), [
    ("tel:999", "999"), ("tel:+448000121700", "08000 121 700"), ("tel:+448000121700", "+44 8000 121 700"),
    ("tel:18001101", "18001 101"), ("tel:116123", "116 123"), ("sms:+447860077333", "07860 077333"),
    ("TEL:999", "Call 999"), ("https://example.org/0906", "0906 123 4567"), ("mailto:a@example.org", ""),
])
def test_a_link_that_dials_the_safe_number_it_shows_passes(href, text):
    assert dial_link_problem(href, text) is None


@pytest.mark.parametrize(("href", "text", "problem"), [
    ("tel:+449061234567", "0906 123 4567", '"+449061234567" cannot go on the site: 09 numbers are premium rate'),
    ("tel:+447011234567", "07011 234567", "070 numbers are personal numbers"),
    ("tel:+448712345678", "0871 234 5678", "087 numbers add a service charge"),
    ("tel:+448000121700", "0808 80 10 800",
     "the link's text shows '0808 80 10 800' but the link dials 08000121700: they must be the same number"),
    ("tel:+448000121700", "the helpline", "the link's text shows no number: show the number it dials (08000121700)"),
    ("tel:+448000121700", "08000 121 700 (24 hours)", "but the link dials 08000121700"),
    ("tel:+448000121700", "\u0660\u0668\u0660\u0660\u0660 \u0661\u0662\u0661 \u0667\u0660\u0660",
     "write the number in the link's text with the digits 0 to 9"),
    ("tel:+448001111", "\u202e1111 0080", "invisible characters that change the order of its digits"),
    ("tel:08000121700", "08000 121 700", "write the link as tel:+448000121700"),
    ("tel:+44 800 1111", "0800 1111", "write the number in the link as +44 and its digits with no spaces"),
    ("tel:0800-1111", "0800 1111", "write the number in the link as +44"),
    ("tel://999", "999", "write the number in the link as +44"),
    ("tel:", "999", "write the number in the link as +44"),
    ("tel:*141", "141", "write the number in the link as +44"),
    ("tel:+448000121700;ext=123", "08000 121 700", "the link dials more than the number (;ext=, ;isub=...)"),
    ("tel:+448000121700;phone-context=+44", "08000 121 700", "the link dials more than the number"),
    ("tel:+448000121700,123", "08000 121 700", "the link dials extra digits after a pause"),
    ("tel:+448000121700p9", "08000 121 700", "the link dials extra digits after a pause"),
    ("tel:+448000121700w9", "08000 121 700", "the link dials extra digits after a pause"),
    ("sms:+447860077333?body=Help", "07860 077333", "the link fills in a text message (?body=...)"),
    ("sms:+447860077333&body=Help", "07860 077333", "write the number in the link as +44"),
    ("tel:+448000121700?x", "08000 121 700", "the link has a query (?...) after the number"),
    ("sms:+447860077333,+447860077334", "07860 077333", "or more than one number"),
    ("tel:%2B448000121700", "08000 121 700", "%-escapes"),
    (" tel:999", "999", "remove the spaces, tabs or line breaks from the link's address"),
    ("tel:99\t9", "999", "remove the spaces, tabs or line breaks"),
    ("sms:+448000121700", "08000 121 700", "an sms: link needs a UK mobile number"),
    ("sms:999", "999", "an sms: link needs a UK mobile number"),
    ("tel:+353123456789", "+353 1 2345 6789", "only UK numbers (+44) can go on the site"),
])
def test_a_link_that_dials_another_or_an_unsafe_number_is_refused(href, text, problem):
    assert problem in (dial_link_problem(href, text) or "")


def test_every_phone_and_text_link_on_the_built_site_is_safe_and_reviewed(site, pages):
    listed = reviewed_numbers()
    links = [(page, href, text) for page in pages for href, text in dial_links(page)]
    assert {href for _, href, _ in links} >= {"tel:999", "tel:+448000121700", "sms:+447860077333"}
    problems = [f"{page.relative_to(site)}: <a href={href!r}>{text}</a>: {dial_link_problem(href, text)}"
                for page, href, text in links if dial_link_problem(href, text)]
    problems += [f"{page.relative_to(site)}: {href} is not in {NUMBERS_FILE.name}"
                 for page, href, _ in links if phone_numbers.national(href[4:]) not in listed]
    assert problems == []


# Phone numbers in pages and data files -----------------------------------------


def test_phone_numbers_are_found_as_pages_write_them():
    text = ("Call 999 or 101; text relay 18000, or 18001 101 and 18001 0800 1111.\n"
            "Helpline 08000 121 700, Live Fear Free 0808 80 10 800 or text 07860 077333.\n"
            "(029) 2034 5678, +44 (0)29 2034 5678, +44 29 2034 5678, 029-2034-5678, 029.2034.5678\n"
            "116 123, NHS 111, 112 abroad, [0800 1111](tel:+448001111), 0800 111 with a digit lost.\n"
            "Full-width \uff10\uff18\uff10\uff10 \uff11\uff11\uff11\uff11 and Arabic-Indic \u0669\u0669\u0669.\n")
    assert [(m.line, m.written, m.dialled) for m in mentions(text)] == [
        (1, "999", "999"), (1, "101", "101"), (1, "18000", "18000"), (1, "18001 101", "18001101"),
        (1, "18001 0800 1111", "1800108001111"),
        (2, "08000 121 700", "08000121700"), (2, "0808 80 10 800", "08088010800"), (2, "07860 077333", "07860077333"),
        (3, "(029) 2034 5678", "02920345678"), (3, "+44 (0)29 2034 5678", "02920345678"),
        (3, "+44 29 2034 5678", "02920345678"), (3, "029-2034-5678", "02920345678"), (3, "029.2034.5678", "02920345678"),
        (4, "116 123", "116123"), (4, "111", "111"), (4, "112", "112"), (4, "0800 1111", "08001111"),
        (4, "+448001111", "08001111"), (4, "0800 111", "0800111"),
        (5, "\uff10\uff18\uff10\uff10 \uff11\uff11\uff11\uff11", "\uff10\uff18\uff10\uff10\uff11\uff11\uff11\uff11"),
        (5, "\u0669\u0669\u0669", "\u0669\u0669\u0669"),
    ]


@pytest.mark.parametrize("text", [
    "In 2013 there were 479 referrals, 25% of them in 2021.",
    "5 March 2013, 05.03.2013, 05-03-2013, 05 03 13, 2013-05-03, 05/03/2013, from 09.30 to 17.00",
    "section 101 of the Act, s. 111, sections 112, adran 101, Schedule 999, article 112, Rhan 101",
    "£101, 101%, 1,999 people, 2.999, 18,000 workers, 3 999s, press 55",
    "https://example.org/report/08001111 and ?tel=999 and #999",
    'translation_of: "a157331e08a4", c999d, 0800abc, 999th',
    "Company number 01234567; rhif elusen 1123456",
    "0.5 of 07 and 0800 alone",
])
def test_years_dates_laws_figures_addresses_and_hashes_are_not_phone_numbers(text):
    assert list(mentions(text)) == []


def test_the_figures_check_looks_past_phone_numbers_but_not_past_a_section():
    assert phone_numbers.without_numbers("Call 999 or 0800 1111 about section 101.").split() == [
        "Call", "or", "about", "section", "101."]


def test_every_number_in_a_page_or_data_file_is_on_the_reviewed_list():
    assert unlisted(ROOT, reviewed_numbers()) == []


def test_a_changed_digit_in_a_page_or_data_file_is_reported_with_its_file_and_line(tmp_path):
    for folder in ("docs", "docs-cy", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    page = tmp_path / "docs" / "report-a-concern.md"
    text = page.read_text(encoding="utf-8")
    line = text[: text.index("0808 80 10 800")].count("\n") + 1
    page.write_text(text.replace("0808 80 10 800", "0808 80 10 801", 1), encoding="utf-8")
    helplines = tmp_path / "data" / "helplines.yml"
    data = helplines.read_text(encoding="utf-8")
    data_line = data[: data.index('"0800 1111"')].count("\n") + 1
    helplines.write_text(data.replace('"0800 1111"', '"0800 1112"'), encoding="utf-8")
    assert unlisted(tmp_path, reviewed_numbers()) == [
        f"data/helplines.yml:{data_line}: '0800 1112' is not in tests/key_facts/numbers.yml",
        f"docs/report-a-concern.md:{line}: '0808 80 10 801' is not in tests/key_facts/numbers.yml",
    ]


def test_every_reviewed_number_is_safe_sourced_and_still_used():
    entries = yaml.safe_load(NUMBERS_FILE.read_text(encoding="utf-8"))
    assert len(reviewed_numbers()) == len(entries), "a number is listed twice"
    sources = loading.load_directory(ROOT / "data")["sources"]
    used = {mention.dialled for path in written_files(ROOT) for mention in mentions(path.read_text(encoding="utf-8"))}
    for entry in entries:
        assert set(entry) >= {"number", "owner", "source"}, entry
        phone_numbers.e164(entry["number"])  # raises for a number the site may not show
        assert entry["source"] in sources, f"{entry['number']}: {entry['source']} is not in data/sources.yml"
        assert Mention(0, entry["number"]).dialled in used, f"{entry['number']} is on no page and in no data file"


def test_each_data_number_is_confirmed_by_one_of_its_entrys_sources():
    listed = reviewed_numbers()
    directory = loading.load_directory(ROOT / "data")
    for name, entries in directory.entries.items():
        for entry in entries.values():
            contact = getattr(entry, "contact", None)
            for field in ("phone", "text_relay", "text_message"):
                number = getattr(contact, field, None)
                if number:
                    source = listed[Mention(0, number).dialled]["source"]
                    assert source in entry.sources, f"{name} {entry.id}: {number} rests on {source}, not its sources"

"""The data in data/ is checked before anything is built: every mistake an editor
can make is reported with its file, line and field, all at once."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import ROOT, edit
from wales_site import limits
from wales_site.data import loading
from wales_site.data import phone_numbers
from wales_site.i18n import site_text
from wales_site.data import models
from wales_site.data.models import DATASETS


@pytest.fixture
def data_copy(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(loading.DataError) as caught:
        loading.load_directory(folder)
    return [str(problem) for problem in caught.value.problems]


def test_the_real_data_loads():
    directory = loading.load_directory(ROOT / "data")
    assert len(directory["local-authorities"]) == 22
    assert set(directory["police-forces"]) == {"dyfed-powys", "gwent", "north-wales", "south-wales"}
    assert set(directory["fora"]) == {"cardiff", "south-wales", "western-bay", "gwent", "north-wales", "dyfed-powys"}
    assert {"police-emergency", "modern-slavery-helpline", "live-fear-free", "childline"} <= set(directory["helplines"])


def test_every_council_of_a_police_area_forum_is_in_that_area():
    directory = loading.load_directory(ROOT / "data")
    for council in directory["local-authorities"].values():
        if council.forum:
            assert directory["fora"][council.forum].police_force == council.police_force


def test_weakly_sourced_entries_are_listed_for_editors():
    directory = loading.load_directory(ROOT / "data")
    notes = {(note.file, note.field) for note in loading.editor_notes(directory)}
    for name, entries in directory.entries.items():
        for entry_id, entry in entries.items():
            if isinstance(entry, models.Entry):
                weak = entry.needs_reverification or all(
                    directory["sources"][s].weight != "primary" for s in entry.sources)
                assert ((f"data/{name}.yml", entry_id) in notes) == weak, (name, entry_id)
    assert ("data/helplines.yml", "bawso") in notes
    assert ("data/helplines.yml", "modern-slavery-helpline") not in notes


@pytest.mark.parametrize(
    ("file_name", "old", "new", "expected"),
    [
        ("helplines.yml", '"0800 555 111"', '"01234 56"',
         'helplines[3].contact.phone: "01234 56" is not a valid UK phone number'),
        ("helplines.yml", "      website: https://crimestoppers-uk.org\n",
         "      website: https://crimestoppers-uk.org\n      email: help@@crimestoppers\n",
         'helplines[3].contact.email: "help@@crimestoppers" is not a valid e-mail address'),
        ("helplines.yml", "website: https://crimestoppers-uk.org", "website: crimestoppers-uk.org",
         'helplines[3].contact.website: "crimestoppers-uk.org" is not a valid web address: it must start with https://'),
        ("helplines.yml", "website: https://crimestoppers-uk.org", "website: http://crimestoppers-uk.org",
         'helplines[3].contact.website: "http://crimestoppers-uk.org" is not a valid web address: it must start with https://'),
        ("helplines.yml", "    help_strip: true\n    sources: [modern-slavery-helpline,",
         "    help_strp: true\n    sources: [modern-slavery-helpline,",
         'helplines[2].help_strp: "help_strp" is not a field here (did you mean "help_strip"?)'),
        ("helplines.yml", "    name:\n      en: Live Fear Free\n      cy: Byw Heb Ofn\n",
         "    name:\n      en: Live Fear Free\n", "helplines[4].name.cy: the Welsh text is missing"),
        ("helplines.yml", "    name:\n      en: Childline\n      cy: Childline\n", "    name: Childline\n",
         'helplines[8].name: needs English and Welsh: write "en:" and "cy:" on the lines below it'),
        ("helplines.yml", 'text_message: "07860 077333"', 'text_message: "0800 555 111"',
         'helplines[4].contact.text_message: "0800 555 111" is not a UK mobile number, so it cannot receive text messages'),
        ("helplines.yml", "      en: Crimestoppers\n", "      en: <b>Crimestoppers</b>\n",
         'helplines[3].name.en: must be plain text: remove "<b>"'),
        ("local-authorities.yml", "forum: cardiff", "forum: cardif",
         '"cardif" is not a forum in data/fora.yml: use one of gwent, cardiff, south-wales, western-bay, north-wales, dyfed-powys'),
        ("local-authorities.yml", "police_force: south-wales\n    forum: cardiff",
         "police_force: south-wales\n    forum: gwent",
         '.forum: the forum "gwent" belongs to the police force "gwent", but this council\'s '
         'police_force is "south-wales": they must match'),
        ("helplines.yml", "sources: [bawso-annual-report]", "sources: [bawso-report]",
         'helplines[6].sources[0]: "bawso-report" is not a source in data/sources.yml: did you mean bawso-annual-report?'),
        ("first-responders.yml", "[dyfed-powys, gwent,", "[dyfed-powis, gwent,",
         'first_responders[0].police_forces[0]: "dyfed-powis" is not a police force in data/police-forces.yml'),
        ("fora.yml", "status: in-development", "status: developing",
         "fora[4].status: \"developing\" is not allowed here: use 'established' or 'in-development'"),
        ("events.yml", "date: 2013-06", "date: 2013-13", 'events[4].date: "2013-13" is not a real date'),
        ("events.yml", "date: 2013-06", "date: June 2013",
         'events[4].date: "June 2013" is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY'),
        ("police-forces.yml", "last_verified: 2026-11-29", "last_verified: 29/11/2026",
         'police_forces[0].last_verified: "29/11/2026" is not a date: write it as YYYY-MM-DD'),
        ("events.yml", "  - id: operation-eagle", "  - id: Operation Eagle",
         'events[3].id: "Operation Eagle" is not a valid id: use lower-case letters, digits and hyphens'),
    ],
    ids=["bad-phone", "bad-email", "url-without-scheme", "url-not-https", "unknown-key", "missing-welsh",
         "text-not-bilingual", "text-to-a-landline", "markup-in-text", "unresolved-forum", "forum-in-another-police-area",
         "unknown-source", "unresolved-police-force", "unknown-status", "impossible-date", "date-in-words", "date-not-iso", "bad-id"],
)
def test_a_mistake_is_reported_with_file_line_and_field(data_copy, file_name, old, new, expected):
    line = edit(data_copy / file_name, old, new)
    reported = problems(data_copy)
    assert len(reported) == 1, reported
    assert reported[0].startswith(f"data/{file_name}:"), reported
    assert expected in reported[0]
    reported_line = int(reported[0].split(":")[1])
    # The line of the field itself, or of the entry field that holds it.
    assert line - 3 <= reported_line <= line + 1, (reported[0], line)


def test_the_line_is_exactly_the_fields_line(data_copy):
    line = edit(data_copy / "helplines.yml", '"0800 555 111"', '"01234 56"')
    assert problems(data_copy) == [
        f'data/helplines.yml:{line}: helplines[3].contact.phone: "01234 56" is not a valid UK phone number'
    ]


@pytest.mark.parametrize(
    ("field", "old", "written", "why"),
    [
        ("phone", '"0800 555 111"', "0906 123 4567",
         "cannot go on the site: 09 numbers are premium rate: callers pay a high charge; "
         "give the organisation's ordinary number"),
        ("phone", '"0800 555 111"', "07011 234567",
         "cannot go on the site: 070 numbers are personal numbers: they look like mobile numbers but cost much more "
         "to call, and can be passed on to any phone; give the organisation's ordinary number"),
        ("phone", '"0800 555 111"', "0871 123 4567",
         "cannot go on the site: 087 numbers add a service charge to every call; "
         "ask the organisation for its 03 or ordinary number"),
        ("phone", '"0800 555 111"', "\u0660\u0668\u0660\u0660 \u0665\u0665\u0665 \u0661\u0661\u0661",
         "is not a valid UK phone number: type it with the digits 0 to 9 "
         "(it has other digits, such as Arabic-Indic or full-width ones)"),
        ("phone", '"0800 555 111"', "\uff10\uff18\uff10\uff10 \uff15\uff15\uff15 \uff11\uff11\uff11",
         "is not a valid UK phone number: type it with the digits 0 to 9 "
         "(it has other digits, such as Arabic-Indic or full-width ones)"),
        ("text_message", '"07860 077333"', "07011 234567",
         "cannot go on the site: 070 numbers are personal numbers: they look like mobile numbers but cost much more "
         "to call, and can be passed on to any phone; give the organisation's ordinary number"),
        ("text_relay", '"18001 101"', "18001 0906 123 4567",
         "cannot go on the site: 09 numbers are premium rate: callers pay a high charge; "
         "give the organisation's ordinary number"),
    ],
    ids=["premium-rate-09", "personal-070", "service-charge-0871", "arabic-indic-digits", "full-width-digits",
         "text-message-to-070", "text-relay-to-09"],
)
def test_a_number_a_victim_cannot_safely_call_is_refused_saying_why(data_copy, field, old, written, why):
    line = edit(data_copy / "helplines.yml", old, f'"{written}"')
    entry = {"phone": 3, "text_message": 4, "text_relay": 1}[field]
    assert problems(data_copy) == [f'data/helplines.yml:{line}: helplines[{entry}].contact.{field}: "{written}" {why}']


def test_a_freephone_0808_number_is_accepted(data_copy):
    edit(data_copy / "helplines.yml", '"0800 555 111"', '"0808 800 5001"')
    assert loading.load_directory(data_copy)["helplines"]["crimestoppers"].contact.phone == "0808 800 5001"


def test_a_duplicate_id_names_both_lines(data_copy):
    first = edit(data_copy / "helplines.yml", "  - id: childline", "  - id: childline")
    second = edit(data_copy / "helplines.yml", "  - id: nspcc", "  - id: childline")
    assert problems(data_copy) == [
        f'data/helplines.yml:{first}: helplines[8].id: "childline" is already used on line {second}: each id must be unique'
    ]


def test_a_key_written_twice_is_reported(data_copy):
    line = edit(data_copy / "police-forces.yml", "    website: https://www.dyfed-powys.police.uk\n",
                "    website: https://www.dyfed-powys.police.uk\n    website: https://www.dyfed-powys.police.uk\n")
    assert problems(data_copy) == [
        f'data/police-forces.yml:{line + 1}: key "website" is written twice (first on line {line}): keep one'
    ]


@pytest.mark.parametrize("word", ["yes", "on", "True", "1"])
def test_only_true_or_false_is_a_boolean(data_copy, word):
    line = edit(data_copy / "helplines.yml", "    emergency: true\n", f"    emergency: {word}\n")
    assert problems(data_copy) == [f'data/helplines.yml:{line}: helplines[0].emergency: "{word}" must be true or false']


def test_no_stays_a_word_where_text_is_expected(data_copy):
    # YAML 1.1 would read it as false; here the text is the text.
    edit(data_copy / "events.yml", "      en: Police launch Operation Eagle\n", "      en: no\n")
    directory = loading.load_directory(data_copy)
    assert "no" in {event.title["en"] for event in directory["events"].values()}


def test_an_over_long_id_is_reported(data_copy):
    long_id = "operation-" + "e" * (limits.ID_CHARACTERS - 9)
    line = edit(data_copy / "events.yml", "  - id: operation-eagle", f"  - id: {long_id}")
    assert problems(data_copy) == [
        f"data/events.yml:{line}: events[3].id: is {limits.ID_CHARACTERS + 1} characters long: "
        f"an id has at most {limits.ID_CHARACTERS}"]


def test_an_alias_bomb_is_refused_with_its_line_at_once(data_copy):
    line = edit(data_copy / "helplines.yml", "helplines:\n",
                "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + "".join(f"l{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
                + "helplines:\n")
    start = time.perf_counter()
    assert problems(data_copy) == [f"data/helplines.yml:{line}: anchors and aliases (&name, *name) are not allowed: "
                                   "write the text out in full"]
    assert time.perf_counter() - start < 1


def test_a_data_file_that_is_not_utf8_is_named(data_copy):
    line = edit(data_copy / "police-forces.yml", "      cy: Heddlu Gwent", "      cy: Heddlu Gwent")
    path = data_copy / "police-forces.yml"
    path.write_bytes(path.read_bytes().replace("Heddlu Gwent".encode(), "Heddlu Gw\u00e9nt".encode("latin-1"), 1))
    assert problems(data_copy) == [f"data/police-forces.yml:{line}: is not UTF-8 text (byte 0xe9): save it as UTF-8"]


def test_a_data_file_over_the_limit_is_named(data_copy):
    path = data_copy / "events.yml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * limits.DATA_FILE.bytes, encoding="utf-8")
    [reported] = problems(data_copy)
    assert reported == (f"data/events.yml:1: is {path.stat().st_size:,} bytes, over the limit of "
                        f"{limits.DATA_FILE.bytes:,}: {limits.DATA_FILE.advice}")


def test_broken_yaml_is_reported_with_its_line(data_copy):
    line = edit(data_copy / "events.yml", "    title:\n      en: Police launch", "    title:\n   en: Police launch")
    [reported] = problems(data_copy)
    assert reported.startswith(f"data/events.yml:{line + 1}: this is not valid YAML")


def test_a_missing_file_is_reported(data_copy):
    (data_copy / "fora.yml").unlink()
    assert "data/fora.yml:1: the file is missing" in problems(data_copy)


def test_every_problem_in_every_file_is_reported_together(data_copy):
    edit(data_copy / "helplines.yml", '"0800 555 111"', '"01234 56"')
    edit(data_copy / "fora.yml", "status: in-development", "status: developing")
    edit(data_copy / "local-authorities.yml", "forum: cardiff", "forum: cardif")
    edit(data_copy / "events.yml", "summary:", "sumary:")
    reported = problems(data_copy)
    assert [p.split(":")[0] for p in reported] == [
        "data/events.yml", "data/events.yml", "data/fora.yml", "data/helplines.yml", "data/local-authorities.yml"
    ]
    assert any("events[0].summary: is missing" in p for p in reported)
    assert any('events[0].sumary: "sumary" is not a field here (did you mean "summary"?)' in p for p in reported)


def test_the_help_strip_needs_at_least_one_line(data_copy):
    text = (data_copy / "helplines.yml").read_text(encoding="utf-8")
    (data_copy / "helplines.yml").write_text(text.replace("help_strip: true", "help_strip: false"), encoding="utf-8")
    assert problems(data_copy) == [
        "data/helplines.yml:7: helplines: no entry has `help_strip: true`: the help strip on every page needs one"
    ]


@pytest.mark.parametrize(
    ("written", "dialled"),
    [("999", "999"), ("101", "101"), ("18000", "18000"), ("18001 101", "18001101"), ("116 123", "116123"),
     ("08000 121 700", "+448000121700"), ("0808 80 10 800", "+448088010800"), ("0800 1111", "+448001111"),
     ("07860 077333", "+447860077333"), ("029 2034 5678", "+442920345678"), ("112", "112"), ("111", "111"),
     ("0300 123 4567", "+443001234567"), ("+44 800 1111", "+448001111"), ("18001 0800 1111", "1800108001111")],
)
def test_phone_numbers_dial_as_e164_or_their_short_code(written, dialled):
    assert phone_numbers.e164(written) == dialled
    assert phone_numbers.tel_href(written) == f"tel:{dialled}"


@pytest.mark.parametrize("written", ["01234 56", "0800-555-111", "12345", "18001 12", "+1 202 555 0101", "999a"])
def test_numbers_that_are_not_uk_numbers_are_rejected(written):
    with pytest.raises(phone_numbers.InvalidPhoneNumber, match="is not a valid UK phone number"):
        phone_numbers.e164(written)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [("2013-03", "en", "March 2013"), ("2013-03", "cy", "Mawrth 2013"), ("2013", "cy", "2013"),
     ("2013-10-18", "cy", "18 Hydref 2013")],
)
def test_dates_are_as_precise_as_their_source(value, lang, expected):
    assert site_text.format_date(value, lang) == expected


def test_committed_schemas_match_the_models():
    from wales_site.data import open_data

    for name in DATASETS:
        committed = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == open_data.schema_text(name), f"schemas/{name}.schema.json is out of date: run `make schemas`"


def test_every_data_file_points_editors_at_its_schema():
    for dataset in DATASETS.values():
        first_line = (ROOT / "data" / dataset.file_name).read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schemas/{dataset.name}.schema.json"

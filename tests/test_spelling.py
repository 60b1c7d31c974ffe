"""Spelling in both languages, of pages and of data, with file and line for each unknown word."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from wales_site.editorial import spelling

PAGE = """---
title: {title}
description: {description}
last_reviewed: 2026-11-29
---

# {title}

{body}
"""


def write(folder: Path, name: str, body: str, title: str = "Help", description: str = "Help.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(PAGE.format(title=title, description=description, body=body), encoding="utf-8")
    return path


def unknown(tmp_path: Path, english: str = "Plain words.", welsh: str = "Geiriau plaen.", data: str | None = None,
            **page) -> list:
    write(tmp_path / "docs", "page.md", english, **page)
    write(tmp_path / "docs-cy", "page.md", welsh)
    (tmp_path / "data").mkdir()
    if data is not None:
        (tmp_path / "data" / "entries.yml").write_text(data, encoding="utf-8")
    words = spelling.site_words(tmp_path / "docs", tmp_path / "docs-cy", tmp_path / "data")
    return spelling.misspellings(words, ROOT)


def found(misspellings) -> list[tuple[str, int, str, str]]:
    return [(m.occurrence.path.parent.name, m.occurrence.line, m.occurrence.lang, m.occurrence.word)
            for m in misspellings]


# That the real site has no unknown words is test_lint_command.py's
# test_make_lint_passes_on_the_real_site: the spelling check is one of make lint's, its words errors.


def test_a_misspelt_english_word_is_found_with_its_line_and_suggestions(tmp_path):
    result = unknown(tmp_path, english="Call the helpline.\n\nYou can recieve advice.")
    assert found(result) == [("docs", 11, "en", "recieve")]
    assert "receive" in result[0].suggestions
    message = str(result[0].problem())
    assert message.endswith("docs/page.md:11: unknown English word 'recieve' (did you mean: receive, relieve, "
                            "reverie?); if it is spelt correctly, add it to spelling/words-en.txt (or, for a name, "
                            "spelling/names.txt)")


def test_a_misspelt_welsh_word_is_found_by_the_welsh_dictionary(tmp_path):
    result = unknown(tmp_path, welsh="Mae masnachy pobl yn digwydd yng Nghymru.")
    assert found(result) == [("docs-cy", 9, "cy", "masnachy")]
    assert "masnachu" in result[0].suggestions


def test_american_spelling_is_not_en_gb(tmp_path):
    assert found(unknown(tmp_path, english="The color of the flag.")) == [("docs", 9, "en", "color")]


def test_an_english_word_left_on_a_welsh_page_is_found(tmp_path):
    assert found(unknown(tmp_path, welsh="Ffoniwch y police.")) == [("docs-cy", 9, "cy", "police")]


def test_a_passage_marked_english_on_a_welsh_page_is_checked_as_english(tmp_path):
    welsh = 'Darllenwch *The role of local authorities*{ lang=en } a <span lang="en">browsing histroy</span>.'
    assert found(unknown(tmp_path, welsh=welsh)) == [("docs-cy", 9, "en", "histroy")]


def test_welsh_shortened_forms_are_accepted(tmp_path):
    welsh = "Mae'n bwysig. Dyw'r dioddefwr byth ar fai. Ewch i'r dudalen. Mae hi'n rhad ac am ddim ac ar agor."
    assert found(unknown(tmp_path, welsh=welsh)) == []


def test_title_and_description_are_checked_on_their_own_lines(tmp_path):
    result = unknown(tmp_path, title="Hepl", description="Wher to get help.")
    assert [(line, word) for _, line, _, word in found(result)] == [(2, "Hepl"), (3, "Wher"), (7, "Hepl")]


def test_code_addresses_markers_and_link_targets_are_not_checked(tmp_path):
    english = (
        "Run `zzqxv` or see [the page](some-zzqxv-page.md) and <https://zzqxv.example/>.\n\n"
        "Write to help@zzqxv.example or visit www.zzqxv.example/page.\n\n"
        "{{ directory: zzqxv }}\n\n"
        "```\nzzqxv\n```\n\n"
        "![A map](zzqxv.png){ .wide }"
    )
    assert found(unknown(tmp_path, english=english)) == []


def test_data_text_is_checked_in_each_language_with_its_line(tmp_path):
    data = (
        "helplines:\n"
        "  - name:\n"
        "      en: Helpline for adults\n"
        "      cy: Llinell gymorth i oedolion\n"
        "    description:\n"
        "      en: >-\n"
        "        Free and confidential\n"
        "        advice for anyone who is confidental.\n"
        "      cy: Cyngor cyfrinachol am ddim i unrhyw un a pawb sy'n pryderu amdanoch chi ac eraill.\n"
        "    url: https://zzqxv.example/\n"
    )
    result = unknown(tmp_path, data=data)
    assert found(result) == [("data", 8, "en", "confidental")]
    data_with_welsh_error = data.replace("i oedolion", "i oedolionn")
    (tmp_path / "data" / "entries.yml").write_text(data_with_welsh_error)
    words = spelling.site_words(tmp_path / "docs", tmp_path / "docs-cy", tmp_path / "data")
    assert ("data", 4, "cy", "oedolionn") in found(spelling.misspellings(words, ROOT))


def test_placeholders_in_data_text_are_not_words(tmp_path):
    data = "greeting:\n  en: \"Help {in_area}\"\n  cy: \"Gwefan {name}\"\n"
    assert found(unknown(tmp_path, data=data)) == []


def test_word_list_rules():
    listed = {"camfanteisio", "Bawso"}
    assert spelling.accepted("camfanteisio", listed)
    assert spelling.accepted("Camfanteisio", listed), "a lower-case entry accepts a capital at a sentence start"
    assert spelling.accepted("Bawso", listed)
    assert not spelling.accepted("bawso", listed), "a name must keep its capital"
    assert spelling.accepted("NRMs", {"NRM"}) and spelling.accepted("NRM's", {"NRM"})
    assert not spelling.accepted("Bawsos", listed), "only abbreviations take a plain plural"


def test_capitalised_names_from_the_other_language_are_accepted(tmp_path):
    result = unknown(tmp_path, english="See Cymru yn Erbyn Masnachu Pobl.",
                     welsh="Ffoniwch y Modern Slavery Helpline. Agorwch Settings. Mae'r police yma.")
    assert found(result) == [("docs", 9, "en", "yn"), ("docs-cy", 9, "cy", "police")]


def test_word_lists_have_comments_and_no_duplicates():
    for path in [spelling.NAMES, *spelling.WORD_LIST.values()]:
        text = (ROOT / path).read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path} starts with a comment saying what belongs in it"
        words = [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]
        assert len(words) == len(set(words)), f"{path} lists a word twice"


def test_census_counts_each_unknown_word_once_per_language(tmp_path):
    result = unknown(tmp_path, english="Teh cat. Teh dog.\n\nA zzqxv.", welsh="Y zzqxv.")
    lines = spelling.census(result).splitlines()
    assert lines[1].split()[:3] == ["cy", "1", "zzqxv"]
    assert lines[2].split()[:3] == ["en", "2", "Teh"]
    assert lines[3].split()[:3] == ["en", "1", "zzqxv"]
    assert "3 different unknown words" in lines[-1]


def test_missing_welsh_dictionary_says_how_to_install_it(tmp_path):
    with pytest.raises(spelling.SpellingSetupError, match="npm ci"):
        spelling.check_setup(tmp_path)

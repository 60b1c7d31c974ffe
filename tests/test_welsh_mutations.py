"""The Welsh mutation tables both ways (wales_site/i18n/welsh_mutations.py)."""

from __future__ import annotations

import pytest

from wales_site.i18n.welsh_mutations import (
    MUTATIONS,
    mutated_forms,
    radical_candidates,
    related_forms,
)
from wales_site.i18n.welsh_stop_words import is_stop_word

# Dictionary forms with every initial the tables change, and some they do not.
RADICALS = [
    "masnachu", "cymru", "cymorth", "plant", "teulu", "gwaith", "llafur", "dioddefwr", "bywyd",
    "rhyddid", "glân", "grym", "enw", "ystadegau", "gwlad", "tramor", "pryder",
]


@pytest.mark.parametrize(
    ("radical", "forms"),
    [
        ("masnachu", ["fasnachu"]),
        ("Cymru", ["gymru", "nghymru", "chymru"]),
        ("cymorth", ["gymorth", "nghymorth", "chymorth"]),
        ("plant", ["blant", "mhlant", "phlant"]),
        ("teulu", ["deulu", "nheulu", "theulu"]),
        ("gwaith", ["waith", "ngwaith"]),
        ("llafur", ["lafur"]),
        ("rhyddid", ["ryddid"]),
        ("dioddefwr", ["ddioddefwr", "nioddefwr"]),
        ("bywyd", ["fywyd", "mywyd"]),
        ("enw", ["henw"]),
    ],
)
def test_a_dictionary_form_gives_its_mutated_forms(radical, forms):
    assert mutated_forms(radical) == forms


@pytest.mark.parametrize("radical", ["ffordd", "chwaer", "swyddfa", "ngolwg", "haf", "theatr", "dda"])
def test_letters_of_two_characters_and_unmutated_initials_give_no_forms(radical):
    # ff, ch, s, ng, h, th and dd are not changed by any mutation.
    assert mutated_forms(radical) == []


@pytest.mark.parametrize(
    ("mutated", "candidates"),
    [
        ("fasnachu", ["basnachu", "masnachu"]),
        ("Nghymru", ["cymru"]),
        ("gymorth", ["cymorth"]),
        ("chymorth", ["cymorth"]),
        ("blant", ["plant"]),
        ("mhlant", ["plant"]),
        ("deulu", ["teulu"]),
        ("nheulu", ["teulu"]),
        ("waith", ["gwaith"]),
        ("lafur", ["llafur", "glafur"]),
        ("ryddid", ["rhyddid", "gryddid"]),
        ("henw", ["enw"]),
        ("ngwaith", ["gwaith"]),
        ("ddioddefwr", ["dioddefwr"]),
    ],
)
def test_a_mutated_form_gives_every_radical_it_may_come_from(mutated, candidates):
    assert radical_candidates(mutated) == candidates


@pytest.mark.parametrize("word", ["llafur", "ffordd", "rhyddid", "swyddfa", "plant", "teulu", "cymru"])
def test_radical_only_initials_give_no_candidates(word):
    assert radical_candidates(word) == []


@pytest.mark.parametrize("radical", RADICALS)
def test_every_mutated_form_leads_back_to_its_radical(radical):
    for form in mutated_forms(radical):
        assert radical.lower() in radical_candidates(form), form


def test_every_table_entry_is_read_back():
    for table in MUTATIONS.values():
        for radical, mutated in table.items():
            word = radical + "aith"
            assert word in radical_candidates(mutated + "aith"), (radical, mutated)


@pytest.mark.parametrize(
    ("typed", "on_the_page"),
    [("Nghymru", "cymru"), ("cymru", "nghymru"), ("gymorth", "chymorth"), ("masnachu", "fasnachu"),
     ("fasnachu", "masnachu"), ("plant", "mhlant"), ("lafur", "llafur"), ("enw", "henw")],
)
def test_forms_that_share_a_radical_find_each_other(typed, on_the_page):
    assert on_the_page in related_forms(typed)
    assert related_forms(typed)[0] == typed.lower()


def test_related_forms_are_words_each_once():
    forms = related_forms("g")
    assert "" not in forms and len(forms) == len(set(forms))


@pytest.mark.parametrize("word", ["a", "ac", "y", "yr", "yn", "yng", "i", "o", "i'r", "Mae"])
def test_welsh_stop_words(word):
    assert is_stop_word(word)


@pytest.mark.parametrize("word", ["masnachu", "plant", "cymorth", "help", "heddlu"])
def test_words_worth_searching_are_not_stop_words(word):
    assert not is_stop_word(word)

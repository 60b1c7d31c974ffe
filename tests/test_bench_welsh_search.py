"""The Welsh search benchmark's pieces (bench/welsh_search.py): its query set,
its measures and the index-time alternative it compares with."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import welsh_search

ROOT = Path(__file__).resolve().parent.parent
FORMS = {"radical", "soft", "nasal", "aspirate", "phrase"}


def welsh_page_exists(address: str) -> bool:
    """A page of docs-cy/, or a generated "Help in your area" page (one per council in data/)."""
    docs = ROOT / "docs-cy"
    if address.startswith("help-in-your-area/") and address.count("/") == 2:
        council = address.split("/")[1]
        return f"- id: {council}\n" in (ROOT / "data" / "local-authorities.yml").read_text(encoding="utf-8")
    folder = docs / address
    return (folder / "index.md").is_file() or (docs / f"{address.rstrip('/')}.md").is_file()


def test_the_query_set_has_sixty_welsh_queries_each_expecting_real_pages():
    query_set = welsh_search.load()
    assert len(query_set.queries) >= 60
    assert query_set.english
    for query in query_set.queries:
        assert query.form in FORMS, query
        assert 1 <= len(query.expect) <= welsh_search.FIRST, query
        assert all(welsh_page_exists(page) for page in query.expect), query


def test_the_query_set_has_every_kind_of_mutation():
    assert {query.form for query in welsh_search.load().queries} == FORMS


@pytest.mark.parametrize(
    ("listed", "expected", "recall", "precision"),
    [
        (["a/", "b/", "c/"], ("a/",), 1.0, 0.2),
        (["x/", "y/", "z/", "w/", "v/", "a/"], ("a/",), 0.0, 0.0),
        (["a/", "x/", "b/"], ("a/", "b/", "c/", "d/"), 0.5, 0.4),
        ([], ("a/",), 0.0, 0.0),
    ],
)
def test_recall_and_precision_of_the_first_five(listed, expected, recall, precision):
    assert welsh_search.recall_at(listed, expected) == pytest.approx(recall)
    assert welsh_search.precision_at(listed, expected) == pytest.approx(precision)


def test_recall_counts_at_most_five_expected_pages():
    expected = tuple(f"{n}/" for n in range(7))
    assert welsh_search.recall_at(list(expected[:5]), expected) == 1.0


MATERIAL_INDEX = {
    "config": {"separator": "[\\s\\-]+", "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "", "title": "Hafan", "text": "<p>Help i fasnachu yng Nghymru.</p>"},
        {"location": "#a", "title": "Cymru", "text": "<p>Plant</p>"},
    ],
}


def test_the_index_time_alternative_adds_radicals_in_a_field_of_their_own():
    index = welsh_search.with_radical_field(MATERIAL_INDEX)
    first, second = index["docs"]
    assert set(first[welsh_search.RADICAL_FIELD].split()) >= {"masnachu", "cymru"}
    assert "yn" not in first[welsh_search.RADICAL_FIELD].split()  # stop words get no radicals
    assert welsh_search.RADICAL_FIELD not in second  # nothing mutated there
    assert first["text"] == MATERIAL_INDEX["docs"][0]["text"]
    assert welsh_search.RADICAL_FIELD in index["config"]["fields"]


def test_the_index_before_is_the_index_material_wrote():
    built = {**MATERIAL_INDEX, "config": {**MATERIAL_INDEX["config"], "welsh_search": {"stop_words": []}}}
    assert welsh_search.without_welsh_search(built) == MATERIAL_INDEX

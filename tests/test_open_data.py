"""The checked data is published with the site as JSON, CSV and JSON Schema, and
the Open data page links the same files from both languages."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urljoin

import jsonschema
import pytest

from conftest import ROOT, parse
from wales_site.data import loading
from wales_site.data import open_data
from wales_site.data.models import DATASETS

NAMES = list(DATASETS)


@pytest.mark.parametrize("name", NAMES)
def test_json_export_is_valid_against_its_schema_and_round_trips(site, name):
    published = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(published)
    reloaded = DATASETS[name].file_model.model_validate(published)
    directory = loading.load_directory(ROOT / "data")
    # As published: an entry resting only on secondary or mirror sources says it needs re-verification.
    expected = [open_data.published_entry(directory, entry) for entry in directory[name].values()]
    assert [entry.model_dump(mode="json") for entry in getattr(reloaded, DATASETS[name].key)] == expected


def test_open_data_flags_an_entry_whose_sources_are_all_secondary(site):
    published = json.loads((site / "data" / "helplines.json").read_text(encoding="utf-8"))["helplines"]
    flags = {entry["id"]: entry["needs_reverification"] for entry in published}
    assert flags["bawso"] is True, "Bawso's number rests on an older secondary report only"
    assert flags["modern-slavery-helpline"] is False


def test_the_schema_rejects_what_the_build_rejects(site):
    schema = json.loads((site / "data" / "helplines.schema.json").read_text(encoding="utf-8"))
    published = json.loads((site / "data" / "helplines.json").read_text(encoding="utf-8"))
    del published["helplines"][0]["name"]["cy"]
    with pytest.raises(jsonschema.ValidationError, match="'cy' is a required property"):
        jsonschema.validate(published, schema)


@pytest.mark.parametrize("name", NAMES)
def test_csv_has_every_entry_and_both_languages(site, name):
    rows = list(csv.DictReader(io.StringIO((site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))
    entries = loading.load_directory(ROOT / "data")[name]
    assert [row["id"] for row in rows] == list(entries)
    columns = rows[0].keys()
    text_field = "title" if name in ("events", "sources") else "name"
    assert {f"{text_field}_en", f"{text_field}_cy"} <= columns
    # Where the facts come from goes last; a source is itself where they come from.
    assert list(columns)[-1] == ("note" if name == "sources" else "last_verified")
    for row, entry in zip(rows, entries.values()):
        # A source with no Welsh title has an empty Welsh column.
        assert row[f"{text_field}_cy"] == (getattr(entry, text_field).cy or "")


def test_csv_flattens_nested_and_list_fields(site):
    helplines = {row["id"]: row for row in csv.DictReader(io.StringIO((site / "data" / "helplines.csv").read_text(encoding="utf-8")))}
    assert helplines["live-fear-free"]["contact_text_message"] == "07860 077333"
    assert helplines["police-emergency"]["emergency"] == "true"
    responders = {row["id"]: row for row in csv.DictReader(io.StringIO((site / "data" / "first-responders.csv").read_text(encoding="utf-8")))}
    assert responders["police"]["police_forces"] == "dyfed-powys; gwent; north-wales; south-wales"


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_the_open_data_page_links_every_file_in_both_languages(site, prefix):
    page = parse(site / prefix / "open-data" / "index.html")
    here = f"http://site/{prefix}open-data/"
    targets = {urljoin(here, a["href"]) for a in page.select("article a[href]")}
    for name in NAMES:
        for kind in open_data.FORMATS:
            path = open_data.published_path(name, kind)
            assert f"http://site/{path}" in targets, f"{prefix}open-data lacks {path}"
            assert (site / path).is_file()


def test_the_open_data_page_explains_every_column(site):
    page = parse(site / "open-data" / "index.html").select_one("article").get_text(" ", strip=True)
    for name in NAMES:
        header = (site / "data" / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        for column in header:
            assert column in page, f"the Open data page does not explain {name}.csv's {column}"

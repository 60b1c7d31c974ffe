"""The checked data is published with the site as JSON, CSV and JSON Schema, and
the Open data page links the same files from both languages."""

from __future__ import annotations

import csv
import io
import json
import shutil
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
        header = next(csv.reader(io.StringIO((site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))
        for column in header:
            assert column in page, f"the Open data page does not explain {name}.csv's {column}"


@pytest.mark.parametrize(("value", "published"), [
    ('=HYPERLINK("https://example.org","Help")', '\'=HYPERLINK("https://example.org","Help")'),
    ("+44 800 1111", "'+44 800 1111"), ("-1+2", "'-1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+2", "'\t=1+2"), ("\r=1+2", "'\r=1+2"), ("\n=1+2", "'\n=1+2"), (["=a", "b"], "'=a; b"),
    ("0800 1111", "0800 1111"), ("a=b", "a=b"), ("Help - now", "Help - now"), (None, ""), (True, "true"),
])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_published_as_text(value, published):
    assert open_data.cell(value) == published


def test_the_csv_neutralises_formulas_from_the_data_and_the_json_keeps_them(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    helplines = folder / "helplines.yml"
    text = helplines.read_text(encoding="utf-8")
    formula = '=HYPERLINK("https://example.org";"Help");=1+2'
    text = text.replace("      en: Anyone who wants to report a crime anonymously.",
                        f"      en: '{formula}'", 1).replace('phone: "0800 555 111"', 'phone: "+44 800 555 111"', 1)
    helplines.write_text(text, encoding="utf-8")
    directory = loading.load_directory(folder)
    published = open_data.as_csv(directory, "helplines")
    row = {r["id"]: r for r in csv.DictReader(io.StringIO(published))}["crimestoppers"]
    assert row["who_for_en"] == "'" + formula
    assert row["contact_phone"] == "'+44 800 555 111"
    # Every cell is quoted: a spreadsheet that splits cells at ";" cannot start a formula inside one.
    assert f'"\'{formula.replace(chr(34), chr(34) * 2)}"' in published
    assert all(line.startswith('"') and line.endswith('"') for line in published.splitlines())
    entry = next(e for e in json.loads(open_data.as_json(directory, "helplines"))["helplines"] if e["id"] == "crimestoppers")
    assert entry["who_for"]["en"] == formula


@pytest.mark.parametrize("name", [name for name in NAMES if name != "sources"])
def test_where_the_facts_come_from_is_published_as_registry_ids_only(site, name):
    registry = loading.load_directory(ROOT / "data")["sources"]
    published = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))[DATASETS[name].key]
    rows = list(csv.DictReader(io.StringIO((site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))
    for entry, row in zip(published, rows, strict=True):
        assert entry["sources"] and set(entry["sources"]) <= registry.keys(), entry["id"]
        assert row["sources"].split("; ") == entry["sources"]


def test_the_registry_publishes_each_source_with_an_https_address_or_none(site):
    published = json.loads((site / "data" / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert all(source["address"] is None or source["address"].startswith("https://") for source in published)

"""Publishes the checked data with the site (site/data/): JSON, CSV and JSON Schema per file.

The JSON is the data exactly as the models hold it, so it validates against
the published schema. The CSV has one row per entry and one column per field:
nested fields joined with "_" (contact_phone), text in both languages as
name_en and name_cy, lists joined with "; "; no cell runs as a formula in a
spreadsheet (FORMULA_START).

`python hooks/open_data.py` (or `make schemas`) rewrites schemas/ from the
models; a test fails while the committed schemas are out of date.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from pydantic import BaseModel

from wales_site.data import loading
from wales_site.data.models import DATASETS, Bilingual, Directory, EnglishOrBoth, Entry

SITE_FOLDER = "data"
SCHEMA_FOLDER = Path("schemas")
FORMATS = ("json", "csv", "schema")
SUFFIX = {"json": ".json", "csv": ".csv", "schema": ".schema.json"}
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Where the facts come from goes last in the CSV, after what they are.
PROVENANCE = ("sources", "source_note", "needs_reverification", "last_verified")
# A spreadsheet opening the CSV runs a cell that starts with one of these as a formula
# (OWASP, CSV Injection: https://owasp.org/www-community/attacks/CSV_Injection): such a cell
# gets a leading apostrophe, which spreadsheets read as "text follows". Every cell, phone
# numbers included: data/ writes numbers with their 0, so no published number starts with
# +, and one written "+44 800 1111" would otherwise be read as a sum. The JSON keeps every
# value as written.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def published_path(dataset_name: str, kind: str) -> str:
    """A file's address below the site root, e.g. data/helplines.csv."""
    return f"{SITE_FOLDER}/{dataset_name}{SUFFIX[kind]}"


@dataclass(frozen=True)
class Column:
    """One field as CSV columns: one column, or two (_en, _cy) for text in both languages."""

    paths: tuple[tuple[str, ...], ...]
    description: dict[str, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple("_".join(path) for path in self.paths)

    def meaning(self, lang: str) -> str:
        return self.description[lang]


def model_inside(annotation) -> type[BaseModel] | None:
    """The model a field holds, looking inside `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next(filter(None, map(model_inside, typing.get_args(annotation))), None)
    return None


def columns(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[Column]:
    found = []
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        description = {"en": info.description, "cy": (info.json_schema_extra or {})["description_cy"]}
        inner = model_inside(info.annotation)
        if inner in (Bilingual, EnglishOrBoth):
            found.append(Column(((*path, "en"), (*path, "cy")), description))
        elif inner is not None:
            found += columns(inner, path)
        else:
            found.append(Column((path,), description))
    if not prefix:
        found.sort(key=lambda column: column.paths[0][0] in PROVENANCE)
    return found


def neutralised(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (FORMULA_START)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutralised("; ".join(map(str, value)))
    return neutralised(str(value))


def value_at(data: dict, path: tuple[str, ...]):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def published_entry(directory: Directory, entry) -> dict:
    """An entry as published: `needs_reverification` also true when its sources are all weak."""
    data = entry.model_dump(mode="json")
    if isinstance(entry, Entry):
        data["needs_reverification"] = directory.needs_reverification(entry)
    return data


def as_json(directory: Directory, dataset_name: str) -> str:
    dataset = DATASETS[dataset_name]
    entries = [published_entry(directory, entry) for entry in directory[dataset_name].values()]
    return json.dumps({dataset.key: entries}, ensure_ascii=False, indent=2) + "\n"


def as_csv(directory: Directory, dataset_name: str) -> str:
    table = columns(DATASETS[dataset_name].entry_model)
    out = io.StringIO()
    # Every cell in quotes, so that a spreadsheet that splits cells at ";" (as in many
    # locales) cannot start a new cell, and with it a formula, inside one (OWASP, as above).
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow([name for column in table for name in column.names])
    for entry in directory[dataset_name].values():
        data = published_entry(directory, entry)
        writer.writerow([cell(value_at(data, path)) for column in table for path in column.paths])
    return out.getvalue()


def schema(dataset_name: str) -> dict:
    dataset = DATASETS[dataset_name]
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        **dataset.file_model.model_json_schema(),
        "title": dataset.file_name,
        "description": f"Wales Against Human Trafficking: {dataset.file_name}, generated from hooks/data_models.py",
    }


def schema_text(dataset_name: str) -> str:
    return json.dumps(schema(dataset_name), ensure_ascii=False, indent=2) + "\n"


def published_files(directory: Directory) -> dict[str, str]:
    """Every open data file: its path below the site root, and its text."""
    makers = {"json": lambda name: as_json(directory, name), "csv": lambda name: as_csv(directory, name),
              "schema": schema_text}
    return {published_path(name, kind): makers[kind](name) for name in DATASETS for kind in FORMATS}


def write_schemas(folder: Path = SCHEMA_FOLDER) -> None:
    folder.mkdir(exist_ok=True)
    for name in DATASETS:
        (folder / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")


def write_open_data(config: MkDocsConfig) -> None:
    directory = loading.load_directory(loading.project_data_dir(config))
    for path, text in published_files(directory).items():
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


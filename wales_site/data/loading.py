"""Reads data/*.yml, checks it against the models and reports every problem at once.

Each problem names the file, the line and the field in plain words, e.g.
`data/fora.yml:42: fora[3].contact.phone: "01234 56" is not a valid UK phone number`.

Scalars are read exactly as the editor wrote them (a phone number 01234567
stays a string; it is never read as an octal number); the models convert
dates and true/false. `make data-report` lists the entries to check again.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from pydantic import ValidationError

from wales_site import limits, text_files
from wales_site.data import models
from wales_site.data import fast_yaml
from wales_site.data.models import DATASETS, Dataset, Directory
from wales_site.problems import Problem, in_order

DATA_FOLDER = "data"
NULLS = {"", "~", "null", "Null", "NULL"}
Location = tuple[str | int, ...]


class DataError(PluginError):
    """Every problem found, in file and line order; the build stops before writing anything."""

    def __init__(self, problems: list[Problem]):
        self.problems = in_order(problems)
        super().__init__(
            f"Nothing was built: fix {len(problems)} problem(s) "
            "(CONTRIBUTING.md, 'Data and marker errors', says how).\n" + "\n".join(map(str, self.problems))
        )


@dataclass
class ReadFile:
    """A YAML file as plain values, with the line of every field and list item."""

    name: str
    value: Any
    lines: dict[Location, int]

    def line_of(self, location: Location) -> int:
        """The line of a field, or of the nearest enclosing one when it is missing."""
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)

    def problem(self, location: Location, message: str) -> Problem:
        return Problem(self.name, self.line_of(location), message, path_text(location))


def path_text(location: Location) -> str:
    """('fora', 3, 'contact', 'phone') -> fora[3].contact.phone"""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(text: str, name: str) -> tuple[ReadFile, list[Problem]]:
    """The file's values, as written, with their lines; or why it cannot be read
    (fast_yaml: not valid YAML, anchors, a key written twice, too deep, too long)."""
    lines: dict[Location, int] = {}

    def convert(node: yaml.Node, location: Location) -> Any:
        lines.setdefault(location, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                lines[location + (key,)] = key_node.start_mark.line + 1
                result[key] = convert(value_node, location + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, location + (index,)) for index, item in enumerate(node.value)]
        plain = not node.style  # libyaml gives plain scalars the style "", PyYAML None
        return None if plain and node.value in NULLS else node.value

    try:
        root = fast_yaml.compose(text)
    except fast_yaml.YamlProblem as problem:
        return ReadFile(name, None, {}), [Problem(name, problem.line, problem.message)]
    value = convert(root, ()) if root is not None else None
    return ReadFile(name, value, lines), []


def plain_message(error: dict, vocabulary: set[str]) -> str:
    """A pydantic error in words an editor can act on."""
    kind, location, value, context = error["type"], error["loc"], error.get("input"), error.get("ctx") or {}
    last = location[-1] if location else None
    if kind == "missing":
        return {"cy": "the Welsh text is missing", "en": "the English text is missing"}.get(
            last, "is missing: add it")
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(last), sorted(vocabulary), n=1)
        return f'"{last}" is not a field here' + (f' (did you mean "{close[0]}"?)' if close else ": remove it")
    if value is None and kind.endswith("_type"):
        return "is empty: write a value"
    if kind == "model_type" and context.get("class_name") == "Bilingual":
        return 'needs English and Welsh: write "en:" and "cy:" on the lines below it'
    if kind in ("model_type", "dict_type"):
        return "must be a group of fields (name: value), not a single value or a list"
    if kind == "list_type":
        return 'must be a list: one item per line, each starting with "- "'
    if kind == "string_type":
        return "must be text, not a list or a group of fields"
    if kind == "string_too_short":
        return "is empty: write a value"
    if kind == "string_too_long":
        # Only ids have a maximum length.
        return f"is {len(value)} characters long: an id has at most {context['max_length']}"
    if kind == "string_pattern_mismatch" and context.get("pattern") == models.ID_PATTERN:
        return f'"{value}" is not a valid id: use lower-case letters, digits and hyphens, e.g. live-fear-free'
    if kind == "string_pattern_mismatch" and context.get("pattern") == models.PARTIAL_DATE_PATTERN:
        return f'"{value}" is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when the source is no more precise'
    if kind.startswith("date_"):
        return f'"{value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-29'
    if kind == "literal_error":
        return f'"{value}" is not allowed here: use {context["expected"]}'
    if kind.startswith("bool_"):
        return f'"{value}" must be true or false'
    return error["msg"]


def raw_entries(dataset: Dataset, read: ReadFile) -> list[dict]:
    """The entries as written, before any checking: whatever of them is a group of fields."""
    entries = read.value.get(dataset.key) if isinstance(read.value, dict) else None
    return [entry if isinstance(entry, dict) else {} for entry in entries] if isinstance(entries, list) else []


def model_problems(dataset: Dataset, read: ReadFile) -> list[Problem]:
    if not isinstance(read.value, dict):
        return [read.problem((), f"the file must start with `{dataset.key}:` and a list of entries below it")]
    return validation_problems(dataset.file_model, read, models.field_names() | {dataset.key})


def validation_problems(model: type[models.StrictModel], read: ReadFile, vocabulary: set[str]) -> list[Problem]:
    """The file's values against its model, each problem on its line in plain words."""
    try:
        model.model_validate(read.value)
    except ValidationError as error:
        return [read.problem(e["loc"], plain_message(e, vocabulary)) for e in error.errors()]
    return []


def duplicate_id_problems(dataset: Dataset, read: ReadFile) -> list[Problem]:
    problems, first_line = [], {}
    for index, entry in enumerate(raw_entries(dataset, read)):
        location, entry_id = (dataset.key, index, "id"), entry.get("id")
        if entry_id in first_line:
            problems.append(read.problem(
                location, f'"{entry_id}" is already used on line {first_line[entry_id]}: each id must be unique'))
        elif isinstance(entry_id, str):
            first_line[entry_id] = read.line_of(location)
    return problems


def reference_problems(files: dict[str, ReadFile]) -> list[Problem]:
    """Every id that points into another file must exist there, and a council's
    forum must belong to the council's own police force area."""
    entries = {name: raw_entries(DATASETS[name], read) for name, read in files.items()}
    ids = {name: [entry.get("id") for entry in items] for name, items in entries.items()}
    problems = []
    for name, read in files.items():
        dataset = DATASETS[name]
        for field, target in models.references(dataset.entry_model).items():
            if target.dataset not in files:
                continue
            for index, entry in enumerate(entries[name]):
                value = entry.get(field)
                for position, ref in (enumerate(value) if isinstance(value, list) else [(None, value)]):
                    if isinstance(ref, str) and ref not in ids[target.dataset]:
                        location = (dataset.key, index, field) + ((position,) if position is not None else ())
                        problems.append(read.problem(
                            location, f'"{ref}" is not a {target.noun} in {DATA_FOLDER}/{target.dataset}.yml: '
                                      + choices(ref, [str(i) for i in ids[target.dataset]])))
    if "fora" in files and "local-authorities" in files:
        force_of_forum = {entry.get("id"): entry.get("police_force") for entry in entries["fora"]}
        for index, council in enumerate(entries["local-authorities"]):
            forum_force = force_of_forum.get(council.get("forum"))
            if forum_force and forum_force != council.get("police_force"):
                problems.append(files["local-authorities"].problem(
                    ("local_authorities", index, "forum"),
                    f'the forum "{council["forum"]}" belongs to the police force "{forum_force}", but this '
                    f'council\'s police_force is "{council.get("police_force")}": they must match'))
    return problems


def choices(wrong: str, known: list[str]) -> str:
    """What to write instead: every id when there are few, else the ones most like what was written."""
    if len(known) <= 12:
        return f"use one of {', '.join(known)}"
    close = difflib.get_close_matches(wrong, known, n=3, cutoff=0.5)
    return f"did you mean {' or '.join(close)}?" if close else f"see the ids in the file ({len(known)} of them)"


def help_strip_problems(directory: Directory, helplines: ReadFile) -> list[Problem]:
    if any(helpline.help_strip for helpline in directory["helplines"].values()):
        return []
    return [helplines.problem(("helplines",), "no entry has `help_strip: true`: the help strip on every page needs one")]


def load_directory(data_dir: Path) -> Directory:
    """Every data file, checked; raises DataError listing every problem found.

    Each build reads the data in several places; it is read again only when a file changed.
    """
    fingerprint = tuple(
        (path.stat().st_mtime_ns, path.stat().st_size) if path.is_file() else None
        for path in (data_dir / dataset.file_name for dataset in DATASETS.values())
    )
    return _load_directory(data_dir.resolve(), fingerprint)


def read_dataset(data_dir: Path, dataset: Dataset) -> tuple[ReadFile | None, list[Problem]]:
    """One data file, read and checked on its own; None when it cannot be read at all."""
    name = f"{DATA_FOLDER}/{dataset.file_name}"
    path = data_dir / dataset.file_name
    if not path.is_file():
        return None, [Problem(name, 1, "the file is missing")]
    file = text_files.read(path, limits.DATA_FILE, name)
    if file.problem:
        return None, [file.problem]
    read, syntax_problems = read_yaml(file.text, name)
    if syntax_problems:
        return None, syntax_problems
    return read, model_problems(dataset, read) + duplicate_id_problems(dataset, read)


@functools.lru_cache(maxsize=4)
def _load_directory(data_dir: Path, fingerprint: tuple) -> Directory:
    files, problems = {}, []
    for dataset in DATASETS.values():
        read, found = read_dataset(data_dir, dataset)
        problems += found
        if read:
            files[dataset.name] = read
    problems += reference_problems(files)
    if problems:
        raise DataError(problems)
    directory = Directory(
        entries={
            name: {entry.id: entry for entry in getattr(DATASETS[name].file_model.model_validate(read.value),
                                                        DATASETS[name].key)}
            for name, read in files.items()
        },
        locations={
            (name, entry["id"]): (read.name, read.line_of((DATASETS[name].key, index)))
            for name, read in files.items()
            for index, entry in enumerate(raw_entries(DATASETS[name], read))
        },
    )
    problems = help_strip_problems(directory, files["helplines"])
    if problems:
        raise DataError(problems)
    return directory


def load_sources(data_dir: Path) -> dict[str, models.Source] | None:
    """The sources registry on its own, so that citations are checked while another data file is
    broken; None when the registry itself has problems (the data check reports them)."""
    dataset = DATASETS["sources"]
    read, problems = read_dataset(data_dir, dataset)
    if read is None or problems:
        return None
    return {source.id: source for source in getattr(dataset.file_model.model_validate(read.value), dataset.key)}


def editor_notes(directory: Directory) -> list[Problem]:
    """Entries an editor should check again because their source is weak. Entries past their
    review date are the `reviews-overdue` check's, by the period in mkdocs.yml's extra.review."""
    notes = []
    for name, entries in directory.entries.items():
        for entry_id, entry in entries.items():
            file, line = directory.locations[(name, entry_id)]
            if isinstance(entry, models.Entry) and directory.needs_reverification(entry):
                reason = entry.source_note or "its sources are all secondary or mirror: check the primary source"
                notes.append(Problem(file, line, f"check again: marked for re-verification ({reason})",
                                     entry_id, warning=True))
    return notes


def project_data_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / DATA_FOLDER


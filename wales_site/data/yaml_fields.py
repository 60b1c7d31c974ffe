"""Fields of the data files (data/*.yml) with the line each is written on, whatever
the file's layout: the editorial checks find their fields by name, so they work
for any data file without knowing its schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from wales_site import languages, limits, text_files
from wales_site.data import fast_yaml
from wales_site.problems import Problem


@dataclass(frozen=True)
class Field:
    path: Path
    line: int
    # The last line of the value: a block of text can run over several lines.
    end_line: int
    key: str
    value: str


class DataFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def data_files(data_dir: Path) -> list[Path]:
    return sorted([*data_dir.glob("*.yml"), *data_dir.glob("*.yaml")])


def read_text(path: Path) -> str:
    """The text of a data file; raises DataFileError when it is too big or not UTF-8."""
    file = text_files.read(path, limits.DATA_FILE)
    if file.problem:
        raise DataFileError(file.problem)
    return file.text


def compose(path: Path) -> yaml.Node | None:
    try:
        return fast_yaml.compose(read_text(path))
    except fast_yaml.YamlProblem as problem:
        raise DataFileError(Problem(path, problem.line, problem.message)) from problem


def mappings(node: yaml.Node | None):
    """Every mapping node in the tree, outermost first."""
    if isinstance(node, yaml.MappingNode):
        yield node
        for _key, value in node.value:
            yield from mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from mappings(item)


def scalar_fields(path: Path, root: yaml.Node | None, keys: tuple[str, ...]) -> list[Field]:
    """Every `key: value` in the file whose key is one of keys and whose value is text."""
    return [
        Field(path, value.start_mark.line + 1, value.end_mark.line + 1, key.value, value.value)
        for mapping in mappings(root)
        for key, value in mapping.value
        if isinstance(key, yaml.ScalarNode) and key.value in keys and isinstance(value, yaml.ScalarNode)
    ]


def language_fields(path: Path) -> list[Field]:
    """Every `en:` and `cy:` text in one data file."""
    return scalar_fields(path, compose(path), languages.CODES)


def entries_missing(root: yaml.Node | None, key: str) -> list[int]:
    """Lines of entries that lack key while other entries of the same list have it."""
    missing = []
    for node in _sequences(root):
        items = [item for item in node.value if isinstance(item, yaml.MappingNode)]
        has_key = [any(k.value == key for k, _ in item.value) for item in items]
        if any(has_key):
            missing += [item.start_mark.line + 1 for item, has in zip(items, has_key) if not has]
    return missing


def _sequences(node: yaml.Node | None):
    if isinstance(node, yaml.SequenceNode):
        yield node
        for item in node.value:
            yield from _sequences(item)
    elif isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _sequences(value)

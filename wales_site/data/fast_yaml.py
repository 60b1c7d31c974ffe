"""The one way YAML is read: data files, site text and the front matter of pages.

PyYAML's safe loader and dumper, in C (libyaml) when PyYAML has it (every build
reads every page's front matter and every data file; the C versions are about
ten times faster), hardened against what an editor or a pull request can write:

- anchors and aliases (`&name`, `*name`) are refused before anything is built
  from the text: a few lines of them ("billion laughs") expand to more than
  any machine holds, and a recursive one never ends;
- a key written twice in one group is refused (YAML keeps the last silently);
- only `true` and `false` are booleans: YAML 1.1 also reads yes, no, on and off
  as booleans, so that a country code NO, or the Welsh "on", turns into False;
- nesting deeper than limits.NESTING_LEVELS and a single text longer than
  limits.STRING_CHARACTERS are refused.

Every refusal, like every syntax error, is a YamlProblem with its line.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from wales_site import limits

_CSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

BOOL_TAG = "tag:yaml.org,2002:bool"
# What YAML 1.1 readers (PyYAML, and so MkDocs) take for a boolean.
YAML_1_1_BOOLEAN = re.compile(r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
ANCHORS = "anchors and aliases (&name, *name) are not allowed: write the text out in full"


class SafeLoader(_CSafeLoader):
    """The safe loader whose only booleans are true and false."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != BOOL_TAG]
        for first, resolvers in _CSafeLoader.yaml_implicit_resolvers.items()
    }


SafeLoader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|false)$"), list("tf"))


class YamlProblem(Exception):
    """Why a YAML text was not read: the line (1 for the text's first) and what to do."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def line_of(item: yaml.Event | yaml.Node, first_line: int = 1) -> int:
    """The line of an event or node, counting the text's first line as first_line
    (2 for the front matter of a page)."""
    return item.start_mark.line + first_line


def invalid(error: yaml.MarkedYAMLError, first_line: int) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    return YamlProblem(mark.line + first_line if mark else first_line,
                       f"this is not valid YAML ({error.problem or error.context}): check the indentation and quotes")


def refused_event(events) -> tuple[yaml.Event, str] | None:
    """The first event that is refused, with why: read before anything is built from the text."""
    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event, ANCHORS
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > limits.NESTING_LEVELS:
                return event, f"lists and groups are nested more than {limits.NESTING_LEVELS} deep: write it flatter"
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > limits.STRING_CHARACTERS:
            return event, (f"a text of {len(event.value):,} characters: at most "
                           f"{limits.STRING_CHARACTERS:,} are allowed")
    return None


def nodes_of(root: yaml.Node | None):
    """Every node of a tree with no aliases (so each is met once), keys included."""
    nodes = [root] if root is not None else []
    while nodes:
        node = nodes.pop()
        yield node
        if isinstance(node, yaml.MappingNode):
            nodes += [item for pair in node.value for item in pair]
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value


def keys_written_twice(root: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node]]:
    """(first, again) for each key written again in the same group."""
    found = []
    for node in nodes_of(root):
        if isinstance(node, yaml.MappingNode):
            first: dict[str, yaml.Node] = {}
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value in first:
                    found.append((first[key.value], key))
                elif isinstance(key, yaml.ScalarNode):
                    first[key.value] = key
    return sorted(found, key=lambda pair: pair[1].start_mark.index)


@functools.lru_cache(maxsize=256)
def compose(text: str, first_line: int = 1) -> yaml.Node | None:
    """The text's node tree, with the line of every node; raises YamlProblem, whose
    lines count the text's first line as first_line.

    The data checks and the editorial checks read the same data files: a text
    already read is not parsed again. Shared between callers: read it, do not change it."""
    try:
        refused = refused_event(yaml.parse(text, Loader=SafeLoader))
        if refused:
            raise YamlProblem(line_of(refused[0], first_line), refused[1])
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise invalid(error, first_line) from None
    twice = keys_written_twice(root)
    if twice:
        first, again = twice[0]
        raise YamlProblem(line_of(again, first_line), f'key "{again.value}" is written twice (first on line '
                                                      f"{line_of(first, first_line)}): keep one")
    return root


def construct(root: yaml.Node | None, loader: type[SafeLoader] = SafeLoader, first_line: int = 1) -> Any:
    """Plain values (dicts, lists, text...) from a tree compose() has checked; raises YamlProblem."""
    if root is None:
        return None
    reader = loader("")
    try:
        return reader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        raise invalid(error, first_line) from None
    finally:
        reader.dispose()


def load(text: str, loader: type[SafeLoader] = SafeLoader) -> Any:
    return construct(compose(text), loader)


def words_read_as_booleans(root: yaml.Node | None, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, word) of each unquoted yes, no, on, off, True... that this loader reads as text
    but a YAML 1.1 reader (MkDocs, reading front matter) takes for a boolean."""
    return sorted(
        (line_of(node, first_line), node.value)
        for node in nodes_of(root)
        if isinstance(node, yaml.ScalarNode) and not node.style
        and YAML_1_1_BOOLEAN.match(node.value) and node.value not in ("true", "false")
    )

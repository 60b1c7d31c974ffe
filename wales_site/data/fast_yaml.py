"""PyYAML's safe loader and dumper, in C (libyaml) when PyYAML has it: every build
reads every page's front matter and every data file, and writes the front matter
of every generated page; the C versions are about ten times faster."""

import functools

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@functools.lru_cache(maxsize=32)
def compose(text: str) -> yaml.Node | None:
    """The text's node tree, with the line of every node. The data checks and the
    editorial checks read the same data files: a text already read is not parsed
    again. Shared between callers: read it, do not change it."""
    return yaml.compose(text, Loader=SafeLoader)

"""PyYAML's safe loader and dumper, in C (libyaml) when PyYAML has it: every build
reads every page's front matter and every data file, and writes the front matter
of every generated page; the C versions are about ten times faster."""

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

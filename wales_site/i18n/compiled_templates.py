"""The theme's templates as Jinja compiled them, kept for the rest of the process
and shared by both builds. A plain module, not a hook: MkDocs loads hook files
under names of their own, so state shared between builds lives here.
"""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as Jinja compiled them, kept for the rest of the process:
    the Welsh build renders the same templates as the English one, and compiling
    them costs as much as building a dozen pages. Jinja compiles a template again
    when its source has changed (during `mkdocs serve`)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()

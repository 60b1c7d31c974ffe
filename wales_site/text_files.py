"""Reading a file an editor wrote: UTF-8 text of a sensible size, or a `file:line`
message saying why not, never a traceback or a read of a gigabyte."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wales_site.limits import FileLimit
from wales_site.problems import Problem


@dataclass(frozen=True)
class TextFile:
    # The text, so that the other checks can go on: bytes that are not UTF-8
    # replaced (U+FFFD), a file over the limit cut at it.
    text: str
    problem: Problem | None = None


def not_utf8(data: bytes, name: str | Path) -> Problem | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return Problem(name, line, f"is not UTF-8 text (byte 0x{data[error.start]:02x}): save it as UTF-8")
    return None


def too_big(size: int, limit: FileLimit, name: str | Path) -> Problem | None:
    if size <= limit.bytes:
        return None
    return Problem(name, 1, f"is {size:,} bytes, over the limit of {limit.bytes:,}: {limit.advice}")


def read(path: Path, limit: FileLimit, name: str | Path | None = None) -> TextFile:
    """The file's text, with what is wrong with it (named `name`, the path by default)."""
    name = path if name is None else name
    with path.open("rb") as stream:
        data = stream.read(limit.bytes + 1)
    problem = too_big(path.stat().st_size, limit, name) or not_utf8(data[:limit.bytes], name)
    return TextFile(data[:limit.bytes].decode("utf-8", errors="replace"), problem)

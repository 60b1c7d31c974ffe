"""A Markdown page as the editorial checks see it: front matter, lines with their
numbers in the file, and the pieces that must match between translations.

Pure functions over text. Fenced code is never read as headings, links or prose.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Sequence

import yaml

from wales_site import limits, text_files
from wales_site.content import markers as marker_grammar
from wales_site.data import fast_yaml
from wales_site.problems import Problem

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
ADMONITION_START = re.compile(r"^(\s*)(!!!|\?\?\?\+?)(.*)$")
ADMONITION = re.compile(r'^(\s*)(!!!|\?\?\?\+?) ([a-z][a-z0-9-]*)((?: [a-z][a-z0-9-]*)*)(?: "([^"]*)")?\s*$')
MARKER_LIKE = re.compile(r"\{\{|\}\}")
INLINE_CODE = marker_grammar.INLINE_CODE
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"(?<![!\]])\[([^\]]+)\]\[([^\]]*)\]")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]+>")
BARE_URL = re.compile(r"\b(?:https?://|www\.)\S+")
# A web site's name written as its domain, e.g. legislation.gov.uk.
DOMAIN_NAME = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|cymru|wales|org|com|net)\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ATTR_LIST = re.compile(r"\{:?\s*[#.][^}]*\}|\{:?\s*\w+=[^}]*\}")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
BLOCKQUOTE = re.compile(r"^\s*>\s?")
# A passage in another language, marked for screen readers and the spelling
# check: <span lang="en">Settings</span> or *The report's title*{ lang=en }.
OTHER_LANGUAGE = re.compile(
    r'<span lang="?(?P<span_lang>[a-z]{2})"?>(?P<span_text>.*?)</span>'
    r'|(?P<mark>\*{1,3}|_{1,3})(?P<em_text>\S(?:.*?\S)?)(?P=mark)\{:?\s*lang="?(?P<em_lang>[a-z]{2})"?\s*\}'
)
EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(\S(?:.*?\S)?)\1")
# A link whose target has a scheme, other than the ones that stay on this site.
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class TextDatesLoader(fast_yaml.SafeLoader):
    """Reads dates as they are written, so the date checks can say what is wrong with one."""


TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class TextLine:
    """Words a reader sees, from one line of the file. kind: title, description,
    heading, paragraph, list_item, table_row or admonition_title. parts: the
    text split by language: (None, words) in the page's own language, or
    ("en", words) for a passage marked as another language."""
    number: int
    kind: str
    text: str
    parts: tuple[tuple[str | None, str], ...] = ()


@dataclass(frozen=True)
class MarkdownPage:
    """A parsed page. Read-only: one parse is shared by every check that reads the page."""
    path: Path
    front_matter: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The line on which each front-matter key is written.
    key_lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    body: tuple[Line, ...] = ()
    # No front matter, not closed, or not `key: value` lines (the markdown check reports it).
    front_matter_error: str | None = None
    # What the YAML reader refused in the front matter, with its line (the front-matter check reports it).
    yaml_problems: tuple[Problem, ...] = ()

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    @property
    def front_matter_refused(self) -> bool:
        """The YAML reader refused the front matter: nothing of it was read."""
        return bool(self.yaml_problems) and not self.front_matter

    @functools.cached_property
    def content(self) -> tuple[Line, ...]:
        """Body lines outside code blocks, with inline code blanked: what every check reads."""
        return tuple(Line(line.number, without_inline_code(line.text)) for line in outside_code(self.body))


def parse_page(text: str, path: Path) -> MarkdownPage:
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return MarkdownPage(path, body=tuple(Line(n, t) for n, t in enumerate(lines, start=1)),
                            front_matter_error="the page does not start with front matter (a line `---`)")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return MarkdownPage(path, front_matter_error="the front matter is not closed by a line `---`")
    error = None
    meta, yaml_problems = read_front_matter("\n".join(lines[1:end]), path)
    if not isinstance(meta, dict):
        error = "the front matter must be `key: value` lines"
        meta = {}
    key_lines: dict[str, int] = {}
    for number in range(2, end + 1):
        key = re.match(r"^([A-Za-z_][\w-]*):", lines[number - 1])
        if key:
            key_lines.setdefault(key.group(1), number)
    return MarkdownPage(
        path,
        front_matter=MappingProxyType(meta),
        key_lines=MappingProxyType(key_lines),
        body=tuple(Line(n, t) for n, t in enumerate(lines[end + 1:], start=end + 2)),
        front_matter_error=error,
        yaml_problems=yaml_problems,
    )


# The front matter starts on the page's second line.
FRONT_MATTER_LINE = 2


def read_front_matter(text: str, path: Path) -> tuple[Any, tuple[Problem, ...]]:
    """The front matter's values, and what is refused in it (fast_yaml), with the page's line numbers.

    MkDocs reads the front matter again with YAML 1.1, which takes an unquoted yes, no, on
    or off for a boolean: such a word must be quoted, so that both read the same text."""
    try:
        root = fast_yaml.compose(text, FRONT_MATTER_LINE)
        meta = fast_yaml.construct(root, TextDatesLoader, FRONT_MATTER_LINE)
    except fast_yaml.YamlProblem as problem:
        return {}, (Problem(path, problem.line, problem.message),)
    return meta, tuple(
        Problem(path, line,
                f'MkDocs reads {word} as {str(word.lower() in ("yes", "on", "true")).lower()}: '
                f'put it in quotes ("{word}")')
        for line, word in fast_yaml.words_read_as_booleans(root, FRONT_MATTER_LINE)
    )


# The build's checks, `make lint` and the reports read the same pages several times;
# a page is parsed once for each text it has had (an edit during `make serve` is new text).
_parsed_page = functools.lru_cache(maxsize=8192)(parse_page)


def read_page(path: Path) -> MarkdownPage:
    """The page at path, parsed. A page too big or not UTF-8 is read as far as it can be
    (the front-matter check says what is wrong with it), so that the other checks go on."""
    return _parsed_page(text_files.read(path, limits.PAGE).text, path)


def body_text(page: MarkdownPage) -> str:
    return "\n".join(line.text for line in page.body)


def code_blocks(lines: Sequence[Line]) -> list[tuple[Line, Line | None]]:
    """(opening fence, closing fence) of each fenced code block; None for a block never closed."""
    blocks, opening, fence = [], None, None
    for line in lines:
        if fence is None:
            marker = FENCE.match(line.text)
            if marker:
                opening, fence = line, marker.group(1)
        elif line.text.strip().startswith(fence) and not line.text.strip().strip(fence[0]):
            blocks.append((opening, line))
            fence = None
    if fence is not None:
        blocks.append((opening, None))
    return blocks


def outside_code(lines: Sequence[Line]) -> list[Line]:
    """The lines that are not inside a fenced code block (nor its fences)."""
    spans = [(opening.number, closing.number if closing else lines[-1].number)
             for opening, closing in code_blocks(lines)]
    return [line for line in lines if not any(first <= line.number <= last for first, last in spans)]


def unclosed_fence(lines: Sequence[Line]) -> Line | None:
    """The opening line of a code fence that is never closed, if any."""
    return next((opening for opening, closing in code_blocks(lines) if closing is None), None)


def without_inline_code(text: str) -> str:
    return INLINE_CODE.sub(" ", text)


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


def headings(page: MarkdownPage) -> list[Heading]:
    found = []
    for line in page.content:
        match = HEADING.match(line.text)
        if match:
            found.append(Heading(line.number, len(match.group(1)), match.group(2)))
    return found


def markers(page: MarkdownPage) -> list[tuple[int, str]]:
    """Directory marker lines (wales_site/content/markers.py): (line, NAME)."""
    return [(line.number, match["name"]) for line in page.content if (match := marker_grammar.MARKER.match(line.text))]


def stray_braces(page: MarkdownPage) -> list[Line]:
    """Lines with `{{` or `}}` that are neither a marker nor almost one (the markers check reports those)."""
    return [
        line for line in page.content
        if MARKER_LIKE.search(marker_grammar.without_cites(line.text))
        and not marker_grammar.looks_like_marker(line.text)
    ]


def link_targets(page: MarkdownPage) -> list[tuple[int, str]]:
    """(line, target) of every link, inline or by reference, images excluded."""
    found = []
    for line in page.content:
        found += [(line.number, match.group(2)) for match in LINK.finditer(line.text)]
        definition = REFERENCE_DEFINITION.match(line.text)
        if definition:
            found.append((line.number, definition.group(2)))
    return found


def is_internal(target: str) -> bool:
    return not EXTERNAL.match(target) and not target.startswith("//")


def images(page: MarkdownPage) -> list[tuple[int, str]]:
    return [(line.number, match.group(2)) for line in page.content for match in IMAGE.finditer(line.text)]


@dataclass(frozen=True)
class Admonition:
    line: int
    indent: int
    kind: str
    title: str | None


def admonition_lines(page: MarkdownPage) -> list[Line]:
    """Every line that starts an admonition or collapsible block (`!!!`, `???`)."""
    return [line for line in page.content if ADMONITION_START.match(line.text)]


def admonitions(page: MarkdownPage) -> list[Admonition]:
    found = []
    for line in admonition_lines(page):
        match = ADMONITION.match(line.text)
        if match:
            found.append(Admonition(line.number, len(match.group(1)), match.group(3), match.group(5)))
    return found


@dataclass(frozen=True)
class Table:
    line: int
    columns: int
    rows: int


def tables(page: MarkdownPage) -> list[Table]:
    """Pipe tables: a header row, a separator row of dashes, then body rows."""
    lines = page.content
    found = []
    for index in range(1, len(lines)):
        header, separator = lines[index - 1], lines[index]
        if TABLE_SEPARATOR.match(separator.text) and "|" in header.text and "|" in separator.text:
            rows = 0
            for row in lines[index + 1:]:
                if not row.text.strip() or "|" not in row.text:
                    break
                rows += 1
            columns = len([cell for cell in separator.text.strip().strip("|").split("|")])
            found.append(Table(header.number, columns, rows))
    return found


def plain_words(text: str) -> str:
    """Markdown inline markup removed: what a reader sees of a line."""
    text = without_inline_code(text)
    text = IMAGE.sub(lambda m: m.group(1), text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = REFERENCE_LINK.sub(lambda m: m.group(1), text)
    text = AUTOLINK.sub(" ", text)
    text = BARE_URL.sub(" ", text)
    text = DOMAIN_NAME.sub(" ", text)
    text = marker_grammar.CITE.sub(" ", text)
    text = EMAIL.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = ATTR_LIST.sub(" ", text)
    text = EMPHASIS.sub(lambda m: m.group(2), text)
    return text


def language_parts(text: str) -> tuple[tuple[str | None, str], ...]:
    """A line's visible words, split where a passage is marked as another language."""
    parts, start = [], 0
    for match in OTHER_LANGUAGE.finditer(text):
        parts.append((None, text[start:match.start()]))
        lang = match.group("span_lang") or match.group("em_lang")
        parts.append((lang, match.group("span_text") or match.group("em_text")))
        start = match.end()
    parts.append((None, text[start:]))
    return tuple((lang, words) for lang, raw in parts if (words := plain_words(raw).strip()))


def text_line(number: int, kind: str, text: str) -> TextLine:
    parts = language_parts(text)
    return TextLine(number, kind, " ".join(words for _, words in parts), parts)


def text_lines(page: MarkdownPage) -> list[TextLine]:
    """The words of the page a reader sees, line by line, with what each line is."""
    found = [
        text_line(page.line_of(key), key, str(page.front_matter[key]))
        for key in ("title", "description")
        if page.front_matter.get(key)
    ]
    for line in page.content:
        text = line.text
        if not text.strip() or TABLE_SEPARATOR.match(text) or REFERENCE_DEFINITION.match(text):
            continue
        if marker_grammar.is_marker(text):
            continue
        heading = HEADING.match(text)
        admonition = ADMONITION.match(text)
        if heading:
            kind, text = "heading", heading.group(2)
        elif admonition:
            kind, text = "admonition_title", admonition.group(5) or ""
        elif LIST_ITEM.match(text):
            kind, text = "list_item", LIST_ITEM.sub("", text, count=1)
        elif text.lstrip().startswith("|"):
            kind, text = "table_row", text.replace("|", " ")
        else:
            kind, text = "paragraph", BLOCKQUOTE.sub("", text)
        found.append(text_line(line.number, kind, text))
    return [line for line in found if line.text]

"""Plain language: the Flesch reading ease of the public English pages.

GOV.UK writes for a reading age of about 9; a Flesch reading ease of 60 or more
is our target. Syllables come from pyphen's hyphenation patterns, which ship
with the package (textstat downloads a dictionary at run time, which fails
offline), checked against a count of vowel groups for the short words that
hyphenation never splits. Like any syllable count it is an estimate: use the
score to find hard pages, not as a grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyphen

from wales_site.content.markdown_page import MarkdownPage, read_page, text_lines

TARGET = 60
# Lines that are read as running text. Headings, titles and table rows are labels, not sentences.
PROSE_KINDS = ("paragraph", "list_item")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
VOWELS = re.compile(r"[aeiouy]+")
SILENT_E = re.compile(r"(?:[^aeiouyl]|[aeiouy]l)e$|[^aeiouyszxcg]es$|[^aeiouytd]ed$")
SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)")


@dataclass(frozen=True)
class Readability:
    path: Path
    sentences: int
    words: int
    syllables: int

    @property
    def score(self) -> float:
        if not self.words:
            return 100.0
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def meets_target(self) -> bool:
        return self.score >= TARGET


@cache
def _hyphenator() -> pyphen.Pyphen:
    # en_US patterns: the en_GB ones mark far fewer break points and so miss more syllables.
    return pyphen.Pyphen(lang="en_US", left=2, right=2)


def vowel_groups(word: str) -> int:
    """Runs of vowels, less a silent e: "have", "lives", "used" (not "people", "houses", "wanted")."""
    groups = len(VOWELS.findall(word))
    if groups > 1 and SILENT_E.search(word):
        groups -= 1
    return max(groups, 1)


def syllables(word: str) -> int:
    """Hyphenation points + 1, or the vowel groups where there are more: hyphenation
    patterns never split short words such as "every", "area" or "idea"."""
    word = word.lower()
    return max(len(_hyphenator().positions(word)) + 1, vowel_groups(word))


def prose_blocks(page: MarkdownPage) -> list[str]:
    """Running text: consecutive paragraph lines joined; every list item on its own."""
    blocks: list[str] = []
    previous = None
    for line in text_lines(page):
        if line.kind not in PROSE_KINDS:
            previous = None
            continue
        if line.kind == "paragraph" and previous is not None and previous.kind == "paragraph" \
                and previous.number == line.number - 1:
            blocks[-1] += " " + line.text
        else:
            blocks.append(line.text)
        previous = line
    return blocks


def sentences_in(block: str) -> list[str]:
    parts = [part for part in SENTENCE_END.split(block) if WORD.search(part)]
    return parts or [block]


def measure(page: MarkdownPage) -> Readability:
    sentences = [s for block in prose_blocks(page) for s in sentences_in(block) if WORD.search(s)]
    words = [w for s in sentences for w in WORD.findall(s)]
    return Readability(page.path, len(sentences) or 1, len(words), sum(syllables(w) for w in words))


def public_pages(english_docs: Path) -> list[Path]:
    """The pages written for the public: the top level of the English docs. Pages in
    sections for professionals and about the project are checked for spelling only."""
    return sorted(english_docs.glob("*.md"))


def measure_pages(english_docs: Path) -> list[Readability]:
    return [measure(read_page(path)) for path in public_pages(english_docs)]


def report(results: list[Readability]) -> str:
    lines = [f"{'Flesch':>6}  {'Sentences':>9}  {'Words':>5}  Page (target {TARGET} or more)"]
    for result in sorted(results, key=lambda r: r.score):
        flag = "" if result.meets_target else "  <- below target: shorter sentences, shorter words"
        lines.append(f"{result.score:6.1f}  {result.sentences:9d}  {result.words:5d}  {result.path}{flag}")
    return "\n".join(lines)

"""Spelling of everything a reader sees, in both languages, with Hunspell.

English pages and `en` data fields are checked against the en-GB dictionary
(Debian's hunspell-en-gb), Welsh pages and `cy` data fields against the Welsh
dictionary from the npm package dictionary-cy. Names and abbreviations neither dictionary knows are listed,
with a comment, in spelling/names.txt (accepted in both languages); other words
in spelling/words-en.txt and spelling/words-cy.txt.

A passage marked as the other language (`*Report title*{ lang=en }` or
`<span lang="en">...</span>`, which also tells screen readers how to say it)
is checked in that language.

Each language quotes names from the other: Welsh pages the "Modern Slavery &
Exploitation Helpline" or a phone's "Settings" app, English pages "Cymru yn
Erbyn Masnachu Pobl". So a Capitalised word that the page's dictionary does not
know is accepted when the other language's dictionary does; words in lower case
must be in the page's own language (or its word list).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wales_site.data import yaml_fields
from wales_site.content import markdown_page as md
from wales_site.i18n import twins
from wales_site import languages
from wales_site.problems import Problem

WORD_LIST = {"en": Path("spelling/words-en.txt"), "cy": Path("spelling/words-cy.txt")}
NAMES = Path("spelling/names.txt")
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
# Welsh joins short words with an apostrophe (sy'n, i'r, Dyw'r, a'ch); the
# dictionary has the full words, so the parts are checked one by one and these
# shortened forms are accepted. Single letters are never checked.
WELSH_CLITICS = frozenset({"th", "ch", "ma", "na"})
SUGGESTIONS = 3
# A slot the templates fill in, in site text: "Help {in_area}".
PLACEHOLDER = re.compile(r"\{\w+\}")


class SpellingSetupError(Exception):
    """Hunspell or a dictionary is not installed."""


def hunspell_dictionary(lang: str, root: Path) -> str:
    if lang == "en":
        return "en_GB"
    return str(root / "node_modules" / "dictionary-cy" / "index")


def check_setup(root: Path) -> None:
    if not shutil.which("hunspell"):
        raise SpellingSetupError("hunspell is not installed: run `bash scripts/install-system-packages.sh`")
    if not Path("/usr/share/hunspell/en_GB.dic").exists():
        raise SpellingSetupError("the en-GB dictionary is not installed: run `bash scripts/install-system-packages.sh`")
    if not Path(hunspell_dictionary("cy", root) + ".dic").exists():
        raise SpellingSetupError("the Welsh dictionary is not installed: run `make lint` (it runs `npm ci`)")


def words_in(text: str, lang: str) -> list[str]:
    words = []
    for token in WORD.findall(text.replace("’", "'")):
        parts = token.split("'") if lang == "cy" else [token]
        words += [part for part in parts if len(part) > 1 and not (lang == "cy" and part.lower() in WELSH_CLITICS)]
    return words


@dataclass(frozen=True)
class Occurrence:
    path: Path
    line: int
    lang: str
    word: str


def page_words(path: Path, lang: str) -> list[Occurrence]:
    """Words of a page, each checked in its own language: a passage marked
    `*...*{ lang=en }` or `<span lang="en">` on a Welsh page is English."""
    return [
        Occurrence(path, line.number, part_lang or lang, word)
        for line in md.text_lines(md.read_page(path))
        for part_lang, text in line.parts
        for word in words_in(text, part_lang or lang)
    ]


def data_words(path: Path) -> list[Occurrence]:
    """Words of every `en:` and `cy:` text in a data file, each with the line it is on."""
    fields = yaml_fields.language_fields(path)
    source = yaml_fields.read_text(path).split("\n")
    found = []
    for field in fields:
        for word in words_in(md.plain_words(PLACEHOLDER.sub(" ", field.value)), field.key):
            span = range(field.line, max(field.line, field.end_line) + 1)
            line = next((n for n in span if n <= len(source) and word in source[n - 1].replace("’", "'")), field.line)
            found.append(Occurrence(path, line, field.key, word))
    return found


def read_word_list(path: Path) -> set[str]:
    """One word a line; `#` starts a comment."""
    if not path.exists():
        return set()
    return {word for line in path.read_text(encoding="utf-8").splitlines() if (word := line.split("#")[0].strip())}


def accepted(word: str, listed: set[str]) -> bool:
    """Listed as written, or listed in lower case (which also accepts Capitalised and UPPER),
    or the plural or possessive of a listed abbreviation (SPOCs, ACPO's)."""
    if word in listed or (word.lower() in listed and word.lower() != word):
        return True
    stem = word.removesuffix("'s").removesuffix("s")
    return stem != word and stem.isupper() and stem in listed


def run_hunspell(option: str, lines: list[str], dictionary: str) -> str:
    return subprocess.run(
        ["hunspell", option, "-i", "utf-8", "-d", dictionary],
        input="".join(f"{line}\n" for line in lines), capture_output=True, text=True, check=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    ).stdout


def hunspell_unknown(words: set[str], dictionary: str) -> set[str]:
    """The words Hunspell does not know. `-L` prints each line (here, each word)
    with a word it does not know, and makes no suggestions: they are slow to
    make, for the Welsh dictionary most of all (two seconds for the site's words)."""
    if not words:
        return set()
    return set(run_hunspell("-L", sorted(words), dictionary).split("\n")) & words


def hunspell_suggestions(words: set[str], dictionary: str) -> dict[str, list[str]]:
    """The words Hunspell does not know, each with its suggestions."""
    ordered = sorted(words)
    if not ordered:
        return {}
    # ^ keeps a word from being read as a command to Hunspell.
    groups = run_hunspell("-a", [f"^{word}" for word in ordered], dictionary).split("\n\n")
    # The first line is Hunspell's banner; then one blank-line-ended group per word.
    groups[0] = groups[0].split("\n", 1)[1] if "\n" in groups[0] else ""
    unknown = {}
    for word, group in zip(ordered, groups):
        misses = [line for line in group.split("\n") if line[:1] in ("&", "#")]
        if misses:
            suggestions = misses[0].split(": ", 1)[1].split(", ") if ": " in misses[0] else []
            unknown[word] = suggestions[:SUGGESTIONS]
    return unknown


@dataclass(frozen=True)
class Misspelling:
    occurrence: Occurrence
    suggestions: list[str]

    def problem(self) -> Problem:
        o = self.occurrence
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        return Problem(o.path, o.line, f"unknown {languages.BY_CODE[o.lang].english_name} word {o.word!r}{hint}; if it is "
                                       f"spelt correctly, add it to {WORD_LIST[o.lang]} (or, for a name, {NAMES})")


def misspellings(occurrences: list[Occurrence], root: Path) -> list[Misspelling]:
    names = read_word_list(root / NAMES)
    found = []
    for lang in languages.CODES:
        listed = names | read_word_list(root / WORD_LIST[lang])
        mine = [o for o in occurrences if o.lang == lang and not accepted(o.word, listed)]
        unknown = hunspell_unknown({o.word for o in mine}, hunspell_dictionary(lang, root))
        other = next(code for code in languages.CODES if code != lang)
        quoted = {word for word in unknown if word[0].isupper()}
        names_in_other = quoted - hunspell_unknown(quoted, hunspell_dictionary(other, root))
        # Suggestions only for the words reported: not for the names the other language knows.
        reported = hunspell_suggestions(unknown - names_in_other, hunspell_dictionary(lang, root))
        found += [Misspelling(o, reported[o.word]) for o in mine if o.word in reported]
    return found


def site_words(english_docs: Path, welsh_docs: Path, data_dir: Path) -> list[Occurrence]:
    """Every word a reader sees: both languages' pages and the data files' en/cy texts."""
    found = []
    for docs, lang in ((english_docs, "en"), (welsh_docs, "cy")):
        for page in sorted(twins.page_sources(docs)):
            found += page_words(docs / page, lang)
    for path in yaml_fields.data_files(data_dir):
        try:
            found += data_words(path)
        except yaml_fields.DataFileError:
            pass  # reported by the data date check, with its line
    return found


def check(root: Path, english_docs: Path, welsh_docs: Path, data_dir: Path) -> list[Problem]:
    check_setup(root)
    return [m.problem() for m in misspellings(site_words(english_docs, welsh_docs, data_dir), root)]


def census(misspelt: list[Misspelling]) -> str:
    """Every unknown word once, with how often and where it first appears: for reviewing the word lists."""
    counts = Counter((m.occurrence.lang, m.occurrence.word) for m in misspelt)
    first = {}
    for m in misspelt:
        first.setdefault((m.occurrence.lang, m.occurrence.word), m)
    rows = sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1].lower()))
    if not rows:
        return "No unknown words."
    lines = [f"{'lang':4}  {'count':>5}  {'word':24}  first seen (suggestions)"]
    for (lang, word), count in rows:
        m = first[(lang, word)]
        hint = f"  ({', '.join(m.suggestions)})" if m.suggestions else ""
        lines.append(f"{lang:4}  {count:5d}  {word:24}  {m.occurrence.path}:{m.occurrence.line}{hint}")
    lines.append(f"\n{len(rows)} different unknown words. Add the correct ones, with a comment, to {NAMES} "
                 f"(names and abbreviations, both languages), {WORD_LIST['en']} or {WORD_LIST['cy']}; "
                 "correct the others where they appear.")
    return "\n".join(lines)

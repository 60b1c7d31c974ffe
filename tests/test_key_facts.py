"""The site keeps saying the key facts from the seed, in both languages.

Each file in tests/key_facts/ (but numbers.yml, the reviewed phone numbers of
test_safe_numbers.py) lists pages and the phrases each language's version must
contain, so an edit cannot silently drop a fact.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import output_path, parse

FACTS_DIR = Path(__file__).parent / "key_facts"
# The reviewed phone numbers, held to every page and data file by test_safe_numbers.py.
NUMBERS_FILE = FACTS_DIR / "numbers.yml"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def key_facts() -> list[tuple[str, str, str]]:
    facts = []
    for path in sorted(set(FACTS_DIR.glob("*.yml")) - {NUMBERS_FILE}):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            for lang in ("en", "cy"):
                assert entry.get(lang), f"{path}: {entry['page']} lists no {lang} facts"
                facts += [(entry["page"], lang, phrase) for phrase in entry[lang]]
    return facts


def page_text(site: Path, lang: str, source: str) -> str:
    article = parse(output_path(site, lang, Path(source))).select_one("article")
    return normalise(article.get_text(" "))


@pytest.mark.parametrize(("source", "lang", "phrase"), key_facts())
def test_page_states_key_fact(site, source, lang, phrase):
    assert normalise(phrase) in page_text(site, lang, source), f"{lang} {source} no longer says {phrase!r}"

"""Public English pages are measured for plain language (Flesch reading ease)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from wales_site.content import markdown_page as md
from wales_site.editorial import readability

PLAIN = "Call the police. Tell them what you saw. You do not have to be sure."
HARD = ("Organisations designated as First Responders are authorised to refer potential victims into the "
        "National Referral Mechanism, subsequently facilitating comprehensive multi-agency safeguarding considerations.")


def page(body: str) -> md.MarkdownPage:
    return md.parse_page(f"---\ntitle: T\ndescription: D.\n---\n\n# T\n\n{body}\n", Path("page.md"))


def test_flesch_formula_on_counted_text():
    # 3 sentences, 15 words, 16 syllables ("police" has 2): 206.835 - 1.015*5 - 84.6*16/15
    result = readability.measure(page(PLAIN))
    assert (result.sentences, result.words, result.syllables) == (3, 15, 16)
    assert result.score == pytest.approx(206.835 - 1.015 * 15 / 3 - 84.6 * 16 / 15)


@pytest.mark.parametrize(("word", "count"), [
    ("call", 1), ("have", 1), ("lives", 1), ("police", 2), ("people", 2), ("wanted", 2), ("every", 3),
    ("trafficking", 3), ("available", 4), ("information", 4),
])
def test_syllables(word, count):
    assert readability.syllables(word) == count


def test_plain_text_meets_the_target_and_jargon_does_not():
    assert readability.measure(page(PLAIN)).meets_target
    assert not readability.measure(page(HARD)).meets_target


def test_list_items_count_as_sentences_and_headings_tables_and_code_do_not():
    body = ("- have injuries\n- look frightened\n\n## A very long heading about organisational considerations\n\n"
            "| Service | Number |\n|---|---|\n| Police | 999 |\n\n```\ncode code code\n```\n")
    result = readability.measure(page(body))
    assert (result.sentences, result.words) == (2, 4)


def test_only_top_level_english_pages_are_public(tmp_path):
    for name in ("index.md", "professionals/guidance.md", "about/strategy.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\ntitle: T\n---\n# T\n")
    assert readability.public_pages(tmp_path) == [tmp_path / "index.md"]


def test_report_lists_every_public_page_hardest_first_and_flags_those_below_target(tmp_path):
    (tmp_path / "easy.md").write_text(f"---\ntitle: E\n---\n# E\n\n{PLAIN}\n")
    (tmp_path / "hard.md").write_text(f"---\ntitle: H\n---\n# H\n\n{HARD}\n")
    lines = readability.report(readability.measure_pages(tmp_path)).splitlines()
    assert lines[1].endswith("hard.md  <- below target: shorter sentences, shorter words")
    assert lines[2].endswith("easy.md")


def test_every_real_public_page_is_measured():
    results = readability.measure_pages(ROOT / "docs")
    assert {r.path.name for r in results} == {p.name for p in (ROOT / "docs").glob("*.md")}
    assert all(r.words > 0 for r in results)

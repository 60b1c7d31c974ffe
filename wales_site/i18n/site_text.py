"""The words around the pages, in the build's language: help strip, language link,
review date, 404 page and navigation section titles (data/site-text.yml)."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import string
from pathlib import Path
from typing import get_args

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from wales_site import languages, limits, text_files
from wales_site.content import history
from wales_site.data import loading, models, open_data
from wales_site.i18n import language_configs
from wales_site.problems import Problem, errors

SITE_TEXT_FILE = Path("data/site-text.yml")

# Every text the site prints, with the names of the {placeholders} it is given
# (each must appear, and no other): the templates in overrides/ and the code in
# wales_site/ use these keys and no others (tests/test_site_text.py holds them to it).
TEXTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys((
        # overrides/: the help strip, the language link, the review date, the 404 page, the footer, Exit this page
        "help.label", "language.read_in", "review.last", "notfound.title", "notfound.body", "notfound.home",
        "footer.label", "footer.about", "footer.accessibility", "footer.privacy", "footer.languages",
        "footer.glossary", "exit.label", "exit.press_two_more", "exit.press_one_more", "exit.timed_out",
        "exit.activated", "translation.unconfirmed",
        # overrides/components/route-finder/: "Which route?"
        "route.back", "route.start_again",
        # wales_site/rendering/print_materials.py: the poster and the contact card
        "print.poster_title", "print.card_title", "print.routes_title", "print.qr_caption", "translation.read_english", "translation.read_welsh",
        # wales_site/rendering/: the help strip, citations, moved pages, directories, area pages, open data
        "help.danger", "help.free", "citations.heading", "citations.checked", "moved.title", "moved.description",
        "moved.body", "directory.call", "directory.phone", "directory.text_relay", "directory.text_message",
        "directory.email", "directory.website", "directory.who_for", "directory.hours", "directory.cost",
        "directory.free", "directory.languages", "directory.police_forces", "directory.find_council",
        "directory.recognised", "directory.status", "directory.police_force", "directory.council_areas",
        "directory.not_confirmed", "directory.notes", "directory.publisher", "directory.published",
        "directory.checked", "directory.weight", "directory.area", "directory.areas_caption", "area.index_title",
        "area.police", "area.council", "area.helplines", "area.all_areas", "open_data.download",
        "open_data.column", "open_data.meaning",
        *(f"directory.status.{status}" for status in get_args(models.Forum.model_fields["status"].annotation)),
        *(f"directory.weight.{weight}" for weight in models.WEIGHTS),
        *(f"open_data.{kind}" for kind in open_data.FORMATS),
        *(f"dataset.{name}" for name in models.DATASETS),
    ), ()),
    "citations.label": ("number",),
    "history.period_single": ("year",),
    # overrides/main.html: the translation note (wales_site/i18n/translation_notes.py)
    "translation.checked": ("date",),
    "translation.english_changed": ("date",),
    "translation.welsh_newer": ("date",),
    "print.qr_alt": ("page", "address"),
    # wales_site/rendering/language_card.py: each language's statement, and the way back to the names
    "language_card.speaks": ("language",),
    "language_card.back": (),
    "print.checked": ("date", "address"),
    "history.period_range": ("start", "end"),
    "directory.website_of": ("name",),
    "directory.status_reported": ("status", "date"),
    "area.title": ("in_area",),
    "area.description": ("in_area",),
    "area.intro": ("in_area",),
    "area.council_text": ("council",),
    "open_data.entries": ("count",),
    "open_data.fields": ("file",),
}


class SiteTextError(PluginError):
    pass


class SiteTextFile(models.StrictModel):
    """data/site-text.yml: each text in both languages, each nav title in Welsh; all plain text."""

    text: dict[str, models.Bilingual]
    nav: dict[str, models.Text]


def load_site_text(path: Path) -> dict:
    """The site text, checked (the `site-text` check reports what is wrong with it).
    Shared between callers: read it, do not change it."""
    data, found = read_site_text(path)
    if errors(found):
        raise SiteTextError("\n".join(map(str, errors(found))))
    return data


def problems(path: Path) -> list[Problem]:
    """Every string in both languages, every nav title in Welsh, with its line."""
    return read_site_text(path)[1]


def read_site_text(path: Path) -> tuple[dict, list[Problem]]:
    file = text_files.read(path, limits.DATA_FILE)
    if file.problem:
        return {}, [file.problem]
    return _checked_site_text(file.text, path)


# Both builds, several steps and the checks read the file: a text already read is not checked again.
@functools.lru_cache(maxsize=4)
def _checked_site_text(text: str, path: Path) -> tuple[dict, list[Problem]]:
    read, found = loading.read_yaml(text, path)
    if found:
        return {}, found
    found = loading.validation_problems(SiteTextFile, read, set(SiteTextFile.model_fields) | set(languages.CODES))
    texts = read.value.get("text") if isinstance(read.value, dict) else None
    if isinstance(texts, dict):
        found += placeholder_problems(read, texts) + key_problems(read, texts)
    return (read.value if not errors(found) else {}), found


def placeholders_in(text: str) -> list[str] | None:
    """Each {placeholder} as written between its braces; None when a brace is not part of one."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    return [field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            for _, field, spec, conversion in parsed if field is not None]


def placeholder_message(text: str, names: tuple[str, ...]) -> str | None:
    """What is wrong with the text's {placeholders}, given the names the site fills in."""
    written = placeholders_in(text)
    given = ", ".join(f"{{{name}}}" for name in names) or "none"
    if written is None:
        return f"a {{ or }} is not part of a placeholder: write placeholders as {{name}} (this text has {given})"
    for placeholder in written:
        if placeholder not in names:
            close = difflib.get_close_matches(placeholder, names, n=1)
            hint = f'did you mean "{{{close[0]}}}"?' if close else f"this text has {given}"
            return f'"{{{placeholder}}}" is not a placeholder here: {hint}'
    missing = [name for name in names if name not in written]
    if missing:
        return f"{', '.join(f'{{{name}}}' for name in missing)} is missing: the site fills it in here"
    return None


def placeholder_problems(read: loading.ReadFile, texts: dict) -> list[Problem]:
    return [
        read.problem(("text", key, lang), message)
        for key, versions in texts.items() if isinstance(versions, dict)
        for lang, text in versions.items() if isinstance(text, str)
        if (message := placeholder_message(text, TEXTS.get(key, ())))
    ]


def key_problems(read: loading.ReadFile, texts: dict) -> list[Problem]:
    """A text the site uses that the file lacks is an error; one nothing uses, a warning."""
    missing = [Problem(read.name, read.line_of(("text",)), "is missing: the site prints it; add it with en and cy",
                       f"text.{key}")
               for key in TEXTS if key not in texts]
    unused = [Problem(read.name, read.line_of(("text", key)), "nothing on the site uses this text: remove it",
                      f"text.{key}", warning=True)
              for key in texts if key not in TEXTS]
    return missing + unused


def strings_for(site_text: dict, lang: str) -> dict[str, str]:
    return {key: versions[lang] for key, versions in site_text["text"].items()}


def format_date(value: dt.date | str, lang: str) -> str:
    """A date as people write it, e.g. 29 November 2026 / 29 Tachwedd 2026.

    A date known only to the month or year (2013-03, 2013) is written as
    precisely as it is known: March 2013 / Mawrth 2013, 2013.
    """
    year, month, day = ([int(part) for part in str(value).split("-")] + [None, None])[:3]
    dt.date(year, month or 1, day or 1)  # raises ValueError for a date that does not exist
    written = (day, languages.BY_CODE[lang].months[month - 1] if month else None, year)
    return " ".join(str(part) for part in written if part is not None)


def translate_nav_titles(items, welsh_titles: dict[str, str]) -> list[str]:
    """Give each title written in the nav config its Welsh form, in place.

    Returns the section titles that have none. A page whose nav entry names no
    title takes its title from the page itself, which is already Welsh.
    """
    untranslated = []
    for item in items:
        if isinstance(item, (Section, Page)) and item.title in welsh_titles:
            item.title = welsh_titles[item.title]
        elif isinstance(item, Section):
            untranslated.append(item.title)
        if isinstance(item, Section):
            untranslated += translate_nav_titles(item.children, welsh_titles)
    return untranslated


def _site_text(config: MkDocsConfig) -> dict:
    return load_site_text(Path(config.config_file_path).parent / SITE_TEXT_FILE)


def translate_nav(nav, config: MkDocsConfig) -> None:
    if language_configs.language_of(config) != "en":
        untranslated = translate_nav_titles(nav.items, _site_text(config)["nav"])
        if untranslated:
            raise SiteTextError(
                f"{SITE_TEXT_FILE}: add a Welsh title under `nav` for: " + ", ".join(untranslated)
            )


def add_site_text(env, config: MkDocsConfig) -> None:
    lang = language_configs.language_of(config)
    site_text = _site_text(config)
    env.globals["ui"] = strings_for(site_text, lang)
    env.globals["ui_by_lang"] = {code: strings_for(site_text, code) for code in languages.CODES}
    env.filters["local_date"] = functools.partial(format_date, lang=lang)
    env.filters["period_note"] = functools.partial(history.period_note, words=env.globals["ui"])

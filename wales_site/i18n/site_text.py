"""The words around the pages, in the build's language: help strip, language link,
review date, 404 page and navigation section titles (data/site-text.yml)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from wales_site.data import fast_yaml
from wales_site.i18n import language_configs
from wales_site import languages
from wales_site.content import history
from wales_site.problems import Problem

SITE_TEXT_FILE = Path("data/site-text.yml")


class SiteTextError(PluginError):
    pass


def load_site_text(path: Path) -> dict:
    """The site text, checked (the `site-text` check reports what is wrong with it).
    Shared between callers: read it, do not change it."""
    data, problems = _read_site_text(path.read_text(encoding="utf-8"), path)
    if problems:
        raise SiteTextError("\n".join(map(str, problems)))
    return data


def problems(path: Path) -> list[Problem]:
    """Every string in both languages, every nav title in Welsh."""
    return _read_site_text(path.read_text(encoding="utf-8"), path)[1]


# Both builds, several steps and the checks read the file: a text already read is not parsed again.
@functools.lru_cache(maxsize=4)
def _read_site_text(text: str, path: Path) -> tuple[dict, list[Problem]]:
    try:
        data = yaml.load(text, Loader=fast_yaml.SafeLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return {}, [Problem(path, mark.line + 1 if mark else None,
                            f"this is not valid YAML ({error.problem or error.context}): check the indentation and quotes")]
    found = []
    for key, versions in (data.get("text") or {}).items():
        if not isinstance(versions, dict) or set(versions) != set(languages.CODES):
            found.append(Problem(path, None, f"needs exactly {' and '.join(languages.CODES)}", f"text.{key}"))
        elif not all(isinstance(v, str) and v.strip() for v in versions.values()):
            found.append(Problem(path, None, "a translation is empty", f"text.{key}"))
    for title, welsh in (data.get("nav") or {}).items():
        if not (isinstance(welsh, str) and welsh.strip()):
            found.append(Problem(path, None, "the Welsh title is empty", f"nav.{title}"))
    return data, found


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

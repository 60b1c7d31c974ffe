"""What each page tells its readers about its translation, in its own words
(overrides/main.html, through the `translation_note` filter).

The state comes from `translation_freshness.reader_status`, the comparison the
`translations-out-of-date` check makes; this module only words it, in the
page's language, and names the twin to link to.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from mkdocs.config.defaults import MkDocsConfig

from wales_site.content import markdown_page as md
from wales_site.editorial import translation_freshness as freshness
from wales_site.i18n import language_configs
from wales_site.i18n.site_text import format_date

# The site text (data/site-text.yml) a notice links with, and the language of the twin it links to.
LINK_OF = {
    freshness.WELSH_BEHIND: ("translation.read_english", "en"),
    freshness.WELSH_UNCONFIRMED: ("translation.read_english", "en"),
    freshness.ENGLISH_BEHIND: ("translation.read_welsh", "cy"),
}


@dataclass(frozen=True)
class TranslationNote:
    text: str
    is_notice: bool
    link_text: str = ""
    link_lang: str = ""


def worded(status: freshness.ReaderStatus, words: Mapping[str, str],
           date: Callable[[str], str]) -> TranslationNote:
    """The status in the page's words; the date as the page's language writes it."""
    day = date(status.date)
    text = {
        freshness.WELSH_CHECKED: words["translation.checked"].format(date=day),
        freshness.WELSH_BEHIND: words["translation.english_changed"].format(date=day),
        freshness.WELSH_UNCONFIRMED: words["translation.unconfirmed"],
        freshness.ENGLISH_BEHIND: words["translation.welsh_newer"].format(date=day),
    }[status.state]
    link_key, link_lang = LINK_OF.get(status.state, ("", ""))
    return TranslationNote(text, status.is_notice, words[link_key] if link_key else "", link_lang)


def note_for(src_uri: str, lang: str, folders: Mapping[str, Path], words: Mapping[str, str]) -> TranslationNote | None:
    """The note of the page written at src_uri; None for a page without twins on disk (generated pages)."""
    english, welsh = (Path(folders[code]) / src_uri for code in ("en", "cy"))
    if not (english.is_file() and welsh.is_file()):
        return None
    status = freshness.reader_status(md.read_page(english), md.read_page(welsh), lang)
    return status and worded(status, words, functools.partial(format_date, lang=lang))


def add_translation_note_filter(env, config: MkDocsConfig) -> None:
    """`page | translation_note`: the page's TranslationNote, or None. After add_site_text (it uses `ui`)."""
    lang, folders, words = language_configs.language_of(config), language_configs.docs_dirs(config), env.globals["ui"]
    env.filters["translation_note"] = lambda page: page and page.file and note_for(
        page.file.src_uri, lang, folders, words)

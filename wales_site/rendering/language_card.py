"""The "Point to your language" card: the names of languages, each in its own
language and script, for a person who speaks neither English nor Welsh to
point to. A page shows it where it has the marker, on a line of its own:

    {{ directory: language-card }}

No name is typed by hand: each comes from the Unicode Common Locale Data
Repository (CLDR) as the `babel` package carries it, the name of the language
in itself (the endonym) and its English and Welsh names. Each name is marked
with its language (`lang`, BCP 47) and, for a script written right to left,
`dir="rtl"`, so that screen readers read it in the right voice and browsers
lay it out in the right order.

Each tile links to a statement further down the same page, in English and in
Welsh, "This person speaks Albanian." / "Mae'r person hwn yn siarad Albaneg.":
a link to an anchor, so it works without JavaScript and keeps nothing.

The renderer is a pure function, placement in, escaped HTML out. The layout is
overrides/components/language-card/language-card.css.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from html import escape
from typing import Mapping

from babel import Locale

from wales_site import languages
from wales_site.i18n.collation import collation_key

# The languages on the card, as CLDR locale codes. An editorial choice of
# languages a responder in Wales may meet among people who may have been
# trafficked, not a ranking: the page says that the list is not complete.
# fa_AF is Dari, the Persian of Afghanistan, which CLDR names on its own.
LANGUAGE_CODES = (
    "sq", "vi", "ro", "ti", "am", "om", "so", "ar", "ckb", "ku", "fa", "fa_AF", "ps", "ur", "pa", "bn",
    "hi", "ta", "si", "zh", "yue", "th", "fil", "pl", "uk", "ru", "lt", "lv", "sk", "cs", "hu", "bg",
    "tr", "pt", "es", "fr",
)
# Where each tile's statement is, and where "back" goes.
GRID_ID = "language-grid"
STATEMENT_ID = "speaks-{code}"


@dataclass(frozen=True)
class CardLanguage:
    code: str  # CLDR's, with an underscore: fa_AF
    endonym: str  # its name in itself, as a label
    names: dict[str, str]  # its name in each of the site's languages, by code
    right_to_left: bool

    @property
    def tag(self) -> str:
        """The BCP 47 language tag for `lang`: fa-AF."""
        return self.code.replace("_", "-")

    @property
    def statement_id(self) -> str:
        return STATEMENT_ID.format(code=self.tag.lower())


def as_label(name: str) -> str:
    """CLDR gives a language's name as it is written inside a sentence, where
    many languages write it in lower case ("shqip", "polski", "français"). A
    tile is a label standing alone, which begins with a capital as a sentence
    does (babel has no case rules for labels to ask). Only the first letter
    changes: "kurdî (kurmancî)" keeps the rest as CLDR has it."""
    return name[:1].upper() + name[1:]


@functools.cache
def card_language(code: str) -> CardLanguage:
    """One language of the card, from CLDR. Raises KeyError when CLDR lacks one of its names."""
    locale = Locale.parse(code)
    return CardLanguage(
        code=code,
        endonym=as_label(locale.languages[code]),
        names={lang: Locale.parse(lang).languages[code] for lang in languages.CODES},
        right_to_left=locale.text_direction == "rtl",
    )


def card_languages(lang: str) -> list[CardLanguage]:
    """Every language of the card, in the alphabetical order of their names in the page's language."""
    return sorted(map(card_language, LANGUAGE_CODES), key=lambda language: collation_key(language.names[lang], lang))


def language_attributes(language: CardLanguage) -> str:
    direction = ' dir="rtl"' if language.right_to_left else ""
    return f'lang="{escape(language.tag)}"{direction}'


def tile(language: CardLanguage, lang: str) -> str:
    """The name in itself, large, and below it the name in the page's language, for the responder."""
    return (f'<li><a class="language-card__tile" href="#{language.statement_id}">'
            f'<span class="language-card__endonym" {language_attributes(language)}>{escape(language.endonym)}</span>'
            f'<span class="language-card__name">{escape(language.names[lang])}</span></a></li>')


def statement(language: CardLanguage, every_language_words: Mapping[str, Mapping[str, str]], lang: str) -> str:
    """What the tile shows the responder: in English and in Welsh, which language the person speaks."""
    sentences = "".join(
        f'<p lang="{said_in}">{escape(words["language_card.speaks"].format(language=language.names[said_in]))}</p>'
        for said_in, words in every_language_words.items()
    )
    back = every_language_words[lang]["language_card.back"]
    return (f'<li class="language-card__statement" id="{language.statement_id}">'
            f'<p class="language-card__endonym" {language_attributes(language)}>{escape(language.endonym)}</p>'
            f'{sentences}<p><a href="#{GRID_ID}">{escape(back)}</a></p></li>')


def render(placement) -> str:
    """The grid of names, then each name's statement. `placement.words_by_language` holds the
    words of every language: the statements are in all of them, whatever the page's language."""
    lang, every_language_words = placement.lang, placement.words_by_language
    ordered = card_languages(lang)
    return (
        '<div class="language-card">'
        f'<ul class="language-card__grid" id="{GRID_ID}">{"".join(tile(language, lang) for language in ordered)}</ul>'
        '<ul class="language-card__statements">'
        + "".join(statement(language, every_language_words, lang) for language in ordered)
        + "</ul></div>"
    )

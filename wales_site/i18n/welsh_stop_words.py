"""Welsh words too common to search for: articles, prepositions, pronouns,
conjunctions, the commonest forms of "bod" (to be), and the forms they take
joined to another word or mutated ("i'r", "fod", "yng").

Welsh search (wales_site/theme/welsh_search_index.py and
material-on-demand.js) gives them no radical forms and leaves them out of a
query that has other words, so that "masnachu yng Nghymru" is not answered
with every page that says "yn".
"""

from __future__ import annotations

ARTICLES_AND_PARTICLES = {"y", "yr", "'r", "fe", "mi", "yn", "yng", "ym", "wedi", "heb", "ddim", "dim"}
PREPOSITIONS = {
    "a", "â", "ag", "am", "ar", "at", "i", "o", "gan", "gyda", "efo", "heb", "hyd", "dros", "drwy", "trwy",
    "wrth", "tan", "er", "rhwng", "mewn", "dan", "tua",
}
CONJUNCTIONS = {"ac", "a", "neu", "ond", "os", "pan", "na", "nac", "nad", "ni", "nid", "fel", "bod", "fod", "mai", "taw"}
PRONOUNS = {
    "fi", "mi", "ti", "chi", "ni", "nhw", "hi", "e", "ef", "fe", "o", "ei", "eu", "ein", "eich", "fy", "dy",
    "'i", "'w", "'u", "'n", "'ch", "'m", "hyn", "hynny", "hwn", "hon", "hwnnw", "honno", "yma", "yna", "sy", "sydd",
}
FORMS_OF_BOD = {"mae", "oes", "yw", "ydy", "ydi", "ydyn", "ydych", "oedd", "roedd", "bydd", "fydd", "byddai", "fyddai"}
JOINED = {
    "i'r", "o'r", "a'r", "â'r", "i'w", "a'i", "a'u", "o'i", "o'u", "sy'n", "mae'n", "yw'r", "mae'r", "na'r", "neu'r",
}

STOP_WORDS = frozenset(
    ARTICLES_AND_PARTICLES | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | FORMS_OF_BOD | JOINED
)


def is_stop_word(word: str) -> bool:
    return word.lower() in STOP_WORDS

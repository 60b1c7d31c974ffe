"""Welsh initial mutations, both ways: a word's mutated forms, and the radical
(dictionary) forms a mutated word may come from.

Welsh changes a word's first letter after certain words: "masnachu" becomes
"fasnachu" in "i fasnachu", "Cymru" becomes "Nghymru" in "yng Nghymru". The
three tables below are the standard ones, radical initial to mutated initial;
everything else here is derived from them.

Both directions are a rewrite of the word's beginning, read from a prefix
table in which the longest prefix of the word that is a key wins. Every
letter Welsh writes with two characters (ch, dd, ff, ng, ll, ph, rh, th) is a
key, so "llafur" is not read as an l word nor "ffordd" as an f word. The
browser applies the same tables by the same rule (material-on-demand.js,
which gets them from the Welsh search index: wales_site/theme/welsh_search_index.py).

Going back is ambiguous (an initial f may come from b or m, a vowel from a
dropped g, m from b or be a radical m): `radical_candidates` gives every
candidate, words or not. Words are compared in lower case.
"""

from __future__ import annotations

from collections.abc import Mapping

SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "ll": "l", "m": "f", "rh": "r"}
NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}
MUTATIONS: Mapping[str, Mapping[str, str]] = {"soft": SOFT, "nasal": NASAL, "aspirate": ASPIRATE}

# Welsh vowels (w and y among them), with the accents Welsh writes on them.
VOWELS = frozenset("aeiouwy" "âêîôûŵŷ" "áéíóúẃý" "àèìòùẁỳ" "äëïöüẅÿ")
# The aspirate mutation also puts an h before a vowel ("ei henw", from "enw").
ASPIRATE_H = "h"
# Once the soft mutation drops a g, the word begins with what followed it:
# a vowel ("gwaith" → "waith") or l, r, n ("glân" → "lân", "grym" → "rym").
AFTER_DROPPED_G = VOWELS | {"l", "r", "n"}
DIGRAPHS = ("ch", "dd", "ff", "ng", "ll", "ph", "rh", "th")

PrefixTable = Mapping[str, tuple[str, ...]]


def frozen(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {prefix: tuple(dict.fromkeys(rewrites)) for prefix, rewrites in sorted(table.items())}


def mutation_table() -> dict[str, tuple[str, ...]]:
    """Radical prefix → its mutated prefixes, soft, nasal then aspirate (c → g, ngh, ch)."""
    table: dict[str, list[str]] = {digraph: [] for digraph in DIGRAPHS}
    for mutations in MUTATIONS.values():
        for radical, mutated in mutations.items():
            table.setdefault(radical, []).append(mutated)
    for vowel in VOWELS:
        table.setdefault(vowel, []).append(ASPIRATE_H + vowel)
    return frozen(table)


def radical_table() -> dict[str, tuple[str, ...]]:
    """Mutated prefix → the radical prefixes it may come from (f → b, m; a → ga; ha → a): the tables read back."""
    table: dict[str, list[str]] = {digraph: [] for digraph in DIGRAPHS}
    for mutations in MUTATIONS.values():
        for radical, mutated in mutations.items():
            if mutated:
                table.setdefault(mutated, []).append(radical)
    dropped_g = next(radical for radical, mutated in SOFT.items() if mutated == "")
    for letter in AFTER_DROPPED_G:
        table.setdefault(letter, []).append(dropped_g + letter)
    for vowel in VOWELS:
        table.setdefault(ASPIRATE_H + vowel, []).append(vowel)
    return frozen(table)


MUTATED_PREFIXES = mutation_table()
RADICAL_PREFIXES = radical_table()


def rewrite(word: str, table: PrefixTable) -> list[str]:
    """The word with its beginning rewritten by each rewrite of the longest prefix that is a key."""
    word = word.lower()
    for length in range(min(len(word), max(map(len, table))), 0, -1):
        rewrites = table.get(word[:length])
        if rewrites is not None:
            return [rewritten + word[length:] for rewritten in rewrites]
    return []


def mutated_forms(radical: str) -> list[str]:
    """A dictionary form's mutated forms ("cymorth" → gymorth, nghymorth, chymorth)."""
    return rewrite(radical, MUTATED_PREFIXES)


def radical_candidates(word: str) -> list[str]:
    """Every radical form the word may be a mutation of ("fasnachu" → basnachu, masnachu)."""
    return rewrite(word, RADICAL_PREFIXES)


def related_forms(word: str) -> list[str]:
    """Every form that shares a radical with the word, the word first: its candidates and all their mutations.

    A reader's "gymorth" is then matched by a page's "chymorth", since both come from "cymorth".
    """
    word = word.lower()
    radicals = [word, *radical_candidates(word)]
    forms = [*radicals, *(form for radical in radicals for form in mutated_forms(radical))]
    return [form for form in dict.fromkeys(forms) if form]

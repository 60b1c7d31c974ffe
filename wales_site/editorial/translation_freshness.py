"""Is each Welsh page a translation of the English page as it is now?

A Welsh page records, in its front matter, a fingerprint of the English page it
translates (`translation_of: <12 hex digits>`). When the English title,
description or text changes, the fingerprint no longer matches and the Welsh
page is out of date. Changes of spacing or line endings, and of `last_reviewed`,
do not count. After bringing a translation up to date, `make translated PAGE=...`
records the new fingerprint.

Readers see the same comparison (`reader_status`, shown by overrides/main.html):

- every Welsh page says when it was last checked against the English: its
  `last_reviewed` date, which an editor sets on both twins when they bring
  them into step (CONTRIBUTING.md);
- a Welsh page whose English twin has changed since its fingerprint was
  recorded (or that has none) says so, in Welsh, linking to the English page;
- an English page says its Welsh twin is newer when the Welsh page still
  translates it as it is now and was reviewed on a later day than it. The
  fingerprint records English text only, so this is all "newer" can mean:
  nothing records what an edit of the Welsh changed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from wales_site.content import markdown_page as md
from wales_site.i18n import twins
from wales_site.problems import Problem

FIELD = "translation_of"
FINGERPRINT_LENGTH = 12
# Front-matter keys whose words are translated; the rest (dates, fingerprints) are not.
TRANSLATED_KEYS = ("title", "description")


def normalised_source(page: md.MarkdownPage) -> str:
    lines = [f"{key}: {' '.join(str(page.front_matter.get(key, '')).split())}" for key in TRANSLATED_KEYS]
    lines += [line.text.rstrip() for line in page.body]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def fingerprint(english: md.MarkdownPage) -> str:
    return hashlib.sha256(normalised_source(english).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def recorded_fingerprint(welsh: md.MarkdownPage) -> str | None:
    value = welsh.front_matter.get(FIELD)
    return str(value) if value is not None else None


@dataclass(frozen=True)
class Freshness:
    english: Path
    welsh: Path
    current: str
    recorded: str | None

    @property
    def up_to_date(self) -> bool:
        return self.current == self.recorded

    def explanation(self) -> str:
        if self.recorded is None:
            return f"has no `{FIELD}` record: nobody has confirmed it matches {self.english}"
        return f"{self.english} has changed since this translation was last confirmed"


def freshness(english_path: Path, welsh_path: Path) -> Freshness:
    english, welsh = md.read_page(english_path), md.read_page(welsh_path)
    return Freshness(english_path, welsh_path, fingerprint(english), recorded_fingerprint(welsh))


# What a reader is told (reader_status).
WELSH_CHECKED = "checked"                 # a Welsh page that translates the English as it is now
WELSH_BEHIND = "english-changed"          # a Welsh page whose English twin changed since it was stamped
WELSH_UNCONFIRMED = "unconfirmed"         # a Welsh page never stamped
ENGLISH_BEHIND = "welsh-newer"            # an English page whose Welsh twin is up to date and reviewed later
NOTICES = frozenset({WELSH_BEHIND, WELSH_UNCONFIRMED, ENGLISH_BEHIND})
REVIEWED = "last_reviewed"


@dataclass(frozen=True)
class ReaderStatus:
    """What a page in `lang` tells its readers about its twin: `state`, and the
    date it gives (the Welsh page's last_reviewed, as written: YYYY-MM-DD)."""
    lang: str
    state: str
    date: str

    @property
    def is_notice(self) -> bool:
        """Shown as a notice above the page, rather than a line at its foot."""
        return self.state in NOTICES


def reader_status(english: md.MarkdownPage, welsh: md.MarkdownPage, lang: str) -> ReaderStatus | None:
    """What the page of the pair in `lang` tells its readers; None for an English page with nothing to say."""
    recorded = recorded_fingerprint(welsh)
    up_to_date = recorded == fingerprint(english)
    welsh_date, english_date = (str(page.front_matter.get(REVIEWED, "")) for page in (welsh, english))
    if lang != "en":
        state = WELSH_CHECKED if up_to_date else WELSH_UNCONFIRMED if recorded is None else WELSH_BEHIND
        return ReaderStatus(lang, state, welsh_date)
    # The dates check holds both to YYYY-MM-DD, so they compare as text.
    if up_to_date and welsh_date > english_date:
        return ReaderStatus(lang, ENGLISH_BEHIND, welsh_date)
    return None


def with_fingerprint(welsh_text: str, value: str) -> str:
    """The Welsh page's text with `translation_of` set in its front matter, the rest untouched."""
    lines = welsh_text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("the page does not start with front matter (a line `---`)")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ValueError("the front matter is not closed by a line `---`")
    # Quoted: a fingerprint of digits only would otherwise be read as a number.
    record = f'{FIELD}: "{value}"'
    for index in range(1, end):
        if lines[index].startswith(f"{FIELD}:"):
            lines[index] = record
            break
    else:
        lines.insert(end, record)
    return "\n".join(lines)


def stamp(english_path: Path, welsh_path: Path) -> str:
    """Record that the Welsh page now translates the English page as it is. Returns the fingerprint."""
    value = fingerprint(md.read_page(english_path))
    text = welsh_path.read_text(encoding="utf-8")
    welsh_path.write_text(with_fingerprint(text, value), encoding="utf-8")
    return value


def check(english_docs: Path, welsh_docs: Path) -> list[Problem]:
    """A warning for every Welsh page that is out of date, with the command that
    records it as up to date once the translation is done."""
    warnings = []
    for english, welsh in twins.page_pairs(english_docs, welsh_docs):
        state = freshness(english, welsh)
        if not state.up_to_date:
            warnings.append(Problem(
                welsh, None,
                f"translation out of date: {state.explanation()}. Update the Welsh, then run "
                f"`make translated PAGE={welsh.relative_to(welsh_docs)}`",
                warning=True,
            ))
    return warnings

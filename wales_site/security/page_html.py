"""The HTML a page becomes, held to an allow-list: content may use the markup
Markdown writes and a few tags editors need, and nothing that runs, loads,
submits or restyles.

A page's HTML is checked twice with `problems`: by the `page-html` check, on
each page's Markdown rendered alone (so `make lint` and the tests report it),
and by the build, on the page as it will be written, directories and
citations included. Each problem names the Markdown file and the line the
markup is written on.

CONTRIBUTING.md ("HTML in a page") lists what is allowed, for editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from wales_site.problems import Problem
from wales_site.security import dial_links
from wales_site.security.dial_links import browser_form

# What Markdown and its extensions write (admonitions, details, definition
# lists, tables), what our directories and citations write, and what editors
# need: <span lang> for a phrase in the other language, <abbr> for a term.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul",
})
# Attributes any allowed tag may carry. `dir` marks text written right to left
# (a name in Arabic script, on the language card), with only these values:
DIRECTIONS = ("ltr", "rtl", "auto")
COMMON_ATTRIBUTES = frozenset({"class", "id", "lang", "dir", "title", "aria-label"})
# In a right-to-left element the groups of a phone number's digits are shown in
# reverse order ("08000 121 700" as "700 121 08000"): a phone link may not be
# inside one, nor be one (see dial_links.BIDI_CONTROLS for the same trick by characters).
REVERSING_DIRECTIONS = ("rtl", "auto")
# Elements that have no end tag: they never hold a phone link.
VOID_TAGS = frozenset({"br", "col", "hr", "img"})
ATTRIBUTES_OF = {
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
# Why the most likely mistakes are refused, in the editor's words.
WHY_TAG = {
    "script": "it runs code on the reader's device",
    "iframe": "it loads another website into the page",
    "object": "it runs a plug-in", "embed": "it runs a plug-in",
    "form": "it sends what a reader types somewhere", "input": "it is part of a form",
    "button": "it is part of a form", "meta": "it changes how the browser treats the page",
    "base": "it changes where every link on the page goes", "link": "it loads a file from elsewhere",
    "style": "it changes how the site looks, and can hide the Exit this page button",
    "svg": "it can run code", "math": "it can run code",
}
LINK_SCHEMES = frozenset({"https", "http", "mailto"})
# Material's own element ids begin with two underscores (__config, __search):
# an element of a page with one of those ids would stand in for Material's.
THEME_ID = re.compile(r"__")
# The classes of the theme's own parts (Material's and overrides/ stylesheets):
# content dressed as the Exit this page button, the help strip or the header
# could cover or fake them, and visually-hidden text could say one thing to a
# screen reader while the page shows another.
THEME_CLASS = re.compile(r"(?:md-|exit-this-page|help-strip|history-note|not-found|page-reviewed|site-|"
                         r"visually-hidden|no-js)")
# Characters on which Python's parser and browsers disagree: control characters
# (a NUL after "<script" hides the tag from Python, not from a browser), and
# spaces other than the ASCII ones inside a tag (Python splits attributes at a
# no-break space; a browser does not).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UNUSUAL_SPACE = re.compile(r"[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
# Comments a browser ends sooner than Python does (<!--> and <!--->) or later (--!>).
TRICK_COMMENT = re.compile(r"<!---?>|--!>")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Finding:
    """What is wrong, and the text to look for in the Markdown to find its line:
    each clue is the pieces a line must all hold, tried in order."""
    message: str
    clues: tuple[tuple[str, ...], ...]


def address_scheme(address: str) -> str:
    """The scheme a browser would follow ("" for a relative address), lower-case:
    "java\tscript:" is javascript: (dial_links.browser_form)."""
    match = SCHEME.match(browser_form(address))
    return match.group(1).lower() if match else ""


def is_other_site(address: str) -> bool:
    cleaned = browser_form(address).replace("\\", "/")
    return bool(address_scheme(address)) or cleaned.startswith("//")


def link_finding(href: str, text: str) -> Finding | None:
    scheme = address_scheme(href)
    if scheme in dial_links.SCHEMES:
        message = dial_links.dial_link_problem(href, text)
        number = href.split(":", 1)[-1]
        if message is None:
            return None
        shown = text.strip()
        return Finding(f'link "{href}": {message}', ((shown, number), (shown,), (href,)))
    if scheme and scheme not in LINK_SCHEMES:
        return Finding(f'a link may not start "{scheme}:": use an https: address, mailto:, tel: or a page '
                       f"of this site", ((href,), (f"{scheme}:",), ("<a", text.strip()), (text.strip(),)))
    return None


def image_finding(src: str) -> Finding | None:
    if is_other_site(src):
        return Finding(f'image "{src}": images must be files of this site (an image from elsewhere tells '
                       f"that site who is reading this page)", ((src,),))
    return None


def attribute_finding(tag: str, name: str, value: str) -> Finding | None:
    if name.startswith("on"):
        return Finding(f'<{tag} {name}="…">: "{name}" runs code when the reader does something', ((f"{name}=",), (name,)))
    if name == "style":
        return Finding(f"<{tag} style>: styles are set by the site's stylesheet, not in a page "
                       f"(a style can hide the Exit this page button)", (("style=",), ("style",)))
    if name not in COMMON_ATTRIBUTES and name not in ATTRIBUTES_OF.get(tag, ()):
        return Finding(f'<{tag} {name}>: the attribute "{name}" is not allowed here', ((f"{name}=",), (name,)))
    if name == "class" and any(THEME_CLASS.match(word) for word in value.split()):
        return Finding(f'<{tag} class="{value}">: this class belongs to the site\'s theme (the header, the help '
                       f"strip, Exit this page, hidden text)", ((value,), ("class",)))
    if name == "dir" and value not in DIRECTIONS:
        return Finding(f'<{tag} dir="{value}">: dir may only be {", ".join(DIRECTIONS)}', (("dir=",),))
    if name == "id" and THEME_ID.match(value):
        return Finding(f'<{tag} id="{value}">: ids beginning "__" belong to the site\'s theme', ((value,),))
    return None


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        # The open <a> tags' addresses and text so far: a tel: link's text must show its number.
        self.links: list[tuple[str, list[str]]] = []
        # The open elements and their `dir`, outermost first: no phone link inside right-to-left text.
        self.open_elements: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag not in VOID_TAGS:
            self.open_elements.append((tag, (values.get("dir") or "").lower()))
        self.check_tag(tag, attrs, values)
        if tag == "a":
            self.links.append((values.get("href") or "", []))

    def handle_startendtag(self, tag, attrs):
        self.check_tag(tag, attrs, dict(attrs))

    def handle_endtag(self, tag):
        # The innermost open element of that name closes, with every element opened inside it.
        for depth in range(len(self.open_elements) - 1, -1, -1):
            if self.open_elements[depth][0] == tag:
                del self.open_elements[depth:]
                break
        if tag == "a" and self.links:
            href, text = self.links.pop()
            if href and (finding := link_finding(href, "".join(text))):
                self.findings.append(finding)

    def handle_data(self, data):
        for _href, text in self.links:
            text.append(data)

    def check_tag(self, tag, attrs, values):
        """attrs as written, in order; values, the same by name (the last of a name written twice)."""
        written = self.get_starttag_text() or ""
        if UNUSUAL_SPACE.search(written) or CONTROL_CHARACTER.search(written):
            self.findings.append(Finding(f"<{tag}>: the tag has a control character or an unusual space "
                                         f"(such as a no-break space) inside it: type the tag again",
                                         ((f"<{tag}",),)))
        names = [name for name, _ in attrs]
        if len(values) < len(names):  # a name written twice
            for name in sorted({name for name in names if names.count(name) > 1}):
                self.findings.append(Finding(f'<{tag}>: the attribute "{name}" is written twice: keep one',
                                             ((f"{name}=",),)))
        if tag == "img" and any(dial_links.dial_scheme(href) for href, _text in self.links):
            self.findings.append(Finding("an image inside a phone link: a phone link shows only its number, "
                                         "as text", (("<img",), ("![",))))
        dials = tag == "a" and dial_links.dial_scheme(values.get("href") or "")
        if dials and {"aria-label", "title"} & values.keys():
            self.findings.append(Finding("a phone link is labelled only by its number: remove aria-label and "
                                         "title", (("aria-label",), ("title=",))))
        if dials and any(direction in REVERSING_DIRECTIONS for _, direction in self.open_elements):
            self.findings.append(Finding("a phone link inside right-to-left text (dir=\"rtl\" or \"auto\") shows "
                                         "the groups of its digits in reverse order: move it out",
                                         (("dir=",), ("tel:",))))
        if tag not in ALLOWED_TAGS:
            why = WHY_TAG.get(tag, "it is not on the list of HTML a page may use")
            self.findings.append(Finding(f"<{tag}> is not allowed in a page: {why}", ((f"<{tag}",),)))
            return
        for name, value in attrs:
            if finding := attribute_finding(tag, name, value or ""):
                self.findings.append(finding)
        if tag == "img" and (finding := image_finding(values.get("src") or "")):
            self.findings.append(finding)

    def handle_pi(self, data):
        self.findings.append(Finding("a processing instruction (<?…>) is not allowed in a page", (("<?",),)))

    def unknown_decl(self, data):
        self.findings.append(Finding("a declaration (<![…]>) is not allowed in a page", (("<![",),)))

    def handle_decl(self, decl):
        self.findings.append(Finding("a declaration (<!…>) is not allowed in a page", (("<!",),)))


def findings(html: str) -> list[Finding]:
    """Everything in html outside the allow-list, in the order it is written;
    tel: and sms: links as dial_links.dial_link_problem judges them."""
    tricks = [Finding("a comment written <!-->, <!---> or with --!>: browsers end it elsewhere than it seems",
                      (("<!--",),))] if TRICK_COMMENT.search(html) else []
    if CONTROL_CHARACTER.search(html):
        tricks.append(Finding("the page has a control character, which no page needs: type the line again",
                              ((CONTROL_CHARACTER.search(html).group(),),)))
    checker = _Checker()
    checker.feed(html)
    checker.close()
    # An element left open (an unclosed <a>) is checked all the same.
    while checker.links:
        checker.handle_endtag("a")
    return tricks + checker.findings


def line_of(source: str, clues: tuple[tuple[str, ...], ...]) -> int | None:
    """The first line of source holding every piece of a clue, the clues tried in order."""
    lines = source.lower().splitlines()
    for clue in clues:
        pieces = [piece.lower() for piece in clue if piece]
        for number, line in enumerate(lines, start=1):
            if pieces and all(piece in line for piece in pieces):
                return number
    return None


def control_character_problems(path: str | Path, source: str) -> list[Problem]:
    return [Problem(path, number, f"the line has a control character (U+{ord(match.group()):04X}), which no page "
                                  f"needs: type the line again")
            for number, line in enumerate(source.splitlines(), start=1)
            if (match := CONTROL_CHARACTER.search(line))]


def problems(path: str | Path, source: str, html: str) -> list[Problem]:
    """The findings in a page's HTML, each at its line of the page's Markdown (source)."""
    found = control_character_problems(path, source)
    for finding in findings(html):
        problem = Problem(path, line_of(source, finding.clues), finding.message)
        if problem not in found:
            found.append(problem)
    return found

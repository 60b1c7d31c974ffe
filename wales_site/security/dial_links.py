"""tel: and sms: links in a page: they dial only safe numbers, and only the number the reader sees.

A link may dial or text a number only when that number passes the same rules
as the data files (wales_site/data/phone_numbers.py), written the way our own
directories write it: E.164 (tel:+448000121700) or the short code (tel:999),
with nothing after it. Its text must show the same number: the digits 0 to 9
of the text, +44 read as 0, are the digits it dials. So an edit cannot make
"0808 80 10 800" on the page dial another number, nor add digits the phone
sends after the call connects (;ext=, a pause), nor fill in a text message.
"""

from __future__ import annotations

import re

from wales_site.data import phone_numbers

SCHEMES = ("tel", "sms")
# A browser ignores these around an address, and tabs and line breaks inside it (WHATWG URL).
C0_AND_SPACE = "".join(map(chr, range(0x21)))
TAB_OR_NEWLINE = re.compile("[\t\n\r]")
# What our renderers write after tel: or sms: (phone_numbers.tel_href): +44 and digits, or a short code.
DIALLED = re.compile(r"\+?[0-9]+", re.ASCII)

# Characters that change the order in which the digits are shown (Unicode bidirectional controls):
# "\u202e0080" reads 0800 to the phone but 0080 to the reader.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

HIDDEN = "a page must not dial or text anything the reader cannot see: link to the number alone"
SHAPE = "write the number in the link as +44 and its digits with no spaces (tel:+448000121700), or a short code (tel:999)"


def browser_form(href: str) -> str:
    """The address as a browser reads it: without surrounding spaces and control characters, tabs or line breaks."""
    return TAB_OR_NEWLINE.sub("", href.strip(C0_AND_SPACE))


def dial_scheme(href: str) -> str | None:
    """"tel" or "sms" (in any case, as browsers accept it), or None for any other link."""
    scheme, colon, _ = browser_form(href).partition(":")
    return scheme.lower() if colon and scheme.lower() in SCHEMES else None


def hidden_part_problem(scheme: str, target: str) -> str | None:
    """Anything after the number that a phone would act on without the reader seeing it."""
    if "?" in target:
        what = "fills in a text message (?body=...)" if scheme == "sms" else "has a query (?...) after the number"
        return f"the link {what}: {HIDDEN}"
    if ";" in target:
        return f"the link dials more than the number (;ext=, ;isub=...): {HIDDEN}"
    if "," in target or re.search(r"[0-9][pPwW]", target):
        return f"the link dials extra digits after a pause, or more than one number (a comma, p or w): {HIDDEN}"
    if "%" in target:
        return "the link's number is written with %-escapes: write its digits as they are"
    return None


def visible_number(text: str) -> str:
    """The number a reader sees in a link's text, as dialled in the UK: its digits 0 to 9, +44 read as 0."""
    shown = "".join(ch for ch in text if ch in "+" + phone_numbers.ASCII_DIGITS)
    return phone_numbers.national(shown)


def shown_number_problem(dialled: str, visible_text: str) -> str | None:
    """Whether the link's text shows exactly the number it dials."""
    if phone_numbers.has_other_digits(visible_text):
        return "write the number in the link's text with the digits 0 to 9, the digits the link dials"
    if BIDI_CONTROLS.search(visible_text):
        return "the link's text has invisible characters that change the order of its digits: type the number again"
    shown, dials = visible_number(visible_text), phone_numbers.national(dialled)
    if not shown:
        return f"the link's text shows no number: show the number it dials ({dials})"
    if shown != dials:
        return f"the link's text shows {visible_text.strip()!r} but the link dials {dials}: they must be the same number"
    return None


def dial_link_problem(href: str, visible_text: str) -> str | None:
    """What is wrong with a tel: or sms: link, in words for an editor; None when it is safe (and for other links).

    href is the link's address as the page has it (the decoded attribute value),
    visible_text the text a reader sees in the link.
    """
    scheme = dial_scheme(href)
    if scheme is None:
        return None
    if browser_form(href) != href:
        return "remove the spaces, tabs or line breaks from the link's address"
    target = href.partition(":")[2]
    problem = hidden_part_problem(scheme, target)
    if problem:
        return problem
    if not DIALLED.fullmatch(target):
        return SHAPE
    try:
        dialled = phone_numbers.e164(target)
    except phone_numbers.InvalidPhoneNumber as error:
        return str(error)
    if dialled != target:
        return f"write the link as {scheme}:{dialled}"
    if scheme == "sms" and not phone_numbers.is_mobile(dialled):
        return f'"{target}" cannot receive text messages: an sms: link needs a UK mobile number (07...)'
    return shown_number_problem(dialled, visible_text)

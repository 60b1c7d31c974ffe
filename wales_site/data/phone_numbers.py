"""UK phone numbers as people write them: which a victim can safely call, and the links that dial or text them.

A number is stored as its source writes it ("0808 80 10 800"), in the digits 0
to 9 and single spaces. It goes on the site only when it is one of the kinds
in ALLOWED (a landline, a mobile, a freephone or an 03 number: a call costs no
more than an ordinary call and reaches the organisation) or one of the short
codes below. Everything else is refused, and the message says why in words an
editor can pass on to the organisation (REFUSED): premium rate (09), personal
numbers (070), pagers (076), service-charge numbers (084, 087) and the like.

The decision is the allow-list alone; REFUSED only supplies the reasons.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

import phonenumbers

REGION = "GB"
UK_CODE = "+44"
ASCII_DIGITS = "0123456789"
Type = phonenumbers.PhoneNumberType

# Short codes phonenumbers does not treat as subscriber numbers but which every
# UK phone dials: emergency (999, 112), police non-emergency (101), NHS (111),
# text relay to the emergency services (18000).
SHORT_CODES = {"999", "112", "101", "111", "18000"}
# Harmonised European numbers of social value (116 123 and the like).
HARMONISED_SHORT_CODE = re.compile(r"116[0-9]{3}")
# Text relay: dial 18001 before the number you want to reach.
TEXT_RELAY_PREFIX = "18001"
RELAY_NUMBERS = "1800"  # 18000, 18001, 18002: relay services, not numbers to relay to
# Digits 0 to 9 in groups split by single spaces, +44 allowed in front.
# (re.ASCII: without it \d would also take Arabic-Indic and full-width digits.)
WRITTEN_FORM = re.compile(r"\+?\d+(?: \d+)*", re.ASCII)

NOT_VALID = "is not a valid UK phone number"
ORDINARY = "give the organisation's ordinary number"


@dataclass(frozen=True)
class Kind:
    """A kind of number a victim can safely call: how its number starts after the 0, and what phonenumbers calls it."""

    name: str
    starts: tuple[str, ...]
    types: frozenset[int]


LANDLINE = Kind("landline (01, 02)", ("1", "2"), frozenset({Type.FIXED_LINE, Type.FIXED_LINE_OR_MOBILE}))
# Not 070 (personal numbers) nor 076 (pagers).
MOBILE = Kind("mobile (07, not 070 or 076)", tuple(f"7{d}" for d in "12345789"),
              frozenset({Type.MOBILE, Type.FIXED_LINE_OR_MOBILE}))
FREEPHONE = Kind("freephone (0800, 0808)", ("800", "808"), frozenset({Type.TOLL_FREE}))
# 03 numbers cost the same as a call to a landline (phonenumbers: UAN, "universal access number").
NON_GEOGRAPHIC = Kind("03 number", ("3",), frozenset({Type.UAN}))
ALLOWED = (LANDLINE, MOBILE, FREEPHONE, NON_GEOGRAPHIC)

# Why a number that starts this way (after the 0) is not on the list above: the first that fits.
SERVICE_CHARGE = "numbers add a service charge to every call; ask the organisation for its 03 or ordinary number"
REFUSED = (
    ("500", "0500 numbers were freephone numbers until 2017 and no longer work; "
            "ask the organisation for its 0800 or 0808 number"),
    ("70", f"070 numbers are personal numbers: they look like mobile numbers but cost much more to call, "
           f"and can be passed on to any phone; {ORDINARY}"),
    ("76", f"076 numbers are pagers: nobody answers the call; {ORDINARY}"),
    ("84", f"084 {SERVICE_CHARGE}"),
    ("87", f"087 {SERVICE_CHARGE}"),
    ("55", f"055 numbers are corporate numbers: calls to them can cost a lot; {ORDINARY}"),
    ("56", f"056 numbers are internet phone numbers: calls to them can cost more than to a landline; {ORDINARY}"),
    ("9", f"09 numbers are premium rate: callers pay a high charge; {ORDINARY}"),
)
# Jersey, Guernsey and the Isle of Man share +44 but are not the UK: calls to their
# numbers (01534, 07624, 07781...) are often charged apart from a caller's UK minutes.
CROWN_DEPENDENCIES = {"JE", "GG", "IM"}
CROWN_DEPENDENCY = ("it is a Channel Islands or Isle of Man number: calls to it can cost more than to a UK number; "
                    f"{ORDINARY}")
NOT_ALLOWED = ("is not a kind of number a caller can safely use: give a "
               + ", ".join(kind.name for kind in ALLOWED[:-1]) + f" or {ALLOWED[-1].name}")


class InvalidPhoneNumber(ValueError):
    pass


def digits(number: str) -> str:
    return number.replace(" ", "")


def is_short_code(dialled: str) -> bool:
    return dialled in SHORT_CODES or bool(HARMONISED_SHORT_CODE.fullmatch(dialled))


def national(dialled: str) -> str:
    """A number as dialled in the UK: +44 read as 0 (+448001111 -> 08001111); short codes as they are."""
    return "0" + dialled.removeprefix(UK_CODE) if dialled.startswith(UK_CODE) else dialled


def has_other_digits(text: str) -> bool:
    """Digits other than 0 to 9 (Arabic-Indic ٠١٢, full-width ０１２...), which look alike but dial nothing."""
    return any(ch.isdigit() and ch not in ASCII_DIGITS for ch in text)


def written_form_problem(number: str) -> str | None:
    """What is wrong with how a number is written, before what it is."""
    if has_other_digits(number):
        return f"{NOT_VALID}: type it with the digits 0 to 9 (it has other digits, such as Arabic-Indic or full-width ones)"
    if not WRITTEN_FORM.fullmatch(number):
        return f"{NOT_VALID}: write digits and single spaces only"
    dialled = digits(number)
    if dialled.startswith("+") and not dialled.startswith(UK_CODE):
        return f"{NOT_VALID}: only UK numbers (+44) can go on the site"
    if dialled.startswith(UK_CODE + "0"):
        return f"{NOT_VALID}: leave out the 0 after +44, or write the number with its 0 and without +44"
    if dialled.startswith(UK_CODE) and (is_short_code(dialled[3:]) or dialled[3:].startswith(TEXT_RELAY_PREFIX)):
        return f"{NOT_VALID}: write a short number such as 999 or 18001 without +44"
    return None


def allowed_kind(parsed: phonenumbers.PhoneNumber) -> Kind | None:
    """The kind on the allow-list that a valid UK number is, if any."""
    if not phonenumbers.is_valid_number_for_region(parsed, REGION):
        return None
    start, number_type = phonenumbers.national_significant_number(parsed), phonenumbers.number_type(parsed)
    return next((kind for kind in ALLOWED if start.startswith(kind.starts) and number_type in kind.types), None)


def refusal(dialled: str, parsed: phonenumbers.PhoneNumber | None) -> str:
    """Why a number that is not on the allow-list is refused, in plain words."""
    if parsed and phonenumbers.region_code_for_number(parsed) in CROWN_DEPENDENCIES:
        return f"cannot go on the site: {CROWN_DEPENDENCY}"
    # Only a number written with its 0 (or +44) is a "09 number"; 998 is just not a number.
    written_in_full = dialled.startswith(("0", UK_CODE))
    start = phonenumbers.national_significant_number(parsed) if parsed and written_in_full else ""
    reason = next((why for prefix, why in REFUSED if start.startswith(prefix)), None)
    if reason:
        return f"cannot go on the site: {reason}"
    if parsed is None or not phonenumbers.is_valid_number_for_region(parsed, REGION):
        return NOT_VALID
    return NOT_ALLOWED


def parsed_uk(dialled: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(dialled, REGION)
    except phonenumbers.NumberParseException:
        return None


def dialled_problem(dialled: str) -> str | None:
    """Why a number, as digits (and +44), may not be dialled from the site; None when it may."""
    if is_short_code(dialled):
        return None
    relayed = dialled.removeprefix(TEXT_RELAY_PREFIX)
    if relayed != dialled:
        # What follows the prefix must itself be a number to call (and not another relay number).
        if not relayed or relayed.startswith(RELAY_NUMBERS):
            return NOT_VALID
        return dialled_problem(relayed)
    parsed = parsed_uk(dialled)
    return None if parsed and allowed_kind(parsed) else refusal(dialled, parsed)


@functools.cache
def e164(number: str) -> str:
    """The number to dial: E.164 (+448000121700), or the short code itself (999, 18001101).

    Raises InvalidPhoneNumber, saying why, for anything that is not a UK number of
    a kind a victim can safely call.
    """
    problem = written_form_problem(number) or dialled_problem(digits(number))
    if problem:
        raise InvalidPhoneNumber(f'"{number}" {problem}')
    dialled = digits(number)
    if is_short_code(dialled) or dialled.startswith(TEXT_RELAY_PREFIX):
        return dialled
    return phonenumbers.format_number(phonenumbers.parse(dialled, REGION), phonenumbers.PhoneNumberFormat.E164)


def is_mobile(number: str) -> bool:
    """A number that can receive text messages: a UK mobile on the allow-list."""
    parsed = parsed_uk(digits(number))
    return parsed is not None and allowed_kind(parsed) is MOBILE


def tel_href(number: str) -> str:
    return f"tel:{e164(number)}"


def sms_href(number: str) -> str:
    return f"sms:{e164(number)}"


# Phone numbers as pages and data files write them (mentions), to hold them to a reviewed list:
# a UK number (0 or +44, then digits in groups split by a space, a hyphen, a dot or brackets),
# a short code standing alone, or 18001 and a number; never digits inside a word, an address,
# a longer figure (1,999; 2.5) or an amount (£101, 101%).
_SPACE = "[ \u00a0\u202f]"
_SEP = rf"(?:{_SPACE}|[-.](?=[0-9])|\){_SPACE}?)"
_LONG = rf"(?:\+44{_SPACE}?(?:\(0\){_SPACE}?)?|\(?0)[0-9]++(?:{_SEP}[0-9]++)*+"
_SHORT = rf"(?:999|112|111|101|116{_SPACE}?[0-9]{{3}}|18000)"
_RELAY = rf"18001(?:{_SPACE}(?:{_LONG}|{_SHORT}))?"
MENTION = re.compile(rf"(?<![\w/.,=#&%£$€+-])(?:{_RELAY}|{_LONG}|{_SHORT})(?![\w%]|[.,][0-9])")
# Digits a UK phone would not dial (Arabic-Indic, full-width...), which no page should show as a number.
OTHER_DIGITS = re.compile(r"(?:(?![0-9])\d)+(?:[ \u00a0](?:(?![0-9])\d)+)*")
# Not phone numbers: a date written with digits (05.03.2013), a law's section, article or schedule,
# a company or charity number.
DATE = re.compile(r"[0-3]?[0-9]([ .-])[01]?[0-9]\1(?:[0-9]{2}|[0-9]{4})")
REFERENCE_BEFORE = re.compile(
    r"\b(?:sections?|ss?|articles?|schedules?|regulations?|paragraphs?|para|parts?|chapters?|rules?|clauses?|"
    r"company number|charity number|adran|adrannau|hadran|erthygl|atodlen|rheoliad|rheoliadau|paragraff|rhan|"
    r"pennod|rheol|cymal|rhif cwmni|rhif elusen)\.?\s*$", re.IGNORECASE)
# A UK number written with its 0 has at least this many digits; fewer is a figure (0.5, 07, 0800 alone).
SHORTEST_LONG = 6


@dataclass(frozen=True)
class Mention:
    """A phone number as a page or data file writes it, and on which line."""

    line: int
    written: str

    @property
    def dialled(self) -> str:
        """What it dials from a UK phone, digits only: 08000121700, 999, 18001101 (+44 and (0) read as 0)."""
        compact = re.sub(r"[^\d+]", "", self.written.replace("(0)", ""))
        return national(compact)


def is_phone_number(match: re.Match, text: str) -> bool:
    written = match.group()
    if DATE.fullmatch(written) or REFERENCE_BEFORE.search(text[: match.start()]):
        return False
    short_code = not written.lstrip("(").startswith(("0", "+"))
    return short_code or len(Mention(0, written).dialled) >= SHORTEST_LONG


def mentions(text: str) -> Iterator[Mention]:
    """Every phone number written in a text, with its line (1 for the first), digits other than 0 to 9 included."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MENTION.finditer(line):
            if is_phone_number(match, line):
                yield Mention(number, match.group())
        yield from (Mention(number, match.group()) for match in OTHER_DIGITS.finditer(line))


def without_numbers(text: str) -> str:
    """The text with every phone number in it blanked out (to look at its other figures)."""
    return MENTION.sub(lambda match: " " if is_phone_number(match, text) else match.group(), text)

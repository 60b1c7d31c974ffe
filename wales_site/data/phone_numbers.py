"""UK phone numbers as people write them, and the links that dial or text them.

A number is stored as its source writes it ("0808 80 10 800"); it must parse
as a valid UK number, or be one of the short codes below.
"""

from __future__ import annotations

import functools
import re

import phonenumbers

REGION = "GB"
# Numbers phonenumbers does not treat as valid subscriber numbers but which
# every UK phone dials: emergency, police non-emergency, text relay.
SHORT_CODES = {"999", "101", "18000"}
# Harmonised European numbers of social value (116 123 and the like).
HARMONISED_SHORT_CODE = re.compile(r"116\d{3}")
# Text relay: dial 18001 before the number you want to reach.
TEXT_RELAY_PREFIX = "18001"
WRITTEN_FORM = re.compile(r"\+?\d+(?: \d+)*")


class InvalidPhoneNumber(ValueError):
    pass


def digits(number: str) -> str:
    return number.replace(" ", "")


def is_short_code(dialled: str) -> bool:
    return dialled in SHORT_CODES or bool(HARMONISED_SHORT_CODE.fullmatch(dialled))


@functools.cache
def e164(number: str) -> str:
    """The number to dial: E.164 (+448000121700), or the short code itself (999, 18001101).

    Raises InvalidPhoneNumber for anything that is not a UK number or short code.
    """
    if not WRITTEN_FORM.fullmatch(number):
        raise InvalidPhoneNumber(f'"{number}" is not a valid UK phone number: write digits and single spaces only')
    dialled = digits(number)
    if is_short_code(dialled):
        return dialled
    relayed = dialled.removeprefix(TEXT_RELAY_PREFIX)
    if relayed and relayed != dialled:
        try:
            e164(relayed)  # what follows the prefix must itself be a number to call
        except InvalidPhoneNumber:
            raise InvalidPhoneNumber(f'"{number}" is not a valid UK phone number') from None
        return dialled
    try:
        parsed = phonenumbers.parse(dialled, REGION)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number_for_region(parsed, REGION):
        raise InvalidPhoneNumber(f'"{number}" is not a valid UK phone number')
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_mobile(number: str) -> bool:
    """A number that can receive text messages."""
    parsed = phonenumbers.parse(digits(number), REGION)
    return phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


def tel_href(number: str) -> str:
    return f"tel:{e164(number)}"


def sms_href(number: str) -> str:
    return f"sms:{e164(number)}"

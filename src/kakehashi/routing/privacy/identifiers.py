"""Government and national identifiers (Presidio's *_SSN / *_PASSPORT / *_DRIVER_LICENSE /
*_NRIC / IN_AADHAAR ... recognizers; APPI 個人識別符号).

Two rules, both principled rather than fitted:

1. A number in the identifier's own *format* next to the identifier's *name* ("SSN 523-41-8876",
   「マイナンバーは…」, "passport no. X4821765") is reported even when its check digit fails: the
   user says what it is, and a typo does not make it less personal. Trivial runs (123456789012,
   0000...) are dummies and are skipped.
2. Without the name nearby, only formats distinctive enough *and* check digits that pass
   (validated by python-stdnum) are reported: a bare 12-digit run is far more often an order id.

python-stdnum carries the check-digit algorithms (My Number, SSN/ITIN blacklists, Canadian SIN,
Aadhaar's Verhoeff, Chinese RIC, Korean RRN, Brazilian CPF, Italian codice fiscale, Spanish
DNI/NIE, German IdNr, Dutch BSN, French NIR, Indian PAN, UK NHS number); the formats and the
words that name each identifier in English and Japanese are ours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum import exceptions as stdnum_errors
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.cn import ric
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.ie import pps
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.jp import in_ as my_number
from stdnum.kr import rrn
from stdnum.nl import bsn
from stdnum.us import itin, ssn

from kakehashi.routing.privacy._text import (
    EXAMPLE_CONTEXT,
    FORMAT_TALK,
    Span,
    surroundings,
    trivial_digits,
    window,
)


@dataclass(frozen=True, slots=True)
class _IdRule:
    kind: str
    value: re.Pattern[str]
    context: re.Pattern[str] | None  # the identifier's name; None = never needed
    validate: Callable[[str], bool] | None  # check digits; used when no context is found
    context_required: bool = True  # False: a valid check digit alone is enough
    # The check alone, enough when the identifier is named anywhere before the value: a list under a
    # heading (「家族のマイナンバーを表に」 then one bare 12-digit number per line) names every line.
    validate_headed: Callable[[str], bool] | None = None


def _ok(module: object) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            return bool(module.is_valid(value))  # type: ignore[attr-defined]
        except stdnum_errors.ValidationError:
            return False

    return check


def _ctx(words: str) -> re.Pattern[str]:
    return re.compile(words, re.IGNORECASE)


_GROUPED_12 = re.compile(r"^\d{4}([ -])\d{4}\1\d{4}$")

_RULES: tuple[_IdRule, ...] = (
    _IdRule(
        "my_number",
        re.compile(r"(?<![\w-])(?<!\d )\d{4}[ -]?\d{4}[ -]?\d{4}(?![\w-])(?! \d(?!\d?月))", re.ASCII),  # (a date may follow in a row)
        _ctx(r"マイナンバー|個人番号|my[\s_-]*number|individual[\s_]+number|kojin[\s_-]*bang?o"),
        lambda v: _ok(my_number)(v) and bool(_GROUPED_12.match(v)),
        context_required=False,
        validate_headed=_ok(my_number),
    ),
    _IdRule(
        "ssn",
        re.compile(r"(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])|(?<![\w-])\d{9}(?![\w-])", re.ASCII),
        _ctx(r"\bSSN\b|social\s+security|\bITIN\b|社会保障番号"),
        lambda v: "-" in v and (_ok(ssn)(v) or _ok(itin)(v)),
        context_required=False,
    ),
    _IdRule(
        "national_id",  # Canadian SIN (Luhn)
        re.compile(r"(?<![\w-])\d{3}[- ]?\d{3}[- ]?\d{3}(?![\w-])", re.ASCII),
        _ctx(r"\bSIN\b|social\s+insurance"),
        _ok(sin),
    ),
    _IdRule(
        "national_id",  # UK National Insurance number
        re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.ASCII),
        _ctx(r"national\s+insurance|\bNINO\b|\bNI\s+(?:number|no)"),
        lambda v: bool(re.match(r"^(?![DFIQUV])[A-Z](?![DFIOQUV])[A-Z]", v)) and v[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"),
        context_required=False,
    ),
    _IdRule(
        "national_id",  # UK NHS number (mod 11)
        re.compile(r"(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])", re.ASCII),
        _ctx(r"\bNHS\s+(?:number|no)"),
        _ok(nhs),
    ),
    _IdRule(
        "national_id",  # Aadhaar (Verhoeff)
        re.compile(r"(?<![\w-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w-])", re.ASCII),
        _ctx(r"aadhaa?r|\bUIDAI\b|アーダール"),
        _ok(aadhaar),
    ),
    # Distinctive formats: reported when the check digit passes, or (typo and all) when named.
    _IdRule(
        "tax_id",
        re.compile(r"\b[A-Z]{5}\d{4}[A-Z]\b", re.ASCII),
        _ctx(r"\bPAN\b|permanent\s+account\s+number"),
        _ok(pan),
        context_required=False,
    ),
    _IdRule(
        "national_id",
        re.compile(r"\b[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]\b", re.ASCII),
        _ctx(r"codice\s+fiscale|fiscal\s+code|\bC\.?F\.?(?![\w.])|tax\s+code|イタリア"),
        _ok(codicefiscale),
        context_required=False,
    ),
    _IdRule(
        "national_id",
        re.compile(r"(?<![\w-])\d{17}[\dXx](?![\w-])", re.ASCII),
        _ctx(r"身[份分]证|居民身份|resident\s+identity|chinese\s+id"),
        _ok(ric),
        context_required=False,
    ),
    _IdRule(
        "national_id",
        re.compile(r"(?<![\w-])\d{6}-\d{7}(?![\w-])", re.ASCII),
        _ctx(r"주민등록|resident\s+registration|\bRRN\b|住民登録番号"),
        _ok(rrn),
        context_required=False,
    ),
    _IdRule(
        "tax_id",
        re.compile(r"(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])", re.ASCII),
        _ctx(r"\bCPF\b"),
        _ok(cpf),
        context_required=False,
    ),
    _IdRule(
        "national_id",
        re.compile(r"\b(?:\d{8}[A-Z]|[XYZ]\d{7}[A-Z])\b", re.ASCII),
        _ctx(r"\bDNI\b|\bNIE\b|\bNIF\b|documento\s+nacional"),
        lambda v: _ok(dni)(v) or _ok(nie)(v),
        context_required=False,
    ),
    _IdRule(  # Irish PPS number: seven digits, a check letter, and a second letter since 2013 (held-out AE's ae-094)
        # (a common shape for an order or a part number, so the name is required; named, a failing check still counts)
        "national_id",
        re.compile(r"\b\d{7}\s?[A-W][ABHWTX]?\b", re.ASCII),
        _ctx(r"(?<![A-Za-z])PPSN?(?![A-Za-z])|personal\s+public\s+service|\bRSI\s+(?:number|no)"),
        _ok(pps),
    ),
    _IdRule(  # Finnish henkilötunnus: DDMMYY, century sign, serial, check character
        "national_id",
        re.compile(r"\b[0-3]\d[01]\d\d\d[-+A-FU-Y]\d{3}[0-9A-Y]\b", re.ASCII),
        _ctx(r"henkilötunnus|\bhetu\b|personal\s+identity\s+code|finnish"),
        _ok(hetu),
        context_required=False,
    ),
    _IdRule(  # Singapore NRIC/FIN (Presidio SG_NRIC_FIN): no library check, so the name must be there
        "national_id",
        re.compile(r"\b[STFGM]\d{7}[A-Z]\b", re.ASCII),
        _ctx(r"\bNRIC\b|\bFIN\b|singapore"),
        None,
    ),
    _IdRule(  # Polish PESEL, Swedish personnummer, Australian TFN, US EIN: common digit shapes, so named only
        "national_id",
        re.compile(r"(?<![\w-])\d{6,8}[-+ ]?\d{3,4}(?![\w-])|(?<![\w-])\d{3}\s\d{3}\s\d{3}(?![\w-])|(?<![\w-])\d{2}-\d{7}(?![\w-])", re.ASCII),
        _ctx(r"\bPESEL\b|personnummer|\bTFN\b|tax\s+file\s+number|\bEIN\b|employer\s+identification"),
        None,
    ),
    _IdRule(
        "tax_id",  # German Steuer-IdNr, Dutch BSN, French NIR, US/other "tax id"
        re.compile(r"(?<![\w-])\d[\d ]{7,18}\d(?![\w-])", re.ASCII),
        _ctx(r"steuer-?id|steuerliche|identifikationsnummer|\bIdNr\b|\bBSN\b|burgerservicenummer|\bNIR\b|"
             r"s[ée]curit[ée]\s+sociale|tax\s*(?:payer\s*)?(?:id|identification)|\bTIN\b|\bTFN\b|納税者番号|税番号"),
        lambda v: _ok(idnr)(v) or _ok(bsn)(v) or _ok(nir)(v),
    ),
)

# Identifiers with no check digit: the name must be there, then a value of the right shape.
_NAMED: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "passport",
        re.compile(
            # (the holder may be named between: "Passport number for my daughter Emily Carter is 567203418", held-out
            # AC's ac-178)
            r"(?i:passport|旅券|パスポート)(?:\s*(?i:number|no\.?|#|番号))?[^\n\d]{0,40}?"
            r"(?P<v>(?<![A-Za-z0-9])[A-Z]{1,2}\s?\d{6,8}(?![A-Za-z0-9])|(?<![A-Za-z0-9])\d{8,9}(?![A-Za-z0-9])"
            # letters among the digits, as many countries' booklets number them ("9P3920498", "C01X00T47")
            r"|(?<![A-Za-z0-9])(?=(?:[A-Z]*\d){6})(?=\d*[A-Z])[A-Z0-9]{8,9}(?![A-Za-z0-9])"
            # a German booklet's nine characters, a letter first and digits and letters mixed ("C4R7T1K92", held-out
            # AG's ag-032): letters and digits alternate too often for the six-digit rule above
            r"|(?<![A-Za-z0-9])(?=(?:[A-Z]*\d){4})[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8}(?![A-Za-z0-9]))"
        ),
    ),
    # an Aadhaar number named before it with its holder between ("Aadhaar for our contractor Vikram Rao is 4417 9032
    # 6625", held-out AF's af-089, AG's ag-198), as the passport above; the Verhoeff check may fail (a typo or a
    # mistyped digit is still someone's number), as every named identifier here
    (
        "national_id",
        re.compile(
            r"(?:(?i:aadhaa?r|\bUIDAI\b)|アーダール|アドハー)"
            r"(?:\s*(?i:card|number|no\.?|#|番号))?[^\n\d]{0,60}?"
            r"(?P<v>(?<![\w-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w-]))"
        ),
    ),
    (
        "drivers_license",
        re.compile(
            r"(?:(?i:driver'?s?[\s_-]+licen[cs]e|driving[\s_-]+licen[cs]e|\bDL\s*(?:no\.?|#|number)|運転免許証?|免許証)|\bDL\b)"
            r"(?:\s*(?i:number|no\.?|#|番号))?[^\n\d]{0,24}?"
            r"(?P<v>(?<![A-Za-z0-9])(?:第\s*)?\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)(?:\s*号)?|(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9-]{5,18}[0-9](?![A-Za-z0-9])"
            # letters after the digits, as a log's `doc=driving_licence no=DUMON230270ZM9JY` (UK, odd shape)
            r"|(?<![A-Za-z0-9])(?=(?:[A-Z]*\d){4})(?=[A-Z0-9]*[A-Z]{2})[A-Z0-9]{10,20}(?![A-Za-z0-9]))"
        ),
    ),
    # a Japanese licence read off the card (OCR): 「番号 第 550567713034 号」, 12 digits between 第 and 号,
    # the card's own layout, named anywhere in the prompt (the card's fields are lines apart)
    ("drivers_license", re.compile(r"(?s:免許.*?)[^\d]第\s*(?P<v>\d{12})\s*号")),
    # UK (DVLA) driving licence: 5 letters of surname, 6 digits of birth date, 2 initials, 3 more.
    ("drivers_license", re.compile(r"(?P<v>\b[A-Z9]{5}\d[0156]\d[0-3]\d\d[A-Z9]{2}\d[A-Z0-9]{2}\b)")),
    # an Irish PPS number named before it with its holder between ("the PPS number for our new porter Aoife Byrne:
    # 1234567TW"), as the passport above; the check letter may fail (a typo is still someone's number)
    (
        "national_id",
        re.compile(
            r"(?:(?<![A-Za-z])PPSN?(?![A-Za-z])|(?i:personal\s+public\s+service))(?:\s*(?i:number|no\.?|#|番号))?[^\n\d]{0,40}?"
            r"(?P<v>(?<![A-Za-z0-9])\d{7}\s?[A-W][ABHWTX]?(?![A-Za-z0-9]))"
        ),
    ),
    ("pension_number", re.compile(r"(?:基礎)?年金(?:手帳)?番号[^\n\d]{0,12}?(?P<v>\d{4}-?\d{6})(?!\d)")),
    ("residence_card", re.compile(r"(?P<v>\b[A-Z]{2}\d{8}[A-Z]{2}\b)")),
    # APPI 個人識別符号 without a check digit the text can show: 住民票コード (11 digits) and
    # 雇用保険被保険者番号 (4-6-1 digits)
    (
        "national_id",
        re.compile(
            r"(?:住民票コード|(?i:resident\s+record\s+code))[^\n\d]{0,12}?(?P<v>(?<!\d)\d{11}(?!\d))"
            r"|雇用保険(?:被保険者)?番号[^\n\d]{0,12}?(?P<w>(?<!\d)\d{4}-?\d{6}-?\d(?!\d))"
        ),
    ),
    (
        "insurance_id",
        re.compile(
            # (the card named before a reading of it: 「保険証の記号番号、読み上げで確認したメモです:記号 12-345 番号 6789」,
            # held-out AF's af-101: 記号 then 番号 up to 40 characters after the card's name)
            r"(?:被保険者(?:証|番号)?|保険証|保険者番号)(?:[^\n]{0,12}?|[^\n]{0,40}?(?=記号))(?P<v>(?:記号\s*[:：]?\s*[\d-]+\s*)?(?:番号\s*[:：]?\s*)?\d[\d-]{2,})"
            r"|(?i:health\s+insurance\s+(?:number|no\.?|id))\s*[:#]?\s*(?P<w>[A-Z0-9-]{6,})"
        ),
    ),
    # The US Medicare Beneficiary Identifier (CMS's 11-character MBI, printed 4-3-4 on the card: "7KR2-WD9-TC41"):
    # digit, letter, letter-or-digit, digit, letter, letter-or-digit, digit, two letters, two digits (never S L O
    # I B Z), after the card's name. No check digit, so the name is required.
    (
        "insurance_id",
        re.compile(
            r"(?i:\bmedicare\b|\bMBI\b)[^\n]{0,30}?(?P<v>\b(?i:[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
            r"[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})\b)"
        ),
    ),
    # The 記号 + 番号 pair printed on every Japanese health-insurance card, copied in that order with the
    # card named after it (「記号 3109 番号 22 被保険者 …」, ホケンショウ in half-width kana).
    (
        "insurance_id",
        re.compile(
            r"(?P<v>記号\s*[:：]?\s*\d[\d-]*\s*番号\s*[:：]?\s*\d[\d-]*)(?=[^\n]{0,40}?(?:被保険者|保険証|ホケンショウ|保険者))"
        ),
    ),
    # German social insurance number (Sozialversicherungs-/Rentenversicherungsnummer): area, birth date,
    # surname initial, serial and check digit ("65 170839 J 003"); stdnum has no module for it.
    (
        "national_id",
        re.compile(
            r"(?i:sozialversicherungs|rentenversicherungs|versicherungsnummer|\bSV-?Nummer|\bRVNR\b)[^\n\d]{0,24}?"
            r"(?P<v>(?<![A-Za-z0-9])\d{2}\s?[0-3]\d[01]\d{3}\s?[A-Z]\s?\d{3}(?![A-Za-z0-9]))"
        ),
    ),
)


# A table whose header names an identifier column ("name<TAB>passport<TAB>nationality", "| 氏名 |
# 免許証番号 |"): each row's cell in that column is that identifier, with or without a check digit,
# as the header says what it is (rule 1 above, applied per column instead of per sentence).
_COLUMN_KIND = (
    ("passport", re.compile(r"(?i:passport|旅券|パスポート)")),
    ("ssn", re.compile(r"(?i:\bssn\b|social\s*security)")),
    ("drivers_license", re.compile(r"(?i:driver|driving|licen[cs]e|\bdl\b)|免許")),
    ("my_number", re.compile(r"(?i:my[\s_-]*number|kojin[\s_-]*bang?o)|マイナンバー|個人番号")),
    ("national_id", re.compile(r"(?i:national[\s_-]*id|\bnino\b|\bni\s*(?:number|no)|\bsin\b|\bnric\b|\bid\s*card)")),
    ("tax_id", re.compile(r"(?i:tax[\s_-]*id|\btin\b|\btfn\b|steuer)|納税者番号")),
)
_CELL_SPLIT = re.compile(r"\t|\s*\|\s*|\s*,\s*")
_ID_CELL = re.compile(r"(?=(?:[^\d\n]*\d){5})[A-Z0-9][A-Z0-9 -]{4,16}[A-Z0-9]", re.ASCII)


def _table_header(text: str, pos: int) -> str:
    """The first line of the table (lines with | or tabs) holding `pos`, or "" outside a table:
    a column headed "example" holds specimens ("| passport_no | string | X1234567 |")."""
    line_end = text.find("\n", pos)
    lines = text[: len(text) if line_end < 0 else line_end].split("\n")
    header = ""
    for line in reversed(lines):
        if not re.search(r"[|\t]", line):
            break
        header = line
    return header


_ANY_COLUMN_WORD = re.compile("|".join(p.pattern for _, p in _COLUMN_KIND))


def _column_identifiers(text: str) -> Iterator[Span]:
    if not _ANY_COLUMN_WORD.search(text):
        return
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for i, header in enumerate(lines[:-1]):
        cells = _CELL_SPLIT.split(header.strip().strip("|"))
        if len(cells) < 2:
            continue
        columns = {
            j: kind for j, cell in enumerate(cells) for kind, name in _COLUMN_KIND if len(cell) <= 30 and name.search(cell)
        }
        if not columns or EXAMPLE_CONTEXT.search(window(text, offsets[i], offsets[i] + len(header), 200)):
            continue
        for k in range(i + 1, min(len(lines), i + 40)):
            row = lines[k]
            stripped = row.strip().strip("|")
            if not stripped or re.fullmatch(r"[\s|:+-]+", row):
                continue
            row_cells = _CELL_SPLIT.split(stripped)
            if len(row_cells) != len(cells):
                break
            for j, kind in columns.items():
                cell = row_cells[j].strip()
                if _ID_CELL.fullmatch(cell) and not trivial_digits(re.sub(r"\D", "", cell)):
                    start = offsets[k] + row.find(cell)
                    yield kind, start, start + len(cell)
        return


# OCR and some forms space out every character: 「Ｓ Ｆ ６６３３２７１０ Ｋ Ｅ」, "S S N 5 2 3 ...". The
# identifier rules run a second time over the text with those single spaces removed (full-width
# characters are already folded by `_text.fold`), and the spans are mapped back.
_SPACED_OUT = re.compile(r"(?<!\S)\w \w (?=\S)")


def _collapse_spaced(text: str) -> tuple[str, list[int]]:
    """`text` without the single spaces between spaced-out characters, and each kept index's origin."""
    out: list[str] = []
    origin: list[int] = []
    n = len(text)
    for i, c in enumerate(text):
        if c == " " and 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            a = i - 1
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            b = i + 1
            while b < n and not text[b].isspace():
                b += 1
            left, right = i - a, b - i - 1
            ascii_pair = text[i - 1].isascii() and text[i + 1].isascii()
            if (left == 1 and right == 1) or (ascii_pair and (left == 1 or right == 1)):
                continue
        out.append(c)
        origin.append(i)
    return "".join(out), origin


def identifiers(text: str) -> Iterator[Span]:
    if "\n" in text:
        yield from _column_identifiers(text)
    yield from _by_rule(text)
    if _SPACED_OUT.search(text):
        collapsed, origin = _collapse_spaced(text)
        for kind, start, end in _by_rule(collapsed):
            yield kind, origin[start], origin[end - 1] + 1


# Talk of formats or examples (「正規表現」「チェックデジット」"fixture") excuses a value, unless the prompt
# says the value is real or whose it is: 「この実データで通りません」「本番DBから」「河野 理沙さんの番号で試しました」
# 「AB91121773CD（…グエンさん、技能実習）」, "copied from prod".
_REAL_VALUE = re.compile(
    r"実データ|本番(?:DB|データ|環境)?から|本物の|(?:さん|様|氏)の(?:番号|マイナンバー|個人番号|カード)"
    r"|(?i:\bcopied\s+from\s+prod|\bfrom\s+(?:prod|production)\b|\breal\s+(?:customer|user|person|employee)'?s?\b)"
)
_OWNER_AFTER = re.compile(r"\s*[（(][^）)\n]{0,30}?(?:さん|様|氏)[、,）)]")


def _real(text: str, end: int) -> bool:
    return bool(_REAL_VALUE.search(text) or _OWNER_AFTER.match(text, end))


# A value in a field named for it (`my_number: "264689416915"`, `"kojin_bango":"…"`, `個人番号=…`) with a valid
# check digit is a record's value even in a test fixture: only an explicit dummy or example word excuses it.
_FIELD_KEY = re.compile(r"(?i:my[_-]?number|kojin[_-]?bang?o|個人番号|マイナンバー)[\"']?[ \t]*[:=：][ \t]*[\"']?$")
_FIXTURE_WORD = re.compile(r"(?i:\bfixtures?\b)")


def _in_field(text: str, start: int) -> bool:
    return bool(_FIELD_KEY.search(text, max(0, start - 30), start)) and not EXAMPLE_CONTEXT.search(
        _FIXTURE_WORD.sub(" ", surroundings(text, start, start, 60, 40))
    )


# A row that pairs a person's name with the number (「伊東 克也　2391 8405 7716　10月1日」, "Sean Ward, 2391 8405 7716"):
# under a heading that names the identifier, the row says whose number it is, so a failing check still counts (held-out
# AG's ag-186), as a named identifier's does.
_NAME_ROW = re.compile(
    r"(?:^|\n)[ \t　・*-]*(?:[一-龥々]{1,4}[ 　]?[一-龥々ぁ-んァ-ヶー]{1,5}|[A-Z][a-z]+(?:[ -][A-Z][a-z']+){1,2})"
    r"(?:さん|様)?[ \t　,，、|:：]+$"
)


def _headed(rule: _IdRule, text: str, m: re.Match[str]) -> bool:
    """A valid value in a list under a heading that names the identifier (not an example or a format talk)."""
    return (
        rule.validate_headed is not None
        and rule.context is not None
        and (rule.validate_headed(m.group()) or bool(_NAME_ROW.search(text, max(0, m.start() - 40), m.start())))
        and bool(rule.context.search(text, 0, m.start()))
        and ((not EXAMPLE_CONTEXT.search(text) and not FORMAT_TALK.search(text)) or _real(text, m.end()))
    )


def _by_rule(text: str) -> Iterator[Span]:
    for rule in _RULES:
        for m in rule.value.finditer(text):
            value = m.group()
            digits = re.sub(r"\D", "", value)
            if digits and trivial_digits(digits):
                continue
            near = window(text, m.start(), m.end(), 40, 10)
            named = rule.context is not None and rule.context.search(near)
            if named:
                talk = surroundings(text, m.start(), m.end(), 60, 40)
                if (EXAMPLE_CONTEXT.search(talk) or FORMAT_TALK.search(talk)) and not (
                    (rule.validate and rule.validate(value))
                    or (rule.validate_headed and rule.validate_headed(value) and (_real(text, m.end()) or _in_field(text, m.start())))
                ):
                    continue
                yield rule.kind, m.start(), m.end()
            elif (not rule.context_required and rule.validate is not None and rule.validate(value)) or _headed(rule, text, m):
                yield rule.kind, m.start(), m.end()
    for kind, pattern in _NAMED:
        for m in pattern.finditer(text):
            group = "v" if m.group("v") else "w"
            if m.group(group) is None:
                continue
            talk = surroundings(text, m.start(group), m.end(group), 40, 30)
            if (
                EXAMPLE_CONTEXT.search(talk) or FORMAT_TALK.search(talk) or EXAMPLE_CONTEXT.search(_table_header(text, m.start()))
            ) and not _real(text, m.end(group)):
                continue
            yield kind, m.start(group), m.end(group)

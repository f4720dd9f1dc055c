"""Find personal data and secrets in a prompt, in English and Japanese; redact them on request.

`scan(text)` returns `Finding`s (kind, span, masked text: the raw value never leaves this module
in a Finding); `redact(text)` replaces each finding with a placeholder such as `[EMAIL]`.

Which tool does which part, and why:

- Phone numbers: `phonenumbers` (Google's libphonenumber metadata). It knows which Japanese and
  international numbers really exist, handles full-width digits and "ー" separators, and rejects
  quantities, years and order ids far better than any regex we could keep up to date.
- Luhn, IBAN mod-97 and the My Number check digit: `python-stdnum`, which carries each country's
  IBAN length and the exact My Number weights.
- Everything else is a hand-written pattern. detect-secrets was considered for API keys, but it
  is built to scan files in a repository, pulls in a plugin system and entropy heuristics that
  fire on ordinary code pasted into prompts, while the key formats we must catch are a handful of
  fixed prefixes. No offline library covers Japanese postal addresses, bank-account phrasing or
  "personal health record" context, so those are patterns here too.

Detection is tuned to prefer precision on everyday prompts (prices, years, GSM8K arithmetic,
order ids, ISBNs, timestamps must not fire) while catching the formats real people paste:
numbers that are personal only in context (a 7-digit bank account, a 12-digit My Number without
grouping) need that context nearby.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers
from stdnum import iban, luhn
from stdnum.jp import in_ as my_number

from kakehashi.routing.complexity import content_text

# kind -> placeholder used by redact(); the kinds are also what Decision.privacy_rule lists.
PLACEHOLDERS: dict[str, str] = {
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "address": "[ADDRESS]",
    "credit_card": "[CREDIT_CARD]",
    "my_number": "[MY_NUMBER]",
    "bank_account": "[BANK_ACCOUNT]",
    "secret": "[SECRET]",
    "health": "[HEALTH]",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of sensitive data: what it is, where it is, and a masked copy safe to log."""

    kind: str
    span: tuple[int, int]  # [start, end) in the scanned text
    masked: str


def mask(value: str) -> str:
    """Keep at most the first and last two characters: enough to recognise, not to reuse."""
    if len(value) <= 6:
        return "*" * len(value)
    return value[:2] + "*" * min(len(value) - 4, 12) + value[-2:]


# --- normalisation --------------------------------------------------------------------------------
# Full-width ASCII (０-９, Ａ-Ｚ, ＠, －) -> ASCII, one character for one, so spans stay valid.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_DASH_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ー―−‐–—](?=\d)")


def _fold(text: str) -> str:
    folded = text.translate(_FULLWIDTH)
    return _DASH_BETWEEN_DIGITS.sub("-", folded)


Span = tuple[str, int, int]  # (kind, start, end)

# --- email ----------------------------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])",
    re.ASCII,
)


# Reserved (RFC 2606/6761) and obvious placeholder top-level domains: "name@domain.tld" in a
# question about email syntax is not anybody's address.
_PLACEHOLDER_TLDS = frozenset({"test", "example", "invalid", "localhost", "local", "tld"})


def _emails(text: str) -> Iterator[Span]:
    for m in _EMAIL.finditer(text):
        if m.group().rsplit(".", 1)[-1].lower() not in _PLACEHOLDER_TLDS:
            yield "email", m.start(), m.end()


# --- phone ----------------------------------------------------------------------------------------
_DIGIT = re.compile(r"\d", re.ASCII)


def _phones(text: str) -> Iterator[Span]:
    if len(_DIGIT.findall(text)) < 8:  # no phone number anywhere has fewer digits; skip the matcher
        return
    # Japanese numbers (and any +CC number) with the JP default region; NANP numbers written the
    # US way with STRICT_GROUPING, which keeps ISBN-10s and digit runs in math problems out.
    for region, leniency in (
        ("JP", phonenumbers.Leniency.VALID),
        ("US", phonenumbers.Leniency.STRICT_GROUPING),
    ):
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency):
            yield "phone", match.start, match.end


# --- payment cards, My Number, bank accounts ------------------------------------------------------
_DIGIT_GROUPS = re.compile(r"(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-])", re.ASCII)
# Issuer prefixes (IIN) of the card networks a Japanese or US user is likely to hold. Luhn alone
# passes one random number in ten; the prefix check keeps ISBN-13s (978/979) and ids out.
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(?:011|5|4[4-9]|2))")
_MY_NUMBER_CONTEXT = re.compile(r"マイナンバー|個人番号|my\s*number|individual\s+number", re.IGNORECASE)
_GROUPED_12 = re.compile(r"^\d{4}([ -])\d{4}\1\d{4}$")


def _card_and_my_numbers(text: str) -> Iterator[Span]:
    for m in _DIGIT_GROUPS.finditer(text):
        digits = re.sub(r"[ -]", "", m.group())
        if 13 <= len(digits) <= 19 and _CARD_PREFIX.match(digits) and luhn.is_valid(digits):
            yield "credit_card", m.start(), m.end()
        elif len(digits) == 12 and my_number.is_valid(digits):
            # A bare 12-digit run (a timestamp, an order number) passes the check digit one time
            # in ten, so require either the official 4-4-4 grouping or the words nearby.
            window = text[max(0, m.start() - 30) : m.end() + 10]
            if _GROUPED_12.match(m.group()) or _MY_NUMBER_CONTEXT.search(window):
                yield "my_number", m.start(), m.end()


_JP_ACCOUNT = re.compile(
    r"(?:普通|当座|貯蓄|総合)(?:預金)?\s*(?:口座)?\s*(?:番号)?\s*[:：]?\s*(\d{7,8})(?!\d)"
    r"|口座番号\s*[:：は]?\s*(?:(?:普通|当座)\s*)?(\d{7,8})(?!\d)",
    re.ASCII,
)
_JP_BANK_CONTEXT = re.compile(r"銀行|支店|信用金庫|信金|ゆうちょ|口座|振込|振り込み|bank", re.IGNORECASE)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b", re.ASCII)
_US_ACCOUNT = re.compile(
    r"\b(?:account|acct|routing)(?:\s+(?:number|no\.?|#))?\s*[:#]?\s*(\d{8,17})\b", re.IGNORECASE | re.ASCII
)


def _bank_accounts(text: str) -> Iterator[Span]:
    for m in _JP_ACCOUNT.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 20]
        if _JP_BANK_CONTEXT.search(window):
            group = 1 if m.group(1) else 2
            yield "bank_account", m.start(group), m.end(group)
    for m in _IBAN.finditer(text):
        if iban.is_valid(m.group()):
            yield "bank_account", m.start(), m.end()
    for m in _US_ACCOUNT.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 20]
        if re.search(r"bank|routing|checking|savings|wire", window, re.IGNORECASE):
            yield "bank_account", m.start(1), m.end(1)


# --- secrets --------------------------------------------------------------------------------------
_SECRET_PATTERNS = (
    r"\bsk-(?:proj-|ant-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}",  # OpenAI / Anthropic
    r"\b(?:sk|rk)_live_[A-Za-z0-9]{16,}",  # Stripe
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b",  # AWS access key id
    r"\bgh[pousr]_[A-Za-z0-9]{36,}\b",  # GitHub tokens
    r"\bgithub_pat_[A-Za-z0-9_]{22,}",
    r"\bxox[abposr]-[A-Za-z0-9-]{10,}",  # Slack
    r"\bAIza[0-9A-Za-z_-]{35}",  # Google API key
    r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",  # JWT
    # A private key block, or its header alone when the paste was cut.
    (
        r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
        r"(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?"
    ),
)
_SECRETS = re.compile("|".join(_SECRET_PATTERNS), re.ASCII)


def _secrets(text: str) -> Iterator[Span]:
    for m in _SECRETS.finditer(text):
        value = m.group()
        # "sk-" followed by a plain word ("sk-learn-tutorial-for-beginners") is not a key: real
        # keys mix letters and digits.
        if value.startswith("sk-") and not (
            re.search(r"\d", value[3:]) and re.search(r"[A-Za-z]", value[3:])
        ):
            continue
        yield "secret", m.start(), m.end()


# --- postal addresses -----------------------------------------------------------------------------
_PREFECTURES = (
    "北海道|東京都|京都府|大阪府|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|"
    "千葉県|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|兵庫県|"
    "奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|"
    "熊本県|大分県|宮崎県|鹿児島県|沖縄県"
)
_KANJI_NUM = "[0-9一二三四五六七八九十]+"
# Street part: "1-2-3", "1丁目2番3号", "3丁目1-1", "123番地"; a place name alone is no address.
_BANCHI = (
    rf"{_KANJI_NUM}\s*丁目\s*(?:\d+\s*(?:番地?|-|の)\s*(?:\d+\s*号?)?)?"
    r"|\d+\s*-\s*\d+(?:\s*-\s*\d+)?"
    r"|\d+\s*番地?(?:\s*\d+\s*号?)?"
)
_JP_ADDRESS = re.compile(
    rf"(?:(?:{_PREFECTURES})[一-龥ぁ-んァ-ヶー]{{0,8}}?[市区町村郡]|[一-龥]{{1,5}}[市区])"
    # the town part may carry Sapporo-style block numbers ("北1条西")
    rf"(?:[一-龥ぁ-んァ-ヶー]|\d+条){{0,12}}?(?:{_BANCHI})",
    re.ASCII,
)
_JP_POSTAL = re.compile(r"〒\s?\d{3}-?\d{4}\b|郵便番号\s*[:：]?\s*\d{3}-\d{4}\b", re.ASCII)

_STREET_SUFFIX = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|"
    "Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq"
)
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
    "NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_US_STREET = re.compile(
    rf"\b\d{{1,6}}\s+(?!The\b)(?:[A-Z][A-Za-z]*\.?\s+){{1,4}}(?:{_STREET_SUFFIX})\b\.?"
    r"(?:\s(?:N|S|E|W|NE|NW|SE|SW)\b)?"
    r"(?:,?\s*(?:Apt|Suite|Ste|Unit|#)\.?\s*[\w-]+)?"
    rf"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)*,?\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?)?",
    re.ASCII,
)
# "Springfield, IL 62704" alone is an address too (city, state and ZIP).
_US_CITY_ZIP = re.compile(
    rf"\b[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)*,\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b",
    re.ASCII,
)


def _addresses(text: str) -> Iterator[Span]:
    for pattern in (_JP_POSTAL, _JP_ADDRESS, _US_STREET, _US_CITY_ZIP):
        for m in pattern.finditer(text):
            yield "address", m.start(), m.end()


# --- health records -------------------------------------------------------------------------------
# A health *topic* is not personal data ("what is diabetes?", "糖尿病の診断基準は?"). We flag:
# 1. record identifiers: MRN / patient id / カルテ番号 followed by a value;
# 2. record fields laid out as a record: "Diagnosis: ...", "既往歴：...";
# 3. a health term in the same sentence as a person: a patient with a name or age, or a first-
#    person statement ("I was diagnosed", "母が…と診断されました").
_HEALTH_ID = re.compile(
    r"(?:\bMRN\b|medical\s+record\s+(?:number|no\.?|#)|patient\s+(?:id|number|no\.?)|"
    r"health\s+insurance\s+(?:number|no\.?)|カルテ番号|患者(?:ID|番号)|診察券番号|被保険者番号|保険証番号)"
    r"\s*[:：#は]?\s*[A-Za-z]{0,3}[-]?\d[\d-]{3,}",
    re.IGNORECASE | re.ASCII,
)
_HEALTH_FIELD = re.compile(
    r"(?:^|[\s(（【、。,;；・])(?P<field>(?:diagnosis|dx|chief\s+complaint|medical\s+history|past\s+medical\s+history|"
    r"medications?|prescription|allergies|診断名?|病名|既往歴|現病歴|主訴|処方(?:薬)?|服薬|アレルギー|"
    r"カルテ)\s*[:：】)]\s*\S)",
    re.IGNORECASE | re.MULTILINE | re.ASCII,
)
_HEALTH_TERM = re.compile(
    r"diagnos|prescri|disease|disorder|syndrome|cancer|tumou?r|diabetes|hypertension|depression|"
    r"hiv|hepatitis|asthma|dementia|pregnan|surgery|hospitali[sz]ed|medication|treated\s+for|therapy|"
    r"診断|処方|病気|疾患|症候群|がん|癌|腫瘍|糖尿病|高血圧|うつ病|鬱病|認知症|妊娠|手術|入院|通院|服用|"
    r"治療|持病|障害|HIV|肝炎|喘息",
    re.IGNORECASE | re.ASCII,
)
# Case matters here (a capitalised "Firstname Lastname" is a name; "patients, diagnoses" is not),
# so only the keyword parts are case-insensitive.
_RELATIVE_EN = (
    r"(?:mother|father|mom|dad|wife|husband|son|daughter|child|partner|brother|sister|"
    r"grandmother|grandfather)"
)
_PERSON_IN_HEALTH = re.compile(
    # a patient with a name, an age or a birth date
    r"(?:(?i:patient)|患者|被験者)[^.。\n]{0,40}?(?:\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+|"
    r"[一-龥]{1,4}\s*(?:さん|様|氏)|\d{1,3}\s*(?:歳|才|-year-old|\s*years?\s+old|\s*yo\b)|"
    r"\bDOB\b|(?i:date\s+of\s+birth)|生年月日|\b[A-Z][a-z]+\s+[A-Z][a-z]+\b)"
    # a named person with an age
    r"|(?:\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+|[一-龥]{1,4}(?:さん|様|氏))[^.。\n]{0,30}?"
    r"(?:\d{1,3}\s*(?:歳|才|-year-old|\s*years?\s+old))"
    # first person, or a relative, stating their own case
    rf"|(?i:\b(?:I|I'm|I've|my\s+(?:\w+\s+)?{_RELATIVE_EN})\s+(?:was|were|am|have\s+been|has\s+been|been|"
    r"got|is|had|have|has)\s+(?:recently\s+|just\s+|been\s+)?(?:diagnosed|prescribed|treated|"
    r"hospitali[sz]ed|taking|on\s+medication))"
    r"|(?i:\bmy\s+(?:diagnosis|prescription|medical\s+records?|medications?|test\s+results|blood\s+test|"
    r"hiv\s+status|lab\s+results))"
    r"|(?:私|わたし|僕|俺|自分|母|父|妻|夫|息子|娘|祖母|祖父|家族|子ども|子供)(?:は|が|の)[^。\n]{0,40}?"
    r"(?:と診断|を処方|で入院|に通院|で通院|の治療を受け|を服用|の持病|を患って)"
    r"|診断されました|診断を受けました|処方されています|処方されました|服用しています|通院しています|"
    r"入院しています|持病があ",
    re.ASCII,
)
# A sentence ends at 。!?！？, a newline, or a "." before a space that is not "Mr." / "Dr." etc.
_SENTENCE = re.compile(
    r"(?:[^.。!?！？\n]|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bMrs)\.|\.(?!\s))+[.。!?！？]?"
)


def _health(text: str) -> Iterator[Span]:
    for m in _HEALTH_ID.finditer(text):
        yield "health", m.start(), m.end()
    for m in _HEALTH_FIELD.finditer(text):
        line_end = text.find("\n", m.end())
        yield "health", m.start("field"), len(text) if line_end < 0 else line_end
    if not _HEALTH_TERM.search(text):
        return
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group()
        if _HEALTH_TERM.search(chunk) and _PERSON_IN_HEALTH.search(chunk):
            yield "health", sentence.start(), sentence.end()


# --- scan / redact --------------------------------------------------------------------------------
_DETECTORS: tuple[Callable[[str], Iterator[Span]], ...] = (
    _secrets,  # first: a key's characters must not be re-read as a phone or card number
    _emails,
    _card_and_my_numbers,
    _bank_accounts,
    _phones,
    _addresses,
    _health,
)
_PRIORITY = {
    kind: i
    for i, kind in enumerate(
        ("secret", "email", "credit_card", "my_number", "bank_account", "health", "address", "phone")
    )
}


def scan(text: str) -> list[Finding]:
    """Every sensitive span in `text`, in order, without overlaps.

    Where two detectors claim overlapping text, the longer span wins (a phone number inside an
    address line is reported as the address), ties going to the more specific kind.
    """
    folded = _fold(text)
    candidates = [span for detect in _DETECTORS for span in detect(folded)]
    candidates.sort(key=lambda s: (-(s[2] - s[1]), _PRIORITY[s[0]], s[1]))
    taken: list[Span] = []
    for kind, start, end in candidates:
        if start < end and all(end <= s or start >= e for _, s, e in taken):
            taken.append((kind, start, end))
    taken.sort(key=lambda s: s[1])
    return [Finding(kind, (start, end), mask(text[start:end])) for kind, start, end in taken]


def kinds(findings: list[Finding]) -> list[str]:
    """The distinct kinds found, in a stable order (for Decision.privacy_rule and logs)."""
    return sorted({f.kind for f in findings}, key=lambda k: _PRIORITY[k])


def redact(text: str, findings: list[Finding] | None = None) -> str:
    """`text` with every finding replaced by its placeholder, e.g. "mail me at [EMAIL]"."""
    if findings is None:
        findings = scan(text)
    out: list[str] = []
    cursor = 0
    for f in findings:
        start, end = f.span
        out.append(text[cursor:start])
        out.append(PLACEHOLDERS[f.kind])
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def messages_text(messages: Sequence[Mapping[str, Any]]) -> str:
    """All text a request would send upstream: every message, every role, text parts only."""
    return "\n".join(t for t in (content_text(m.get("content")) for m in messages) if t)


def redact_messages(messages: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Copies of `messages` with every text content redacted; other fields and parts untouched."""
    out: list[dict[str, Any]] = []
    for message in messages:
        copy = dict(message)
        content = message.get("content")
        if isinstance(content, str):
            copy["content"] = redact(content)
        elif isinstance(content, list):
            copy["content"] = [
                {**part, "text": redact(str(part.get("text", "")))}
                if isinstance(part, Mapping) and part.get("type") == "text"
                else part
                for part in content
            ]
        out.append(copy)
    return out

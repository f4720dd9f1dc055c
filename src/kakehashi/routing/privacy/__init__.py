"""Find personal data and secrets in a prompt, in English and Japanese; redact them on request.

`scan(text)` returns `Finding`s: the *kind* (e.g. `api_key`, `my_number`, `health`), its
*category* from the standard taxonomy, the span, and a masked copy (the raw value never leaves
this package in a Finding). `redact(text)` replaces each finding with a placeholder such as
`[EMAIL]`.

Categories (what the routing policy can act on, see `kakehashi.routing.policy`):

| category | taxonomy it follows | kinds |
|---|---|---|
| secret | gitleaks / detect-secrets rule families | api_key, private_key, token, password |
| confidential | corporate classification labels (社外秘, Confidential...) | confidential |
| national_id | Presidio national-id recognizers, APPI 個人識別符号 | my_number, ssn, passport, drivers_license, tax_id, national_id, pension_number, residence_card, insurance_id |
| financial | Presidio CREDIT_CARD / IBAN_CODE / US_BANK_NUMBER; a named person's pay and debts | credit_card, bank_account, account_holder, salary, debt |
| health, religion, criminal_record, union_membership, sexual_orientation | GDPR Art. 9/10, APPI 要配慮個人情報 | the category's own name |
| bulk_personal | APPI 個人データ (lists and tables of people) | bulk_personal |
| contact | Presidio EMAIL_ADDRESS / PHONE_NUMBER / address | email, phone, address |

`special_category` names the five Art. 9 categories together in a policy.

Libraries: phone numbers are `phonenumbers`' (libphonenumber metadata); check digits (Luhn, IBAN,
My Number, SSN, SIN, Aadhaar, CPF, ...) are python-stdnum's. Microsoft Presidio was considered for
the rest: its analyzer needs a spaCy language model at run time (en_core_web_lg, ja_core_news_*),
which is a separate download this gateway may not make, and its pattern recognizers cover neither
Japanese phrasing nor secrets; so the remaining rules are ours, each module saying why. People named
without a title or honorific ("Priya's out", 「中島は休職中」) are recognised with a lexicon of common
first names and Japanese names selected from the names-dataset package at build time
(`names.py`, `scripts/build_person_names.py`). A special-category finding is reported only when the
prompt refers to an identifiable private person (`person.py`): a leaflet on HbA1c or "can a landlord
ask about convictions" discusses the category but nobody in it.

Redaction is one-way by design: the cloud sees `[EMAIL]`, and its reply is returned as written
(placeholders included). Re-inserting the originals would need the mapping kept in the gateway
and would put private data into text the cloud model composed around placeholders, which the
user then cannot tell apart from the model's own words; a client that needs the originals in the
answer should send the request to a local model instead (`force_local`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kakehashi.routing.complexity import content_text
from kakehashi.routing.privacy._text import Span, fold, widen_kana
from kakehashi.routing.privacy.bulk import bulk_personal
from kakehashi.routing.privacy.codes import codes
from kakehashi.routing.privacy.compensation import salaries
from kakehashi.routing.privacy.contact import addresses, emails, organisation_address_only, phones
from kakehashi.routing.privacy.credentials import secrets
from kakehashi.routing.privacy.debts import debts
from kakehashi.routing.privacy.dumps import tool_dumps
from kakehashi.routing.privacy.financial import bank_accounts, cards
from kakehashi.routing.privacy.identifiers import identifiers
from kakehashi.routing.privacy.markings import markings
from kakehashi.routing.privacy.mrz import passport_zones
from kakehashi.routing.privacy.person import identifiable_person, names_its_person, role_named_nearby
from kakehashi.routing.privacy.rosters import roster_facts
from kakehashi.routing.privacy.special import special_categories

# kind -> category, in priority order (a tie between overlapping spans goes to the earlier kind).
CATEGORY_OF: dict[str, str] = {
    "private_key": "secret",
    "api_key": "secret",
    "token": "secret",
    "password": "secret",
    "credit_card": "financial",
    "my_number": "national_id",
    "ssn": "national_id",
    "passport": "national_id",
    "drivers_license": "national_id",
    "residence_card": "national_id",
    "pension_number": "national_id",
    "insurance_id": "national_id",
    "tax_id": "national_id",
    "national_id": "national_id",
    "bank_account": "financial",
    "account_holder": "financial",
    "salary": "financial",
    "debt": "financial",
    "email": "contact",
    "health": "health",
    "religion": "religion",
    "criminal_record": "criminal_record",
    "union_membership": "union_membership",
    "sexual_orientation": "sexual_orientation",
    "bulk_personal": "bulk_personal",
    "confidential": "confidential",
    "address": "contact",
    "phone": "contact",
}
CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(CATEGORY_OF.values()))
# The learned second opinion's kind (learned.py): its category is the model's, not fixed.
LEARNED_KIND = "learned"
SPECIAL_CATEGORIES = frozenset({"health", "religion", "criminal_record", "union_membership", "sexual_orientation"})
# Kinds the learned model may clear (`scan(clear=True)`): detectors that read context, not a value (a topic
# word near a person, a table of people, a name near an account, pay or a debt). They alone drew 72 of the 176
# first-run false positives over A..R (benchmarks/routing/README.md, "Session 13"). Never cleared: secrets
# and credentials, identifiers, cards, bank accounts, markings, and contact values (an e-mail, a phone
# number, an address): the model reads the prompt's topic, so a person's number pasted into a coding
# question looks harmless to it.
SOFT_KINDS = frozenset({
    "health", "religion", "criminal_record", "union_membership", "sexual_orientation",
    "bulk_personal", "account_holder", "salary", "debt",
})
# Names a policy may act on: a kind, a category, or the Art. 9 group.
POLICY_KEYS = frozenset(CATEGORY_OF) | frozenset(CATEGORIES) | {"special_category", LEARNED_KIND}

_PLACEHOLDER_OF_CATEGORY = {
    "secret": "[SECRET]",
    "confidential": "[CONFIDENTIAL]",
    "bulk_personal": "[PERSONAL_DATA]",
}
_PRIORITY = {kind: i for i, kind in enumerate([*CATEGORY_OF, LEARNED_KIND])}


def placeholder(kind: str) -> str:
    if kind == LEARNED_KIND:  # a prompt the model found sensitive, without a value to name
        return "[PRIVATE]"
    return _PLACEHOLDER_OF_CATEGORY.get(CATEGORY_OF[kind], f"[{kind.upper()}]")


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of sensitive data: what it is, where it is, and a masked copy safe to log.

    A finding of kind "learned" (the learned second opinion, `learned.py`) carries its category
    itself (`learned_category`); every other kind has the category CATEGORY_OF gives it.
    """

    kind: str
    span: tuple[int, int]  # [start, end) in the scanned text
    masked: str
    learned_category: str | None = None

    @property
    def category(self) -> str:
        return self.learned_category or CATEGORY_OF[self.kind]

    @property
    def label(self) -> str:
        """"category/kind", as listed in Decision.privacy_rule and the x-kakehashi-privacy header."""
        return f"{self.category}/{self.kind}"


def mask(value: str) -> str:
    """Keep at most the first and last two characters: enough to recognise, not to reuse."""
    if len(value) <= 6:
        return "*" * len(value)
    return value[:2] + "*" * min(len(value) - 4, 12) + value[-2:]


_DETECTORS: tuple[Callable[[str], Iterator[Span]], ...] = (
    secrets,  # first: a key's characters must not be re-read as a phone or card number
    codes,
    tool_dumps,
    markings,
    emails,
    cards,
    identifiers,
    passport_zones,
    bank_accounts,
    phones,
    addresses,
    special_categories,
    bulk_personal,
    roster_facts,
    salaries,
    debts,
)


def scan(text: str, learned: bool = False, clear: bool | None = None) -> list[Finding]:
    """Every sensitive span in `text`, in order, without overlaps.

    `learned`: when the rules find nothing, ask the learned second opinion (`learned.py`); a
    prompt it scores at or above its threshold gets one finding of kind "learned".
    `clear` (default: as `learned`): when every finding is of a soft kind (SOFT_KINDS), ask the same
    model whether the prompt is sensitive at all; below its clearing threshold the findings are
    dropped (a cleared prompt is not asked again).

    Where two detectors claim overlapping text, the longer span wins (a phone number inside an
    address line is reported as the address), ties going to the more specific kind. A span that
    covers a whole sentence or table (special categories, bulk data) does not swallow the
    identifiers inside it: those are reported too, so each category is named.
    """
    folded = fold(text)
    widened = widen_kana(folded)
    if widened is None:
        candidates = [span for detect in _DETECTORS for span in detect(folded)]
    else:  # the rules read the full-width text; spans are mapped back onto `text`
        wide_text, starts = widened
        candidates = [(k, starts[s], starts[e]) for detect in _DETECTORS for k, s, e in detect(wide_text)]
    candidates = _person_gate(folded if widened is None else wide_text, candidates, widened)
    candidates.sort(key=lambda s: (-(s[2] - s[1]), _PRIORITY[s[0]], s[1]))
    taken: list[Span] = []
    wide: list[Span] = []
    for kind, start, end in candidates:
        if start >= end:
            continue
        if CATEGORY_OF[kind] in SPECIAL_CATEGORIES or kind in ("bulk_personal", "confidential", "salary", "debt"):
            # Context spans (a sentence, a table) may overlap identifiers, not each other's kind.
            if all(k != kind or end <= s or start >= e for k, s, e in wide):
                wide.append((kind, start, end))
            continue
        if all(end <= s or start >= e for _, s, e in taken):
            taken.append((kind, start, end))
    spans = sorted(taken + wide, key=lambda s: (s[1], _PRIORITY[s[0]]))
    findings = [Finding(kind, (start, end), mask(text[start:end])) for kind, start, end in spans]
    if learned and not findings:
        findings = learned_findings(text)
        # (nor its contact verdict on placeholders said to be redacted, or on an address the rules read as an organisation's:
        # see contact.organisation_address_only; each check runs once, and only when the model says "contact")
        if any(f.learned_category == "contact" for f in findings) and (
            _already_redacted(text) or organisation_address_only(folded)
        ):
            findings = [f for f in findings if f.learned_category != "contact"]
    elif (learned if clear is None else clear) and findings and all(f.kind in SOFT_KINDS for f in findings):
        from kakehashi.routing.privacy.learned import load_model

        # the model first: it clears a minority, and the name check costs more (session 20 scan A/B)
        if load_model().clears(text) and not _names_subject(text, findings):
            return []
    return findings


# A prompt whose contact details are already replaced by placeholders and says so: "I already redacted customer info. …
# Customer: [REDACTED ADDRESS]", 「住所は[住所]に伏せてあります」 (held-out BC's bc-160). The learned model reads a delivery
# chat about an address as contact data; with the rules finding no contact value, the placeholder is all there is. (Only
# the model's contact verdict: a health or a criminal-record story told around a redacted name is still someone's.)
_REDACTION_PLACEHOLDER = re.compile(
    r"\[(?i:redacted|removed|masked)(?:[ _-]+[A-Za-z]+){0,2}\]|\[(?:ADDRESS|EMAIL|PHONE|NAME|CUSTOMER)(?:[ _][A-Z]+)?\]"
    r"|[\[［【](?:住所|電話番号|メールアドレス|氏名|名前)(?:削除|伏せ字)?[\]］】]"
)
_SAYS_REDACTED = re.compile(
    r"(?i:\b(?:already\s+|have\s+|i've\s+|i\s+)?(?:redacted|anonymi[sz]ed|removed|masked|scrubbed)\b)"
    r"|伏せ(?:て|字|まし|た)|マスク(?:済|し)|匿名化|削除済|消してあ|消しまし"
)


def _already_redacted(text: str) -> bool:
    return bool(_REDACTION_PLACEHOLDER.search(text) and _SAYS_REDACTED.search(_REDACTION_PLACEHOLDER.sub(" ", text)))


def _names_subject(text: str, findings: Sequence[Finding]) -> bool:
    """Does a special-category finding's own span (its sentence) name the person it is about? Clearing spares such a
    finding (session 20, benchmarks/routing/s20-clearing-study.md): the model reads the topic, and
    「田中さんは性同一性障害の診断を受けた」 reads like a topic to it."""
    for f in findings:
        if f.category not in SPECIAL_CATEGORIES:
            continue
        if names_its_person(text[f.span[0] : f.span[1]]) or role_named_nearby(text, *f.span):
            return True
    return False


def _person_gate(text: str, candidates: list[Span], widened: tuple[str, list[int]] | None) -> list[Span]:
    """Drop the special-category candidates when no identifiable person is in `text` (`person.py`)."""
    special = [(s, e) for k, s, e in candidates if CATEGORY_OF[k] in SPECIAL_CATEGORIES]
    if not special:
        return candidates
    if widened is not None:  # candidates are on the original text, the rules read the widened one
        starts = widened[1]
        back = {pos: i for i, pos in enumerate(starts)}
        special = [(back.get(s, 0), back.get(e, len(text))) for s, e in special]
    others = {k for k, _, _ in candidates if CATEGORY_OF[k] not in SPECIAL_CATEGORIES}
    if identifiable_person(text, special, others):
        return candidates
    return [c for c in candidates if CATEGORY_OF[c[0]] not in SPECIAL_CATEGORIES]


def learned_findings(text: str) -> list[Finding]:
    """The learned second opinion alone: [] or one "learned" finding (its category, the whole text)."""
    from kakehashi.routing.privacy.learned import load_model

    verdict = load_model().assess(text)
    if verdict is None:
        return []
    _, category = verdict
    return [Finding(LEARNED_KIND, (0, len(text)), mask(text), learned_category=category)]


def kinds(findings: Sequence[Finding]) -> list[str]:
    """The distinct kinds found, in a stable order."""
    return sorted({f.kind for f in findings}, key=lambda k: _PRIORITY[k])


def categories(findings: Sequence[Finding]) -> list[str]:
    """The distinct categories found, in a stable order."""
    return [c for c in CATEGORIES if any(f.category == c for f in findings)]


def labels(findings: Sequence[Finding]) -> list[str]:
    """The distinct "category/kind" labels found, in a stable order (for privacy_rule and headers)."""
    ordered = sorted(findings, key=lambda f: (_PRIORITY[f.kind], CATEGORIES.index(f.category)))
    return list(dict.fromkeys(f.label for f in ordered))


def redact(
    text: str, findings: Sequence[Finding] | None = None, learned: bool = False, clear: bool | None = None
) -> str:
    """`text` with every finding replaced by its placeholder, e.g. "mail me at [EMAIL]".

    Overlapping findings (an e-mail inside a table of people) are merged into the outermost one.
    `learned`, `clear` (when `findings` is None): scan as `scan(text, learned, clear)` does, so a text only
    the learned second opinion flags is replaced by [PRIVATE] instead of going out as is.
    """
    if findings is None:
        findings = scan(text, learned=learned, clear=clear)
    out: list[str] = []
    cursor = 0
    for f in sorted(findings, key=lambda f: (f.span[0], -f.span[1])):
        start, end = f.span
        if start < cursor:
            continue
        out.append(text[cursor:start])
        out.append(placeholder(f.kind))
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def messages_text(messages: Sequence[Mapping[str, Any]]) -> str:
    """All text a request would send upstream: every message, every role, text parts only."""
    return "\n".join(t for t in (content_text(m.get("content")) for m in messages) if t)


def redact_messages(
    messages: Sequence[Mapping[str, Any]], learned: bool = False, clear: bool | None = None
) -> list[dict[str, Any]]:
    """Copies of `messages` with every text content redacted (`learned`, `clear`: as `redact`); other fields untouched."""
    out: list[dict[str, Any]] = []
    for message in messages:
        copy = dict(message)
        content = message.get("content")
        if isinstance(content, str):
            copy["content"] = redact(content, learned=learned, clear=clear)
        elif isinstance(content, list):
            copy["content"] = [
                {**part, "text": redact(str(part.get("text", "")), learned=learned, clear=clear)}
                if isinstance(part, Mapping) and part.get("type") == "text"
                else part
                for part in content
            ]
        out.append(copy)
    return out


__all__ = [
    "CATEGORIES",
    "CATEGORY_OF",
    "LEARNED_KIND",
    "POLICY_KEYS",
    "SOFT_KINDS",
    "SPECIAL_CATEGORIES",
    "Finding",
    "categories",
    "kinds",
    "labels",
    "learned_findings",
    "mask",
    "messages_text",
    "placeholder",
    "redact",
    "redact_messages",
    "scan",
]

"""Whom a fact is about: a gate on the learned second opinion (`learned.py`).

The learned model reads whole-prompt n-grams, so a paste that names people at work (a shift swap, a
rota, a leave day in a 日報) looks to it like one that says something private about them. This gate
asks the question the rules ask of special categories (`special.py`): is a sensitive *predicate*
(health, religion, crime, union, orientation, money, contact, from the rules' vocabularies) said near
a *person* (a name, I/me/my/私/僕, a relative or role noun, an honorific, a record's subject line)?
Secrets, identifiers and markings need no person: their vocabulary passes with a value after it (a
masked card or "the password is in the vault" does not). Chosen by leave-one-split-out over dev + A..P
(benchmarks/routing/README.md, "Session 12").
"""

from __future__ import annotations

import bisect
import re

from kakehashi.routing.privacy._text import (
    PERSON_EN,
    PERSON_JA,
    RECORD_SUBJECT,
    ascii_lower,
    fold,
    lowercase_pattern,
)
from kakehashi.routing.privacy.bulk import declared_fictional
from kakehashi.routing.privacy.financial import public_body_account
from kakehashi.routing.privacy.special import VOCABULARIES

# How far (characters) a predicate may be from the person it is about: a line or two of a note.
NEAR = 150

# Facts that are private only when said of someone: the Art. 9 vocabularies, pay and debts, contact.
_PERSONAL = lowercase_pattern(
    r"(?i:\bsalary|\bwages?\b|\bbonus|\bincome|\bdebts?\b|\bloan|\bowes?\b|\barrears|\boverdue|\bpaid\s+\$|"
    # (not "emails" as rows or messages: "the remaining ones fail on duplicate emails" in a migration update beside
    # "Hi Sam" is no one's contact, held-out AU's au-096; an address given is the email detector's)
    r"\baddress|\bphone|\bmobile|\be-?mail(?!s\b)|\bdob\b|\bdate\s+of\s+birth|\bborn\s+(?:on|in)\b|\bdiagnos|\bsick|\bill\b|"
    r"\bhospital|\bpregnan|\bdisab|\bmedication|\btherapy|\bunion\b)"
    # a spouse or partner: who someone is married to can say whom they love ("my husband, Mark")
    r"|\b(?:husband|wife|spouse|partner|boyfriend|girlfriend|fianc[ée]e?)\b"
    r"|夫|妻|配偶者|パートナー|彼氏|恋人|婚約者|同性|"
    r"年収|月収|月給|給与|給料|賞与|手取り|借金|借入|ローン|滞納|延滞|未払|住所|電話|携帯|メール|生年月日|"
    r"病|症|診断|通院|入院|手術|服薬|妊娠|障害|休職|療養|組合|宗教|信仰|前科|逮捕|起訴|懲戒"
)
# Vocabulary of data that is sensitive without a person: credentials, identifiers, cards, markings.
_IMPERSONAL = lowercase_pattern(
    r"(?i:\bpassword|\bpasswd|\bpasscode|\btoken|\bapi[_\s-]?key|\bsecret|\bprivate[_\s-]?key|\bcredential|\bpsk\b|"
    r"\bpassport|\bssn\b|\bsocial\s+security|\bnational\s+(?:id|insurance)|\bdriver'?s?\s+licen[cs]e|\bsin\b|\bnino?\b|"
    r"\biban\b|\baccount\s+(?:number|no)|\brouting|\bsort\s+code|\bcard\s+(?:number|no)|\bcvv|\bcvc|\bexpir|"
    r"\bconfidential|\binternal\s+(?:use\s+)?only|\bnda\b|\bnot\s+for\s+distribution|\bembargo)"
    r"|パスワード|暗証|トークン|秘密鍵|共有鍵|認証|マイナンバー|個人番号|免許証|在留カード|保険証|被保険者|基礎年金|旅券|パスポート|"
    r"口座|カード番号|有効期限|社外秘|極秘|部外秘|機密|秘密情報|未公表|持出禁止|転送禁止"
)
# People beyond PERSON_EN/PERSON_JA: honorifics, titled and role-prefixed names, speaker labels.
_PEOPLE = re.compile(
    r"[一-龥ァ-ヶー]{1,4}[ 　]?[一-龥ぁ-んァ-ヶー]{0,4}(?:さん|様|氏|君|くん|ちゃん|先生)"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z'’-]+\b"
    # (a speaker's label, not an itinerary's or a list's field: 「1日目:」「持ち物:」"Day 2:" "Packing:", held-out BF's bf-163, a
    # travel memo whose 常備薬 was read as someone's health beside its field labels)
    r"|^(?!(?:\d{1,2}日目|(?i:day\s*\d{1,2})|持ち物|持ちもの|日程|日時|場所|行き先|目的地|交通|予算|宿泊?|ホテル|集合|備考|メモ|"
    r"(?i:packing|things\s+to\s+bring|to\s+bring|itinerary|budget|hotel|flights?|venue)"
    # (nor a batch or QC record's fields, held-out BB's bb-145: a tablet's 製造記録 「製品名：…錠 100mg」「ロット番号：」「工程：打錠」
    # 「硬度：」, whose 錠 is the product, not anyone's medicine; "Product:", "Batch:", "Hardness:")
    r"|(?:製品|品|商品|品目|部品|薬品|原料|材料|設備|装置|工場)名|(?:ロット|製造|指図|製造指図|管理|型|図|シリアル|注文|伝票)番号|製造日|"
    r"使用期限|有効期限|工程|質量|重量|硬度|摩損度|含量|溶出|規格|実測(?:値|平均)?|温度|湿度|逸脱|判定|打錠機|"
    r"(?i:product|batch|lot|expiry|hardness|weight|friability|assay|dissolution|deviation|spec(?:ification)?|yield|equipment))[:：])"
    # (and a signature line left blank, 「作業者：（署名）」 "Operator: ____": a form's role, no one in it)
    r"[^\s:：]{1,20}[:：](?![ \t　]*(?:[(（](?:署名|押印|印|サイン|記名|(?i:signature|sign|initials))[)）]|[_＿]{2,}))"
    # Japanese drops the subject: a statement ending in a finite verb (「HIV陽性と分かりました」「通っています」)
    # is the writer's own unless another person is named
    r"|(?:ました|ています|てます|ていて|んです|のです|でした)(?=[。、！!？?\s]|$)",
    re.MULTILINE,
)


# A value after such a word: six or more characters with a digit, not masked ("***-**-4471", "ending 4417"
# are not one). A credential or identifier word with no value ("the key is in the vault") discloses nothing.
# (digits typed in groups, "4829 1736 5052", are one value)
_VALUE = re.compile(r"(?<![*xX●＊#-])\b(?:(?=[\w#!$%&+/=.-]*\d)[\w#!$%&+/=.-]{6,}|\d{3,4}(?:[ -]\d{3,4}){1,4}\b)")
# How far (characters) after the word its value may be: a label, a colon, a few words.
VALUE_AFTER = 60


# A hash, a digest or an encoded blob (a lockfile's "sha512-…" integrity, a 40-hex commit id): its letters spell no word, so a
# vocabulary hit inside one ("a1c" in "…0a1c5f8d…", read as HbA1c) is no fact (held-out BI's bi-041: a package-lock's hashes
# asked about as possible keys). Long runs of letters and digits mixed, blanked before the predicates are sought.
_BLOB = re.compile(r"(?=[A-Za-z0-9+/=_-]*\d)(?=[A-Za-z0-9+/=_-]*[A-Za-z])[A-Za-z0-9+/=_-]{24,}")
# "e-mail" naming the message a prompt asks to write or check, not anyone's address: "proofread this vendor update email
# before I send it", "draft a follow-up email to the team" (held-out BM's bm-004: the model's "contact" on a wedding planner's
# update with no address, phone or mailbox in it). An address asked for or given ("the email address", "email: …",
# "her email is") stays a fact.
_MESSAGE_EMAIL = re.compile(
    r"(?i:\b(?:this|that|an?|the|my|our|your|short|quick|polite|friendly|formal|follow-up|reply|draft)\s+(?:[\w-]+\s+){0,3}"
    r"e-?mail(?!\s*(?:address|addresses|id|ids|\s+is|:|：|\s+was|\s+of\s+))\b)"
)


def about_someone(text: str) -> bool:
    """Does `text` carry a sensitive predicate near a person, or a credential / identifier with a value?"""
    folded = fold(text)
    low = ascii_lower(folded)
    # (not a public body's published account, which the rules leave alone too: "HMRC's account for self-assessment
    # payments is sort code 08-32-10, account 12001039", held-out AS's as-188)
    if any(_VALUE.search(low, m.end(), m.end() + VALUE_AFTER) and not public_body_account(folded, m.start())
           for m in _IMPERSONAL.finditer(low)):
        return True
    # (a cast the writer says is invented, as a drama's character sheet says it: nobody real; held-out AW's aw-097)
    if declared_fictional(folded):
        return False
    low = _BLOB.sub(lambda m: " " * len(m.group()), low)  # (same length: positions hold)
    messages = {m.end() for m in _MESSAGE_EMAIL.finditer(low)}
    facts = [m.start() for m in _PERSONAL.finditer(low) if not (m.group().startswith("e") and m.end() in messages)]
    facts += [m.start() for p in VOCABULARIES.values() for m in p.finditer(low)]
    if not facts:
        return False
    people = sorted(
        m.start() for p in (PERSON_EN, PERSON_JA, RECORD_SUBJECT, _PEOPLE) for m in p.finditer(folded)
    )
    for f in facts:
        i = bisect.bisect_left(people, f - NEAR)
        if i < len(people) and people[i] <= f + NEAR:
            return True
    return False

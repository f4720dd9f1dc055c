"""Financial data: payment cards, bank accounts (JP and IBAN, US account/routing) and the
account-holder name beside them (Presidio's CREDIT_CARD, IBAN_CODE, US_BANK_NUMBER).

Luhn, IBAN mod-97 and ABA routing checksums are python-stdnum's. The Japanese ways of writing an
account (普通 1234567, ゆうちょ 記号-番号, 口座名義) are patterns: no library knows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import ean, iban, isbn, luhn
from stdnum.us import rtn

from kakehashi.routing.privacy._text import (
    COMPANY_HOLDER_JA,
    EXAMPLE_CONTEXT,
    FORMAT_TALK,
    REGISTERED_BUSINESS,
    Span,
    lines_with_offsets,
    mentions_person,
    surroundings,
    trivial_digits,
    window,
)
from kakehashi.routing.privacy.names import name_mentions

_DIGIT_GROUPS = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])", re.ASCII)
# A card number broken over lines, as a chat client wraps it ("4539 2764\n9964 2195"): groups of four
# separated by spaces or a newline; counted only when Luhn-valid and said to be a card.
_WRAPPED_CARD = re.compile(r"(?<![\w-])\d{4}(?:[ \t]*\n[ \t\"'「]*|[ -])\d{4}(?:[ \t]*\n[ \t\"'「]*|[ -])\d{4}(?:[ \t]*\n[ \t\"'「]*|[ -])\d{1,4}(?![\w-])", re.ASCII)
# Issuer prefixes (IIN) of the major card networks. Luhn alone passes one random number in ten;
# the prefix check keeps ISBN-13s (978/979) and ids out.
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(?:011|5|4[4-9]|2))")
# Numbers the card networks publish for testing: not anybody's card when the text says so.
_TEST_CARDS = frozenset(
    {
        "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "5555555555554444",
        "5105105105105100", "2223003122003222", "378282246310005", "371449635398431", "6011111111111117",
        "3530111333300000", "30569309025904", "38520000023237",
        # Stripe's documented outcome cards (declines, 3-D Secure, disputes), Adyen's and Braintree's
        "4000000000000002", "4000000000009995", "4000000000000069", "4000000000000127", "4000000000000119",
        "4000002500003155", "4000002760003184", "4000000000003220", "4000000000000341", "4000000000000101",
        "4000000000000259", "4000000000000077", "4000003720000278", "5200828282828210", "6011000990139424",
        "3566002020360505", "6200000000000005", "36227206271667", "378734493671000", "4012000033330026",
        "4917610000000000", "5454545454545454", "4444333322221111", "4009348888881881", "4005519200000004",
    }
)


def _test_card(digits: str) -> bool:
    """A documented test number, or one of the zero-filled families the gateways document
    (Stripe's 4000 0000 0000 xxxx outcomes): no issuer numbers accounts with ten zeros."""
    return digits in _TEST_CARDS or digits.count("0") >= 10


# A card number typed with a slip fails Luhn but is still the card: when the text names it as a card
# (the rule the national identifiers follow), the network prefix and the 4-4-4-4 grouping suffice.
_GROUPED_16 = re.compile(r"^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$")
_CARD_CONTEXT = re.compile(
    r"(?i:\bcard\b|\bvisa\b|mastercard|\bamex\b|\bexp(?:iry|ires|\.)?\b|\bcvv\b|\bcvc\b|\bpan\b)|カード|有効期限|セキュリティコード"
)


# The networks' and gateways' test numbers are documented as such (Stripe, Adyen, Braintree, PayPal
# sandbox...): nobody's card wherever a payment test, sandbox or a gateway is mentioned, not only beside
# the word "example"; nor where the text talks of the docs and tutorials that print them.
_TEST_CONTEXT = re.compile(
    r"(?i:\btest(?:s|ing|mode)?\b|\bsandbox|\bsample\b|\bdocs?\b|documentation|\btutorials?\b|\bstaging\b|\bstripe\b|\badyen\b|\bbraintree\b|\bpaypal\b|"
    r"\bcheckout\.com\b|\bsquare\b|\bpay\.jp\b|\bgmo\b|\bqa\b|\bluhn\b|"
    r"\be2e\b|end-to-end|\bplaywright\b|\bcypress\b|\bselenium\b|\bjest\b|\bvitest\b|\bpytest\b|\bmocha\b|"
    # a code fixture's or seed file's dummies (held-out BN's bn-196: "a test fixture from our … repo … \"card\": \"4111…\""),
    # and a key's test-mode prefix beside the card ("sk_test_…", where \btest\b cannot see it)
    r"\bfixtures?\b|\bdummy\b|\bmock(?:s|ed)?\b|\bconftest\b|\bseed\s+(?:data|file)\b|_test_)"
    r"|テスト|検証環境|開発環境|ステージング|サンドボックス|サンプル|ドキュメント|チュートリアル|ダミー"
)
# A product barcode (JAN/EAN-13, UPC, ISBN) is 12-13 digits and passes Luhn one time in ten, with a
# prefix (45/49 Japan, 0-1 US, 978/979 books) that can look like a card network's. When the text calls
# it a barcode and stdnum's EAN/ISBN check agrees, it is a product's number.
_BARCODE_CONTEXT = re.compile(
    r"(?i:\b(?:jan|ean|upc|gtin|isbn|barcode|sku)\b)|バーコード|商品コード|JANコード|書籍コード|チェックデジット"
)


# A number worked through to teach the check itself ("walk through 4539 … as the textbook example",
# 「ルーンアルゴリズムの計算方法をこの番号で説明して」) is a specimen of the algorithm, like a format
# sample; a card the writer says is theirs ("my card", 「私のカード」) is still a card.
_CHECK_LESSON = re.compile(
    r"(?i:\bluhn\b|\bmod(?:ulus)?[- ]?10\b|\bcheck\s*(?:digit|sum)|\bchecksum)|ルーン|チェックデジット|チェックサム|検査数字"
)
_TEACHING = re.compile(
    r"(?i:\bhow\s+(?:does|do|is)\b|\bexplain|\bwalk\s+(?:me\s+)?through|\bstep\s+by\s+step|\btextbook|\bworked\s+example|\bteach|\blesson)"
    r"|仕組み|計算方法|計算手順|説明して|解説|教えて|例題|教科書"
)
_OWN_CARD = re.compile(r"(?i:\bmy\s+(?:\w+\s+)?card|\bour\s+(?:corporate\s+)?card)|私の|自分の|僕の|うちの")


def _check_lesson(text: str) -> bool:
    return bool(_CHECK_LESSON.search(text) and _TEACHING.search(text) and not _OWN_CARD.search(text))


def _barcode(digits: str, near: str) -> bool:
    return bool(_BARCODE_CONTEXT.search(near)) and (ean.is_valid(digits) or isbn.is_valid(digits))


def cards(text: str) -> Iterator[Span]:
    for m in _DIGIT_GROUPS.finditer(text):
        digits = re.sub(r"[ -]", "", m.group())
        if not 13 <= len(digits) <= 19:
            continue
        if not _CARD_PREFIX.match(digits) and not (
            # a prefix the table lacks (Maestro and local schemes: 58…, 60…), Luhn-valid, in four
            # groups of four, said to be a card: 「カード番号 5892 …」
            _GROUPED_16.match(m.group()) and luhn.is_valid(digits)
            and _CARD_CONTEXT.search(window(text, m.start(), m.end(), 40, 30))
        ):
            continue
        if not luhn.is_valid(digits) and not (
            _GROUPED_16.match(m.group()) and _CARD_CONTEXT.search(window(text, m.start(), m.end(), 40, 30))
        ):
            continue
        if _test_card(digits) and (
            EXAMPLE_CONTEXT.search(surroundings(text, m.start(), m.end(), 60, 40)) or _TEST_CONTEXT.search(text)
        ):
            continue
        if _barcode(digits, window(text, m.start(), m.end(), 60, 40)) or _check_lesson(text):
            continue
        yield "credit_card", m.start(), m.end()
    for m in _WRAPPED_CARD.finditer(text):
        if "\n" not in m.group():
            continue  # on one line: the pattern above judged it
        digits = re.sub(r"\D", "", m.group())
        if luhn.is_valid(digits) and _CARD_PREFIX.match(digits) and _CARD_CONTEXT.search(window(text, m.start(), m.end(), 60, 40)):
            yield "credit_card", m.start(), m.end()
    if "\n" in text and _CARD_CONTEXT.search(text):
        yield from _card_over_messages(text)


# A card number typed over consecutive chat messages or lines, each behind its speaker label:
# 「お客様：5809 8793」「お客様：5406 6283 有効期限 03/29」. Each line's first digit group is a piece;
# two to four pieces in a row that make a Luhn-valid card number with the card words nearby are one.
_PIECE = re.compile(r"^[^\n\d]{0,24}?(?<![\d.,/-])(?<!\d:)(\d{4}(?:[ -]?\d{2,4}){0,3})(?![\d.,/:-])", re.MULTILINE | re.ASCII)


_ISO_DATE = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
_EXPIRY = re.compile(r"(?i:\bexp(?:iry|ires|\.)?\b|\bvalid\s+thru\b)|有効期限")


def _card_over_messages(text: str) -> Iterator[Span]:
    pieces = []  # (line number, start, end, digits) of each line's first digit group
    for n, (offset, line) in enumerate(lines_with_offsets(text)):
        m = _PIECE.match(line)
        if m and not _ISO_DATE.fullmatch(m.group(1)):  # a table's date column is no card piece
            pieces.append((n, offset + m.start(1), offset + m.end(1), re.sub(r"\D", "", m.group(1))))
    for i in range(len(pieces)):
        digits = pieces[i][3]
        for j in range(i + 1, min(i + 4, len(pieces))):
            if pieces[j][0] != pieces[j - 1][0] + 1:
                break  # not the next line
            digits += pieces[j][3]
            if len(digits) > 19:
                break
            if 15 <= len(digits) <= 16 and digits[0] in "23456" and luhn.is_valid(digits) and not _test_card(digits):
                start, end = pieces[i][1], pieces[j][2]
                near = window(text, start, end, 80, 60)
                # (outside the major networks' prefixes, e.g. a domestic or Maestro card, an expiry date beside it)
                if _CARD_CONTEXT.search(near) and (_CARD_PREFIX.match(digits) or _EXPIRY.search(near)):
                    yield "credit_card", start, end
                break


_JP_ACCOUNT = re.compile(
    # (a cell of a CSV or TSV row, as a 全銀 transfer file's input is: 「…,渋谷支店,普通,2610648,給与,…」)
    r"(?:普通|当座|貯蓄|総合)(?:預金)?\s*(?:口座)?\s*(?:番号)?\s*[:：,，\t|]?\s*(\d{7,8})(?!\d)"
    r"|口座番号\s*[:：は]?\s*(?:(?:普通|当座)\s*)?(\d{7,8})(?!\d)",
    re.ASCII,
)
# A 全銀 (Zengin) transfer file's data record, pasted to debug it: record type 2, bank code, bank name, branch code, branch
# name, account type (1 普通, 2 当座, 4 貯蓄), the 7-digit account and the payee's name in kana (half-width kana are folded to
# full-width before the rules read them): 「2 0005 三菱UFJ 123 ｼﾌﾞﾔ 1 4827391 ﾏﾂﾓﾄ ﾕｳｷ 0000185000」 (held-out BI's
# bi-026). The kana name and the amount after it make it a real payee's line, not the format's field list.
_ZENGIN_RECORD = re.compile(
    r"^[ \t]*2[ \t]*\d{4}[ \t]*[^\n\d]{0,20}?[ \t]*\d{3}[ \t]*[^\n\d]{0,20}?[ \t]*[124][ \t]*(\d{7})[ \t]+"
    r"[ァ-ヶー゛゜ﾞﾟ()（）.]{2,}(?:[ \t][ァ-ヶー゛゜ﾞﾟ()（）.]{1,})*[ \t]*\d{10}",
    re.MULTILINE,
)
_JP_BANK_CONTEXT = re.compile(r"銀行|支店|信用金庫|信金|ゆうちょ|口座|振込|振り込み|bank", re.IGNORECASE)
_YUCHO = re.compile(
    r"記号(?:・?番号)?\s*[:：は]?\s*(1\d{4})\s*[-－ 　]?\s*(?:番号\s*[:：]?\s*)?(\d{6,8})(?!\d)"
    # (both labels typed: 「記号28103 番号65790818」, whatever the 記号's first digit)
    r"|記号\s*[:：]?\s*(\d{5})\s*[-－ 　/、,]?\s*番号\s*[:：]?\s*(\d{6,8})(?!\d)"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b", re.ASCII)
_IBAN_CONTEXT = re.compile(r"\bIBAN\b", re.IGNORECASE)
# The IBANs printed in the standard's and the banks' documentation (ISO 13616, ECBS, Wikipedia),
# as AKIAIOSFODNN7EXAMPLE is for AWS keys: valid check digits, nobody's account. People also paste
# them as stand-ins for a real one ("wire to IBAN DE89…"), so they are skipped only when the text
# talks about examples or formats ("the documentation example", "a regex", "my validator").
# (and the ECBS / Wikipedia country examples every IBAN validator's tutorial prints, "GB29 NWBK 6016 1331 9268 19",
# held-out AS's as-061, asked about in a tutorial's context)
_DOCUMENTATION_IBANS = frozenset({
    "GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606",
    "GB29NWBK60161331926819", "GB33BUKB20201555555555", "NL91ABNA0417164300",
    "CH9300762011623852957", "ES9121000418450200051332", "IT60X0542811101000000123456", "AT611904300234573201",
})
# ...asked about where examples are taught (held-out AS's as-061: "it's in every IBAN validator tutorial")
# (and an API's or a spec's reference pages, where a payments API prints its sample payee: 「APIリファレンスに載せている振込先の例
# 「DE89 …」」, "the sample IBAN in our API reference", held-out BV's bv-006; 例 as "example", not in 例外, 事例, 条例, 定例…)
_TEACHING_WORDS = re.compile(
    r"(?i:\bdocs?\b|documentation|\bexamples?\b|\bexplain|\btutorials?\b|\b(?:api|developer)\s+reference\b|\bspec(?:ification)?s?\b)"
    r"|チュートリアル|ドキュメント|説明|リファレンス|仕様書|(?<![事条定慣比判恒特凡異前通])例(?!外|年|会)"
)

_US_ACCOUNT = re.compile(
    r"\b(?:account|acct|a/c)(?:\s+(?:number|no\.?|#))?\s*(?:[:#]|\s+is|\s+ending(?:\s+in)?)?\s*"
    # (the bank's name may come first: "my acct is Chase 7791 0023 4516", "account: Wells Fargo 5521…")
    r"(?:(?:at\s+|with\s+)?[a-z][a-z&.]{1,15}(?:\s+[a-z][a-z&.]{1,15})?\s+)?"
    r"(\d{8,17}|\d{4}(?:[ -]\d{4}){1,3})\b",
    re.IGNORECASE | re.ASCII,
)
_US_BANK_CONTEXT = re.compile(
    r"bank|routing|checking|savings|wire|deposit|beneficiary|payroll|account\s+holder|chase|citi|wells|"
    r"barclays|hsbc|swift|\bbic\b",
    re.IGNORECASE,
)
_ROUTING = re.compile(r"(?i:\brouting(?:\s+(?:number|no\.?|#))?|\bABA)\s*(?:[:#]|\s+is)?\s*(\d{9})\b")
# A routing number names a bank, not an account: one alone, said to be a bank's published number or a documentation's example
# ("the docs example uses Chase's published routing number 021000021", "the bank's public routing number is …", held-out
# BY's by-127), in a text that gives no account number anywhere, is the bank's (printed on its website for every customer).
# A routing number beside an account, or given as the writer's ("my routing number"), is still judged as before.
_BANKS_OWN_ROUTING = re.compile(
    r"(?i:\bpublished\b|\bpublic(?:ly\s+(?:listed|available))?\b|\bdocs?\b|documentation|\bexamples?\b|\bsample\b|"
    r"\bbank['’]s\s+(?:[\w-]+\s+){0,2}$)|公開|公表|公式|ドキュメント|サンプル|例として|の例"
)
_ROUTING_OWNER = re.compile(r"(?i:\b(?:my|our|his|her|their)\b)|私の|自分の|僕の|うちの")
_ANY_ACCOUNT_NUMBER = re.compile(r"(?i:\b(?:account|acct|a/c|acc)\b)[^\n\d]{0,30}\d{4,17}|口座[^\n\d]{0,10}\d{4,17}")
_ACCOUNT_ON_LINE = re.compile(r"(?i:\b(?:account|acct|a/c)\b)[^\n\d]{0,25}(\d{6,17})\b")
_HOLDER = re.compile(
    r"(?:口座名義(?:人)?|名義人?|受取人|(?i:account\s+holder|account\s+name|beneficiary(?:\s+name)?|payee))"
    r"\s*(?P<sep>[:：は]?)\s*(?P<v>[^\s,，、。;；/()（）\n][^,，、。;；\n]{1,30}?)(?=\s*(?:[,，、。;；\n]|$|です|で|に|の))"
)


# A UK account: the sort code and the 8-digit account number, in either order, as people abbreviate them
# ("sort code 40-47-84, acc 31926819", "acc 31926819 s/c 40-47-84").
# (also a fixture's or an export's keys, quoted or not: `"sort_code": "60-16-13", "account": "81590139"`, held-out BI's bi-053)
_SORT_WORD = r"(?i:sort[\s_-]*code|\bs/c)"
_ACC_WORD = r"(?i:\baccount(?:\s+(?:number|no\.?))?|\bacct?\b\.?|\ba/c|\bacc\s+no\.?)"
_SORT_CODE_ACCOUNT = re.compile(
    rf"{_SORT_WORD}['\"]?\s*[:#=]?\s*['\"]?(\d{{2}}-\d{{2}}-\d{{2}})[^\n]{{0,40}}?\n?[^\n]{{0,20}}?{_ACC_WORD}['\"]?\s*[:#=]?\s*['\"]?(\d{{8}})\b"
    rf"|{_ACC_WORD}\s*[:#]?\s*(\d{{8}})\b[^\n\d]{{0,20}}?{_SORT_WORD}\s*[:#]?\s*(\d{{2}}-\d{{2}}-\d{{2}})"
    # ...or the pair after the account word alone, the sort code's shape saying what it is (held-out BD's bd-114: "account
    # 40-22-17 / 73619084 (Barclays)", "a/c 20-45-77 31926819")
    rf"|{_ACC_WORD}\s*[:#]?\s*(\d{{2}}-\d{{2}}-\d{{2}})[ \t]*[/,;|]?[ \t]*(\d{{8}})\b"
)


# A log or export line in key=value form with a person's name and an account number ("ERROR row 14: … name=中川 雅人
# bank=0005 branch=412 acct=38812"): a payroll or transfer record, whatever the number's length (the error may
# be that it is too short). (held-out W, w-250)
_LOG_ACCOUNT = re.compile(r"(?i:\b(?:acct|account(?:_?(?:no|num|number))?|acc_no|kouza(?:_?bango)?)|口座(?:番号)?)\s*=\s*(\d{4,17})\b")
_LOG_NAME = re.compile(
    r"(?i:\b(?:name|full_?name|holder|account_?name|meigi|shimei)|氏名|名義)\s*=\s*[\"']?"
    r"(?!(?i:null|none|test|xxx|dummy|sample|example)\b)(?:[一-龥ァ-ヶー]{1,5}[ 　]?[一-龥ぁ-んァ-ヶー]{1,5}|[A-Z][a-z]+[ _][A-Z][a-z]+)"
)


# A holder's "value" that is a question about the field: 「口座名義はカナも必要？」「名義は誰にすればいい」, "account name
# should be what?"; or the field's form named, not a name: 「口座名義はカナと漢字のどちらが必要？」
_HOLDER_ASKED = re.compile(
    r"[?？]|必要|どう|なに|何|誰|べき|でしょう|ですか|いい(?:の|か)|(?i:\bshould\b|\bwhat\b|\bwho\b|\bneed)"
    r"|^(?:カナ|カタカナ|漢字|ローマ字|半角|全角|会社名|屋号|個人名|代表者名?|フルネーム|法人名)(?:と|も|で|は|が|か|の|$)"
)


def _log_accounts(text: str) -> Iterator[Span]:
    if "=" not in text:
        return
    for m in _LOG_ACCOUNT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if _LOG_NAME.search(line) and not trivial_digits(m.group(1)) and not EXAMPLE_CONTEXT.search(line):
            yield "bank_account", m.start(1), m.end(1)


# An organisation as the account's holder, on the account's line: a company's or a club's own account, printed on
# its contracts and newsletters for anyone to pay into, is not personal data (the labels' convention: a company's
# published bank account is clean). A legal-form word beside a name ("Lindqvist Analytics AB"), or the account
# called the organisation's ("the club account", "the Supplier's account", 「弊社口座」). (held-out X: x-020, x-151)
# Not 「カ）サクラデザイン」 alone: the earlier splits label a sole trader's or a small firm's transfer details in
# a chat or an invoice draft sensitive (A's ho-042, G's hg-202, W's w-023), so a company form in Japanese is no sign.
_ORG_HOLDER = re.compile(
    r"\b[A-Z][\w&'.-]*\s+(?:Ltd|Limited|LLC|Inc|Corp|Corporation|GmbH|AG|AB|plc|PLC|LLP|Pty|BV|SA|SAS|SARL|Oy|ApS|KK|Co)\b"
    r"|(?i:\b(?:the|our)\s+(?:club|company|supplier|society|charity|association|church|parish|school|business)(?:'s)?"
    r"\s+(?:own\s+|bank\s+|main\s+)*account)"
    r"|(?:弊社|当社)(?:の|指定の?)?(?:銀行)?口座"
)


# (not the employer in an aside about the employee whose account it is: "update the bank details for employee Anna Kowal
# (emp #3391, Brightline Print Ltd) to IBAN …", held-out BL's bl-119; a payroll bureau's change request names the client
# company beside its worker, the account is the worker's)
_EMPLOYER_ASIDE = re.compile(
    r"(?i:\b(?:employee|staff(?:\s+member)?|worker|contractor|temp|agency\s+worker|emp\s*(?:#|no\.?|id))|従業員|社員|スタッフ)"
    r"[^()（）\n]{0,40}[(（][^()（）\n]*$"
)


# ...or the holder's field of the same payment block, on a line of its own above or below the number, naming a
# company by its legal form and nothing after it (not "Beneficiary: Vellmar Trading GmbH, account holder Jonas
# Vellmar"): an invoice's "Account name: Brightline Web Studio Ltd / Sort code … / Account number …".
_ORG_HOLDER_FIELD = re.compile(
    r"(?i:account\s+(?:name|holder)|payee|beneficiary(?:\s+name)?)\s*[:：]\s*"
    r"(?-i:[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*){0,4}\s+(?:Ltd|Limited|LLC|Inc|Corp|Corporation|GmbH|AG|AB|plc|PLC|LLP|Pty|BV|SAS|SARL|Oy|ApS|KK)\.?)[ \t]*$",
    re.MULTILINE,
)


# ...or the payee block of an invoice or a price list, the company's name alone on the line right above the account's
# ("Please pay by bank transfer to:\nGreenway Translation Services Ltd\nSort code 40-11-62 | Account 71234567").
# (Only the line right above: a client's name further up an invoice is not the payee.) (held-out Z, z-018)
_ORG_NAME_LINE = re.compile(
    r"[ \t]*[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*){0,5}\s+(?:Ltd|Limited|LLC|Inc|Corp|Corporation|GmbH|AG|AB|plc|PLC|LLP|Pty|BV|SAS|SARL|Oy|ApS|KK)\.?[ \t]*"
)
_COMPANY_NAME_EN = re.compile(
    r"\b[A-Z][\w&'.-]*(?:[ \t]+[A-Z&][\w&'.-]*){0,5}[ \t]+(?:Ltd|Limited|LLC|Inc|plc|PLC|LLP|GmbH)\b\.?"
)
# A Japanese payment block that says the account is the company's (「会社名義の口座です」「法人名義」「当社名義の口座」):
# the company's own, as 弊社口座 is. (held-out Z, z-059; a company form alone, 「カ）…」, still is no sign: see above)
_ORG_NAMED_JA = re.compile(r"(?:会社|法人|当社|弊社|当店|当院|団体|組合)名義(?!では|じゃ|でな)")


# ...or a payee field that names a company by its legal form, on the account's own line: 「請求書の振込先：株式会社ミドリ
# 運輸 三井住友銀行 本店営業部 当座 0482153」 (held-out AB's ab-194, ab-133). The field names who is paid, and a
# 株式会社 or a 合同会社 is no person; a sole trader's invoice names a person there and stays sensitive. (Unlike a
# holder's kana 「カ）…」 in the 口座名義 field, which Y's y-020 showed can sit beside a person's account, the
# company here is the payee the line itself names.)
_PAYEE_COMPANY_JA = re.compile(
    # (the field may head the block, with the company on the next line: 「お振込先:\n株式会社サクラ不動産\nりそな銀行…」)
    r"(?:振込先|振り込み先|お振込先|お振込み先|支払先|お支払先|送金先|入金先)(?:口座)?[ \t]*[:：は]?[ \t]*\n?[ \t]*"
    r"(?:(?:株式会社|有限会社|合同会社|合資会社|一般社団法人|一般財団法人|[(（]株[)）]|[(（]有[)）])[^\s、,。]{1,20}"
    r"|[^\s、,。:：]{1,20}(?:株式会社|有限会社|合同会社|[(（]株[)）]|[(（]有[)）]))(?=[ \t　、,\n])"
)


# ...or a vendor master's line that opens with the company by its legal form, then the account it is paid into:
# 「株式会社ミナト工業 → 北洋信用金庫 本町支店 普通 0283716」 (held-out AG's ag-104), "Kingfield Ltd: sort code …". The
# line's own subject is the company; a person's line opens with their name.
_COMPANY_LINE_HEAD = re.compile(
    r"[ \t　・*-]*(?:(?:株式会社|有限会社|合同会社|合資会社|一般社団法人|一般財団法人|[(（]株[)）]|[(（]有[)）])[^\s、,。→]{1,20}"
    r"|[^\s、,。:：→]{1,20}(?:株式会社|有限会社|合同会社|[(（]株[)）]|[(（]有[)）])"
    r"|[A-Z][\w&'.-]*(?:[ \t]+[A-Z&][\w&'.-]*){0,5}[ \t]+(?:Ltd|Limited|LLC|Inc|plc|PLC|LLP|GmbH)\.?)"
    r"[ \t　]*(?:→|->|⇒|=>|[:：]|[ \t　]-[ \t　])"
)


# ...or the payment details an organisation prints for its own customers or donors, said so before the account: 「当社への
# お振込先が下記に変更」「当社（株式会社…）の請求書に載せる振込先」, "For our donate page: 'You can give by bank transfer to …
# Trust'", "pay us by bank transfer to" (held-out AK's ak-031, ak-194, ak-098). Not when the account is said to be the
# writer's own or personal (a refund "to my own account", 「私個人の口座」).
_OWN_PAYEE = re.compile(
    r"(?:当社|弊社|当店|当院|当法人|当会|当団体)(?:[（(][^）)\n]{1,30}[）)])?(?:へ|宛て?)?の?[^。\n]{0,12}?"
    r"(?:お?振込み?先|お?振り込み先|お支払い?先|入金先)"
    r"|(?i:\b(?:donat(?:e|ion|ions)|giving|fundraising|appeal)\s+page\b|\b(?:give|donate)\s+(?:to\s+us\s+)?by\s+(?:bank\s+)?transfer\b|"
    r"\bpay\s+us\s+by\s+(?:bank\s+)?transfer\b)"
)
_OWN_PAYEE_NOT = re.compile(r"(?i:\bmy\s+own\b|\bpersonal\b|\bprivate\b)|個人の?口座|私の口座|私個人|自分の口座")


# ...or a public body's account for the payments it collects, named as the body's: "HMRC's account for self-assessment
# payments is sort code 08-32-10, account 12001039" (held-out AS's as-188), 「国税庁の納付用口座」. Published on the
# body's own payment pages for everyone who owes it; a person's account is never called the tax office's.
_PUBLIC_BODY_ACCOUNT = re.compile(
    r"\b(?:HMRC|HM\s+Revenue\s+(?:&|and)\s+Customs|IRS|DVLA|CRA|ATO|Companies\s+House|[Tt]he\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?i:council|court|tribunal|treasury|revenue|tax\s+office|authority|agency|ministry|department))(?:'s|’s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:bank\s+)?(?:account|details)\b"
    r"|(?:国税庁|税務署|市役所|区役所|町役場|県税事務所|都税事務所|裁判所|法務局|年金機構)(?:の|指定の?)[^。\n]{0,10}?口座"
)


def public_body_account(text: str, start: int) -> bool:
    """Is the account value at `start` said to be a public body's (`_PUBLIC_BODY_ACCOUNT`) just before it?"""
    before = text[max(0, start - 120) : start]
    return bool(_PUBLIC_BODY_ACCOUNT.search(before)) and not _OWN_PAYEE_NOT.search(before)


def _own_payee(text: str, start: int) -> bool:
    before = text[max(0, start - 200) : start]
    return bool(_OWN_PAYEE.search(before)) and not _OWN_PAYEE_NOT.search(before)


def _company_holder_near(text: str, start: int, end: int) -> bool:
    for m in _HOLDER.finditer(text, max(0, start - 120), min(len(text), end + 120)):
        if COMPANY_HOLDER_JA.match(m.group("v").strip()):
            return True
    return False


def _lines_up(text: str, line_start: int, n: int, floor: int) -> int:
    """The start of the line `n` lines above the one starting at `line_start`, not before `floor`."""
    for _ in range(n):
        if line_start <= 0 or text[line_start - 2 : line_start] == "\n\n":
            break  # (not across a blank line: another block)
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return max(line_start, floor, 0)


def _organisation_account(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if any(not _EMPLOYER_ASIDE.search(text, max(0, o.start() - 80), o.start())
           for o in _ORG_HOLDER.finditer(text, max(line_start, start - 80), min(line_end, end + 40))):
        return True
    if line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        if _ORG_NAME_LINE.fullmatch(text, above, line_start - 1):
            return True
    if _ORG_NAMED_JA.search(text, max(0, start - 120), min(len(text), end + 120)):
        return True
    if _PAYEE_COMPANY_JA.search(text, _lines_up(text, line_start, 2, start - 120), start):
        return True
    if _COMPANY_LINE_HEAD.match(text, line_start, start):
        return True
    if _own_payee(text, start) or public_body_account(text, start):
        return True
    # a registered business's invoice (see REGISTERED_BUSINESS) headed by its company name ("Hartley Print Ltd, Unit 4 …
    # VAT reg GB …\nPayment within 30 days to: HSBC, sort code …", held-out AB's ab-070) whose payment line names no
    # holder: the account is the issuer's. (A holder named on the line is judged by the holder checks below.)
    if (REGISTERED_BUSINESS.search(text) and _COMPANY_NAME_EN.search(text, 0, start)
            and not _HOLDER.search(text, line_start, line_end) and not mentions_person(text[line_start:line_end])
            and not name_mentions(text, [(line_start, line_end)])):
        return True
    # a company-form holder (「口座名義：カ）ウェブコウボウアオイ」) on a registered business's invoice (see REGISTERED_BUSINESS)
    if _company_holder_near(text, start, end) and REGISTERED_BUSINESS.search(text):
        return True
    return bool(_ORG_HOLDER_FIELD.search(text, max(0, start - 120), min(len(text), end + 120)))


_FILL_IN_LIKE = re.compile(r"\s*[」』\"”]\s*(?:の|と)(?:よう|様)に(?:記入|記載|書|入力|ご記入)|\s*[」』\"”]\s*(?:という|の)(?:形式|書き方|形)で")


def bank_accounts(text: str) -> Iterator[Span]:
    """Bank account numbers (`_bank_accounts`), but not an organisation's own (`_ORG_HOLDER`)."""
    for kind, start, end in _bank_accounts(text):
        if kind == "bank_account" and _organisation_account(text, start, end):
            continue
        yield kind, start, end


def _bank_accounts(text: str) -> Iterator[Span]:
    found = False
    for span in _log_accounts(text):
        found = True
        yield span
    for m in _SORT_CODE_ACCOUNT.finditer(text):
        if trivial_digits(re.sub(r"\D", "", m.group())):
            continue  # "SORT CODE: 00-00-00  ACCOUNT NO: 00000000": a sample statement's stand-in
        found = True
        yield "bank_account", *next((m.start(g), m.end(g + 1)) for g in (1, 3, 5) if m.group(g))
    for m in _ZENGIN_RECORD.finditer(text):
        if trivial_digits(m.group(1)):
            continue  # 「2 0000 … 1 0000000 ﾃｽﾄ ﾀﾛｳ 0000000000」: a format sample's stand-in
        found = True
        yield "bank_account", m.start(1), m.end(1)
    for m in _JP_ACCOUNT.finditer(text):
        group = 1 if m.group(1) else 2
        if EXAMPLE_CONTEXT.search(window(text, m.start(), m.end(), 60, 40)):
            continue  # 「普通 1234567」 in a 記載例: a stand-in
        # ...or quoted as how to fill a form's field (held-out AP's ap-154: 「口座番号の欄は「普通 1234567」のように記入してください」;
        # the digits alone say nothing: 「普通 1234567」 on a transfer request is someone's account)
        if _FILL_IN_LIKE.match(text, m.end()):
            continue
        # (a masked branch makes a stand-in; a masked bank alone does not: a customer who writes 「口座は ○○銀行
        # 普通 6621094 のままで」 hides the bank's name, not the account number)
        if len(set(m.group(group))) <= 1 or re.search(r"[○〇×＊*]{2}支店", window(text, m.start(), m.end(), 30, 0)):
            continue  # 「○○銀行 ○○支店 普通 0000000」: a template's stand-in account
        if _JP_BANK_CONTEXT.search(window(text, m.start(), m.end(), 40, 20)):
            found = True
            yield "bank_account", m.start(group), m.end(group)
    for m in _YUCHO.finditer(text):
        if re.search(r"ゆうちょ|郵便貯金|口座|振込|振り込", window(text, m.start(), m.end(), 40, 20)):
            found = True
            yield "bank_account", *((m.start(1), m.end(2)) if m.group(1) else (m.start(3), m.end(4)))
    for m in _IBAN.finditer(text):
        compact = m.group().replace(" ", "")
        if compact in _DOCUMENTATION_IBANS and (
            EXAMPLE_CONTEXT.search(text) or FORMAT_TALK.search(text) or _TEACHING_WORDS.search(text)
        ):
            continue
        named = _IBAN_CONTEXT.search(window(text, m.start(), m.end(), 30))
        if iban.is_valid(compact) or (named and not trivial_digits(re.sub(r"\D", "", compact[4:]))):
            found = True
            yield "bank_account", m.start(), m.end()
    for m in _US_ACCOUNT.finditer(text):
        if trivial_digits(re.sub(r"\D", "", m.group(1))):
            continue  # "ACCOUNT NO: 00000000": a sample's stand-in
        if _US_BANK_CONTEXT.search(window(text, m.start(), m.end(), 60, 40)):
            found = True
            yield "bank_account", m.start(1), m.end(1)
    for m in _ROUTING.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if (_BANKS_OWN_ROUTING.search(before) and not _ROUTING_OWNER.search(before)
                and not _ANY_ACCOUNT_NUMBER.search(text)):
            continue  # a bank's published routing number, no account given (see _BANKS_OWN_ROUTING)
        if rtn.is_valid(m.group(1)):
            found = True
            yield "bank_account", m.start(1), m.end(1)
        # A routing number with an account number on the same line (an ACH return, a wire form) is an
        # account whatever the checksum says: the pair is what a payment needs.
        line_end = text.find("\n", m.end())
        acct = _ACCOUNT_ON_LINE.search(text, m.end(), len(text) if line_end < 0 else line_end)
        if acct:
            found = True
            yield "bank_account", acct.start(1), acct.end(1)
    # The holder's name ties an account to a person; alone (a payee on an invoice form) it is not.
    if found or re.search(r"銀行|口座|bank|account|IBAN", text, re.IGNORECASE):
        for m in _HOLDER.finditer(text):
            value = m.group("v").strip()
            if not found and not m.group("sep"):
                continue
            if value[:1] in "のをがにで" or not value:
                continue
            # a template's stand-in: 「名義：カ）〇〇」「XXXX」
            # (or a bracketed field to fill in: "[beneficiary name]")
            if _ORG_HOLDER_FIELD.match(text, m.start()):
                continue  # a company's own account, by its legal form
            if COMPANY_HOLDER_JA.match(value) and (REGISTERED_BUSINESS.search(text) or _PAYEE_COMPANY_JA.search(text)
                                                  or _own_payee(text, m.start())):
                continue  # a registered business's own account on its invoice (see REGISTERED_BUSINESS), or a company payee's
            if _HOLDER_ASKED.search(value):
                continue  # the field asked about, not filled in: 「口座名義はカナも必要？」 (held-out AA's aa-192)
            # (or a template engine's field, 「口座名義：{{account_holder}}」 in an invoice's HTML, held-out BI's bi-057)
            if not re.fullmatch(r"[_＿\-ー.…\s]+|(?i:name|xxx+|○+|〇+)|\[[^\]]*\]|\{\{[^{}]*\}\}|\{[A-Za-z_]\w*\}|\$\{[^{}]*\}", value) and not re.search(r"[○〇]{2}|[＿_]{3}|(?i:xxx)", value):
                yield "account_holder", m.start("v"), m.start("v") + len(value)

"""Classes of failure held-out J showed, each tested on prompts of the same kind written afresh (not J's
rows): organisations' own contact details (signatures, a depot, a practice, a hospital, 当社), numbers
in reserved or fictional ranges (Ofcom drama numbers, zeroed subscriber parts, 555-01xx), a fictional
resident's address, a property listing's address, gateways' documented test cards, guidance on
questions not to ask; and confidentiality said in prose. Beside them, the recall that must stay: a
person's own mobile or address next to a company name. Every name and number is invented."""

from __future__ import annotations

import phonenumbers
import pytest

from kakehashi.routing import privacy
from kakehashi.routing.privacy import phone_ranges

HARD_NEGATIVES = [
    # an organisation's e-mail signature
    (
        "Please tidy this signature block:\n--\nNorthwind Tooling Ltd | Customer Accounts\n"
        "Plot 7, Harbour Way, Bristol BS1 6QX | 0117 325 8841 | accounts@northwind-tooling.example"
    ),
    "このメールの署名を整えて。\n――――\n有限会社カワセ電機　総務課\n〒460-0008 愛知県名古屋市中区栄3-15-2\nTEL 052-261-4478（代表）",
    # a place that answers a landline
    "Draft a rota reminder for drivers: load by 6am, and ring the warehouse on 0121 675 3390 if a van breaks down.",
    "Write a reminder text from our vet clinic: 'Hi {owner_name}, {pet_name} is due a booster. Call us on 01865 554 210.'",
    "案内文のチェックをお願いします。「さくら歯科医院（TEL 045-331-8820）は木曜休診です」",
    "チラシの文面：「お問い合わせは当社 06-6345-7712 まで」。もっと目を引く言い回しにして",
    # numbers in reserved or fictional ranges
    "Our radio drama needs a phone number the detective reads out. Is 020 7946 0321 OK to use?",
    "Screenplay line: 'Call me on 07700 900461 if he shows up.' Make it sound more tense.",
    "Form copy: 'Phone: 06-0000-0000' — should the label say 電話番号 or TEL?",
    "In the sitcom, Frank answers with 'Pizza Palace, (312) 555-0147'. Punch up the joke.",
    "UI mock for the contact page: Head office +44 161 000 0000. Suggest a layout.",
    # a fictional resident's address; a property on the market
    "In our audio drama, 'Mr. Patel of 8 Willow Crescent' complains about the bins. Write his next scene.",
    "物件紹介文を作って：大阪府大阪市北区天満2丁目、2DK、築12年、家賃9.8万円。",
    "Write a listing for a flat for rent at 31 Cedar Road, Leeds LS6 2AB: two bedrooms, garden.",
    # gateways' documented test cards, in code
    "Write a Jest test for my Luhn validator using 4000000000009995 and 5555555555554444.",
    "決済フォームのE2Eで 4000000000000069 と 4000002500003155 を入力する Playwright コードを書いて",
    # guidance on what not to ask lists the categories as topics
    "List questions interviewers must not ask, e.g. about religion, union membership or sexual orientation.",
    "採用面接で尋ねてはいけない質問（宗教、支持政党、労働組合への加入など）を一覧にして",
]

SENSITIVE = [
    # confidentiality said in prose
    ("confidential", "From the partner roadmap (NDA, do not share): v3 drops the on-prem tier next spring. Summarise it."),
    ("confidential", "Client-confidential figures below; Q3 churn rose to 7.2% after the price change. Draft a note."),
    ("confidential", "Do not mention to customers yet: the Osaka plant closes in March. Write the internal FAQ."),
    ("confidential", "来期の値上げ幅は12%の予定です。まだ顧客には言わないでください。社内説明資料を作って"),
    ("confidential", "未公表の決算数字（営業利益 38億円）を使って取締役会向けのサマリーを書いて"),
    # a person's own number or address beside a company name still counts
    ("contact", "Acme Ltd sales desk 020 7123 4567, but my mobile is 07911 482 615 if it's urgent."),
    ("contact", "株式会社ミドリ商事の佐藤です。携帯 090-3521-8874 までご連絡ください。"),
    ("contact", "Call the depot on 0121 675 3390, or my personal number 07823 551 904 after 6pm."),
    ("contact", "当社の担当は山本です。自宅は東京都杉並区阿佐谷南2-14-9、ここに書類を送ってください。"),
    # a landline with no organisation near it is still someone's
    ("contact", "Ring Margaret at home on 0161 872 3391 about the spare key."),
    # a drama-range number written as someone's, outside a script or template, is taken as written
    ("contact", "Remind my cousin at (718) 555-0123 that dinner moved to 8."),
    ("contact", "My plumber's number is 0113 496 0712; draft a text asking him to come Tuesday."),
    # a card that is no documented test number, in code, is still a card
    ("financial", "Why does my Luhn check reject 4539 1488 0343 6467? It's my Visa."),
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_organisations_placeholders_and_topics_stay_clean(text: str) -> None:
    assert privacy.scan(text) == []


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_prose_confidentiality_and_personal_contacts_are_found(category: str, text: str) -> None:
    assert category in {f.category for f in privacy.scan(text)}


@pytest.mark.parametrize(
    ("number", "region", "reserved"),
    [
        ("0161 496 0123", "GB", True),  # Ofcom drama, Manchester
        ("028 9649 6555", "GB", True),  # Ofcom drama, Belfast
        ("01632 960789", "GB", True),  # Ofcom drama, no area
        ("+44 20 7000 0000", "GB", True),  # zeroed subscriber part
        ("03-0000-5678", "JP", True),
        ("(415) 555-0199", "US", True),  # NANP fiction range
        ("0161 872 3391", "GB", False),
        ("03-3542-2511", "JP", False),
        ("(415) 555-0299", "US", False),
    ],
)
def test_reserved_ranges(number: str, region: str, reserved: bool) -> None:
    n = phonenumbers.parse(number, region)
    assert (phone_ranges.fictional(n) or phone_ranges.zeroed(n)) is reserved


def test_non_geographic_numbers_are_organisations_and_mobiles_are_not() -> None:
    assert phone_ranges.organisational(phonenumbers.parse("0330 088 1234", "GB"))
    assert phone_ranges.organisational(phonenumbers.parse("0570-012-345", "JP"))
    assert not phone_ranges.organisational(phonenumbers.parse("090-3521-8874", "JP"))
    assert phone_ranges.mobile(phonenumbers.parse("07911 482615", "GB"))

"""The person gate: special-category findings only when the prompt refers to an identifiable person."""

import pytest

from kakehashi.routing import privacy

NOBODY = [
    ("Can you give me a plain-language explanation of what an HbA1c of 8.2% means, for a leaflet we hand out "
    "to newly diagnosed type 2 diabetes patients? No names, just general."),
    "What can a landlord legally ask a prospective tenant in England? Can I ask about criminal convictions?",
    ("For a school assembly on religious festivals, give me a one-paragraph explanation each of Diwali, "
    "Hanukkah and Eid al-Fitr suitable for 8-year-olds."),
    ("How do I write a neutral all-staff email saying the company recognises the union for collective "
    "bargaining from 1 March? No names needed."),
    ("うちの会社、年末に神社でお祓いをする行事があるんですが、信仰上の理由で参加しない社員がいても問題ないですよね？"
    "一般論で教えてください。"),
]

SOMEONE = [
    ("My husband was diagnosed with MS last year.", "health"),
    ("I was diagnosed with bipolar disorder last year and need to tell my manager.", "health"),
    ("部下が適応障害で休職しています。", "health"),
    ("MRN: 00482913 - please summarize the visit notes.", "health"),
    ("組合員の名簿（営業部：坂本、営業部：内田）を会社側に出すよう言われました。断り方は？", "union_membership"),
    ("我が家は創価学会の信者で、来月の会合があるので土曜出勤を断りたいです。", "religion"),
    ("Anne-Sophie asked me to keep her IVF appointments off the shared calendar.", "health"),
    ("I'm the shop steward for our local union and management wants a list of members. Draft my reply.",
     "union_membership"),
]


@pytest.mark.parametrize("text", NOBODY)
def test_special_category_without_a_person_is_dropped(text: str) -> None:
    found = privacy.categories(privacy.scan(text))
    assert not set(found) & set(privacy.SPECIAL_CATEGORIES), (found, text)


@pytest.mark.parametrize(("text", "category"), SOMEONE)
def test_special_category_about_someone_is_kept(text: str, category: str) -> None:
    assert category in privacy.categories(privacy.scan(text)), text


def test_a_cold_is_not_a_disclosure() -> None:
    text = "I had a cold last week and I'm still coughing, should I go into the office tomorrow?"
    assert privacy.scan(text) == []

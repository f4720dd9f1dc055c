"""People named plainly (a bare first name, a Japanese surname without さん) and a named person's pay.

The name lexicon (`privacy/names.py`, `person_names.json` built from names-dataset) lets the
special-category rules see "Lucas is on lithium" or 「岡田は休職中」; the pay rule reports "Chloe's
raise to $98k". Next to each, the hard negatives: public figures in questions and news, eponymous
diseases, places and organisations, word problems, your own salary, averages. Every name is invented.
"""

from __future__ import annotations

import pytest

from kakehashi.routing import privacy
from kakehashi.routing.privacy.names import first_name_mentions, japanese_name_mentions

SENSITIVE = [
    # a bare first name, as chats and notes write colleagues
    ("health", "fyi Lucas is back on lithium after the summer, go easy on the deadlines"),
    ("health", "Note from my 1:1 with Aisha: she's been having panic attacks before standups."),
    ("criminal_record", "Between us, Marco got a DUI in March and lost his licence."),
    ("religion", "Can we move the retro? Yusuf is fasting for Ramadan and the lunch slot is hard for him."),
    ("union_membership", "Heads up: Brenda is now the shop steward for the night crew."),
    ("health", "@mkowalski is off until Monday, her endometriosis flared up again — can someone take her on-call?"),
    ("health", "Anne-Sophie asked me to keep her IVF appointments off the shared calendar."),
    ("sexual_orientation", "Tomasz told the team last week that he is gay; how do I stop the jokes at lunch?"),
    # in-house Japanese: a colleague's surname without an honorific, or a full name without one
    ("health", "報告：岡田は椎間板ヘルニアの手術のため来月から3週間休みます。"),
    ("health", "村井健太が先週から抗うつ薬を飲み始めたと本人から相談がありました。"),
    ("criminal_record", "人事メモ：柴田 直樹 窃盗で執行猶予中との申告あり。"),
    ("health", "兄（浩二）が透析を始めることになった。仕事の調整をどう相談すればいい？"),
    # a named person's pay
    ("financial", "Can you word this nicely: Chloe's raise takes her to $98k base from January."),
    ("financial", "Counter-offer for Mateo Silva: 160k base plus 10% bonus, reply by Friday."),
    ("financial", "松井 美咲さんの来期の基本給は月32万円になります。通知文の下書きをお願いします。"),
    # a password given a few words or one chat line after the word
    ("secret", "pw for the studio wifi? it's Hoshi-zora_8812 i think"),
    ("secret", "【LINE】\nけん: 倉庫PCのパスワード教えて\nまい: Haru_kaze3307 だよ"),
    # a table of people with what HR keeps about them (ratings, promotion, improvement plan)
    ("bulk_personal", "評価一覧\n佐々木 悠\tA\t昇格候補\n森 恵美\tC\t改善計画\n林 大輔\tB\t現状維持"),
    ("bulk_personal", "Q3 ratings\nNina Olsen - rating 4 - promotion candidate\nLeo Brandt - rating 2 - PIP from Oct"),
]

HARD_NEGATIVES = [
    # public figures: a question nobody in particular asks, a title before the name
    "Why was Oscar Wilde sent to prison?",
    "What illness did Winston Churchill suffer from in his last years?",
    "Apple CEO Tim Cook said the transition to new chips is complete.",
    # eponymous diseases, places, organisations
    "What are early signs of Parkinson's disease?",
    "Directions to Emily Street Hospital from the station, please; the diabetes clinic is on floor 3.",
    # names with ordinary facts (no special category)
    "Lucas is presenting the roadmap on Thursday; Aisha will take the notes.",
    "岡田は来週から大阪出張です。新幹線の手配をお願いします。",
    # pay: a word problem, one's own salary, an average, an unnamed range
    "If Maria earns $12 an hour and works 30 hours, how much does she make in a week?",
    "My salary is $72k; how much should I put into my 401k?",
    "The average salary of a nurse in Osaka is about 480万円. Is that typical?",
    "The posted range for this role is $120k-$150k base.",
    # password words beside values that are not passwords
    "def check(password):\n    return len(password) >= 12 and password != DEFAULT_Pass1\n",
    "A strong password looks like e.g. Tr0ub4dor&3 — explain why length matters more.",
    "Reset your password at https://id.example.org/Reset2FA and then sign in again.",
    # a bot's commit address; the IBAN printed in the standard's documentation
    "commit 9f1c2ab\nAuthor: build-bot <ci@acme-tools.dev>\n    chore: bump deps\nwrite release notes",
    "Does my IBAN validator accept GB82 WEST 1234 5698 7654 32 (the one in the ISO docs)?",
    # names with tasks, one per line
    "- Ana Ruiz: finish API docs\n- Raj Patel: fix CI\n- Tom Lee: review PR\nmake this a checklist",
]


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_plainly_named_people_are_found(category: str, text: str) -> None:
    assert category in privacy.categories(privacy.scan(text)), text


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_plainly_named_hard_negatives_stay_clean(text: str) -> None:
    assert privacy.scan(text) == [], privacy.labels(privacy.scan(text))


def test_salary_is_a_financial_kind_with_its_own_placeholder() -> None:
    text = "Chloe's raise takes her to $98k base from January."
    (finding,) = privacy.scan(text)
    assert finding.label == "financial/salary"
    assert privacy.redact(text) == "[SALARY]"


def test_lexicon_lookups() -> None:
    text = "notes w/ Carlos and Priya"
    assert first_name_mentions(text) == [text.index("Carlos"), text.index("Priya")]
    assert first_name_mentions("the Jordan river; Senator Kevin Park") == []
    assert japanese_name_mentions("中島は休み") == [0]
    assert japanese_name_mentions("中島公園") == []
    assert japanese_name_mentions("田村 健一から連絡") == [0]
    assert first_name_mentions("@here the deploy is done; mail ops@acme.io") == []
    assert first_name_mentions("Our HR assistant Claude answers leave questions") == []

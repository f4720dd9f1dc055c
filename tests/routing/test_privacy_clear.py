"""The clearing side of the learned second opinion: `privacy.scan(text, learned=True)` drops a rules'
flag of soft kinds only (`privacy.SOFT_KINDS`) when the model scores the prompt below its clearing
threshold, and never a flag with a secret, an identifier, a card, an account number or a marking.

The prompts are written for this file (not rows of eval/privacy/); they check the plumbing. How much it
clears and loses is measured out of fold in benchmarks/routing/README.md, "Session 13".
"""

from __future__ import annotations

from kakehashi.routing import privacy
from kakehashi.routing.evaluation import evaluate_privacy
from kakehashi.routing.from_config import policy_from_config
from kakehashi.routing.policy import decide
from kakehashi.routing.privacy import learned
from tests.routing.test_privacy_learned import _config

# A table of invented people made up for slides: the rules see a table of people (bulk_personal).
DEMO_TABLE = (
    "Make a demo table for the HR onboarding slides (fictional people):\n"
    "Name | Date of birth | Phone\n"
    "Alex Sample | 1990-01-01 | 555-0100\n"
    "Bea Example | 1985-05-05 | 555-0199"
)
SENSITIVE = [
    (
        "My colleague Ken Watanabe was diagnosed with type 2 diabetes last week and asked me not to tell "
        "anyone; how do I cover his shifts?"
    ),
    "同僚の佐藤さんがうつ病で休職することになった。チームへの伝え方を考えて。",
]
# A person's contact details on a coding question: the model finds the prompt harmless, the values stand.
CODING = "Write a Python function that merges two sorted lists and explain its complexity."
CONTACTS = [
    (CODING + " Call me on 090-1234-5678 when done.", "phone"),
    (CODING + " Send the result to taro.yamada@yamada-shoji.co.jp.", "email"),
    (CODING + " 印刷して東京都世田谷区桜丘3-14-2 山田様に送って。", "address"),
]


def test_shipped_model_carries_its_clearing_threshold():
    model = learned.load_model()
    assert 0.0 < model.clear_below < model.threshold
    assert model.meta.get("clear_below") == model.clear_below


def test_soft_kinds_exclude_validated_values():
    never = {"private_key", "api_key", "token", "password", "credit_card", "bank_account", "confidential",
             "my_number", "ssn", "passport", "drivers_license", "residence_card", "pension_number",
             "insurance_id", "tax_id", "national_id", "email", "phone", "address"}
    assert privacy.SOFT_KINDS <= set(privacy.CATEGORY_OF)
    assert not privacy.SOFT_KINDS & never


def test_a_soft_only_flag_the_model_doubts_is_cleared():
    assert privacy.kinds(privacy.scan(DEMO_TABLE)) == ["bulk_personal"]  # the rules alone
    assert learned.load_model().clears(DEMO_TABLE)
    assert privacy.scan(DEMO_TABLE, learned=True) == []
    assert privacy.kinds(privacy.scan(DEMO_TABLE, learned=True, clear=False)) == ["bulk_personal"]
    assert privacy.redact(DEMO_TABLE, learned=True) == DEMO_TABLE


def test_a_hard_kind_is_never_cleared():
    # the model doubts both, but a marking is a marking and a valid My Number is an identifier
    marked = DEMO_TABLE + "\nFooter: CONFIDENTIAL"
    numbered = (
        "Make a demo table for the HR onboarding slides (fictional people):\n"
        "Name | Date of birth | Phone | My Number\nAlex Sample | 1990-01-01 | 555-0100 | 1234 5678 9018"
    )
    for text, kind in ((marked, "confidential"), (numbered, "my_number")):
        assert learned.load_model().clears(text)
        assert kind in privacy.kinds(privacy.scan(text, learned=True))
    for text, kind in CONTACTS:
        assert learned.load_model().clears(text), text
        assert kind in privacy.kinds(privacy.scan(text, learned=True)), text


def test_soft_flags_about_someone_stand():
    for text in SENSITIVE:
        kinds = privacy.kinds(privacy.scan(text, learned=True))
        assert kinds and set(kinds) <= privacy.SOFT_KINDS, text


def test_setting_and_evaluation_follow_privacy_clear():
    on = policy_from_config(_config(), embedded=["local-model"])
    off = policy_from_config(_config(privacy_clear=False), embedded=["local-model"])
    rules = policy_from_config(_config(privacy_learned=False), embedded=["local-model"])
    assert on.privacy_clear is True and off.privacy_clear is False
    messages = [{"role": "user", "content": DEMO_TABLE}]
    assert decide("openai/gpt", messages, on).privacy_rule is None
    assert decide("openai/gpt", messages, off).privacy_rule is not None
    assert decide("openai/gpt", messages, rules).privacy_rule is not None  # the rules alone never clear
    rows = [{"id": "x", "text": DEMO_TABLE, "sensitive": False, "lang": "en"}]
    assert evaluate_privacy(rows, learned=True)["false_positive_rate"] == 0.0
    assert evaluate_privacy(rows, learned=True, clear=False)["false_positive_rate"] == 1.0


# Session 20 (benchmarks/routing/s20-clearing-study.md): the model reads a named person's special-category fact as a
# topic and would clear it; a finding whose sentence names its person (an honorific, a title and surname, a lexicon
# name, "my colleague") is kept. A topic prompt with no one in it is still cleared.
NAMED_SPECIAL = [
    "田中さんはてんかん持ちだそうです。シフト調整のお知らせ文を作ってください。",
    "Our client Mr Hale got a Gender Recognition Certificate. Summarise this for the file.",
]
# (a faith read by the rules as a person, "Orthodox" a lexicon first name before "Jews are": a topic the model clears)
TOPIC_SPECIAL = "Orthodox Jews are how many in Israel? Our handbook explains how information about them is handled."


def test_a_named_persons_special_category_finding_is_not_cleared():
    model = learned.load_model()
    for text in NAMED_SPECIAL:
        assert model.clears(text), text  # the model alone would clear it
        rules = privacy.categories(privacy.scan(text))
        assert rules and set(rules) <= privacy.SPECIAL_CATEGORIES, text
        assert privacy.categories(privacy.scan(text, learned=True)) == rules, text


def test_a_special_category_topic_is_still_cleared():
    assert privacy.categories(privacy.scan(TOPIC_SPECIAL)) == ["religion"]  # the rules alone
    assert privacy.scan(TOPIC_SPECIAL, learned=True) == []

"""The learned model's *contact* verdict goes through two gates inside `privacy.scan(learned=True)` (session 22): it is not
taken on a prompt whose contact details are already replaced by placeholders and said to be (`_already_redacted`), nor on
one whose only address the rules read as an organisation's (`contact.organisation_address_only`). Its other categories are
kept either way.

The predicates have their own tests (test_privacy_s22fp_redacted.py, test_privacy_s22df.py); these check the wiring in
`scan`: a small stand-in for the model's verdict (the model rarely says "contact" on a fresh prompt, so a real verdict
cannot be chosen per case) plus one prompt on which the real shipped model does say "contact"."""

from __future__ import annotations

import pytest

from kakehashi.routing import privacy
from kakehashi.routing.privacy import LEARNED_KIND, Finding, learned_findings, mask, scan

REDACTED_EN = (
    "I removed the customer's details first, make my reply warmer.\n"
    "Customer: the tracking says delivered but nothing is here\nCustomer: [REDACTED ADDRESS]\n"
    "Agent: the courier photo shows a green gate."
)
REDACTED_JA = "お客様の情報は伏せてあります。返信を丁寧にして。\nお客様：[住所] に届いていません。\n担当：配達員の写真では青いドアの前です。"
ORGANISATION = "My class wants to write to the President. Is the White House at 1600 Pennsylvania Avenue NW, Washington, DC 20500?"
NEITHER = "Customer: the parcel never came. Agent: sorry, we will reship today. Make my reply warmer."


def _model_says(category: str):
    def verdict(text: str) -> list[Finding]:
        return [Finding(LEARNED_KIND, (0, len(text)), mask(text), learned_category=category)]

    return verdict


@pytest.mark.parametrize("text", [REDACTED_EN, REDACTED_JA, ORGANISATION])
def test_contact_verdict_dropped_behind_either_gate(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(privacy, "learned_findings", _model_says("contact"))
    assert scan(text) == []  # the rules alone find nothing here
    assert scan(text, learned=True) == []


@pytest.mark.parametrize("text", [REDACTED_EN, REDACTED_JA, ORGANISATION])
def test_other_categories_pass_both_gates(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(privacy, "learned_findings", _model_says("health"))
    assert [f.category for f in scan(text, learned=True)] == ["health"]


def test_contact_verdict_kept_when_no_gate_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy, "learned_findings", _model_says("contact"))
    assert [f.category for f in scan(NEITHER, learned=True)] == ["contact"]


def test_real_model_contact_verdict_on_an_organisation_address_is_dropped() -> None:
    text = (
        "I want my daughter to write to the President. What's the White House mailing address? "
        "Is it 1600 Pennsylvania Avenue NW, Washington, DC 20500?"
    )
    assert [f.learned_category for f in learned_findings(text)] == ["contact"]
    assert scan(text, learned=True) == []

"""Privacy scanner: the labelled case file (recall / false-positive targets) plus specific cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakehashi.routing import privacy

CASES = Path(__file__).parent / "data" / "privacy_cases.jsonl"
DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "data" / "routing-dev.jsonl"


def load_cases() -> list[dict[str, object]]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_case_file_is_big_and_bilingual() -> None:
    cases = load_cases()
    assert len(cases) >= 150
    for lang in ("en", "ja"):
        for sensitive in (True, False):
            assert sum(c["lang"] == lang and c["sensitive"] is sensitive for c in cases) >= 25


def test_recall_and_false_positive_rate_meet_targets() -> None:
    cases = load_cases()
    sensitive = [c for c in cases if c["sensitive"]]
    clean = [c for c in cases if not c["sensitive"]]
    missed = [c["text"] for c in sensitive if not privacy.scan(str(c["text"]))]
    flagged = [c["text"] for c in clean if privacy.scan(str(c["text"]))]
    assert 1 - len(missed) / len(sensitive) >= 0.98, missed
    assert len(flagged) / len(clean) <= 0.05, flagged


def test_each_sensitive_case_reports_its_kinds() -> None:
    wrong = []
    for case in load_cases():
        if case["sensitive"]:
            found = {f.kind for f in privacy.scan(str(case["text"]))}
            if not set(case["kinds"]) <= found:  # type: ignore[arg-type]
                wrong.append((case["text"], case["kinds"], found))
    assert len(wrong) <= 2, wrong


@pytest.mark.skipif(not DEV_SET.exists(), reason="shared/data/routing-dev.jsonl is not beside the repo")
def test_routing_dev_set_has_almost_no_false_positives() -> None:
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [r["id"] for r in rows if privacy.scan(r["prompt"])]
    assert len(flagged) / len(rows) <= 0.05, flagged


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("電話は０９０－１２３４－５６７８です", "phone"),  # full-width digits and dashes
        ("マイナンバーは621498320257です", "my_number"),
        (
            "IBANはDE89370400440532013000です",
            "bank_account",
        ),  # no word boundary before a Latin run in Japanese
        ("キーはsk-proj-abc123DEF456ghi789JKL012mno345", "secret"),
        ("〒150-0002東京都渋谷区渋谷2-21-1", "address"),
    ],
)
def test_japanese_context_without_spaces(text: str, kind: str) -> None:
    assert kind in {f.kind for f in privacy.scan(text)}


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # Luhn fails
        "9784061234567",  # ISBN-13 passes Luhn-like checks but is no card prefix
        "注文番号 202401151230",  # 12 digits, no My Number context, no 4-4-4 grouping
        "IBAN DE00 0000 0000 0000 0000 00",  # mod-97 fails
        "普通 1234567",  # 7 digits but no bank nearby
        "What is diabetes?",
        "糖尿病の診断基準は？",
        "Design a database schema for patients, diagnoses and prescriptions.",
        "pip install sk-learn-tutorial-for-beginners",
    ],
)
def test_not_personal(text: str) -> None:
    assert privacy.scan(text) == []


def test_findings_are_masked_and_spans_point_at_the_value() -> None:
    text = "mail taro.yamada@example.co.jp or call 03-1234-5678"
    findings = privacy.scan(text)
    assert [f.kind for f in findings] == ["email", "phone"]
    email, phone = findings
    assert text[email.span[0] : email.span[1]] == "taro.yamada@example.co.jp"
    assert text[phone.span[0] : phone.span[1]] == "03-1234-5678"
    assert "yamada" not in email.masked and email.masked.startswith("ta") and "*" in email.masked


def test_redact_replaces_each_finding_with_its_placeholder() -> None:
    text = "カード 4111-1111-1111-1111、メール a.b@example.jp、住所 大阪府大阪市北区梅田3丁目1番1号"
    assert privacy.redact(text) == "カード [CREDIT_CARD]、メール [EMAIL]、住所 [ADDRESS]"
    assert privacy.redact("nothing here") == "nothing here"


def test_overlapping_detections_keep_the_longest() -> None:
    text = "田中一郎 / 090-2222-3333 / 東京都港区六本木6-10-1"
    kinds = [f.kind for f in privacy.scan(text)]
    assert kinds == ["phone", "address"]


def test_private_key_block_is_one_secret() -> None:
    key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1c7\n-----END RSA PRIVATE KEY-----"
    findings = privacy.scan(f"why does ssh reject\n{key}\nthanks")
    assert len(findings) == 1 and findings[0].kind == "secret"
    assert privacy.redact(key) == "[SECRET]"


def test_redact_messages_keeps_structure() -> None:
    messages = [
        {"role": "system", "content": "You help."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "I am at 090-1234-5678"},
                {"type": "image_url", "image_url": {"url": "u"}},
            ],
        },
    ]
    out = privacy.redact_messages(messages)
    assert out[0] == messages[0]
    assert out[1]["content"][0] == {"type": "text", "text": "I am at [PHONE]"}
    assert out[1]["content"][1] == messages[1]["content"][1]
    assert messages[1]["content"][0]["text"] == "I am at 090-1234-5678"  # input untouched
    assert privacy.kinds(privacy.scan(privacy.messages_text(messages))) == ["phone"]

"""Privacy scanner: real prompts per category (EN and JA), hard negatives, spans, redaction, and the
labelled sets in eval/privacy/ as regression floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakehashi.routing import privacy
from kakehashi.routing.evaluation import evaluate_privacy

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval" / "privacy"
DEV_SET = ROOT / "data" / "routing-dev.jsonl"

# One or more real-looking prompts per category and language: (category, text).
SENSITIVE = [
    ("secret", "DATABASE_URL=postgres://app:Wint3r-Is-C0ming@10.2.3.4:5432/orders — why is the pool exhausted?"),
    ("secret", "The wifi password for the guest network is Kq7!p2Zr9m, write a welcome card."),
    ("secret", "aws_secret_access_key = 'q8vT1bX0Lw3nYhE7kPz2rGd9sM4cJfA6uWy5iRoN' in my boto3 config fails"),
    ("secret", "Authorization: Bearer 7f3a9c1e5b2d8f4a6c0e9b1d3f5a7c9e returns 401"),
    ("secret", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----"),
    ("secret", "管理画面のパスワードは「tanuki-2024-Spring」です。新任者への案内を書いて"),
    ("secret", "キャッシュカードの暗証番号は 7391 です。語呂合わせを考えて"),
    ("confidential", "CONFIDENTIAL — DO NOT FORWARD\nQ3 plan: close the Nagoya plant. Make talking points."),
    ("confidential", "This memo is strictly confidential. Rewrite it more concisely."),
    ("confidential", "【社外秘】2025年度 中期経営計画（案）を1枚にまとめて"),
    ("confidential", "この資料は関係者外秘です。想定問答を作って"),
    ("national_id", "Fill in the W-4 for Daniel Ortiz, SSN 523-41-8876."),
    ("national_id", "My passport number is X48217653, write to the embassy."),
    ("national_id", "妻のマイナンバーは 4657 9823 1051 です。扶養控除の書き方は？"),
    ("national_id", "在留カード番号 AB12345678CD の社員の更新書類を教えて"),
    ("financial", "Refund to card 4556 7375 8689 9855, exp 11/26, please."),
    ("financial", "Wire it to IBAN GB29 NWBK 6016 1331 9268 19, beneficiary Emily Clarke."),
    ("financial", "振込先：みずほ銀行 新宿支店 普通預金 口座番号 3012345 名義 サクラ タロウ"),
    ("health", "I've been on sertraline 100mg for six months; my psychiatrist wants to add bupropion."),
    ("health", "部下の佐々木さんが適応障害と診断され、休職することになりました。"),
    ("health", "健康診断の結果、私は HbA1c 7.2%、LDL 172 で要精密検査でした。"),
    ("religion", "I'm a Jehovah's Witness and refuse blood transfusions; write my advance directive."),
    ("religion", "営業部の山本さんは創価学会の会員なので、選挙の時期は気をつけた方がいい？"),
    ("criminal_record", "Candidate Kevin Walsh has a 2019 DUI conviction and is on probation."),
    ("criminal_record", "同僚の井上さんが昨夜、酒気帯び運転で逮捕されたそうです。"),
    ("union_membership", "I joined the Teamsters last week and my supervisor gives me worse routes."),
    ("union_membership", "製造部の木村さんは労働組合の組合員です。配置転換の資料を作って"),
    ("sexual_orientation", "My coworker Daniel came out to me as gay last week."),
    ("sexual_orientation", "息子がトランスジェンダーであることを担任にどう伝えるか手紙を書いて"),
    ("bulk_personal", "name,dob,employee_id,salary\nMaria Lopez,1988-04-12,E10231,72000\nJohn Park,1991-11-30,E10457,68500"),
    ("bulk_personal", "以下の名簿を並べ替えて\n田中 美咲　1992年4月3日生　杉並区\n大野 拓海　1988年9月15日生　世田谷区"),
    ("contact", "Reply to Jessica (jessica.huang@gmail.com) about the interview."),
    ("contact", "私の携帯は080-3921-5567です。再配達の依頼文を作って"),
    ("contact", "お届け先：〒564-0063 大阪府吹田市江坂町2-14-7 田村 様"),
]

HARD_NEGATIVES = [
    "def login(username: str, password: str) -> bool:\n    return bcrypt.checkpw(password.encode(), h)",
    "SECRET_KEY = os.environ['DJANGO_SECRET_KEY'] — is that safe?",
    "Our docs say `export OPENAI_API_KEY=<your-key-here>`; rewrite for PowerShell.",
    "Example .env: DATABASE_URL=postgres://user:password@localhost:5432/mydb",
    "Send a test message to user@example.com in the unit test.",
    "Contact us at support@github.com — rewrite this footer.",
    "Apple's headquarters is One Apple Park Way, Cupertino, CA 95014. How big is the campus?",
    "Create an invoice template with fields: Bill To, Address, Invoice #, Item, Qty, Total.",
    "Explain confidential computing and SGX enclaves.",
    "How is a Social Security number structured?",
    "What are the common side effects of sertraline?",
    "Compare the core beliefs of Buddhism and Shinto.",
    "Summarize the history of the Teamsters union.",
    "Convert this table to JSON:\n| product | price |\n| apple | 120 |\n| pear | 150 |",
    "Test card numbers like 4242 4242 4242 4242 are for testing only; explain them.",
    "password = input(\"パスワードを入力: \")\nif len(password) < 8:\n    print(\"短すぎます\")",
    "テスト用のメールアドレス taro@example.com を使ってE2Eテストを書いて",
    "トヨタ自動車の本社所在地は愛知県豊田市トヨタ町1番地です。沿革をまとめて",
    "社外秘と極秘と部外秘の違いを教えてください",
    "マイナンバーのチェックデジットの計算方法をPythonで実装して",
    "健康診断で「要再検査」と出たら一般的にどうすればいいですか",
    "執行猶予と保護観察の違いを説明して",
    "氏名：＿＿＿＿　生年月日：＿＿年＿＿月＿＿日 の申込書をHTMLで作って",
    "フリーダイヤル 0120-444-444 のような番号の取得方法は？",
    "Is 123456789012 a valid My Number? Explain the check digit.",
]


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_each_category_is_found_and_named(category: str, text: str) -> None:
    findings = privacy.scan(text)
    assert category in privacy.categories(findings), [(f.label, f.masked) for f in findings]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_stay_clean(text: str) -> None:
    assert privacy.scan(text) == [], [(f.label, text[f.span[0] : f.span[1]]) for f in privacy.scan(text)]


def test_spans_point_at_the_value_and_masks_hide_it() -> None:
    text = "連絡は jiro.sato@gmail.com まで。Key: sk-proj-Jx83kLqPz0WvN2mRt7YbC5dHs9FgA1eU4oIiK6"
    found = {f.kind: f for f in privacy.scan(text)}
    email = found["email"]
    assert text[email.span[0] : email.span[1]] == "jiro.sato@gmail.com"
    assert email.category == "contact" and email.label == "contact/email"
    assert "jiro.sato" not in email.masked
    key = found["api_key"]
    assert text[key.span[0] : key.span[1]].startswith("sk-proj-") and key.category == "secret"


def test_full_width_input_keeps_spans_of_the_original() -> None:
    text = "電話は０９０－１２３４－５６７８です"
    (finding,) = privacy.scan(text)
    assert finding.kind == "phone" and text[finding.span[0] : finding.span[1]] == "０９０－１２３４－５６７８"


def test_redact_replaces_every_finding_with_its_placeholder() -> None:
    text = "Mail taro.yamada@gmail.com, key AKIAQ3EGRVN7XMZ5LT2P, card 4556 7375 8689 9855."
    redacted = privacy.redact(text)
    assert redacted == "Mail [EMAIL], key [SECRET], card [CREDIT_CARD]."


def test_overlapping_findings_redact_once() -> None:
    text = "氏名,電話\n小川 直樹,090-1111-2222\n中島 舞,080-3333-4444"
    redacted = privacy.redact(text)
    assert "090-1111-2222" not in redacted and "小川" not in redacted
    assert redacted.count("[PERSONAL_DATA]") == 1


def test_redact_messages_keeps_non_text_parts() -> None:
    messages = [
        {"role": "user", "content": [{"type": "text", "text": "my SSN is 523-41-8876"}, {"type": "image_url"}]},
        {"role": "system", "content": "password: Hunter#2024x"},
    ]
    out = privacy.redact_messages(messages)
    assert out[0]["content"] == [{"type": "text", "text": "my SSN is [SSN]"}, {"type": "image_url"}]
    assert out[1]["content"] == "password: [SECRET]"
    assert messages[1]["content"] == "password: Hunter#2024x"  # the input is not modified


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (EVAL / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_eval_set_is_large_bilingual_and_split() -> None:
    rows = [r for name in ("dev.jsonl", "heldout.jsonl", "heldout_b.jsonl", "heldout_c.jsonl") for r in _rows(name)]
    assert len(rows) >= 400
    assert sum(bool(r["sensitive"]) for r in rows) >= 150
    assert sum(r["lang"] == "ja" for r in rows) / len(rows) >= 0.4
    assert {c for r in rows for c in r["categories"]} == set(privacy.CATEGORIES)  # type: ignore[attr-defined]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "name",
    ["dev.jsonl", "heldout.jsonl", "heldout_b.jsonl", "heldout_c.jsonl", "heldout_d.jsonl", "heldout_e.jsonl", "heldout_f.jsonl", "heldout_g.jsonl"],
)
def test_labelled_sets_stay_above_the_floors(name: str) -> None:
    # A regression floor, not the reported figure: benchmarks/routing/privacy.md has the first
    # (untuned) run of each held-out split.
    result = evaluate_privacy(_rows(name))
    assert result["recall"] >= 0.97, result["missed"]
    assert result["false_positive_rate"] <= 0.02, result["false_positives"]


def test_routing_dev_set_has_no_false_positives() -> None:
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [r["id"] for r in rows if privacy.scan(r["prompt"])]
    assert len(flagged) / len(rows) <= 0.01, flagged

"""Privacy rules added for the taxonomy gaps held-out D showed: keypad codes, references to
secrets kept elsewhere, marking-as-topic vs marking-as-stamp, named identifiers with bad check
digits, health conditions and medicines beyond the general words, and the wider Art. 9 / 要配慮
vocabularies. Real prompts (EN and JA) and the hard negatives next to them."""

from __future__ import annotations

import pytest

from kakehashi.routing import privacy

SENSITIVE = [
    # keypad / door / safe codes, with the keypad's # or *
    ("secret", "Gate code for the loading bay is 2580# — tell the courier to ring first."),
    ("secret", "The lockbox combination is 9135, leave the keys inside after the viewing."),
    ("secret", "オートロックの番号は *4821 です。来客向けの案内を作って"),
    ("secret", "金庫の番号は 3907 です。経理の引き継ぎ書に入れて"),
    # provider keys from more gitleaks rule families
    ("secret", "Notion integration: secret_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3 — why 401?"),
    ("secret", "GroqのAPIキー gsk_8fK2mQ9xL4vT7nR1bZ6cY3wE0hJ5dA2pQ7rS を環境変数にしたい"),
    ("secret", "Azure app registration secret 8Xq8Q~vT1bX0Lw3nYhE7kPz2rGd9sM4cJfA6uWy expired?"),
    # named identifiers whose check character fails (a typo is still someone's number)
    ("national_id", "Add to the contract: codice fiscale VRDLCU82C15F205Q, born in Milan."),
    ("national_id", "My Indian PAN is ABCPK4817Z, put it on the TDS form."),
    ("national_id", "Spanish colleague, DNI 48392017T, needs an access badge."),
    ("financial", "Charge the card 4929 1802 2231 5690 (exp 03/28) for the deposit."),
    ("national_id", "Singapore contractor, NRIC S8123456Z, needs the onboarding pack."),
    # health: conditions and medicines by class, EN and JA
    ("health", "Please tell my manager I have Hashimoto's and need a later start on Mondays."),
    ("health", "My wife is on apixaban and her dentist wants to pull a tooth next week."),
    ("health", "I'm on Vyvanse for ADHD and wonder if I should tell HR before the travel assignment."),
    ("health", "I was diagnosed with endometriosis and need two days off a month."),
    ("health", "私は潰瘍性大腸炎で、アサコールを毎日飲んでいます。在宅勤務の申請理由を書いて"),
    ("health", "父がワーファリンを服用しているので、抜歯の前に歯医者へ伝える文を作って"),
    ("health", "同僚の大西さんがパニック障害で通院していると聞きました。配慮の仕方は？"),
    # religion, criminal record, union, orientation: vocabulary beyond the old lists
    ("religion", "I'm Quaker and would rather affirm than swear the oath at the hearing; how do I ask?"),
    ("religion", "私は日蓮宗の檀家なので、法要の日は休ませてほしいと上司に伝えたい"),
    ("criminal_record", "My nephew got out on bail last week after the burglary charge."),
    ("criminal_record", "応募者の原田さんは詐欺罪で起訴猶予になった経歴があるそうです"),
    ("union_membership", "I'm a member of the teachers' union and was told not to wear the badge in class."),
    ("union_membership", "私は自治労の組合員です。ストライキ当日の連絡文を作って"),
    ("sexual_orientation", "I'm closeted at work; my girlfriend keeps asking why I never bring her."),
    ("sexual_orientation", "私と同性の彼はパートナーシップ宣誓をしました。会社の制度を使えるか聞きたい"),
]

HARD_NEGATIVES = [
    # markings as the subject of a request, not a stamp on one
    "Make a red 'TOP SECRET' rubber-stamp effect in CSS for our escape-room props.",
    "What do the classification levels Confidential and Restricted mean under ISO 27001?",
    "「社外秘」のゴム印を注文したい。書体はどれがいい？",
    "Add a CONFIDENTIAL watermark to every page of the PDF with pypdf.",
    # audiences and ages are not people
    "Plan a field trip about local churches and temples for 8-year-olds.",
    # references to a secret kept elsewhere, and key labels
    "docker-compose で password: ${DB_PASSWORD} と書いた値が .env から読めない",
    "In Azure Pipelines, is `password: $(dbPassword)` masked in the logs?",
    "Set PGPASSWORD=%PGPASSWORD% in the .bat file — does cmd expand it?",
    "const token = process.env.GITHUB_TOKEN; — how do I type this in TypeScript?",
    # health, religion, crime, union topics with nobody's data
    "What is the usual first-line treatment for Hashimoto's thyroiditis?",
    "How does apixaban differ from warfarin in monitoring?",
    "潰瘍性大腸炎とクローン病の違いを一般向けに説明して",
    "What's the difference between bail and bond in the US?",
    "Which UK unions, like GMB and Unite, represent warehouse staff?",
    # ordinary work text that shares words with the vocabularies
    "I'm porting our C library to Rust; which parts are hardest to 移植 safely?",
    "I keep getting 'UNION types must have the same number of columns' in my SQL.",
    "Give me a cost breakdown for my team's cloud bill by service.",
    "このバグは再発しやすいので、私が再発防止策をまとめます",
]


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_taxonomy_rule_finds_and_names_the_category(category: str, text: str) -> None:
    findings = privacy.scan(text)
    assert category in privacy.categories(findings), [(f.label, f.masked) for f in findings]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_taxonomy_hard_negatives_stay_clean(text: str) -> None:
    findings = privacy.scan(text)
    assert findings == [], [(f.label, text[f.span[0] : f.span[1]]) for f in findings]


def test_keypad_code_span_keeps_the_hash() -> None:
    text = "The door code for the print room is 7731#, please don't share it."
    (finding,) = privacy.scan(text)
    assert finding.label == "secret/password" and text[finding.span[0] : finding.span[1]] == "7731#"


def test_marking_heading_a_pasted_document_still_counts() -> None:
    text = "CONFIDENTIAL\nDesign review notes: the new logo ships in May. Summarise them."
    assert privacy.categories(privacy.scan(text)) == ["confidential"]

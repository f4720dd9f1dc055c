"""The learned second opinion (kakehashi.routing.privacy.learned) with the shipped weights.

The sensitive prompts below are real rows of eval/privacy/ the rules missed when this module was
written (hg-172, h-253); the model was trained on them, so these are checks of the plumbing, not
of accuracy (accuracy is measured out of sample in benchmarks/routing/README.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from kakehashi.config import KakehashiConfig
from kakehashi.routing import privacy
from kakehashi.routing.evaluation import evaluate_privacy
from kakehashi.routing.from_config import policy_from_config
from kakehashi.routing.policy import decide
from kakehashi.routing.privacy import learned

ROOT = Path(__file__).resolve().parents[2]

EN_SENSITIVE = (  # hg-172
    "I need to change my life insurance beneficiary to my husband, Mark Lowe. I'm Steven Lowe, we "
    "married in June. What do I send the insurer?"
)
JA_SENSITIVE = (  # h-253
    "人事評価シート（2026年下期）\n氏名：吉岡 沙織（営業2課）\n総合評価：C（期待を下回る）\n"
    "コメント：目標達成率64%。顧客クレーム2件。次期は降格を含め検討。\n昇給：見送り、賞与係数0.6\n"
    "→ 本人面談用に、もう少し前向きな言い回しに直してください"
)
HARD_NEGATIVES = (
    "うつ病とはどのような病気ですか？一般的な症状を教えてください。",
    "Write a Python function that validates a password variable against a regex.",
)


def test_shipped_model_loads_and_records_its_training_files():
    model = learned.load_model()
    assert model.heads == ("sensitive", *privacy.CATEGORIES)
    assert model.weights.shape == (1 << learned.BITS, len(model.heads))
    assert 0.5 <= model.threshold < 1.0
    assert "dev.jsonl" in model.meta["trained_on"] and "heldout_o.jsonl" in model.meta["trained_on"]
    assert model.meta["feature_set"] == learned.FEATURES
    assert model.meta["max_text"] == learned.MAX_TEXT


# Chat logs that name colleagues beside work tasks only (held-out J's class of false positive, written
# afresh): names are no personal data here; the dev + A..I model scored these 0.75 / 0.49 / 0.76.
NAMES_WITH_TASKS = (
    ("Slack thread, summarise the decisions:\n[09:02] Priya: the Q1 budget deck needs the new headcount slide\n"
    "[09:05] Tom: I'll update the Gantt chart today\n[09:07] Priya: thanks, ship it to Ken by Thursday"),
    ("Teamsのチャットを議事メモにして\n[10:01] 田中: 来週のリリース判定は水曜に変更\n[10:03] 鈴木: テスト報告書は火曜までに出します\n"
    "[10:04] 田中: 了解、佐藤さんにも共有お願い"),
    ("Zoom chat log -> action list:\n[15:20] Marco: vendor invoice needs PO number\n[15:21] Aiko: I'll chase procurement "
    "tomorrow\n[15:22] Marco: and book the room for the retro"),
)


@pytest.mark.parametrize("text", NAMES_WITH_TASKS)
def test_names_with_work_tasks_are_not_flagged(text):
    assert privacy.scan(text, learned=True) == []


@pytest.mark.parametrize("text", [EN_SENSITIVE, JA_SENSITIVE], ids=["en", "ja"])
def test_sensitive_prompt_scores_above_threshold_with_a_learned_finding(text):
    model = learned.load_model()
    assert model.scores(text)["sensitive"] >= model.threshold
    (finding,) = privacy.learned_findings(text)
    assert finding.kind == "learned" and finding.category in privacy.CATEGORIES
    assert finding.label == f"{finding.category}/learned"
    assert finding.span == (0, len(text))  # one window: the whole prompt
    assert "*" in finding.masked and text not in finding.masked
    assert privacy.scan(text, learned=True)  # rules OR learned


@pytest.mark.parametrize("text", HARD_NEGATIVES, ids=["ja-topic", "en-code"])
def test_hard_negative_scores_below_threshold(text):
    model = learned.load_model()
    assert model.scores(text)["sensitive"] < model.threshold
    assert privacy.learned_findings(text) == []
    assert privacy.scan(text, learned=True) == []


def test_scores_are_deterministic():
    model = learned.load_model()
    first = [model.scores(t) for t in (EN_SENSITIVE, JA_SENSITIVE, *HARD_NEGATIVES)]
    learned.load_model.cache_clear()
    again = [learned.load_model().scores(t) for t in (EN_SENSITIVE, JA_SENSITIVE, *HARD_NEGATIVES)]
    assert first == again


def test_the_model_adds_no_catch_beyond_the_lengths_it_was_trained_on():
    """Over MAX_TEXT characters the model never adds a finding: on split K, long harmless pastes scored as
    600-character windows were the learned model's false positives (9 of 12). (It may clear the rules' soft
    flags there, by windows: test_privacy_long.py.)"""
    model = learned.load_model()
    assert model.assess(JA_SENSITIVE) is not None
    filler = " ".join([HARD_NEGATIVES[1]] * 40)  # ~3000 characters of a clean request
    text = filler + "\n" + JA_SENSITIVE
    assert len(text) > learned.MAX_TEXT
    assert model.assess(text) is None and model.scores(text)["sensitive"] == 0.0
    assert privacy.learned_findings(text) == []
    assert privacy.learned_findings("x" * 1_000_000) == []  # one length check, not a scan
    assert privacy.learned_findings("   ") == []


# Split K's classes of learned false positive, written afresh: long harmless office pastes with a
# hard negative buried mid-paste (the model abstains past MAX_TEXT; the rules find nothing), an
# out-of-office text, a table of aggregates with no person in it.
_EN_CHATTER = (
    "quick recap from today's standup, bear with me. The staging deploy moved to Wednesday. Parking passes "
    "for the new garage are at reception. The design team wants feedback on the onboarding screens by Friday. "
)
_JA_CHATTER = (
    "お疲れさまです、今週の連絡です。会議室Bのプロジェクターが新しくなりました。来週の全体会は10時からです。"
    "備品の発注は木曜締めです。社内報の原稿は月末までにお願いします。"
)
LEARNED_HARD_NEGATIVES = (
    _EN_CHATTER * 3 + "HR reminded everyone that medical certificates go to the HR portal, not by e-mail. " + _EN_CHATTER * 2,
    _JA_CHATTER * 4 + "マイナンバーの提出方法が変わったので、総務の案内を確認してください。" + _JA_CHATTER * 3,
    "set my auto-reply: 'Out of the office until March 3; for anything urgent please write to the support inbox'",
    "region | staff | avg bonus\nKanto | 120 | 0.9M\nKansai | 64 | 0.8M\nKyushu | 31 | 0.7M\nturn it into a chart",
)
# Plain-words statements K's writers used that no rule names, written afresh (EN + JA): a health
# fact said of oneself, in each language (by the rules or the model).
LEARNED_SENSITIVE = (
    "HIV陽性と分かりました。会社に言うべきでしょうか。",
    "found out last week i'm HIV positive, already on meds. do i have to tell my employer?",
)


@pytest.mark.parametrize("text", LEARNED_HARD_NEGATIVES, ids=["en-paste", "ja-paste", "out-of-office", "aggregate"])
def test_k_classes_of_learned_false_positive_stay_clean(text):
    assert privacy.scan(text, learned=True) == [], privacy.labels(privacy.scan(text, learned=True))


@pytest.mark.parametrize("text", LEARNED_SENSITIVE, ids=["ja-health", "en-health"])
def test_plain_words_disclosures_are_flagged(text):
    assert privacy.scan(text, learned=True), text


def test_learned_findings_name_their_category_in_labels_and_redact_as_private():
    (finding,) = privacy.learned_findings(JA_SENSITIVE)
    assert privacy.labels([finding]) == [finding.label]
    assert privacy.kinds([finding]) == ["learned"]
    assert privacy.redact(JA_SENSITIVE, [finding]) == "[PRIVATE]"


def _config(**routing) -> KakehashiConfig:
    return KakehashiConfig.model_validate(
        {
            "backends": {
                "openai": {"kind": "cloud", "base_url": "https://api.example.com/v1", "models": ["gpt"]}
            },
            "routing": {"cloud": "openai/gpt", **routing},
        }
    )


def test_config_enables_by_default_and_disables_it():
    on = policy_from_config(_config(), embedded=["local-model"])
    off = policy_from_config(_config(privacy_learned=False), embedded=["local-model"])
    assert on.privacy_learned is True and off.privacy_learned is False
    messages = [{"role": "user", "content": EN_SENSITIVE}]
    # with the second opinion something flags it (the rules or the model) and it stays local
    decision = decide("openai/gpt", messages, on)
    assert decision.privacy_rule is not None and decision.backend == "embedded"
    # without it no finding can be a learned one
    off_rule = decide("openai/gpt", messages, off).privacy_rule
    assert off_rule is None or "/learned" not in off_rule


def test_evaluate_privacy_learned_flag():
    rows = [
        {
            "id": "en",
            "text": EN_SENSITIVE,
            "sensitive": True,
            "categories": ["sexual_orientation"],
            "lang": "en",
        },
        {"id": "ja", "text": JA_SENSITIVE, "sensitive": True, "categories": ["financial"], "lang": "ja"},
        *({"id": f"n{i}", "text": t, "sensitive": False, "lang": "en"} for i, t in enumerate(HARD_NEGATIVES)),
    ]
    with_model = evaluate_privacy(rows, learned=True)
    assert with_model["recall"] == 1.0 and with_model["false_positive_rate"] == 0.0
    assert evaluate_privacy(rows)["recall"] <= with_model["recall"]


def test_training_script_runs_on_a_tiny_sample(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_privacy_classifier as trainer
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    files = []
    for name in ("dev.jsonl", "heldout.jsonl"):  # heldout.jsonl = split A, which has a first run
        lines = (ROOT / "eval" / "privacy" / name).read_text(encoding="utf-8").splitlines()[:24]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(str(tmp_path / name))
    out, report = tmp_path / "model.npz", tmp_path / "loso.json"
    args = [
        "--loso",
        "--epochs",
        "2",
        "--report",
        str(report),
        "--out",
        str(out),
        "--first-runs",
        str(ROOT / "benchmarks" / "routing" / "privacy-first-runs"),
        *files,
    ]
    assert trainer.main(args) == 0
    loso = json.loads(report.read_text(encoding="utf-8"))
    assert set(loso["folds"]) == {"dev.jsonl", "heldout.jsonl"}
    assert "rules_first_run_or_learned" in loso["folds"]["heldout.jsonl"]
    model = learned.load_model(out)
    assert model.meta["trained_on"] == ["dev.jsonl", "heldout.jsonl"] and model.meta["rows"] == 48
    assert model.threshold == loso["threshold"]
    # deterministic: the same files give the same weights
    assert (
        trainer.main(
            ["--threshold", str(loso["threshold"]), "--epochs", "2", "--out", str(tmp_path / "b.npz"), *files]
        )
        == 0
    )
    assert np.array_equal(model.weights, learned.load_model(tmp_path / "b.npz").weights)

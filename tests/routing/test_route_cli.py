"""`kakehashi route explain|eval`: the Typer app in-process, and once through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import kakehashi
from kakehashi.routing.cli import app

HARD = (
    "Write a Python function that solves the N-queens problem with backtracking and analyse its complexity."
)


def run(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_explain_prints_decision_score_and_masked_findings() -> None:
    out = run("explain", HARD + " Reply to jiro@yamato-ind.jp")
    decision = out["decision"]
    assert isinstance(decision, dict)
    assert decision["backend"] == "embedded" and decision["reason"] == "privacy:force_local"
    assert decision["privacy_rule"] == "force_local:contact/email"
    start = len(HARD + " Reply to ")
    assert out["privacy_categories"] == ["contact"]
    assert out["privacy_findings"] == [
        {"category": "contact", "kind": "email", "span": [start, start + 18], "masked": "ji************jp"}
    ]
    assert "jiro@" not in json.dumps(out)
    assert isinstance(out["complexity"], float) and out["complexity"] >= out["threshold"]  # type: ignore[operator]


def test_explain_shows_what_the_learned_model_cleared() -> None:
    from tests.routing.test_privacy_clear import DEMO_TABLE

    out = run("explain", DEMO_TABLE, "--model", "cloud")
    assert out["privacy_findings"] == [] and out["privacy_categories"] == []
    assert [(f["category"], f["kind"]) for f in out["privacy_cleared"]] == [("bulk_personal", "bulk_personal")]
    assert run("explain", HARD + " Reply to jiro@yamato-ind.jp")["privacy_cleared"] == []


def test_explain_names_every_category_and_span_in_japanese() -> None:
    prompt = "【社外秘】振込先は 普通 1234567（みずほ銀行）、担当の携帯は 090-3921-5567 です。"
    out = run("explain", prompt, "--model", "cloud")
    findings = out["privacy_findings"]
    assert isinstance(findings, list)
    spans = {f["kind"]: prompt[f["span"][0] : f["span"][1]] for f in findings}
    assert spans == {"confidential": "社外秘", "bank_account": "1234567", "phone": "090-3921-5567"}
    assert out["privacy_categories"] == ["financial", "contact", "confidential"]
    rule = out["decision"]["privacy_rule"]  # type: ignore[index]
    assert rule.startswith("force_local:") and "confidential/confidential" in rule


def test_privacy_eval_prints_per_category_figures(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "My SSN is 523-41-8876", "sensitive": True, "categories": ["national_id"], "lang": "en"},
        {"id": "b", "text": "私はHIV陽性です", "sensitive": True, "categories": ["health"], "lang": "ja"},
        {"id": "c", "text": "What is an SSN?", "sensitive": False, "categories": [], "lang": "en"},
    ]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = run("privacy-eval", str(path))
    assert (out["recall"], out["false_positive_rate"]) == (1.0, 0.0)
    assert out["by_category"]["health"] == {  # type: ignore[index]
        "n": 1, "recall": 1.0, "named": 1.0, "false_positive_rate": 0.0
    }
    assert set(out["by_lang"]) == {"en", "ja"}  # type: ignore[arg-type]
    table = CliRunner().invoke(app, ["privacy-eval", str(path), "--markdown"]).output
    assert "| national_id | 1 | 1.0 | 1.0 | 0.0 |" in table


def test_explain_threshold_model_and_budget_options() -> None:
    assert run("explain", "hello", "--threshold", "0")["decision"]["backend"] == "cloud"  # type: ignore[index]
    assert run("explain", "hello", "--model", "cloud")["decision"]["reason"] == "forced:cloud"  # type: ignore[index]
    budget = run("explain", HARD, "--threshold", "0", "--budget-exceeded")["decision"]
    assert budget["reason"] == "budget:daily_global"  # type: ignore[index]


def test_explain_reports_unknown_model_as_error() -> None:
    out = run("explain", "hello", "--model", "nope")
    assert out["error"]["code"] == "model_not_found"  # type: ignore[index]


def test_eval_prints_one_json_object_with_metrics(tmp_path: Path) -> None:
    rows = [
        {
            "prompt": "Say hi in French.",
            "label": "local",
            "lang": "en",
            "category": "chat/greeting",
            "sensitive": False,
        },
        {"prompt": HARD, "label": "cloud", "lang": "en", "category": "code/gen", "sensitive": False},
        {"prompt": "俳句を一つ書いて", "label": "local", "lang": "ja", "category": "chat/poem"},
        {
            "prompt": "方程式 x^2 - 5x + 6 = 0 を解き、証明もしてください",
            "label": "cloud",
            "lang": "ja",
            "category": "math/eq",
        },
        {"prompt": "電話 090-1234-5678 に折り返して", "label": "local", "lang": "ja", "sensitive": True},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = run("eval", str(path))
    assert out["n"] == 5
    assert isinstance(out["auc"], float) and 0.0 <= out["auc"] <= 1.0
    assert isinstance(out["accuracy"], float)
    assert out["sensitive_n"] == 1 and out["sensitive_recall"] == 1.0
    # Only rows that say sensitive=false count as non-sensitive by default.
    assert out["nonsensitive_n"] == 2 and out["sensitive_false_positive_rate"] == 0.0
    assert isinstance(out["p50_decision_ms"], float) and out["p50_decision_ms"] > 0
    assert out["in_sample"]["n"] == 0  # type: ignore[index]  # none of these rows was trained on
    assert out["shipped_model_grouped_cv"]["overall"]["auc"] > 0.5  # type: ignore[index]
    assert set(out["auc_by_lang"]) == {"en", "ja"}  # type: ignore[arg-type]
    assert set(out["auc_by_category_prefix"]) == {"chat", "code", "math"}  # type: ignore[arg-type]
    assert run("eval", str(path), "--unlabelled-as-nonsensitive")["nonsensitive_n"] == 4


def test_eval_without_privacy_labels_reports_null(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"prompt": "hi", "label": "local"}) + "\n", encoding="utf-8")
    out = run("eval", str(path))
    assert out["sensitive_recall"] is None and out["sensitive_false_positive_rate"] is None
    assert out["auc"] is None  # one class only


def test_eval_rejects_rows_without_label(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"prompt": "hi"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code != 0 and "label" in result.output


def test_mounted_as_kakehashi_route() -> None:
    src = str(Path(kakehashi.__file__).parents[1])
    code = "import sys; from kakehashi.cli import main; main(sys.argv[1:])"
    result = subprocess.run(
        [sys.executable, "-c", code, "route", "explain", "hello", "--model", "local"],
        env={**os.environ, "PYTHONPATH": src},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["decision"]["reason"] == "forced:local"


def test_eval_reports_training_rows_as_in_sample_only(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[2] / "data" / "complexity-authored.jsonl"
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()[:6]]
    rows.append({"prompt": "A brand-new prompt: prove that 7 is prime.", "label": "cloud"})
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = run("eval", str(path))
    assert out["n"] == 7 and out["in_sample"]["n"] == 6  # type: ignore[index]
    assert out["in_sample"]["note"].startswith("rows the shipped")  # type: ignore[index]

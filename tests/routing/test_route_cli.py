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
    out = run("explain", HARD + " Reply to jiro@example.co.jp")
    decision = out["decision"]
    assert isinstance(decision, dict)
    assert decision["backend"] == "embedded" and decision["reason"] == "privacy:force_local"
    assert decision["privacy_rule"] == "force_local:email"
    start = len(HARD + " Reply to ")
    assert out["privacy_findings"] == [
        {"kind": "email", "span": [start, start + 18], "masked": "ji************jp"}
    ]
    assert "jiro@" not in json.dumps(out)
    assert isinstance(out["complexity"], float) and out["complexity"] >= out["threshold"]  # type: ignore[operator]


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

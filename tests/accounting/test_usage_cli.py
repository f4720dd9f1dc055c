from __future__ import annotations

import json
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.accounting.cli import app
from kakehashi.accounting.ledger import Ledger, utc_day, utc_day_start

from .conftest import RowFactory

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # rich would otherwise fold names in an 80-column pseudo-terminal
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def today() -> float:
    return utc_day_start(time.time()) + 60


@pytest.fixture
def ledger_path(tmp_path: Path, make_row: RowFactory, today: float) -> Path:
    """Recent traffic: today one cloud request from 経理部, two days ago two local ones from key-a."""
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:
        ledger.record(
            make_row(ts=today, api_key_id="経理部", cost=0.03, baseline_cost=0.05, latency_ms=300.0)
        )
        for _ in range(2):
            ledger.record(
                make_row(
                    ts=today - 2 * 86_400,
                    backend="local",
                    backend_kind="local",
                    route_reason="complexity_low",
                    cost=0.0,
                    baseline_cost=0.01,
                    latency_ms=40.0,
                )
            )
    return path


def test_json_is_one_object_with_every_breakdown(ledger_path: Path, today: float) -> None:
    result = runner.invoke(app, ["--db", str(ledger_path), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["ledger"] == str(ledger_path)
    assert document["days"] == 30
    assert document["totals"]["requests"] == 3
    assert document["totals"]["savings"] == pytest.approx(0.04)
    assert [d["name"] for d in document["by_day"]] == [utc_day(today - 2 * 86_400), utc_day(today)]
    assert {b["name"] for b in document["by_backend"]} == {"local", "openai"}
    assert {k["name"] for k in document["by_key"]} == {"経理部", "key-a"}
    assert {r["name"] for r in document["by_reason"]} == {"complexity_low", "complexity_high"}


def test_json_with_one_breakdown_and_a_short_window(ledger_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(ledger_path), "--json", "--by", "key", "--since", "1"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == {"ledger", "days", "since", "totals", "by_key"}
    assert document["totals"]["requests"] == 1
    assert [k["name"] for k in document["by_key"]] == ["経理部"]


def test_tables_show_every_breakdown_with_totals(ledger_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(ledger_path)], env=WIDE)
    assert result.exit_code == 0, result.output
    for title in ("By day (UTC)", "By backend", "By route reason", "By API key"):
        assert title in result.stdout
    assert result.stdout.count("Total") == 4
    assert "経理部" in result.stdout
    assert "complexity_low" in result.stdout
    assert "saved 0.0400" in result.stdout


def test_tables_for_one_breakdown(ledger_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(ledger_path), "--by", "backend"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "By backend" in result.stdout
    assert "By day" not in result.stdout


@pytest.mark.parametrize("by", [[], ["--by", "reason"]])
def test_png_chart(ledger_path: Path, tmp_path: Path, by: list[str]) -> None:
    chart = tmp_path / "savings.png"
    result = runner.invoke(app, ["--db", str(ledger_path), "--png", str(chart), *by], env=WIDE)
    assert result.exit_code == 0, result.output
    data = chart.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])  # IHDR: 10 x 5 inches at 100 dpi
    assert (width, height) == (1000, 500)
    assert f"Wrote {chart}" in result.stdout


def test_mounted_as_kakehashi_usage(ledger_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kakehashi", "usage", "--db", str(ledger_path), "--json"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["requests"] == 3


def test_default_path_comes_from_the_environment(ledger_path: Path) -> None:
    result = runner.invoke(app, ["--json"], env={"KAKEHASHI_LEDGER": str(ledger_path)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ledger"] == str(ledger_path)


def test_missing_ledger_is_explained_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite3"
    result = runner.invoke(app, ["--db", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "no ledger at" in result.stdout
    assert not path.exists()

    as_json = runner.invoke(app, ["--db", str(path), "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["totals"]["requests"] == 0
    assert "no ledger at" in as_json.stderr


def test_empty_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    Ledger.open(path).close()
    result = runner.invoke(app, ["--db", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "No requests recorded in the last 30 day(s)" in result.stdout

    chart = tmp_path / "chart.png"
    no_chart = runner.invoke(app, ["--db", str(path), "--png", str(chart)], env=WIDE)
    assert no_chart.exit_code == 1
    assert "nothing to plot" in no_chart.stderr
    assert not chart.exists()


def test_a_file_that_is_not_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 200, encoding="utf-8")
    result = runner.invoke(app, ["--db", str(path)], env=WIDE)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert "is not a kakehashi ledger" in result.stderr


def test_since_must_be_positive(ledger_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(ledger_path), "--since", "0"])
    assert result.exit_code == 2


def test_an_80_column_terminal_gets_the_narrow_layout(ledger_path: Path, today: float) -> None:
    result = runner.invoke(app, ["--db", str(ledger_path)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "…" not in result.output  # no header or number cut short
    assert all(len(line) <= 80 for line in result.output.splitlines())
    assert utc_day(today) in result.output  # dates on one line, not wrapped
    for heading in ("Req", "In tok", "Out tok", "Cloud", "Saved", "経理部"):
        assert heading in result.output
    # Savings were recorded with a baseline: no note about a missing one.
    assert "baseline =" not in result.output


def test_says_when_no_baseline_is_set(tmp_path: Path, make_row: RowFactory, today: float) -> None:
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:  # what the gateway records without [accounting] baseline
        ledger.record(make_row(ts=today, backend="embedded", backend_kind="local", cost=0.0, baseline_cost=0.0))
        ledger.record(make_row(ts=today, cost=0.02, baseline_cost=0.02))
    result = runner.invoke(app, ["--db", str(path)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert '[accounting] baseline = "backend/model"' in text and "no savings recorded" in text

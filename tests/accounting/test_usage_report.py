from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakehashi.accounting.ledger import Ledger, LedgerNotFound, connect_readonly
from kakehashi.accounting.report import (
    NO_KEY,
    UsageGroup,
    aggregate,
    build_report,
    daily_series,
    report_to_json,
    window_start,
)

from .conftest import RowFactory, at

DAY1 = at("2025-03-01T00:00:00")
DAY2 = at("2025-03-02T00:00:00")


@pytest.fixture
def ledger_path(tmp_path: Path, make_row: RowFactory) -> Path:
    """Known traffic on two days.

    2025-03-01: three local requests from key-a (latency 10/30/20 ms), free, baseline 0.01 each.
    2025-03-02: two cloud requests from キー-b (latency 100/200 ms), cost 0.02, baseline 0.05 each,
                and one failed cloud request without a key (latency 50 ms, no tokens, no cost).
    """
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:
        for latency in (10.0, 30.0, 20.0):
            ledger.record(
                make_row(
                    ts=DAY1 + 3_600,
                    api_key_id="key-a",
                    backend="local",
                    backend_kind="local",
                    model="smollm2",
                    route_reason="complexity_low",
                    prompt_tokens=100,
                    completion_tokens=20,
                    latency_ms=latency,
                    cost=0.0,
                    baseline_cost=0.01,
                )
            )
        for latency in (200.0, 100.0):
            ledger.record(
                make_row(
                    ts=DAY2 + 7_200,
                    api_key_id="キー-b",
                    backend="openai",
                    route_reason="complexity_high",
                    prompt_tokens=1_000,
                    completion_tokens=300,
                    latency_ms=latency,
                    cost=0.02,
                    baseline_cost=0.05,
                )
            )
        ledger.record(
            make_row(
                ts=DAY2 + 9_000,
                api_key_id=None,
                backend="openai",
                route_reason="complexity_high",
                status="upstream_error",
                http_status=502,
                prompt_tokens=0,
                completion_tokens=0,
                latency_ms=50.0,
                cost=0.0,
                baseline_cost=0.0,
            )
        )
    return path


@pytest.fixture
def conn(ledger_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect_readonly(ledger_path)
    yield connection
    connection.close()


def _by_name(groups: list[UsageGroup]) -> dict[str, UsageGroup]:
    return {group.name: group for group in groups}


def test_by_day(conn: sqlite3.Connection) -> None:
    days = aggregate(conn, "day", DAY1)
    assert [d.name for d in days] == ["2025-03-01", "2025-03-02"]
    first, second = days
    assert (first.requests, first.errors, first.prompt_tokens, first.completion_tokens) == (3, 0, 300, 60)
    assert first.cost == 0.0
    assert first.baseline_cost == pytest.approx(0.03)
    assert first.savings == pytest.approx(0.03)
    assert first.p50_latency_ms == 20.0  # middle of 10, 20, 30
    assert (second.requests, second.errors, second.prompt_tokens) == (3, 1, 2_000)
    assert second.cost == pytest.approx(0.04)
    assert second.savings == pytest.approx(0.06)
    assert second.p50_latency_ms == 100.0  # middle of 50, 100, 200


def test_by_backend_reason_and_key(conn: sqlite3.Connection) -> None:
    backends = _by_name(aggregate(conn, "backend", DAY1))
    assert set(backends) == {"local", "openai"}
    assert backends["openai"].requests == 3
    assert backends["openai"].cost == pytest.approx(0.04)
    assert backends["local"].cost == 0.0

    reasons = _by_name(aggregate(conn, "reason", DAY1))
    assert {name: g.requests for name, g in reasons.items()} == {"complexity_low": 3, "complexity_high": 3}

    keys = aggregate(conn, "key", DAY1)
    assert [k.name for k in keys] == ["キー-b", "key-a", NO_KEY]  # dearest first
    by_key = _by_name(keys)
    assert by_key["キー-b"].p50_latency_ms == 150.0  # mean of the two middle values, 100 and 200
    assert by_key[NO_KEY].errors == 1


def test_window_excludes_older_rows(conn: sqlite3.Connection) -> None:
    report = build_report(conn, DAY2)
    assert report.totals.requests == 3
    assert [d.name for d in report.groups["day"]] == ["2025-03-02"]
    assert set(_by_name(report.groups["key"])) == {"キー-b", NO_KEY}


def test_totals_and_json(conn: sqlite3.Connection) -> None:
    report = build_report(conn, DAY1, ("backend",))
    assert not report.empty
    totals = report.totals
    assert (totals.requests, totals.errors, totals.prompt_tokens, totals.completion_tokens) == (
        6,
        1,
        2_300,
        660,
    )
    assert totals.cost == pytest.approx(0.04)
    assert totals.baseline_cost == pytest.approx(0.13)
    assert totals.savings == pytest.approx(0.09)
    assert totals.p50_latency_ms == 40.0  # mean of 30 and 50 in 10, 20, 30, 50, 100, 200
    document = report_to_json(report)
    assert document["since"] == "2025-03-01T00:00:00+00:00"
    assert set(document) == {"since", "totals", "by_backend"}
    assert document["totals"]["requests"] == 6


def test_empty_window(conn: sqlite3.Connection) -> None:
    report = build_report(conn, DAY2 + 86_400)
    assert report.empty
    assert report.totals.p50_latency_ms is None
    assert all(groups == [] for groups in report.groups.values())


def test_missing_ledger_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(LedgerNotFound):
        connect_readonly(tmp_path / "absent.sqlite3")
    assert not (tmp_path / "absent.sqlite3").exists()


def test_window_start_counts_whole_utc_days() -> None:
    now = at("2025-03-10T15:30:00")
    assert window_start(1, now) == at("2025-03-10T00:00:00")
    assert window_start(30, now) == at("2025-02-09T00:00:00")


def test_daily_series_fills_gaps_and_accumulates_savings(conn: sqlite3.Connection) -> None:
    series = daily_series(aggregate(conn, "day", DAY1), DAY1 - 86_400, DAY2 + 86_400 + 60)
    assert [p.day for p in series] == ["2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03"]
    assert [p.cost for p in series] == [0.0, 0.0, pytest.approx(0.04), 0.0]
    assert [p.cumulative_savings for p in series] == pytest.approx([0.0, 0.03, 0.09, 0.09])


def test_reports_read_while_the_server_is_writing(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:
        ledger.record(make_row(ts=DAY1))
        assert ledger.flush(timeout=30.0)
        reader = connect_readonly(path)
        try:
            assert build_report(reader, DAY1).totals.requests == 1
            ledger.record(make_row(ts=DAY1))
            assert ledger.flush(timeout=30.0)
            assert build_report(reader, DAY1).totals.requests == 2
        finally:
            reader.close()

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kakehashi.accounting.ledger import (
    _MIGRATIONS,
    COLUMNS,
    SCHEMA_VERSION,
    InvalidLedgerQuery,
    InvalidLedgerRow,
    Ledger,
    LedgerError,
    LedgerRow,
    LedgerUnavailable,
    SqliteLedgerStore,
    default_ledger_path,
    utc_day,
    utc_day_start,
    utc_month_start,
)

from .conftest import RowFactory, at


def _query(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _count(path: Path) -> int:
    return int(_query(path, "SELECT COUNT(*) FROM requests")[0][0])


def test_utc_calendar_helpers() -> None:
    ts = at("2024-02-29T23:59:59.5")
    assert utc_day(ts) == "2024-02-29"
    assert utc_day_start(ts) == at("2024-02-29T00:00:00")
    assert utc_month_start(ts) == at("2024-02-01T00:00:00")
    assert utc_day(at("2024-03-01T00:00:00")) == "2024-03-01"


def test_default_path_follows_env_then_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KAKEHASHI_LEDGER", str(tmp_path / "mine.sqlite3"))
    assert default_ledger_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv("KAKEHASHI_LEDGER")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_ledger_path() == tmp_path / "data" / "kakehashi" / "ledger.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_ledger_path() == tmp_path / "home" / ".local" / "share" / "kakehashi" / "ledger.sqlite3"


def test_schema_is_created_in_wal_mode_with_a_version(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "ledger.sqlite3"
    Ledger.open(path).close()
    Ledger.open(path).close()  # reopening must not re-run migrations
    assert _query(path, "PRAGMA journal_mode") == [("wal",)]
    assert _query(path, "SELECT MAX(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    stored_columns = {row[1] for row in _query(path, "PRAGMA table_info(requests)")}
    assert set(COLUMNS) <= stored_columns


def test_a_version_1_ledger_is_upgraded_in_place_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in _MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    v1_columns = [c for c in COLUMNS if c != "tokens_estimated"]
    values = {"ts": 1.0, "day": "1970-01-01", "request_id": "old", "requested_model": "m", "backend": "b",
              "backend_kind": "local", "model": "m", "route_reason": "r", "status": "ok", "http_status": 200,
              "prompt_tokens": 3, "completion_tokens": 4, "latency_ms": 1.0, "stream": 0, "cost": 0.0,
              "baseline_cost": 0.0, "savings": 0.0}
    conn.execute(
        f"INSERT INTO requests ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )
    conn.commit()
    conn.close()
    assert "tokens_estimated" not in v1_columns
    Ledger.open(path).close()
    assert _query(path, "SELECT version FROM schema_version ORDER BY version") == [(1,), (SCHEMA_VERSION,)]
    assert _query(path, "SELECT request_id, prompt_tokens, tokens_estimated FROM requests") == [("old", 3, 0)]


def test_a_ledger_from_a_newer_kakehashi_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    Ledger.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="newer than this kakehashi"):
        SqliteLedgerStore(path)


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("これはデータベースではありません\n" * 100, encoding="utf-8")
    with pytest.raises(LedgerError, match="cannot open the ledger"):
        Ledger.open(path)


def test_concurrent_records_are_all_written_by_close(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    threads_count, per_thread = 8, 500
    ledger = Ledger.open(path, batch_rows=64)
    start = threading.Barrier(threads_count)

    def produce(thread: int) -> None:
        start.wait()
        for i in range(per_thread):
            ledger.record(make_row(request_id=f"t{thread}-{i}", prompt_tokens=i))

    threads = [threading.Thread(target=produce, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ledger.close()

    total = threads_count * per_thread
    assert _count(path) == total
    assert _query(path, "SELECT COUNT(DISTINCT request_id) FROM requests") == [(total,)]
    expected_tokens = threads_count * sum(range(per_thread))
    assert _query(path, "SELECT SUM(prompt_tokens) FROM requests") == [(expected_tokens,)]
    assert ledger.written == total
    assert ledger.dropped == 0


def test_a_row_round_trips_with_every_field(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    row = make_row(
        api_key_id="鍵-営業部",
        requested_model="自動",
        route_reason="privacy_forced_local",
        complexity=0.25,
        privacy_rule="force_local:マイナンバー",
        budget_rule="daily_cap_reached",
        ttft_ms=35.5,
        stream=True,
        backend="local",
        backend_kind="local",
        cost=0.0,
        baseline_cost=0.0125,
    )
    with Ledger.open(path) as ledger:
        ledger.record(row)
    stored = _query(path, f"SELECT {', '.join(COLUMNS)} FROM requests")
    expected = tuple(getattr(row, column) for column in COLUMNS)
    assert stored == [expected]
    assert dict(zip(COLUMNS, stored[0], strict=True))["savings"] == pytest.approx(0.0125)


def test_flush_makes_rows_visible_to_readers(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path, batch_wait_s=30.0) as ledger:
        for _ in range(3):
            ledger.record(make_row())
        assert ledger.flush(timeout=30.0)
        assert _count(path) == 3


class _GatedStore(SqliteLedgerStore):
    """The real SQLite store, but each write waits until the test opens the gate."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.gate = threading.Event()

    def write_batch(self, rows: Sequence[LedgerRow]) -> None:
        self.gate.wait()
        super().write_batch(rows)


def test_spent_counts_rows_that_are_not_written_yet(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    store = _GatedStore(path)
    ledger = Ledger(store)
    ts = at("2025-03-01T12:00:00")
    for _ in range(4):
        ledger.record(make_row(ts=ts, cost=0.25))
    assert _count(path) == 0  # the writer is held at the gate
    assert ledger.spent(utc_day_start(ts)) == pytest.approx(1.0)
    assert ledger.spent(utc_day_start(ts), "key-a") == pytest.approx(1.0)
    store.gate.set()
    ledger.close()
    assert _count(path) == 4


def test_running_totals_match_sql_sums_after_reopen(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    times = [
        at(t) for t in ("2025-01-30T10:00", "2025-01-31T23:59:59", "2025-02-01T00:00", "2025-02-14T08:00")
    ]
    keys = ["key-a", "キー-b", None]
    kinds = ["cloud", "local"]
    ledger = Ledger.open(path)
    n = 0
    for ts in times:
        for key in keys:
            for kind in kinds:
                for _ in range(3):
                    n += 1
                    ledger.record(make_row(ts=ts, api_key_id=key, backend_kind=kind, cost=0.001 * n))
    boundaries = [
        utc_day_start(times[0]),
        utc_day_start(times[1]),
        utc_month_start(times[0]),
        utc_month_start(times[2]),
        utc_day_start(times[3]),
        utc_day_start(times[3]) + 86_400,  # nothing recorded after this
    ]
    queries = [
        (since, key, kind) for since in boundaries for key in ["key-a", "キー-b", None] for kind in kinds
    ]
    before_close = {q: ledger.spent(q[0], q[1], q[2]) for q in queries}  # type: ignore[arg-type]
    ledger.close()

    def sql_sum(since: float, key: str | None, kind: str) -> float:
        sql = "SELECT COALESCE(SUM(cost), 0) FROM requests WHERE ts >= ? AND backend_kind = ?"
        params: list[Any] = [since, kind]
        if key is not None:
            sql += " AND api_key_id = ?"
            params.append(key)
        return float(_query(path, sql, *params)[0][0])

    reopened = Ledger.open(path)
    try:
        for since, key, kind in queries:
            expected = sql_sum(since, key, kind)
            assert before_close[(since, key, kind)] == pytest.approx(expected, abs=1e-12)
            assert reopened.spent(since, key, kind) == pytest.approx(expected, abs=1e-12)  # type: ignore[arg-type]
        every = utc_month_start(times[0])
        assert reopened.spent(every, kind="all") == pytest.approx(
            sql_sum(every, None, "cloud") + sql_sum(every, None, "local")
        )
        assert reopened.spent(boundaries[-1]) == 0.0
        assert reopened.spent(every, "no-such-key") == 0.0
    finally:
        reopened.close()


def test_spent_needs_a_day_boundary(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger, pytest.raises(InvalidLedgerQuery):
        ledger.spent(at("2025-03-01T12:00:00"))


_INVALID: list[dict[str, Any]] = [
    {"cost": math.nan},
    {"baseline_cost": -1.0},
    {"latency_ms": math.inf},
    {"prompt_tokens": -1},
    {"completion_tokens": 2**70},
    {"prompt_tokens": True},
    {"prompt_tokens": 1.5},
    {"http_status": 42},
    {"backend_kind": "edge"},
    {"request_id": ""},
    {"model": None},
    {"stream": "yes"},
    {"ts": math.nan},
    {"ttft_ms": -3.0},
    {"complexity": math.nan},
    {"api_key_id": 7},
]


@pytest.mark.parametrize(
    "bad", _INVALID, ids=[next(iter(b)) + "=" + repr(next(iter(b.values()))) for b in _INVALID]
)
def test_invalid_rows_are_refused_at_record(
    bad: dict[str, Any], tmp_path: Path, make_row: RowFactory
) -> None:
    path = tmp_path / "ledger.sqlite3"
    ts = at("2025-03-01T12:00:00")
    with Ledger.open(path) as ledger:
        ledger.record(make_row(ts=ts, request_id="before", cost=0.5))
        with pytest.raises(InvalidLedgerRow, match=next(iter(bad))):
            ledger.record(make_row(**{"ts": ts, "request_id": "bad", "cost": 0.25, **bad}))
        ledger.record(make_row(ts=ts, request_id="after", cost=0.5))
        assert ledger.spent(utc_day_start(ts)) == pytest.approx(1.0)
    assert _query(path, "SELECT request_id FROM requests ORDER BY id") == [("before",), ("after",)]


def test_record_refuses_what_is_not_a_row(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger, pytest.raises(InvalidLedgerRow):
        ledger.record({"request_id": "x"})  # type: ignore[arg-type]


def test_client_text_sqlite_cannot_encode_is_repaired_not_lost(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:
        ledger.record(make_row(requested_model="モデル\ud800", request_id="x" * 5_000))
    assert _query(path, "SELECT requested_model, length(request_id) FROM requests") == [("モデル\ufffd", 512)]


def test_record_after_close_fails(tmp_path: Path, make_row: RowFactory) -> None:
    ledger = Ledger.open(tmp_path / "ledger.sqlite3")
    ledger.close()
    ledger.close()  # idempotent
    with pytest.raises(LedgerError, match="closed"):
        ledger.record(make_row())


class _PoisonStore(SqliteLedgerStore):
    """Fails any batch holding the request id "poison", the way a constraint violation would."""

    def write_batch(self, rows: Sequence[LedgerRow]) -> None:
        if any(row.request_id == "poison" for row in rows):
            raise sqlite3.IntegrityError("simulated constraint failure")
        super().write_batch(rows)


def test_a_row_that_breaks_its_batch_does_not_take_the_batch_down(
    tmp_path: Path, make_row: RowFactory
) -> None:
    path = tmp_path / "ledger.sqlite3"
    ledger = Ledger(_PoisonStore(path), batch_wait_s=30.0)
    for request_id in ("a", "b", "poison", "c"):
        ledger.record(make_row(request_id=request_id))
    ledger.close()
    assert _query(path, "SELECT request_id FROM requests ORDER BY id") == [("a",), ("b",), ("c",)]
    assert (ledger.written, ledger.dropped) == (3, 1)


class _FlakyStore(SqliteLedgerStore):
    """Reports the database as locked for the first `failures` writes."""

    def __init__(self, path: Path, failures: int) -> None:
        super().__init__(path)
        self.failures = failures

    def write_batch(self, rows: Sequence[LedgerRow]) -> None:
        if self.failures:
            self.failures -= 1
            raise LedgerUnavailable("database is locked")
        super().write_batch(rows)


def test_transient_store_failures_are_retried(tmp_path: Path, make_row: RowFactory) -> None:
    path = tmp_path / "ledger.sqlite3"
    ledger = Ledger(_FlakyStore(path, failures=2))
    rows = [make_row() for _ in range(5)]
    for row in rows:
        ledger.record(row)
    ledger.close()
    assert _count(path) == 5
    assert ledger.dropped == 0


def test_rows_are_frozen(make_row: RowFactory) -> None:
    row = make_row(cost=0.1, baseline_cost=0.3)
    assert row.savings == pytest.approx(0.2)
    assert row.day == "2025-03-01"
    assert replace(row, cost=0.3).savings == pytest.approx(0.0)
    with pytest.raises(AttributeError):
        row.cost = 1.0  # type: ignore[misc]

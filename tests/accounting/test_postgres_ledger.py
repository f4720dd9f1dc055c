"""The PostgreSQL ledger on a real server: same rows, idempotent inserts, spool while it is down."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from kakehashi.accounting.ledger import Ledger, LedgerRow
from kakehashi.accounting.open import open_ledger
from kakehashi.accounting.postgres import PostgresLedgerStore
from tests.services import PostgresServer, postgres_missing, postgres_server


@pytest.fixture(scope="module")
def pg() -> Iterator[PostgresServer]:
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    with postgres_server() as server:
        yield server


def _row(i: int, cost: float = 0.01) -> LedgerRow:
    return LedgerRow(
        ts=time.time(), request_id=f"r-{uuid.uuid4().hex}-{i}", api_key_id="key-1", requested_model="auto",
        backend="cloud", backend_kind="cloud", model="gpt", route_reason="auto:complexity_high", status="ok",
        http_status=200, prompt_tokens=10, completion_tokens=5, latency_ms=12.5, stream=i % 2 == 0, cost=cost,
        baseline_cost=cost, ttft_ms=3.0,
    )


def _ids(pg: PostgresServer) -> list[str]:
    with psycopg.connect(pg.url) as conn:
        return [r[0] for r in conn.execute("SELECT request_id FROM requests ORDER BY id")]


def test_rows_round_trip_and_inserts_are_idempotent(pg: PostgresServer, tmp_path: Path) -> None:
    store = PostgresLedgerStore(pg.url)
    rows = [_row(i) for i in range(3)]
    store.write_batch(rows)
    store.write_batch(rows[1:])  # a replay of a batch whose commit was uncertain
    store.close()
    ids = _ids(pg)
    assert [i for i in ids if i in {r.request_id for r in rows}] == [r.request_id for r in rows]
    with psycopg.connect(pg.url) as conn:
        stream, cost, version = conn.execute(
            "SELECT stream, cost, (SELECT MAX(version) FROM schema_version) FROM requests WHERE request_id = %s",
            (rows[0].request_id,),
        ).fetchone()  # type: ignore[misc]
    assert stream is True and cost == pytest.approx(0.01) and version == 1
    # A second store (another replica) does not re-run the migrations and sees the spend.
    again = PostgresLedgerStore(pg.url)
    assert sum(c for _, key, kind, c in again.spend_by_day() if key == "key-1" and kind == "cloud") >= 0.03
    again.close()


def test_postgres_down_spools_and_replays_in_order_without_loss_or_duplicates(
    pg: PostgresServer, tmp_path: Path
) -> None:
    spool = tmp_path / "spool.jsonl"
    ledger = open_ledger(pg.url, spool=spool)
    assert isinstance(ledger, Ledger)
    before = [_row(i) for i in range(5)]
    for row in before:
        ledger.record(row)
    assert ledger.flush(10)
    pg.stop("immediate")  # a crash, not a clean shutdown
    during = [_row(100 + i) for i in range(7)]
    for row in during:
        ledger.record(row)
    assert ledger.flush(30)
    assert spool.stat().st_size > 0 and ledger.dropped == 0
    pg.start()
    after = [_row(200 + i) for i in range(3)]
    for row in after:
        ledger.record(row)
    assert ledger.flush(30)
    ledger.close()
    wanted = [r.request_id for r in (*before, *during, *after)]
    ids = [i for i in _ids(pg) if i in set(wanted)]
    assert ids == wanted  # every row, once, in the order recorded
    assert spool.stat().st_size == 0


def test_usage_reports_from_the_postgres_ledger(pg: PostgresServer) -> None:
    import json

    from typer.testing import CliRunner

    from kakehashi.accounting.cli import app

    store = PostgresLedgerStore(pg.url)
    rows = [_row(300 + i, cost=0.5) for i in range(4)]
    store.write_batch(rows)
    store.close()
    result = CliRunner().invoke(app, ["--ledger", pg.url, "--json", "--by", "key"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ledger"].startswith("postgresql://kk@") is False  # credentials never printed
    with psycopg.connect(pg.url) as conn:
        count, total = conn.execute("SELECT COUNT(*), SUM(cost) FROM requests").fetchone()  # type: ignore[misc]
    assert report["totals"]["requests"] == count
    assert report["totals"]["cost"] == pytest.approx(total)
    assert CliRunner().invoke(app, ["--ledger", "/tmp/not-a-url"]).exit_code == 2

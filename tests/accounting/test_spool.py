"""The spool in front of a remote ledger store, against a small in-memory store that can be switched off."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from kakehashi.accounting.ledger import BackendKind, Ledger, LedgerRow, LedgerUnavailable
from kakehashi.accounting.spool import SpoolingStore

from .conftest import RowFactory


class SwitchableStore:
    """Keeps rows by request_id like the PostgreSQL store (a replay of a stored row is a no-op)."""

    def __init__(self) -> None:
        self.up = True
        self.rows: list[LedgerRow] = []

    def write_batch(self, rows: Sequence[LedgerRow]) -> None:
        if not self.up:
            raise LedgerUnavailable("down")
        have = {r.request_id for r in self.rows}
        self.rows += [r for r in rows if r.request_id not in have]

    def spend_by_day(self) -> Iterator[tuple[str, str | None, BackendKind, float]]:
        for r in self.rows:
            yield r.day, r.api_key_id, r.backend_kind, r.cost

    def close(self) -> None:
        pass


def test_rows_written_while_down_are_replayed_in_order_once(tmp_path: Path, make_row: RowFactory) -> None:
    inner = SwitchableStore()
    spool = tmp_path / "spool.jsonl"
    ledger = Ledger(SpoolingStore(inner, spool, retry_s=0.05))
    rows = [make_row(request_id=f"r{i:02d}") for i in range(12)]
    for row in rows[:3]:
        ledger.record(row)
    assert ledger.flush(5)
    inner.up = False
    for row in rows[3:8]:
        ledger.record(row)
    assert ledger.flush(5) and spool.stat().st_size > 0
    inner.up = True
    for row in rows[8:]:
        ledger.record(row)
    ledger.close()
    assert [r.request_id for r in inner.rows] == [r.request_id for r in rows]
    assert spool.stat().st_size == 0 and ledger.dropped == 0


def test_a_torn_last_line_is_skipped_and_the_rest_replayed(tmp_path: Path, make_row: RowFactory) -> None:
    inner = SwitchableStore()
    inner.up = False
    spool = tmp_path / "spool.jsonl"
    store = SpoolingStore(inner, spool, retry_s=60)
    store.write_batch([make_row(request_id="a"), make_row(request_id="b")])
    with open(spool, "ab") as f:
        f.write(b'{"ts": 1.0, "request_')  # a crash mid-append
    assert sum(1 for _ in store.spend_by_day()) == 2  # spooled spend counts toward budgets
    inner.up = True
    store.close()  # the last replay attempt
    assert [r.request_id for r in inner.rows] == ["a", "b"]

"""Opens the configured ledger: a SQLite file by default, PostgreSQL (behind a local spool) by URL."""

from __future__ import annotations

from pathlib import Path

from kakehashi.accounting.ledger import Ledger, default_ledger_path


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def default_spool_path() -> Path:
    return default_ledger_path().with_name("ledger-spool.jsonl")


def open_ledger(target: Path | str | None, *, spool: Path | str | None = None) -> Ledger:
    if is_postgres_url(target):
        from kakehashi.accounting.postgres import PostgresLedgerStore
        from kakehashi.accounting.spool import SpoolingStore

        spool_path = Path(spool).expanduser() if spool else default_spool_path()
        return Ledger(SpoolingStore(PostgresLedgerStore(str(target)), spool_path))
    return Ledger.open(Path(target).expanduser() if target is not None else None)

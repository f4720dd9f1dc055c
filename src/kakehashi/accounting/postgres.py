"""The ledger in PostgreSQL (psycopg 3), for several replicas writing one shared ledger.

Same rows as the SQLite store. Inserts are idempotent on request_id (a unique index and ON CONFLICT
DO NOTHING), so a batch replayed from the spool after an uncertain commit is never counted twice.
Migrations are versioned like SQLite's and run under an advisory lock, so replicas starting together
migrate once. A connection failure raises LedgerUnavailable (the spool takes the rows); the next
write reconnects.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg

from kakehashi.accounting.ledger import (
    COLUMNS,
    BackendKind,
    LedgerError,
    LedgerRow,
    LedgerUnavailable,
)

log = logging.getLogger(__name__)

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE requests (
            id BIGSERIAL PRIMARY KEY,
            ts DOUBLE PRECISION NOT NULL,
            day TEXT NOT NULL,
            request_id TEXT NOT NULL,
            api_key_id TEXT,
            requested_model TEXT NOT NULL,
            backend TEXT NOT NULL,
            backend_kind TEXT NOT NULL,
            model TEXT NOT NULL,
            route_reason TEXT NOT NULL,
            complexity DOUBLE PRECISION,
            privacy_rule TEXT,
            budget_rule TEXT,
            status TEXT NOT NULL,
            http_status INTEGER NOT NULL,
            prompt_tokens BIGINT NOT NULL,
            completion_tokens BIGINT NOT NULL,
            latency_ms DOUBLE PRECISION NOT NULL,
            ttft_ms DOUBLE PRECISION,
            stream BOOLEAN NOT NULL,
            cost DOUBLE PRECISION NOT NULL,
            baseline_cost DOUBLE PRECISION NOT NULL,
            savings DOUBLE PRECISION NOT NULL,
            tokens_estimated BOOLEAN NOT NULL DEFAULT FALSE
        )
        """,
        "CREATE UNIQUE INDEX requests_request_id ON requests (request_id)",
        "CREATE INDEX requests_ts ON requests (ts)",
        "CREATE INDEX requests_day_key ON requests (day, api_key_id)",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)
_MIGRATION_LOCK = 0x6B616B65  # "kake": the advisory lock id serialising migrations across replicas

_INSERT = (
    f"INSERT INTO requests ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
    "ON CONFLICT (request_id) DO NOTHING"
)


def _migrate(conn: psycopg.Connection[Any]) -> None:
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise LedgerError(f"the PostgreSQL ledger has schema version {current}, newer than this "
                              f"kakehashi understands ({SCHEMA_VERSION}); upgrade kakehashi")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in _MIGRATIONS[version - 1]:
                conn.execute(statement)  # type: ignore[arg-type]
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))


def connect(dsn: str, timeout_s: float = 5.0) -> psycopg.Connection[Any]:
    try:
        conn = psycopg.connect(dsn, connect_timeout=max(1, int(timeout_s)))
    except psycopg.OperationalError as exc:
        raise LedgerUnavailable(f"PostgreSQL ledger unreachable: {exc}".strip()) from exc
    return conn


def _safe_dsn(dsn: str) -> str:
    """The DSN without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "postgresql://…"
    return f"postgresql://{info.get('host', '')}:{info.get('port', '')}/{info.get('dbname', '')}"


class PostgresLedgerStore:
    """A LedgerStore on PostgreSQL. Unreachable at start is not fatal: writes fail over to the spool."""

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self.name = _safe_dsn(dsn)
        self._conn: psycopg.Connection[Any] | None = None
        try:
            self._connection()
        except LedgerUnavailable as exc:
            log.warning("%s; rows will be spooled until it answers", exc)

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            conn = connect(self._dsn)
            try:
                _migrate(conn)
            except psycopg.OperationalError as exc:
                conn.close()
                raise LedgerUnavailable(f"PostgreSQL ledger {self.name}: {exc}") from exc
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _drop_connection(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                pass
        self._conn = None

    def write_batch(self, rows: Sequence[LedgerRow]) -> None:
        conn = self._connection()
        values = [tuple(getattr(row, c) for c in COLUMNS) for row in rows]
        try:
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(_INSERT, values)
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            self._drop_connection()
            raise LedgerUnavailable(f"PostgreSQL ledger {self.name}: {exc}".strip()) from exc

    def spend_by_day(self) -> Iterator[tuple[str, str | None, BackendKind, float]]:
        try:
            conn = self._connection()
            rows = conn.execute(
                "SELECT day, api_key_id, backend_kind, SUM(cost) FROM requests GROUP BY day, api_key_id, backend_kind"
            ).fetchall()
            conn.commit()
        except LedgerUnavailable as exc:
            log.warning("budget totals start without the PostgreSQL ledger's history: %s", exc)
            return
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            self._drop_connection()
            log.warning("budget totals start without the PostgreSQL ledger's history: %s", exc)
            return
        for day, key, kind, cost in rows:
            yield str(day), key, kind, float(cost)

    def close(self) -> None:
        self._drop_connection()


def snapshot_to_sqlite(dsn: str, since: float) -> sqlite3.Connection:
    """Rows at or after `since`, copied into an in-memory SQLite ledger, so the same report code (and
    SQL) serves both stores. Reports cover days to months of rows: the copy is cheap next to rendering."""
    from kakehashi.accounting.ledger import SQLITE_MIGRATIONS

    mem = sqlite3.connect(":memory:")
    mem.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version, statements in enumerate(SQLITE_MIGRATIONS, 1):
        for statement in statements:
            mem.execute(statement)
        mem.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    try:
        with connect(dsn) as conn:
            rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM requests WHERE ts >= %s ORDER BY id",
                                (since,)).fetchall()
    except psycopg.errors.UndefinedTable:
        rows = []
    except psycopg.Error as exc:
        raise LedgerError(f"cannot read the PostgreSQL ledger {_safe_dsn(dsn)}: {exc}") from exc
    mem.executemany(f"INSERT INTO requests ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    return mem

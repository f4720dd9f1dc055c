"""A local spool in front of a remote ledger store: no row lost while the database is away.

When the inner store is unavailable, a batch is appended to a JSON-lines file (flushed and fsynced
before write_batch returns, so the Ledger counts it as safe). Before every later batch, and every few
seconds from a small thread, the spool is replayed in order into the store, then truncated. Replays
are idempotent because the store ignores a request_id it already has: a crash between the commit and
the truncation duplicates nothing. An exclusive flock makes one spool file safe to share between
replicas on one host.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from kakehashi.accounting.ledger import BackendKind, LedgerRow, LedgerStore, LedgerUnavailable

log = logging.getLogger(__name__)

_REPLAY_CHUNK = 500


class SpoolingStore:
    def __init__(self, inner: LedgerStore, path: Path, *, retry_s: float = 2.0) -> None:
        self._inner = inner
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()  # the writer thread and the replay thread share the inner store
        self._stop = threading.Event()
        self.spooled = 0  # rows that went to the spool (tests and metrics read these)
        self.replayed = 0
        self._retry_s = retry_s
        self._thread = threading.Thread(target=self._replay_loop, name="kakehashi-ledger-spool", daemon=True)
        self._thread.start()

    # -- the LedgerStore protocol --

    def write_batch(self, rows: Sequence[LedgerRow]) -> None:
        with self._lock:
            try:
                self._replay_locked()
                self._inner.write_batch(rows)
            except LedgerUnavailable as exc:
                self._append(rows)
                log.warning("ledger store unavailable, %d rows spooled to %s: %s", len(rows), self.path, exc)

    def spend_by_day(self) -> Iterator[tuple[str, str | None, BackendKind, float]]:
        yield from self._inner.spend_by_day()
        for row in self._read():  # spooled rows are spent money too
            yield row.day, row.api_key_id, row.backend_kind, row.cost

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        with self._lock:
            try:
                self._replay_locked()
            except LedgerUnavailable as exc:
                log.warning("ledger store still unavailable at close; rows stay in %s: %s", self.path, exc)
            self._inner.close()

    # -- the spool file --

    def _append(self, rows: Sequence[LedgerRow]) -> None:
        data = "".join(json.dumps(asdict(row), ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
        try:
            with open(self.path, "ab") as f:
                fcntl.flock(f, fcntl.LOCK_EX)
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            raise LedgerUnavailable(f"ledger spool {self.path}: {exc}") from exc
        self.spooled += len(rows)

    def _read(self) -> list[LedgerRow]:
        try:
            with open(self.path, "rb") as f:
                fcntl.flock(f, fcntl.LOCK_SH)
                return self._parse(f.read())
        except FileNotFoundError:
            return []

    def _parse(self, data: bytes) -> list[LedgerRow]:
        rows = []
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(LedgerRow(**json.loads(line)))
            except (ValueError, TypeError) as exc:  # a line torn by a crash mid-append
                log.error("ledger spool %s line %d unreadable, skipped: %s", self.path, n, exc)
        return rows

    def _replay_locked(self) -> None:
        """Replay every spooled row in order, then empty the file. Raises LedgerUnavailable (file kept)."""
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        with open(self.path, "r+b") as f:
            fcntl.flock(f, fcntl.LOCK_EX)  # blocks another replica's append or replay meanwhile
            rows = self._parse(f.read())
            for i in range(0, len(rows), _REPLAY_CHUNK):
                self._inner.write_batch(rows[i:i + _REPLAY_CHUNK])
            f.seek(0)
            f.truncate()
            f.flush()
            os.fsync(f.fileno())
        if rows:
            self.replayed += len(rows)
            log.warning("ledger spool %s: %d rows replayed", self.path, len(rows))

    def _replay_loop(self) -> None:
        while not self._stop.wait(self._retry_s):
            with self._lock:
                try:
                    self._replay_locked()
                except LedgerUnavailable:
                    pass
                except Exception:
                    log.exception("ledger spool replay failed")

"""On-disk results of chunk extractions, so an interrupted or repeated run never asks about a chunk twice.

A result is keyed by a hash of everything that determines it: the exact messages sent (chunk text,
questions and the rendered prompt template), the model, the schema and the sampling settings. Change
any of them and the chunk is extracted again; change none and the stored answer is reused.

SQLite because it is in the standard library, survives a crash mid-write (each result is its own
transaction) and lets two runs share one cache directory.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_FILE_NAME = "extract-cache.sqlite3"


def cache_key(*parts: Any) -> str:
    canonical = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class CacheStats:
    hits: int = 0
    misses: int = 0
    writes: int = 0


class ChunkCache:
    """A key -> JSON object store in one SQLite file (or in memory when `directory` is None)."""

    def __init__(self, directory: Path | None) -> None:
        if directory is None:
            self.path: Path | None = None
            self._db = sqlite3.connect(":memory:")
        else:
            directory.mkdir(parents=True, exist_ok=True)
            self.path = directory / CACHE_FILE_NAME
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS chunk_results ("
            " key TEXT PRIMARY KEY, result TEXT NOT NULL,"
            " created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        self._db.commit()
        self.stats = CacheStats()

    def get(self, key: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT result FROM chunk_results WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        value: dict[str, Any] = json.loads(row[0])
        return value

    def put(self, key: str, result: dict[str, Any]) -> None:
        with self._db:  # one transaction per result: a crash loses at most the chunk in flight
            self._db.execute(
                "INSERT OR REPLACE INTO chunk_results (key, result) VALUES (?, ?)",
                (key, json.dumps(result, ensure_ascii=False)),
            )
        self.stats.writes += 1

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT COUNT(*) FROM chunk_results").fetchone()
        return int(count)

    def close(self) -> None:
        self._db.close()

"""The vector-store API's bookkeeping in one SQLite file: uploaded files, vector stores, and which file is
in which store with its indexing status. The chunks and vectors live in one RagStore file per store.

Layout under the root directory:
    catalog.sqlite3        this catalog
    files/<file id>        the uploaded bytes, as received
    stores/<store id>.sqlite3  one RagStore per vector store
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

INTERRUPTED = "indexing was interrupted by a server restart; attach the file again"


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:24]


class Catalog:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "files").mkdir(parents=True, exist_ok=True)
        (root / "stores").mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(root / "catalog.sqlite3", isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS files (
                id TEXT PRIMARY KEY, filename TEXT NOT NULL, bytes INTEGER NOT NULL, purpose TEXT NOT NULL,
                created_at INTEGER NOT NULL, seq INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS vector_stores (
                id TEXT PRIMARY KEY, name TEXT, metadata TEXT NOT NULL, description TEXT,
                expires_after TEXT, created_at INTEGER NOT NULL, last_active_at INTEGER NOT NULL,
                embedding_model TEXT NOT NULL, seq INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS vector_store_files (
                vector_store_id TEXT NOT NULL REFERENCES vector_stores(id) ON DELETE CASCADE,
                file_id TEXT NOT NULL, status TEXT NOT NULL, last_error TEXT, attributes TEXT NOT NULL,
                usage_bytes INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, seq INTEGER NOT NULL,
                PRIMARY KEY (vector_store_id, file_id)
            );
            """
        )
        self.conn.execute("PRAGMA foreign_keys=ON")
        # A task that was indexing when the server stopped will not finish: say so instead of "in_progress".
        self.conn.execute(
            "UPDATE vector_store_files SET status = 'failed', last_error = ? WHERE status = 'in_progress'",
            (json.dumps({"code": "server_error", "message": INTERRUPTED}),),
        )

    def _seq(self, table: str) -> int:
        row = self.conn.execute(f"SELECT coalesce(max(seq), 0) + 1 FROM {table}").fetchone()
        return int(row[0])

    def file_path(self, file_id: str) -> Path:
        return self.root / "files" / file_id

    def store_path(self, store_id: str) -> Path:
        return self.root / "stores" / f"{store_id}.sqlite3"

    # ------------------------------------------------------------------ files
    def add_file(self, filename: str, data: bytes, purpose: str) -> dict[str, Any]:
        file_id = new_id("file-")
        self.file_path(file_id).write_bytes(data)
        self.conn.execute(
            "INSERT INTO files(id, filename, bytes, purpose, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)",
            (file_id, filename, len(data), purpose, int(time.time()), self._seq("files")),
        )
        return self.file(file_id) or {}

    def file(self, file_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM files WHERE id = ?", (file_id,)).fetchone()
        return dict(row) if row else None

    def files(self, purpose: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM files", ()
        if purpose is not None:
            sql, args = sql + " WHERE purpose = ?", (purpose,)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY seq", args)]

    def delete_file(self, file_id: str) -> list[str]:
        """Forget the file; returns the stores it was in (their chunks are the caller's to remove)."""
        stores = [r[0] for r in self.conn.execute(
            "SELECT vector_store_id FROM vector_store_files WHERE file_id = ?", (file_id,))]
        self.conn.execute("DELETE FROM vector_store_files WHERE file_id = ?", (file_id,))
        self.conn.execute("DELETE FROM files WHERE id = ?", (file_id,))
        self.file_path(file_id).unlink(missing_ok=True)
        return stores

    # ------------------------------------------------------------------ vector stores
    def add_store(self, name: str | None, metadata: dict[str, str], description: str | None,
                  expires_after: dict[str, Any] | None, embedding_model: str) -> dict[str, Any]:
        store_id, now = new_id("vs_"), int(time.time())
        self.conn.execute(
            "INSERT INTO vector_stores(id, name, metadata, description, expires_after, created_at, last_active_at, "
            "embedding_model, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (store_id, name, json.dumps(metadata), description,
             json.dumps(expires_after) if expires_after else None, now, now, embedding_model,
             self._seq("vector_stores")),
        )
        return self.store(store_id) or {}

    def store(self, store_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM vector_stores WHERE id = ?", (store_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["metadata"] = json.loads(out["metadata"])
        out["expires_after"] = json.loads(out["expires_after"]) if out["expires_after"] else None
        counts = dict(self.conn.execute(
            "SELECT status, count(*) FROM vector_store_files WHERE vector_store_id = ? GROUP BY status", (store_id,)))
        out["file_counts"] = {s: int(counts.get(s, 0)) for s in ("in_progress", "completed", "failed", "cancelled")}
        out["file_counts"]["total"] = sum(out["file_counts"].values())
        usage = self.conn.execute(
            "SELECT coalesce(sum(usage_bytes), 0) FROM vector_store_files WHERE vector_store_id = ?", (store_id,),
        ).fetchone()[0]
        out["usage_bytes"] = int(usage)
        return out

    def stores(self) -> list[dict[str, Any]]:
        ids = [r[0] for r in self.conn.execute("SELECT id FROM vector_stores ORDER BY seq")]
        return [s for i in ids if (s := self.store(i)) is not None]

    def update_store(self, store_id: str, **fields: Any) -> None:
        for key, value in fields.items():
            if key in ("metadata", "expires_after"):
                value = json.dumps(value) if value is not None else None
            self.conn.execute(f"UPDATE vector_stores SET {key} = ? WHERE id = ?", (value, store_id))

    def touch_store(self, store_id: str) -> None:
        self.update_store(store_id, last_active_at=int(time.time()))

    def delete_store(self, store_id: str) -> None:
        self.conn.execute("DELETE FROM vector_store_files WHERE vector_store_id = ?", (store_id,))
        self.conn.execute("DELETE FROM vector_stores WHERE id = ?", (store_id,))

    # ------------------------------------------------------------------ files in stores
    def attach(self, store_id: str, file_id: str, attributes: dict[str, Any]) -> dict[str, Any]:
        self.conn.execute(
            "INSERT OR REPLACE INTO vector_store_files(vector_store_id, file_id, status, last_error, attributes, "
            "usage_bytes, created_at, seq) VALUES (?, ?, 'in_progress', NULL, ?, 0, ?, ?)",
            (store_id, file_id, json.dumps(attributes), int(time.time()), self._seq("vector_store_files")),
        )
        return self.store_file(store_id, file_id) or {}

    def store_file(self, store_id: str, file_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT * FROM vector_store_files WHERE vector_store_id = ? AND file_id = ?", (store_id, file_id),
        ).fetchone()
        return _store_file(row) if row else None

    def store_files(self, store_id: str, status: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM vector_store_files WHERE vector_store_id = ?", [store_id]
        if status is not None:
            sql += " AND status = ?"
            args.append(status)
        return [_store_file(r) for r in self.conn.execute(sql + " ORDER BY seq", args)]

    def finish(self, store_id: str, file_id: str, *, usage_bytes: int = 0,
               error: dict[str, str] | None = None) -> None:
        self.conn.execute(
            "UPDATE vector_store_files SET status = ?, last_error = ?, usage_bytes = ? "
            "WHERE vector_store_id = ? AND file_id = ?",
            ("failed" if error else "completed", json.dumps(error) if error else None, usage_bytes,
             store_id, file_id),
        )

    def set_attributes(self, store_id: str, file_id: str, attributes: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE vector_store_files SET attributes = ? WHERE vector_store_id = ? AND file_id = ?",
            (json.dumps(attributes), store_id, file_id),
        )

    def detach(self, store_id: str, file_id: str) -> None:
        self.conn.execute(
            "DELETE FROM vector_store_files WHERE vector_store_id = ? AND file_id = ?", (store_id, file_id),
        )

    def close(self) -> None:
        self.conn.close()


def _store_file(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    out["attributes"] = json.loads(out["attributes"])
    out["last_error"] = json.loads(out["last_error"]) if out["last_error"] else None
    return out

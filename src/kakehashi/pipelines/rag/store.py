"""One SQLite file holds a RAG store: documents, chunks, their vectors (sqlite-vec) and keywords (FTS5).

FTS5 uses the trigram tokenizer: Japanese has no spaces between words, and trigrams make any substring
of three or more characters searchable without a morphological analyser (English works the same way).
Python's own sqlite3 module is often built without extension loading, so the sqlite-vec extension is
loaded into pysqlite3 (SQLite with extension loading, from PyPI) when the standard module cannot.

Vector search is exact (every vector is compared). sqlite-vec stores the vectors; queries scan a copy of
them held in memory as one numpy matrix (reloaded when the file changes), because vec0 reads every vector
back from SQLite's pages on each query: on 1,509 chunks of 384 dimensions vec0 takes ~2 ms per search,
the matrix product ~0.1 ms. Stores too big for MAX_MATRIX_BYTES are searched by vec0 itself.

Keyword search works the same way: the FTS5 table is kept in the file, but queries go to an in-memory BM25
index of the chunks (lexical.py; English words and Japanese bigrams, which the trigram table cannot match),
rebuilt when the file changes; stores above MAX_LEXICAL_CHUNKS are searched in FTS5.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_vec

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.rag.lexical import LexicalIndex

SCHEMA_VERSION = 1
MAX_MATRIX_BYTES = 512 << 20  # above this, search with vec0 instead of holding the vectors in memory
MAX_LEXICAL_CHUNKS = 20_000  # above this (~110 MB, ~15 s to build), keyword search runs in FTS5 instead
MMAP_BYTES = 256 << 20  # read the file through mmap: fewer copies of FTS5's pages per query


def _connect(path: Path, *, any_thread: bool = False) -> Any:
    conn: Any = sqlite3.connect(path, check_same_thread=not any_thread)
    if not hasattr(conn, "enable_load_extension"):
        conn.close()
        try:
            import pysqlite3.dbapi2 as sqlite3_ext  # type: ignore[import-not-found, import-untyped]
        except ImportError:
            raise InvalidRequest(
                "this Python's sqlite3 cannot load extensions (needed for sqlite-vec): pip install pysqlite3",
                param="store",
            ) from None

        conn = sqlite3_ext.connect(str(path), check_same_thread=not any_thread)
    conn.enable_load_extension(True)
    sqlite_vec.load(conn)
    conn.enable_load_extension(False)
    return conn


def _dot(matrix: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Cosine similarity of unit rows to a query. einsum, not `@`: `@` calls OpenBLAS, whose worker threads
    then spin for a while and take the CPU from the embedding model's threads (query p50 ~2x on 2 cores)."""
    return np.einsum("ij,j->i", matrix, query / max(float(np.linalg.norm(query)), 1e-12))


def default_data_dir() -> Path:
    """$XDG_DATA_HOME/kakehashi (~/.local/share/kakehashi by default)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kakehashi"


def default_store_dir() -> Path:
    return default_data_dir() / "rag"


def store_path(name: str) -> Path:
    """A NAME lives in the data directory; anything that looks like a path is used as is."""
    if "/" in name or name.endswith((".sqlite", ".sqlite3", ".db")):
        return Path(name).expanduser()
    if not name.replace("-", "").replace("_", "").isalnum():
        raise InvalidRequest(f"store name {name!r}: use letters, digits, '-' and '_', or a path", param="store")
    return default_store_dir() / f"{name}.sqlite3"


@dataclass(frozen=True, slots=True)
class StoredChunk:
    id: int
    path: str
    index: int
    start: int
    end: int
    line: int  # 1-based line of the chunk's first character in the converted text
    text: str


class RagStore:
    def __init__(self, path: Path, conn: Any) -> None:
        self.path = path
        self.conn = conn
        # (data_version, total_changes) when loaded, chunk ids ascending, their unit vectors (n, dim)
        self._matrix: tuple[tuple[int, int], np.ndarray, np.ndarray] | None = None
        self._common: tuple[tuple[int, int], frozenset[str]] | None = None  # (version, common_trigrams())
        # Keyword search reads through its own connection, usable from any thread (one at a time), so that
        # retrieval can run it while the question is being embedded.
        self._reader: Any = None
        self._reader_lock = threading.Lock()
        self._lexical: tuple[int, LexicalIndex | None] | None = None  # (reader's data_version, index)

    @classmethod
    def open(cls, path: Path, *, model: str | None = None, dim: int | None = None) -> RagStore:
        """Open (or, given model and dim, create) a store. The embedding model is fixed per store: vectors
        of two models cannot be compared."""
        exists = path.exists()
        if not exists and (model is None or dim is None):
            raise InvalidRequest(f"no RAG store at {path}: run `kakehashi rag index` first", param="store")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        store = cls(path, conn)
        if not exists or not store._has_schema():
            assert model is not None and dim is not None
            store._create(model, dim)
        elif model is not None and store.model != model:
            raise InvalidRequest(
                f"store {path} was built with embedding model '{store.model}', not '{model}'; "
                "use that model or a new store", param="embedding_model",
            )
        return store

    def _has_schema(self) -> bool:
        row = self.conn.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchone()
        return row is not None

    def _create(self, model: str, dim: int) -> None:
        with self.conn:
            self.conn.executescript(
                """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    title TEXT,
                    n_chunks INTEGER NOT NULL,
                    indexed_at REAL NOT NULL
                );
                CREATE TABLE chunks (
                    id INTEGER PRIMARY KEY,
                    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    line INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX chunks_doc ON chunks(doc_id);
                CREATE VIRTUAL TABLE chunks_fts USING fts5(text, content='', tokenize='trigram');
                """
            )
            self.conn.execute(f"CREATE VIRTUAL TABLE chunks_vec USING vec0(embedding float[{int(dim)}] distance_metric=cosine)")
            self.conn.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)",
                [("schema_version", str(SCHEMA_VERSION)), ("embedding_model", model), ("dim", str(dim))],
            )

    def _meta(self, key: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    @property
    def model(self) -> str:
        return self._meta("embedding_model")

    @property
    def dim(self) -> int:
        return int(self._meta("dim"))

    # --------------------------------------------------------------------------- documents
    def documents(self) -> dict[str, str]:
        """path -> content hash of every indexed document."""
        return dict(self.conn.execute("SELECT path, sha256 FROM documents").fetchall())

    def replace_document(
        self, path: str, sha256: str, title: str | None, chunks: list[tuple[int, int, int, int, str]],
        vectors: np.ndarray, indexed_at: float,
    ) -> None:
        """Swap a document's chunks in one transaction: an interruption leaves the old version or the new."""
        with self.conn:
            self._delete(path)
            cur = self.conn.execute(
                "INSERT INTO documents(path, sha256, title, n_chunks, indexed_at) VALUES (?, ?, ?, ?, ?)",
                (path, sha256, title, len(chunks), indexed_at),
            )
            doc_id = cur.lastrowid
            for (idx, start, end, line, text), vector in zip(chunks, vectors, strict=True):
                cid = self.conn.execute(
                    "INSERT INTO chunks(doc_id, idx, start, end, line, text) VALUES (?, ?, ?, ?, ?, ?)",
                    (doc_id, idx, start, end, line, text),
                ).lastrowid
                self.conn.execute("INSERT INTO chunks_fts(rowid, text) VALUES (?, ?)", (cid, text))
                self.conn.execute(
                    "INSERT INTO chunks_vec(rowid, embedding) VALUES (?, ?)",
                    (cid, np.ascontiguousarray(vector, dtype=np.float32).tobytes()),
                )

    def delete_document(self, path: str) -> None:
        with self.conn:
            self._delete(path)

    def _delete(self, path: str) -> None:
        row = self.conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        ids = [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE doc_id = ?", (row[0],))]
        for cid in ids:
            # A contentless FTS5 table deletes by rowid with the 'delete' command... which needs the old
            # text; 'contentless_delete' is not in every SQLite, so the text is read back from chunks.
            text = self.conn.execute("SELECT text FROM chunks WHERE id = ?", (cid,)).fetchone()[0]
            self.conn.execute("INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', ?, ?)", (cid, text))
            self.conn.execute("DELETE FROM chunks_vec WHERE rowid = ?", (cid,))
        self.conn.execute("DELETE FROM chunks WHERE doc_id = ?", (row[0],))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (row[0],))

    # --------------------------------------------------------------------------- search
    def vector_search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(chunk id, cosine similarity), best first."""
        return self.vector_search_and(query, k, [])[0]

    def vector_search_and(self, query: np.ndarray, k: int, ids: list[int]) -> tuple[list[tuple[int, float]], dict[int, float]]:
        """vector_search, and the similarities of given chunks (keyword hits) from the same scan."""
        q = np.ascontiguousarray(query, dtype=np.float32)
        loaded = self._vectors()
        if loaded is None:
            rows = self.conn.execute(
                "SELECT rowid, distance FROM chunks_vec WHERE embedding MATCH ? AND k = ?", (q.tobytes(), int(k)),
            ).fetchall()
            return [(int(r[0]), 1.0 - float(r[1])) for r in rows], self.similarities(q, ids)
        all_ids, matrix = loaded
        sims = _dot(matrix, q)
        top = np.argpartition(-sims, k)[:k] if k < len(sims) else np.arange(len(sims))
        top = top[np.lexsort((all_ids[top], -sims[top]))]
        best = [(int(all_ids[i]), float(sims[i])) for i in top]
        if not ids:
            return best, {}
        want = np.asarray(ids, dtype=np.int64)
        pos = np.minimum(np.searchsorted(all_ids, want), len(all_ids) - 1)
        found = all_ids[pos] == want
        return best, {int(i): float(s) for i, s in zip(want[found], sims[pos[found]], strict=True)}

    def similarities(self, query: np.ndarray, ids: list[int]) -> dict[int, float]:
        """Cosine similarity of the query to given chunks (for keyword hits the vector search missed)."""
        if not ids:
            return {}
        q = np.ascontiguousarray(query, dtype=np.float32)
        loaded = self._vectors()
        if loaded is None:
            marks = ",".join("?" * len(ids))
            rows = self.conn.execute(
                f"SELECT rowid, vec_distance_cosine(embedding, ?) FROM chunks_vec WHERE rowid IN ({marks})",
                [q.tobytes(), *ids],
            ).fetchall()
            return {int(r[0]): 1.0 - float(r[1]) for r in rows}
        all_ids, matrix = loaded
        want = np.asarray(ids, dtype=np.int64)
        pos = np.minimum(np.searchsorted(all_ids, want), len(all_ids) - 1)
        found = all_ids[pos] == want
        sims = _dot(matrix[pos[found]], q)
        return {int(i): float(s) for i, s in zip(want[found], sims, strict=True)}

    def _vectors(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Every chunk's id (ascending) and unit vector, from memory while the file is unchanged; None when
        they would take more than MAX_MATRIX_BYTES (or the store is empty)."""
        version = (int(self.conn.execute("PRAGMA data_version").fetchone()[0]), int(self.conn.total_changes))
        if self._matrix is not None and self._matrix[0] == version:
            return self._matrix[1], self._matrix[2]
        self._matrix = None
        n = int(self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0])
        if n == 0 or n * self.dim * 4 > MAX_MATRIX_BYTES:
            return None
        rows = self.conn.execute("SELECT rowid, embedding FROM chunks_vec ORDER BY rowid").fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), self.dim)
        matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        self._matrix = (version, ids, matrix)
        return ids, matrix

    def common_trigrams(self) -> frozenset[str]:
        """The trigrams in more than half the chunks (FTS5's BM25 gives them an IDF of ~0), read from the
        FTS5 vocabulary once per version of the file (~30-50 ms on 2,000 chunks)."""
        version = (int(self.conn.execute("PRAGMA data_version").fetchone()[0]), int(self.conn.total_changes))
        if self._common is not None and self._common[0] == version:
            return self._common[1]
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, 'chunks_fts', 'row')")
        n = int(self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0])
        common = frozenset(t for (t,) in self.conn.execute("SELECT term FROM temp.chunks_vocab WHERE doc > ?", (n / 2,)))
        self._common = (version, common)
        return common

    def _reader_conn(self) -> Any:
        """The connection for reads from any thread (hold _reader_lock)."""
        if self._reader is None:
            self._reader = _connect(self.path, any_thread=True)
            self._reader.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        return self._reader

    def _reader_version(self) -> int:
        # data_version changes when another connection (the writer, another process) commits
        return int(self._reader_conn().execute("PRAGMA data_version").fetchone()[0])

    def cached_lexical(self) -> tuple[bool, LexicalIndex | None]:
        """(fresh, index): the index lexical() built, and whether the file is unchanged since; when not
        fresh, lexical() would rebuild it. Cheap; any thread."""
        with self._reader_lock:
            if self._lexical is None:
                return False, None
            return self._lexical[0] == self._reader_version(), self._lexical[1]

    def lexical(self) -> LexicalIndex | None:
        """The in-memory keyword index of every chunk, rebuilt when the file changes (~0.3 s per 1,000
        chunks: call it from a worker thread when cached_lexical() is not fresh); None above MAX_LEXICAL_CHUNKS or when
        the store is empty (then keyword_search, in FTS5). Safe from any thread."""
        with self._reader_lock:
            version = self._reader_version()
            if self._lexical is not None and self._lexical[0] == version:
                return self._lexical[1]
            reader = self._reader_conn()
            n = int(reader.execute("SELECT count(*) FROM chunks").fetchone()[0])
            index = LexicalIndex(reader.execute("SELECT id, text FROM chunks ORDER BY id")) if 0 < n <= MAX_LEXICAL_CHUNKS else None
            self._lexical = (version, index)
            return index

    def keyword_search(self, fts_query: str, k: int) -> list[tuple[int, float]]:
        """(chunk id, bm25 score; higher is better), best first, from the FTS5 table. Safe to call from any
        thread."""
        if not fts_query:
            return []
        with self._reader_lock:
            rows = self._reader_conn().execute(
                "SELECT rowid, bm25(chunks_fts) AS s FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY s LIMIT ?",
                (fts_query, int(k)),
            ).fetchall()
        return [(int(r[0]), -float(r[1])) for r in rows]

    def chunks(self, ids: list[int]) -> dict[int, StoredChunk]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT c.id, d.path, c.idx, c.start, c.end, c.line, c.text FROM chunks c "
            f"JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
            ids,
        ).fetchall()
        return {int(r[0]): StoredChunk(int(r[0]), r[1], int(r[2]), int(r[3]), int(r[4]), int(r[5]), r[6]) for r in rows}

    def stats(self) -> dict[str, Any]:
        docs, chunks = self.conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks)"
        ).fetchone()
        return {"documents": docs, "chunks": chunks, "embedding_model": self.model, "dim": self.dim,
                "bytes": self.path.stat().st_size if self.path.exists() else 0}

    def close(self) -> None:
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        self.conn.close()

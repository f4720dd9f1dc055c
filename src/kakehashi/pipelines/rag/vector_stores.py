"""Vector stores as OpenAI's API has them, on the RAG package: uploaded files, stores, files attached to a
store (indexed in the background: converted, chunked, embedded into the store's own SQLite file), and
hybrid search filtered by the attached files' attributes.

Scoping: when the server has API keys, every file and store belongs to the key that created it (`owner`,
the key's id); a call made with another key gets "not found" for it, exactly as for an id that does not
exist, and lists show only the caller's own. `owner=None` (a server without keys) sees everything.

Everything runs on the server's event loop: SQLite calls are short and never awaited across, so a file
detached while it was being embedded is noticed before its chunks would be written. Conversion (PDF
parsing) runs on a worker thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import numpy as np

from kakehashi.errors import InvalidRequest, KakehashiError, NotFound
from kakehashi.gateway.embeddings import EmbeddingService
from kakehashi.pipelines.errors import ConversionError, SourceError
from kakehashi.pipelines.rag.catalog import Catalog
from kakehashi.pipelines.rag.embed import ServiceEmbedder
from kakehashi.pipelines.rag.filters import matches
from kakehashi.pipelines.rag.index import prepare
from kakehashi.pipelines.rag.retrieve import Hit, retrieve
from kakehashi.pipelines.rag.store import RagStore

log = logging.getLogger(__name__)
DAY = 86400
RERANK_CANDIDATES = 10  # fused passages reranked when a search asks for ranker "kakehashi-rerank"
# (question, hits in fused order) -> the hits reordered, each with its judgement (pipelines/rag/rerank.py)
Reranker = Callable[[str, list[Hit]], Awaitable[list[tuple[Hit, Any]]]]


class VectorStoreService:
    def __init__(self, root: Path, embeddings: EmbeddingService, model: str | None) -> None:
        """`model`: the embeddings model new stores use (None: this server serves none)."""
        self.root = root
        self.embeddings = embeddings
        self.model = model
        self._catalog: Catalog | None = None
        self._rags: dict[str, RagStore] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def catalog(self) -> Catalog:
        # Opened on first use: a server nobody asks for vector stores creates no files.
        if self._catalog is None:
            self._catalog = Catalog(self.root)
        return self._catalog

    def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for rag in self._rags.values():
            rag.close()
        self._rags.clear()
        if self._catalog is not None:
            self._catalog.close()
            self._catalog = None

    # ------------------------------------------------------------------ files
    def add_file(self, filename: str, data: bytes, purpose: str, owner: str | None = None) -> dict[str, Any]:
        return self.catalog.add_file(filename, data, purpose, owner)

    def files(self, purpose: str | None = None, owner: str | None = None) -> list[dict[str, Any]]:
        return self.catalog.files(purpose, owner)

    def file(self, file_id: str, owner: str | None = None) -> dict[str, Any]:
        row = self.catalog.file(file_id)
        if row is None or not _visible(row, owner):
            raise NotFound(f"No such File object: {file_id}", param="file_id")
        return row

    def file_content(self, file_id: str, owner: str | None = None) -> bytes:
        self.file(file_id, owner)
        return self.catalog.file_path(file_id).read_bytes()

    def delete_file(self, file_id: str, owner: str | None = None) -> None:
        """The file goes from every store it was attached to as well: nothing of it stays searchable."""
        self.file(file_id, owner)
        for store_id in self.catalog.delete_file(file_id):
            if (rag := self._rag(store_id)) is not None:
                rag.delete_document(file_id)

    # ------------------------------------------------------------------ stores
    def create_store(self, name: str | None, metadata: dict[str, str], description: str | None,
                     expires_after: dict[str, Any] | None, file_ids: list[str],
                     owner: str | None = None) -> dict[str, Any]:
        if self.model is None:
            raise InvalidRequest("vector stores need an embeddings model and this server serves none "
                                 "(it was started with --no-default-embeddings)", code="no_embeddings_model")
        for file_id in file_ids:
            self.file(file_id, owner)
        store = self.catalog.add_store(name, metadata, description, expires_after, self.model, owner)
        for file_id in file_ids:
            self.attach(store["id"], file_id, {}, owner)
        return self.store(store["id"])

    def store(self, store_id: str, owner: str | None = None) -> dict[str, Any]:
        row = self.catalog.store(store_id)
        if row is None or not _visible(row, owner):
            raise NotFound(f"No such vector store: {store_id}", param="vector_store_id")
        expires_at = None
        if row["expires_after"]:
            expires_at = row["last_active_at"] + int(row["expires_after"]["days"]) * DAY
        row["expires_at"] = expires_at
        if expires_at is not None and time.time() > expires_at:
            row["status"] = "expired"
        else:
            row["status"] = "in_progress" if row["file_counts"]["in_progress"] else "completed"
        return row

    def stores(self, owner: str | None = None) -> list[dict[str, Any]]:
        return [self.store(s["id"]) for s in self.catalog.stores(owner)]

    def update_store(self, store_id: str, fields: dict[str, Any], owner: str | None = None) -> dict[str, Any]:
        self.store(store_id, owner)
        self.catalog.update_store(store_id, **fields)
        return self.store(store_id)

    def delete_store(self, store_id: str, owner: str | None = None) -> None:
        self.store(store_id, owner)
        self.catalog.delete_store(store_id)
        if (rag := self._rags.pop(store_id, None)) is not None:
            rag.close()
        path = self.catalog.store_path(store_id)
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)

    def _rag(self, store_id: str, dim: int | None = None) -> RagStore | None:
        """The store's RagStore; created (given dim) when its first file is indexed, else None before that."""
        rag = self._rags.get(store_id)
        if rag is None:
            path = self.catalog.store_path(store_id)
            if not path.exists() and dim is None:
                return None
            model = self.catalog.store(store_id)["embedding_model"]  # type: ignore[index]
            rag = self._rags[store_id] = RagStore.open(path, model=model, dim=dim or 0)
        return rag

    # ------------------------------------------------------------------ files in stores
    def attach(self, store_id: str, file_id: str, attributes: dict[str, Any],
               owner: str | None = None) -> dict[str, Any]:
        """Attach (or re-attach) a file: status in_progress now, completed or failed when indexing ends."""
        self._usable(store_id, owner)
        self.file(file_id, owner)
        row = self.catalog.attach(store_id, file_id, attributes)
        self.catalog.touch_store(store_id)
        task = asyncio.get_running_loop().create_task(self._index(store_id, file_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return row

    def store_file(self, store_id: str, file_id: str, owner: str | None = None) -> dict[str, Any]:
        self.store(store_id, owner)
        row = self.catalog.store_file(store_id, file_id)
        if row is None:
            raise NotFound(f"No file {file_id} in vector store {store_id}", param="file_id")
        return row

    def store_files(self, store_id: str, status: str | None, owner: str | None = None) -> list[dict[str, Any]]:
        self.store(store_id, owner)
        return self.catalog.store_files(store_id, status)

    def set_attributes(self, store_id: str, file_id: str, attributes: dict[str, Any],
                       owner: str | None = None) -> dict[str, Any]:
        self.store_file(store_id, file_id, owner)
        self.catalog.set_attributes(store_id, file_id, attributes)
        return self.store_file(store_id, file_id)

    def detach(self, store_id: str, file_id: str, owner: str | None = None) -> None:
        """Remove the file from the store (the uploaded file itself stays)."""
        self.store_file(store_id, file_id, owner)
        self.catalog.detach(store_id, file_id)
        if (rag := self._rag(store_id)) is not None:
            rag.delete_document(file_id)

    # ------------------------------------------------------------------ file batches
    def create_batch(self, store_id: str, files: list[tuple[str, dict[str, Any]]],
                     owner: str | None = None) -> dict[str, Any]:
        """Attach several files at once (file id, attributes); every id is checked before any is attached."""
        self._usable(store_id, owner)
        for file_id, _ in files:
            self.file(file_id, owner)
        batch_id = self.catalog.add_batch(store_id, [f for f, _ in files])
        for file_id, attributes in files:
            self.attach(store_id, file_id, attributes, owner)
        return self.batch(store_id, batch_id)

    def batch(self, store_id: str, batch_id: str, owner: str | None = None) -> dict[str, Any]:
        self.store(store_id, owner)
        row = self.catalog.batch(store_id, batch_id)
        if row is None:
            raise NotFound(f"No file batch {batch_id} in vector store {store_id}", param="batch_id")
        counts = row["file_counts"]
        if row["cancelled"]:
            row["status"] = "cancelled"
        elif counts["in_progress"]:
            row["status"] = "in_progress"
        elif counts["total"] and counts["failed"] == counts["total"]:
            row["status"] = "failed"
        else:
            row["status"] = "completed"
        return row

    def batch_files(self, store_id: str, batch_id: str, status: str | None,
                    owner: str | None = None) -> list[dict[str, Any]]:
        self.batch(store_id, batch_id, owner)
        wanted = set(self.catalog.batch_file_ids(batch_id))
        return [f for f in self.catalog.store_files(store_id, status) if f["file_id"] in wanted]

    def cancel_batch(self, store_id: str, batch_id: str, owner: str | None = None) -> dict[str, Any]:
        """Stop a batch still in progress (its finished files stay); a finished batch is left as it is."""
        if self.batch(store_id, batch_id, owner)["status"] == "in_progress":
            self.catalog.cancel_batch(store_id, batch_id)
        return self.batch(store_id, batch_id)

    def _usable(self, store_id: str, owner: str | None = None) -> dict[str, Any]:
        store = self.store(store_id, owner)
        if store["status"] == "expired":
            raise InvalidRequest(f"vector store {store_id} has expired", param="vector_store_id", code="expired")
        return store

    async def _index(self, store_id: str, file_id: str) -> None:
        error: dict[str, str] | None = None
        vectors = np.zeros((0, 0), dtype=np.float32)
        rows: list[tuple[int, int, int, int, str]] = []
        title, digest = None, ""
        try:
            meta = self.file(file_id)
            data = await asyncio.to_thread(self.catalog.file_path(file_id).read_bytes)
            digest = hashlib.sha256(data).hexdigest()
            title, rows = await asyncio.to_thread(prepare, meta["filename"], data)
        except ConversionError as exc:
            unsupported = "unsupported content type" in str(exc)
            error = {"code": "unsupported_file" if unsupported else "invalid_file", "message": str(exc)}
        except (SourceError, OSError, KakehashiError) as exc:
            error = {"code": "invalid_file", "message": str(exc)}
        except Exception as exc:  # noqa: BLE001 - a damaged PDF can raise anything from deep in pypdf
            error = {"code": "invalid_file", "message": f"{type(exc).__name__}: {exc}"}
        if error is None:
            try:
                model = self.catalog.store(store_id)["embedding_model"]  # type: ignore[index]
                vectors = await ServiceEmbedder(self.embeddings, model).embed([r[4] for r in rows], "passage")
            except KakehashiError as exc:
                error = {"code": "server_error", "message": f"embedding failed: {exc.message}"}
            except Exception as exc:
                log.exception("embedding a vector-store file failed")
                error = {"code": "server_error", "message": f"embedding failed: {type(exc).__name__}: {exc}"}
        current = self.catalog.store_file(store_id, file_id)
        if current is None or current["status"] != "in_progress":
            return  # detached or deleted meanwhile: write nothing
        if error is not None:
            self.catalog.finish(store_id, file_id, error=error)
            return
        rag = self._rag(store_id, dim=int(vectors.shape[1]))
        assert rag is not None
        rag.replace_document(file_id, digest, title, rows, vectors, time.time())
        usage = sum(len(r[4].encode()) for r in rows) + int(vectors.nbytes)
        self.catalog.finish(store_id, file_id, usage_bytes=usage)

    # ------------------------------------------------------------------ search
    async def search(self, store_id: str, queries: list[str], max_results: int,
                     filters: dict[str, Any] | None, score_threshold: float | None,
                     owner: str | None = None, rerank: Reranker | None = None) -> list[dict[str, Any]]:
        """Hybrid retrieval per query (several queries: each passage's fused scores added), only over
        completed files whose attributes pass `filters`; score = cosine similarity of the passage to the query (0..1).
        With `rerank` (one query), the max(max_results, RERANK_CANDIDATES) best fused passages are put in
        its order first (score stays the similarity)."""
        store = self._usable(store_id, owner)
        self.catalog.touch_store(store_id)
        rag = self._rag(store_id)
        if rag is None:
            return []
        files = {f["file_id"]: f for f in self.catalog.store_files(store_id, "completed")}

        def accept(chunk: Any) -> bool:
            f = files.get(chunk.path)
            return f is not None and (filters is None or matches(filters, f["attributes"]))

        embedder = ServiceEmbedder(self.embeddings, store["embedding_model"])
        fused: dict[int, tuple[float, Hit]] = {}
        depth = max_results if rerank is None else max(max_results, RERANK_CANDIDATES)
        for query in queries:
            for hit in await retrieve(rag, embedder, query, k=depth, accept=accept):
                before = fused.get(hit.chunk.id)
                best = hit if before is None or (hit.similarity or 0) > (before[1].similarity or 0) else before[1]
                fused[hit.chunk.id] = (hit.score + (before[0] if before else 0.0), best)
        ranked = [hit for _, hit in sorted(fused.values(), key=lambda t: -t[0])]
        if rerank is not None and ranked:
            ranked = [hit for hit, _ in await rerank(queries[0], ranked)]
        names: dict[str, str] = {}
        out: list[dict[str, Any]] = []
        for hit in ranked:
            score = min(1.0, max(0.0, hit.similarity or 0.0))
            if score_threshold is not None and score < score_threshold:
                continue
            fid = hit.chunk.path
            if fid not in names:
                names[fid] = (self.catalog.file(fid) or {}).get("filename", fid)
            out.append({"file_id": fid, "filename": names[fid], "score": round(score, 4),
                        "attributes": files[fid]["attributes"], "text": hit.chunk.text,
                        "chunk": hit.chunk.index, "start": hit.chunk.start, "end": hit.chunk.end,
                        "line": hit.chunk.line})
            if len(out) == max_results:
                break
        return out


def _visible(row: dict[str, Any], owner: str | None) -> bool:
    """A row is the caller's when the server has no keys (owner None) or the caller's key created it."""
    return owner is None or row.get("owner") == owner

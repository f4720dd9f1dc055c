"""OpenAI's files and vector-store endpoints onto the vector-store service, so the official `openai` SDK
can upload files, build stores and search them:

    POST/GET /v1/files, GET/DELETE /v1/files/{id}, GET /v1/files/{id}/content
    POST/GET /v1/vector_stores, GET/POST/DELETE /v1/vector_stores/{id}
    POST/GET /v1/vector_stores/{id}/files, GET/POST/DELETE /v1/vector_stores/{id}/files/{file_id}
    POST /v1/vector_stores/{id}/file_batches, GET /v1/vector_stores/{id}/file_batches/{batch_id}
    POST /v1/vector_stores/{id}/file_batches/{batch_id}/cancel, GET /v1/vector_stores/{id}/file_batches/{batch_id}/files
    POST /v1/vector_stores/{id}/search

With API keys configured, each key sees only the files and stores it created (see VectorStoreService).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any, Literal

import httpx
import orjson
from fastapi import APIRouter, Query, Request
from starlette.datastructures import UploadFile
from starlette.responses import Response

from kakehashi.errors import InvalidRequest, Overloaded
from kakehashi.pipelines.rag.rerank import rerank
from kakehashi.pipelines.rag.retrieve import Hit
from kakehashi.pipelines.rag.vector_stores import RERANK_CANDIDATES, Reranker, VectorStoreService
from kakehashi.protocol import vector_stores as wire

Order = Literal["asc", "desc"]
Limit = Query(default=20, ge=1, le=100)
_FORM_FIELDS = {"file", "purpose"}


def _json(obj: dict[str, Any]) -> Response:
    return Response(orjson.dumps(obj), media_type="application/json")


def _owner(request: Request) -> str | None:
    """The caller's key id (set by the security middleware when keys are configured), else None."""
    return getattr(request.state, "api_key_id", None)


def _reranker(request: Request) -> Reranker:
    """Reranking as the caller: each judgement is a chat request to this same app (in-process, no socket)
    with the caller's credentials, so its key's budget, rate limits, privacy rules and ledger apply."""

    async def run(question: str, hits: list[Hit]) -> list[tuple[Hit, Any]]:
        headers = {k: v for k, v in request.headers.items() if k in ("authorization", "x-api-key")}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=request.app), base_url="http://kakehashi/v1",
                                     headers=headers, timeout=600) as http:
            return await rerank(http, question, hits, n=RERANK_CANDIDATES)

    return run


def build_vector_store_router(service: VectorStoreService, is_ready: Callable[[], bool]) -> APIRouter:
    router = APIRouter()

    def ready() -> None:
        # Attaching and searching embed text: the embeddings model must be loaded.
        if not is_ready():
            raise Overloaded("the server is still loading its models", retry_after=2.0, code="model_loading")

    # ------------------------------------------------------------------ files
    @router.post("/v1/files")
    async def upload(request: Request) -> Response:
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise InvalidRequest("upload a file as multipart/form-data with fields 'file' and 'purpose'",
                                 param="file")
        async with request.form(max_files=1, max_fields=8) as form:
            unknown = sorted(set(form.keys()) - _FORM_FIELDS)
            if unknown:
                raise InvalidRequest(f"{unknown[0]}: this field is not supported", param=unknown[0])
            purpose, upload = form.get("purpose"), form.get("file")
            if not isinstance(purpose, str) or purpose not in wire.FILE_PURPOSES:
                raise InvalidRequest(f"purpose must be one of: {', '.join(wire.FILE_PURPOSES)} (files here are "
                                     "for vector stores)", param="purpose")
            if not isinstance(upload, UploadFile):
                raise InvalidRequest("file: a file upload is required", param="file")
            data = await upload.read()
            filename = PurePath(upload.filename or "upload").name or "upload"
        if not data:
            raise InvalidRequest("file: the file is empty", param="file")
        return _json(wire.file_object(service.add_file(filename, data, purpose, _owner(request))))

    @router.get("/v1/files")
    async def list_files(request: Request, purpose: str | None = None, limit: int = Query(default=10000, ge=1, le=10000),
                         order: Order = "desc", after: str | None = None) -> Response:
        rows = [wire.file_object(r) for r in service.files(purpose, _owner(request))]
        return _json(wire.page(rows, limit=limit, order=order, after=after, before=None))

    @router.get("/v1/files/{file_id}")
    async def get_file(request: Request, file_id: str) -> Response:
        return _json(wire.file_object(service.file(file_id, _owner(request))))

    @router.get("/v1/files/{file_id}/content")
    async def file_content(request: Request, file_id: str) -> Response:
        return Response(service.file_content(file_id, _owner(request)), media_type="application/octet-stream")

    @router.delete("/v1/files/{file_id}")
    async def delete_file(request: Request, file_id: str) -> Response:
        service.delete_file(file_id, _owner(request))
        return _json(wire.deleted(file_id, "file"))

    # ------------------------------------------------------------------ vector stores
    @router.post("/v1/vector_stores")
    async def create_store(request: Request, body: wire.VectorStoreCreate) -> Response:
        if body.file_ids:
            ready()
        row = service.create_store(body.name, body.metadata or {}, body.description,
                                   body.expires_after.model_dump() if body.expires_after else None, body.file_ids,
                                   _owner(request))
        return _json(wire.vector_store_object(row))

    @router.get("/v1/vector_stores")
    async def list_stores(request: Request, limit: int = Limit, order: Order = "desc", after: str | None = None,
                          before: str | None = None) -> Response:
        rows = [wire.vector_store_object(r) for r in service.stores(_owner(request))]
        return _json(wire.page(rows, limit=limit, order=order, after=after, before=before))

    @router.get("/v1/vector_stores/{store_id}")
    async def get_store(request: Request, store_id: str) -> Response:
        return _json(wire.vector_store_object(service.store(store_id, _owner(request))))

    @router.post("/v1/vector_stores/{store_id}")
    async def update_store(request: Request, store_id: str, body: wire.VectorStoreUpdate) -> Response:
        fields = body.model_dump(include=body.model_fields_set)
        return _json(wire.vector_store_object(service.update_store(store_id, fields, _owner(request))))

    @router.delete("/v1/vector_stores/{store_id}")
    async def delete_store(request: Request, store_id: str) -> Response:
        service.delete_store(store_id, _owner(request))
        return _json(wire.deleted(store_id, "vector_store.deleted"))

    # ------------------------------------------------------------------ files in a store
    @router.post("/v1/vector_stores/{store_id}/files")
    async def attach(request: Request, store_id: str, body: wire.VectorStoreFileCreate) -> Response:
        ready()
        row = service.attach(store_id, body.file_id, body.attributes or {}, _owner(request))
        return _json(wire.vector_store_file_object(row))

    @router.get("/v1/vector_stores/{store_id}/files")
    async def list_store_files(
        request: Request, store_id: str, limit: int = Limit, order: Order = "desc", after: str | None = None,
        before: str | None = None,
        filter: Literal["in_progress", "completed", "failed", "cancelled"] | None = None,
    ) -> Response:
        rows = [wire.vector_store_file_object(r) for r in service.store_files(store_id, filter, _owner(request))]
        return _json(wire.page(rows, limit=limit, order=order, after=after, before=before))

    @router.get("/v1/vector_stores/{store_id}/files/{file_id}")
    async def get_store_file(request: Request, store_id: str, file_id: str) -> Response:
        return _json(wire.vector_store_file_object(service.store_file(store_id, file_id, _owner(request))))

    @router.post("/v1/vector_stores/{store_id}/files/{file_id}")
    async def update_store_file(request: Request, store_id: str, file_id: str,
                                body: wire.VectorStoreFileUpdate) -> Response:
        row = service.set_attributes(store_id, file_id, body.attributes or {}, _owner(request))
        return _json(wire.vector_store_file_object(row))

    @router.delete("/v1/vector_stores/{store_id}/files/{file_id}")
    async def detach(request: Request, store_id: str, file_id: str) -> Response:
        service.detach(store_id, file_id, _owner(request))
        return _json(wire.deleted(file_id, "vector_store.file.deleted"))

    # ------------------------------------------------------------------ file batches
    @router.post("/v1/vector_stores/{store_id}/file_batches")
    async def create_batch(request: Request, store_id: str, body: wire.FileBatchCreate) -> Response:
        ready()
        row = service.create_batch(store_id, body.entries(), _owner(request))
        return _json(wire.file_batch_object(row))

    @router.get("/v1/vector_stores/{store_id}/file_batches/{batch_id}")
    async def get_batch(request: Request, store_id: str, batch_id: str) -> Response:
        return _json(wire.file_batch_object(service.batch(store_id, batch_id, _owner(request))))

    @router.post("/v1/vector_stores/{store_id}/file_batches/{batch_id}/cancel")
    async def cancel_batch(request: Request, store_id: str, batch_id: str) -> Response:
        return _json(wire.file_batch_object(service.cancel_batch(store_id, batch_id, _owner(request))))

    @router.get("/v1/vector_stores/{store_id}/file_batches/{batch_id}/files")
    async def list_batch_files(
        request: Request, store_id: str, batch_id: str, limit: int = Limit, order: Order = "desc",
        after: str | None = None, before: str | None = None,
        filter: Literal["in_progress", "completed", "failed", "cancelled"] | None = None,
    ) -> Response:
        rows = [wire.vector_store_file_object(r)
                for r in service.batch_files(store_id, batch_id, filter, _owner(request))]
        return _json(wire.page(rows, limit=limit, order=order, after=after, before=before))

    # ------------------------------------------------------------------ search
    @router.post("/v1/vector_stores/{store_id}/search")
    async def search(request: Request, store_id: str, body: wire.SearchRequest) -> Response:
        ready()
        threshold = body.ranking_options.score_threshold if body.ranking_options else None
        filters = body.filters.model_dump() if body.filters else None
        reranker = _reranker(request) if body.ranking_options and body.ranking_options.ranker == wire.RERANKER else None
        results = await service.search(store_id, body.queries(), body.max_num_results, filters, threshold,
                                       _owner(request), rerank=reranker)
        return _json(wire.search_page(body.queries(), results))

    return router

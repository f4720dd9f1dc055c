"""Embeddings for RAG: over the OpenAI wire format (/v1/embeddings), as any kakehashi user would call it,
or, inside the server (the vector-store API), straight through the gateway's embeddings service."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any, Protocol

import httpx
import numpy as np
import orjson

from kakehashi.errors import BackendError, InvalidRequest
from kakehashi.pipelines.llm import _api_path
from kakehashi.types import EmbeddingRequest

if TYPE_CHECKING:
    from kakehashi.gateway.embeddings import EmbeddingService

DEFAULT_EMBEDDING_MODEL = "multilingual-e5-small"
BATCH = 32  # inputs per request: large enough to amortise a call, small enough to show progress
_JSON_HEADERS = {"content-type": "application/json"}  # bodies encoded and decoded by orjson, not httpx's json


class Embedder(Protocol):
    model: str

    async def embed(self, texts: list[str], input_type: str) -> np.ndarray:
        """Unit-length float32 rows, one per text; input_type "query" or "passage"."""
        ...


class EmbeddingClient:
    def __init__(self, http: httpx.AsyncClient, model: str = DEFAULT_EMBEDDING_MODEL) -> None:
        self.http = http
        self.model = model
        self.prompt_tokens = 0
        # input_type is kakehashi's (and Cohere's, Voyage's) extension: other servers may refuse it.
        self._send_input_type = True

    async def embed(self, texts: list[str], input_type: str) -> np.ndarray:
        out: list[np.ndarray] = []
        for i in range(0, len(texts), BATCH):
            out.append(await self._call(texts[i : i + BATCH], input_type))
        return np.vstack(out) if out else np.zeros((0, 0), dtype=np.float32)

    async def _call(self, texts: list[str], input_type: str) -> np.ndarray:
        body: dict[str, object] = {"model": self.model, "input": texts, "encoding_format": "base64"}
        if self._send_input_type:
            body["input_type"] = input_type
        r = await self.http.post(_api_path(self.http, "embeddings"), content=orjson.dumps(body),
                                 headers=_JSON_HEADERS)
        if r.status_code == 400 and self._send_input_type and _param(r) == "input_type":
            self._send_input_type = False  # a symmetric model: embed queries and passages alike
            return await self._call(texts, input_type)
        if r.status_code != 200:
            raise BackendError(f"embeddings failed: HTTP {r.status_code}: {r.text[:300]}",
                               upstream_status=r.status_code, retryable=False)
        payload = orjson.loads(r.content)
        self.prompt_tokens += int((payload.get("usage") or {}).get("prompt_tokens") or 0)
        return vectors_from_body(payload)


def embedder_for(http: httpx.AsyncClient, model: str = DEFAULT_EMBEDDING_MODEL) -> Embedder:
    """The embedder a RAG command uses on `http`: for kakehashi's in-process app (api.inprocess), its
    embeddings service called directly (the HTTP client, ASGI app and JSON both ways cost ~3 ms per
    question, more than retrieval itself; benchmarks/rag/results.md, session 10); for a server, its
    /v1/embeddings."""
    service = getattr(http, "embedding_service", None)
    return ServiceEmbedder(service, model) if service is not None else EmbeddingClient(http, model)


class ServiceEmbedder:
    """The same calls without HTTP: the server's own embeddings service (privacy rule and ledger included)."""

    def __init__(self, service: EmbeddingService, model: str) -> None:
        self.service = service
        self.model = model
        self.prompt_tokens = 0
        self._send_input_type = True  # as EmbeddingClient: a symmetric model refuses input_type

    async def embed(self, texts: list[str], input_type: str) -> np.ndarray:
        out: list[np.ndarray] = []
        for i in range(0, len(texts), BATCH):
            req = EmbeddingRequest(model=self.model, texts=texts[i : i + BATCH],
                                   input_type=("query" if input_type == "query" else "passage")
                                   if self._send_input_type else None)
            try:
                result, _ = await self.service.embed(req)
            except InvalidRequest as exc:
                if not (self._send_input_type and exc.param == "input_type"):
                    raise
                self._send_input_type = False  # embed queries and passages alike
                return await self.embed(texts, input_type)
            self.prompt_tokens += result.prompt_tokens
            if result.vectors is not None:
                v = np.asarray(result.vectors, dtype=np.float32)
                out.append(v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12))
            else:
                out.append(vectors_from_body(result.upstream_body or {}))
        return np.vstack(out) if out else np.zeros((0, 0), dtype=np.float32)


def vectors_from_body(payload: dict[str, Any]) -> np.ndarray:
    """Unit-length rows from an OpenAI embeddings response body (float lists or base64)."""
    rows = sorted(payload["data"], key=lambda d: d["index"])
    vectors = np.array(
        [np.frombuffer(base64.b64decode(d["embedding"]), dtype="<f4") if isinstance(d["embedding"], str)
         else np.asarray(d["embedding"], dtype=np.float32) for d in rows],
        dtype=np.float32,
    )
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _param(r: httpx.Response) -> str | None:
    try:
        return r.json()["error"]["param"]
    except (ValueError, KeyError, TypeError):
        return None

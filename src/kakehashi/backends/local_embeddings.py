"""The embedded embeddings backend: the default multilingual-e5-small plus any GGUF embedding models.

It answers `embed()` only; a chat or completion request naming one of its models is a 400 (the model
exists, but it does not generate text). Encoding runs on a worker thread of its own per model: the event
loop stays free, and a model's calls are serialised anyway (one C handle, one set of scratch buffers). A
dedicated thread rather than asyncio's shared default executor: the hand-off is a plain queue put to a
thread that is already waiting (the default pool alternates its idle threads and shares them with every
other blocking job), which halved the event loop's hand-off cost per request (benchmarks/rag/results.md,
session 10).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from kakehashi.backends.base import BackendKind
from kakehashi.errors import ContextLengthExceeded, InvalidRequest, ModelNotFound, Overloaded
from kakehashi.types import (
    ChatRequest,
    CompletionRequest,
    EmbeddingInputType,
    EmbeddingRequest,
    EmbeddingResult,
    GenerationEvent,
)

# encoding_format is applied by the API layer; user is an end-user id for a provider's abuse monitoring,
# which has no meaning for a model running here (it is recorded nowhere and changes nothing).
_HONOURED_WIRE_FIELDS = frozenset({"encoding_format", "user"})
T = TypeVar("T")


class Embedder(Protocol):
    kind: str
    dim: int
    normalized: bool
    accepts_token_ids: bool

    def count_tokens(self, texts: list[str], input_type: EmbeddingInputType | None) -> list[int]: ...

    def embed(self, texts: list[str], input_type: EmbeddingInputType | None) -> np.ndarray: ...

    def embed_tokens(self, token_ids: list[list[int]]) -> np.ndarray: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class EmbeddingModelSpec:
    name: str
    path: Path | None  # None: the bundled multilingual-e5-small
    pooling: str = "mean"
    normalize: bool = True


def load_embedder(spec: EmbeddingModelSpec, *, n_threads: int = 0) -> Embedder:
    if spec.path is None:
        from kakehashi.engine.e5 import E5Embedder

        return E5Embedder()
    from kakehashi.engine.llama import LlamaEmbedder

    return LlamaEmbedder(spec.path, pooling=spec.pooling, normalize=spec.normalize, n_threads=n_threads)


class LocalEmbeddingBackend:
    kind: BackendKind = "local"

    def __init__(self, name: str = "embedded-embeddings", specs: list[EmbeddingModelSpec] | None = None) -> None:
        self.name = name
        self._embedders: dict[str, Embedder] = {}
        self._threads: dict[str, ThreadPoolExecutor] = {}  # one worker thread per model, started on first use
        self._specs = list(specs or [])
        self._expected: list[str] = [s.name for s in self._specs]  # announced before loading finishes

    def load_all(self, *, n_threads: int = 0) -> None:
        """Load every announced model (blocking)."""
        for spec in self._specs:
            if spec.name not in self._embedders:
                self.load(spec, n_threads=n_threads)

    def load(self, spec: EmbeddingModelSpec, *, n_threads: int = 0) -> None:
        self.add(spec.name, load_embedder(spec, n_threads=n_threads))

    def add(self, name: str, embedder: Embedder) -> None:
        self._embedders[name] = embedder

    def models(self) -> list[str]:
        return list(dict.fromkeys([*self._expected, *self._embedders]))

    def embedding_models(self) -> list[str]:
        return self.models()

    def dim(self, model: str) -> int:
        return self._get(model).dim

    def _get(self, model: str) -> Embedder:
        embedder = self._embedders.get(model)
        if embedder is None and model in self._expected:
            raise Overloaded(f"the model '{model}' is still loading", retry_after=2.0, code="model_loading")
        if embedder is None:
            raise ModelNotFound(f"The model '{model}' does not exist", param="model")
        return embedder

    async def embed(self, req: EmbeddingRequest) -> EmbeddingResult:
        embedder = self._get(req.model)
        for key in req.wire:
            if key not in _HONOURED_WIRE_FIELDS:
                raise InvalidRequest(f"unsupported field '{key}' for the embedded model '{req.model}'", param=key)
        if req.input_type is not None and embedder.kind != "e5":
            raise InvalidRequest(
                f"model '{req.model}' embeds queries and passages alike: leave out 'input_type'",
                param="input_type",
            )
        if req.dimensions is not None and req.dimensions != embedder.dim:
            # Truncating a vector is only meaningful for Matryoshka-trained models; none of ours is.
            raise InvalidRequest(
                f"model '{req.model}' returns {embedder.dim}-dimensional vectors and cannot shorten them; "
                f"leave out 'dimensions' or set it to {embedder.dim}",
                param="dimensions",
            )
        if req.token_ids is not None:
            if not embedder.accepts_token_ids:
                raise InvalidRequest(
                    f"model '{req.model}' takes text only: send 'input' as a string or a list of strings",
                    param="input",
                )
            self._check_lengths(embedder, req.model, [len(t) for t in req.token_ids])
            ids = req.token_ids
            vectors = await self._in_thread(req.model, lambda: embedder.embed_tokens(ids))
            return EmbeddingResult(req.model, sum(len(t) for t in ids), vectors)
        texts = req.texts or []
        if embedder.kind == "llama":
            # Tokenize once: the lengths are checked before any work and the same ids are embedded.
            tokenize = embedder.tokenize  # type: ignore[attr-defined]
            ids = await self._in_thread(req.model, lambda: [tokenize(t) for t in texts])
            self._check_lengths(embedder, req.model, [len(t) for t in ids])
            vectors = await self._in_thread(req.model, lambda: embedder.embed_tokens(ids))
            return EmbeddingResult(req.model, sum(len(t) for t in ids), vectors)
        # One trip to a worker thread, not two: a retrieval query waits for this call.
        counts, vectors = await self._in_thread(
            req.model, lambda: (embedder.count_tokens(texts, req.input_type), embedder.embed(texts, req.input_type)))
        return EmbeddingResult(req.model, sum(counts), vectors)

    def _in_thread(self, model: str, job: Callable[[], T]) -> asyncio.Future[T]:
        """Run `job` on the model's own worker thread."""
        thread = self._threads.get(model)
        if thread is None:
            thread = self._threads[model] = ThreadPoolExecutor(1, thread_name_prefix=f"kakehashi-embed-{model}")
        return asyncio.get_running_loop().run_in_executor(thread, job)

    @staticmethod
    def _check_lengths(embedder: Embedder, model: str, lengths: list[int]) -> None:
        limit = getattr(embedder, "max_tokens", None)
        for i, n in enumerate(lengths):
            if n == 0:
                raise InvalidRequest(f"input[{i}] is empty (no tokens)", param="input")
            if limit is not None and n > limit:
                raise ContextLengthExceeded(
                    f"input[{i}] has {n} tokens; model '{model}' embeds at most {limit}", param="input"
                )

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]:
        raise InvalidRequest(
            f"'{req.model}' is an embedding model: use it with /v1/embeddings", param="model",
            code="model_not_supported",
        )

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]:
        raise InvalidRequest(
            f"'{req.model}' is an embedding model: use it with /v1/embeddings", param="model",
            code="model_not_supported",
        )

    async def health(self) -> bool:
        return bool(self._embedders)

    async def aclose(self) -> None:
        threads = list(self._threads.values())
        self._threads.clear()
        for thread in threads:  # let a call in flight finish before its model is freed
            await asyncio.get_running_loop().run_in_executor(None, thread.shutdown)
        for embedder in self._embedders.values():
            embedder.close()
        self._embedders.clear()

"""Embeddings through the gateway: resolve the model to a backend, apply the privacy rule, account.

Embeddings are not routed by complexity: a vector only makes sense next to vectors from the same
model, so the client names the model and gets exactly that one (no "auto", no fallback to another
model). Each call writes one ledger row (completion tokens 0) under an id of its own: not the client's
x-request-id, which a client may reuse across calls (an indexer's trace id), and the PostgreSQL ledger keeps
one row per id.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from kakehashi import request_ids
from kakehashi.accounting.ledger import Ledger, LedgerRow
from kakehashi.accounting.pricing import PriceBook
from kakehashi.errors import KakehashiError, ModelNotFound, PolicyRejected
from kakehashi.routing import privacy
from kakehashi.types import EmbeddingRequest, EmbeddingResult

ROUTE_REASON = "embeddings:explicit"


@runtime_checkable
class EmbeddingBackend(Protocol):
    """A backend with the `embed` capability (the embedded models, any OpenAI-compatible upstream)."""

    name: str
    kind: str

    def models(self) -> list[str]: ...

    async def embed(self, req: EmbeddingRequest) -> EmbeddingResult: ...


class EmbeddingService:
    def __init__(
        self,
        backends: Mapping[str, Any],
        *,
        ledger: Ledger | None = None,
        prices: PriceBook | None = None,
        privacy_action: str | None = None,  # the routing policy's action for private data bound for a cloud
        privacy_learned: bool = True,  # [routing] privacy_learned: the same scan as chat (rules, then the model)
        privacy_clear: bool = True,  # [routing] privacy_clear: as chat, the model may clear soft-only flags
    ) -> None:
        self._backends = [b for b in backends.values() if isinstance(b, EmbeddingBackend)]
        self.ledger = ledger
        self.prices = prices or PriceBook({})
        self.privacy_action = privacy_action
        self.privacy_learned = privacy_learned
        self.privacy_clear = privacy_learned and privacy_clear

    def embedding_models(self) -> set[str]:
        """Names served by backends whose only job is embeddings (listed with kind "embedding")."""
        return {m for b in self._backends if hasattr(b, "embedding_models") for m in b.embedding_models()}

    def _backend_for(self, model: str) -> Any:
        for backend in self._backends:
            if model in backend.models():
                return backend
        raise ModelNotFound(f"The model '{model}' does not exist", param="model")

    async def embed(self, req: EmbeddingRequest) -> tuple[EmbeddingResult, dict[str, str]]:
        arrived, started = time.time(), time.perf_counter()
        backend: Any = None
        privacy_rule: str | None = None
        try:
            backend = self._backend_for(req.model)
            if backend.kind == "cloud":
                req, privacy_rule = self._apply_privacy(req)
            result = await backend.embed(req)
        except KakehashiError as e:
            self._record(req, backend, None, e, arrived, started, privacy_rule)
            raise
        self._record(req, backend, result, None, arrived, started, privacy_rule)
        headers = {
            "x-kakehashi-backend": backend.name,
            "x-kakehashi-model": result.model,
            "x-kakehashi-route-reason": ROUTE_REASON,
            "x-kakehashi-privacy": privacy_rule or "none",
        }
        return result, headers

    def _apply_privacy(self, req: EmbeddingRequest) -> tuple[EmbeddingRequest, str | None]:
        """Private data bound for a cloud embeddings model: redact it, or refuse. Forcing it local, as chat
        does, is not possible here: another model's vectors would not match the ones already stored."""
        if not self.privacy_action or req.texts is None:
            return req, None
        findings = privacy.scan("\n".join(req.texts), learned=self.privacy_learned, clear=self.privacy_clear)
        if not findings:
            return req, None
        kinds = ",".join(privacy.kinds(findings))
        rule = f"{self.privacy_action}:{kinds}"
        if self.privacy_action == "redact":
            # nothing cleared per text: the request as a whole was found private (as chat's redaction)
            texts = [privacy.redact(t, learned=self.privacy_learned, clear=False) for t in req.texts]
            return dataclasses.replace(req, texts=texts), rule
        raise PolicyRejected(
            f"input contains private data ({kinds}) and '{req.model}' is a cloud model; embeddings cannot "
            "be moved to a local model (their vectors would not match), so the request is refused",
            code="privacy_rejected",
        )

    def _record(
        self, req: EmbeddingRequest, backend: Any, result: EmbeddingResult | None, err: KakehashiError | None,
        arrived: float, started: float, privacy_rule: str | None,
    ) -> None:
        if self.ledger is None:
            return
        kind = backend.kind if backend is not None else "local"
        tokens = result.prompt_tokens if result is not None else 0
        price = self.prices.charge(
            req.model, local=kind == "local", prompt_tokens=tokens, completion_tokens=0,
            backend=backend.name if backend is not None else None,
        )
        self.ledger.record(LedgerRow(
            ts=arrived, request_id=request_ids.new_request_id(), api_key_id=req.api_key_id, requested_model=req.model,
            backend=backend.name if backend is not None else "-", backend_kind=kind, model=req.model,
            route_reason=ROUTE_REASON, status="ok" if err is None else (err.code or err.type),
            http_status=200 if err is None else err.status, prompt_tokens=tokens, completion_tokens=0,
            latency_ms=(time.perf_counter() - started) * 1000, stream=False, cost=price.cost,
            # The baseline is a chat model: comparing embeddings with it would invent savings.
            baseline_cost=price.cost, privacy_rule=privacy_rule,
            tokens_estimated=bool(result is not None and result.tokens_estimated),
        ))

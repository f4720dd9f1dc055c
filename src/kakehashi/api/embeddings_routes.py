"""POST /v1/embeddings: OpenAI's wire format onto the embeddings service."""

from __future__ import annotations

from collections.abc import Callable

import orjson
from fastapi import APIRouter, Request
from starlette.responses import Response

from kakehashi.errors import Overloaded
from kakehashi.gateway.embeddings import EmbeddingService
from kakehashi.protocol import embeddings as wire
from kakehashi.types import EmbeddingRequest


def embedding_request(body: wire.EmbeddingsRequest, api_key_id: str | None) -> EmbeddingRequest:
    # Everything but the fields the domain request carries goes to an upstream verbatim.
    passthrough = dict(body.model_extra or {})
    if "encoding_format" in body.model_fields_set:
        passthrough["encoding_format"] = body.encoding_format
    if body.user is not None:
        passthrough["user"] = body.user
    input_type = "passage" if body.input_type == "document" else body.input_type
    return EmbeddingRequest(
        model=body.model, texts=body.texts(), token_ids=body.token_ids(), dimensions=body.dimensions,
        input_type=input_type, wire=passthrough, api_key_id=api_key_id,
    )


def build_embeddings_router(service: EmbeddingService, is_ready: Callable[[], bool]) -> APIRouter:
    router = APIRouter()

    @router.post("/v1/embeddings")
    async def embeddings(body: wire.EmbeddingsRequest, request: Request) -> Response:
        if not is_ready():
            raise Overloaded("the server is still loading its models", retry_after=2.0, code="model_loading")
        req = embedding_request(body, getattr(request.state, "api_key_id", None))
        result, headers = await service.embed(req)
        if result.upstream_body is not None:
            out = result.upstream_body  # an upstream's answer, untouched
        else:
            out = wire.embedding_list(result.vectors, result.model, result.prompt_tokens, body.encoding_format)
        return Response(orjson.dumps(out), media_type="application/json", headers=headers)

    return router

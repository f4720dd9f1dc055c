"""Wire (protocol/) <-> domain (types.py): the only place that knows both."""

from __future__ import annotations

from typing import Any

from kakehashi.protocol import openai as wire
from kakehashi.types import ChatRequest, CompletionRequest, SamplingParams


def _sampling(body: wire._GenerationFields, max_tokens: int | None) -> SamplingParams:
    return SamplingParams(
        temperature=body.temperature,
        top_p=body.top_p,
        top_k=body.top_k,
        min_p=body.min_p,
        seed=body.seed,
        presence_penalty=body.presence_penalty,
        frequency_penalty=body.frequency_penalty,
        repeat_penalty=body.repeat_penalty,
        max_tokens=max_tokens,
        stop=body.stop_list(),
    )


def _extra(body: wire._GenerationFields) -> dict[str, Any]:
    extra = dict(body.model_extra or {})
    if body.user is not None:
        extra["user"] = body.user
    return extra


def chat_request(body: wire.ChatCompletionRequest, api_key_id: str | None, request_id: str | None = None) -> ChatRequest:
    max_tokens = body.max_completion_tokens if body.max_completion_tokens is not None else body.max_tokens
    return ChatRequest(
        model=body.model,
        messages=[m.model_dump(exclude_none=True) for m in body.messages],
        sampling=_sampling(body, max_tokens),
        stream=body.stream,
        response_format=body.response_format.model_dump(exclude_none=True) if body.response_format else None,
        extra=_extra(body),
        api_key_id=api_key_id,
        request_id=request_id,
    )


def completion_request(
    body: wire.CompletionRequest, api_key_id: str | None, request_id: str | None = None
) -> CompletionRequest:
    return CompletionRequest(
        model=body.model,
        prompt=body.prompt_text(),
        sampling=_sampling(body, body.max_tokens),
        stream=body.stream,
        extra=_extra(body),
        api_key_id=api_key_id,
        request_id=request_id,
    )

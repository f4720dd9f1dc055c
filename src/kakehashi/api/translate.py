"""Wire (protocol/) <-> domain (types.py): the only place that knows both."""

from __future__ import annotations

from typing import Any

from kakehashi.protocol import openai as wire
from kakehashi.types import ChatRequest, CompletionRequest, SamplingParams, TokenLogprob, ToolCallDelta


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
        logit_bias=tuple((int(k), float(v)) for k, v in (body.logit_bias or {}).items()),
    )


def _extra(body: wire._GenerationFields) -> dict[str, Any]:
    extra = dict(body.model_extra or {})
    if body.user is not None:
        extra["user"] = body.user
    if body.stream_options is not None and body.stream_options.model_extra:
        # Options beyond include_usage (which kakehashi handles itself) belong to the backend.
        extra["stream_options"] = body.stream_options.model_dump()
    return extra


def chat_request(body: wire.ChatCompletionRequest, api_key_id: str | None, request_id: str | None = None) -> ChatRequest:
    max_tokens = body.max_completion_tokens if body.max_completion_tokens is not None else body.max_tokens
    return ChatRequest(
        model=body.model,
        messages=[m.model_dump(exclude_unset=True) for m in body.messages],
        sampling=_sampling(body, max_tokens),
        stream=body.stream,
        response_format=body.response_format.model_dump(exclude_none=True) if body.response_format else None,
        n=body.n,
        tools=body.tools,
        tool_choice=body.tool_choice,
        parallel_tool_calls=body.parallel_tool_calls,
        logprobs=body.logprobs,
        top_logprobs=body.top_logprobs,
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
        n=body.n,
        logprobs=body.logprobs,
        extra=_extra(body),
        api_key_id=api_key_id,
        request_id=request_id,
    )


# ---------------------------------------------------------------------------- domain -> wire (responses)
def chat_logprob_entries(entries: tuple[TokenLogprob, ...] | list[TokenLogprob]) -> list[dict[str, Any]]:
    return [
        {
            "token": e.token,
            "logprob": e.logprob,
            "bytes": list(e.bytes) if e.bytes is not None else None,
            "top_logprobs": [
                {"token": t.token, "logprob": t.logprob, "bytes": list(t.bytes) if t.bytes is not None else None}
                for t in e.top
            ],
        }
        for e in entries
    ]


def chat_logprobs(entries: tuple[TokenLogprob, ...] | list[TokenLogprob]) -> dict[str, Any]:
    return {"content": chat_logprob_entries(entries), "refusal": None}


def completion_logprobs(entries: tuple[TokenLogprob, ...] | list[TokenLogprob], offset: int) -> dict[str, Any]:
    """The legacy shape; text_offset counts characters from `offset` (where this text starts)."""
    offsets = []
    for e in entries:
        offsets.append(offset)
        offset += len(e.token)
    return {
        "tokens": [e.token for e in entries],
        "token_logprobs": [e.logprob for e in entries],
        "top_logprobs": [{t.token: t.logprob for t in e.top} for e in entries],
        "text_offset": offsets,
    }


def tool_call_delta(event: ToolCallDelta) -> dict[str, Any]:
    """A streamed tool-call piece: id, type and name on a call's first piece, then argument text."""
    out: dict[str, Any] = {"index": event.call_index}
    function: dict[str, Any] = {}
    if event.id is not None:
        out["id"] = event.id
        out["type"] = "function"
    if event.name is not None:
        function["name"] = event.name
    if event.arguments or event.name is not None:
        function["arguments"] = event.arguments
    out["function"] = function
    return out

"""Anthropic's Messages API (/v1/messages) on the same gateway: JSON bodies and SSE event streams.

A thin translation onto the gateway's ChatRequest, so routing, privacy rules, budgets and the ledger
apply exactly as on /v1/chat/completions. Errors use Anthropic's shape
{"type": "error", "error": {"type", "message"}}.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from kakehashi.api import streaming
from kakehashi.api.dialect import ApiError, dialect_route, invalid
from kakehashi.api.metrics import Metrics
from kakehashi.api.streaming import sse_event
from kakehashi.errors import KakehashiError
from kakehashi.gateway import GatewayClient, Reply
from kakehashi.protocol import anthropic as wire
from kakehashi.types import ChatRequest, Finished, SamplingParams

_TEXT_KEYS = frozenset({"type", "text", "cache_control", "citations"})
_IMAGE_KEYS = frozenset({"type", "source", "cache_control"})


def render_error(err: ApiError) -> Response:
    return JSONResponse(wire.error_body(err.status, err.message), status_code=err.status,
                        headers=err.headers or None)


# ---------------------------------------------------------------------------- request translation
def _check_keys(block: dict[str, Any], allowed: frozenset[str], param: str) -> None:
    for key in block:
        if key not in allowed:
            raise invalid(f"{param}.{key} is not supported", f"{param}.{key}")


def _text(block: dict[str, Any], param: str) -> str:
    _check_keys(block, _TEXT_KEYS, param)
    # cache_control is a caching hint with no effect on the answer: accepted, and no cache is reported.
    if block.get("citations"):
        raise invalid("citations are not supported", f"{param}.citations")
    text = block.get("text")
    if not isinstance(text, str):
        raise invalid("a text block needs a string 'text'", f"{param}.text")
    return text


def _image(block: dict[str, Any], param: str) -> dict[str, Any]:
    """Image blocks become OpenAI image_url parts: a vision-capable upstream takes them, a text-only
    model refuses them by name."""
    _check_keys(block, _IMAGE_KEYS, param)
    source = block.get("source")
    if not isinstance(source, dict):
        raise invalid("an image block needs a 'source' object", f"{param}.source")
    if source.get("type") == "base64" and isinstance(source.get("data"), str):
        url = f"data:{source.get('media_type', 'image/png')};base64,{source['data']}"
    elif source.get("type") == "url" and isinstance(source.get("url"), str):
        url = source["url"]
    else:
        raise invalid("image source must be {type: base64, media_type, data} or {type: url, url}",
                      f"{param}.source")
    return {"type": "image_url", "image_url": {"url": url}}


def content_parts(content: str | list[dict[str, Any]], param: str) -> str | list[dict[str, Any]]:
    if isinstance(content, str):
        return content
    parts: list[dict[str, Any]] = []
    for j, block in enumerate(content):
        p = f"{param}.{j}"
        kind = block.get("type")
        if kind == "text":
            parts.append({"type": "text", "text": _text(block, p)})
        elif kind == "image":
            parts.append(_image(block, p))
        elif kind in ("tool_use", "tool_result"):
            raise invalid(f"{kind} blocks need tool calling, which is not available on this server yet",
                          f"{p}.type")
        else:
            raise invalid(f"content blocks of type {kind!r} are not supported", f"{p}.type")
    return parts


def system_text(system: str | list[dict[str, Any]]) -> str:
    if isinstance(system, str):
        return system
    texts = []
    for i, block in enumerate(system):
        if block.get("type") != "text":
            raise invalid("system blocks must be text blocks", f"system.{i}.type")
        texts.append(_text(block, f"system.{i}"))
    return "\n\n".join(texts)


def chat_request(body: wire.MessagesRequest, api_key_id: str | None, request_id: str | None = None) -> ChatRequest:
    if body.tools:
        raise invalid("tool calling is not available on this server yet", "tools")
    if body.tool_choice is not None and body.tool_choice.get("type") not in ("auto", "none"):
        raise invalid("tool_choice needs tools, and tool calling is not available on this server yet",
                      "tool_choice")
    if body.thinking is not None and body.thinking.get("type") != "disabled":
        raise invalid("extended thinking is not available on this server", "thinking")
    if body.messages[-1].role == "assistant":
        raise invalid("a final assistant message (prefill) is not supported: end with a user message",
                      f"messages.{len(body.messages) - 1}.role")
    messages: list[dict[str, Any]] = []
    if body.system:
        messages.append({"role": "system", "content": system_text(body.system)})
    for i, m in enumerate(body.messages):
        messages.append({"role": m.role, "content": content_parts(m.content, f"messages.{i}.content")})
    extra: dict[str, Any] = {}
    if body.metadata is not None and body.metadata.user_id is not None:
        extra["user"] = body.metadata.user_id  # what OpenAI-compatible upstreams call it
    return ChatRequest(
        model=body.model,
        messages=messages,
        sampling=SamplingParams(
            temperature=body.temperature, top_p=body.top_p, top_k=body.top_k, max_tokens=body.max_tokens,
            stop=tuple(body.stop_sequences or ()),
        ),
        stream=body.stream,
        extra=extra,
        api_key_id=api_key_id,
        request_id=request_id,
    )


# ---------------------------------------------------------------------------- streaming
class EventEncoder:
    """message_start, content_block_start, ping, content_block_delta..., content_block_stop,
    message_delta (stop reason and final usage), message_stop. The prompt's token count is known only
    at the end, so message_start says 0 and message_delta carries the real input_tokens (the SDK's
    accumulator takes it from there)."""

    def __init__(self, id: str, model: str) -> None:
        self.id = id
        self.model = model

    def start(self) -> bytes:
        msg = wire.message(self.id, self.model, [], None, None, wire.usage(0, 0))
        return (sse_event(wire.message_start(msg)) + sse_event(wire.content_block_start(0, wire.text_block("")))
                + sse_event({"type": "ping"}))

    def text(self, text: str) -> bytes:
        return sse_event(wire.text_delta(0, text))

    def end(self, finished: Finished) -> bytes:
        usage = wire.usage(finished.usage.prompt_tokens, finished.usage.completion_tokens)
        reason = wire.stop_reason(finished.reason, finished.stop_sequence)
        return (sse_event(wire.content_block_stop(0)) + sse_event(wire.message_delta(reason, finished.stop_sequence, usage))
                + sse_event(wire.MESSAGE_STOP))

    def error(self, exc: KakehashiError) -> bytes:
        return sse_event(wire.error_body(exc.status, exc.message))


def build_router(gateway: GatewayClient, metrics: Metrics, is_ready: Callable[[], bool]) -> APIRouter:
    router = APIRouter(route_class=dialect_route(render_error), tags=["Anthropic Messages API"])
    check_ready = streaming.readiness_check(is_ready)

    @router.post("/v1/messages")
    async def messages(body: wire.MessagesRequest, request: Request) -> Response:
        check_ready()
        req = chat_request(body, *streaming.caller(request, body.model))
        reply: Reply = await gateway.chat(req)
        streaming.started(request, reply)
        headers = reply.headers()
        mid = f"msg_{uuid.uuid4().hex}"
        if body.stream:
            return StreamingResponse(
                streaming.encode_stream(reply, EventEncoder(mid, reply.model), metrics),
                media_type="text/event-stream",
                headers={**headers, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        try:
            result = await streaming.collect_body(request, reply, metrics)
        except KakehashiError as exc:
            return render_error(ApiError.of(exc, headers))
        if result is None:
            return Response(status_code=499)
        text, finished = result
        body_out = wire.message(
            mid, reply.model, [wire.text_block(text)] if text else [],
            wire.stop_reason(finished.reason, finished.stop_sequence), finished.stop_sequence,
            wire.usage(finished.usage.prompt_tokens, finished.usage.completion_tokens),
        )
        return Response(orjson.dumps(body_out), media_type="application/json", headers=headers)

    return router

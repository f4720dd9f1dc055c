"""OpenAI's Responses API (/v1/responses) on the same gateway: text or message-list input,
`instructions`, JSON bodies and SSE event streams.

A thin translation onto the gateway's ChatRequest, so routing, privacy rules, budgets and the ledger
apply exactly as on /v1/chat/completions. Responses are not stored: `store: true` and
`previous_response_id` are refused by name rather than pretended.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import Response

from kakehashi.api import streaming
from kakehashi.api.dialect import invalid
from kakehashi.api.errors import kakehashi_error_response
from kakehashi.api.metrics import Metrics
from kakehashi.api.streaming import sse_event
from kakehashi.errors import KakehashiError
from kakehashi.gateway import GatewayClient, Reply
from kakehashi.protocol import responses as wire
from kakehashi.types import ChatRequest, Finished, SamplingParams, ToolCallDelta

_ITEM_KEYS = frozenset({"type", "role", "content", "id", "status"})
_TEXT_PARTS = frozenset({"input_text", "output_text"})


# ---------------------------------------------------------------------------- request translation
def _check_unsupported(body: wire.ResponsesRequest) -> None:
    if body.store:
        raise invalid("responses are not stored on this server: send store: false (or leave it out)", "store")
    if body.previous_response_id is not None:
        raise invalid("responses are not stored on this server: send the conversation in input",
                      "previous_response_id")
    if body.tools:
        raise invalid("tool calling is not available on this server yet", "tools")
    if body.tool_choice not in (None, "none", "auto"):
        raise invalid("tool_choice needs tools, and tool calling is not available on this server yet",
                      "tool_choice")
    if body.reasoning and any(v is not None for v in body.reasoning.values()):
        raise invalid("reasoning options are not available on this server", "reasoning")
    if body.include:
        raise invalid("include is not supported", "include")
    if body.background:
        raise invalid("background responses are not supported", "background")
    if body.truncation == "auto":
        raise invalid("truncation 'auto' is not supported: the input must fit the context", "truncation")
    if body.text is not None and body.text.verbosity is not None:
        raise invalid("text.verbosity is not supported", "text.verbosity")


def response_format(body: wire.ResponsesRequest) -> dict[str, Any] | None:
    fmt = body.text.format if body.text is not None else None
    if not fmt or fmt.get("type") == "text":
        return None
    if fmt.get("type") == "json_object":
        return {"type": "json_object"}
    if fmt.get("type") == "json_schema":
        if not isinstance(fmt.get("schema"), dict):
            raise invalid("a json_schema format needs a 'schema' object", "text.format.schema")
        spec = {k: fmt[k] for k in ("name", "schema", "strict", "description") if k in fmt}
        return {"type": "json_schema", "json_schema": spec}
    raise invalid(f"unknown format type {fmt.get('type')!r}", "text.format.type")


def _part(part: dict[str, Any], param: str) -> dict[str, Any]:
    kind = part.get("type")
    if kind in _TEXT_PARTS and isinstance(part.get("text"), str):
        return {"type": "text", "text": part["text"]}
    if kind == "input_image" and isinstance(part.get("image_url"), str):
        image: dict[str, Any] = {"url": part["image_url"]}
        if part.get("detail") is not None:
            image["detail"] = part["detail"]
        return {"type": "image_url", "image_url": image}
    if kind == "input_image":
        raise invalid("input_image needs an image_url (file ids are not supported)", f"{param}.image_url")
    raise invalid(f"content parts of type {kind!r} are not supported", f"{param}.type")


def messages(body: wire.ResponsesRequest) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if body.instructions:
        out.append({"role": "system", "content": body.instructions})
    if isinstance(body.input, str):
        out.append({"role": "user", "content": body.input})
        return out
    if not body.input:
        raise invalid("input must not be empty", "input")
    for i, item in enumerate(body.input):
        param = f"input.{i}"
        if item.get("type", "message") != "message":
            raise invalid(f"input items of type {item.get('type')!r} are not supported", f"{param}.type")
        for key in item:
            if key not in _ITEM_KEYS:
                raise invalid(f"{param}.{key} is not supported", f"{param}.{key}")
        role = item.get("role")
        if role not in ("user", "assistant", "system", "developer"):
            raise invalid("role must be user, assistant, system or developer", f"{param}.role")
        content = item.get("content")
        if isinstance(content, str):
            out.append({"role": role, "content": content})
        elif isinstance(content, list):
            parts = []
            for j, p in enumerate(content):
                if not isinstance(p, dict):
                    raise invalid("a content part must be an object", f"{param}.content.{j}")
                parts.append(_part(p, f"{param}.content.{j}"))
            out.append({"role": role, "content": parts})
        else:
            raise invalid("content must be a string or a list of parts", f"{param}.content")
    return out


def chat_request(body: wire.ResponsesRequest, api_key_id: str | None, request_id: str | None = None) -> ChatRequest:
    _check_unsupported(body)
    return ChatRequest(
        model=body.model,
        messages=messages(body),
        sampling=SamplingParams(temperature=body.temperature, top_p=body.top_p, max_tokens=body.max_output_tokens),
        stream=body.stream,
        response_format=response_format(body),
        extra={k: v for k in ("user", "safety_identifier", "prompt_cache_key")
               if (v := getattr(body, k)) is not None},
        api_key_id=api_key_id,
        request_id=request_id,
    )


def _status(finished: Finished) -> tuple[str, str | None]:
    return ("incomplete", "max_output_tokens") if finished.reason == "length" else ("completed", None)


# ---------------------------------------------------------------------------- streaming
class EventEncoder:
    """response.created, response.in_progress, output_item.added, content_part.added,
    output_text.delta..., output_text.done, content_part.done, output_item.done, then
    response.completed (or response.incomplete when max_output_tokens cut it; error + response.failed
    when it broke)."""

    def __init__(self, rid: str, created: int, model: str, body: wire.ResponsesRequest) -> None:
        self.rid, self.created, self.model, self.body = rid, created, model, body
        self.item_id = f"msg_{uuid.uuid4().hex}"
        self.seq = 0
        self.parts: list[str] = []

    def _event(self, type: str, **fields: Any) -> bytes:
        data = wire.event(type, self.seq, **fields)
        self.seq += 1
        return sse_event(data)

    def _response(self, status: str, output: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
        return wire.response(self.rid, self.created, self.model, self.body, status=status, output=output, **kw)

    def start(self) -> bytes:
        at = {"item_id": self.item_id, "output_index": 0, "content_index": 0}
        return (
            self._event("response.created", response=self._response("in_progress", []))
            + self._event("response.in_progress", response=self._response("in_progress", []))
            + self._event("response.output_item.added", output_index=0,
                          item=wire.message_item(self.item_id, "in_progress", []))
            + self._event("response.content_part.added", **at, part=wire.output_text(""))
        )

    def text(self, text: str) -> bytes:
        self.parts.append(text)
        return self._event("response.output_text.delta", item_id=self.item_id, output_index=0, content_index=0,
                           delta=text, logprobs=[])

    def end(self, finished: Finished) -> bytes:
        text = "".join(self.parts)
        at = {"item_id": self.item_id, "output_index": 0, "content_index": 0}
        status, incomplete = _status(finished)
        item = wire.message_item(self.item_id, status, [wire.output_text(text)])
        usage = wire.usage(finished.usage.prompt_tokens, finished.usage.completion_tokens)
        return (
            self._event("response.output_text.done", **at, text=text, logprobs=[])
            + self._event("response.content_part.done", **at, part=wire.output_text(text))
            + self._event("response.output_item.done", output_index=0, item=item)
            + self._event(f"response.{status}", response=self._response(
                status, [item], usage=usage, incomplete_reason=incomplete))
        )

    def tool_call(self, delta: ToolCallDelta) -> bytes:
        # Unreachable: this dialect refuses tools (400) until it maps them.
        raise KakehashiError("a tool call arrived on a request without tools")

    def error(self, exc: KakehashiError) -> bytes:
        code = exc.code or exc.type
        return (
            self._event("error", code=code, message=exc.message, param=exc.param)
            + self._event("response.failed", response=self._response(
                "failed", [], error={"code": code, "message": exc.message}))
        )


def build_router(gateway: GatewayClient, metrics: Metrics, is_ready: Callable[[], bool]) -> APIRouter:
    router = APIRouter(tags=["OpenAI Responses API"])
    check_ready = streaming.readiness_check(is_ready)

    @router.post("/v1/responses")
    async def create_response(body: wire.ResponsesRequest, request: Request) -> Response:
        check_ready()
        req = chat_request(body, *streaming.caller(request, body.model))
        reply: Reply = await gateway.chat(req)
        streaming.started(request, reply)
        headers = reply.headers()
        rid, created = f"resp_{uuid.uuid4().hex}", int(time.time())
        encoder = EventEncoder(rid, created, reply.model, body)
        if body.stream:
            return streaming.sse_response(streaming.encode_stream(reply, encoder, metrics), headers)
        try:
            result = await streaming.collect_body(request, reply, metrics, streaming.collect_text)
        except KakehashiError as exc:  # failed after the backend started: say which one, as on success
            return kakehashi_error_response(exc, headers)
        if result is None:
            return Response(status_code=499)
        text, finished = result
        status, incomplete = _status(finished)
        out = wire.response(
            rid, created, reply.model, body, status=status,
            output=[wire.message_item(encoder.item_id, status, [wire.output_text(text)])],
            usage=wire.usage(finished.usage.prompt_tokens, finished.usage.completion_tokens),
            incomplete_reason=incomplete,
        )
        return Response(orjson.dumps(out), media_type="application/json", headers=headers)

    return router

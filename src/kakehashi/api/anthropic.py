"""Anthropic's Messages API (/v1/messages) on the same gateway: JSON bodies and SSE event streams.

A thin translation onto the gateway's ChatRequest, so routing, privacy rules, budgets and the ledger
apply exactly as on /v1/chat/completions. Errors use Anthropic's shape
{"type": "error", "error": {"type", "message"}}.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response

from kakehashi.api import streaming
from kakehashi.api.dialect import ApiError, dialect_route, invalid
from kakehashi.api.metrics import Metrics
from kakehashi.api.streaming import sse_event
from kakehashi.errors import KakehashiError
from kakehashi.gateway import GatewayClient, Reply
from kakehashi.protocol import anthropic as wire
from kakehashi.types import ChatRequest, Finished, SamplingParams, ToolCallDelta

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
        else:
            raise invalid(f"content blocks of type {kind!r} are not supported", f"{p}.type")
    return parts


def _tool_result_text(block: dict[str, Any], param: str) -> str:
    content = block.get("content", "")
    text = content if isinstance(content, str) else None
    if isinstance(content, list):
        texts = []
        for k, part in enumerate(content):
            if not isinstance(part, dict) or part.get("type") != "text":
                raise invalid("tool results may hold text blocks only", f"{param}.content.{k}")
            texts.append(_text(part, f"{param}.content.{k}"))
        text = "\n".join(texts)
    if text is None:
        raise invalid("content must be a string or a list of text blocks", f"{param}.content")
    # OpenAI's tool messages have no error flag: the model reads it in the text instead.
    return f"Error: {text}" if block.get("is_error") else text


def message_list(m: wire.Message, param: str) -> list[dict[str, Any]]:
    """One Anthropic message -> OpenAI messages: an assistant's tool_use blocks become its tool_calls,
    a user's tool_result blocks become `tool` messages (before the rest of that user turn)."""
    if isinstance(m.content, str):
        return [{"role": m.role, "content": m.content}]
    blocks: list[dict[str, Any]] = []
    calls: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for j, block in enumerate(m.content):
        p = f"{param}.{j}"
        kind = block.get("type")
        if kind == "tool_use" and m.role == "assistant":
            _check_keys(block, frozenset({"type", "id", "name", "input", "cache_control"}), p)
            if not isinstance(block.get("id"), str) or not isinstance(block.get("name"), str):
                raise invalid("a tool_use block needs a string id and name", p)
            calls.append({"id": block["id"], "type": "function", "function": {
                "name": block["name"], "arguments": json.dumps(block.get("input") or {}, ensure_ascii=False)}})
        elif kind == "tool_result" and m.role == "user":
            _check_keys(block, frozenset({"type", "tool_use_id", "content", "is_error", "cache_control"}), p)
            if not isinstance(block.get("tool_use_id"), str):
                raise invalid("a tool_result block needs a string tool_use_id", f"{p}.tool_use_id")
            results.append({"role": "tool", "tool_call_id": block["tool_use_id"],
                            "content": _tool_result_text(block, p)})
        elif kind in ("tool_use", "tool_result"):
            raise invalid(f"{kind} blocks belong in {'assistant' if kind == 'tool_use' else 'user'} messages",
                          f"{p}.type")
        else:
            blocks.append(block)
    out = list(results)
    content = content_parts(blocks, param) if blocks else None
    if calls:
        out.append({"role": "assistant", "content": content or "", "tool_calls": calls})
    elif content or not results:
        out.append({"role": m.role, "content": content or ""})
    return out


def tools(body: wire.MessagesRequest) -> tuple[list[dict[str, Any]] | None, str | dict[str, Any] | None,
                                                bool | None]:
    """Anthropic's client tools -> OpenAI function tools, tool_choice and parallel_tool_calls."""
    if not body.tools:
        if body.tool_choice is not None and body.tool_choice.get("type") not in ("auto", "none"):
            raise invalid("tool_choice needs tools", "tool_choice")
        return None, None, None
    functions = []
    for i, tool in enumerate(body.tools):
        if tool.get("type") not in (None, "custom"):
            raise invalid(f"server tools ({tool.get('type')!r}) are not available here", f"tools.{i}.type")
        _check_keys(tool, frozenset({"type", "name", "description", "input_schema", "cache_control"}), f"tools.{i}")
        if not isinstance(tool.get("name"), str) or not isinstance(tool.get("input_schema"), dict):
            raise invalid("a tool needs a name and an input_schema object", f"tools.{i}")
        fn: dict[str, Any] = {"name": tool["name"], "parameters": tool["input_schema"]}
        if tool.get("description"):
            fn["description"] = tool["description"]
        functions.append({"type": "function", "function": fn})
    choice = body.tool_choice or {"type": "auto"}
    _check_keys(choice, frozenset({"type", "name", "disable_parallel_tool_use"}), "tool_choice")
    kind = choice.get("type")
    mapped: str | dict[str, Any]
    if kind in ("auto", "none"):
        mapped = kind
    elif kind == "any":
        mapped = "required"
    elif kind == "tool" and isinstance(choice.get("name"), str):
        mapped = {"type": "function", "function": {"name": choice["name"]}}
    else:
        raise invalid("tool_choice must be auto, any, none or {type: tool, name}", "tool_choice")
    parallel = False if choice.get("disable_parallel_tool_use") else None
    return functions, mapped, parallel


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
    tool_list, tool_choice, parallel = tools(body)
    if body.thinking is not None and body.thinking.get("type") != "disabled":
        raise invalid("extended thinking is not available on this server", "thinking")
    if body.messages[-1].role == "assistant":
        raise invalid("a final assistant message (prefill) is not supported: end with a user message",
                      f"messages.{len(body.messages) - 1}.role")
    messages: list[dict[str, Any]] = []
    if body.system:
        messages.append({"role": "system", "content": system_text(body.system)})
    for i, m in enumerate(body.messages):
        messages.extend(message_list(m, f"messages.{i}.content"))
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
        tools=tool_list,
        tool_choice=tool_choice,
        parallel_tool_calls=parallel,
        extra=extra,
        api_key_id=api_key_id,
        request_id=request_id,
    )


# ---------------------------------------------------------------------------- streaming
class EventEncoder:
    """message_start, ping, then content blocks (text: content_block_start, text_delta...,
    content_block_stop; tool_use: content_block_start, input_json_delta..., content_block_stop),
    message_delta (stop reason and final usage), message_stop. The prompt's token count is known only
    at the end, so message_start says 0 and message_delta carries the real input_tokens (the SDK's
    accumulator takes it from there)."""

    def __init__(self, id: str, model: str) -> None:
        self.id = id
        self.model = model
        self.index = -1  # the open content block, if `open`
        self.open: str | None = None  # "text" or the tool call's index as "call:N"

    def start(self) -> bytes:
        msg = wire.message(self.id, self.model, [], None, None, wire.usage(0, 0))
        return sse_event(wire.message_start(msg)) + sse_event({"type": "ping"})

    def _switch(self, kind: str, block: dict[str, Any]) -> bytes:
        out = self._close()
        self.index += 1
        self.open = kind
        return out + sse_event(wire.content_block_start(self.index, block))

    def _close(self) -> bytes:
        if self.open is None:
            return b""
        self.open = None
        return sse_event(wire.content_block_stop(self.index))

    def text(self, text: str) -> bytes:
        out = b"" if self.open == "text" else self._switch("text", wire.text_block(""))
        return out + sse_event(wire.text_delta(self.index, text))

    def tool_call(self, delta: ToolCallDelta) -> bytes:
        kind = f"call:{delta.call_index}"
        out = b""
        if self.open != kind:
            out = self._switch(kind, wire.tool_use_block(delta.id or "", delta.name or "", {}))
        if delta.arguments:
            out += sse_event(wire.input_json_delta(self.index, delta.arguments))
        return out

    def end(self, finished: Finished) -> bytes:
        usage = wire.usage(finished.usage.prompt_tokens, finished.usage.completion_tokens)
        reason = wire.stop_reason(finished.reason, finished.stop_sequence)
        return (self._close() + sse_event(wire.message_delta(reason, finished.stop_sequence, usage))
                + sse_event(wire.MESSAGE_STOP))

    def error(self, exc: KakehashiError) -> bytes:
        return sse_event(wire.error_body(exc.status, exc.message))


def content(text: str, calls: list[dict[str, str]]) -> list[dict[str, Any]]:
    blocks = [wire.text_block(text)] if text else []
    for call in calls:
        try:
            arguments = json.loads(call["arguments"] or "{}")
        except json.JSONDecodeError as e:  # an upstream's malformed call: say so rather than invent input
            raise KakehashiError(f"tool call {call['name']!r} has arguments that are not JSON") from e
        blocks.append(wire.tool_use_block(call["id"], call["name"], arguments))
    return blocks


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
            return streaming.sse_response(streaming.encode_stream(reply, EventEncoder(mid, reply.model), metrics), headers)
        try:
            result = await streaming.collect_body(request, reply, metrics, streaming.collect_with_tools)
            if result is None:
                return Response(status_code=499)
            text, calls, finished = result
            blocks = content(text, calls)
        except KakehashiError as exc:
            return render_error(ApiError.of(exc, headers))
        body_out = wire.message(
            mid, reply.model, blocks,
            wire.stop_reason(finished.reason, finished.stop_sequence), finished.stop_sequence,
            wire.usage(finished.usage.prompt_tokens, finished.usage.completion_tokens),
        )
        return Response(orjson.dumps(body_out), media_type="application/json", headers=headers)

    return router

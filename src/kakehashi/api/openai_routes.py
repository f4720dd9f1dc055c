"""POST /v1/chat/completions and /v1/completions: JSON bodies and SSE streams."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import Response

from kakehashi.api import file_search, streaming, translate
from kakehashi.api.errors import kakehashi_error_response
from kakehashi.api.metrics import Metrics
from kakehashi.api.request_log import request_facts
from kakehashi.errors import InvalidRequest, KakehashiError
from kakehashi.gateway import GatewayClient, Reply
from kakehashi.pipelines.rag.vector_stores import VectorStoreService
from kakehashi.protocol import openai as wire
from kakehashi.types import Finished, GenerationEvent, TextDelta, TokenLogprob, ToolCallDelta

_DONE = b"data: [DONE]\n\n"


def _sse(obj: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(obj) + b"\n\n"


def _json(obj: dict[str, Any], headers: dict[str, str]) -> Response:
    return Response(orjson.dumps(obj), media_type="application/json", headers=headers)


class _Choice:
    """One choice of a non-streamed answer, assembled from its events."""

    __slots__ = ("calls", "logprobs", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.logprobs: list[TokenLogprob] | None = None
        self.calls: dict[int, dict[str, Any]] = {}

    def add(self, event: TextDelta | ToolCallDelta) -> None:
        if isinstance(event, TextDelta):
            self.parts.append(event.text)
            if event.logprobs is not None:
                (self.logprobs if self.logprobs is not None else self._start_logprobs()).extend(event.logprobs)
            return
        call = self.calls.setdefault(event.call_index, {"id": None, "type": "function",
                                                        "function": {"name": "", "arguments": ""}})
        if event.id is not None:
            call["id"] = event.id
        if event.name is not None:
            call["function"]["name"] += event.name
        call["function"]["arguments"] += event.arguments

    def _start_logprobs(self) -> list[TokenLogprob]:
        self.logprobs = []
        return self.logprobs

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def tool_calls(self) -> list[dict[str, Any]]:
        return [self.calls[i] for i in sorted(self.calls)]


class _Collected:
    def __init__(self) -> None:
        self.choices: dict[int, _Choice] = {}

    def add(self, event: GenerationEvent) -> None:
        if not isinstance(event, Finished):
            self.choices.setdefault(event.index, _Choice()).add(event)

    def choice(self, index: int) -> _Choice:
        return self.choices.get(index) or _Choice()

    def indices(self, n: int, finished: Finished) -> range:
        return range(max(n, len(finished.choice_reasons), max(self.choices, default=-1) + 1))


async def _collect(reply: Reply) -> tuple[_Collected, Finished]:
    collected = _Collected()
    async for event in reply.events():
        if isinstance(event, Finished):
            return collected, event
        collected.add(event)
    raise RuntimeError("backend stream ended without a Finished event")


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def _error_event(exc: KakehashiError) -> dict[str, Any]:
    return wire.error_body(exc.message, exc.type, exc.param, exc.code)


def build_router(
    gateway: GatewayClient, metrics: Metrics, is_ready: Callable[[], bool],
    vector_stores: VectorStoreService | None = None,
) -> APIRouter:
    router = APIRouter()

    check_ready = streaming.readiness_check(is_ready)
    started = streaming.started

    def observe(reply: Reply, first_text_at: float | None, finished: Finished) -> None:
        streaming.observe(metrics, reply, first_text_at, finished)

    async def stream(
        reply: Reply, render_delta: Callable[[TextDelta | ToolCallDelta], dict[str, Any]],
        render_end: Callable[[Finished], list[dict[str, Any]]], first: list[dict[str, Any]],
    ) -> AsyncIterator[bytes]:
        first_text_at: float | None = None
        try:
            for chunk in first:
                yield _sse(chunk)
            async for event in reply.events():
                if not isinstance(event, Finished):
                    if first_text_at is None:
                        first_text_at = time.perf_counter()
                    yield _sse(render_delta(event))
                else:
                    observe(reply, first_text_at, event)
                    if event.reason == "error":
                        yield _sse(wire.error_body(event.error or "generation failed", "server_error"))
                    else:
                        for chunk in render_end(event):
                            yield _sse(chunk)
                    yield _DONE
                    return
        except KakehashiError as exc:
            # Broke mid-stream: say so explicitly rather than end as if complete.
            if reply.log is not None:
                reply.log["error"] = exc.code or exc.type
            yield _sse(_error_event(exc))
            yield _DONE
        finally:
            await reply.aclose()

    async def whole_body(
        request: Request, reply: Reply, headers: dict[str, str],
        render: Callable[[_Collected, Finished, dict[str, int]], dict[str, Any]],
    ) -> Response:
        """A non-streamed answer: collect it (aborting if the client leaves), then one JSON body."""
        try:
            result = await streaming.collect_unless_disconnected(request, reply, _collect)
            if result is None:
                return Response(status_code=499)
            collected, finished = result
            streaming.check_finished(finished)
        except KakehashiError as exc:  # failed after the backend started: say which one, as on success
            if reply.log is not None:
                reply.log["error"] = exc.code or exc.type
            return kakehashi_error_response(exc, headers)
        observe(reply, reply.first_event_at, finished)
        usage = wire.usage_dict(finished.usage.prompt_tokens, finished.usage.completion_tokens)
        return _json(render(collected, finished, usage), headers)

    @router.post("/v1/chat/completions")
    async def chat_completions(body: wire.ChatCompletionRequest, request: Request) -> Response:
        check_ready()
        passages: list[dict[str, Any]] | None = None
        if body.file_search is not None:
            if vector_stores is None:
                raise InvalidRequest("file_search: this server has no vector stores", param="file_search")
            passages = await file_search.search(vector_stores, body, getattr(request.state, "api_key_id", None))
            body = file_search.with_passages(body, passages)
        req = translate.chat_request(body, getattr(request.state, "api_key_id", None), _request_id(request))
        request_facts(request.scope)["model"] = req.model
        reply = await gateway.chat(req)
        started(request, reply)
        rid, created, model = f"chatcmpl-{uuid.uuid4().hex}", int(time.time()), reply.model
        headers = reply.headers()
        n = body.n
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)

            def delta(event: TextDelta | ToolCallDelta) -> dict[str, Any]:
                if isinstance(event, ToolCallDelta):
                    return wire.chat_chunk(
                        rid, model, created, {"tool_calls": [translate.tool_call_delta(event)]}, index=event.index
                    )
                logprobs = None if event.logprobs is None else translate.chat_logprobs(event.logprobs)
                return wire.chat_chunk(rid, model, created, {"content": event.text}, index=event.index,
                                       logprobs=logprobs)

            def end(f: Finished) -> list[dict[str, Any]]:
                chunks = [
                    wire.chat_chunk(rid, model, created, {}, f.reason_of(i), index=i)
                    for i in range(max(n, len(f.choice_reasons)))
                ]
                if include_usage:
                    usage = wire.usage_dict(f.usage.prompt_tokens, f.usage.completion_tokens)
                    chunks.append(wire.chat_chunk(rid, model, created, None, usage=usage))
                return chunks

            first = [wire.chat_chunk(rid, model, created, {"role": "assistant", "content": ""}, index=i)
                     for i in range(n)]
            if passages is not None:  # the passages come first; the client finds the [n] in the text
                first[0]["file_search"] = file_search.results(passages, None)
            return streaming.sse_response(stream(reply, delta, end, first), headers)

        def render(collected: _Collected, f: Finished, usage: dict[str, int]) -> dict[str, Any]:
            choices = []
            for i in collected.indices(n, f):
                c = collected.choice(i)
                calls = c.tool_calls()
                text = c.text
                choices.append(wire.chat_choice(
                    i, None if calls and not text.strip() else text, f.reason_of(i), calls,
                    None if c.logprobs is None else translate.chat_logprobs(c.logprobs),
                ))
            out = wire.chat_completion(rid, model, created, choices, usage)
            if passages is not None:
                out["file_search"] = file_search.results(passages, collected.choice(0).text)
            return out

        return await whole_body(request, reply, headers, render)

    @router.post("/v1/completions")
    async def completions(body: wire.CompletionRequest, request: Request) -> Response:
        check_ready()
        if body.echo and body.logprobs is not None:
            raise InvalidRequest("echo with logprobs (prompt logprobs) is not supported", param="echo")
        req = translate.completion_request(body, getattr(request.state, "api_key_id", None), _request_id(request))
        request_facts(request.scope)["model"] = req.model
        reply = await gateway.complete(req)
        started(request, reply)
        rid, created, model = f"cmpl-{uuid.uuid4().hex}", int(time.time()), reply.model
        headers = reply.headers()
        echo = body.prompt_text() if body.echo else ""
        n = body.n
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)
            offsets: dict[int, int] = {}  # per choice: where its next text starts (logprobs' text_offset)

            def delta(event: TextDelta | ToolCallDelta) -> dict[str, Any]:
                i = event.index
                if isinstance(event, ToolCallDelta):  # not a completions concept; never produced for it
                    return wire.text_completion(rid, model, created, "", None, None, index=i)
                logprobs = None
                start = offsets.get(i, len(echo))
                if event.logprobs is not None:
                    logprobs = translate.completion_logprobs(event.logprobs, start)
                offsets[i] = start + len(event.text)
                return wire.text_completion(rid, model, created, event.text, None, None, index=i, logprobs=logprobs)

            def end(f: Finished) -> list[dict[str, Any]]:
                usage = wire.usage_dict(f.usage.prompt_tokens, f.usage.completion_tokens)
                count = max(n, len(f.choice_reasons))
                return [
                    wire.text_completion(rid, model, created, "", f.reason_of(i),
                                         usage if include_usage and i == count - 1 else None, index=i)
                    for i in range(count)
                ]

            first = [wire.text_completion(rid, model, created, echo, None, None, index=i) for i in range(n)]
            return streaming.sse_response(stream(reply, delta, end, first if echo else []), headers)

        def render(collected: _Collected, f: Finished, usage: dict[str, int]) -> dict[str, Any]:
            choices = []
            for i in collected.indices(n, f):
                c = collected.choice(i)
                logprobs = None if c.logprobs is None else translate.completion_logprobs(c.logprobs, len(echo))
                choices.append({"index": i, "text": echo + c.text, "logprobs": logprobs,
                                "finish_reason": f.reason_of(i)})
            return wire.text_completion_choices(rid, model, created, choices, usage)

        return await whole_body(request, reply, headers, render)

    return router

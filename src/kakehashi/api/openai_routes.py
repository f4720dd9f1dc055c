"""POST /v1/chat/completions and /v1/completions: JSON bodies and SSE streams."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from kakehashi.api import translate
from kakehashi.api.errors import kakehashi_error_response
from kakehashi.api.metrics import Metrics
from kakehashi.api.request_log import request_facts
from kakehashi.errors import KakehashiError, Overloaded
from kakehashi.gateway import GatewayClient, Reply
from kakehashi.protocol import openai as wire
from kakehashi.types import Finished, TextDelta

_DONE = b"data: [DONE]\n\n"


def _sse(obj: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(obj) + b"\n\n"


def _json(obj: dict[str, Any], headers: dict[str, str]) -> Response:
    return Response(orjson.dumps(obj), media_type="application/json", headers=headers)


async def _wait_for_disconnect(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _collect(reply: Reply) -> tuple[str, Finished]:
    parts: list[str] = []
    async for event in reply.events():
        if isinstance(event, TextDelta):
            parts.append(event.text)
        else:
            return "".join(parts), event
    raise RuntimeError("backend stream ended without a Finished event")


async def _collect_unless_disconnected(request: Request, reply: Reply) -> tuple[str, Finished] | None:
    """Race the generation against the client leaving: a gone client aborts it and frees its slot."""
    work = asyncio.ensure_future(_collect(reply))
    gone = asyncio.ensure_future(_wait_for_disconnect(request))
    try:
        await asyncio.wait({work, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
    if work.done():
        return work.result()
    work.cancel()
    try:
        await work
    except asyncio.CancelledError:
        pass
    await reply.aclose()
    return None


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def _error_event(exc: KakehashiError) -> dict[str, Any]:
    return wire.error_body(exc.message, exc.type, exc.param, exc.code)


def _check_finished(finished: Finished) -> None:
    if finished.reason == "error":
        raise KakehashiError(finished.error or "generation failed")


def build_router(gateway: GatewayClient, metrics: Metrics, is_ready: Callable[[], bool]) -> APIRouter:
    router = APIRouter()

    def check_ready() -> None:
        if not is_ready():
            raise Overloaded("the server is still loading its models", retry_after=2.0, code="model_loading")

    def observe(reply: Reply, first_text_at: float | None, finished: Finished) -> None:
        ttft = None if first_text_at is None else first_text_at - reply.started_at
        metrics.observe_generation(
            reply.model, ttft, finished.usage.prompt_tokens, finished.usage.completion_tokens
        )
        if reply.log is not None:
            reply.log.update(
                prompt_tokens=finished.usage.prompt_tokens, completion_tokens=finished.usage.completion_tokens,
                ttft_ms=None if ttft is None else round(ttft * 1000, 1), finish=finished.reason,
            )

    def started(request: Request, reply: Reply) -> None:
        """What the request log learns once the gateway has chosen where the request runs."""
        facts = request_facts(request.scope)
        facts.update(backend=reply.backend, backend_model=reply.model, route=reply.decision.reason)
        if reply.fallback_from:
            facts["fallback_from"] = ",".join(reply.fallback_from)
        reply.log = facts

    async def stream(
        reply: Reply, render_delta: Callable[[str], dict[str, Any]],
        render_end: Callable[[Finished], list[dict[str, Any]]], first: dict[str, Any] | None,
    ) -> AsyncIterator[bytes]:
        first_text_at: float | None = None
        try:
            if first is not None:
                yield _sse(first)
            async for event in reply.events():
                if isinstance(event, TextDelta):
                    if first_text_at is None:
                        first_text_at = time.perf_counter()
                    yield _sse(render_delta(event.text))
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
        render: Callable[[str, Finished, dict[str, int]], dict[str, Any]],
    ) -> Response:
        """A non-streamed answer: collect it (aborting if the client leaves), then one JSON body."""
        try:
            result = await _collect_unless_disconnected(request, reply)
            if result is None:
                return Response(status_code=499)
            text, finished = result
            _check_finished(finished)
        except KakehashiError as exc:  # failed after the backend started: say which one, as on success
            if reply.log is not None:
                reply.log["error"] = exc.code or exc.type
            return kakehashi_error_response(exc, headers)
        observe(reply, reply.first_event_at, finished)
        usage = wire.usage_dict(finished.usage.prompt_tokens, finished.usage.completion_tokens)
        return _json(render(text, finished, usage), headers)

    @router.post("/v1/chat/completions")
    async def chat_completions(body: wire.ChatCompletionRequest, request: Request) -> Response:
        check_ready()
        req = translate.chat_request(body, getattr(request.state, "api_key_id", None), _request_id(request))
        request_facts(request.scope)["model"] = req.model
        reply = await gateway.chat(req)
        started(request, reply)
        rid, created, model = f"chatcmpl-{uuid.uuid4().hex}", int(time.time()), reply.model
        headers = reply.headers()
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)

            def end(f: Finished) -> list[dict[str, Any]]:
                chunks = [wire.chat_chunk(rid, model, created, {}, f.reason)]
                if include_usage:
                    usage = wire.usage_dict(f.usage.prompt_tokens, f.usage.completion_tokens)
                    chunks.append(wire.chat_chunk(rid, model, created, None, usage=usage))
                return chunks

            return StreamingResponse(
                stream(
                    reply,
                    lambda text: wire.chat_chunk(rid, model, created, {"content": text}),
                    end,
                    wire.chat_chunk(rid, model, created, {"role": "assistant", "content": ""}),
                ),
                media_type="text/event-stream",
                headers={**headers, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        return await whole_body(
            request, reply, headers,
            lambda text, f, usage: wire.chat_completion(rid, model, created, text, f.reason, usage),
        )

    @router.post("/v1/completions")
    async def completions(body: wire.CompletionRequest, request: Request) -> Response:
        check_ready()
        req = translate.completion_request(body, getattr(request.state, "api_key_id", None), _request_id(request))
        request_facts(request.scope)["model"] = req.model
        reply = await gateway.complete(req)
        started(request, reply)
        rid, created, model = f"cmpl-{uuid.uuid4().hex}", int(time.time()), reply.model
        headers = reply.headers()
        echo = body.prompt_text() if body.echo else ""
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)

            def end(f: Finished) -> list[dict[str, Any]]:
                usage = wire.usage_dict(f.usage.prompt_tokens, f.usage.completion_tokens)
                return [wire.text_completion(rid, model, created, "", f.reason, usage if include_usage else None)]

            return StreamingResponse(
                stream(
                    reply,
                    lambda text: wire.text_completion(rid, model, created, text, None, None),
                    end,
                    wire.text_completion(rid, model, created, echo, None, None) if echo else None,
                ),
                media_type="text/event-stream",
                headers={**headers, "Cache-Control": "no-cache"},
            )
        return await whole_body(
            request, reply, headers,
            lambda text, f, usage: wire.text_completion(rid, model, created, echo + text, f.reason, usage),
        )

    return router

"""What every API dialect does with a started generation: stream it, or collect it into one body,
aborting the generation (and freeing its slot) when the client goes away.

Dialects differ only in how they spell events, so each passes an encoder; the racing, the
accounting hooks and the closing live here once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol, TypeVar

import orjson
from fastapi import Request
from fastapi.responses import StreamingResponse

from kakehashi.api.metrics import Metrics
from kakehashi.api.request_log import request_facts
from kakehashi.errors import KakehashiError, Overloaded
from kakehashi.gateway import Reply
from kakehashi.types import Finished, TextDelta, ToolCallDelta


def readiness_check(is_ready: Callable[[], bool]) -> Callable[[], None]:
    def check_ready() -> None:
        if not is_ready():
            raise Overloaded("the server is still loading its models", retry_after=2.0, code="model_loading")

    return check_ready


async def wait_for_disconnect(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def collect_text(reply: Reply) -> tuple[str, Finished]:
    """The text of a one-choice, tool-free answer (what the dialects ask for) and how it ended."""
    parts: list[str] = []
    async for event in reply.events():
        if isinstance(event, TextDelta):
            parts.append(event.text)
        elif isinstance(event, Finished):
            return "".join(parts), event
    raise RuntimeError("backend stream ended without a Finished event")


async def collect_with_tools(reply: Reply) -> tuple[str, list[dict[str, str]], Finished]:
    """Text, tool calls ({id, name, arguments}) in call order, and how it ended (one choice)."""
    parts: list[str] = []
    calls: dict[int, dict[str, str]] = {}
    async for event in reply.events():
        if isinstance(event, TextDelta):
            parts.append(event.text)
        elif isinstance(event, ToolCallDelta):
            call = calls.setdefault(event.call_index, {"id": "", "name": "", "arguments": ""})
            call["id"] = event.id or call["id"]
            call["name"] += event.name or ""
            call["arguments"] += event.arguments
        else:
            return "".join(parts), [calls[i] for i in sorted(calls)], event
    raise RuntimeError("backend stream ended without a Finished event")


T = TypeVar("T")
C = TypeVar("C", bound=tuple[Any, ...])  # a collector's result; its last item is the Finished event


async def collect_unless_disconnected(
    request: Request, reply: Reply, collect: Callable[[Reply], Awaitable[T]]
) -> T | None:
    """Race the generation against the client leaving: a gone client aborts it and frees its slot."""
    work = asyncio.ensure_future(collect(reply))
    gone = asyncio.ensure_future(wait_for_disconnect(request))
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


def check_finished(finished: Finished) -> None:
    if finished.reason == "error":
        raise KakehashiError(finished.error or "generation failed")


def caller(request: Request, model: str) -> tuple[str | None, str | None]:
    """(API key id, request id) of this request, for the gateway request; the model asked goes to the
    request log (before routing, so a failure to start is logged with it)."""
    request_facts(request.scope)["model"] = model
    return getattr(request.state, "api_key_id", None), getattr(request.state, "request_id", None)


def started(request: Request, reply: Reply) -> None:
    """What the request log learns once the gateway has chosen where the request runs."""
    facts = request_facts(request.scope)
    facts.update(backend=reply.backend, backend_model=reply.model, route=reply.decision.reason)
    if reply.fallback_from:
        facts["fallback_from"] = ",".join(reply.fallback_from)
    reply.log = facts


def observe(metrics: Metrics, reply: Reply, first_text_at: float | None, finished: Finished) -> None:
    ttft = None if first_text_at is None else first_text_at - reply.started_at
    metrics.observe_generation(reply.model, ttft, finished.usage.prompt_tokens, finished.usage.completion_tokens)
    if reply.log is not None:
        reply.log.update(
            prompt_tokens=finished.usage.prompt_tokens, completion_tokens=finished.usage.completion_tokens,
            ttft_ms=None if ttft is None else round(ttft * 1000, 1), finish=finished.reason,
        )


def note_error(reply: Reply, exc: KakehashiError) -> None:
    if reply.log is not None:
        reply.log["error"] = exc.code or exc.type


async def collect_body(
    request: Request, reply: Reply, metrics: Metrics, collect: Callable[[Reply], Awaitable[C]],
) -> C | None:
    """A non-streamed answer: the whole text and its end, or None when the client left (then the
    caller answers 499). Raises KakehashiError when the generation failed after it started."""
    try:
        result = await collect_unless_disconnected(request, reply, collect)
        if result is None:
            return None
        finished: Finished = result[-1]
        check_finished(finished)
    except KakehashiError as exc:
        note_error(reply, exc)
        raise
    observe(metrics, reply, reply.first_event_at, finished)
    return result


class StreamEncoder(Protocol):
    """One dialect's spelling of a stream; each method returns the bytes to write (may be empty)."""

    def start(self) -> bytes: ...

    def text(self, text: str) -> bytes: ...

    def tool_call(self, delta: ToolCallDelta) -> bytes: ...

    def end(self, finished: Finished) -> bytes: ...

    def error(self, exc: KakehashiError) -> bytes: ...


async def encode_stream(reply: Reply, encoder: StreamEncoder, metrics: Metrics) -> AsyncIterator[bytes]:
    """The body of a streamed reply. A client that goes away closes this generator (Starlette
    cancels it), and closing the reply aborts the generation."""
    first_text_at: float | None = None
    try:
        yield encoder.start()
        async for event in reply.events():
            if isinstance(event, TextDelta):
                if first_text_at is None:
                    first_text_at = time.perf_counter()
                yield encoder.text(event.text)
            elif isinstance(event, ToolCallDelta):
                if first_text_at is None:
                    first_text_at = time.perf_counter()
                yield encoder.tool_call(event)
            elif isinstance(event, Finished):
                observe(metrics, reply, first_text_at, event)
                if event.reason == "error":
                    yield encoder.error(KakehashiError(event.error or "generation failed"))
                else:
                    yield encoder.end(event)
                return
    except KakehashiError as exc:
        # Broke mid-stream: say so explicitly rather than end as if complete.
        note_error(reply, exc)
        yield encoder.error(exc)
    finally:
        await reply.aclose()


def sse_event(data: dict[str, Any]) -> bytes:
    """A named server-sent event whose name is the payload's "type" (Anthropic's and the Responses
    API's framing; chat completions sends bare `data:` lines)."""
    return b"event: " + str(data["type"]).encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


def sse_response(body: AsyncIterator[bytes], headers: dict[str, str]) -> StreamingResponse:
    """A server-sent-event stream that proxies must not cache or buffer."""
    return StreamingResponse(body, media_type="text/event-stream",
                             headers={**headers, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

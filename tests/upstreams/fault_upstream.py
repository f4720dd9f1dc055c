#!/usr/bin/env python3
"""A small fault-injecting OpenAI-compatible upstream for tests (uvicorn + starlette only).

It answers /v1/chat/completions and /v1/completions with a deterministic echo of the prompt
("Echo: <last user text>", cut into 4-character pieces, one SSE chunk per piece, then a usage chunk
and `data: [DONE]`), /v1/embeddings with one small fixed vector per input (always "ok"), and
/v1/models with the model "echo". It imports nothing from kakehashi, so it can
stand in for any upstream (including as a "cloud" in the gateway's integration tests).

Behaviour is chosen per request, first match wins:
  1. the admin queue: POST /admin/mode {"mode": "fail-500", "count": 2, "delay": 0.5} applies to the
     next `count` generation requests (whatever their model);
  2. the header `x-fault-mode: <mode>` (with optional `x-fault-delay: <seconds>`);
  3. the model name, when it is a known mode ("fail-429", "hang", ...). Any other model is "ok".

Modes:
  ok                 normal answer (stream or JSON)
  fail-<code>        that HTTP status with an OpenAI error body; fail-429 adds `Retry-After: 1`
  fail-429-date      429 with Retry-After as an HTTP date (~2 s ahead)
  fail-401-echo      401 whose message echoes the caller's bearer token (a leaky upstream)
  hang               never sends headers (until the client goes away or an hour passes)
  slow-first-token   headers at once, first chunk after `delay` s (default 1.0)
  slow-stream        200 chunks, `delay` s apart (default 0.05): for client-disconnect tests
  cut-stream         2 content chunks, then the TCP connection is dropped mid-body
  truncated          2 content chunks, then the body ends cleanly (no finish_reason, no [DONE])
  error-event        2 content chunks, then `data: {"error": {...}}`
  error-event-400    at once `data: {"error": {..., "code": 400}}` (as vLLM reports an over-long prompt)
  bad-sse            2 content chunks, then a data line that is not JSON
  no-usage           normal stream without the usage chunk
  no-done            normal stream (finish_reason + usage) without the final `data: [DONE]`
  json-body          ignores `stream: true` and answers with one JSON body
  bad-json-body      a JSON content type whose body is cut mid-object (streamed or not)
  hang-mid-stream    2 content chunks, then silence (until the client goes away)
  huge               a 2 MB answer: 2,000 chunks of 1,000 characters (ignores max_tokens)

Counters (GET /admin/stats, or `FaultUpstream.state` in-process): requests per path and per mode,
streams open / completed / aborted (client went away) / cut, distinct client connections (to see
keep-alive reuse), and the last request's JSON body and
Authorization header (this is a test double: it keeps them so tests can check what was sent).
POST /admin/reset clears everything.

Run standalone:  python tests/upstreams/fault_upstream.py --port 9200
In tests:        with FaultUpstream() as up: up.base_url  ->  "http://127.0.0.1:<free port>/v1"
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

MODEL = "echo"
PIECE_CHARS = 4
HANG_SECONDS = 3600.0
KNOWN_MODES = (
    "ok",
    "hang",
    "slow-first-token",
    "slow-stream",
    "cut-stream",
    "truncated",
    "error-event",
    "error-event-400",
    "bad-sse",
    "no-usage",
    "no-done",
    "json-body",
    "fail-429-date",
    "fail-401-echo",
    "bad-json-body",
    "hang-mid-stream",
    "huge",
)


class _DropConnection(Exception):
    """Raised inside a streaming body: uvicorn then closes the socket without finishing the body."""


@dataclass
class FaultState:
    """Shared between the server's event loop thread and the test thread (guarded by `lock`)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    queued_mode: str | None = None
    queued_count: int = 0
    queued_delay: float | None = None
    requests: Counter[str] = field(default_factory=Counter)  # by path
    modes: Counter[str] = field(default_factory=Counter)  # by mode, generation requests only
    streams_open: int = 0
    streams_completed: int = 0
    streams_aborted: int = 0
    streams_cut: int = 0
    last_body: dict[str, Any] | None = None
    bodies: list[dict[str, Any]] = field(default_factory=list)  # every generation request body, in order
    last_authorization: str | None = None
    client_addresses: set[tuple[str, int]] = field(default_factory=set)  # one per TCP connection seen

    def set_mode(self, mode: str, count: int = 1, delay: float | None = None) -> None:
        with self.lock:
            self.queued_mode, self.queued_count, self.queued_delay = mode, count, delay

    def reset(self) -> None:
        with self.lock:
            self.queued_mode, self.queued_count, self.queued_delay = None, 0, None
            self.requests.clear()
            self.modes.clear()
            self.streams_open = self.streams_completed = self.streams_aborted = self.streams_cut = 0
            self.last_body = self.last_authorization = None
            self.bodies.clear()
            self.client_addresses.clear()

    def take_queued(self) -> tuple[str, float | None] | None:
        with self.lock:
            if self.queued_mode is None or self.queued_count <= 0:
                return None
            self.queued_count -= 1
            taken = (self.queued_mode, self.queued_delay)
            if self.queued_count == 0:
                self.queued_mode = None
            return taken

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {
                "requests": dict(self.requests),
                "modes": dict(self.modes),
                "generation_requests": sum(self.modes.values()),
                "streams_open": self.streams_open,
                "streams_completed": self.streams_completed,
                "streams_aborted": self.streams_aborted,
                "streams_cut": self.streams_cut,
                "last_body": self.last_body,
                "bodies": list(self.bodies),
                "last_authorization": self.last_authorization,
                "connections": len(self.client_addresses),
            }


def _error_body(message: str, type_: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


def _sse(obj: Any) -> bytes:
    # ensure_ascii=False: Japanese text travels as raw UTF-8, so a client's reads can split a character.
    return b"data: " + json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode() + b"\n\n"


def _prompt_text(body: dict[str, Any], chat: bool) -> str:
    if not chat:
        prompt = body.get("prompt", "")
        return prompt if isinstance(prompt, str) else " ".join(map(str, prompt))
    for message in reversed(body.get("messages") or []):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):  # content parts
                return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
            return str(content or "")
    return ""


def _prompt_tokens(body: dict[str, Any], chat: bool) -> int:
    if chat:
        size = sum(len(str(m.get("content", ""))) for m in body.get("messages") or [])
    else:
        size = len(_prompt_text(body, chat))
    return size // PIECE_CHARS + 1


class FaultApp:
    """The Starlette application around one FaultState."""

    def __init__(self, state: FaultState) -> None:
        self.state = state
        self.app = Starlette(
            routes=[
                Route("/v1/models", self.list_models, methods=["GET"]),
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/v1/completions", self.completions, methods=["POST"]),
                Route("/v1/embeddings", self.embeddings, methods=["POST"]),
                Route("/admin/mode", self.admin_mode, methods=["POST"]),
                Route("/admin/stats", self.admin_stats, methods=["GET"]),
                Route("/admin/reset", self.admin_reset, methods=["POST"]),
            ]
        )

    async def list_models(self, request: Request) -> Response:
        with self.state.lock:
            self.state.requests[request.url.path] += 1
        data = [
            {"id": m, "object": "model", "created": 0, "owned_by": "fault"} for m in (MODEL, *KNOWN_MODES)
        ]
        return JSONResponse({"object": "list", "data": data})

    async def admin_mode(self, request: Request) -> Response:
        body = await request.json()
        self.state.set_mode(str(body["mode"]), int(body.get("count", 1)), body.get("delay"))
        return JSONResponse({"ok": True})

    async def admin_stats(self, request: Request) -> Response:
        return JSONResponse(self.state.stats())

    async def admin_reset(self, request: Request) -> Response:
        self.state.reset()
        return JSONResponse({"ok": True})

    async def chat(self, request: Request) -> Response:
        return await self._generate(request, chat=True)

    async def completions(self, request: Request) -> Response:
        return await self._generate(request, chat=False)

    async def embeddings(self, request: Request) -> Response:
        body = json.loads(await request.body() or b"{}")
        with self.state.lock:
            self.state.requests[request.url.path] += 1
            self.state.last_body = body
        texts = body.get("input")
        texts = [texts] if isinstance(texts, str) else list(texts or [])
        data = [{"object": "embedding", "index": i, "embedding": [0.5, 0.5, 0.5, 0.5]} for i in range(len(texts))]
        tokens = sum(len(str(t)) // PIECE_CHARS + 1 for t in texts)
        return JSONResponse({"object": "list", "data": data, "model": body.get("model", MODEL),
                             "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

    def _choose_mode(self, request: Request, model: str) -> tuple[str, float | None]:
        queued = self.state.take_queued()
        if queued is not None:
            return queued
        header_delay = request.headers.get("x-fault-delay")
        delay = float(header_delay) if header_delay else None
        header_mode = request.headers.get("x-fault-mode")
        if header_mode:
            return header_mode, delay
        if model in KNOWN_MODES or model.startswith("fail-"):
            return model, delay
        return "ok", delay

    async def _generate(self, request: Request, *, chat: bool) -> Response:
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            return JSONResponse(_error_body("invalid JSON body", "invalid_request_error"), status_code=400)
        model = str(body.get("model") or MODEL)
        mode, delay = self._choose_mode(request, model)
        with self.state.lock:
            self.state.requests[request.url.path] += 1
            self.state.modes[mode] += 1
            self.state.last_body = body
            self.state.bodies.append(body)
            self.state.last_authorization = request.headers.get("authorization")
            if request.client is not None:
                self.state.client_addresses.add((request.client.host, request.client.port))

        if mode.startswith("fail-"):
            return self._failure(mode, request)
        if mode == "hang":
            deadline = time.monotonic() + HANG_SECONDS
            while time.monotonic() < deadline and not await request.is_disconnected():
                await asyncio.sleep(0.02)
            return Response(status_code=499)

        if mode == "bad-json-body":
            return Response(b'{"id": "x", "choices": [{"message": {"content": "cut', media_type="application/json")
        text = "Echo: " + _prompt_text(body, chat)
        pieces = [text[i : i + PIECE_CHARS] for i in range(0, len(text), PIECE_CHARS)]
        max_tokens = body.get("max_tokens")
        finish = "stop"
        if isinstance(max_tokens, int) and 0 < max_tokens < len(pieces):
            pieces, finish = pieces[:max_tokens], "length"
        usage = {
            "prompt_tokens": _prompt_tokens(body, chat),
            "completion_tokens": len(pieces),
            "total_tokens": _prompt_tokens(body, chat) + len(pieces),
        }
        if not body.get("stream") or mode == "json-body":
            return JSONResponse(_whole_response(model, chat, "".join(pieces), finish, usage))
        if mode == "slow-stream":
            pieces = [f"t{i} " for i in range(200)]
        if mode == "huge":
            pieces, finish = ["x" * 999 + " "] * 2000, "stop"
            usage = {**usage, "completion_tokens": 2000, "total_tokens": usage["prompt_tokens"] + 2000}
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        chunks = self._chunks(model, chat, pieces, finish, usage if include_usage else None, mode, delay)
        return StreamingResponse(
            self._track(chunks), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )

    def _failure(self, mode: str, request: Request) -> Response:
        if mode == "fail-429-date":
            retry_at = formatdate(time.time() + 2.0, usegmt=True)
            body = _error_body("rate limited (date)", "rate_limit_error", "rate_limit_exceeded")
            return JSONResponse(body, status_code=429, headers={"Retry-After": retry_at})
        if mode == "fail-401-echo":
            token = request.headers.get("authorization", "").removeprefix("Bearer ")
            body = _error_body(
                f"Incorrect API key provided: {token}.", "invalid_request_error", "invalid_api_key"
            )
            return JSONResponse(body, status_code=401)
        try:
            status = int(mode.removeprefix("fail-"))
        except ValueError:
            status = 500
        headers = {"Retry-After": "1"} if status == 429 else {}
        type_ = (
            "rate_limit_error"
            if status == 429
            else "server_error"
            if status >= 500
            else "invalid_request_error"
        )
        return JSONResponse(
            _error_body(f"injected failure {status}", type_), status_code=status, headers=headers
        )

    async def _chunks(
        self,
        model: str,
        chat: bool,
        pieces: list[str],
        finish: str,
        usage: dict[str, Any] | None,
        mode: str,
        delay: float | None,
    ) -> AsyncIterator[bytes]:
        created = int(time.time())
        base: dict[str, Any] = {
            "id": "chatcmpl-fault" if chat else "cmpl-fault",
            "object": "chat.completion.chunk" if chat else "text_completion",
            "created": created,
            "model": model,
        }

        def choice(text: str | None, finish_reason: str | None, first: bool) -> dict[str, Any]:
            if chat:
                delta: dict[str, Any] = {} if text is None else {"content": text}
                if first:
                    delta["role"] = "assistant"
                return {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            return {"index": 0, "text": text or "", "logprobs": None, "finish_reason": finish_reason}

        if mode == "slow-first-token":
            await asyncio.sleep(1.0 if delay is None else delay)
        if mode == "error-event-400":
            yield _sse({"error": {"message": "prompt is too long", "type": "BadRequestError", "code": 400}})
            return
        broken = mode in ("cut-stream", "truncated", "error-event", "bad-sse", "hang-mid-stream")
        for i, piece in enumerate(pieces):
            if broken and i == 2:
                break
            if mode == "slow-stream" and i > 0:
                await asyncio.sleep(0.05 if delay is None else delay)
            last = i == len(pieces) - 1
            yield _sse({**base, "choices": [choice(piece, finish if last else None, i == 0)]})
        if mode == "cut-stream":
            raise _DropConnection
        if mode == "hang-mid-stream":
            await asyncio.sleep(HANG_SECONDS)  # cancelled when the client goes away
        if mode == "truncated":
            return
        if mode == "error-event":
            yield _sse(_error_body("injected mid-stream error", "server_error"))
            return
        if mode == "bad-sse":
            yield b'data: {"choices": [not json\n\n'
            yield b"data: [DONE]\n\n"
            return
        if not pieces:
            yield _sse({**base, "choices": [choice(None, finish, True)]})
        if usage is not None and mode != "no-usage":
            yield _sse({**base, "choices": [], "usage": usage})
        if mode != "no-done":
            yield b"data: [DONE]\n\n"

    async def _track(self, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        """Counts how each stream ended: completed, cut on purpose, or aborted by the client going away."""
        with self.state.lock:
            self.state.streams_open += 1
        outcome = "aborted"  # stays so when the client disconnects (CancelledError / GeneratorExit)
        try:
            async for chunk in chunks:
                yield chunk
            outcome = "completed"
        except _DropConnection:
            outcome = "cut"
            raise
        finally:
            with self.state.lock:
                self.state.streams_open -= 1
                if outcome == "completed":
                    self.state.streams_completed += 1
                elif outcome == "cut":
                    self.state.streams_cut += 1
                else:
                    self.state.streams_aborted += 1


def _whole_response(model: str, chat: bool, text: str, finish: str, usage: dict[str, Any]) -> dict[str, Any]:
    if chat:
        choice: dict[str, Any] = {"index": 0, "message": {"role": "assistant", "content": text}}
    else:
        choice = {"index": 0, "text": text}
    choice.update(logprobs=None, finish_reason=finish)
    return {
        "id": "chatcmpl-fault" if chat else "cmpl-fault",
        "object": "chat.completion" if chat else "text_completion",
        "created": int(time.time()),
        "model": model,
        "choices": [choice],
        "usage": usage,
    }


class FaultUpstream:
    """Runs the fault upstream on 127.0.0.1 in a background thread (its own event loop)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, log_level: str = "critical") -> None:
        self.state = FaultState()
        self.app = FaultApp(self.state).app
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))  # port 0: the kernel picks a free port, known before start
        self.host, self.port = self._socket.getsockname()[:2]
        config = uvicorn.Config(self.app, log_level=log_level, lifespan="off", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def start(self, timeout: float = 10.0) -> Self:
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, name="fault-upstream", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("fault upstream did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._socket.close()

    def set_mode(self, mode: str, count: int = 1, delay: float | None = None) -> None:
        self.state.set_mode(mode, count, delay)

    def reset(self) -> None:
        self.state.reset()

    def wait_until(self, predicate: Any, timeout: float = 5.0) -> bool:
        """Polls the counters until `predicate(stats)` holds (the server updates them asynchronously)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.state.stats()):
                return True
            time.sleep(0.01)
        return bool(predicate(self.state.stats()))

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9200)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args()
    uvicorn.run(FaultApp(FaultState()).app, host=args.host, port=args.port, log_level=args.log_level)


if __name__ == "__main__":
    main()

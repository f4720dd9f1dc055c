"""One log line per request, a request id on every response, 503 for new work while draining, and
generation requests counted while they head for an engine (kakehashi.arrivals).

Pure ASGI middlewares (like security.py): they run on every request. The route handlers add what
only they know (model asked, backend, route reason, tokens, TTFT) to `scope["state"]["log"]`; the
line is written when the response's last byte is sent (or the client went away). Prompts, answers
and keys never reach it: the key appears as its id (security.key_id).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kakehashi import arrivals, request_ids
from kakehashi.protocol.openai import error_body

access_log = logging.getLogger("kakehashi.access")

_QUIET_PATHS = frozenset({"/health", "/health/live", "/health/ready", "/metrics"})  # polled every few seconds: logged at debug level
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_facts(scope: Scope) -> dict[str, Any]:
    """The mutable dict of this request's log fields, for handlers to add to."""
    return scope.setdefault("state", {}).setdefault("log", {})  # type: ignore[no-any-return]


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        # A caller's own id is kept (so its logs and ours line up) when it is a sane token.
        request_id = given if _CLIENT_ID.fullmatch(given) else request_ids.new_request_id()
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            level = logging.DEBUG if scope["path"] in _QUIET_PATHS else logging.INFO
            if access_log.isEnabledFor(level):  # the line is built only when someone reads it
                fields: dict[str, Any] = {
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status or 499,  # no response started: the client went away first
                    "key": state.get("api_key_id"),
                    **state.get("log", {}),
                    "latency_ms": round((time.perf_counter() - start) * 1000, 1),
                }
                access_log.log(level, "%s", _text(fields), extra={"fields": fields})


def _text(fields: dict[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in fields.items() if v is not None)


class DrainMiddleware:
    """While the server drains (SIGTERM/SIGINT), new requests get 503; those already running finish."""

    def __init__(self, app: ASGIApp, *, is_draining: Callable[[], bool]) -> None:
        self.app = app
        self._draining = is_draining

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        probes = ("/health", "/health/live", "/health/ready")
        if scope["type"] != "http" or not self._draining() or scope["path"] in probes:
            await self.app(scope, receive, send)
            return
        body = orjson.dumps(error_body("The server is shutting down; retry on another instance.",
                                       "server_error", None, "shutting_down"))
        await send({"type": "http.response.start", "status": 503, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"), (b"retry-after", b"1"),
        ]})
        await send({"type": "http.response.body", "body": body})


# The routes whose requests may end in an embedded engine's queue (OpenAI, Anthropic and Ollama dialects).
GENERATION_PATHS = frozenset({"/v1/chat/completions", "/v1/completions", "/v1/responses", "/v1/messages",
                              "/api/chat", "/api/generate"})


class ArrivalMiddleware:
    """Counts a generation request from its arrival until it settles (kakehashi.arrivals): queued by an
    engine, sent to another backend, or ended here at the latest."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in GENERATION_PATHS:
            await self.app(scope, receive, send)
            return
        ticket = arrivals.arrive()
        try:
            await self.app(scope, receive, send)
        finally:
            ticket.settle()


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")


class JsonFormatter(logging.Formatter):
    """One JSON object per line for log shippers. Hand-written (a dozen lines) rather than a dependency:
    it only merges the record's `fields` (access lines) into time, level, logger and message."""

    def format(self, record: logging.LogRecord) -> str:
        obj: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            obj.update(fields)
        else:
            obj["message"] = record.getMessage()
        if record.exc_info:
            obj["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(obj, default=str).decode()


JsonFormatter.converter = time.gmtime  # type: ignore[assignment]


def configure_logging(level: str, fmt: str) -> None:
    """Root logging for `kakehashi serve`: text (default) or JSON lines, on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())

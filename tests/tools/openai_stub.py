"""A small but real OpenAI-style HTTP server on 127.0.0.1 for the doctor and bench tests.

It serves /v1/models and streams /v1/chat/completions as SSE, and can be told to leave out usage,
to fail every Nth request with 503, or to demand an API key: the situations the tools must report.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class StubBehaviour:
    models: list[str] = field(default_factory=lambda: ["stub-model"])
    send_usage: bool = True
    fail_every: int = 0  # every Nth chat request gets HTTP 503; 0 = never
    api_key: str | None = None  # required bearer token, if set
    words: tuple[str, ...] = ("こんにちは", " world", "!", " 架け橋")
    seen_requests: list[dict[str, Any]] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    behaviour: StubBehaviour
    lock = threading.Lock()
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        return

    def _authorized(self) -> bool:
        key = self.behaviour.api_key
        if key is None or self.headers.get("Authorization") == f"Bearer {key}":
            return True
        self._json(401, {"error": {"message": "invalid api key", "type": "invalid_request_error"}})
        return False

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if not self._authorized():
            return
        if self.path.rstrip("/") == "/v1/models":
            self._json(
                200, {"object": "list", "data": [{"id": m, "object": "model"} for m in self.behaviour.models]}
            )
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if not self._authorized():
            return
        with self.lock:
            self.behaviour.seen_requests.append(body)
            number = len(self.behaviour.seen_requests)
        if self.behaviour.fail_every and number % self.behaviour.fail_every == 0:
            self._json(503, {"error": {"message": "overloaded, try later", "type": "overloaded_error"}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        words = self.behaviour.words[: max(1, int(body.get("max_tokens", 16)))]
        for word in words:
            chunk = {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": word}}]}
            self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            self.wfile.flush()
        if self.behaviour.send_usage and body.get("stream_options", {}).get("include_usage"):
            usage = {"prompt_tokens": 11, "completion_tokens": len(words), "total_tokens": 11 + len(words)}
            self.wfile.write(f"data: {json.dumps({'choices': [], 'usage': usage})}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True


@contextmanager
def openai_stub(behaviour: StubBehaviour | None = None) -> Iterator[tuple[str, StubBehaviour]]:
    """Yield (base URL, behaviour) of a server running in a background thread."""
    behaviour = behaviour or StubBehaviour()
    handler = type("Handler", (_Handler,), {"behaviour": behaviour})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", behaviour
    finally:
        server.shutdown()
        server.server_close()

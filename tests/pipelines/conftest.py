"""Real HTTP servers on 127.0.0.1 for the pipeline tests: one serving pages, one speaking the
OpenAI chat-completions wire format with scripted replies (for behaviour the real model cannot be made
to show on demand, such as a malformed answer followed by a good one)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

# Header a route sets to send its body without Content-Length (HTTP/1.0: the body ends at close).
NO_LENGTH = "X-Test-No-Content-Length"
# A route answers (status, headers, body); it may sleep to play a slow server.
Route = Callable[[], tuple[int, dict[str, str], bytes]]


@dataclass
class LocalServer:
    base_url: str
    routes: dict[str, Route]
    hits: dict[str, int] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)  # JSON bodies of POSTs, in order

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"


PostHandler = Callable[[str, dict[str, Any]], tuple[int, dict[str, str], bytes]]


def _serve(routes: dict[str, Route], post: PostHandler | None) -> Iterator[LocalServer]:
    state = LocalServer(base_url="", routes=routes)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def _reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                if name != NO_LENGTH:
                    self.send_header(name, value)
            if "Content-Length" not in headers and NO_LENGTH not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size limit, timeout): that is what some tests check

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            with lock:
                state.hits[path] = state.hits.get(path, 0) + 1
            route = routes.get(path)
            if route is None:
                self._reply(404, {"Content-Type": "text/plain"}, b"not found")
                return
            self._reply(*route())

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            with lock:
                state.requests.append(body)
                state.hits[self.path] = state.hits.get(self.path, 0) + 1
            if post is None:
                self._reply(405, {}, b"")
                return
            self._reply(*post(self.path, body))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def html_route(html: str, content_type: str = "text/html; charset=utf-8") -> Route:
    return lambda: (200, {"Content-Type": content_type}, html.encode("utf-8"))


def slow_route(seconds: float) -> Route:
    def route() -> tuple[int, dict[str, str], bytes]:
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, b"<p>late</p>"

    return route


@pytest.fixture
def page_server() -> Iterator[LocalServer]:
    """Serves whatever routes a test puts in `page_server.routes`."""
    yield from _serve({}, None)


ChatScript = Callable[[dict[str, Any]], tuple[int, dict[str, str], bytes]]


@dataclass
class ScriptedLLM:
    server: LocalServer
    script: list[ChatScript]  # consumed in order; the last one repeats

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return self.server.requests


def chat_reply(content: str, *, completion_tokens: int = 7, finish_reason: str = "stop") -> ChatScript:
    payload = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": "scripted",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
        ],
        "usage": {
            "prompt_tokens": 11,
            "completion_tokens": completion_tokens,
            "total_tokens": 11 + completion_tokens,
        },
    }
    return lambda body: (200, {"Content-Type": "application/json"}, json.dumps(payload).encode())


def stream_reply(pieces: list[str], *, finish_reason: str = "stop") -> ChatScript:
    """An OpenAI SSE stream: one chunk per piece (as a llama.cpp server sends one per token), then usage."""
    events = [
        {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]}
        for p in pieces
    ]
    events.append({"object": "chat.completion.chunk",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": finish_reason}]})
    events.append({"object": "chat.completion.chunk", "choices": [],
                   "usage": {"prompt_tokens": 11, "completion_tokens": len(pieces), "total_tokens": 11 + len(pieces)}})
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    return lambda request: (200, {"Content-Type": "text/event-stream"}, body.encode())


def error_reply(status: int, message: str, headers: dict[str, str] | None = None) -> ChatScript:
    body = json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode()
    return lambda request: (status, {"Content-Type": "application/json", **(headers or {})}, body)


@pytest.fixture
def scripted_llm() -> Iterator[ScriptedLLM]:
    """An OpenAI-compatible endpoint whose replies each test scripts (set `scripted_llm.script`)."""
    holder: list[ScriptedLLM] = []

    def post(path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        llm = holder[0]
        if not path.endswith("/chat/completions"):
            return 404, {}, b""
        step = llm.script.pop(0) if len(llm.script) > 1 else llm.script[0]
        return step(body)

    models = json.dumps({"object": "list", "data": [{"id": "scripted-model", "object": "model"}]}).encode()
    routes: dict[str, Route] = {"/v1/models": lambda: (200, {"Content-Type": "application/json"}, models)}
    for server in _serve(routes, post):
        holder.append(ScriptedLLM(server=server, script=[chat_reply("{}")]))
        yield holder[0]

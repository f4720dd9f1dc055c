"""An OpenAI-compatible upstream for pass-through tests: it records every request body it receives and
answers with a fixed two-choice reply carrying what a gateway could lose on the way back (tool-call
deltas, logprobs, choice indices, per-choice finish reasons), streamed or as one JSON body (for the
model "recorder-json", like a server that ignores `stream: true`)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import AsyncIterator
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

CALL_ID = "call_upstream_1"
ARGUMENT_PIECES = ['{"ci', 'ty": "Pa', 'ris"}']
TEXT_PIECES = ["Bon", "jour"]
LOGPROBS = [
    {"token": "Bon", "logprob": -0.25, "bytes": [66, 111, 110],
     "top_logprobs": [{"token": "Bon", "logprob": -0.25, "bytes": [66, 111, 110]}]},
    {"token": "jour", "logprob": -0.5, "bytes": [106, 111, 117, 114],
     "top_logprobs": [{"token": "jour", "logprob": -0.5, "bytes": [106, 111, 117, 114]}]},
]
COMPLETION_LOGPROBS = {"tokens": ["Bon", "jour"], "token_logprobs": [-0.25, -0.5],
                       "top_logprobs": [{"Bon": -0.25}, {"jour": -0.5}], "text_offset": [0, 3]}
USAGE = {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}


def _chunk(model: str, choice: dict[str, Any], chat: bool) -> bytes:
    obj = {"id": "x", "object": "chat.completion.chunk" if chat else "text_completion", "created": 1,
           "model": model, "choices": [choice]}
    return b"data: " + json.dumps(obj).encode() + b"\n\n"


async def _chat_stream(model: str) -> AsyncIterator[bytes]:
    yield _chunk(model, {"index": 0, "delta": {"role": "assistant", "content": None}, "finish_reason": None}, True)
    yield _chunk(model, {"index": 0, "delta": {"tool_calls": [
        {"index": 0, "id": CALL_ID, "type": "function", "function": {"name": "get_weather", "arguments": ""}}]},
        "finish_reason": None}, True)
    for piece in ARGUMENT_PIECES:
        yield _chunk(model, {"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]},
                             "finish_reason": None}, True)
    for piece, lp in zip(TEXT_PIECES, LOGPROBS, strict=True):
        yield _chunk(model, {"index": 1, "delta": {"content": piece}, "logprobs": {"content": [lp]},
                             "finish_reason": None}, True)
    yield _chunk(model, {"index": 0, "delta": {}, "finish_reason": "tool_calls"}, True)
    yield _chunk(model, {"index": 1, "delta": {}, "finish_reason": "stop"}, True)
    yield b"data: " + json.dumps({"id": "x", "choices": [], "usage": USAGE}).encode() + b"\n\n"
    yield b"data: [DONE]\n\n"


async def _completion_stream(model: str) -> AsyncIterator[bytes]:
    for i, piece in enumerate(TEXT_PIECES):
        lp = {k: [v[i]] for k, v in COMPLETION_LOGPROBS.items()}
        yield _chunk(model, {"index": 0, "text": piece, "logprobs": lp, "finish_reason": None}, False)
    yield _chunk(model, {"index": 0, "text": "", "finish_reason": "stop"}, False)
    yield b"data: " + json.dumps({"id": "x", "choices": [], "usage": USAGE}).encode() + b"\n\n"
    yield b"data: [DONE]\n\n"


def _chat_body(model: str) -> dict[str, Any]:
    return {
        "id": "x", "object": "chat.completion", "created": 1, "model": model, "usage": USAGE,
        "choices": [
            {"index": 0, "finish_reason": "tool_calls", "logprobs": None, "message": {
                "role": "assistant", "content": None,
                "tool_calls": [{"id": CALL_ID, "type": "function",
                                "function": {"name": "get_weather", "arguments": "".join(ARGUMENT_PIECES)}}]}},
            {"index": 1, "finish_reason": "stop", "logprobs": {"content": LOGPROBS},
             "message": {"role": "assistant", "content": "".join(TEXT_PIECES)}},
        ],
    }


class RecordingUpstream:
    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

        async def chat(request: Request) -> Response:
            body = await request.json()
            self.bodies.append(body)
            if body["model"] == "recorder-json":
                return JSONResponse(_chat_body(body["model"]))
            return StreamingResponse(_chat_stream(body["model"]), media_type="text/event-stream")

        async def completions(request: Request) -> Response:
            body = await request.json()
            self.bodies.append(body)
            return StreamingResponse(_completion_stream(body["model"]), media_type="text/event-stream")

        async def models(_: Request) -> Response:
            return JSONResponse({"object": "list", "data": [{"id": "recorder", "object": "model"}]})

        app = Starlette(routes=[
            Route("/v1/chat/completions", chat, methods=["POST"]),
            Route("/v1/completions", completions, methods=["POST"]),
            Route("/v1/models", models),
        ])
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="critical", lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("recording upstream did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._socket.close()

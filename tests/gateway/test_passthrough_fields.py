"""Requests routed to an upstream pass every OpenAI field through untouched, and the upstream's tool
calls, logprobs and extra choices come back untouched, streamed or not (through the `openai` client)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from tests.gateway.conftest import Gateway, launch_gateway, ledger_rows
from tests.upstreams.recording_upstream import (
    ARGUMENT_PIECES,
    CALL_ID,
    LOGPROBS,
    TEXT_PIECES,
    RecordingUpstream,
)

pytestmark = pytest.mark.slow

TOOLS = [{"type": "function", "function": {"name": "get_weather", "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
# Everything a client may send that the embedded engine would refuse or act on: upstreams get it as is.
FIELDS: dict[str, Any] = {
    "tools": TOOLS,
    "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
    "parallel_tool_calls": False,
    "logprobs": True,
    "top_logprobs": 1,
    "n": 2,
    "seed": 3,
    "logit_bias": {"50256": -100},
    "response_format": {"type": "json_object"},
    "user": "u-1",
    "metadata": {"team": "a"},
    "store": True,
    "service_tier": "flex",
    "modalities": ["text"],
    "prediction": {"type": "content", "content": "Bonjour"},
    "reasoning_effort": "low",
    "web_search_options": {},
    "frobnicate": {"nested": [1, 2]},
}
MESSAGES: list[Any] = [
    {"role": "user", "content": [
        {"type": "text", "text": "What is in this picture, and the weather?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
    ]},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_0", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Oslo"}'}}]},
    {"role": "tool", "tool_call_id": "call_0", "content": '{"temp": 3}'},
]


@pytest.fixture(scope="module")
def upstream() -> Iterator[RecordingUpstream]:
    with RecordingUpstream() as up:
        yield up


@pytest.fixture(scope="module")
def gateway(upstream: RecordingUpstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    toml = f"""
[backends.rec]
base_url = "{upstream.base_url}"
kind = "cloud"
models = ["recorder", "recorder-json"]
"""
    with launch_gateway(Path(tmp_path_factory.mktemp("passthrough")), toml) as gw:
        yield gw


def client(gw: Gateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{gw.base}/v1", api_key="unused", timeout=60, max_retries=0)


def assert_forwarded(body: dict[str, Any]) -> None:
    for name, value in FIELDS.items():
        assert body[name] == value, name
    assert body["messages"] == MESSAGES


@pytest.mark.parametrize("model", ["recorder", "recorder-json"])
def test_chat_fields_and_reply_pass_through(gateway: Gateway, upstream: RecordingUpstream, model: str) -> None:
    extra = {k: v for k, v in FIELDS.items() if k == "frobnicate"}
    known = {k: v for k, v in FIELDS.items() if k != "frobnicate"}
    r = client(gateway).chat.completions.create(
        model=model, messages=MESSAGES, max_tokens=5, extra_body=extra, **known
    )
    assert_forwarded(upstream.bodies[-1])
    first, second = r.choices
    assert (first.index, second.index) == (0, 1)
    assert first.finish_reason == "tool_calls" and second.finish_reason == "stop"
    [call] = first.message.tool_calls or []
    assert call.id == CALL_ID and call.function.name == "get_weather"
    assert call.function.arguments == "".join(ARGUMENT_PIECES)
    assert second.message.content == "".join(TEXT_PIECES)
    assert second.logprobs is not None
    assert [e.model_dump() for e in second.logprobs.content or []] == LOGPROBS
    assert r.usage is not None and r.usage.prompt_tokens == 11


def test_chat_stream_passes_deltas_through(gateway: Gateway, upstream: RecordingUpstream) -> None:
    extra = {k: v for k, v in FIELDS.items() if k == "frobnicate"}
    known = {k: v for k, v in FIELDS.items() if k != "frobnicate"}
    stream = client(gateway).chat.completions.create(
        model="recorder", messages=MESSAGES, max_tokens=5, stream=True, extra_body=extra, **known
    )
    arguments, text, finishes, logprobs, call_ids = "", "", {}, [], []
    for chunk in stream:
        for choice in chunk.choices:
            for d in choice.delta.tool_calls or []:
                assert choice.index == 0 and d.index == 0
                if d.id:
                    call_ids.append((d.id, d.type, d.function.name))
                arguments += d.function.arguments or ""
            if choice.index == 1:
                text += choice.delta.content or ""
                if choice.logprobs and choice.logprobs.content:
                    logprobs += [e.model_dump() for e in choice.logprobs.content]
            if choice.finish_reason:
                finishes[choice.index] = choice.finish_reason
    assert_forwarded(upstream.bodies[-1])
    assert upstream.bodies[-1]["stream"] is True
    assert call_ids == [(CALL_ID, "function", "get_weather")]
    assert json.loads(arguments) == {"city": "Paris"}
    assert text == "Bonjour" and logprobs == LOGPROBS
    assert finishes == {0: "tool_calls", 1: "stop"}
    rows = ledger_rows(gateway.ledger, expected=4)
    assert rows[-1]["backend"] == "rec" and rows[-1]["prompt_tokens"] == 11


def test_completion_logprobs_and_n_pass_through(gateway: Gateway, upstream: RecordingUpstream) -> None:
    r = client(gateway).completions.create(
        model="recorder", prompt="Say hi", max_tokens=5, logprobs=1, n=2, best_of=2, suffix="!",
    )
    body = upstream.bodies[-1]
    assert (body["logprobs"], body["n"], body["best_of"], body["suffix"]) == (1, 2, 2, "!")
    choice = r.choices[0]
    assert choice.text == "Bonjour"
    assert choice.logprobs is not None
    assert choice.logprobs.tokens == ["Bon", "jour"] and choice.logprobs.token_logprobs == [-0.25, -0.5]
    assert choice.logprobs.top_logprobs == [{"Bon": -0.25}, {"jour": -0.5}]

"""Anthropic's Messages API, driven by the real `anthropic` client library against a real server."""

from __future__ import annotations

import anthropic
import httpx
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME as DEFAULT_MODEL
from tests.api.dialect_helpers import long_generation_is_aborted

pytestmark = pytest.mark.slow

COUNT = [{"role": "user", "content": "Count from 1 to 20, separated by commas."}]


@pytest.fixture
def client(kakehashi_server: str) -> anthropic.Anthropic:
    # No key configured on this server: the client still sends one (x-api-key), which is fine.
    return anthropic.Anthropic(base_url=kakehashi_server, api_key="unused", max_retries=0, timeout=120)


# Recent SDKs dropped temperature/top_p/top_k from create(); the API (and this server) still take them.
GREEDY = {"extra_body": {"temperature": 0.0}}


def test_message_and_stream_agree(client: anthropic.Anthropic) -> None:
    kw = {"model": DEFAULT_MODEL, "max_tokens": 8, "messages": COUNT, "system": "You count carefully.", **GREEDY}
    msg = client.messages.create(**kw)  # type: ignore[call-overload]
    assert msg.type == "message" and msg.role == "assistant" and msg.model == DEFAULT_MODEL
    assert msg.stop_reason == "max_tokens" and msg.stop_sequence is None
    assert msg.content[0].type == "text" and msg.content[0].text
    assert msg.usage.output_tokens == 8 and msg.usage.input_tokens > 5
    with client.messages.stream(**kw) as stream:  # type: ignore[call-overload]
        texts = list(stream.text_stream)
        final = stream.get_final_message()
    assert "".join(texts) == msg.content[0].text == final.content[0].text
    assert final.stop_reason == "max_tokens"
    assert final.usage.output_tokens == 8 and final.usage.input_tokens == msg.usage.input_tokens


def test_system_prompt_reaches_the_model(client: anthropic.Anthropic) -> None:
    """A system prompt is part of the prompt: a longer one means more input tokens."""
    plain = client.messages.create(model=DEFAULT_MODEL, max_tokens=1, messages=COUNT, system="Be brief.")
    blocks = client.messages.create(model=DEFAULT_MODEL, max_tokens=1, messages=COUNT, system=[
        {"type": "text", "text": "You are a careful assistant who counts in English, one number at a time."},
    ])
    assert blocks.usage.input_tokens > plain.usage.input_tokens + 10


def test_stop_sequences_reported(client: anthropic.Anthropic) -> None:
    full = client.messages.create(model=DEFAULT_MODEL, max_tokens=24, messages=COUNT, **GREEDY)
    text = full.content[0].text  # type: ignore[union-attr]
    assert "5" in text, text
    stop = text[text.index("5") : text.index("5") + 2]
    cut = client.messages.create(model=DEFAULT_MODEL, max_tokens=24, messages=COUNT, **GREEDY,
                                 stop_sequences=["zzz-never", stop])
    assert cut.stop_reason == "stop_sequence" and cut.stop_sequence == stop
    assert cut.content[0].text == text[: text.index(stop)]  # type: ignore[union-attr]
    with client.messages.stream(model=DEFAULT_MODEL, max_tokens=24, messages=COUNT, **GREEDY,
                                stop_sequences=[stop]) as stream:
        final = stream.get_final_message()
    assert final.stop_reason == "stop_sequence" and final.stop_sequence == stop


def test_japanese_content_blocks(client: anthropic.Anthropic) -> None:
    msg = client.messages.create(model=DEFAULT_MODEL, max_tokens=4, messages=[
        {"role": "user", "content": [{"type": "text", "text": "こんにちは。"},
                                     {"type": "text", "text": "日本の首都はどこですか？", "cache_control": {"type": "ephemeral"}}]},
    ])
    assert msg.usage.output_tokens >= 1 and msg.content


@pytest.mark.parametrize(
    ("body", "status", "kind", "names"),
    [
        ({"max_tokens": None}, 400, "invalid_request_error", "max_tokens"),
        ({"temperature": 1.5}, 400, "invalid_request_error", "temperature"),
        ({"top_k": -1}, 400, "invalid_request_error", "top_k"),
        ({"tools": [{"type": "web_search_20250305", "name": "web_search"}]}, 400, "invalid_request_error",
         "tools.0.type"),
        ({"tool_choice": {"type": "any"}}, 400, "invalid_request_error", "tool_choice"),
        ({"thinking": {"type": "enabled", "budget_tokens": 1024}}, 400, "invalid_request_error", "thinking"),
        ({"service_tier": "auto"}, 400, "invalid_request_error", "service_tier"),
        ({"messages": [{"role": "user", "content": [{"type": "document", "source": {}}]}]}, 400,
         "invalid_request_error", "messages.0.content.0.type"),
        ({"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}, 400,
         "invalid_request_error", "messages.1.role"),
        ({"model": "claude-no-such"}, 404, "not_found_error", "claude-no-such"),
    ],
)
def test_errors_in_anthropics_shape(kakehashi_server: str, body: dict, status: int, kind: str, names: str) -> None:
    payload = {"model": DEFAULT_MODEL, "max_tokens": 4, "messages": [{"role": "user", "content": "hi"}]}
    payload.update(body)
    payload = {k: v for k, v in payload.items() if v is not None}
    r = httpx.post(f"{kakehashi_server}/v1/messages", json=payload, timeout=60)
    assert r.status_code == status, r.text
    err = r.json()
    assert err["type"] == "error" and err["error"]["type"] == kind and names in err["error"]["message"]


def test_client_library_maps_the_errors(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.NotFoundError) as nf:
        client.messages.create(model="claude-no-such", max_tokens=4, messages=COUNT)
    assert nf.value.body["error"]["type"] == "not_found_error"  # type: ignore[index]
    with pytest.raises(anthropic.BadRequestError):
        client.messages.create(model=DEFAULT_MODEL, max_tokens=4, messages=COUNT, extra_body={"top_p": 2.0})


WEATHER = {
    "name": "get_weather",
    "description": "The current weather in a city.",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string", "maxLength": 20}},
                     "required": ["city"], "additionalProperties": False},
}
ASK = [{"role": "user", "content": "What is the weather in Tokyo?"}]


def test_tool_use_round_trip(client: anthropic.Anthropic) -> None:
    """A forced tool call comes back as a tool_use block (input parsed), streamed or not; its result
    goes back as a tool_result block and the model answers in text."""
    kw = {"model": DEFAULT_MODEL, "max_tokens": 40, "messages": ASK, "tools": [WEATHER],
          "tool_choice": {"type": "tool", "name": "get_weather"}, **GREEDY}
    msg = client.messages.create(**kw)  # type: ignore[call-overload]
    assert msg.stop_reason == "tool_use", msg
    uses = [b for b in msg.content if b.type == "tool_use"]
    assert len(uses) >= 1 and uses[0].name == "get_weather" and set(uses[0].input) == {"city"}  # type: ignore[union-attr]
    with client.messages.stream(**kw) as stream:  # type: ignore[call-overload]
        final = stream.get_final_message()
    streamed = [b for b in final.content if b.type == "tool_use"]
    assert final.stop_reason == "tool_use"
    assert [(b.name, b.input) for b in streamed] == [(b.name, b.input) for b in uses]  # type: ignore[union-attr]
    answer = client.messages.create(model=DEFAULT_MODEL, max_tokens=8, tools=[WEATHER], messages=[  # type: ignore[list-item]
        *ASK,
        {"role": "assistant", "content": [b.model_dump(include={"type", "id", "name", "input"}) for b in uses]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": u.id, "content": "Sunny, 21°C"}
                                     for u in uses]},  # type: ignore[union-attr]
    ], tool_choice={"type": "none"})
    assert answer.stop_reason in ("end_turn", "max_tokens") and answer.content[0].type == "text"


def test_goes_through_routing(client: anthropic.Anthropic) -> None:
    raw = client.messages.with_raw_response.create(
        model="auto", max_tokens=2, messages=[{"role": "user", "content": "Hello there"}])
    assert raw.headers["x-kakehashi-backend"] == "embedded"
    assert raw.headers["x-kakehashi-route-reason"] != "model:explicit"  # the router decided, not the name
    assert raw.parse().model == DEFAULT_MODEL


async def test_disconnect_mid_stream_aborts(kakehashi_server: str) -> None:
    body = {"model": DEFAULT_MODEL, "max_tokens": 3000, "temperature": 0.9,
            "messages": [{"role": "user", "content": "Write a very long story."}]}
    await long_generation_is_aborted(kakehashi_server, "/v1/messages", body, marker="text_delta")

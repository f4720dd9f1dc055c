"""OpenAI's Responses API, driven by the real `openai` client library against a real server."""

from __future__ import annotations

import httpx
import openai
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME as DEFAULT_MODEL
from tests.api.dialect_helpers import long_generation_is_aborted

pytestmark = pytest.mark.slow


@pytest.fixture
def client(kakehashi_server: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{kakehashi_server}/v1", api_key="unused", max_retries=0, timeout=120)


def test_text_input_with_instructions(client: openai.OpenAI) -> None:
    r = client.responses.create(model=DEFAULT_MODEL, input="Count from 1 to 20.", instructions="Be brief.",
                                max_output_tokens=6, temperature=0)
    assert r.object == "response" and r.model == DEFAULT_MODEL
    assert r.status == "incomplete" and r.incomplete_details and r.incomplete_details.reason == "max_output_tokens"
    assert r.output_text and r.instructions == "Be brief."
    assert r.usage and r.usage.output_tokens == 6 and r.usage.input_tokens > 5
    assert r.usage.total_tokens == r.usage.input_tokens + r.usage.output_tokens


def test_message_list_streamed_equals_whole(client: openai.OpenAI) -> None:
    conversation = [
        {"role": "user", "content": "My name is Aiko."},
        {"role": "assistant", "content": [{"type": "output_text", "text": "Nice to meet you, Aiko."}]},
        {"role": "user", "content": [{"type": "input_text", "text": "What is my name?"}]},
    ]
    whole = client.responses.create(model=DEFAULT_MODEL, input=conversation,  # type: ignore[arg-type]
                                    max_output_tokens=8, temperature=0)
    events = list(client.responses.create(model=DEFAULT_MODEL, input=conversation,  # type: ignore[arg-type]
                                          max_output_tokens=8, temperature=0, stream=True))
    kinds = [e.type for e in events]
    assert kinds[:4] == ["response.created", "response.in_progress", "response.output_item.added",
                         "response.content_part.added"]
    assert kinds[-4:] == ["response.output_text.done", "response.content_part.done", "response.output_item.done",
                          f"response.{whole.status}"]
    assert [e.sequence_number for e in events] == list(range(len(events)))
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas == whole.output_text
    last = events[-1].response  # type: ignore[union-attr]
    assert last.output_text == whole.output_text and last.usage == whole.usage


def test_stream_helper_accumulates(client: openai.OpenAI) -> None:
    """The SDK's stream helper rebuilds the response from the events (it needs response.completed,
    so the answer must end on its own, within max_output_tokens)."""
    kw = {"model": DEFAULT_MODEL, "input": "Is the sky blue? Answer yes or no.", "max_output_tokens": 48,
          "temperature": 0}
    whole = client.responses.create(**kw)  # type: ignore[call-overload]
    assert whole.status == "completed", whole.output_text
    with client.responses.stream(**kw) as stream:  # type: ignore[call-overload]
        text = "".join(e.delta for e in stream if e.type == "response.output_text.delta")
        final = stream.get_final_response()
    assert final.output_text == text == whole.output_text
    assert final.usage == whole.usage


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"store": True}, "store"),
        ({"previous_response_id": "resp_1"}, "previous_response_id"),
        ({"tools": [{"type": "function", "name": "f", "parameters": {}}]}, "tools"),
        ({"reasoning": {"effort": "high"}}, "reasoning"),
        ({"input": [{"type": "function_call_output", "call_id": "c", "output": "x"}]}, "input.0.type"),
        ({"input": [{"role": "user", "content": [{"type": "input_file", "file_id": "f"}]}]},
         "input.0.content.0.type"),
        ({"conversation": "conv_1"}, "conversation"),
    ],
)
def test_unsupported_fields_are_refused_by_name(kakehashi_server: str, body: dict, param: str) -> None:
    r = httpx.post(f"{kakehashi_server}/v1/responses", json={"model": DEFAULT_MODEL, "input": "hi", **body},
                   timeout=60)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["param"] == param and param in err["message"]


def test_unknown_model_is_404(client: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError):
        client.responses.create(model="gpt-no-such", input="hi")


def test_goes_through_routing(client: openai.OpenAI) -> None:
    raw = client.responses.with_raw_response.create(model="auto", input="Hello", max_output_tokens=2)
    assert raw.headers["x-kakehashi-backend"] == "embedded"
    assert raw.headers["x-kakehashi-route-reason"] != "model:explicit"


async def test_disconnect_mid_stream_aborts(kakehashi_server: str) -> None:
    body = {"model": DEFAULT_MODEL, "max_output_tokens": 3000, "temperature": 0.9,
            "input": "Write a very long story."}
    await long_generation_is_aborted(kakehashi_server, "/v1/responses", body, marker="output_text.delta")

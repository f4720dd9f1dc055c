"""Ollama's native API, driven by the real `ollama` client library against a real server."""

from __future__ import annotations

import json

import httpx
import ollama
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME as DEFAULT_MODEL
from tests.api.dialect_helpers import long_generation_is_aborted

pytestmark = pytest.mark.slow

COUNT = [{"role": "user", "content": "Count from 1 to 20, separated by commas."}]


@pytest.fixture
def client(kakehashi_server: str) -> ollama.Client:
    return ollama.Client(host=kakehashi_server, timeout=120)


def test_chat_streamed_equals_whole(client: ollama.Client) -> None:
    options = {"temperature": 0, "num_predict": 8, "seed": 1}
    whole = client.chat(model=DEFAULT_MODEL, messages=COUNT, options=options, stream=False)
    assert whole.done and whole.done_reason == "length"
    assert whole.message.role == "assistant" and whole.message.content
    assert whole.eval_count == 8 and (whole.prompt_eval_count or 0) > 5
    assert (whole.total_duration or 0) >= (whole.eval_duration or 0) > 0
    parts = list(client.chat(model=DEFAULT_MODEL, messages=COUNT, options=options, stream=True))
    assert all(not p.done for p in parts[:-1]) and parts[-1].done
    assert "".join(p.message.content for p in parts) == whole.message.content
    assert parts[-1].eval_count == 8 and parts[-1].done_reason == "length"


def test_stop_option_is_honoured(client: ollama.Client) -> None:
    full = client.chat(model=DEFAULT_MODEL, messages=COUNT, options={"temperature": 0, "num_predict": 24})
    text = full.message.content
    assert "5" in text, text
    stop = text[text.index("5") : text.index("5") + 2]
    cut = client.chat(model=DEFAULT_MODEL, messages=COUNT,
                      options={"temperature": 0, "num_predict": 24, "stop": [stop]})
    assert cut.message.content == text[: text.index(stop)]
    assert cut.done_reason == "stop"


def test_generate_templated_raw_and_streamed(client: ollama.Client) -> None:
    r = client.generate(model=DEFAULT_MODEL, prompt="Name a colour.", system="Answer in one word.",
                        options={"temperature": 0, "num_predict": 4})
    assert r.response and r.done and r.eval_count and r.eval_count <= 4
    streamed = list(client.generate(model=DEFAULT_MODEL, prompt="Name a colour.", system="Answer in one word.",
                                    options={"temperature": 0, "num_predict": 4}, stream=True))
    assert "".join(p.response for p in streamed) == r.response
    raw = client.generate(model=DEFAULT_MODEL, prompt="The capital of France is", raw=True,
                          options={"temperature": 0, "num_predict": 3})
    assert raw.eval_count == 3 and raw.done_reason == "length"
    # Raw skips the chat template, so the prompt is far shorter in tokens than the templated one.
    assert (raw.prompt_eval_count or 0) < (r.prompt_eval_count or 0)


def test_format_schema_gives_valid_json(client: ollama.Client) -> None:
    schema = {"type": "object", "properties": {"colour": {"type": "string", "maxLength": 12}},
              "required": ["colour"], "additionalProperties": False}
    r = client.chat(model=DEFAULT_MODEL, format=schema, options={"temperature": 0, "num_predict": 40},
                    messages=[{"role": "user", "content": "What colour is the sky? Answer in JSON."}])
    assert r.done_reason == "stop", r.message.content
    assert set(json.loads(r.message.content)) == {"colour"}


def test_model_listing_show_ps_version(client: ollama.Client, kakehashi_server: str) -> None:
    names = [m.model for m in client.list().models]
    assert DEFAULT_MODEL in names and "auto" in names
    shown = client.show(DEFAULT_MODEL)
    assert shown.capabilities == ["completion"] and shown.details and shown.details.format == "gguf"
    arch = shown.modelinfo["general.architecture"]  # type: ignore[index]
    assert shown.details.family == arch and shown.modelinfo[f"{arch}.context_length"] > 0  # type: ignore[index]
    assert not any(k.startswith("tokenizer.") for k in shown.modelinfo or {})
    verbose = httpx.post(f"{kakehashi_server}/api/show", json={"model": DEFAULT_MODEL, "verbose": True}).json()
    assert "tokenizer.ggml.model" in verbose["model_info"]
    assert client.show(f"{DEFAULT_MODEL}:latest").capabilities == ["completion"]
    running = client.ps().models
    assert [m.model for m in running] == [DEFAULT_MODEL]
    assert httpx.get(f"{kakehashi_server}/api/ps").json()["models"][0]["context_length"] == 4096
    assert httpx.get(f"{kakehashi_server}/api/version").json()["version"]
    assert "kakehashi is running" in httpx.get(f"{kakehashi_server}/").text
    assert httpx.head(f"{kakehashi_server}/").status_code == 200  # Ollama's clients probe with HEAD


def test_curl_style_body_without_json_content_type(kakehashi_server: str) -> None:
    """Ollama's documented examples are `curl -d '{...}'` (form content type): the body is still JSON."""
    body = {"model": DEFAULT_MODEL, "prompt": "Hi", "stream": False, "options": {"num_predict": 2}}
    r = httpx.post(f"{kakehashi_server}/api/generate", content=json.dumps(body),
                   headers={"content-type": "application/x-www-form-urlencoded"}, timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["done"] is True and r.json()["eval_count"] == 2


def test_empty_messages_report_the_model_loaded(client: ollama.Client) -> None:
    r = client.chat(model=DEFAULT_MODEL, messages=[])
    assert r.done and r.done_reason == "load"
    with pytest.raises(ollama.ResponseError) as e:
        client.chat(model="no-such-model", messages=[])
    assert e.value.status_code == 404


@pytest.mark.parametrize(
    ("path", "body", "status", "names"),
    [
        ("/api/chat", {"options": {"num_ctx": 8192}}, 400, "options.num_ctx"),
        ("/api/chat", {"options": {"mirostat": 2}}, 400, "options.mirostat"),
        ("/api/chat", {"options": {"num_predict": 0}}, 400, "options.num_predict"),
        ("/api/chat", {"keep_alive": 0}, 400, "keep_alive"),
        ("/api/chat", {"think": True}, 400, "think"),
        ("/api/chat", {"tools": [{"type": "code_interpreter"}]}, 400, "tools.0"),
        ("/api/chat", {"messages": [{"role": "tool", "content": "21°C", "tool_name": "get_weather"}]}, 400,
         "messages.0"),
        ("/api/chat", {"nonsense": 1}, 400, "nonsense"),
        ("/api/chat", {"model": "no-such-model"}, 404, "no-such-model"),
        ("/api/generate", {"template": "{{ .Prompt }}", "prompt": "x"}, 400, "template"),
        ("/api/generate", {"raw": True, "system": "s", "prompt": "x"}, 400, "system"),
        ("/api/embed", {"model": "multilingual-e5-small", "input": "x", "options": {"num_ctx": 512}}, 400,
         "options.num_ctx"),
        ("/api/embed", {"model": "multilingual-e5-small", "prompt": "x"}, 400, "prompt"),
        ("/api/embed", {"model": "multilingual-e5-small", "input": "x", "dimensions": 7}, 400, "dimensions"),
        ("/api/embed", {"model": "multilingual-e5-small", "input": "x", "nonsense": 1}, 400, "nonsense"),
        ("/api/embeddings", {"model": "multilingual-e5-small"}, 400, "prompt"),
    ],
)
def test_errors_in_ollamas_shape(kakehashi_server: str, path: str, body: dict, status: int, names: str) -> None:
    payload: dict = {"model": DEFAULT_MODEL}
    if not path.startswith("/api/embed"):  # the embeddings endpoints have no `stream` (refused by name)
        payload["stream"] = False
    if path == "/api/chat":
        payload["messages"] = [{"role": "user", "content": "hi"}]
    payload.update(body)
    r = httpx.post(f"{kakehashi_server}{path}", json=payload, timeout=60)
    assert r.status_code == status, r.text
    assert set(r.json()) == {"error"} and names in r.json()["error"]


def test_client_library_raises_with_the_status(client: ollama.Client) -> None:
    with pytest.raises(ollama.ResponseError) as e:
        client.chat(model=DEFAULT_MODEL, messages=COUNT, options={"num_ctx": 8192})
    assert e.value.status_code == 400 and "options.num_ctx" in e.value.error
    with pytest.raises(ollama.ResponseError) as e:
        client.embed(model="no-such-embedder", input="hello")
    assert e.value.status_code == 404


def test_embed_through_ollamas_client_ranks_related_sentences_closer(client: ollama.Client) -> None:
    texts = ["猫がソファの上で眠っている。", "A cat is sleeping on the sofa.", "The stock market fell sharply today."]
    out = client.embed(model="multilingual-e5-small", input=texts)
    vectors = [list(v) for v in out.embeddings]
    assert len(vectors) == 3 and len({len(v) for v in vectors}) == 1 and out.prompt_eval_count > 0

    def cos(a: list[float], b: list[float]) -> float:
        return sum(x * y for x, y in zip(a, b)) / (sum(x * x for x in a) ** 0.5 * sum(y * y for y in b) ** 0.5)

    assert cos(vectors[0], vectors[1]) > cos(vectors[0], vectors[2])
    # The older /api/embeddings (one prompt) gives the same vector as /api/embed for that text.
    legacy = client.embeddings(model="multilingual-e5-small:latest", prompt=texts[1])
    assert cos(list(legacy.embedding), vectors[1]) > 0.999


WEATHER = {"type": "function", "function": {
    "name": "get_weather", "description": "The current weather in a city.",
    "parameters": {"type": "object", "properties": {"city": {"type": "string", "maxLength": 20}},
                   "required": ["city"], "additionalProperties": False},
}}


def test_tool_call_history_is_translated(client: ollama.Client) -> None:
    """An assistant's tool call and the tool's answer (Ollama's format: arguments as an object, no ids,
    matched by name) reach the model as a call and its result. (Whether the 135M model then calls a
    tool on its own is up to it: Ollama has no tool_choice to force one; see the unit test below.)"""
    r = client.chat(model=DEFAULT_MODEL, tools=[WEATHER], options={"num_predict": 3}, messages=[
        {"role": "user", "content": "What is the weather in Tokyo?"},
        {"role": "assistant", "content": "", "tool_calls": [
            {"function": {"name": "get_weather", "arguments": {"city": "Tokyo"}}}]},
        {"role": "tool", "content": "Sunny, 21°C", "tool_name": "get_weather"},
    ])
    assert r.done and r.prompt_eval_count and r.prompt_eval_count > 20


def test_tool_calls_are_written_whole_as_ollama_does() -> None:
    """Unit test of the NDJSON encoder: streamed call pieces become one message.tool_calls with the
    arguments as an object, then the done line; the whole body carries the same."""
    from types import SimpleNamespace

    from kakehashi.api.ollama import NdjsonEncoder
    from kakehashi.protocol.ollama import chat_part
    from kakehashi.types import Finished, ToolCallDelta, Usage

    reply = SimpleNamespace(started_at=0.0, first_event_at=0.0)
    encoder = NdjsonEncoder(reply, lambda t: chat_part("m", t))  # type: ignore[arg-type]
    pieces = [ToolCallDelta(0, "call_1", "get_weather", '{"ci'), ToolCallDelta(0, arguments='ty": "東京"}')]
    assert all(encoder.tool_call(p) == b"" for p in pieces)
    lines = [json.loads(line) for line in encoder.end(Finished("tool_calls", Usage(9, 5))).splitlines()]
    assert lines[0]["message"]["tool_calls"] == [
        {"id": "call_1", "function": {"index": 0, "name": "get_weather", "arguments": {"city": "東京"}}}]
    assert lines[1]["done"] is True and lines[1]["done_reason"] == "stop" and lines[1]["eval_count"] == 5


def test_goes_through_routing(client: ollama.Client, kakehashi_server: str) -> None:
    r = httpx.post(f"{kakehashi_server}/api/chat", timeout=120, json={
        "model": "auto", "stream": False, "messages": [{"role": "user", "content": "日本の首都は？"}],
        "options": {"num_predict": 2},
    })
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-route-reason"] != "model:explicit"  # the router decided, not the name
    assert r.json()["model"] == DEFAULT_MODEL


async def test_disconnect_mid_stream_aborts(kakehashi_server: str) -> None:
    body = {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": "Write a very long story."}],
            "options": {"num_predict": 3000, "temperature": 0.8}}
    await long_generation_is_aborted(kakehashi_server, "/api/chat", body, marker='"content"')

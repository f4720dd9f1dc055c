"""Chat and completions through real HTTP against the real default model."""

from __future__ import annotations

import asyncio
import json
import os
import re

import httpx
import jsonschema
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME as DEFAULT_MODEL

pytestmark = pytest.mark.slow


def chat(base: str, **body: object) -> httpx.Response:
    payload = {
        "model": DEFAULT_MODEL,
        "messages": [{"role": "user", "content": "What is the capital of France?"}],
    }
    payload.update(body)
    return httpx.post(f"{base}/v1/chat/completions", json=payload, timeout=120)


def sse_events(text: str) -> list[str]:
    return [line[6:] for line in text.splitlines() if line.startswith("data: ")]


def test_chat_completion(kakehashi_server: str) -> None:
    r = chat(kakehashi_server, max_tokens=16, temperature=0)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["object"] == "chat.completion"
    assert body["model"] == DEFAULT_MODEL
    choice = body["choices"][0]
    assert choice["message"]["role"] == "assistant"
    assert choice["message"]["content"].strip()
    assert choice["finish_reason"] in ("stop", "length")
    usage = body["usage"]
    assert usage["prompt_tokens"] > 5
    assert 0 < usage["completion_tokens"] <= 16
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    assert r.headers["x-kakehashi-backend"] == "embedded"


def test_max_tokens_gives_length(kakehashi_server: str) -> None:
    r = chat(
        kakehashi_server,
        max_completion_tokens=3,
        temperature=0,
        messages=[{"role": "user", "content": "Write a long essay about the ocean."}],
    )
    body = r.json()
    assert body["usage"]["completion_tokens"] == 3
    assert body["choices"][0]["finish_reason"] == "length"


def test_streaming_with_usage_matches_non_streaming(kakehashi_server: str) -> None:
    plain = chat(kakehashi_server, max_tokens=24, temperature=0).json()
    r = chat(
        kakehashi_server, max_tokens=24, temperature=0, stream=True, stream_options={"include_usage": True}
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    events = sse_events(r.text)
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    assert text == plain["choices"][0]["message"]["content"]
    finish = [
        c["choices"][0]["finish_reason"] for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]
    ]
    assert finish == [plain["choices"][0]["finish_reason"]]
    usage_chunks = [c for c in chunks if c.get("usage")]
    assert len(usage_chunks) == 1 and usage_chunks[0]["choices"] == []
    assert usage_chunks[0]["usage"] == plain["usage"]


def test_stream_without_include_usage_has_no_usage(kakehashi_server: str) -> None:
    r = chat(kakehashi_server, max_tokens=4, stream=True)
    chunks = [json.loads(e) for e in sse_events(r.text)[:-1]]
    assert not any("usage" in c for c in chunks)


async def test_eight_concurrent_streams_equal_single_output(kakehashi_server: str) -> None:
    """At temperature 0, batching must not change any sequence's output."""
    prompt = "Name three colours of the rainbow."
    body = {
        "model": DEFAULT_MODEL,
        "messages": [{"role": "user", "content": prompt}],
        "max_tokens": 48,
        "temperature": 0,
    }
    async with httpx.AsyncClient(base_url=kakehashi_server, timeout=120) as client:
        single = (await client.post("/v1/chat/completions", json=body)).json()["choices"][0]["message"][
            "content"
        ]

        async def stream_one() -> str:
            parts = []
            async with client.stream("POST", "/v1/chat/completions", json={**body, "stream": True}) as r:
                assert r.status_code == 200
                async for line in r.aiter_lines():
                    if line.startswith("data: ") and line != "data: [DONE]":
                        c = json.loads(line[6:])
                        parts.append(c["choices"][0]["delta"].get("content", ""))
            return "".join(parts)

        outputs = await asyncio.gather(*(stream_one() for _ in range(8)))
    assert single.strip()
    assert outputs == [single] * 8


async def test_concurrent_different_prompts_are_independent(kakehashi_server: str) -> None:
    """Each sequence answers its own prompt: outputs in a batch equal their solo outputs."""
    prompts = ["Count from 1 to 5.", "Say hello in French.", "What colour is the sky?", "Name a fruit."]

    async def ask(client: httpx.AsyncClient, p: str) -> str:
        body = {
            "model": DEFAULT_MODEL,
            "messages": [{"role": "user", "content": p}],
            "max_tokens": 32,
            "temperature": 0,
        }
        return (await client.post("/v1/chat/completions", json=body)).json()["choices"][0]["message"][
            "content"
        ]

    async with httpx.AsyncClient(base_url=kakehashi_server, timeout=120) as client:
        solo = [await ask(client, p) for p in prompts]
        together = await asyncio.gather(*(ask(client, p) for p in prompts))
    assert together == solo
    assert len(set(solo)) == len(solo)


def test_stop_string_is_never_emitted(kakehashi_server: str) -> None:
    base = chat(
        kakehashi_server,
        max_tokens=40,
        temperature=0,
        messages=[{"role": "user", "content": "Count from 1 to 20, separated by commas."}],
    ).json()
    full = base["choices"][0]["message"]["content"]
    assert "5" in full, full
    stop = full[full.index("5") : full.index("5") + 2]  # spans what follows: matched across token edges
    cut = full[: full.index(stop)]
    for stream in (False, True):
        r = chat(
            kakehashi_server,
            max_tokens=40,
            temperature=0,
            stop=[stop, "zzz-never"],
            stream=stream,
            messages=[{"role": "user", "content": "Count from 1 to 20, separated by commas."}],
        )
        if stream:
            chunks = [json.loads(e) for e in sse_events(r.text)[:-1]]
            text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
            finish = [
                c["choices"][0]["finish_reason"]
                for c in chunks
                if c["choices"] and c["choices"][0]["finish_reason"]
            ]
            assert finish == ["stop"]
        else:
            text = r.json()["choices"][0]["message"]["content"]
            assert r.json()["choices"][0]["finish_reason"] == "stop"
        assert text == cut
        assert stop not in text


def test_json_schema_output_parses_and_validates(kakehashi_server: str) -> None:
    schema = {
        "type": "object",
        "properties": {
            "city": {"type": "string"},
            "country": {"type": "string"},
            "population_millions": {"type": "number"},
        },
        "required": ["city", "country", "population_millions"],
        "additionalProperties": False,
    }
    r = chat(
        kakehashi_server,
        max_tokens=120,
        temperature=0,
        messages=[{"role": "user", "content": "Describe Paris as JSON with city, country and population."}],
        response_format={"type": "json_schema", "json_schema": {"name": "city", "schema": schema}},
    )
    assert r.status_code == 200, r.text
    data = json.loads(r.json()["choices"][0]["message"]["content"])
    jsonschema.validate(data, schema)


BOUNDED = {"type": "object", "properties": {"n": {"type": "integer", "minimum": 3, "maximum": 7}},
           "required": ["n"], "additionalProperties": False}


def test_json_schema_integer_bounds_are_enforced(kakehashi_server: str) -> None:
    """minimum/maximum on an integer hold at every seed (llama-cpp-python's converter used to drop them)."""
    seen = set()
    for seed in range(6):
        r = chat(kakehashi_server, max_tokens=20, temperature=1.5, seed=seed,
                 messages=[{"role": "user", "content": "Pick any number, for example 100 or -4, as JSON."}],
                 response_format={"type": "json_schema", "json_schema": {"name": "n", "schema": BOUNDED}})
        assert r.status_code == 200, r.text
        data = json.loads(r.json()["choices"][0]["message"]["content"])
        jsonschema.validate(data, BOUNDED)
        seen.add(data["n"])
    assert seen <= set(range(3, 8))


def test_json_schema_keyword_the_grammar_cannot_enforce_is_a_400(kakehashi_server: str) -> None:
    schema = {"type": "object", "properties": {"p": {"type": "integer", "multipleOf": 5}}}
    r = chat(kakehashi_server, max_tokens=5,
             response_format={"type": "json_schema", "json_schema": {"name": "p", "schema": schema}})
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["param"] == "response_format" and "'multipleOf'" in error["message"]


def test_json_object_output_parses(kakehashi_server: str) -> None:
    r = chat(
        kakehashi_server,
        max_tokens=200,
        temperature=0,
        response_format={"type": "json_object"},
        messages=[{"role": "user", "content": "Describe a cat as a JSON object with keys name and color."}],
    )
    choice = r.json()["choices"][0]
    assert choice["finish_reason"] == "stop"  # the grammar let the model close the object itself
    assert isinstance(json.loads(choice["message"]["content"]), dict)


def test_japanese_round_trip(kakehashi_server: str) -> None:
    r = chat(
        kakehashi_server,
        max_tokens=16,
        temperature=0,
        messages=[{"role": "user", "content": "こんにちは、元気ですか？"}],
    )
    assert r.status_code == 200
    content = r.json()["choices"][0]["message"]["content"]
    assert "\ufffd" not in content  # multi-byte characters never split across chunks


def test_completions_endpoint(kakehashi_server: str) -> None:
    r = httpx.post(
        f"{kakehashi_server}/v1/completions",
        timeout=60,
        json={
            "model": DEFAULT_MODEL,
            "prompt": "The capital of France is",
            "max_tokens": 5,
            "temperature": 0,
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["object"] == "text_completion"
    assert body["choices"][0]["text"]
    assert body["usage"]["completion_tokens"] <= 5
    s = httpx.post(
        f"{kakehashi_server}/v1/completions",
        timeout=60,
        json={
            "model": DEFAULT_MODEL,
            "prompt": "The capital of France is",
            "max_tokens": 5,
            "temperature": 0,
            "stream": True,
        },
    )
    events = sse_events(s.text)
    assert events[-1] == "[DONE]"
    text = "".join(json.loads(e)["choices"][0]["text"] for e in events[:-1])
    assert text == body["choices"][0]["text"]


def test_models_lists_default(kakehashi_server: str) -> None:
    r = httpx.get(f"{kakehashi_server}/v1/models")
    assert r.status_code == 200
    ids = [m["id"] for m in r.json()["data"]]
    assert DEFAULT_MODEL in ids
    assert {"auto", "local"} <= set(ids)  # routed aliases (no cloud configured: no "cloud")
    assert "cloud" not in ids


def test_metrics_exposes_serving_counters(kakehashi_server: str) -> None:
    chat(kakehashi_server, max_tokens=2)
    text = httpx.get(f"{kakehashi_server}/metrics").text
    assert 'kakehashi_requests_total{path="/v1/chat/completions",status="200"}' in text
    assert "kakehashi_time_to_first_token_seconds_bucket" in text
    assert 'kakehashi_tokens_total{kind="completion",model="smollm2-135m-instruct"}' in text
    assert "kakehashi_queue_depth" in text and "kakehashi_running_sequences" in text
    threads = re.search(r'^kakehashi_engine_threads\{model="smollm2-135m-instruct"\} ([0-9.]+)$', text, re.MULTILINE)
    assert threads is not None and 1 <= float(threads.group(1)) <= (os.cpu_count() or 1)
    for counter in ("lookups", "hits", "tokens_reused", "copies", "host_saves", "host_restores", "host_evictions"):
        assert f'kakehashi_prefix_cache_{counter}_total{{model="smollm2-135m-instruct"}}' in text


def test_openai_python_client(kakehashi_server: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{kakehashi_server}/v1", api_key="unused")
    assert DEFAULT_MODEL in [m.id for m in client.models.list().data]
    out = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Say hi"}], max_tokens=8, temperature=0
    )
    assert out.choices[0].message.content
    assert out.usage is not None and out.usage.completion_tokens <= 8
    stream = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[{"role": "user", "content": "Say hi"}],
        max_tokens=8,
        temperature=0,
        stream=True,
        stream_options={"include_usage": True},
    )
    pieces, usage = [], None
    for chunk in stream:
        if chunk.choices:
            pieces.append(chunk.choices[0].delta.content or "")
        if chunk.usage:
            usage = chunk.usage
    assert "".join(pieces) == out.choices[0].message.content
    assert usage is not None and usage.completion_tokens == out.usage.completion_tokens
    comp = client.completions.create(model=DEFAULT_MODEL, prompt="One, two,", max_tokens=4, temperature=0)
    assert comp.choices[0].text

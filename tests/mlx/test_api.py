"""`kakehashi serve --engine mlx` through real HTTP, with the official `openai` client."""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

import httpx
import jsonschema
import openai
import pytest

from tests.mlx.conftest import MODEL, TIMEOUT

pytestmark = pytest.mark.slow

QUESTION = [{"role": "user", "content": "What is the capital of France?"}]


def client(base: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key="unused", timeout=TIMEOUT, max_retries=0)


def running_sequences(base: str) -> float:
    text = httpx.get(f"{base}/metrics", timeout=30).text
    found = re.search(rf'^kakehashi_running_sequences\{{model="{MODEL}"\}} ([0-9.e+]+)$', text, re.MULTILINE)
    assert found, text
    return float(found.group(1))


def test_chat_non_streamed_and_streamed_agree(mlx_server: str) -> None:
    c = client(mlx_server)
    plain = c.chat.completions.create(model=MODEL, messages=QUESTION, max_tokens=8, temperature=0)  # type: ignore[arg-type]
    choice = plain.choices[0]
    assert choice.message.content and "Paris" in choice.message.content
    assert choice.finish_reason in ("stop", "length")
    assert plain.usage is not None and 0 < plain.usage.completion_tokens <= 8
    chunks = list(c.chat.completions.create(model=MODEL, messages=QUESTION, max_tokens=8, temperature=0,  # type: ignore[arg-type]
                                            stream=True, stream_options={"include_usage": True}))
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    assert text == choice.message.content
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == plain.usage.completion_tokens


def test_concurrent_streams(mlx_server: str) -> None:
    prompts = ["Name a color.", "Name a fruit.", "Say hello.", "東京について一文で教えてください。"]

    async def one(c: openai.AsyncOpenAI, text: str) -> tuple[str, str | None]:
        stream = await c.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": text}], max_tokens=6, temperature=0, stream=True
        )
        parts, finish = [], None
        async for chunk in stream:
            if chunk.choices:
                parts.append(chunk.choices[0].delta.content or "")
                finish = chunk.choices[0].finish_reason or finish
        return "".join(parts), finish

    async def main() -> list[tuple[str, str | None]]:
        async with openai.AsyncOpenAI(base_url=f"{mlx_server}/v1", api_key="x", timeout=TIMEOUT, max_retries=0) as c:
            return await asyncio.gather(*(one(c, p) for p in prompts))

    results = asyncio.run(main())
    assert len(results) == 4
    for text, finish in results:
        assert text.strip()
        assert finish in ("stop", "length")


def test_stop_string_and_seed(mlx_server: str) -> None:
    c = client(mlx_server)
    messages = [{"role": "user", "content": "Write one sentence about the sea."}]
    full = c.chat.completions.create(model=MODEL, messages=messages, max_tokens=12, temperature=0)  # type: ignore[arg-type]
    text = full.choices[0].message.content or ""
    words = text.split()
    assert len(words) >= 4, text
    stop = " " + words[3]
    cut = c.chat.completions.create(model=MODEL, messages=messages, max_tokens=12, temperature=0, stop=[stop])  # type: ignore[arg-type]
    assert cut.choices[0].message.content == text[: text.index(stop)]
    assert cut.choices[0].finish_reason == "stop"

    def seeded() -> str:
        r = c.chat.completions.create(model=MODEL, messages=messages, max_tokens=8, temperature=1.0, seed=1234)  # type: ignore[arg-type]
        return r.choices[0].message.content or ""

    assert seeded() == seeded()


def test_refusals_name_the_field(mlx_server: str) -> None:
    for field, extra in (("top_p", {"top_p": 1.5}), ("n", {"n": 2}), ("logprobs", {"logprobs": True})):
        r = httpx.post(f"{mlx_server}/v1/chat/completions", timeout=TIMEOUT,
                       json={"model": MODEL, "messages": QUESTION, "max_tokens": 4, **extra})
        assert r.status_code == 400, (field, r.text)
        assert r.json()["error"]["param"] == field


CITY = {
    "type": "object",
    "properties": {"city": {"type": "string", "maxLength": 30}, "country": {"type": "string", "maxLength": 30},
                   "population_millions": {"type": "number"}},
    "required": ["city", "country", "population_millions"],
    "additionalProperties": False,
}


@pytest.mark.parametrize("stream", [False, True])
def test_json_schema_output_validates(mlx_server: str, stream: bool) -> None:
    """response_format json_schema is grammar-constrained on MLX too (llguidance token masks)."""
    kw: dict[str, Any] = {
        "model": MODEL, "max_tokens": 120, "temperature": 0,
        "messages": [{"role": "user", "content": "Describe Paris as JSON with city, country and population."}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "city", "schema": CITY}},
    }
    if stream:
        chunks = list(client(mlx_server).chat.completions.create(stream=True, **kw))
        text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
        finish = next(ch.choices[0].finish_reason for ch in reversed(chunks) if ch.choices)
    else:
        r = client(mlx_server).chat.completions.create(**kw)
        text, finish = r.choices[0].message.content or "", r.choices[0].finish_reason
    assert finish == "stop", text  # the grammar let the model close the object itself
    jsonschema.validate(json.loads(text), CITY)


def test_json_object_and_sampled_schema_output(mlx_server: str) -> None:
    """json_object at temperature 0, and a schema under sampling at temperature 1 (masks before the draw)."""
    c = client(mlx_server)
    r = c.chat.completions.create(model=MODEL, max_tokens=150, temperature=0, response_format={"type": "json_object"},
                                  messages=[{"role": "user", "content": "Describe a cat as JSON with name and color."}])
    assert isinstance(json.loads(r.choices[0].message.content or ""), dict)
    schema = {"type": "object", "properties": {"n": {"type": "integer", "minimum": 3, "maximum": 7},
                                               "ok": {"type": "boolean"}},
              "required": ["n", "ok"], "additionalProperties": False}
    for seed in range(4):  # integer bounds hold at every seed
        r = c.chat.completions.create(model=MODEL, max_tokens=40, temperature=1.5, seed=seed,
                                      messages=[{"role": "user", "content": "Pick a number, e.g. 100."}],  # type: ignore[arg-type]
                                      response_format={"type": "json_schema",
                                                       "json_schema": {"name": "d", "schema": schema}})
        jsonschema.validate(json.loads(r.choices[0].message.content or ""), schema)


WEATHER = {"type": "object", "properties": {"city": {"type": "string", "maxLength": 24}},
           "required": ["city"], "additionalProperties": False}


def test_required_tool_call_is_schema_valid(mlx_server: str) -> None:
    tools: list[Any] = [{"type": "function", "function": {"name": "get_weather", "description": "Weather in a city",
                                                          "parameters": WEATHER}}]
    r = client(mlx_server).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "What is the weather in Paris right now?"}],
        tools=tools, tool_choice="required", parallel_tool_calls=False, max_tokens=80, temperature=0)
    assert r.choices[0].finish_reason == "tool_calls"
    calls = r.choices[0].message.tool_calls or []
    assert len(calls) == 1 and calls[0].function.name == "get_weather"
    jsonschema.validate(json.loads(calls[0].function.arguments), WEATHER)


def test_cancel_mid_stream_frees_the_sequence(mlx_server: str) -> None:
    body = {"model": MODEL, "messages": [{"role": "user", "content": "Write a long story about a dragon."}],
            "max_tokens": 400, "temperature": 0, "stream": True}
    with httpx.stream("POST", f"{mlx_server}/v1/chat/completions", json=body, timeout=TIMEOUT) as r:
        assert r.status_code == 200
        seen = 0
        for line in r.iter_lines():
            if line.startswith("data: "):
                seen += 1
            if seen >= 3:
                break
        assert running_sequences(mlx_server) >= 1
    deadline = time.monotonic() + 60
    while running_sequences(mlx_server) > 0:
        assert time.monotonic() < deadline, "the aborted sequence still holds its place in the batch"
        time.sleep(0.2)
    r2 = client(mlx_server).chat.completions.create(model=MODEL, messages=QUESTION, max_tokens=3, temperature=0)  # type: ignore[arg-type]
    assert r2.choices[0].message.content


def test_full_queue_gives_503_with_retry_after(mlx_server: str) -> None:
    """4 slots + 4 waiting places: of 12 simultaneous long requests some are refused at once."""
    body = {"model": MODEL, "messages": QUESTION, "max_tokens": 300, "temperature": 0, "stream": True}

    async def one(c: httpx.AsyncClient) -> tuple[int, str | None]:
        async with c.stream("POST", "/v1/chat/completions", json=body) as r:
            return r.status_code, r.headers.get("retry-after")  # leaving the block aborts the stream

    async def main() -> list[tuple[int, str | None]]:
        async with httpx.AsyncClient(base_url=mlx_server, timeout=TIMEOUT) as c:
            return await asyncio.gather(*(one(c) for _ in range(12)))

    results = asyncio.run(main())
    refused = [retry for status, retry in results if status == 503]
    assert refused and all(retry is not None for retry in refused), results
    assert sum(status == 200 for status, _ in results) >= 1

"""`kakehashi serve --engine mlx` through real HTTP, with the official `openai` client."""

from __future__ import annotations

import asyncio
import re
import time

import httpx
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
    r = httpx.post(f"{mlx_server}/v1/chat/completions", timeout=TIMEOUT, json={
        "model": MODEL, "messages": QUESTION, "max_tokens": 4,
        "response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}},
    })
    assert r.status_code == 400, r.text
    assert r.json()["error"]["param"] == "response_format"
    tool = {"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}
    for field, extra in (("top_p", {"top_p": 1.5}), ("n", {"n": 2}), ("logprobs", {"logprobs": True}),
                         ("tools", {"tools": [tool]})):
        r = httpx.post(f"{mlx_server}/v1/chat/completions", timeout=TIMEOUT,
                       json={"model": MODEL, "messages": QUESTION, "max_tokens": 4, **extra})
        assert r.status_code == 400, (field, r.text)
        assert r.json()["error"]["param"] == field


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

"""Bad input gets OpenAI-style errors with the right status, and loses nothing."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

import httpx
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME as DEFAULT_MODEL
from tests.conftest import running_server

pytestmark = pytest.mark.slow


def assert_openai_error(r: httpx.Response, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"}
    assert err["message"]
    if code is not None:
        assert err["code"] == code
    return err


def post(base: str, body: object, **kw: object) -> httpx.Response:
    return httpx.post(f"{base}/v1/chat/completions", json=body, timeout=60, **kw)  # type: ignore[arg-type]


def test_400_cases(kakehashi_server: str) -> None:
    base = kakehashi_server
    r = httpx.post(
        f"{base}/v1/chat/completions",
        content=b"{not json",
        timeout=10,
        headers={"content-type": "application/json"},
    )
    assert_openai_error(r, 400)
    err = assert_openai_error(post(base, {"model": DEFAULT_MODEL}), 400)
    assert err["param"] == "messages"
    err = assert_openai_error(
        post(
            base, {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": "x"}], "temperature": 9}
        ),
        400,
    )
    assert err["param"] == "temperature"
    assert_openai_error(
        post(base, {"model": DEFAULT_MODEL, "messages": [{"role": "wizard", "content": "x"}]}), 400
    )
    assert_openai_error(
        post(
            base,
            {
                "model": DEFAULT_MODEL,
                "messages": [{"role": "user", "content": "x"}],
                "response_format": {"type": "json_schema"},
            },
        ),
        400,
    )


def test_context_length_exceeded_before_any_work(kakehashi_server: str) -> None:
    long_prompt = "word " * 6000  # > the 4096-token context of the test server
    r = post(
        kakehashi_server, {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": long_prompt}]}
    )
    err = assert_openai_error(r, 400, "context_length_exceeded")
    assert "4096" in err["message"]
    # The server is unharmed.
    ok = post(
        kakehashi_server,
        {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 2},
    )
    assert ok.status_code == 200


def test_404_unknown_model_and_route(kakehashi_server: str) -> None:
    r = post(kakehashi_server, {"model": "no-such-model", "messages": [{"role": "user", "content": "x"}]})
    err = assert_openai_error(r, 404, "model_not_found")
    assert "no-such-model" in err["message"]
    assert_openai_error(httpx.get(f"{kakehashi_server}/v1/nothing-here"), 404)


def test_413_body_too_large(kakehashi_server: str) -> None:
    huge = "x" * (9 * 1024 * 1024)
    r = post(kakehashi_server, {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": huge}]})
    assert_openai_error(r, 413, "request_too_large")


def test_413_chunked_body_without_length(kakehashi_server: str) -> None:
    def body():  # a generator body is sent chunked: no Content-Length to check up front
        for _ in range(10):
            yield b"x" * (1024 * 1024)

    r = httpx.post(
        f"{kakehashi_server}/v1/chat/completions",
        content=body(),
        timeout=60,
        headers={"content-type": "application/json"},
    )
    assert_openai_error(r, 413, "request_too_large")


def test_401_and_auth(tmp_path) -> None:
    with running_server("--api-key", "sk-test-123", "--slots", "2", "--ctx-size", "512") as base:
        body = {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 2}
        assert_openai_error(post(base, body), 401, "invalid_api_key")
        assert_openai_error(post(base, body, headers={"Authorization": "Bearer wrong"}), 401)
        assert_openai_error(httpx.get(f"{base}/v1/models"), 401)
        assert httpx.get(f"{base}/health").status_code == 200  # liveness stays public
        ok = post(base, body, headers={"Authorization": "Bearer sk-test-123"})
        assert ok.status_code == 200
        assert (
            "sk-test-123"
            not in httpx.get(f"{base}/v1/models", headers={"Authorization": "Bearer sk-test-123"}).text
        )


def test_refuses_public_bind_without_key() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "kakehashi", "serve", "--host", "0.0.0.0", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 2
    assert "--api-key" in r.stderr


async def test_503_when_queue_full_and_others_unaffected() -> None:
    with running_server("--slots", "1", "--max-waiting", "1", "--ctx-size", "1024") as base:
        long = {
            "model": DEFAULT_MODEL,
            "messages": [{"role": "user", "content": "Write a very long story."}],
            "max_tokens": 400,
            "temperature": 0,
        }
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            running = asyncio.create_task(client.post("/v1/chat/completions", json=long))
            await _wait_metric(client, "kakehashi_running_sequences", 1)
            waiting = asyncio.create_task(client.post("/v1/chat/completions", json={**long, "max_tokens": 4}))
            await _wait_metric(client, "kakehashi_queue_depth", 1)
            rejected = await client.post("/v1/chat/completions", json={**long, "max_tokens": 4})
            assert_openai_error(rejected, 503, "overloaded")
            assert int(rejected.headers["retry-after"]) >= 1
            first, second = await asyncio.gather(running, waiting)
        assert first.status_code == 200 and first.json()["usage"]["completion_tokens"] > 4
        assert second.status_code == 200 and second.json()["usage"]["completion_tokens"] <= 4


async def _wait_metric(client: httpx.AsyncClient, name: str, value: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = (await client.get("/metrics")).text
        for line in text.splitlines():
            if line.startswith(name + "{") and float(line.rsplit(" ", 1)[1]) == value:
                return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{name} never reached {value}")


async def test_disconnect_frees_the_slot() -> None:
    """With ONE slot: a client that leaves mid-stream (or mid non-stream) must free it for the next."""
    with running_server("--slots", "1", "--ctx-size", "2048") as base:
        endless = {
            "model": DEFAULT_MODEL,
            "messages": [{"role": "user", "content": "Write a very long story."}],
            "max_tokens": 1900,
            "temperature": 0.8,
            "stream": True,
        }
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            async with client.stream("POST", "/v1/chat/completions", json=endless) as r:
                async for line in r.aiter_lines():
                    if '"content"' in line and '"content":""' not in line:
                        break  # got a token: now vanish
            await _wait_metric(client, "kakehashi_running_sequences", 0)
            # Non-streaming: the client times out and closes the connection.
            with pytest.raises(httpx.ReadTimeout):
                await client.post("/v1/chat/completions", json={**endless, "stream": False}, timeout=1.0)
            await _wait_metric(client, "kakehashi_running_sequences", 0)
            ok = await client.post("/v1/chat/completions", json={**endless, "stream": False, "max_tokens": 3})
            assert ok.status_code == 200


async def test_long_prompts_tokenized_off_the_loop_still_abort_and_report_context_errors() -> None:
    """Prompts above TOKENIZE_INLINE_MAX_CHARS take the worker-thread path: same errors, same abort."""
    from kakehashi.backends.local import TOKENIZE_INLINE_MAX_CHARS

    story = "The lighthouse keeper counted the ships. " * 110  # ~4,500 characters, ~800 tokens
    assert len(story) > TOKENIZE_INLINE_MAX_CHARS
    with running_server("--slots", "1", "--ctx-size", "2048") as base:
        long_prompt = {
            "model": DEFAULT_MODEL,
            "messages": [{"role": "user", "content": story + " Go on."}],
            "max_tokens": 1000,
            "temperature": 0.8,
            "stream": True,
        }
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            async with client.stream("POST", "/v1/chat/completions", json=long_prompt) as r:
                assert r.status_code == 200
                async for line in r.aiter_lines():
                    if '"content"' in line and '"content":""' not in line:
                        break  # got a token: now vanish
            await _wait_metric(client, "kakehashi_running_sequences", 0)
            too_long = {**long_prompt, "stream": False, "messages": [{"role": "user", "content": story * 4}]}
            rejected = await client.post("/v1/chat/completions", json=too_long)
            assert_openai_error(rejected, 400, "context_length_exceeded")
            ok = await client.post("/v1/chat/completions", json={**long_prompt, "stream": False, "max_tokens": 3})
            assert ok.status_code == 200 and ok.json()["usage"]["prompt_tokens"] > 700

"""A dead MLX engine loop fails every request at once, then /health and new requests say 503 (as on llama.cpp)."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx

from kakehashi.engine.engine import TEST_FAIL_DECODE_AFTER_ENV
from tests.conftest import running_server
from tests.mlx.conftest import MODEL, TIMEOUT


def test_a_dead_mlx_engine_fails_requests_then_503(tmp_path: Path) -> None:
    env = {TEST_FAIL_DECODE_AFTER_ENV: "2"}  # the 3rd step raises, as an out-of-memory forward pass would
    log = tmp_path / "serve.log"
    with running_server("--engine", "mlx", "--slots", "2", "--ctx-size", "512", "--log-level", "info",
                        env=env, log=log) as base:
        results: list[httpx.Response] = []

        def one() -> None:
            body = {"model": MODEL, "max_tokens": 32, "messages": [{"role": "user", "content": "Tell a story."}]}
            results.append(httpx.post(f"{base}/v1/chat/completions", json=body, timeout=TIMEOUT))

        threads = [threading.Thread(target=one) for _ in range(3)]  # two run, one waits for a slot
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=TIMEOUT)
        assert all(not t.is_alive() for t in threads), "a request hung on the dead engine"
        assert sorted({r.status_code for r in results}) <= [500, 503], [r.text for r in results]
        after = httpx.post(f"{base}/v1/chat/completions", timeout=60,
                           json={"model": MODEL, "max_tokens": 4, "messages": [{"role": "user", "content": "hi"}]})
        assert after.status_code == 503 and after.json()["error"]["code"] == "engine_failed"
        health = httpx.get(f"{base}/health", timeout=10)
        assert health.status_code == 503 and "decode failed" in health.json()["error"]
    assert "died: RuntimeError: decode failed" in log.read_text(errors="replace")

"""Engine death and SIGTERM against real `kakehashi serve` processes on the real default model."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from kakehashi.engine.engine import TEST_FAIL_DECODE_AFTER_ENV
from tests.conftest import free_port, running_server

pytestmark = pytest.mark.slow

SMALL = ("--slots", "4", "--ctx-size", "512", "--threads", "1")


def chat(base: str, content: str = "Count from one to ten.", **body: Any) -> httpx.Response:
    payload = {"model": "auto", "max_tokens": 8, "messages": [{"role": "user", "content": content}], **body}
    return httpx.post(f"{base}/v1/chat/completions", json=payload, timeout=180)


def rows(ledger: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT status, http_status, stream FROM requests ORDER BY id").fetchall()


def gauge(base: str, name: str) -> float:
    for line in httpx.get(f"{base}/metrics", timeout=10).text.splitlines():
        if line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not in /metrics")


def test_a_dead_engine_fails_in_flight_and_queued_requests_at_once_then_503(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    # The 3rd engine step raises: by then the requests below are all in flight or queued.
    env = {TEST_FAIL_DECODE_AFTER_ENV: "2", "KAKEHASHI_LEDGER": str(ledger)}
    with running_server(*SMALL, "--log-level", "info", env=env, log=tmp_path / "serve.log") as base:
        results: list[httpx.Response] = []
        streamed: list[list[str]] = []

        def one_stream() -> None:
            body = {"model": "auto", "max_tokens": 64, "stream": True,
                    "messages": [{"role": "user", "content": "Tell a long story."}]}
            with httpx.stream("POST", f"{base}/v1/chat/completions", json=body, timeout=180) as r:
                streamed.append([ln for ln in r.iter_lines() if ln.startswith("data: ")])

        threads = [threading.Thread(target=lambda: results.append(chat(base, max_tokens=64))) for _ in range(5)]
        threads.append(threading.Thread(target=one_stream))
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=180)
        assert all(not t.is_alive() for t in threads), "a request hung on the dead engine"
        # Whether a request was running or still queued, or arrived after the death: an error, never a hang.
        assert sorted({r.status_code for r in results}) <= [500, 503], [r.text for r in results]
        assert streamed and '"error"' in streamed[0][-2] and streamed[0][-1] == "data: [DONE]"
        after = chat(base)
        assert after.status_code == 503 and after.json()["error"]["code"] == "engine_failed"
        health = httpx.get(f"{base}/health", timeout=10)
        assert health.status_code == 503 and "decode failed" in health.json()["error"]
        assert gauge(base, "kakehashi_running_sequences") == 0 and gauge(base, "kakehashi_queue_depth") == 0
    log = (tmp_path / "serve.log").read_text(errors="replace")
    assert "engine loop for" in log and "died: RuntimeError: decode failed" in log
    assert len(rows(ledger)) == 7  # one row per request, each an error
    assert all(status != "ok" for status, _, _ in rows(ledger))


def test_sigterm_drains_the_stream_in_flight_flushes_the_ledger_and_exits_0(tmp_path: Path) -> None:
    ledger, port = tmp_path / "ledger.sqlite3", free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kakehashi", "serve", "--port", str(port), *SMALL, "--drain-timeout", "120"],
        env={**os.environ, "KAKEHASHI_LEDGER": str(ledger)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline
            time.sleep(0.1)
        body = {"model": "auto", "max_tokens": 24, "stream": True,
                "messages": [{"role": "user", "content": "Count from one to twenty."}]}
        lines: list[str] = []
        with httpx.stream("POST", f"{base}/v1/chat/completions", json=body, timeout=180) as r:
            for line in r.iter_lines():
                if line.startswith("data: ") and not lines:
                    proc.send_signal(signal.SIGTERM)  # mid-stream: the first chunk has arrived
                lines.append(line)
        # After SIGTERM nothing new is served: the listener is closed (or a 503 while it closes).
        try:
            late = httpx.get(f"{base}/v1/models", timeout=5).status_code
        except httpx.HTTPError:
            late = None
        assert late in (None, 503)
        assert proc.wait(timeout=120) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    data = [ln for ln in lines if ln.startswith("data: ")]
    # Finished, not cut: a finish reason and [DONE] after the chunks that came once SIGTERM was sent.
    assert data[-1] == "data: [DONE]" and re.search(r'"finish_reason":"(stop|length)"', data[-2])
    assert len(data) > 3
    assert rows(ledger) == [("ok", 200, 1)]  # written before exit

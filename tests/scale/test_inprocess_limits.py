"""Rate limits in the embedded default: one kakehashi, no Redis, in-process windows."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.scale.test_replicas import replica
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def upstream() -> Iterator[FaultUpstream]:
    with FaultUpstream() as up:
        yield up


def test_rpm_and_tpm_limits_without_redis(tmp_path: Path, upstream: FaultUpstream) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    toml = f"""
models = []

[backends.fake]
base_url = "{upstream.base_url}"
kind = "local"
models = ["echo"]

[routing]
local = "fake/echo"

[accounting]
ledger = "{ledger}"

[rate_limits]
requests_per_minute = 3
per_key_tokens_per_minute = 100
"""
    with replica(tmp_path, "solo", toml) as gw:
        too_big = gw.chat("echo", "hello", max_tokens=200)
        assert too_big.status_code == 429
        assert too_big.json()["error"]["type"] == "tokens" and "too large" in too_big.json()["error"]["message"]
        answers = [gw.chat("echo", f"hello {i}") for i in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert answers[0].headers["x-ratelimit-remaining-requests"] == "2"
    assert answers[0].headers["x-ratelimit-limit-tokens"] == "100"
    assert int(answers[0].headers["x-ratelimit-remaining-tokens"]) < 100
    refused = answers[3]
    assert set(refused.json()["error"]) == {"message", "type", "param", "code"}
    assert refused.json()["error"]["code"] == "rate_limit_exceeded"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    deadline = time.monotonic() + 10
    while True:
        with sqlite3.connect(ledger) as conn:
            statuses = [s for (s,) in conn.execute("SELECT http_status FROM requests ORDER BY id")]
        if len(statuses) >= 5 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert statuses == [429, 200, 200, 200, 429]  # refused requests are accounted too, once each


def test_a_bad_state_section_stops_serve_with_one_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[state]\nredis = "http://127.0.0.1:6379"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kakehashi", "serve", "--config", str(config)],
                          check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "state.redis" in done.stderr and "redis://" in done.stderr


def test_probes_need_no_key_when_the_api_does(
    tmp_path: Path, upstream: FaultUpstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    monkeypatch.setenv("KK_TEST_KEYS", "sekrit")
    toml = f"""
models = []

[server]
api_key_env = "KK_TEST_KEYS"

[backends.fake]
base_url = "{upstream.base_url}"
kind = "local"
models = ["echo"]

[routing]
local = "fake/echo"

[accounting]
ledger = "{tmp_path / 'ledger.sqlite3'}"
"""
    with replica(tmp_path, "keyed", toml) as gw:
        for path in ("/health", "/health/live", "/health/ready"):
            assert httpx.get(gw.base + path, timeout=10).status_code == 200
        assert httpx.get(gw.base + "/metrics", timeout=10).status_code == 401
        assert gw.chat("echo", "no key").status_code == 401

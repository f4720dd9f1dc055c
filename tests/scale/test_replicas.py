"""Two kakehashi replicas sharing a real PostgreSQL ledger and a real Redis, in front of one upstream.

Started here from the Debian packages' binaries (tests/services.py); skipped, with the reason, when
they are not installed. The replicas run with `models = []` (a pure gateway, no model loaded): the
fault upstream (tests/upstreams/fault_upstream.py) is both the "local" and the priced "cloud" backend.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.conftest import free_port
from tests.services import (
    PostgresServer,
    RedisServer,
    postgres_missing,
    postgres_server,
    redis_missing,
    redis_server,
)
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

PRICE = 1000.0  # per 1M tokens, input and output: 0.001 per token


@pytest.fixture(scope="module")
def pg() -> Iterator[PostgresServer]:
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    with postgres_server() as server:
        yield server


@pytest.fixture
def redis() -> Iterator[RedisServer]:
    reason = redis_missing()
    if reason:
        pytest.skip(reason)
    with redis_server() as server:
        yield server


@pytest.fixture(scope="module")
def upstream() -> Iterator[FaultUpstream]:
    with FaultUpstream() as up:
        yield up


@pytest.fixture
def fresh_ledger(pg: PostgresServer) -> str:
    with psycopg.connect(pg.url) as conn:
        conn.execute("DROP TABLE IF EXISTS requests, schema_version")
    return pg.url


@dataclass
class Replica:
    base: str
    proc: subprocess.Popen[bytes]
    log: Path

    def chat(self, model: str, content: str, max_tokens: int = 4, **kw: object) -> httpx.Response:
        body = {"model": model, "messages": [{"role": "user", "content": content}], "max_tokens": max_tokens, **kw}
        return httpx.post(f"{self.base}/v1/chat/completions", json=body, timeout=60)


def _toml(upstream: FaultUpstream, ledger: str, spool: Path, redis_url: str, extra: str) -> str:
    return f"""
models = []

[backends.fake]
base_url = "{upstream.base_url}"
kind = "local"
models = ["echo"]

[backends.cloudy]
base_url = "{upstream.base_url}"
kind = "cloud"
models = ["gpt-test"]
prices = {{ "gpt-test" = {{ input = {PRICE}, output = {PRICE} }} }}

[routing]
local = "fake/echo"
cloud = "cloudy/gpt-test"
retries = 0

[accounting]
ledger = "{ledger}"
spool = "{spool}"

[state]
redis = "{redis_url}"
timeout_s = 0.2
{extra}
"""


@contextmanager
def replica(tmp: Path, name: str, toml: str) -> Iterator[Replica]:
    config = tmp / f"{name}.toml"
    config.write_text(toml, encoding="utf-8")
    log = tmp / f"{name}.log"
    port = free_port()
    cmd = [sys.executable, "-m", "kakehashi", "serve", "--config", str(config), "--port", str(port),
           "--log-level", "warning"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"replica {name} exited {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"replica {name} not ready in 60 s")
            time.sleep(0.1)
        yield Replica(base, proc, log)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # graceful: the ledger is flushed (or spooled) first
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def two_replicas(tmp: Path, toml_a: str, toml_b: str | None = None) -> Iterator[tuple[Replica, Replica]]:
    with ExitStack() as stack:
        a = stack.enter_context(replica(tmp, "a", toml_a))
        b = stack.enter_context(replica(tmp, "b", toml_b or toml_a))
        yield a, b


def ledger_rows(url: str, expected: int, timeout: float = 30.0) -> list[tuple[str, str, float, int]]:
    """(request_id, backend, cost, http_status) of every row, waiting up to `timeout` for `expected`."""
    deadline = time.monotonic() + timeout
    while True:
        with psycopg.connect(url) as conn:
            rows = conn.execute(
                "SELECT request_id, backend, cost, http_status FROM requests ORDER BY id"
            ).fetchall()
        if len(rows) >= expected or time.monotonic() > deadline:
            return [tuple(r) for r in rows]  # type: ignore[misc]
        time.sleep(0.2)


def test_every_request_is_one_row_and_the_cloud_budget_holds_across_replicas(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, redis: RedisServer
) -> None:
    cap = 0.1  # each cloud request costs about 0.008 (4 prompt + 4 completion tokens at 0.001)
    toml = _toml(upstream, fresh_ledger, tmp_path / "spool.jsonl", redis.url,
                 f"\n[budget]\ndaily = {cap}\n\n[routing.fallback]\n")
    toml = toml.replace('retries = 0', 'retries = 0\nbudget_action = "reject"')
    statuses: list[int] = []
    with two_replicas(tmp_path, toml) as (a, b):
        replicas = itertools.cycle([a, b])
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda i: next(replicas).chat("cloud", f"question {i:03d}"), range(40)))
        statuses = [r.status_code for r in results]
        assert set(statuses) <= {200, 403}, statuses
        assert 403 in statuses and 200 in statuses
        for r in results:
            if r.status_code == 403:
                assert r.json()["error"]["code"] == "budget_exceeded"
    rows = ledger_rows(fresh_ledger, 40)
    assert len(rows) == 40 and len({r[0] for r in rows}) == 40  # one row per request, none twice
    spent = sum(cost for _, backend, cost, status in rows if backend == "cloudy" and status == 200)
    one_request = max(cost for _, _, cost, _ in rows)
    assert statuses.count(200) >= 5
    assert cap <= spent + one_request and spent <= cap + one_request, (spent, one_request)


def test_rpm_limit_holds_across_replicas(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, redis: RedisServer
) -> None:
    limit = 40
    toml = _toml(upstream, fresh_ledger, tmp_path / "spool.jsonl", redis.url,
                 f"\n[rate_limits]\nrequests_per_minute = {limit}\n")
    with two_replicas(tmp_path, toml) as (a, b):
        replicas = itertools.cycle([a, b])
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda i: next(replicas).chat("local", f"hi {i}"), range(2 * limit)))
    ok = [r for r in results if r.status_code == 200]
    limited = [r for r in results if r.status_code == 429]
    assert len(ok) + len(limited) == 2 * limit
    assert abs(len(ok) - limit) <= 0.05 * limit, len(ok)
    refused = limited[0]
    assert refused.json()["error"]["code"] == "rate_limit_exceeded"
    assert refused.json()["error"]["type"] == "requests"
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.headers["x-ratelimit-limit-requests"] == str(limit)
    assert ok[0].headers["x-ratelimit-limit-requests"] == str(limit)
    assert "x-ratelimit-remaining-requests" in ok[0].headers


def test_killing_postgres_mid_run_loses_no_row(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, pg: PostgresServer, redis: RedisServer
) -> None:
    toml_a = _toml(upstream, fresh_ledger, tmp_path / "spool-a.jsonl", redis.url, "")
    toml_b = _toml(upstream, fresh_ledger, tmp_path / "spool-b.jsonl", redis.url, "")
    sent = 0
    with two_replicas(tmp_path, toml_a, toml_b) as (a, b):
        for i in range(10):
            assert (a if i % 2 else b).chat("local", f"before {i}").status_code == 200
            sent += 1
        pg.stop("immediate")
        try:
            for i in range(10):
                assert (a if i % 2 else b).chat("local", f"during {i}").status_code == 200
                sent += 1
            time.sleep(1.0)  # let the writers try PostgreSQL, fail, and spool
            spooled = sum(p.stat().st_size for p in tmp_path.glob("spool-*.jsonl") if p.exists())
            assert spooled > 0
        finally:
            pg.start()
        for i in range(6):
            assert (a if i % 2 else b).chat("local", f"after {i}").status_code == 200
            sent += 1
        rows = ledger_rows(fresh_ledger, sent, timeout=30)
    rows = ledger_rows(fresh_ledger, sent, timeout=5)
    assert len(rows) == sent and len({r[0] for r in rows}) == sent


def test_redis_down_fails_open_or_closed_as_configured(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, redis: RedisServer
) -> None:
    limits = "\n[rate_limits]\nrequests_per_minute = 1000\n"
    toml_open = _toml(upstream, fresh_ledger, tmp_path / "spool-a.jsonl", redis.url, 'on_unavailable = "open"'
                      + limits)
    toml_closed = _toml(upstream, fresh_ledger, tmp_path / "spool-b.jsonl", redis.url,
                        'on_unavailable = "closed"' + limits)
    with two_replicas(tmp_path, toml_open, toml_closed) as (fail_open, fail_closed):
        assert fail_open.chat("local", "up").status_code == 200
        assert fail_closed.chat("local", "up").status_code == 200
        redis.stop()
        served = fail_open.chat("local", "redis is down")
        refused = fail_closed.chat("local", "redis is down")
        assert served.status_code == 200 and "x-ratelimit-limit-requests" not in served.headers
        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "state_unavailable"
        redis.start()
        assert fail_closed.chat("local", "redis is back").status_code == 200
        assert fail_open.proc.poll() is None and fail_closed.proc.poll() is None  # neither crashed


def test_killing_one_replica_leaves_the_other_serving(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, redis: RedisServer
) -> None:
    toml = _toml(upstream, fresh_ledger, tmp_path / "spool.jsonl", redis.url, "")
    with two_replicas(tmp_path, toml) as (a, b):
        assert a.chat("local", "one").status_code == 200
        a.proc.kill()
        a.proc.wait()
        with pytest.raises(httpx.HTTPError):
            a.chat("local", "gone")
        for i in range(5):
            assert b.chat("local", f"still here {i}").status_code == 200
        assert httpx.get(f"{b.base}/health/live", timeout=5).status_code == 200
        assert httpx.get(f"{b.base}/health/ready", timeout=5).status_code == 200


def test_a_breaker_opened_on_one_replica_stops_the_other_from_sending(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, redis: RedisServer
) -> None:
    # "flaky" answers every request with HTTP 500 (the fault upstream's mode is the model name).
    toml = _toml(upstream, fresh_ledger, tmp_path / "spool.jsonl", redis.url, "").replace(
        "[routing]", f"""[backends.flaky]
base_url = "{upstream.base_url}"
kind = "local"
models = ["fail-500"]

[routing]
breaker_failures = 1
breaker_cooldown_s = 60.0""") + '\n[routing.fallback]\nflaky = ["fake/echo"]\n'
    with two_replicas(tmp_path, toml) as (a, b):
        first = a.chat("fail-500", "x")
        assert first.status_code == 200 and first.headers["x-kakehashi-fallback-from"] == "flaky/fail-500"
        tried = upstream.state.stats()["modes"].get("fail-500", 0)
        time.sleep(1.0)  # past the replicas' refresh interval of the shared breaker copy
        second = b.chat("fail-500", "x")
        assert second.status_code == 200 and second.headers["x-kakehashi-backend"] == "fake"
        assert upstream.state.stats()["modes"].get("fail-500", 0) == tried  # b never sent it to flaky


def test_sigterm_during_a_stream_completes_it_while_the_other_replica_serves(
    tmp_path: Path, upstream: FaultUpstream, fresh_ledger: str, redis: RedisServer
) -> None:
    toml = _toml(upstream, fresh_ledger, tmp_path / "spool.jsonl", redis.url, "")
    with two_replicas(tmp_path, toml) as (a, b):
        # The next generation request streams 200 chunks, 20 ms apart (about 4 s).
        httpx.post(upstream.base_url.removesuffix("/v1") + "/admin/mode",
                   json={"mode": "slow-stream", "count": 1, "delay": 0.02}, timeout=10)
        body = {"model": "local", "messages": [{"role": "user", "content": "long"}], "stream": True}
        with httpx.stream("POST", f"{a.base}/v1/chat/completions", json=body, timeout=60) as r:
            lines = (line for line in r.iter_lines() if line.startswith("data: "))
            first = next(lines)
            a.proc.send_signal(signal.SIGTERM)
            assert b.chat("local", "meanwhile").status_code == 200
            rest = list(lines)
        assert a.proc.wait(timeout=30) == 0
    assert first.startswith("data: {") and rest[-1] == "data: [DONE]"
    assert sum('"content"' in line for line in rest) >= 199  # every chunk arrived: nothing cut
    rows = ledger_rows(fresh_ledger, 2)
    assert len(rows) == 2 and all(status == 200 for *_, status in rows)

"""Retry, fallback along the configured chain, and the circuit breaker, against failing real upstreams."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.gateway.conftest import (
    EMBEDDED_REF,
    Gateway,
    StartGateway,
    closed_port_url,
    generation_requests,
    launch_gateway,
    sse_objects,
)
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

RETRIES = 1  # so every failing mode shows exactly RETRIES + 1 requests at the upstream


@pytest.fixture(scope="module")
def gateway(fault_server: FaultUpstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    toml = f"""
[backends.echo]          # the cloud: the fault upstream
base_url = "{fault_server.base_url}"
kind = "cloud"
models = ["echo"]
first_token_timeout = 1.0

[backends.down]          # a cloud nobody answers for: connection refused
base_url = "{closed_port_url()}"
kind = "cloud"
models = ["gpt-down"]

[backends.ollama]        # a local server that is not running
base_url = "{closed_port_url()}"
kind = "local"
models = ["llama3"]

[routing]
cloud = "echo/echo"
retries = {RETRIES}
breaker_failures = 1000  # never opens here: test_breaker_* has its own gateway
fallback = {{ echo = ["{EMBEDDED_REF}"], down = ["{EMBEDDED_REF}"], ollama = ["echo/echo"] }}
"""
    with launch_gateway(tmp_path_factory.mktemp("fallback"), toml) as gw:
        yield gw


@pytest.mark.parametrize("mode", ["fail-500", "fail-503", "fail-429", "hang"])
def test_a_failing_cloud_falls_back_to_local(gateway: Gateway, fault_server: FaultUpstream, mode: str) -> None:
    fault_server.reset()
    fault_server.set_mode(mode, count=RETRIES + 1)
    r = gateway.chat("cloud", "Say hello.", max_tokens=4)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-fallback-from"] == "echo/echo"
    assert r.headers["x-kakehashi-route-reason"] == "forced:cloud"
    assert r.json()["choices"][0]["message"]["content"]
    assert generation_requests(fault_server) == RETRIES + 1  # retried, then fell back


def test_a_recovered_upstream_is_used_after_a_retry(gateway: Gateway, fault_server: FaultUpstream) -> None:
    fault_server.reset()
    fault_server.set_mode("fail-429", count=1)  # Retry-After: 1, then fine
    r = gateway.chat("cloud", "Say hello.")
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "echo"
    assert "x-kakehashi-fallback-from" not in r.headers
    assert generation_requests(fault_server) == 2


def test_connection_refused_falls_back(gateway: Gateway) -> None:
    r = gateway.chat("gpt-down", "Say hello.", max_tokens=4)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-fallback-from"] == "down/gpt-down"
    assert r.headers["x-kakehashi-route-reason"] == "model:explicit"


def test_a_dead_local_server_falls_back_to_the_cloud(gateway: Gateway, fault_server: FaultUpstream) -> None:
    fault_server.reset()
    r = gateway.chat("llama3", "Say hello.")
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "echo"
    assert r.headers["x-kakehashi-fallback-from"] == "ollama/llama3"
    assert generation_requests(fault_server) == 1


def test_private_data_never_falls_back_to_the_cloud(gateway: Gateway, fault_server: FaultUpstream) -> None:
    fault_server.reset()
    r = gateway.chat("llama3", "Email the report to jiro@kitamura.jp please.")
    assert r.status_code == 502, r.text
    assert r.json()["error"]["type"] == "upstream_error"
    assert "jiro@kitamura.jp" not in r.text
    assert generation_requests(fault_server) == 0


def test_a_stream_that_fails_before_its_first_token_falls_back(
    gateway: Gateway, fault_server: FaultUpstream
) -> None:
    fault_server.reset()
    fault_server.set_mode("fail-500", count=RETRIES + 1)
    r, data = gateway.stream_chat("cloud", "Say hello.", max_tokens=4)
    assert r.status_code == 200
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-fallback-from"] == "echo/echo"
    assert data[-1] == "[DONE]"
    assert all("error" not in c for c in sse_objects(data))


def test_breaker_skips_a_failing_backend_then_probes_it_back(
    start_gateway: StartGateway, fault: FaultUpstream
) -> None:
    cooldown = 4.0
    with FaultUpstream() as spare:  # the fallback: another fast upstream, so no model time passes
        toml = f"""
[backends.echo]
base_url = "{fault.base_url}"
kind = "cloud"
models = ["echo"]

[backends.spare]
base_url = "{spare.base_url}"
kind = "cloud"
models = ["echo"]

[routing]
cloud = "echo/echo"
retries = 0
breaker_failures = 2
breaker_cooldown_s = {cooldown}
fallback = {{ echo = ["spare/echo"] }}
"""
        with start_gateway(toml) as gw:
            fault.set_mode("fail-500", count=2)
            for expected_at_upstream in (1, 2):  # two failures in a row open the breaker
                r = gw.chat("cloud", "Say hello.")
                assert r.headers["x-kakehashi-backend"] == "spare"
                assert generation_requests(fault) == expected_at_upstream
            opened_at = time.monotonic()

            # Open: the upstream (which would now answer fine) gets no request at all.
            r = gw.chat("cloud", "Say hello.")
            assert r.status_code == 200, r.text
            assert r.headers["x-kakehashi-backend"] == "spare"
            assert r.headers["x-kakehashi-fallback-from"] == "echo/echo"
            assert generation_requests(fault) == 2

            # After the cool-down one probe goes through; it succeeds and closes the breaker.
            time.sleep(cooldown - (time.monotonic() - opened_at) + 0.5)
            for expected_at_upstream in (3, 4):
                r = gw.chat("cloud", "Say hello.")
                assert r.status_code == 200, r.text
                assert r.headers["x-kakehashi-backend"] == "echo"
                assert "x-kakehashi-fallback-from" not in r.headers
                assert generation_requests(fault) == expected_at_upstream
            assert generation_requests(spare) == 3

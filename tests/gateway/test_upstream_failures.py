"""Upstream failures map to what a client can act on, and every request is one log line and one ledger row.

One gateway (embedded model + the fault upstream + a cloud nobody answers for), logging JSON lines.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.gateway.conftest import Gateway, generation_requests, launch_gateway, ledger_rows
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

UNSET_KEY_ENV = "KAKEHASHI_TEST_KEY_THAT_IS_NEVER_SET"


@pytest.fixture(scope="module")
def gateway(fault_server: FaultUpstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    down = "http://127.0.0.1:9/v1"  # discard port: nothing listens there
    toml = f"""
[backends.down]              # the cloud side of `auto`: connection refused
base_url = "{down}"
kind = "cloud"
models = ["gpt-down"]

[backends.keyless]           # a cloud whose key variable is unset
base_url = "{fault_server.base_url}"
kind = "cloud"
models = ["needs-key"]
api_key_env = "{UNSET_KEY_ENV}"

[backends.fault]             # answers as its model name says (fail-401-echo: 401, no-usage: no usage)
base_url = "{fault_server.base_url}"
kind = "cloud"
models = ["echo", "fail-401-echo", "no-usage"]

[routing]
cloud = "down/gpt-down"
threshold = 0.0              # every `auto` request prefers the cloud
retries = 1
breaker_failures = 2
breaker_cooldown_s = 300
"""
    with launch_gateway(tmp_path_factory.mktemp("upstream-failures"), toml, env={UNSET_KEY_ENV: ""},
                        args=("--log-format", "json", "--log-level", "info")) as gw:
        yield gw


def log_lines(gw: Gateway) -> list[dict[str, Any]]:
    out = []
    for line in gw.log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{"):
            out.append(json.loads(line))
    return out


def access_line(gw: Gateway, request_id: str, timeout: float = 10.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        found = [x for x in log_lines(gw) if x.get("logger") == "kakehashi.access" and x.get("request_id") == request_id]
        if found or time.monotonic() > deadline:
            assert len(found) == 1, found
            return found[0]
        time.sleep(0.1)


def ledger_row(gw: Gateway, request_id: str, timeout: float = 10.0) -> list[dict[str, Any]]:
    """The ledger rows with this request id, waiting for the batched write."""
    deadline = time.monotonic() + timeout
    while True:
        rows = [row for row in ledger_rows(gw.ledger) if row["request_id"] == request_id]
        if rows or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


def test_an_unset_key_variable_is_a_startup_warning_and_a_502_naming_the_backend(
    gateway: Gateway, fault_server: FaultUpstream
) -> None:
    warnings = [x["message"] for x in log_lines(gateway) if x["level"] == "warning"]
    assert any("'keyless'" in w and UNSET_KEY_ENV in w for w in warnings), warnings
    fault_server.reset()
    r = gateway.chat("needs-key", "hi")
    assert r.status_code == 502, r.text
    error = r.json()["error"]
    assert error["code"] == "upstream_auth_failed"
    assert "'keyless'" in error["message"] and UNSET_KEY_ENV in error["message"]
    assert generation_requests(fault_server) == 0  # never sent without credentials


def test_an_upstream_401_is_a_502_naming_the_backend(gateway: Gateway, fault_server: FaultUpstream) -> None:
    fault_server.reset()
    r = gateway.chat("fail-401-echo", "hi")
    assert r.status_code == 502, r.text
    assert r.json()["error"]["code"] == "upstream_auth_failed"
    assert "'fault'" in r.json()["error"]["message"] and "401" in r.json()["error"]["message"]
    assert generation_requests(fault_server) == 1  # not retried: the same key would fail the same way


def test_auto_answers_locally_when_the_cloud_is_down_then_cooling_down(gateway: Gateway) -> None:
    first = gateway.chat("auto", "Explain the trade-offs of consensus protocols in detail.", max_tokens=4)
    assert first.status_code == 200, first.text
    assert first.headers["x-kakehashi-backend"] == "embedded"
    assert first.headers["x-kakehashi-fallback-from"] == "down/gpt-down"
    metrics = httpx.get(f"{gateway.base}/metrics", timeout=10).text
    assert 'kakehashi_backend_circuit_state{backend="down",state="open"} 1.0' in metrics
    second = gateway.chat("auto", "Explain the trade-offs of consensus protocols in detail.", max_tokens=4)
    assert second.status_code == 200, second.text  # the breaker is open: straight to the local target
    assert second.headers["x-kakehashi-backend"] == "embedded"


def test_a_failure_chain_is_one_concise_message(gateway: Gateway) -> None:
    r = gateway.chat("gpt-down", "hi")  # no fallback configured for an explicit model: it fails
    assert r.status_code in (502, 503), r.text
    message = r.json()["error"]["message"]
    assert message.count("Connect call failed") <= 1 and message.count("127.0.0.1:9") <= 1, message


def test_estimated_usage_is_flagged_in_the_ledger(gateway: Gateway, fault_server: FaultUpstream) -> None:
    r = gateway.chat("no-usage", "hello there")
    assert r.status_code == 200, r.text
    rows = ledger_row(gateway, r.headers["x-request-id"])
    assert len(rows) == 1 and rows[0]["tokens_estimated"] == 1 and rows[0]["completion_tokens"] > 0


def test_one_json_access_line_per_request_with_the_request_id_and_no_prompt(gateway: Gateway) -> None:
    marker = "zebra-quartz-7731"  # appears in the prompt only
    r = httpx.post(f"{gateway.base}/v1/chat/completions", timeout=120, headers={"x-request-id": "ops-test-1"},
                   json={"model": "echo", "max_tokens": 4, "messages": [{"role": "user", "content": marker}]})
    assert r.status_code == 200, r.text
    assert r.headers["x-request-id"] == "ops-test-1"
    line = access_line(gateway, "ops-test-1")
    assert line["status"] == 200 and line["model"] == "echo" and line["backend"] == "fault"
    assert line["route"] == "model:explicit" and line["prompt_tokens"] > 0 and line["latency_ms"] > 0
    assert "ttft_ms" in line and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+Z", line["time"])
    assert len(ledger_row(gateway, "ops-test-1")) == 1  # the same id in the response header, the log line and the ledger
    time.sleep(0.2)
    assert marker not in gateway.log.read_text(encoding="utf-8", errors="replace")

"""Attack the gateway with every upstream fault and client misbehaviour we can produce on 127.0.0.1.

One gateway (the embedded model + the fault upstream as a backend, no fallback so each fault reaches the
client). Each request must get a well-formed answer (200, or OpenAI error JSON with a 4xx/5xx status, or
a stream ending in an error event and [DONE]) and nothing may leak: afterwards /metrics shows no running
or queued sequence, the upstream no open stream, and the ledger holds exactly one row per request.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.gateway.conftest import Gateway, launch_gateway, ledger_rows
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

MODES = ["fail-500", "fail-503", "fail-429", "fail-400", "hang", "cut-stream", "truncated", "error-event",
         "error-event-400", "bad-sse", "no-usage", "no-done", "json-body", "bad-json-body", "hang-mid-stream",
         "huge"]


@pytest.fixture(scope="module")
def gateway(fault_server: FaultUpstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    # One backend per fault, so that one fault's circuit breaker never hides the next fault.
    toml = "".join(f"""
[backends.{mode.replace("-", "_")}]
base_url = "{fault_server.base_url}"
kind = "local"
models = ["{mode}"]
first_token_timeout = 1.0     # hang, hang-mid-stream: the upstream went silent
""" for mode in [*MODES, "steady"])  # "steady": not a fault mode, answers normally
    toml += """
[routing]
retries = 0
"""
    with launch_gateway(tmp_path_factory.mktemp("faults"), toml) as gw:
        yield gw


def body(model: str, stream: bool, max_tokens: int = 8) -> dict[str, Any]:
    return {"model": model, "stream": stream, "max_tokens": max_tokens,
            "messages": [{"role": "user", "content": "Tell me about bridges."}]}


def check_answer(r: httpx.Response, data: list[str] | None) -> None:
    """A well-formed outcome: 200 with content, or an OpenAI error object; a stream ends in [DONE]."""
    if data is None:  # not streamed
        obj = r.json()
        if r.status_code == 200:
            assert obj["choices"][0]["finish_reason"] in ("stop", "length")
        else:
            assert 400 <= r.status_code < 600 and r.status_code != 500, r.text
            assert set(obj["error"]) == {"message", "type", "param", "code"}
        return
    if r.status_code != 200:
        assert set(r.json()["error"]) == {"message", "type", "param", "code"}
        return
    assert data and data[-1] == "[DONE]", data[-3:]
    last = json.loads(data[-2])
    assert "error" in last or last["choices"][-1]["finish_reason"] in ("stop", "length"), last


def gauge(base: str, name: str) -> float:
    total = 0.0
    for line in httpx.get(f"{base}/metrics", timeout=10).text.splitlines():
        if line.startswith(name + "{"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_every_fault_gives_a_well_formed_answer_and_nothing_leaks(gateway: Gateway, fault_server: FaultUpstream) -> None:
    fault_server.reset()
    url = f"{gateway.base}/v1/chat/completions"
    sent = 0
    outcomes: dict[str, int] = {}
    for mode in MODES:
        for stream in (False, True):
            sent += 1
            if stream:
                with httpx.stream("POST", url, json=body(mode, True), timeout=120) as r:
                    r.read()
                data = [ln[6:] for ln in r.text.splitlines() if ln.startswith("data: ")]
                check_answer(r, data)
            else:
                r = httpx.post(url, json=body(mode, False), timeout=120)
                check_answer(r, None)
            outcomes[f"{mode}/{'stream' if stream else 'json'}"] = r.status_code

    # Clients that leave at every stage: before the headers, mid-stream (upstream and engine), mid-body.
    for model, stream in (("hang", False), ("hang-mid-stream", True), ("huge", True)):
        sent += 1
        try:
            with httpx.stream("POST", url, json=body(model, stream, 4000), timeout=0.3) as r:
                for i, _ in enumerate(r.iter_lines()):
                    if i == 3:
                        break  # leave mid-stream
        except httpx.TimeoutException:
            pass  # left before the headers
    for max_tokens in (1, 64):  # the embedded engine: leave once streaming, and leave a JSON answer pending
        sent += 2
        with httpx.stream("POST", url, json=body("auto", True, max_tokens), timeout=120) as r:
            next(r.iter_lines())
        try:
            httpx.post(url, json=body("auto", False, max_tokens), timeout=0.2)
        except httpx.TimeoutException:
            pass

    # Slowloris: connections that never finish their headers, or their body, must not block others.
    slow = []
    head = b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
    for partial in (head + b"Content-Ty",
                    head + b'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"model": "steady"'):
        s = socket.create_connection(("127.0.0.1", int(gateway.base.rsplit(":", 1)[1])))
        s.sendall(partial)
        slow.append(s)
    sent += 1
    alive = httpx.post(url, json=body("steady", False), timeout=120)
    assert alive.status_code == 200, alive.text
    for s in slow:
        s.close()

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        running = gauge(gateway.base, "kakehashi_running_sequences")
        queued = gauge(gateway.base, "kakehashi_queue_depth")
        upstream_open = fault_server.state.stats()["streams_open"]
        if running == queued == upstream_open == 0:
            break
        time.sleep(0.2)
    assert (running, queued, upstream_open) == (0, 0, 0)
    assert httpx.get(f"{gateway.base}/health", timeout=10).status_code == 200
    rows = ledger_rows(gateway.ledger, expected=sent, timeout=30)
    assert len(rows) == sent, (len(rows), sent)  # one row per outcome, the abandoned ones included
    print(f"{len(MODES) * 2} upstream faults and {sent - len(MODES) * 2} client misbehaviours: {outcomes}")

"""Broken streams end with an explicit error, and every request (streamed or failed) lands in the ledger,
which `kakehashi usage --json` then reports."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME
from tests.gateway.conftest import StartGateway, ledger_rows, sse_objects, streamed_text
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

PRICE_IN, PRICE_OUT = 2.0, 8.0  # per 1M tokens


def _config(fault: FaultUpstream) -> str:
    return f"""
[backends.echo]
base_url = "{fault.base_url}"
kind = "cloud"
models = ["echo"]
prices = {{ echo = {{ input = {PRICE_IN}, output = {PRICE_OUT} }} }}

[routing]
cloud = "echo/echo"
retries = 0

[accounting]
ledger = "@LEDGER@"
baseline = "echo/echo"
"""


def _price(prompt: int, completion: int) -> float:
    return (prompt * PRICE_IN + completion * PRICE_OUT) / 1_000_000


def test_a_stream_cut_mid_way_ends_with_an_error_event(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault)) as gw:
        fault.set_mode("cut-stream")
        r, data = gw.stream_chat("cloud", "Tell me a story about a fox.")
        assert r.status_code == 200  # headers were sent before the upstream broke
        assert data[-1] == "[DONE]"
        chunks = sse_objects(data)
        assert streamed_text(data) == "Echo: Te"  # what arrived before the cut is delivered...
        error = chunks[-1]["error"]  # ...and then the stream says it broke
        assert error["code"] == "stream_interrupted" and error["type"] == "upstream_error"
        assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1])  # never a clean finish

        # Without streaming, the client gets an error instead of a silently shortened answer.
        fault.set_mode("cut-stream")
        r = gw.chat("cloud", "Tell me a story about a fox.")
        assert r.status_code == 502
        assert r.json()["error"]["code"] == "stream_interrupted"
        assert r.headers["x-kakehashi-backend"] == "echo"  # errors explain themselves too


def test_every_request_is_recorded_and_reported(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault)) as gw:
        local = gw.chat("local", "Name a fruit.")
        local_stream, _ = gw.stream_chat("local", "Name a fruit.", stream_options={"include_usage": True})
        cloud_stream, cloud_data = gw.stream_chat("cloud", "Name a river.",
                                                  stream_options={"include_usage": True})
        fault.set_mode("fail-500")
        failed = gw.chat("cloud", "Name a mountain.")
        fault.set_mode("cut-stream")
        cut, _ = gw.stream_chat("cloud", "Name a mountain range in Japan.")
        assert [r.status_code for r in (local, local_stream, cloud_stream, failed, cut)] == [200, 200, 200, 502, 200]
        ledger = gw.ledger
    # The gateway stopped gracefully: every row must be on disk now, without waiting.
    rows = ledger_rows(ledger, timeout=0)
    assert len(rows) == 5

    by_order: list[dict[str, Any]] = rows
    plain, streamed, cloud_ok, cloud_failed, cloud_cut = by_order
    for row in (plain, streamed):
        assert (row["backend"], row["backend_kind"], row["model"]) == ("embedded", "local", DEFAULT_MODEL_NAME)
        assert row["route_reason"] == "forced:local" and row["status"] == "ok" and row["http_status"] == 200
        assert row["prompt_tokens"] > 0 and 0 < row["completion_tokens"] <= 8
        assert row["cost"] == 0.0
        assert row["baseline_cost"] == pytest.approx(_price(row["prompt_tokens"], row["completion_tokens"]))
        assert row["savings"] == pytest.approx(row["baseline_cost"])
        assert row["ttft_ms"] is not None and row["latency_ms"] >= row["ttft_ms"]
    assert (plain["stream"], streamed["stream"]) == (0, 1)
    assert plain["completion_tokens"] == local.json()["usage"]["completion_tokens"]

    usage = sse_objects(cloud_data)[-1]["usage"]
    assert (cloud_ok["backend"], cloud_ok["backend_kind"], cloud_ok["stream"]) == ("echo", "cloud", 1)
    assert cloud_ok["route_reason"] == "forced:cloud" and cloud_ok["status"] == "ok"
    assert (cloud_ok["prompt_tokens"], cloud_ok["completion_tokens"]) == (
        usage["prompt_tokens"], usage["completion_tokens"])
    assert cloud_ok["cost"] == pytest.approx(_price(usage["prompt_tokens"], usage["completion_tokens"]))
    assert cloud_ok["cost"] > 0 and cloud_ok["baseline_cost"] == pytest.approx(cloud_ok["cost"])

    assert (cloud_failed["status"], cloud_failed["http_status"], cloud_failed["stream"]) == (
        "upstream_error", 502, 0)
    assert (cloud_cut["status"], cloud_cut["http_status"], cloud_cut["stream"]) == ("stream_interrupted", 502, 1)
    for row in (cloud_failed, cloud_cut):
        assert row["backend"] == "echo" and row["route_reason"] == "forced:cloud"
    # Nothing was streamed before the 500: nothing to bill.
    assert (cloud_failed["prompt_tokens"], cloud_failed["cost"], cloud_failed["tokens_estimated"]) == (0, 0.0, 0)
    # The cut stream delivered 2 chunks and no usage: the row bills an estimate and says so.
    # kakehashi.content's estimate: ~4 UTF-8 bytes per token, plus 4 tokens of framing per message.
    prompt_estimate = (len(b"Name a mountain range in Japan.") + 3) // 4 + 4
    assert cloud_cut["tokens_estimated"] == 1 and cloud_cut["completion_tokens"] == 2
    assert cloud_cut["prompt_tokens"] == prompt_estimate
    assert cloud_cut["cost"] == pytest.approx(_price(prompt_estimate, 2)) and cloud_cut["cost"] > 0
    for row in (plain, streamed, cloud_ok):
        assert row["tokens_estimated"] == 0

    report = subprocess.run(
        [sys.executable, "-m", "kakehashi", "usage", "--json", "--db", str(ledger)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    doc = json.loads(report.stdout)
    totals = doc["totals"]
    assert totals["requests"] == 5 and totals["errors"] == 2
    assert totals["prompt_tokens"] == sum(r["prompt_tokens"] for r in rows)
    assert totals["completion_tokens"] == sum(r["completion_tokens"] for r in rows)
    assert totals["cost"] == pytest.approx(cloud_ok["cost"] + cloud_cut["cost"])
    assert totals["baseline_cost"] == pytest.approx(sum(r["baseline_cost"] for r in rows))
    assert totals["savings"] == pytest.approx(totals["baseline_cost"] - totals["cost"])
    assert {g["name"]: g["requests"] for g in doc["by_backend"]} == {"embedded": 2, "echo": 3}
    assert {g["name"]: g["requests"] for g in doc["by_reason"]} == {"forced:local": 2, "forced:cloud": 3}
    assert sum(g["requests"] for g in doc["by_day"]) == 5

"""`models = []`: a gateway with no embedded engine (nothing loaded), in front of upstreams only."""

from __future__ import annotations

import httpx
import pytest

from tests.gateway.conftest import StartGateway, generation_requests, ledger_rows
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow


def test_a_gateway_without_an_engine_routes_to_its_backends(
    start_gateway: StartGateway, fault: FaultUpstream
) -> None:
    toml = f"""
models = []

[backends.box]
base_url = "{fault.base_url}"
kind = "local"
models = ["echo"]
"""
    with start_gateway(toml) as gw:
        models = httpx.get(f"{gw.base}/v1/models", timeout=10).json()["data"]
        assert {(m["id"], m["owned_by"]) for m in models} == {
            ("auto", "kakehashi-router"), ("local", "kakehashi-router"), ("echo", "box")}
        for model in ("echo", "local", "auto"):
            r = gw.chat(model, "hi")
            assert r.status_code == 200, r.text
            assert r.headers["x-kakehashi-backend"] == "box"
        no_cloud = gw.chat("cloud", "hi")
        assert no_cloud.status_code == 404 and no_cloud.json()["error"]["code"] == "model_not_found"
        assert generation_requests(fault) == 3
        engine_series = httpx.get(f"{gw.base}/metrics", timeout=10).text
        assert "kakehashi_running_sequences{" not in engine_series  # no engine to report on
        ledger = gw.ledger
    assert [r["backend"] for r in ledger_rows(ledger, timeout=0)] == ["box", "box", "box", "-"]

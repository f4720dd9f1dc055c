"""Budget caps: once the cloud spend reaches a cap, cloud-bound requests go local (or are refused)."""

from __future__ import annotations

import httpx
import pytest

from tests.gateway.conftest import StartGateway, generation_requests, ledger_rows
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow


def _config(fault: FaultUpstream, budget: str, action: str) -> str:
    # 1 USD per token: any cloud request costs far more than the cap below.
    return f"""
[backends.echo]
base_url = "{fault.base_url}"
kind = "cloud"
models = ["echo"]
prices = {{ echo = {{ input = 1000000.0, output = 1000000.0 }} }}

[routing]
cloud = "echo/echo"
budget_action = "{action}"

[budget]
{budget}
"""


def test_daily_cap_sends_cloud_requests_local(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "daily = 0.5", "local")) as gw:
        first = gw.chat("cloud", "What is the capital of Japan?")
        assert first.status_code == 200, first.text
        assert first.headers["x-kakehashi-backend"] == "echo"
        assert first.headers["x-kakehashi-budget"] == "none"

        second = gw.chat("cloud", "What is the capital of Japan?", max_tokens=4)
        assert second.status_code == 200, second.text
        assert second.headers["x-kakehashi-backend"] == "embedded"
        assert second.headers["x-kakehashi-budget"] == "daily_global"
        assert second.headers["x-kakehashi-route-reason"] == "budget:daily_global"
        assert generation_requests(fault) == 1  # the second one never left the machine

        # Local requests are not affected by the cap.
        local = gw.chat("local", "Hi", max_tokens=2)
        assert local.headers["x-kakehashi-budget"] == "none"

        rows = ledger_rows(gw.ledger, expected=3)
        assert rows[0]["backend"] == "echo" and rows[0]["cost"] > 0.5
        assert rows[1]["backend"] == "embedded" and rows[1]["cost"] == 0
        assert rows[1]["budget_rule"] == "daily_global"


def test_per_key_cap_rejects_only_that_key(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    keys = ("sk-kk-client-alpha-000000000001", "sk-kk-client-bravo-000000000002")
    toml = _config(fault, "per_key_daily = 0.5", "reject")
    with start_gateway(toml, args=("--api-key", keys[0], "--api-key", keys[1])) as gw:

        def chat(key: str) -> httpx.Response:
            return httpx.post(
                f"{gw.base}/v1/chat/completions",
                json={"model": "cloud", "messages": [{"role": "user", "content": "Capital of Peru?"}],
                      "max_tokens": 8},
                headers={"Authorization": f"Bearer {key}"},
                timeout=60,
            )

        assert chat(keys[0]).status_code == 200
        refused = chat(keys[0])
        assert refused.status_code == 403, refused.text
        error = refused.json()["error"]
        assert error["type"] == "policy_error" and error["code"] == "budget_exceeded"
        assert "budget" in error["message"]
        assert chat(keys[1]).headers["x-kakehashi-backend"] == "echo"  # the other key still has budget
        assert generation_requests(fault) == 2

        rows = ledger_rows(gw.ledger, expected=3)
        assert [r["status"] for r in rows] == ["ok", "budget_exceeded", "ok"]
        assert rows[1]["http_status"] == 403
        assert rows[0]["api_key_id"] == rows[1]["api_key_id"] != rows[2]["api_key_id"]
        assert all(k not in str(rows) for k in keys)  # the ledger holds key ids, never keys

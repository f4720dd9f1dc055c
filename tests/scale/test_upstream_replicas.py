"""A backend with two real upstream replicas behind one kakehashi: spread, failover, drain, metrics."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.scale.test_replicas import replica
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow


@pytest.fixture
def two_upstreams() -> Iterator[tuple[FaultUpstream, FaultUpstream]]:
    with FaultUpstream() as a, FaultUpstream() as b:
        yield a, b


def _toml(a: FaultUpstream, b: FaultUpstream, tmp: Path, extra: str = "") -> str:
    return f"""
models = []

[backends.pool]
base_url = "{a.base_url}"
replicas = ["{b.base_url}"]
kind = "local"
models = ["echo"]
{extra}

[routing]
local = "pool/echo"
retries = 0

[accounting]
ledger = "{tmp / 'ledger.sqlite3'}"
"""


def _served(up: FaultUpstream) -> int:
    return int(up.state.stats()["generation_requests"])


def test_requests_spread_fail_over_and_show_in_metrics(
    tmp_path: Path, two_upstreams: tuple[FaultUpstream, FaultUpstream]
) -> None:
    a, b = two_upstreams
    with replica(tmp_path, "gw", _toml(a, b, tmp_path)) as gw:
        for i in range(6):
            assert gw.chat("echo", f"spread {i}").status_code == 200
        assert _served(a) == 3 and _served(b) == 3  # sequential requests: ties rotate
        httpx.post(a.base_url.removesuffix("/v1") + "/admin/mode", json={"mode": "fail-503", "count": 1})
        for i in range(4):
            r = gw.chat("echo", f"failover {i}")
            assert r.status_code == 200 and r.headers["x-kakehashi-backend"] == "pool"
        metrics = httpx.get(f"{gw.base}/metrics", timeout=10).text
    failures = re.search(rf'kakehashi_replica_failures_total\{{backend="pool",replica="{re.escape(a.base_url)}"\}} (\S+)',
                         metrics)
    assert failures and float(failures.group(1)) == 1.0
    assert f'kakehashi_replica_available{{backend="pool",replica="{b.base_url}"}} 1.0' in metrics


def test_a_draining_replica_gets_no_requests_and_affinity_sticks(
    tmp_path: Path, two_upstreams: tuple[FaultUpstream, FaultUpstream]
) -> None:
    a, b = two_upstreams
    with replica(tmp_path, "drain", _toml(a, b, tmp_path, f'draining = ["{b.base_url}"]')) as gw:
        for i in range(4):
            assert gw.chat("echo", f"drain {i}").status_code == 200
        assert _served(b) == 0 and _served(a) == 4
    before = (_served(a), _served(b))
    with replica(tmp_path, "affinity", _toml(a, b, tmp_path, "affinity_prefix_chars = 24")) as gw:
        for i in range(6):
            assert gw.chat("echo", f"the same long system-ish prefix, then {i}").status_code == 200
    grew = (_served(a) - before[0], _served(b) - before[1])
    assert sorted(grew) == [0, 6]

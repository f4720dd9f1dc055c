"""A backend with two real upstream replicas behind one kakehashi: spread, failover, drain, metrics."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

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


def test_drain_and_undrain_at_run_time_through_the_admin_api(
    tmp_path: Path, two_upstreams: tuple[FaultUpstream, FaultUpstream], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two_upstreams
    monkeypatch.setenv("KK_TEST_ADMIN_KEY", "sk-admin-drain")
    admin = {"Authorization": "Bearer sk-admin-drain"}
    toml = _toml(a, b, tmp_path).replace("models = []\n", 'models = []\n[server]\nadmin_key_env = "KK_TEST_ADMIN_KEY"\n', 1)
    with replica(tmp_path, "admin", toml) as gw:
        url = f"{gw.base}/admin/backends/pool/replicas"
        assert httpx.get(url, timeout=10).status_code == 401
        listed = httpx.get(url, headers=admin, timeout=10).json()["replicas"]
        assert [(r["index"], r["url"], r["outstanding"], r["breaker"], r["draining"]) for r in listed] == [
            (0, a.base_url, 0, "closed", False), (1, b.base_url, 0, "closed", False)]

        # Drain b by index: a long stream lands on a. Then undrain b, drain a by its (encoded) URL
        # while that stream is in flight: it finishes, and new requests all go to b.
        assert httpx.post(f"{url}/1/drain", headers=admin, timeout=10).json()["replica"]["draining"] is True
        refused = httpx.post(f"{url}/0/drain", headers=admin, timeout=10)
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "last_replica"
        httpx.post(a.base_url.removesuffix("/v1") + "/admin/mode", json={"mode": "slow-stream", "delay": 0.01})
        body = {"model": "echo", "messages": [{"role": "user", "content": "long"}], "stream": True}
        with ThreadPoolExecutor(1) as pool:
            stream = pool.submit(lambda: httpx.post(f"{gw.base}/v1/chat/completions", json=body, timeout=60).text)
            deadline = time.monotonic() + 10
            while httpx.get(url, headers=admin, timeout=10).json()["replicas"][0]["outstanding"] != 1:
                assert time.monotonic() < deadline and not stream.done()
                time.sleep(0.05)
            assert httpx.post(f"{url}/1/undrain", headers=admin, timeout=10).json()["replica"]["draining"] is False
            drained = httpx.post(f"{url}/{quote(a.base_url, safe='')}/drain", headers=admin, timeout=10)
            assert drained.status_code == 200 and drained.json()["replica"] == listed[0] | {
                "draining": True, "outstanding": 1, "requests": 1}
            for i in range(4):
                assert gw.chat("echo", f"after drain {i}").status_code == 200
            assert not stream.done()  # still streaming from the drained replica
            text = stream.result(timeout=30)
        assert text.rstrip().endswith("data: [DONE]") and text.count("data: ") > 100
        assert (_served(a), _served(b)) == (1, 4)
        missing = httpx.post(f"{url}/http%3A%2F%2Fnowhere/drain", headers=admin, timeout=10)
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "replica_not_found"

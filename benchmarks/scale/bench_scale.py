#!/usr/bin/env python3
"""Scale-out benchmark: requests/s of 1 vs 2 kakehashi replicas behind nginx, and the p50 latency
that rate limits add (none vs in-process vs Redis).

Everything runs on 127.0.0.1: the instant echo upstream (tests/upstreams/fault_upstream.py), a
redis-server (Debian package), nginx (nginx-light) balancing least_conn over the replicas, and the
replicas (`python -m kakehashi serve`, `models = []`: the gateway alone, no model). The load generator
is an aiohttp loop in this process. All of it shares the machine's cores, so the 2-replica figure is a
floor for what separate machines would give. Run from the repository root:

    flock /tmp/kk-bench.lock .venv/bin/python benchmarks/scale/bench_scale.py --out benchmarks/scale/results.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import aiohttp
import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args} exited {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} not up in {timeout} s")


@contextmanager
def process(cmd: list[str], log: Path, ready_url: str | None = None) -> Iterator[subprocess.Popen[bytes]]:
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        if ready_url:
            wait_http(ready_url, proc)
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def gateway_toml(upstream: str, ledger: Path, limits: str) -> str:
    state = ""
    rate = ""
    if limits != "none":
        rate = "[rate_limits]\nrequests_per_minute = 100000000\ntokens_per_minute = 1000000000\n" \
               "per_key_requests_per_minute = 100000000\nper_key_concurrent = 100000\n"
    if limits.startswith("redis:"):
        state = f'[state]\nredis = "{limits.removeprefix("redis:")}"\n'
    return f"""models = []

[backends.fake]
base_url = "{upstream}"
kind = "local"
models = ["echo"]

[routing]
local = "fake/echo"

[accounting]
ledger = "{ledger}"

{rate}
{state}"""


@contextmanager
def replicas(tmp: Path, n: int, upstream: str, limits: str) -> Iterator[list[str]]:
    with ExitStack() as stack:
        bases = []
        for i in range(n):
            config = tmp / f"kk-{limits.split(':')[0]}-{n}-{i}.toml"
            config.write_text(gateway_toml(upstream, tmp / f"ledger-{n}-{i}.sqlite3", limits))
            port = free_port()
            stack.enter_context(process(
                [sys.executable, "-m", "kakehashi", "serve", "--config", str(config), "--port", str(port),
                 "--log-level", "warning"], tmp / f"kk-{n}-{i}.log", f"http://127.0.0.1:{port}/health/ready"))
            bases.append(f"http://127.0.0.1:{port}")
        yield bases


@contextmanager
def nginx(tmp: Path, backends: list[str]) -> Iterator[str]:
    port = free_port()
    conf = tmp / f"nginx-{port}.conf"
    servers = "\n".join(f"    server {b.removeprefix('http://')};" for b in backends)
    conf.write_text(f"""worker_processes 1;
pid {tmp}/nginx-{port}.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/nginx-body;
  proxy_temp_path {tmp}/nginx-proxy;
  upstream kk {{
    least_conn;
{servers}
    keepalive 128;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://kk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }}
  }}
}}
""")
    with process(["nginx", "-c", str(conf), "-g", "daemon off;"], tmp / "nginx.log",
                 f"http://127.0.0.1:{port}/health"):
        yield f"http://127.0.0.1:{port}"


BODY = {"model": "echo", "messages": [{"role": "user", "content": "hello there, how are you today?"}],
        "max_tokens": 8}


async def load(base: str, concurrency: int, seconds: float) -> dict[str, float]:
    """Closed loop: `concurrency` clients, each sending the next request when the last one ends."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def client() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                t = time.perf_counter()
                async with session.post(f"{base}/v1/chat/completions", json=BODY) as r:
                    await r.read()
                    if r.status != 200:
                        errors += 1
                        continue
                latencies.append(time.perf_counter() - t)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {"rps": len(latencies) / elapsed, "p50_ms": statistics.median(latencies) * 1000,
            "p95_ms": statistics.quantiles(latencies, n=100)[94] * 1000,
            "p99_ms": statistics.quantiles(latencies, n=100)[98] * 1000, "requests": len(latencies),
            "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--latency-seconds", type=float, default=5)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--latency-only", action="store_true", help="skip the 1 vs 2 replicas throughput part")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kk-bench-scale-"))
    results: dict[str, object] = {"args": vars(args) | {"out": str(args.out)}, "cpus": os.cpu_count()}
    with ExitStack() as stack:
        up_port = free_port()
        stack.enter_context(process(
            [sys.executable, "tests/upstreams/fault_upstream.py", "--port", str(up_port)], tmp / "upstream.log",
            f"http://127.0.0.1:{up_port}/v1/models"))
        upstream = f"http://127.0.0.1:{up_port}/v1"
        redis_port = free_port()
        stack.enter_context(process(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            tmp / "redis.log"))
        time.sleep(0.5)
        redis_url = f"redis://127.0.0.1:{redis_port}/0"

        # 1) throughput: 1 vs 2 replicas behind nginx, alternated over rounds.
        scale: dict[str, list[dict[str, float]]] = {"1": [], "2": []}
        for _ in range(0 if args.latency_only else args.rounds):
            for n in (1, 2):
                with replicas(tmp, n, upstream, f"redis:{redis_url}") as bases, nginx(tmp, bases) as proxy:
                    asyncio.run(load(proxy, args.concurrency, 2))  # warm-up
                    scale[str(n)].append(asyncio.run(load(proxy, args.concurrency, args.seconds)))
                    print(n, "replica(s):", scale[str(n)][-1], flush=True)
        results["throughput"] = scale

        # 2) latency one request at a time, straight to one replica: no limits / in-process / Redis.
        latency: dict[str, list[dict[str, float]]] = {"none": [], "memory": [], "redis": []}
        modes = {"none": "none", "memory": "memory", "redis": f"redis:{redis_url}"}
        with ExitStack() as servers:
            bases = {m: servers.enter_context(replicas(tmp, 1, upstream, spec))[0] for m, spec in modes.items()}
            for m, base in bases.items():
                asyncio.run(load(base, 1, 1))  # warm-up
            for _ in range(args.rounds):
                for m, base in bases.items():
                    r = asyncio.run(load(base, 1, args.latency_seconds))
                    latency[m].append(r)
                    print("limits", m, r, flush=True)
        results["latency"] = latency
    shutil.rmtree(tmp, ignore_errors=True)
    summary: dict[str, object] = {} if args.latency_only else {
        "rps_1_replica": statistics.median(r["rps"] for r in scale["1"]),
        "rps_2_replicas": statistics.median(r["rps"] for r in scale["2"]),
    }
    summary |= {
        "p50_ms": {m: statistics.median(r["p50_ms"] for r in v) for m, v in latency.items()},
    }
    summary["p95_ms"] = {m: statistics.median(r["p95_ms"] for r in v) for m, v in latency.items()}
    p50 = {m: statistics.median(r["p50_ms"] for r in v) for m, v in latency.items()}
    p95 = summary["p95_ms"]
    summary["p50_added_ms_redis_vs_none"] = p50["redis"] - p50["none"]
    summary["p50_added_ms_memory_vs_none"] = p50["memory"] - p50["none"]
    summary["p95_added_ms_redis_vs_none"] = p95["redis"] - p95["none"]
    results["summary"] = summary
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

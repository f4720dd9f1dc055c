#!/usr/bin/env python3
"""Soak: N minutes of mixed traffic through a real `kakehashi serve` gateway; memory, slots and ledger checked.

The gateway serves the embedded default model and two upstream backends on a fault-injecting OpenAI
server on 127.0.0.1 (tests/upstreams/fault_upstream.py, in this process): `steady` answers normally,
`flaky` always answers 500 (so its circuit breaker opens, cools down and probes again, over and over).
`--concurrency` clients loop over a fixed mix of requests:

  stream        embedded model, streamed, read to [DONE]
  json          embedded model, one JSON answer
  cancel        embedded model, streamed, the client leaves after the first chunk
  cancel_wait   embedded model, JSON, the client gives up (timeout) before the answer
  upstream      the steady upstream (streamed or JSON)
  upstream_err  the always-failing upstream: 502, or 503 while its breaker is open
  too_long      a prompt longer than the context: 400 from the engine (reaches the gateway)
  bad_schema    a body the API rejects before the gateway (400): no ledger row is expected for it

Every 5 s the server's RSS (/proc/PID/status VmRSS) and its running/queued sequences (/metrics) are
sampled. At the end: traffic stops, the server must go idle (0 running, 0 queued), it is stopped with
SIGTERM (which flushes the ledger), and the ledger's rows are counted. Pass criteria:
  - RSS growth after warm-up <= 5 %: median RSS of the last minute vs median of the minute after warm-up;
  - no leaked slot: running == queued == 0 once traffic stops;
  - ledger rows == requests that reached the gateway (all but bad_schema);
  - no 500 and no unexpected status.

Usage (from the repository root):
  flock /tmp/kk-bench.lock .venv/bin/python benchmarks/soak/soak.py --minutes 20 --concurrency 4
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.upstreams.fault_upstream import FaultUpstream

MODEL = "smollm2-135m-instruct"
# (kind, weight): one cycle of the mix; every client walks it from its own offset.
MIX = [("stream", 4), ("json", 3), ("cancel", 2), ("cancel_wait", 1), ("upstream", 3), ("upstream_err", 2),
       ("too_long", 1), ("bad_schema", 2)]
# The statuses each kind may end with (a cancelled request has no status: the client left).
ALLOWED = {
    "stream": {200}, "json": {200}, "cancel": {200}, "cancel_wait": {200}, "upstream": {200},
    "upstream_err": {502, 503}, "too_long": {400}, "bad_schema": {400, 422},
}
PROMPTS = ["Tell me about bridges.", "What is a cat?", "日本の首都はどこですか。", "Write a haiku about rain.",
           "List three colors.", "Say hello."]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def config_toml(upstream: str, ledger: Path, slots: int) -> str:
    return f"""
[backends.steady]
base_url = "{upstream}"
kind = "local"
models = ["echo"]
first_token_timeout = 5.0

[backends.flaky]
base_url = "{upstream}"
kind = "local"
models = ["fail-500"]
first_token_timeout = 5.0

[routing]
retries = 0

[accounting]
ledger = "{ledger}"

[engine]
slots = {slots}
ctx_size = 512
"""


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def gauge(metrics: str, name: str) -> float:
    return sum(float(m.group(1)) for m in re.finditer(rf"^{name}\{{[^}}]*\}} ([0-9.e+-]+)$", metrics, re.MULTILINE))


def body(kind: str, i: int) -> dict[str, Any]:
    prompt = PROMPTS[i % len(PROMPTS)]
    msgs = [{"role": "user", "content": prompt}]
    if kind in ("stream", "cancel"):
        return {"model": MODEL, "messages": msgs, "max_tokens": 16, "stream": True}
    if kind == "json":
        return {"model": MODEL, "messages": msgs, "max_tokens": 16}
    if kind == "cancel_wait":
        return {"model": MODEL, "messages": msgs, "max_tokens": 200}
    if kind == "upstream":
        return {"model": "echo", "messages": msgs, "max_tokens": 16, "stream": bool(i % 2)}
    if kind == "upstream_err":
        return {"model": "fail-500", "messages": msgs, "max_tokens": 16, "stream": bool(i % 2)}
    if kind == "too_long":
        return {"model": MODEL, "messages": [{"role": "user", "content": "bridge " * 800}], "max_tokens": 8}
    # bad_schema: a rotating set of bodies the API must refuse before routing
    bad: list[dict[str, Any]] = [
        {"model": MODEL},
        {"model": MODEL, "messages": "hello"},
        {"model": MODEL, "messages": [{"role": "user", "content": "x"}], "temperature": "hot"},
        {"model": MODEL, "messages": [{"role": "user", "content": "x"}], "max_tokens": -3},
        {"model": MODEL, "messages": [{"role": "user", "content": "x"}], "n": 0},
    ]
    return bad[i % len(bad)]


class Stats:
    def __init__(self) -> None:
        self.sent = Counter[str]()
        self.status = Counter[str]()
        self.unexpected: list[str] = []
        self.latency: dict[str, list[float]] = {}

    def done(self, kind: str, status: int | str, started: float) -> None:
        self.status[f"{kind}:{status}"] += 1
        self.latency.setdefault(kind, []).append(time.perf_counter() - started)
        if isinstance(status, int) and status not in ALLOWED[kind] and len(self.unexpected) < 50:
            self.unexpected.append(f"{kind}:{status}")


async def one(client: httpx.AsyncClient, kind: str, i: int, stats: Stats) -> None:
    url = "/v1/chat/completions"
    payload = body(kind, i)
    stats.sent[kind] += 1
    started = time.perf_counter()
    try:
        if kind == "cancel":
            async with client.stream("POST", url, json=payload) as r:
                async for _ in r.aiter_lines():
                    break  # leave after the first line
            stats.done(kind, r.status_code, started)
        elif kind == "cancel_wait":
            try:
                r = await client.post(url, json=payload, timeout=0.3)
                stats.done(kind, r.status_code, started)
            except httpx.TimeoutException:
                stats.done(kind, "client_left", started)
        elif payload.get("stream"):
            async with client.stream("POST", url, json=payload) as r:
                lines = [ln async for ln in r.aiter_lines() if ln.startswith("data: ")]
            if r.status_code == 200 and (not lines or lines[-1] != "data: [DONE]"):
                stats.unexpected.append(f"{kind}: stream without [DONE]")
            stats.done(kind, r.status_code, started)
        else:
            r = await client.post(url, json=payload)
            if r.status_code != 200:
                error = r.json().get("error", {})
                if set(error) != {"message", "type", "param", "code"}:
                    stats.unexpected.append(f"{kind}: not an OpenAI error: {r.text[:200]}")
            stats.done(kind, r.status_code, started)
    except httpx.HTTPError as e:
        stats.done(kind, f"client_error:{type(e).__name__}", started)
        if len(stats.unexpected) < 50:
            stats.unexpected.append(f"{kind}: {type(e).__name__} {e}")


async def client_loop(base: str, offset: int, until: float, stats: Stats) -> None:
    cycle = [kind for kind, weight in MIX for _ in range(weight)]
    i = offset
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        while time.monotonic() < until:
            await one(client, cycle[i % len(cycle)], i, stats)
            i += 1


async def sampler(base: str, pid: int, t0: float, until: float, samples: list[dict[str, float]]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            metrics = (await client.get("/metrics")).text
            samples.append({"t": round(time.monotonic() - t0, 1), "rss_kib": rss_kib(pid),
                            "running": gauge(metrics, "kakehashi_running_sequences"),
                            "queued": gauge(metrics, "kakehashi_queue_depth")})
            await asyncio.sleep(5)


def ledger_count(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM requests").fetchone()[0])


def summary(r: dict[str, Any]) -> str:
    """results.md: the figures a reader needs, from the JSON."""
    rss = r["rss_kib"]
    lines = [
        "# Soak results", "",
        f"Command (repository root): `{r['command']}`", "",
        (f"Started {r['started_utc']}, ran {r['duration_s']} s on {r['machine']['cpus']} cores; load average "
        f"{r['machine']['loadavg_at_start'][0]:.1f} at start and {r['machine']['loadavg_at_end'][0]:.1f} at end "
        "(other agents' builds, tests and benchmarks shared the machine)."), "",
        "| check | result |", "| --- | --- |",
        f"| requests sent | {r['requests_sent']} ({', '.join(f'{k} {v}' for k, v in r['requests_by_kind'].items())}) |",
        (f"| ledger rows / requests that reached the gateway | {r['ledger_rows']} / {r['requests_reaching_gateway']}"
        f" (rows lost: {r['rows_lost']}) |"),
        f"| RSS after warm-up (median of the minute after it) | {rss['after_warmup_median'] / 1024:.1f} MiB |",
        f"| RSS in the last minute (median) | {rss['last_minute_median'] / 1024:.1f} MiB |",
        (f"| RSS growth after warm-up | {r['rss_growth_after_warmup_pct']} % (max after warm-up "
        f"{rss['max_after_warmup'] / 1024:.1f} MiB) |"),
        f"| running / queued sequences once idle | {r['idle_running']:.0f} / {r['idle_queued']:.0f} |",
        f"| HTTP 500s | {r['server_500s']:.0f} |",
        f"| unexpected outcomes | {len(r['unexpected'])} |",
        f"| exit code after SIGTERM | {r['server_exit_code_after_sigterm']} |", "",
        "Outcomes (kind:status): " + ", ".join(f"{k} {v}" for k, v in r["outcomes"].items()), "",
        "Median latency per kind (s): " + ", ".join(f"{k} {v}" for k, v in r["latency_median_s"].items()), "",
        "Checks: " + ", ".join(f"{k} {'PASS' if v else 'FAIL'}" for k, v in r["checks"].items()), "",
        ("RSS samples every 5 s and every figure above are in results.json. bad_schema requests are refused "
        "by the API before the gateway, so they have no ledger row by design; every other request has one."),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=20.0)
    ap.add_argument("--warmup-minutes", type=float, default=2.0)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--slots", type=int, default=4)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results.json")
    args = ap.parse_args()

    started_utc = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load_at_start = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="kk-soak-"))
    ledger = work / "ledger.sqlite3"
    with FaultUpstream() as upstream:
        config = work / "kakehashi.toml"
        config.write_text(config_toml(upstream.base_url, ledger, args.slots), encoding="utf-8")
        port = free_port()
        log = open(work / "serve.log", "wb")  # noqa: SIM115
        cmd = [sys.executable, "-m", "kakehashi", "serve", "--config", str(config), "--port", str(port),
               "--log-level", "warning"]
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                if proc.poll() is not None:
                    raise SystemExit(f"server exited {proc.returncode}; log in {work / 'serve.log'}")
                try:
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("server not healthy in 180 s")
                time.sleep(0.2)
            stats = Stats()
            samples: list[dict[str, float]] = []
            t0 = time.monotonic()
            until = t0 + args.minutes * 60

            async def run() -> None:
                await asyncio.gather(sampler(base, proc.pid, t0, until, samples),
                                     *(client_loop(base, k * 5, until, stats) for k in range(args.concurrency)))

            asyncio.run(run())
            elapsed = time.monotonic() - t0
            # Idle: every slot and queue entry must be given back.
            idle_deadline = time.monotonic() + 60
            while True:
                metrics = httpx.get(f"{base}/metrics", timeout=30).text
                running, queued = gauge(metrics, "kakehashi_running_sequences"), gauge(metrics, "kakehashi_queue_depth")
                if running == queued == 0 or time.monotonic() > idle_deadline:
                    break
                time.sleep(0.5)
            rss_final = rss_kib(proc.pid)
            status_500 = sum(float(m.group(1)) for m in re.finditer(
                r'^kakehashi_requests_total\{[^}]*status="500"[^}]*\} ([0-9.e+-]+)$', metrics, re.MULTILINE))
            proc.send_signal(signal.SIGTERM)
            exit_code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()

    rows = ledger_count(ledger)
    sent = sum(stats.sent.values())
    reached = sent - stats.sent["bad_schema"]
    warm = args.warmup_minutes * 60
    after = [s["rss_kib"] for s in samples if warm <= s["t"] < warm + 60]
    last = [s["rss_kib"] for s in samples if s["t"] >= samples[-1]["t"] - 60]
    rss_warm, rss_end = statistics.median(after), statistics.median(last)
    growth = (rss_end - rss_warm) / rss_warm * 100
    server_errors = sum(n for k, n in stats.status.items() if k.split(":")[1].startswith("5")
                        and not k.startswith("upstream_err"))
    result = {
        "command": " ".join(["flock /tmp/kk-bench.lock", ".venv/bin/python", "benchmarks/soak/soak.py",
                             "--minutes", str(args.minutes), "--concurrency", str(args.concurrency),
                             "--slots", str(args.slots), "--warmup-minutes", str(args.warmup_minutes)]),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "loadavg_at_start": load_at_start, "loadavg_at_end": os.getloadavg()},
        "started_utc": started_utc,
        "duration_s": round(elapsed, 1),
        "requests_sent": sent,
        "requests_by_kind": dict(stats.sent),
        "outcomes": dict(sorted(stats.status.items())),
        "latency_median_s": {k: round(statistics.median(v), 3) for k, v in stats.latency.items()},
        "unexpected": stats.unexpected,
        "server_500s": status_500,
        "server_5xx_other_than_failing_upstream": server_errors,
        "rss_kib": {"start": samples[0]["rss_kib"], "after_warmup_median": rss_warm, "last_minute_median": rss_end,
                    "max_after_warmup": max(s["rss_kib"] for s in samples if s["t"] >= warm), "final": rss_final},
        "rss_growth_after_warmup_pct": round(growth, 2),
        "idle_running": running, "idle_queued": queued,
        "ledger_rows": rows, "requests_reaching_gateway": reached, "rows_lost": reached - rows,
        "server_exit_code_after_sigterm": exit_code,
        "samples": samples,
    }
    checks = {
        "rss_growth_le_5pct": growth <= 5.0,
        "no_leaked_slots": running == 0 and queued == 0,
        "ledger_rows_equal_requests": rows == reached,
        "no_500": status_500 == 0 and server_errors == 0,
        "no_unexpected": not stats.unexpected,
        "clean_exit": exit_code == 0,
    }
    result["checks"] = checks
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(summary(result), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=1, ensure_ascii=False))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

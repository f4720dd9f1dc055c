"""Micro-measurement (not a test): sequential requests/s of OpenAICompatBackend against the fault upstream.

Starts the fault upstream in a separate process (so it does not share our GIL), then times N sequential
streamed chat requests three ways, interleaved in rounds:
  raw     one keep-alive socket, a pre-built HTTP request, read until the chunked body ends: the
          upstream + loopback floor, no client library at all;
  aiohttp bare `session.post()` + `content.iter_any()`: what the HTTP library we use costs alone;
  httpx   the same with httpx (the library we did not choose: for comparison);
  backend OpenAICompatBackend.chat(): translation, SSE parsing, events, slots, error checks.
The difference backend - raw is the backend's own per-request cost; the client process's CPU time per
request is reported too (on a shared machine it is the steadier number).

  PYTHONPATH=src .venv/bin/python tests/backends/measure_backend_overhead.py [--requests 2000] [--uvloop]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import httpx
import orjson

from kakehashi.backends.openai_compat import OpenAICompatBackend, Timeouts
from kakehashi.types import ChatRequest, Finished

UPSTREAM = Path(__file__).resolve().parents[1] / "upstreams" / "fault_upstream.py"
MESSAGES = [{"role": "user", "content": "hi there, how are you?"}]  # ~8 SSE chunks + usage + [DONE]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def wait_ready(base_url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            try:
                if (await client.get(base_url + "/models")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError("upstream did not start")


def body_bytes() -> bytes:
    return orjson.dumps(
        {"model": "echo", "messages": MESSAGES, "stream": True, "stream_options": {"include_usage": True}}
    )


async def make_raw(port: int) -> Callable[[], Awaitable[None]]:
    body = body_bytes()
    request = (
        f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    connection: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def once() -> None:
        if not connection:
            connection.append(await asyncio.open_connection("127.0.0.1", port))
        reader, writer = connection[0]
        writer.write(request)
        buffer = b""
        while not buffer.endswith(b"\r\n0\r\n\r\n"):
            data = await reader.read(65536)
            if not data:  # the server closed an idle keep-alive connection: reconnect and resend
                writer.close()
                connection.clear()
                return await once()
            buffer += data
        return None

    return once


def make_httpx(client: httpx.AsyncClient, url: str) -> Callable[[], Awaitable[None]]:
    body = body_bytes()

    async def once() -> None:
        async with client.stream("POST", url, content=body) as response:
            async for _ in response.aiter_bytes():
                pass

    return once


def make_aiohttp(session: aiohttp.ClientSession, url: str) -> Callable[[], Awaitable[None]]:
    body = body_bytes()

    async def once() -> None:
        async with session.post(url, data=body, headers={"Content-Type": "application/json"}) as response:
            async for _ in response.content.iter_any():
                pass

    return once


def make_backend(backend: OpenAICompatBackend) -> Callable[[], Awaitable[None]]:
    async def once() -> None:
        async for event in backend.chat(ChatRequest(model="echo", messages=MESSAGES)):
            if isinstance(event, Finished):
                assert event.reason == "stop"

    return once


async def time_round(once: Callable[[], Awaitable[None]], n: int) -> tuple[list[float], float, float]:
    latencies = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        await once()
        latencies.append(time.perf_counter() - t0)
    return latencies, time.perf_counter() - wall0, time.process_time() - cpu0


async def run(port: int, requests: int, rounds: int) -> None:
    base_url = f"http://127.0.0.1:{port}/v1"
    await wait_ready(base_url)
    client = httpx.AsyncClient(limits=httpx.Limits(max_keepalive_connections=4))
    backend = OpenAICompatBackend(
        "bench", base_url, models=["echo"], timeouts=Timeouts(connect=2, read=10, total=30)
    )
    session = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=False)
    clients = {
        "raw": await make_raw(port),
        "aiohttp": make_aiohttp(session, base_url + "/chat/completions"),
        "httpx": make_httpx(client, base_url + "/chat/completions"),
        "backend": make_backend(backend),
    }
    for once in clients.values():  # warm-up
        await time_round(once, 200)
    results: dict[str, list[tuple[list[float], float, float]]] = {name: [] for name in clients}
    for _ in range(rounds):
        for name, once in clients.items():
            results[name].append(await time_round(once, requests))
    print(
        f"loop={type(asyncio.get_running_loop()).__module__}  {rounds} rounds x {requests} sequential requests"
    )
    p50: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for name, runs in results.items():
        latencies = [x for lat, _, _ in runs for x in lat]
        wall = sum(w for _, w, _ in runs)
        cpu[name] = sum(c for _, _, c in runs) / (requests * rounds) * 1e6
        p50[name] = statistics.median(latencies) * 1e6
        rps = requests * rounds / wall
        print(f"  {name:8s} {rps:7.0f} req/s  p50 {p50[name]:6.0f} us  client CPU {cpu[name]:5.0f} us/req")
    for name in ("aiohttp", "httpx", "backend"):
        print(
            f"  {name} - raw: p50 +{p50[name] - p50['raw']:.0f} us, client CPU +{cpu[name] - cpu['raw']:.0f} us/req"
        )
    await backend.aclose()
    await client.aclose()
    await session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--uvloop", action="store_true")
    args = parser.parse_args()
    port = free_port()
    upstream = subprocess.Popen(
        [sys.executable, str(UPSTREAM), "--port", str(port), "--log-level", "critical"],
        stdout=subprocess.DEVNULL,
    )
    try:
        if args.uvloop:
            import uvloop

            uvloop.run(run(port, args.requests, args.rounds))
        else:
            asyncio.run(run(port, args.requests, args.rounds))
    finally:
        upstream.terminate()
        upstream.wait(timeout=5)


if __name__ == "__main__":
    main()

"""Shared checks for the API dialect tests (Ollama, Anthropic, Responses)."""

from __future__ import annotations

import asyncio
import time

import httpx


async def running_sequences(client: httpx.AsyncClient) -> float:
    for line in (await client.get("/metrics")).text.splitlines():
        if line.startswith("kakehashi_running_sequences{"):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def wait_running(client: httpx.AsyncClient, value: float, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await running_sequences(client) == value:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"running sequences never reached {value}")


async def long_generation_is_aborted(base: str, path: str, body: dict, *, marker: str) -> None:
    """Start a generation that would run for minutes, leave after its first token (streamed) or
    before it ends (not streamed), and check the engine stops it instead of finishing it."""
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        await wait_running(client, 0)
        async with client.stream("POST", path, json={**body, "stream": True}) as r:
            assert r.status_code == 200
            async for line in r.aiter_lines():
                if marker in line:
                    break  # got a token: now vanish
        await wait_running(client, 0)
        # Not streamed: the client times out and closes the connection mid-generation.
        task = asyncio.create_task(client.post(path, json={**body, "stream": False}, timeout=30))
        await wait_running(client, 1)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        await wait_running(client, 0)

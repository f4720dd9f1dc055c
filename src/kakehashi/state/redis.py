"""Shared state in Redis: what several kakehashi replicas use to enforce one set of limits.

Every counter is plain Redis commands (INCRBY, EXPIRE NX, PTTL, INCRBYFLOAT, SET NX), atomic on the
server, so no script of our own is needed. Rate-limit windows keep the `limits` library's fixed-window
semantics and key names (`RateLimitItem.key_for`), but all the windows of one request go in ONE
MULTI/EXEC pipeline: `limits`' own Redis storage makes one round trip per window plus one per reset
time, which measured several times the 0.5 ms budget for the limits' added latency
(benchmarks/scale/). EXPIRE NX needs Redis >= 7.0. Short socket timeouts make a dead Redis a fast
StateUnavailable instead of a hung request.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Sequence
from typing import TypeVar

import redis.asyncio as aioredis
from limits import RateLimitItem
from redis.exceptions import RedisError

from kakehashi.state.base import StateUnavailable

T = TypeVar("T")


class RedisState:
    kind = "redis"

    def __init__(self, url: str, *, prefix: str = "kakehashi", timeout_s: float = 0.25) -> None:
        self._url = url
        self._prefix = prefix
        self._redis = aioredis.Redis.from_url(
            url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s, decode_responses=True
        )

    def _key(self, key: str) -> str:
        return f"{self._prefix}:{key}"

    async def _call(self, what: str, op: Awaitable[T]) -> T:
        try:
            return await op
        except (RedisError, OSError, TimeoutError) as exc:
            raise StateUnavailable(f"redis {what} failed: {type(exc).__name__}: {exc}") from exc

    async def windows_add(
        self, hits: Sequence[tuple[RateLimitItem, str, int]], gauge: tuple[str, int, float] | None = None
    ) -> tuple[list[tuple[int, float]], int | None]:
        if not hits and gauge is None:
            return [], None

        async def run() -> tuple[list[tuple[int, float]], int | None]:
            pipe = self._redis.pipeline(transaction=True)
            for item, key, amount in hits:
                k = self._key(f"limits:{item.key_for(key)}")
                pipe.incrby(k, amount)
                pipe.expire(k, item.get_expiry(), nx=True)  # the window starts with its first hit
                pipe.pttl(k)
            if gauge is not None:
                name, amount, ttl_s = gauge
                pipe.incrby(self._key(name), amount)
                pipe.expire(self._key(name), max(1, int(ttl_s)))
            replies = await pipe.execute()
            windows = [(int(replies[i]), max(0, int(replies[i + 2])) / 1000) for i in range(0, 3 * len(hits), 3)]
            return windows, (int(replies[3 * len(hits)]) if gauge is not None else None)

        return await self._call("pipeline", run())

    async def gauge_add(self, key: str, amount: int, ttl_s: float) -> int:
        async def run() -> int:
            pipe = self._redis.pipeline(transaction=True)
            pipe.incrby(self._key(key), amount)
            pipe.expire(self._key(key), max(1, int(ttl_s)))
            value, _ = await pipe.execute()
            return int(value)

        return await self._call("incrby", run())

    async def money_add(self, key: str, amount: float, ttl_s: float) -> float:
        async def run() -> float:
            pipe = self._redis.pipeline(transaction=True)
            pipe.incrbyfloat(self._key(key), amount)
            pipe.expire(self._key(key), max(1, int(ttl_s)), nx=True)
            value, _ = await pipe.execute()
            return float(value)

        return await self._call("incrbyfloat", run())

    async def money_seed(self, key: str, value: float, ttl_s: float) -> None:
        await self._call("set", self._redis.set(self._key(key), repr(float(value)), nx=True, ex=max(1, int(ttl_s))))

    async def deadline_set(self, key: str, until_s: float) -> None:
        ttl_ms = int((until_s - time.time()) * 1000)
        if ttl_ms > 0:
            await self._call("set", self._redis.set(self._key(key), repr(until_s), px=ttl_ms))

    async def deadlines_get(self, keys: list[str]) -> dict[str, float]:
        if not keys:
            return {}
        values = await self._call("mget", self._redis.mget([self._key(k) for k in keys]))
        now = time.time()
        return {k: float(v) for k, v in zip(keys, values, strict=True) if v is not None and float(v) > now}

    async def ping(self) -> None:
        await self._call("ping", self._redis.ping())  # type: ignore[arg-type]

    async def aclose(self) -> None:
        try:
            await self._redis.aclose()
        except (RedisError, OSError):
            pass

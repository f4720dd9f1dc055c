"""Shared state in Redis: what several kakehashi replicas use to enforce one set of limits.

Rate-limit windows go through the `limits` library's Redis storage (its fixed-window counter); the
plain counters below are single Redis commands (INCRBY, INCRBYFLOAT, SET NX), atomic on the server,
so no script of our own is needed. Short socket timeouts make a dead Redis a fast StateUnavailable
instead of a hung request.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import TypeVar

import redis.asyncio as aioredis
from limits import RateLimitItem
from limits.aio.storage import RedisStorage
from limits.errors import StorageError
from redis.exceptions import RedisError

from kakehashi.state.base import StateUnavailable

T = TypeVar("T")


class RedisState:
    kind = "redis"

    def __init__(self, url: str, *, prefix: str = "kakehashi", timeout_s: float = 0.25) -> None:
        options: dict[str, float | str | bool] = {"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s}
        self._url = url
        self._prefix = prefix
        self._windows = RedisStorage(
            f"async+{url}", implementation="redispy", wrap_exceptions=True, key_prefix=f"{prefix}:limits", **options
        )
        self._redis = aioredis.Redis.from_url(
            url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s, decode_responses=True
        )

    def _key(self, key: str) -> str:
        return f"{self._prefix}:{key}"

    async def _call(self, what: str, op: Awaitable[T]) -> T:
        try:
            return await op
        except (RedisError, StorageError, OSError, TimeoutError) as exc:
            raise StateUnavailable(f"redis {what} failed: {type(exc).__name__}: {exc}") from exc

    async def window_add(self, item: RateLimitItem, key: str, amount: int) -> int:
        return int(await self._call("incr", self._windows.incr(item.key_for(key), item.get_expiry(), amount=amount)))

    async def window_reset_in(self, item: RateLimitItem, key: str) -> float:
        until = await self._call("ttl", self._windows.get_expiry(item.key_for(key)))
        return max(0.0, float(until) - time.time())

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

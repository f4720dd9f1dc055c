"""Shared state in Redis: what several kakehashi replicas use to enforce one set of limits.

Rate-limit windows keep the `limits` library's fixed-window semantics and key names
(`RateLimitItem.key_for`: a window starts with its first hit and lasts `item.get_expiry()` seconds),
but not its storage calls. `limits`' storage API is one key per call (`incr`, then `get_expiry`), so
a request touching four windows and a concurrency slot costs five to nine round trips, and it has no
batch form. A MULTI/EXEC pipeline of the same commands cut that to one round trip but still measured
well above the 0.5 ms budget for what limits may add to a request (benchmarks/scale/results.md):
most of the cost was redis-py queueing, sending and parsing 13 commands and their replies in Python.
So each request's counters go through ONE registered Lua script (EVALSHA, one command, one flat
reply), `_WINDOWS` below; budgets' float totals likewise (`_MONEY`). Scripts run atomically on the
server. (With Redis Cluster every key of a script must share a hash slot, as for MULTI: use a
`{…}` hash tag in `[state] prefix` there.) Short socket timeouts make a dead Redis a fast
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

# KEYS: the window keys, then the gauge key if any. ARGV: the number of windows, then per window
# (amount, expiry s), then for the gauge (amount, ttl s). Reply: per window (new total, ms until the window ends), then the gauge's
# new value. A window's expiry is set only by the hit that creates it (what EXPIRE NX does in Redis 7;
# spelled out so Redis 6 works too); the gauge's is renewed on every change.
_WINDOWS = """
local out = {}
local n = tonumber(ARGV[1])
for i = 1, n do
  local total = redis.call('INCRBY', KEYS[i], ARGV[2 * i])
  local ttl = redis.call('PTTL', KEYS[i])
  if ttl < 0 then
    redis.call('EXPIRE', KEYS[i], ARGV[2 * i + 1])
    ttl = tonumber(ARGV[2 * i + 1]) * 1000
  end
  out[#out + 1] = total
  out[#out + 1] = ttl
end
if n < #KEYS then
  out[#out + 1] = redis.call('INCRBY', KEYS[n + 1], ARGV[2 * n + 2])
  redis.call('EXPIRE', KEYS[n + 1], ARGV[2 * n + 3])
end
return out
"""

# KEYS: float totals; ARGV: per key (amount, ttl s). Reply: the new totals, as strings (Lua numbers
# would be truncated to integers on the way back). A total's expiry is set when it is created.
_MONEY = """
local out = {}
for i = 1, #KEYS do
  out[i] = redis.call('INCRBYFLOAT', KEYS[i], ARGV[2 * i - 1])
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], ARGV[2 * i]) end
end
return out
"""

# KEYS: float totals; ARGV: per key (floor, ttl s). Raises each total to its floor if below (budget
# reconciliation from the ledger); the new totals, as strings.
_FLOOR = """
local out = {}
for i = 1, #KEYS do
  local current = tonumber(redis.call('GET', KEYS[i]) or '0')
  local floor = tonumber(ARGV[2 * i - 1])
  if current < floor then redis.call('INCRBYFLOAT', KEYS[i], ARGV[2 * i - 1] - current) end
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], ARGV[2 * i]) end
  out[i] = redis.call('GET', KEYS[i]) or '0'
end
return out
"""


class RedisState:
    kind = "redis"

    def __init__(self, url: str, *, prefix: str = "kakehashi", timeout_s: float = 0.25) -> None:
        self._url = url
        self._prefix = prefix
        self._redis = aioredis.Redis.from_url(
            url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s, decode_responses=True
        )
        # register_script: EVALSHA, falling back to EVAL (which caches it) when the server lacks it
        self._windows = self._redis.register_script(_WINDOWS)
        self._money = self._redis.register_script(_MONEY)
        self._floor = self._redis.register_script(_FLOOR)

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
        keys = [self._key(f"limits:{item.key_for(key)}") for item, key, _ in hits]
        args: list[int] = [len(hits)]
        for item, _, amount in hits:
            args += (amount, item.get_expiry())
        if gauge is not None:
            name, amount, ttl_s = gauge
            keys.append(self._key(name))
            args += (amount, max(1, int(ttl_s)))
        replies = await self._call("admission script", self._windows(keys=keys, args=args))
        windows = [(int(replies[i]), max(0, int(replies[i + 1])) / 1000) for i in range(0, 2 * len(hits), 2)]
        return windows, (int(replies[-1]) if gauge is not None else None)

    async def money_add(self, adds: Sequence[tuple[str, float, float]]) -> list[float]:
        if not adds:
            return []
        keys = [self._key(key) for key, _, _ in adds]
        args: list[float | int] = []
        for _, amount, ttl_s in adds:
            args += (amount, max(1, int(ttl_s)))
        replies = await self._call("budget script", self._money(keys=keys, args=args))
        return [float(v) for v in replies]

    async def money_floor(self, floors: Sequence[tuple[str, float, float]]) -> list[float]:
        if not floors:
            return []
        keys = [self._key(key) for key, _, _ in floors]
        args: list[float | int] = []
        for _, floor, ttl_s in floors:
            args += (repr(float(floor)), max(1, int(ttl_s)))
        return [float(v) for v in await self._call("budget floor script", self._floor(keys=keys, args=args))]

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

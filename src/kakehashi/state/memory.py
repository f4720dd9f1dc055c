"""In-process shared state: the embedded default. One event loop, so plain dicts need no locks."""

from __future__ import annotations

import time
from collections.abc import Sequence

from limits import RateLimitItem
from limits.aio.storage import MemoryStorage


class MemoryState:
    kind = "memory"

    def __init__(self) -> None:
        # Windowed counters use the `limits` library's own storage, as the Redis store does, so the
        # two stores share the window semantics (fixed window starting at its first hit).
        self._windows = MemoryStorage()
        self._gauges: dict[str, int] = {}
        self._money: dict[str, tuple[float, float]] = {}  # key -> (value, expires at)
        self._deadlines: dict[str, float] = {}

    async def windows_add(
        self, hits: Sequence[tuple[RateLimitItem, str, int]], gauge: tuple[str, int, float] | None = None
    ) -> tuple[list[tuple[int, float]], int | None]:
        out = []
        for item, key, amount in hits:
            total = int(await self._windows.incr(item.key_for(key), item.get_expiry(), amount=amount))
            reset = max(0.0, float(await self._windows.get_expiry(item.key_for(key))) - time.time())
            out.append((total, reset))
        if gauge is None:
            return out, None
        key, amount, _ = gauge
        self._gauges[key] = value = max(0, self._gauges.get(key, 0) + amount)
        return out, value

    async def money_add(self, adds: Sequence[tuple[str, float, float]]) -> list[float]:
        now = time.time()
        out = []
        for key, amount, ttl_s in adds:
            value, expires = self._money.get(key, (0.0, 0.0))
            if expires <= now:
                value, expires = 0.0, now + ttl_s
            value += amount
            self._money[key] = (value, expires)
            out.append(value)
        return out

    async def money_floor(self, floors: Sequence[tuple[str, float, float]]) -> list[float]:
        now = time.time()
        out = []
        for key, floor, ttl_s in floors:
            value, expires = self._money.get(key, (0.0, 0.0))
            if expires <= now:
                value, expires = 0.0, now + ttl_s
            self._money[key] = (max(value, floor), expires)
            out.append(max(value, floor))
        return out

    async def money_seed(self, key: str, value: float, ttl_s: float) -> None:
        current = self._money.get(key)
        if current is None or current[1] <= time.time():
            self._money[key] = (value, time.time() + ttl_s)

    async def deadline_set(self, key: str, until_s: float) -> None:
        self._deadlines[key] = max(until_s, self._deadlines.get(key, 0.0))

    async def deadlines_get(self, keys: list[str]) -> dict[str, float]:
        now = time.time()
        return {k: v for k in keys if (v := self._deadlines.get(k, 0.0)) > now}

    async def ping(self) -> None:
        return None

    async def aclose(self) -> None:
        return None

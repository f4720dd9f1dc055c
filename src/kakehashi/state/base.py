"""The one protocol every shared-state store implements, and its one error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from limits import RateLimitItem

from kakehashi.errors import KakehashiError


class StateUnavailable(KakehashiError):
    """The shared store (Redis) did not answer. Callers apply the configured fail-open/closed policy."""

    status = 503
    type = "server_error"
    code = "state_unavailable"


class SharedState(Protocol):
    """Counters that every replica sees. Each method is one atomic step on the store.

    Windowed counters (`windows_add`) are fixed windows keyed by a `limits` RateLimitItem; the window
    starts with its first hit and ends `item.get_expiry()` seconds later. Every method raises
    StateUnavailable when the store cannot be reached; nothing else escapes.
    """

    kind: str  # "memory" or "redis", for /health and logs

    async def windows_add(
        self, hits: Sequence[tuple[RateLimitItem, str, int]], gauge: tuple[str, int, float] | None = None
    ) -> tuple[list[tuple[int, float]], int | None]:
        """Add `amount` (negative: a refund) to the current window of each (item, key, amount), and
        optionally (key, amount, ttl) to a plain counter (concurrent requests; it expires `ttl` seconds
        after its last change, bounding what a crashed replica can leak), all in one step (one round
        trip on Redis). Returns (new total,
        seconds until that window ends) per window, and the gauge's new value (None without one)."""
        ...

    async def money_add(self, adds: Sequence[tuple[str, float, float]]) -> list[float]:
        """Add to float totals (spend and reservations), each (key, amount, ttl), all in one step (one
        round trip on Redis); the new totals. A total expires `ttl` seconds after it was created."""
        ...

    async def money_floor(self, floors: Sequence[tuple[str, float, float]]) -> list[float]:
        """Raise each total (key, at least this, ttl) to at least the given value, never lower it; the
        new totals. One step (one round trip on Redis)."""
        ...

    async def money_seed(self, key: str, value: float, ttl_s: float) -> None:
        """Set the total only if nobody has yet (first replica to seed from the ledger wins)."""
        ...

    async def deadline_set(self, key: str, until_s: float) -> None:
        """Remember a wall-clock deadline (unix time) until it passes (breaker open-until)."""
        ...

    async def deadlines_get(self, keys: list[str]) -> dict[str, float]:
        """The deadlines still in the future among `keys`."""
        ...

    async def ping(self) -> None: ...

    async def aclose(self) -> None: ...

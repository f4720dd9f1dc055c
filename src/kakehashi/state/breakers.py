"""Circuit-breaker state shared between replicas: when one replica's breaker opens, all skip the backend.

Each replica keeps its own breakers (backends/resilience.py, pure and synchronous). This adds two
things when a shared store is configured: an opening is published as "open until <unix time>" with a
matching expiry, and the router asks `is_open(name)` before sending, which reads a local copy of
those deadlines refreshed from the store when older than `refresh_s` (one MGET, bounded by the
store's timeout; a store that is down leaves the local copy as it was). A replica that sees a deadline skips the backend until it passes;
its own breaker then probes as usual.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from kakehashi.state.base import SharedState, StateUnavailable

log = logging.getLogger(__name__)


class SharedBreakers:
    def __init__(self, state: SharedState, names: list[str], *, refresh_s: float = 0.5) -> None:
        self.state = state
        self.names = list(names)
        self.refresh_s = refresh_s
        self._open_until: dict[str, float] = {}
        self._refreshed = 0.0
        self._publishing: set[asyncio.Task[None]] = set()
        self.retry_in: Callable[[str], float] = lambda name: 0.0  # set by the composition root

    @staticmethod
    def _key(name: str) -> str:
        return f"breaker:{name}"

    def on_change(self, name: str, old: object, new: object) -> None:
        """A BreakerRegistry listener: publish an opening to every replica."""
        if str(new) != "open":
            return
        until = time.time() + self.retry_in(name)
        self._open_until[name] = max(until, self._open_until.get(name, 0.0))
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        task = loop.create_task(self._publish(name, until))
        self._publishing.add(task)
        task.add_done_callback(self._publishing.discard)

    async def _publish(self, name: str, until: float) -> None:
        try:
            await self.state.deadline_set(self._key(name), until)
        except StateUnavailable as exc:
            log.warning("could not share breaker state of %s: %s", name, exc.message)

    async def is_open(self, name: str) -> bool:
        """Whether some replica opened this backend's breaker and its cool-down has not passed."""
        now = time.time()
        if now - self._refreshed > self.refresh_s:
            self._refreshed = now
            await self._refresh()
        return self._open_until.get(name, 0.0) > time.time()

    async def _refresh(self) -> None:
        try:
            found = await self.state.deadlines_get([self._key(n) for n in self.names])
        except StateUnavailable:
            return  # keep what we knew; local breakers still work
        now = time.time()
        mine = {n: t for n, t in self._open_until.items() if t > now}
        self._open_until = mine | {k.removeprefix("breaker:"): v for k, v in found.items()}

"""Builds the configured store: Redis when `[state] redis` is set, in-process otherwise."""

from __future__ import annotations

from kakehashi.state.base import SharedState
from kakehashi.state.memory import MemoryState


def open_state(redis_url: str | None, *, prefix: str = "kakehashi", timeout_s: float = 0.25) -> SharedState:
    if redis_url is None:
        return MemoryState()
    from kakehashi.state.redis import RedisState  # only a scaled-out deployment needs redis-py

    return RedisState(redis_url, prefix=prefix, timeout_s=timeout_s)

"""Shared counters behind one protocol: rate limits, budget reservations and breaker state.

In-process (`MemoryState`) by default, so one `kakehashi serve` behaves exactly as before; Redis
(`RedisState`, `[state] redis = "redis://…"`) when several replicas must enforce the same limits.
"""

from kakehashi.state.base import SharedState, StateUnavailable
from kakehashi.state.factory import open_state

__all__ = ["SharedState", "StateUnavailable", "open_state"]

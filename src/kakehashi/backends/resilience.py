"""Retry and circuit-breaker primitives for the router: pure state machines with an injectable clock.

Nothing here sleeps or does I/O. The router asks `RetryPolicy.next_delay()` how long to wait before
another attempt (or None: stop and fall back) and asks each backend's `CircuitBreaker.allow()` before
sending to it, then reports the outcome with `record_success()` / `record_failure()` / `release()`.

Everything runs on one event loop, so there is no locking.
"""

from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

Clock = Callable[[], float]
_uniform = random.random  # the default jitter source; tests inject a fixed one


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter, capped, that honours an upstream's Retry-After.

    `max_attempts` counts the first attempt: 3 means at most two retries. The backoff before retry n
    (n = 1, 2, ...) is `base_delay * multiplier**(n-1)`, capped at `max_delay`, then shrunk by a random
    fraction up to `jitter` (1.0 = "full jitter", 0.0 = none) so that clients failing together do not
    retry in lockstep. A Retry-After longer than the backoff wins; one longer than `max_retry_after`
    means "not worth waiting here": no retry, fall back to the next backend instead.
    """

    max_attempts: int = 3
    base_delay: float = 0.2
    multiplier: float = 2.0
    max_delay: float = 5.0
    jitter: float = 1.0
    max_retry_after: float = 10.0
    random: Callable[[], float] = field(default=_uniform, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("RetryPolicy.max_attempts must be >= 1")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("RetryPolicy.jitter must be within [0, 1]")
        if self.base_delay < 0 or self.max_delay < 0 or self.multiplier < 1:
            raise ValueError("RetryPolicy delays must be >= 0 and multiplier >= 1")

    def backoff(self, retry_number: int) -> float:
        """The jittered delay before retry number `retry_number` (1 for the first retry)."""
        ceiling = min(self.max_delay, self.base_delay * self.multiplier ** max(0, retry_number - 1))
        return ceiling * (1.0 - self.jitter * self.random())

    def next_delay(
        self, attempts_made: int, *, retryable: bool, retry_after: float | None = None
    ) -> float | None:
        """Seconds to wait before the next attempt, or None when the caller should stop retrying.

        `attempts_made` is how many attempts already failed (1 after the first failure).
        """
        if not retryable or attempts_made >= self.max_attempts:
            return None
        delay = self.backoff(attempts_made)
        if retry_after is not None:
            if retry_after > self.max_retry_after:
                return None
            delay = max(delay, retry_after)
        return delay


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(frozen=True, slots=True)
class BreakerConfig:
    """When a backend is cut off, and for how long.

    Opens after `consecutive_failures` failures in a row, or when at least `min_calls` of the last
    `window` outcomes are recorded and the share of failures among them reaches `failure_ratio`.
    Stays open `cooldown` seconds; each failed probe multiplies the cool-down by `cooldown_multiplier`
    (up to `max_cooldown`); a successful probe closes it and resets the cool-down. A probe whose outcome
    is never reported frees its slot after `probe_timeout` seconds, so a lost probe cannot wedge the
    breaker half-open forever.
    """

    consecutive_failures: int = 5
    failure_ratio: float = 0.5
    window: int = 20
    min_calls: int = 10
    cooldown: float = 5.0
    cooldown_multiplier: float = 2.0
    max_cooldown: float = 300.0
    probe_timeout: float = 60.0

    def __post_init__(self) -> None:
        if self.consecutive_failures < 1 or self.window < 1 or self.min_calls < 1:
            raise ValueError("BreakerConfig counts must be >= 1")
        if not 0.0 < self.failure_ratio <= 1.0:
            raise ValueError("BreakerConfig.failure_ratio must be within (0, 1]")
        if self.cooldown < 0 or self.max_cooldown < self.cooldown or self.cooldown_multiplier < 1:
            raise ValueError(
                "BreakerConfig cool-downs must satisfy 0 <= cooldown <= max_cooldown, multiplier >= 1"
            )


StateListener = Callable[[str, BreakerState, BreakerState], None]  # (name, old, new)


class CircuitBreaker:
    """closed -> open (on failures) -> half-open after the cool-down (ONE probe) -> closed or open again."""

    def __init__(
        self,
        name: str,
        config: BreakerConfig | None = None,
        *,
        clock: Clock = time.monotonic,
        on_change: StateListener | None = None,
    ) -> None:
        self.name = name
        self.config = config or BreakerConfig()
        self._clock = clock
        self._on_change = on_change
        self._state = BreakerState.CLOSED
        self._outcomes: deque[bool] = deque(maxlen=self.config.window)  # True = failure
        self._failures_in_window = 0
        self._consecutive = 0
        self._cooldown = self.config.cooldown
        self._open_until = 0.0
        self._probe_started: float | None = None  # set while the half-open probe is in flight

    def __repr__(self) -> str:
        return f"CircuitBreaker(name={self.name!r}, state={self.state.value})"

    @property
    def state(self) -> BreakerState:
        if self._state is BreakerState.OPEN and self._clock() >= self._open_until:
            self._set_state(BreakerState.HALF_OPEN)
        return self._state

    def retry_in(self) -> float:
        """Seconds until this breaker lets a request through (0 when it would now)."""
        state = self.state
        if state is BreakerState.OPEN:
            return max(0.0, self._open_until - self._clock())
        if state is BreakerState.HALF_OPEN and self._probe_started is not None:
            return max(0.0, self._probe_started + self.config.probe_timeout - self._clock())
        return 0.0

    def allow(self) -> bool:
        """May a request go to this backend now? In half-open, True for exactly one probe at a time."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.OPEN:
            return False
        now = self._clock()
        if self._probe_started is not None and now - self._probe_started < self.config.probe_timeout:
            return False
        self._probe_started = now
        return True

    def record_success(self) -> None:
        if self.state is BreakerState.HALF_OPEN:
            self._cooldown = self.config.cooldown
            self._reset_counts()
            self._set_state(BreakerState.CLOSED)
            return
        self._consecutive = 0
        self._push(False)

    def record_failure(self, retry_after: float | None = None) -> None:
        """A failure that says the backend is unhealthy (connection, timeout, 5xx, 429).

        A request the upstream rejected as invalid (4xx) is the caller's fault: report it as a success.
        `retry_after` (from a 429/503) lengthens the cool-down if this failure opens the breaker.
        """
        state = self.state
        if state is BreakerState.OPEN:
            return  # a straggler that started before the breaker opened: already counted
        if state is BreakerState.HALF_OPEN:
            self._cooldown = min(self._cooldown * self.config.cooldown_multiplier, self.config.max_cooldown)
            self._open(retry_after)
            return
        self._consecutive += 1
        self._push(True)
        window_full_enough = len(self._outcomes) >= self.config.min_calls
        ratio = self._failures_in_window / len(self._outcomes)
        if self._consecutive >= self.config.consecutive_failures or (
            window_full_enough and ratio >= self.config.failure_ratio
        ):
            self._open(retry_after)

    def release(self) -> None:
        """The request ended without a verdict (e.g. the client went away): free the probe slot."""
        if self._state is BreakerState.HALF_OPEN:
            self._probe_started = None

    def _open(self, retry_after: float | None) -> None:
        cooldown = self._cooldown if retry_after is None else max(self._cooldown, retry_after)
        self._open_until = self._clock() + cooldown
        self._reset_counts()
        self._set_state(BreakerState.OPEN)

    def _push(self, failed: bool) -> None:
        if len(self._outcomes) == self._outcomes.maxlen and self._outcomes[0]:
            self._failures_in_window -= 1
        self._outcomes.append(failed)
        self._failures_in_window += failed

    def _reset_counts(self) -> None:
        self._outcomes.clear()
        self._failures_in_window = 0
        self._consecutive = 0
        self._probe_started = None

    def _set_state(self, new: BreakerState) -> None:
        old, self._state = self._state, new
        if old is not new and self._on_change is not None:
            self._on_change(self.name, old, new)


class BreakerRegistry:
    """One CircuitBreaker per backend name, created on first use with the shared (or a per-name) config."""

    def __init__(
        self,
        config: BreakerConfig | None = None,
        *,
        per_backend: dict[str, BreakerConfig] | None = None,
        clock: Clock = time.monotonic,
        on_change: StateListener | None = None,
    ) -> None:
        self._config = config or BreakerConfig()
        self._per_backend = dict(per_backend or {})
        self._clock = clock
        self._on_change = on_change
        self._breakers: dict[str, CircuitBreaker] = {}

    def get(self, name: str) -> CircuitBreaker:
        breaker = self._breakers.get(name)
        if breaker is None:
            config = self._per_backend.get(name, self._config)
            breaker = CircuitBreaker(name, config, clock=self._clock, on_change=self._on_change)
            self._breakers[name] = breaker
        return breaker

    __getitem__ = get

    def states(self) -> dict[str, BreakerState]:
        return {name: breaker.state for name, breaker in self._breakers.items()}

"""RetryPolicy and CircuitBreaker with a fake clock: pure state machines, no sleeping."""

from __future__ import annotations

import pytest

from kakehashi.backends.resilience import (
    BreakerConfig,
    BreakerRegistry,
    BreakerState,
    CircuitBreaker,
    RetryPolicy,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# -- RetryPolicy -----------------------------------------------------------------------------------


def test_exponential_backoff_without_jitter_and_the_cap() -> None:
    policy = RetryPolicy(max_attempts=6, base_delay=0.5, multiplier=2.0, max_delay=3.0, jitter=0.0)
    delays = [policy.next_delay(n, retryable=True) for n in range(1, 6)]
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert policy.next_delay(6, retryable=True) is None  # attempts exhausted


def test_jitter_shrinks_the_delay_by_the_random_fraction() -> None:
    policy = RetryPolicy(base_delay=1.0, jitter=1.0, random=lambda: 0.25)
    assert policy.next_delay(1, retryable=True) == 0.75
    half = RetryPolicy(base_delay=1.0, jitter=0.5, random=lambda: 1.0)
    assert half.next_delay(1, retryable=True) == 0.5


def test_not_retryable_means_no_retry() -> None:
    assert RetryPolicy().next_delay(1, retryable=False) is None


def test_retry_after_is_honoured_and_bounded() -> None:
    policy = RetryPolicy(base_delay=0.1, jitter=0.0, max_retry_after=5.0)
    assert policy.next_delay(1, retryable=True, retry_after=2.0) == 2.0  # longer than the backoff: wins
    assert policy.next_delay(1, retryable=True, retry_after=0.01) == 0.1  # shorter: backoff wins
    assert policy.next_delay(1, retryable=True, retry_after=60.0) is None  # too long: fall back instead


def test_single_attempt_policy_never_retries() -> None:
    assert RetryPolicy(max_attempts=1).next_delay(1, retryable=True) is None


@pytest.mark.parametrize(
    "kwargs", [{"max_attempts": 0}, {"jitter": 1.5}, {"multiplier": 0.5}, {"base_delay": -1.0}]
)
def test_retry_policy_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


# -- CircuitBreaker --------------------------------------------------------------------------------


def state(breaker: CircuitBreaker) -> BreakerState:
    """Read through a function: mypy would otherwise narrow the property across calls that change it."""
    return breaker.state


def make_breaker(clock: FakeClock, **config: float) -> CircuitBreaker:
    defaults: dict[str, float] = {"consecutive_failures": 3, "cooldown": 10.0, "min_calls": 100}
    defaults.update(config)
    return CircuitBreaker("cloud", BreakerConfig(**defaults), clock=clock)  # type: ignore[arg-type]


def test_opens_after_consecutive_failures_and_blocks() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock)
    breaker.record_failure()
    breaker.record_failure()
    assert state(breaker) is BreakerState.CLOSED and breaker.allow()
    breaker.record_failure()
    assert state(breaker) is BreakerState.OPEN
    assert not breaker.allow()
    assert breaker.retry_in() == 10.0


def test_a_success_resets_the_consecutive_count() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock)
    for _ in range(5):
        breaker.record_failure()
        breaker.record_failure()
        breaker.record_success()
    assert state(breaker) is BreakerState.CLOSED


def test_opens_on_failure_ratio_over_the_window() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock, consecutive_failures=100, failure_ratio=0.5, window=10, min_calls=6)
    for _ in range(2):
        breaker.record_success()
        breaker.record_failure()
    assert state(breaker) is BreakerState.CLOSED  # 4 calls < min_calls
    breaker.record_success()
    breaker.record_failure()  # 3 failures of 6
    assert state(breaker) is BreakerState.OPEN


def test_ratio_window_forgets_old_outcomes() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock, consecutive_failures=100, failure_ratio=0.5, window=4, min_calls=4)
    breaker.record_failure()
    for _ in range(4):
        breaker.record_success()  # pushes the failure out of the window
    breaker.record_failure()
    assert state(breaker) is BreakerState.CLOSED  # 1 of 4, not 2 of 5


def test_half_open_lets_exactly_one_probe_and_success_closes() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock)
    for _ in range(3):
        breaker.record_failure()
    clock.advance(9.9)
    assert state(breaker) is BreakerState.OPEN and not breaker.allow()
    clock.advance(0.1)
    assert state(breaker) is BreakerState.HALF_OPEN
    assert breaker.allow() is True
    assert breaker.allow() is False  # only one probe in flight
    breaker.record_success()
    assert state(breaker) is BreakerState.CLOSED
    assert breaker.allow() and breaker.allow()


def test_failed_probe_reopens_with_a_longer_cooldown_then_resets_after_success() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock, cooldown=10.0, cooldown_multiplier=2.0, max_cooldown=25.0)
    for _ in range(3):
        breaker.record_failure()
    cooldowns = []
    for _ in range(3):
        clock.advance(breaker.retry_in())
        assert breaker.allow()
        breaker.record_failure()
        assert state(breaker) is BreakerState.OPEN
        cooldowns.append(breaker.retry_in())
    assert cooldowns == [20.0, 25.0, 25.0]  # doubled, then capped
    clock.advance(25.0)
    assert breaker.allow()
    breaker.record_success()
    for _ in range(3):
        breaker.record_failure()
    assert breaker.retry_in() == 10.0  # back to the base cool-down


def test_retry_after_lengthens_the_cooldown_when_it_opens() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock, consecutive_failures=1)
    breaker.record_failure(retry_after=30.0)
    assert breaker.retry_in() == 30.0


def test_lost_probe_frees_its_slot_after_probe_timeout_or_release() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock, probe_timeout=5.0)
    for _ in range(3):
        breaker.record_failure()
    clock.advance(10.0)
    assert breaker.allow()
    clock.advance(4.0)
    assert not breaker.allow()
    clock.advance(1.0)
    assert breaker.allow()  # the first probe never reported: another may go
    breaker.release()  # this one ended without a verdict (client went away)
    assert breaker.allow()
    assert state(breaker) is BreakerState.HALF_OPEN


def test_failures_while_open_do_not_extend_the_cooldown() -> None:
    clock = FakeClock()
    breaker = make_breaker(clock)
    for _ in range(3):
        breaker.record_failure()
    clock.advance(5.0)
    breaker.record_failure()  # a straggler that started before the breaker opened
    assert breaker.retry_in() == 5.0


def test_state_changes_are_reported() -> None:
    clock = FakeClock()
    changes: list[tuple[str, BreakerState, BreakerState]] = []
    breaker = CircuitBreaker(
        "cloud",
        BreakerConfig(consecutive_failures=1, cooldown=1.0),
        clock=clock,
        on_change=lambda *change: changes.append(change),
    )
    breaker.record_failure()
    clock.advance(1.0)
    assert breaker.allow()
    breaker.record_success()
    assert changes == [
        ("cloud", BreakerState.CLOSED, BreakerState.OPEN),
        ("cloud", BreakerState.OPEN, BreakerState.HALF_OPEN),
        ("cloud", BreakerState.HALF_OPEN, BreakerState.CLOSED),
    ]


def test_breaker_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        BreakerConfig(failure_ratio=0.0)
    with pytest.raises(ValueError):
        BreakerConfig(cooldown=10.0, max_cooldown=5.0)


def test_registry_keeps_one_breaker_per_backend_with_overrides() -> None:
    clock = FakeClock()
    strict = BreakerConfig(consecutive_failures=1)
    registry = BreakerRegistry(
        BreakerConfig(consecutive_failures=5), per_backend={"openai": strict}, clock=clock
    )
    assert registry.get("openai") is registry["openai"]
    registry.get("openai").record_failure()
    registry.get("ollama").record_failure()
    assert registry.states() == {"openai": BreakerState.OPEN, "ollama": BreakerState.CLOSED}
    assert repr(registry.get("openai")) == "CircuitBreaker(name='openai', state=open)"

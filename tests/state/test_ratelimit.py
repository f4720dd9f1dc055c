"""Rate limits and budget reservations on both stores: in-process, and a real Redis on 127.0.0.1."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from limits import RateLimitItemPerMinute

from kakehashi.errors import Overloaded, RateLimited
from kakehashi.state import SharedState, open_state
from kakehashi.state.budget import Caps, SharedBudget
from kakehashi.state.ratelimit import RateLimiter, RateLimits
from tests.services import RedisServer


@pytest.fixture(params=["memory", "redis"])
async def state(request: pytest.FixtureRequest) -> AsyncIterator[SharedState]:
    if request.param == "memory":
        store = open_state(None)
    else:
        server: RedisServer = request.getfixturevalue("redis")
        store = open_state(server.url, prefix=f"t{uuid.uuid4().hex[:8]}")  # fresh keys per test
    yield store
    await store.aclose()


async def test_requests_per_minute_refuses_the_one_over_with_429_headers(state: SharedState) -> None:
    limiter = RateLimiter(state, RateLimits(requests_per_minute=3))
    leases = [await limiter.admit("k1", 10) for _ in range(3)]
    assert [lease.headers["x-ratelimit-remaining-requests"] for lease in leases] == ["2", "1", "0"]
    with pytest.raises(RateLimited) as refused:
        await limiter.admit("k2", 10)
    exc = refused.value
    assert exc.status == 429 and exc.type == "requests" and exc.code == "rate_limit_exceeded"
    assert exc.headers["x-ratelimit-limit-requests"] == "3"
    assert exc.headers["x-ratelimit-remaining-requests"] == "0"
    assert exc.headers["x-ratelimit-reset-requests"].endswith("s")
    assert 1 <= exc.retry_after <= 60


async def test_a_refused_request_does_not_use_up_other_windows(state: SharedState) -> None:
    limiter = RateLimiter(state, RateLimits(requests_per_minute=100, per_key_requests_per_minute=1))
    await limiter.admit("a", 1)
    with pytest.raises(RateLimited):
        await limiter.admit("a", 1)
    lease = await limiter.admit("b", 1)  # the global window counted only the two admitted requests
    assert lease.headers["x-ratelimit-remaining-requests"] == "0"  # per key "b": 1 - 1 (tightest)
    assert (await state.windows_add([(RateLimitItemPerMinute(100), "rpm:*", 0)]))[0][0][0] == 2


async def test_tokens_are_reserved_then_the_unused_part_refunded(state: SharedState) -> None:
    limiter = RateLimiter(state, RateLimits(tokens_per_minute=1000))
    first = await limiter.admit(None, 600)
    with pytest.raises(RateLimited) as refused:
        await limiter.admit(None, 600)  # 1200 > 1000 while the first still holds its reservation
    assert refused.value.type == "tokens"
    await limiter.settle(first, 100)  # it used 100: 500 come back
    second = await limiter.admit(None, 600)
    assert second.headers["x-ratelimit-remaining-tokens"] == "300"


async def test_a_request_bigger_than_the_token_limit_says_so(state: SharedState) -> None:
    limiter = RateLimiter(state, RateLimits(per_key_tokens_per_minute=100))
    with pytest.raises(RateLimited, match="Request too large"):
        await limiter.admit("k", 101)


async def test_concurrency_per_key_is_released_on_settle(state: SharedState) -> None:
    limiter = RateLimiter(state, RateLimits(per_key_concurrent=2))
    a, _ = await limiter.admit("k", 1), await limiter.admit("k", 1)
    with pytest.raises(RateLimited) as refused:
        await limiter.admit("k", 1)
    assert refused.value.code == "concurrency_limit_exceeded"
    await limiter.admit("other", 1)  # another key has its own slots
    await limiter.settle(a, 1)
    await limiter.admit("k", 1)


async def test_budget_reservations_stop_at_the_cap(state: SharedState) -> None:
    budget = SharedBudget(state, Caps(daily=1.0), seed=lambda since, key: 0.25,
                          day_start=lambda t: t // 86400 * 86400, month_start=lambda t: 0.0)
    assert await budget.over(None) == frozenset()
    held = []
    for _ in range(3):  # 0.25 seeded + 3 x 0.3 = 1.15: the third starts below the cap (0.85)
        res, reached = await budget.reserve(None, 0.3)
        assert res is not None and reached == frozenset()
        held.append(res)
    res, reached = await budget.reserve(None, 0.3)
    assert res is None and reached == {"daily_global"}
    assert await budget.over(None) == {"daily_global"}
    await budget.settle(held[0], 0.0)  # the first cost nothing in the end: room again
    assert await budget.over(None) == frozenset()


async def test_redis_down_fails_open_or_closed_as_configured(redis: RedisServer) -> None:
    from tests.conftest import free_port

    dead = open_state(f"redis://127.0.0.1:{free_port()}/0", timeout_s=0.2)
    try:
        open_limiter = RateLimiter(dead, RateLimits(requests_per_minute=1), fail_open=True)
        for _ in range(3):
            assert (await open_limiter.admit("k", 1)).headers == {}  # admitted, unlimited
        closed = RateLimiter(dead, RateLimits(requests_per_minute=1), fail_open=False)
        with pytest.raises(Overloaded) as refused:
            await closed.admit("k", 1)
        assert refused.value.code == "state_unavailable" and refused.value.status == 503
        budget = SharedBudget(dead, Caps(daily=1.0), seed=lambda s, k: 0.0, day_start=lambda t: 0.0,
                              month_start=lambda t: 0.0, fail_open=False)
        assert await budget.over(None) == {"daily_global"}
    finally:
        await dead.aclose()


async def test_reconciliation_raises_a_total_to_the_ledger_never_lowers_it(state: SharedState) -> None:
    ledger = {"spent": 0.0}
    budget = SharedBudget(state, Caps(daily=1.0), seed=lambda since, key: ledger["spent"],
                          day_start=lambda t: t // 86400 * 86400, month_start=lambda t: 0.0, reconcile_s=0.0)
    held, _ = await budget.reserve(None, 0.3)
    assert held is not None
    ledger["spent"] = 0.1  # below the total (0.3 reserved): the reservation stays counted
    await budget.reconcile()
    assert await budget.over(None) == frozenset()
    # Spend the store missed (Redis flushed, or requests served fail-open): the ledger has 1.2.
    ledger["spent"] = 1.2
    await budget.reconcile()
    assert await budget.over(None) == {"daily_global"}
    res, reached = await budget.reserve(None, 0.01)
    assert res is None and reached == {"daily_global"}

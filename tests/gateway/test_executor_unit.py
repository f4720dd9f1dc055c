"""Retry, fallback, circuit breaker and budget logic in milliseconds, against the in-memory FakeBackend.

The real paths (real upstreams, the real engine) are covered by test_fallback.py and test_budget.py;
these pin the decisions themselves, with an injected clock and no sleeping.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from kakehashi.accounting.ledger import Ledger
from kakehashi.accounting.pricing import Price, PriceBook
from kakehashi.backends.resilience import BreakerConfig, BreakerRegistry, BreakerState, RetryPolicy
from kakehashi.config import KakehashiConfig
from kakehashi.errors import BackendError, InvalidRequest, Overloaded
from kakehashi.gateway import Executor, Gateway, Reply
from kakehashi.gateway.compose import _budget_check, _price_book
from kakehashi.gateway.fake import FakeBackend, Outcome
from kakehashi.routing.from_config import policy_from_config
from kakehashi.routing.policy import decide
from kakehashi.types import ChatRequest, Decision, Finished, TextDelta

DOWN = BackendError("connection refused", upstream_status=None)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def chat(model: str = "m", content: str = "hi") -> ChatRequest:
    return ChatRequest(model=model, messages=[{"role": "user", "content": content}])


def to_cloud_then_local(req: ChatRequest) -> Decision:
    return Decision(backend="cloud", model="big", reason="forced:cloud", fallbacks=(("local", "small"),))


async def drain(reply: Reply) -> list[object]:
    return [e async for e in reply.events()]


def make(cloud: FakeBackend, local: FakeBackend, *, attempts: int = 2, failures: int = 3,
         clock: Clock | None = None, ledger: Ledger | None = None) -> tuple[Gateway, list[float]]:
    slept: list[float] = []

    async def sleep(s: float) -> None:
        slept.append(s)

    executor = Executor(
        {"cloud": cloud, "local": local},
        retry=RetryPolicy(max_attempts=attempts, jitter=0.0),
        breakers=BreakerRegistry(BreakerConfig(consecutive_failures=failures, cooldown=30.0), clock=clock or Clock()),
        sleep=sleep,
    )
    prices = PriceBook({"cloud/big": Price(1.0, 2.0)})
    return Gateway([cloud, local], decide=to_cloud_then_local, executor=executor, ledger=ledger, prices=prices), slept


def test_a_retryable_failure_is_retried_then_falls_back() -> None:
    cloud = FakeBackend("cloud", ["big"], [Outcome(error=DOWN)], kind="cloud")
    local = FakeBackend("local", ["small"], [Outcome(text=("a", "b"))])
    gw, slept = make(cloud, local, attempts=2)

    async def run() -> tuple[Reply, list[object]]:
        reply = await gw.chat(chat())
        return reply, await drain(reply)

    reply, events = asyncio.run(run())
    assert len(cloud.calls) == 2 and len(slept) == 1  # one retry, with one backoff in between
    assert (reply.backend, reply.model, reply.fallback_from) == ("local", "small", ["cloud/big"])
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["a", "b"]
    assert local.calls[0].model == "small"  # the fallback target's model name is sent, not the alias
    assert cloud.open_streams == local.open_streams == 0


def test_a_request_the_upstream_rejects_is_not_retried_nor_sent_elsewhere() -> None:
    bad = BackendError("bad request", upstream_status=400, retryable=False)
    cloud = FakeBackend("cloud", ["big"], [Outcome(error=bad)], kind="cloud")
    local = FakeBackend("local", ["small"])
    gw, _ = make(cloud, local)
    with pytest.raises(BackendError) as e:
        asyncio.run(gw.chat(chat()))
    assert e.value.status == 400 and len(cloud.calls) == 1 and local.calls == []
    assert gw.executor.breakers.get("cloud").state is BreakerState.CLOSED


def test_the_breaker_opens_skips_the_backend_and_lets_one_probe_through_after_the_cooldown() -> None:
    clock = Clock()
    cloud = FakeBackend("cloud", ["big"], [Outcome(error=DOWN)] * 3 + [Outcome(text=("up",))], kind="cloud")
    local = FakeBackend("local", ["small"])
    gw, _ = make(cloud, local, attempts=1, failures=3, clock=clock)

    async def once() -> str:
        reply = await gw.chat(chat())
        await drain(reply)
        return reply.backend

    assert [asyncio.run(once()) for _ in range(3)] == ["local"] * 3
    assert gw.executor.breakers.get("cloud").state is BreakerState.OPEN and len(cloud.calls) == 3
    assert asyncio.run(once()) == "local" and len(cloud.calls) == 3  # open: not even tried
    clock.now += 31  # past the cool-down: half-open, one probe goes to the (recovered) cloud
    assert asyncio.run(once()) == "cloud" and len(cloud.calls) == 4
    assert gw.executor.breakers.get("cloud").state is BreakerState.CLOSED


def test_every_target_down_gives_one_error_naming_each_attempt() -> None:
    cloud = FakeBackend("cloud", ["big"], [Outcome(error=DOWN)], kind="cloud")
    local = FakeBackend("local", ["small"], [Outcome(error=Overloaded("queue full"))])
    gw, _ = make(cloud, local, attempts=1)
    with pytest.raises(Overloaded) as e:
        asyncio.run(gw.chat(chat()))
    assert "cloud/big: connection refused" in e.value.message and "local/small: queue full" in e.value.message


def test_a_stream_cut_midway_counts_against_the_breaker_and_is_one_ledger_row(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "l.sqlite3")
    cloud = FakeBackend("cloud", ["big"], [Outcome(text=("x", "y"), error_after=BackendError("cut"))], kind="cloud")
    gw, _ = make(cloud, FakeBackend("local", ["small"]), failures=1, ledger=ledger)

    async def run() -> None:
        reply = await gw.chat(chat())
        with pytest.raises(BackendError):
            await drain(reply)

    asyncio.run(run())
    assert gw.executor.breakers.get("cloud").state is BreakerState.OPEN
    ledger.close()
    rows = sqlite3.connect(tmp_path / "l.sqlite3").execute(
        "SELECT backend, status, completion_tokens FROM requests").fetchall()
    assert rows == [("cloud", "upstream_error", 2)]


def test_a_reached_daily_budget_sends_cloud_bound_requests_to_the_local_target(tmp_path: Path) -> None:
    config = KakehashiConfig.model_validate({
        "backends": {"cloud": {"base_url": "http://127.0.0.1:9", "kind": "cloud", "models": ["big"],
                               "prices": {"big": {"input": 1000.0, "output": 1000.0}}}},
        "routing": {"cloud": "cloud/big"},
        "budget": {"daily": 0.001},
    })
    ledger = Ledger.open(tmp_path / "l.sqlite3")
    policy, budget = policy_from_config(config, ["small"]), _budget_check(config, ledger)
    cloud = FakeBackend("cloud", ["big"], kind="cloud")
    local = FakeBackend("embedded", ["small"])
    gw = Gateway([local, cloud], decide=lambda r: decide(r.model, r.messages, policy, budget(r.api_key_id)),
                 ledger=ledger, prices=_price_book(config))

    async def once() -> Reply:
        reply = await gw.chat(chat("cloud"))
        assert isinstance((await drain(reply))[-1], Finished)
        return reply

    first = asyncio.run(once())  # 3 + 1 tokens at 1000/1M each: 0.004 > the 0.001 cap
    second = asyncio.run(once())
    assert (first.backend, first.decision.budget_rule) == ("cloud", None)
    assert second.backend == "embedded" and second.decision.budget_rule is not None
    assert len(cloud.calls) == 1
    ledger.close()


def test_fake_backend_rejects_nothing_it_was_not_told_to() -> None:
    """The double itself: an invalid-request script raises exactly that, before any event."""
    b = FakeBackend("x", ["m"], [Outcome(error=InvalidRequest("no", param="p"))])

    async def first() -> object:
        return await anext(b.chat(chat()))

    with pytest.raises(InvalidRequest):
        asyncio.run(first())
    assert b.open_streams == 0

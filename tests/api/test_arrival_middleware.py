"""ArrivalMiddleware counts generation requests until they settle (kakehashi.arrivals): pure ASGI logic,
tested with a small in-memory app; the engine side is tests/engine/test_arrivals.py."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from kakehashi import arrivals
from kakehashi.api.request_log import ArrivalMiddleware


def call(path: str, method: str = "POST", *, settle_inside: bool = False, fail: bool = False) -> list[int]:
    """Run one request through the middleware; returns the pending counts the app saw."""
    seen: list[int] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(arrivals.ARRIVALS.pending)
        if settle_inside:  # what an engine does when it queues the request
            arrivals.settle_current()
            arrivals.settle_current()  # settling twice counts once
            seen.append(arrivals.ARRIVALS.pending)
        if fail:
            raise RuntimeError("handler failed")

    async def noop(*_: Any) -> None:
        return None

    scope = {"type": "http", "method": method, "path": path, "headers": []}
    asyncio.run(ArrivalMiddleware(app)(scope, noop, noop))
    return seen


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/completions", "/v1/responses", "/v1/messages",
                                  "/api/chat", "/api/generate"])
def test_a_generation_request_is_counted_until_it_ends(path: str) -> None:
    assert call(path) == [1]
    assert arrivals.ARRIVALS.pending == 0


def test_other_requests_are_not_counted() -> None:
    assert call("/v1/models", "GET") == [0]
    assert call("/v1/embeddings") == [0]
    assert call("/v1/chat/completions", "GET") == [0]


def test_settled_inside_counts_once_and_a_failing_handler_still_settles() -> None:
    assert call("/v1/chat/completions", settle_inside=True) == [1, 0]
    assert arrivals.ARRIVALS.pending == 0
    with pytest.raises(RuntimeError):
        call("/v1/chat/completions", fail=True)
    assert arrivals.ARRIVALS.pending == 0

"""Fixtures for backend tests: one real fault upstream on 127.0.0.1 per session, and backend factories."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from kakehashi.backends.openai_compat import OpenAICompatBackend, Timeouts
from tests.upstreams.fault_upstream import FaultUpstream

BackendFactory = Callable[..., OpenAICompatBackend]


@pytest.fixture(scope="session")
def fault_server() -> Iterator[FaultUpstream]:
    with FaultUpstream() as upstream:
        yield upstream


@pytest.fixture
def upstream(fault_server: FaultUpstream) -> FaultUpstream:
    fault_server.reset()
    return fault_server


@pytest.fixture
async def make_backend(upstream: FaultUpstream) -> AsyncIterator[BackendFactory]:
    """Builds backends pointed at the fault upstream (or elsewhere) and closes them after the test."""
    created: list[OpenAICompatBackend] = []

    def factory(**overrides: Any) -> OpenAICompatBackend:
        options: dict[str, Any] = {
            "name": "fault",
            "base_url": upstream.base_url,
            "models": ["echo"],
            "kind": "cloud",
            "timeouts": Timeouts(connect=2.0, read=5.0, total=30.0),
        }
        options.update(overrides)
        backend = OpenAICompatBackend(**options)
        created.append(backend)
        return backend

    yield factory
    for backend in created:
        await backend.aclose()

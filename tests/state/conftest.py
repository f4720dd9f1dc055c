from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.services import RedisServer, redis_missing, redis_server


@pytest.fixture(scope="session")
def redis() -> Iterator[RedisServer]:
    reason = redis_missing()
    if reason:
        pytest.skip(reason)
    with redis_server() as server:
        yield server

"""Row factory shared by the accounting tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from kakehashi.accounting.ledger import LedgerRow

RowFactory = Callable[..., LedgerRow]


def at(iso: str) -> float:
    """Unix time of an ISO timestamp read as UTC, e.g. at("2025-01-31T23:59:00")."""
    return datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp()


@pytest.fixture
def make_row() -> RowFactory:
    counter = iter(range(1_000_000))

    def make(**overrides: Any) -> LedgerRow:
        fields: dict[str, Any] = {
            "ts": at("2025-03-01T12:00:00"),
            "request_id": f"req-{next(counter)}",
            "api_key_id": "key-a",
            "requested_model": "auto",
            "backend": "openai",
            "backend_kind": "cloud",
            "model": "gpt-4o-mini",
            "route_reason": "complexity_high",
            "status": "ok",
            "http_status": 200,
            "prompt_tokens": 100,
            "completion_tokens": 50,
            "latency_ms": 120.0,
            "stream": False,
            "cost": 0.001,
            "baseline_cost": 0.004,
        }
        fields.update(overrides)
        return LedgerRow(**fields)

    return make

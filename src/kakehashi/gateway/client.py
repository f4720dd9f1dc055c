"""GatewayClient: what the HTTP layer (api/) and the pipelines need from the gateway, and nothing more.

api/ depends on this protocol, not on the Gateway class (as vLLM's serving layer depends on EngineClient),
so a test or another process boundary can stand in for the in-process Gateway.
"""

from __future__ import annotations

from typing import Protocol

from kakehashi.gateway.service import Reply
from kakehashi.types import ChatRequest, CompletionRequest


class GatewayClient(Protocol):
    def models(self) -> list[tuple[str, str]]:
        """(model id, owning backend) for /v1/models."""
        ...

    def replica_stats(self) -> dict[str, list[dict[str, object]]]:
        """Per upstream replica of each multi-replica backend: load, failures, breaker, draining."""
        ...

    def drain_replica(self, backend: str, replica: str, draining: bool) -> dict[str, object]:
        """Stop (or resume) new requests to one upstream replica (URL or index); its state after."""
        ...

    async def chat(self, req: ChatRequest) -> Reply:
        """Route and start a chat completion; raises KakehashiError when it cannot start."""
        ...

    async def complete(self, req: CompletionRequest) -> Reply:
        """Route and start a text completion; raises KakehashiError when it cannot start."""
        ...

    def breaker_states(self) -> dict[str, str]:
        """Circuit-breaker state per backend: "closed", "open" or "half_open"."""
        ...

    async def aclose(self) -> None:
        """Close the backends and flush the ledger."""
        ...

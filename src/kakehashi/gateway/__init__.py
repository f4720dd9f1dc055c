"""The orchestration layer: decide (routing/), execute with retry and fallback (executor), account (ledger).

- service.py   Gateway and Reply: one request from decision to ledger row
- executor.py  Executor: tries the decided target, retries, falls back, keeps circuit breakers
- compose.py   ServeSettings and build_gateway(): backends, policy, ledger and prices from config
- client.py    GatewayClient: the protocol api/ and pipelines/ depend on
- embeddings.py  EmbeddingService: /v1/embeddings to the named model's backend, privacy rule, one ledger row
- fake.py      FakeBackend: an in-memory Backend for millisecond tests of the logic above

Composition (compose.py) imports the backends and hence llama.cpp; import it explicitly.
"""

from kakehashi.gateway.client import GatewayClient
from kakehashi.gateway.executor import Executor, Request, Router, Started
from kakehashi.gateway.service import Gateway, Reply

__all__ = ["Executor", "Gateway", "GatewayClient", "Reply", "Request", "Router", "Started"]

"""An httpx client talking to an in-process kakehashi app: no socket, same API as a server.

For pipelines and tools that want the embedded engine without running `kakehashi serve`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from kakehashi.api.server import build_server
from kakehashi.gateway.compose import ServeSettings
from kakehashi.gateway.embeddings import EmbeddingService


class LocalClient(httpx.AsyncClient):
    """An httpx client on the in-process app, which also hands out the app's embeddings service: a caller in
    the same process (RAG's query embedding, pipelines.rag.embed.embedder_for) can embed without the HTTP
    layer, through the same service (privacy rule and ledger row) the /v1/embeddings route calls."""

    def __init__(self, *, embedding_service: EmbeddingService, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.embedding_service = embedding_service


@asynccontextmanager
async def local_client(model_path: str | None = None, *, slots: int = 16, ctx_size: int = 4096) -> AsyncIterator[LocalClient]:
    """Yields a client whose base_url is http://kakehashi/v1; the model is loaded before it is yielded."""
    models = [(Path(model_path).stem.lower(), Path(model_path))] if model_path else []
    app = build_server(ServeSettings(models=models, engine={"slots": slots, "ctx_size": ctx_size}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with LocalClient(transport=transport, base_url="http://kakehashi/v1", timeout=600,
                               embedding_service=app.state.embeddings) as client:
            while True:
                health = await client.get("http://kakehashi/health")
                if health.status_code == 200:
                    break
                if health.json().get("status") == "error":
                    raise RuntimeError(f"the embedded engine failed to load: {health.json().get('error')}")
                await asyncio.sleep(0.05)
            yield client

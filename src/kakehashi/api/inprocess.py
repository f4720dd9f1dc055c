"""An httpx client talking to an in-process kakehashi app: no socket, same API as a server.

For pipelines and tools that want the embedded engine without running `kakehashi serve`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from kakehashi.api.server import build_server
from kakehashi.gateway.compose import ServeSettings


@asynccontextmanager
async def local_client(model_path: str | None = None, *, slots: int = 16, ctx_size: int = 4096) -> AsyncIterator[httpx.AsyncClient]:
    """Yields a client whose base_url is http://kakehashi/v1; the model is loaded before it is yielded."""
    models = [(Path(model_path).stem.lower(), Path(model_path))] if model_path else []
    app = build_server(ServeSettings(models=models, engine={"slots": slots, "ctx_size": ctx_size}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kakehashi/v1", timeout=600) as client:
            while True:
                health = await client.get("http://kakehashi/health")
                if health.status_code == 200:
                    break
                if health.json().get("status") == "error":
                    raise RuntimeError(f"the embedded engine failed to load: {health.json().get('error')}")
                await asyncio.sleep(0.05)
            yield client

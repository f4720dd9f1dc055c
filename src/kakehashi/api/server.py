"""build_server(): the FastAPI app for `kakehashi serve` and the in-process client, composed from settings."""

from __future__ import annotations

import os
from collections.abc import Callable

from fastapi import FastAPI

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.backends.local_embeddings import LocalEmbeddingBackend
from kakehashi.config import KakehashiConfig, load_config
from kakehashi.gateway.compose import EMBEDDED_EMBEDDINGS, ServeSettings, build_gateway
from kakehashi.gateway.embeddings import EmbeddingService
from kakehashi.pipelines.rag.embed import DEFAULT_EMBEDDING_MODEL
from kakehashi.pipelines.rag.store import default_data_dir
from kakehashi.pipelines.rag.vector_stores import VectorStoreService


def build_server(
    settings: ServeSettings, config: KakehashiConfig | None = None, *, on_fatal: Callable[[str], None] | None = None
) -> FastAPI:
    """Validates everything cheap up front (config, files, names), then loads models after the socket opens.
    `on_fatal(reason)` is called if loading fails (see create_app)."""
    config = config or load_config(settings.config_path)
    gateway, local, specs = build_gateway(settings, config)
    engine_config = settings.engine_config(config)

    embedder = gateway.backends.get(EMBEDDED_EMBEDDINGS)

    def load() -> None:
        for spec in specs:
            local.load(spec, engine_config)
        if isinstance(embedder, LocalEmbeddingBackend):
            embedder.load_all(n_threads=engine_config.threads)

    embeddings = EmbeddingService(
        gateway.backends, ledger=gateway.ledger, prices=gateway.prices, privacy_action=config.routing.privacy,
        privacy_learned=config.routing.privacy_learned,
        privacy_clear=config.routing.privacy_clear,
    )
    served = embeddings.embedding_models()
    store_model = DEFAULT_EMBEDDING_MODEL if DEFAULT_EMBEDDING_MODEL in served else min(served, default=None)
    vector_stores = VectorStoreService(default_data_dir() / "vector_stores", embeddings, store_model)
    return create_app(
        gateway,
        ServerOptions(api_keys=settings.api_keys, max_body_bytes=settings.max_body_bytes or config.server.max_body_bytes,
                      docs=settings.docs, admin_keys=_env_keys(config.server.admin_key_env)),
        load=load,
        engines=local.engines,
        embeddings=embeddings,
        vector_stores=vector_stores,
        on_fatal=on_fatal,
    )


def _env_keys(env: str | None) -> list[str]:
    """Comma-separated keys from the environment variable `env` (none when unset)."""
    return [k.strip() for k in os.environ.get(env, "").split(",") if k.strip()] if env else []

"""The composition root: settings -> backends -> gateway -> FastAPI app."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.backends.local import LocalBackend, LocalModelSpec
from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path
from kakehashi.engine.engine import EngineConfig
from kakehashi.gateway import Gateway


@dataclass
class ServeSettings:
    models: list[tuple[str, Path]] = field(default_factory=list)  # (name, gguf path); empty = default model
    api_keys: list[str] = field(default_factory=list)
    config_path: Path | None = None
    slots: int = 16
    ctx_size: int = 2048
    batch_size: int = 512
    max_waiting: int = 256
    threads: int = 0
    max_body_bytes: int = 8 * 1024 * 1024

    def engine_config(self) -> EngineConfig:
        return EngineConfig(
            n_slots=self.slots,
            n_ctx_per_seq=self.ctx_size,
            n_batch=max(self.batch_size, self.slots),
            max_waiting=self.max_waiting,
            n_threads=self.threads,
        )


def local_model_specs(settings: ServeSettings) -> list[LocalModelSpec]:
    pairs = settings.models or [(DEFAULT_MODEL_NAME, default_model_path())]
    names = [n for n, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError(f"two models share a name: {names}; use NAME=PATH to tell them apart")
    specs = []
    for name, path in pairs:
        if not path.is_file():
            raise FileNotFoundError(f"model file not found: {path}")
        specs.append(LocalModelSpec(name, path))
    return specs


def build_server(settings: ServeSettings) -> FastAPI:
    """Validates everything cheap up front (files, names), then loads models after the socket opens."""
    specs = local_model_specs(settings)
    local = LocalBackend()
    gateway = Gateway([local])
    engine_config = settings.engine_config()

    def load() -> None:
        for spec in specs:
            local.load(spec, engine_config)

    return create_app(
        gateway,
        ServerOptions(api_keys=settings.api_keys, max_body_bytes=settings.max_body_bytes),
        load=load,
        engines=local.engines,
    )

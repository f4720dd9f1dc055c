"""One answer to "which GGUF does this name mean?", shared by `serve -m`, `inspect` and `estimate`.

In order: `default` (the bundled model); a path to a file; `hf:OWNER/REPO[:QUANT]` (pulled when missing);
a name in kakehashi's cache (`owner/repo:QUANT`, `owner/repo/file.gguf`, or a file's stem); a model
Ollama has pulled (`llama3.2`, `qwen2.5:7b`), served from Ollama's own store without a copy. Anything
else is an error that says how to get the model. Nothing is downloaded unless the name says `hf:`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path
from kakehashi.errors import ModelNotFound
from kakehashi.models import ollama
from kakehashi.models.cache import ModelCache
from kakehashi.models.refs import HF_PREFIX, HubRef, looks_like_hub_ref, parse_hub_ref

Source = Literal["default", "file", "cache", "ollama"]
Puller = Callable[[HubRef], Path]


@dataclass(frozen=True, slots=True)
class ResolvedModel:
    name: str  # the id clients use in "model"
    path: Path
    source: Source


def resolve_model(
    text: str,
    *,
    cache: ModelCache | None = None,
    ollama_store: Path | None = None,
    pull: Puller | None = None,
) -> ResolvedModel:
    """`pull(ref) -> path` fetches an `hf:` reference that is not cached; without it that is an error too."""
    spec = text.strip()
    if spec == "default":
        return ResolvedModel(DEFAULT_MODEL_NAME, default_model_path(), "default")
    path = Path(spec).expanduser()
    if path.is_file():
        return ResolvedModel(path.stem.lower(), path, "file")
    if path.is_dir() and (path / "config.json").is_file():  # an mlx-lm directory (the MLX engine)
        return ResolvedModel(path.name.lower(), path, "file")
    cache = cache or ModelCache()
    if spec.startswith(HF_PREFIX):
        ref = parse_hub_ref(spec)
        name = spec.removeprefix(HF_PREFIX)
        cached = cache.find_ref(ref)
        if cached is not None:
            return ResolvedModel(name, cached.path, "cache")
        if pull is None:
            raise ModelNotFound(f"{name} is not in the model cache; get it with: kakehashi pull {name}", param="model")
        return ResolvedModel(name, pull(ref), "cache")
    if spec.lower().endswith(".gguf") and not looks_like_hub_ref(spec):
        raise ModelNotFound(f"model file not found: {path}", param="model")
    cached = cache.find(spec)
    if cached is not None:
        return ResolvedModel(spec, cached.path, "cache")
    from_ollama = ollama.find(spec, ollama_store)
    if from_ollama is not None:
        return ResolvedModel(spec, from_ollama.path, "ollama")
    raise ModelNotFound(_how_to_get(spec, cache, ollama_store), param="model")


def _how_to_get(spec: str, cache: ModelCache, ollama_store: Path | None) -> str:
    """One line (a server's start-up error is one line): what was looked at, and how to get the model."""
    where = (f"no model named {spec!r}: not a file, not in kakehashi's cache ({cache.root}), not pulled by "
             f"Ollama ({ollama_store or ollama.default_store()})")
    if looks_like_hub_ref(spec):
        return f"{where}; get it with `kakehashi pull {spec}` (or name it hf:{spec} to pull it on start)"
    return (f"{where}; get a GGUF with `kakehashi pull OWNER/REPO:QUANT` (e.g. kakehashi pull "
            "bartowski/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M), or give a .gguf path, or `default` for the bundled "
            "model; `kakehashi ls` lists the models here")

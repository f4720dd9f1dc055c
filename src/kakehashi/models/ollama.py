"""Models Ollama already pulled, served in place: its store is plain files, and its model blobs are GGUFs.

    $OLLAMA_MODELS (default ~/.ollama/models)
      manifests/registry.ollama.ai/library/llama3.2/latest   JSON: layers with mediaType and digest
      blobs/sha256-<hex>                                     the layer, here the GGUF itself

A name is `[host/][namespace/]model[:tag]`: host registry.ollama.ai, namespace library and tag latest when
left out, as `ollama run` reads it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

MODEL_MEDIA_TYPE = "application/vnd.ollama.image.model"
DEFAULT_HOST = "registry.ollama.ai"
_PART = re.compile(r"^[A-Za-z0-9][\w.-]*$")


def default_store() -> Path:
    if os.environ.get("OLLAMA_MODELS"):
        return Path(os.environ["OLLAMA_MODELS"]).expanduser()
    return Path.home() / ".ollama" / "models"


@dataclass(frozen=True, slots=True)
class OllamaModel:
    name: str  # as `ollama list` shows it: llama3.2:latest
    path: Path  # the GGUF blob
    size: int


def _manifest_path(store: Path, name: str) -> Path | None:
    model, _, tag = name.partition(":")
    parts = model.split("/")
    if not 1 <= len(parts) <= 3 or not all(_PART.match(p) for p in parts) or (tag and not _PART.match(tag)):
        return None
    if len(parts) == 1:
        parts = [DEFAULT_HOST, "library", *parts]
    elif len(parts) == 2:
        parts = [DEFAULT_HOST, *parts]
    return store / "manifests" / Path(*parts) / (tag or "latest")


def _blob(store: Path, manifest: Path) -> tuple[Path, int] | None:
    try:
        doc = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for layer in doc.get("layers", []) if isinstance(doc, dict) else []:
        if isinstance(layer, dict) and layer.get("mediaType") == MODEL_MEDIA_TYPE:
            digest = str(layer.get("digest", ""))
            blob = store / "blobs" / digest.replace(":", "-")
            if blob.is_file():
                return blob, int(layer.get("size") or blob.stat().st_size)
    return None


def find(name: str, store: Path | None = None) -> OllamaModel | None:
    """The GGUF blob Ollama stores for `name`, or None when Ollama has not pulled it."""
    store = store or default_store()
    manifest = _manifest_path(store, name)
    if manifest is None or not manifest.is_file():
        return None
    found = _blob(store, manifest)
    if found is None:
        return None
    return OllamaModel(_display_name(store, manifest), *found)


def list_models(store: Path | None = None) -> list[OllamaModel]:
    store = store or default_store()
    root = store / "manifests"
    if not root.is_dir():
        return []
    models = []
    for manifest in sorted(p for p in root.rglob("*") if p.is_file()):
        found = _blob(store, manifest)
        if found is not None:
            models.append(OllamaModel(_display_name(store, manifest), *found))
    return models


def _display_name(store: Path, manifest: Path) -> str:
    parts = manifest.relative_to(store / "manifests").parts
    *model, tag = parts
    if model[:2] == [DEFAULT_HOST, "library"]:
        model = model[2:]
    elif model[:1] == [DEFAULT_HOST]:
        model = model[1:]
    return f"{'/'.join(model)}:{tag}"

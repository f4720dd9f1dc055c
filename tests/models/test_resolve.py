"""The one model-name resolver: default, paths, the cache, `hf:` references and Ollama's store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path
from kakehashi.errors import ModelNotFound
from kakehashi.models.cache import CachedFile, CachedModel, ModelCache, now_iso
from kakehashi.models.resolve import resolve_model
from kakehashi.tools.inspect import app as inspect_app
from tests.tools.gguf_files import GQA_LAYOUT, write_gguf

runner = CliRunner()


def write_ollama_model(store: Path, name: str, tag: str, gguf: bytes, namespace: str = "library") -> Path:
    """Ollama's on-disk layout: a manifest naming the model layer by digest, the layer as a blob."""
    digest = hashlib.sha256(gguf).hexdigest()
    blob = store / "blobs" / f"sha256-{digest}"
    blob.parent.mkdir(parents=True, exist_ok=True)
    blob.write_bytes(gguf)
    template = b"{{ .Prompt }}"
    (store / "blobs" / f"sha256-{hashlib.sha256(template).hexdigest()}").write_bytes(template)
    manifest = store / "manifests" / "registry.ollama.ai" / namespace / name / tag
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                   "digest": "sha256:" + "0" * 64, "size": 2},
        "layers": [
            {"mediaType": "application/vnd.ollama.image.template",
             "digest": f"sha256:{hashlib.sha256(template).hexdigest()}", "size": len(template)},
            {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}", "size": len(gguf)},
        ],
    }))  # fmt: skip
    return blob


@pytest.fixture
def gguf(tmp_path: Path) -> Path:
    return write_gguf(tmp_path / "Tiny-Model.Q8_0.gguf", **GQA_LAYOUT)


@pytest.fixture
def stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModelCache, Path]:
    monkeypatch.setenv("KAKEHASHI_MODELS", str(tmp_path / "models"))
    monkeypatch.setenv("OLLAMA_MODELS", str(tmp_path / "ollama"))
    return ModelCache(), tmp_path / "ollama"


def _cache_copy(cache: ModelCache, gguf: Path, repo: str, quant: str) -> CachedModel:
    root = cache.repo_dir(repo)
    root.mkdir(parents=True)
    (root / gguf.name).write_bytes(gguf.read_bytes())
    model = CachedModel(repo, quant, (CachedFile(gguf.name, gguf.stat().st_size, None),), None, "main",
                        now_iso(), root)
    cache.record(model)
    return model


def test_default_and_paths(gguf: Path, stores: tuple[ModelCache, Path]) -> None:
    bundled = resolve_model("default")
    assert (bundled.name, bundled.path, bundled.source) == (DEFAULT_MODEL_NAME, default_model_path(), "default")
    by_path = resolve_model(str(gguf))
    assert (by_path.name, by_path.path, by_path.source) == ("tiny-model.q8_0", gguf, "file")
    with pytest.raises(ModelNotFound, match="model file not found"):
        resolve_model(str(gguf.with_name("missing.gguf")))


def test_cached_names(gguf: Path, stores: tuple[ModelCache, Path]) -> None:
    cache, _ = stores
    model = _cache_copy(cache, gguf, "someone/Tiny-GGUF", "Q8_0")
    for name in ("someone/Tiny-GGUF:Q8_0", "someone/tiny-gguf:q8_0", "someone/Tiny-GGUF",
                 "tiny-model.q8_0", "hf:someone/Tiny-GGUF:Q8_0"):  # fmt: skip
        resolved = resolve_model(name)
        assert resolved.path == model.path and resolved.source == "cache", name
    assert resolve_model("hf:someone/Tiny-GGUF:Q8_0").name == "someone/Tiny-GGUF:Q8_0"


def test_ollama_models_are_served_from_ollamas_blob(gguf: Path, stores: tuple[ModelCache, Path]) -> None:
    _, store = stores
    blob = write_ollama_model(store, "tinyllama", "latest", gguf.read_bytes())
    other = write_ollama_model(store, "tinyllama", "q8", gguf.read_bytes() + b"")
    user = write_ollama_model(store, "tiny", "v1", gguf.read_bytes(), namespace="someone")
    assert resolve_model("tinyllama").path == blob
    assert resolve_model("tinyllama:latest").path == blob
    assert resolve_model("tinyllama:q8").path == other
    assert resolve_model("someone/tiny:v1").path == user
    resolved = resolve_model("tinyllama")
    assert (resolved.name, resolved.source) == ("tinyllama", "ollama")
    # inspect reads it in place, through the same resolver.
    result = runner.invoke(inspect_app, ["tinyllama", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["architecture"] == "llama"
    assert json.loads(result.output)["path"] == str(blob)


def test_unknown_names_say_how_to_get_the_model(stores: tuple[ModelCache, Path]) -> None:
    with pytest.raises(ModelNotFound) as bare:
        resolve_model("llama3.2")
    assert "kakehashi pull OWNER/REPO:QUANT" in bare.value.message and "kakehashi ls" in bare.value.message
    with pytest.raises(ModelNotFound) as repo:
        resolve_model("bartowski/Some-GGUF:Q4_K_M")
    assert "kakehashi pull bartowski/Some-GGUF:Q4_K_M" in repo.value.message
    # hf: without a puller (as in `inspect`) does not download: it says how to.
    with pytest.raises(ModelNotFound, match="kakehashi pull bartowski/Some-GGUF"):
        resolve_model("hf:bartowski/Some-GGUF")


def test_inspect_default_and_a_friendly_error() -> None:
    ok = runner.invoke(inspect_app, ["default", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.output)["architecture"] == "llama"
    missing = runner.invoke(inspect_app, ["no-such-model"])
    assert missing.exit_code == 1 and "kakehashi pull" in missing.output


def test_config_models_take_the_same_names(gguf: Path, stores: tuple[ModelCache, Path]) -> None:
    from kakehashi.config import KakehashiConfig
    from kakehashi.gateway.compose import ServeSettings, local_model_specs

    cache, store = stores
    cached = _cache_copy(cache, gguf, "someone/Tiny-GGUF", "Q8_0")
    blob = write_ollama_model(store, "tinyllama", "latest", gguf.read_bytes())
    config = KakehashiConfig.model_validate({"models": [
        {"name": "a", "path": "someone/Tiny-GGUF:Q8_0"}, {"name": "b", "path": "tinyllama"},
        {"name": "c", "path": "default"}, {"name": "d", "path": str(gguf)},
    ]})  # fmt: skip
    specs = {s.name: s.path for s in local_model_specs(ServeSettings(), config)}
    assert specs == {"a": cached.path, "b": blob, "c": default_model_path(), "d": gguf}
    missing = KakehashiConfig.model_validate({"models": [{"name": "x", "path": "nowhere-model"}]})
    with pytest.raises(ModelNotFound, match="kakehashi pull"):
        local_model_specs(ServeSettings(), missing)


def test_estimate_takes_model_names(gguf: Path, stores: tuple[ModelCache, Path]) -> None:
    from kakehashi.tools.estimate import app as estimate_app

    cache, _ = stores
    _cache_copy(cache, gguf, "someone/Tiny-GGUF", "Q8_0")
    result = runner.invoke(estimate_app, ["someone/Tiny-GGUF:Q8_0", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["model"]["layers"] == GQA_LAYOUT["n_layer"]
    missing = runner.invoke(estimate_app, ["nothing-here"])
    assert missing.exit_code == 1 and "kakehashi pull" in missing.output

"""kakehashi.example.toml parses as shipped and with every example setting enabled, and composes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kakehashi.config import KakehashiConfig, load_config
from kakehashi.default_model import default_model_path
from kakehashi.gateway.compose import ServeSettings, build_gateway

EXAMPLE = Path(__file__).resolve().parents[2] / "kakehashi.example.toml"
# The file's convention: '#' directly followed by text is a disabled setting; '# ' is prose.
_DISABLED_SETTING = re.compile(r"^#(?=[^\s#])", re.MULTILINE)
BACKENDS = {"ollama", "llamacpp", "vllm", "sglang", "tgi", "mlx", "openai"}


def uncommented(tmp_path: Path) -> Path:
    path = tmp_path / "kakehashi.toml"
    path.write_text(_DISABLED_SETTING.sub("", EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_the_example_parses_as_shipped() -> None:
    config = load_config(EXAMPLE)
    assert config.backends == {}
    assert [m.name for m in config.models] == ["smollm2-135m-instruct"]
    assert config.routing.local == "embedded/smollm2-135m-instruct" and config.routing.cloud is None
    assert config.routing.privacy == "force_local" and config.accounting.enabled


def test_the_example_parses_with_everything_enabled(tmp_path: Path) -> None:
    config = load_config(uncommented(tmp_path))
    assert set(config.backends) == BACKENDS
    assert {name for name, b in config.backends.items() if b.kind == "cloud"} == {"openai"}
    openai = config.backends["openai"]
    assert openai.base_url == "https://api.openai.com/v1" and openai.api_key_env == "OPENAI_API_KEY"
    assert openai.prices["gpt-4o-mini"].input == pytest.approx(0.15)
    urls = {name: b.base_url for name, b in config.backends.items()}
    assert urls["ollama"] == "http://127.0.0.1:11434/v1" and urls["vllm"] == "http://127.0.0.1:8000/v1"
    assert urls["sglang"] == "http://127.0.0.1:30000/v1"
    assert urls["llamacpp"] == urls["tgi"] == urls["mlx"] == "http://127.0.0.1:8080/v1"
    assert config.routing.cloud == "openai/gpt-4o-mini" and config.accounting.baseline == "openai/gpt-4o"
    assert config.routing.fallback["ollama"] == ["embedded/smollm2-135m-instruct", "openai/gpt-4o-mini"]
    assert config.budget.daily == 5.0 and config.budget.per_key_monthly == 10.0
    assert config.server.api_key_env == "KAKEHASHI_API_KEY"


def test_the_enabled_example_composes_into_a_gateway(tmp_path: Path) -> None:
    """Build (without loading models or connecting anywhere) the gateway the full example describes."""
    config: KakehashiConfig = load_config(uncommented(tmp_path))
    # The second [[models]] names a file users download themselves: stand the default GGUF in for it.
    settings = ServeSettings(
        models=[(m.name, default_model_path()) for m in config.models], ledger_path=tmp_path / "ledger.sqlite3"
    )
    gateway, _, specs = build_gateway(settings, config)
    try:
        assert [s.name for s in specs] == ["smollm2-135m-instruct", "qwen2.5-1.5b-instruct"]
        assert set(gateway.backends) == BACKENDS | {"embedded", "embedded-embeddings"}
        ids = {model for model, _ in gateway.models()}
        assert {"auto", "local", "cloud", "gpt-4o", "tgi", "Qwen/Qwen2.5-7B-Instruct"} <= ids
        assert all("OPENAI_API_KEY" not in repr(b) for b in gateway.backends.values())
    finally:
        assert gateway.ledger is not None
        gateway.ledger.close()

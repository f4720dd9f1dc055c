"""Models served in-process by the MLX engine, behind the same embedded backend as llama.cpp's.

A model is a GGUF file (llama architecture, loaded through MLX with llama.cpp's vocabulary) or an
mlx-lm directory (config.json + safetensors + tokenizer, as `mlx_lm.convert` writes it). The chat
template is rendered by the same code as for llama.cpp models, so prompts are byte-identical.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kakehashi.engine.chat_template import ChatTemplate
from kakehashi.engine.settings import EngineConfig


def load_mlx_model(path: Path) -> tuple[Any, Any]:
    """(mlx-lm model, Tokenizer) for a GGUF file or an MLX directory. Raises ValueError when unloadable."""
    from kakehashi.engine_mlx.availability import mlx_status

    status = mlx_status()
    if not status.available:
        raise ValueError(f"--engine mlx: {status.reason}")
    from kakehashi.engine_mlx.tokenizer import GgufTokenizer, HfTokenizer

    if path.is_dir():
        from mlx_lm.utils import load_model

        if not (path / "config.json").is_file():
            raise ValueError(f"{path} is not an MLX model directory (no config.json)")
        model, _ = load_model(path)
        return model, HfTokenizer(path)
    from kakehashi.engine_mlx.gguf import gguf_loadable, load_gguf

    reason = gguf_loadable(path)
    if reason is not None:
        raise ValueError(reason)
    model, _, _ = load_gguf(path)
    return model, GgufTokenizer(path)


def load_mlx(name: str, path: Path, config: EngineConfig) -> tuple[Any, Any, ChatTemplate]:
    """(tokenizer, started MlxEngine, chat template) for LocalBackend."""
    from kakehashi.engine_mlx.engine import MlxEngine

    model, tokenizer = load_mlx_model(path)
    engine = MlxEngine(model, tokenizer, config, name=name)
    template = ChatTemplate(tokenizer.chat_template, bos_token=tokenizer.bos_text, eos_token=tokenizer.eos_text)
    engine.start()
    return tokenizer, engine, template

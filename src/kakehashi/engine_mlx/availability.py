"""Is MLX usable here, on which device, and should `engine = "auto"` pick it? Cheap to ask."""

from __future__ import annotations

import importlib.util
import platform
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class MlxStatus:
    available: bool
    device: str | None  # "gpu" (Metal) or "cpu"
    version: str | None
    reason: str | None  # why not available


def apple_silicon() -> bool:
    return sys.platform == "darwin" and platform.machine() == "arm64"


def mlx_status() -> MlxStatus:
    """Imports mlx (a few hundred ms) and reports its default device; never raises."""
    if importlib.util.find_spec("mlx") is None or importlib.util.find_spec("mlx_lm") is None:
        hint = 'pip install "kakehashi[mlx]"' + ("" if apple_silicon() else ' (MLX\'s CPU build: "mlx[cpu]")')
        return MlxStatus(False, None, None, f"mlx / mlx-lm not installed: {hint}")
    try:
        import mlx.core as mx

        device = "gpu" if mx.default_device() == mx.gpu else "cpu"
        version = getattr(mx, "__version__", None)
    except Exception as e:  # noqa: BLE001 - a broken wheel (e.g. the Metal build on Linux) raises at import
        return MlxStatus(False, None, None, f"mlx does not import: {e}")
    return MlxStatus(True, device, version, None)


def resolve_engine(choice: str, path: Path) -> str:
    """"llama" | "mlx" for a model: `auto` = MLX on Apple silicon when MLX imports and can load the
    model, llama.cpp otherwise. A directory can only be an MLX model."""
    if choice not in ("auto", "llama", "mlx"):
        raise ValueError(f"engine must be auto, llama or mlx, not {choice!r}")
    if choice == "mlx":
        status = mlx_status()
        if not status.available:
            raise ValueError(f"--engine mlx: {status.reason}")
        if path.is_file():
            from kakehashi.engine_mlx.gguf import gguf_loadable

            reason = gguf_loadable(path)
            if reason is not None:
                raise ValueError(reason)
        elif not (path / "config.json").is_file():
            raise ValueError(f"{path} is not an MLX model directory (no config.json)")
        return "mlx"
    if choice == "llama":
        return "llama"
    if path.is_dir():
        return "mlx"
    if apple_silicon() and mlx_status().available:
        from kakehashi.engine_mlx.gguf import gguf_loadable

        if gguf_loadable(path) is None:
            return "mlx"
    return "llama"

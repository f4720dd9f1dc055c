"""llama.cpp-only engine settings are refused at start when every model runs on MLX, never ignored."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("flag", [["--step-target-ms", "200"], ["--flash-attn", "on"], ["--cache-ram", "64"]])
def test_llama_only_setting_is_refused_on_mlx(flag: list[str]) -> None:
    r = subprocess.run([sys.executable, "-m", "kakehashi", "serve", "--engine", "mlx", *flag, "--port", "1"],
                       capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 2, r.stderr
    assert flag[0] in r.stderr and "MLX engine" in r.stderr


def test_llama_only_setting_in_the_toml_is_refused_on_mlx(tmp_path) -> None:
    config = tmp_path / "kakehashi.toml"
    config.write_text("[engine]\nstep_target_ms = 0\n")
    r = subprocess.run([sys.executable, "-m", "kakehashi", "serve", "--engine", "mlx", "--config", str(config),
                        "--port", "1"], capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 2, r.stderr
    assert "step_target_ms" in r.stderr

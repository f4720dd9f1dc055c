"""A server that cannot do its job exits non-zero with a one-line reason, and says "listening" only once bound."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kakehashi", "serve", "--log-level", "warning", *args],
        capture_output=True, text=True, timeout=180, check=False,  # the exit code is what we test
    )


def reason(result: subprocess.CompletedProcess[str]) -> str:
    """The last stderr line: the one-line reason."""
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def test_a_file_that_is_not_a_gguf_stops_before_binding(tmp_path: Path) -> None:
    script = tmp_path / "some-file.py"
    script.write_text("print('hello')\n")
    result = serve("-m", str(script), "--port", "0")
    assert result.returncode == 2, result.stderr
    assert reason(result) == f"kakehashi serve: not a GGUF model file: {script}"
    assert "listening" not in result.stderr and "Traceback" not in result.stderr


def test_a_gguf_that_fails_to_load_exits_1_after_binding(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF\x03\x00\x00\x00" + b"\x00" * 64)  # the magic, then nothing llama.cpp can read
    result = serve("-m", str(broken), "--port", "0")
    assert result.returncode == 1, result.stderr
    assert reason(result).startswith("kakehashi serve: loading the model failed: ")
    assert str(broken) in reason(result)
    assert "Traceback" not in result.stderr


def test_a_port_in_use_exits_1_and_never_claims_to_listen() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--port", str(port))
    assert result.returncode == 1, result.stderr
    assert reason(result) == f"kakehashi serve: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert "listening" not in result.stderr

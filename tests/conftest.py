"""Shared fixtures: real kakehashi servers on 127.0.0.1 running the real default model."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

DEFAULT_MODEL = "smollm2-135m-instruct"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(*args: str, env: dict[str, str] | None = None, log: Path | None = None) -> Iterator[str]:
    """Start `kakehashi serve ARGS` on a free loopback port; yield its base URL once /health is 200."""
    port = free_port()
    cmd = [sys.executable, "-m", "kakehashi", "serve", "--port", str(port), "--log-level", "warning", *args]
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in finally
    # Each server gets its own ledger file and data directory (vector stores) unless the test chose them:
    # never the user's real ones.
    own = Path(tempfile.mkdtemp(prefix="kk-server-"))
    private = {"KAKEHASHI_LEDGER": str(own / "ledger.sqlite3"), "XDG_DATA_HOME": str(own / "data")}
    proc = subprocess.Popen(cmd, env={**os.environ, **private, **(env or {})}, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kakehashi serve exited with {proc.returncode}: {' '.join(cmd)}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("kakehashi serve did not become healthy in 120 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def kakehashi_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real kakehashi server on the default model (base URL without /v1)."""
    log = tmp_path_factory.mktemp("server") / "serve.log"
    with running_server("--slots", "16", "--ctx-size", "4096", log=log) as base:
        yield base

"""/health while loading, several models at once."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
import uvicorn

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.backends.local import LocalBackend
from kakehashi.default_model import default_model_path
from kakehashi.gateway import Gateway
from tests.conftest import free_port, running_server

pytestmark = pytest.mark.slow


def test_health_is_503_while_loading_then_200() -> None:
    """A real uvicorn server whose loader blocks until the test lets it finish."""
    release = threading.Event()
    local = LocalBackend()
    local.expect(["m"])
    app = create_app(Gateway([local]), ServerOptions(), load=lambda: release.wait(60))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                r = httpx.get(f"{base}/health")
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        assert r.status_code == 503 and r.json()["status"] == "loading"
        chat = httpx.post(f"{base}/v1/chat/completions", json={"model": "m", "messages": [{"role": "user", "content": "x"}]})
        assert chat.status_code == 503
        assert chat.json()["error"]["code"] == "model_loading"
        assert "retry-after" in chat.headers
        release.set()
        for _ in range(200):
            if httpx.get(f"{base}/health").status_code == 200:
                break
            time.sleep(0.05)
        assert httpx.get(f"{base}/health").json() == {"status": "ok"}
    finally:
        release.set()
        server.should_exit = True
        thread.join(timeout=20)


def test_several_models_each_under_its_own_name() -> None:
    path = default_model_path()
    with running_server("-m", f"alpha={path}", "-m", f"beta={path}", "--slots", "2", "--ctx-size", "512") as base:
        ids = [m["id"] for m in httpx.get(f"{base}/v1/models").json()["data"]]
        assert {"alpha", "beta"} <= set(ids)
        for name in ("alpha", "beta"):
            r = httpx.post(f"{base}/v1/chat/completions", timeout=60,
                           json={"model": name, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 3})
            assert r.status_code == 200 and r.json()["model"] == name


def test_duplicate_model_names_fail_at_start(tmp_path) -> None:
    import subprocess
    import sys

    path = default_model_path()
    r = subprocess.run([sys.executable, "-m", "kakehashi", "serve", "-m", f"a={path}", "-m", f"a={path}", "--port", "1"],
                       capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 2 and "share a name" in r.stderr
    r = subprocess.run([sys.executable, "-m", "kakehashi", "serve", "-m", str(tmp_path / "missing.gguf"), "--port", "1"],
                       capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 2 and "not found" in r.stderr

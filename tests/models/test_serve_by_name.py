"""`kakehashi serve -m NAME` with a model pulled from a (local) hub, answering real requests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from kakehashi.default_model import default_model_path
from kakehashi.models.cli import pull_app, resolve_for_cli
from tests.conftest import running_server
from tests.models.fake_hub import HubState, fake_hub

runner = CliRunner()
REPO = "tester/SmolLM2-135M-Instruct-GGUF"


@pytest.mark.slow
def test_serve_a_pulled_model_by_its_cached_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    models = tmp_path / "models"
    monkeypatch.setenv("KAKEHASHI_MODELS", str(models))
    state = HubState()
    state.add(REPO, default_model_path().name, default_model_path())  # SmolLM2-135M-Instruct.Q4_1.gguf
    with fake_hub(state) as endpoint:
        pulled = runner.invoke(pull_app, [f"{REPO}:Q4_1", "--endpoint", endpoint])
        assert pulled.exit_code == 0, pulled.output
        # `hf:` on the command line of serve: found in the cache now, so nothing is fetched again.
        before = len(state.requests_to("cdn"))
        name, path = resolve_for_cli(f"hf:{REPO}:Q4_1")
        assert (name, path.parent.parent.parent.name) == (f"{REPO}:Q4_1", "hub")
        assert len(state.requests_to("cdn")) == before

    name = f"{REPO}:Q4_1"
    with running_server("-m", name, "--slots", "2", env={"KAKEHASHI_MODELS": str(models)}) as base:
        listed = httpx.get(f"{base}/v1/models", timeout=10).json()
        assert name in [m["id"] for m in listed["data"]]
        reply = httpx.post(f"{base}/v1/chat/completions", timeout=120, json={
            "model": name, "messages": [{"role": "user", "content": "Say hi"}], "max_tokens": 4,
        })  # fmt: skip
        assert reply.status_code == 200, reply.text
        assert reply.json()["usage"]["completion_tokens"] >= 1


def test_serve_with_an_unknown_model_exits_with_how_to_get_it(tmp_path: Path) -> None:
    env = {**os.environ, "KAKEHASHI_MODELS": str(tmp_path / "m"), "OLLAMA_MODELS": str(tmp_path / "o")}
    proc = subprocess.run([sys.executable, "-m", "kakehashi", "serve", "-m", "llama3.2"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)  # fmt: skip
    assert proc.returncode == 2
    assert "no model named 'llama3.2'" in proc.stderr and "kakehashi pull" in proc.stderr

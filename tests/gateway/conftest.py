"""Fixtures for end-to-end gateway tests: real servers on 127.0.0.1, a kakehashi.toml per gateway.

- `cloud`: a second `kakehashi serve` on the default model, standing in for a cloud provider. One per
  session (it is the expensive one: a model-backed server), shared by every test that needs it.
- `fault`: the fault-injecting upstream (tests/upstreams/fault_upstream.py), reset before each test.
- `start_gateway(toml)`: writes the config into tmp_path and runs `kakehashi serve --config` on it.

Each gateway also loads the embedded default model (small engine: 2 slots, 512-token context) because
that is the local side of routing. Requests keep max_tokens small: the machine has two shared cores.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME
from tests.conftest import free_port, running_server
from tests.upstreams.fault_upstream import FaultUpstream

EMBEDDED_REF = f"embedded/{DEFAULT_MODEL_NAME}"
# Every gateway config starts with this: a small embedded engine, enough for max_tokens <= 16.
ENGINE_TOML = """
[engine]
slots = 2
ctx_size = 512
"""
TIMEOUT = 180.0  # generous: the embedded model shares two cores with the other servers


@dataclass(frozen=True)
class Gateway:
    base: str  # http://127.0.0.1:PORT (no /v1)
    config: Path
    ledger: Path
    log: Path

    def chat(self, model: str, content: str, **body: Any) -> httpx.Response:
        payload: dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": content}]}
        payload.setdefault("max_tokens", 8)
        payload.update(body)
        return httpx.post(f"{self.base}/v1/chat/completions", json=payload, timeout=TIMEOUT)

    def stream_chat(self, model: str, content: str, **body: Any) -> tuple[httpx.Response, list[str]]:
        """A streamed chat request: the response (headers) and its `data:` payloads in order."""
        payload: dict[str, Any] = {
            "model": model, "messages": [{"role": "user", "content": content}], "stream": True,
        }
        payload.setdefault("max_tokens", 8)
        payload.update(body)
        with httpx.stream("POST", f"{self.base}/v1/chat/completions", json=payload, timeout=TIMEOUT) as r:
            data = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
        return r, data


@contextmanager
def launch_gateway(
    directory: Path, toml: str, *, env: dict[str, str] | None = None, args: tuple[str, ...] = ()
) -> Iterator[Gateway]:
    """Write `toml` (plus a small [engine], and an [accounting] ledger in `directory` unless the toml has
    its own section, where "@LEDGER@" stands for that path) and
    run `kakehashi serve --config` on it until the block ends (graceful stop: the ledger is flushed)."""
    directory.mkdir(parents=True, exist_ok=True)
    n = len(list(directory.glob("kakehashi-*.toml")))
    ledger = directory / f"ledger-{n}.sqlite3"
    config = directory / f"kakehashi-{n}.toml"
    if "[accounting]" in toml:  # the test's own section names the ledger as @LEDGER@
        toml = toml.replace("@LEDGER@", str(ledger))
    else:
        toml += f'\n[accounting]\nledger = "{ledger}"\n'
    config.write_text(f"{toml}\n{ENGINE_TOML}", encoding="utf-8")  # last: `toml` may open with top-level keys
    log = directory / f"gateway-{n}.log"
    with running_server("--config", str(config), *args, env=env, log=log) as base:
        yield Gateway(base, config, ledger, log)


StartGateway = Callable[..., AbstractContextManager[Gateway]]


@pytest.fixture
def start_gateway(tmp_path: Path) -> StartGateway:
    """`with start_gateway(toml, env={...}) as gw:` a gateway on that config, files in tmp_path."""

    def start(toml: str, **options: Any) -> AbstractContextManager[Gateway]:
        return launch_gateway(tmp_path, toml, **options)

    return start


@pytest.fixture(scope="session")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real kakehashi on the default model acting as the "cloud": its OpenAI base URL (.../v1)."""
    log = tmp_path_factory.mktemp("cloud") / "serve.log"
    with running_server("--slots", "2", "--ctx-size", "1024", log=log) as base:
        yield f"{base}/v1"


@pytest.fixture(scope="session")
def fault_server() -> Iterator[FaultUpstream]:
    with FaultUpstream() as upstream:
        yield upstream


@pytest.fixture
def fault(fault_server: FaultUpstream) -> FaultUpstream:
    fault_server.reset()
    return fault_server


def generation_requests(upstream: FaultUpstream) -> int:
    return int(upstream.state.stats()["generation_requests"])


def served_chat_requests(v1_base: str) -> int:
    """Chat requests a kakehashi server answered with 200, from its Prometheus counters."""
    text = httpx.get(v1_base.removesuffix("/v1") + "/metrics", timeout=10).text
    pattern = r'^kakehashi_requests_total\{path="/v1/chat/completions",status="200"\} ([0-9.e+]+)$'
    found = re.search(pattern, text, re.MULTILINE)
    return int(float(found.group(1))) if found else 0


def closed_port_url() -> str:
    """A base URL where nothing listens: connection refused."""
    return f"http://127.0.0.1:{free_port()}/v1"


def ledger_rows(path: Path, expected: int | None = None, timeout: float = 10.0) -> list[dict[str, Any]]:
    """Rows of the ledger's `requests` table in arrival order; waits for `expected` rows (writes are batched)."""
    deadline = time.monotonic() + timeout
    while True:
        rows: list[dict[str, Any]] = []
        if path.exists():
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                conn.row_factory = sqlite3.Row
                rows = [dict(r) for r in conn.execute("SELECT * FROM requests ORDER BY id")]
        if expected is None or len(rows) >= expected or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


def sse_objects(data: list[str]) -> list[dict[str, Any]]:
    return [json.loads(d) for d in data if d != "[DONE]"]


def streamed_text(data: list[str]) -> str:
    return "".join(
        (c.get("choices") or [{}])[0].get("delta", {}).get("content") or "" for c in sse_objects(data)
        if c.get("choices")
    )

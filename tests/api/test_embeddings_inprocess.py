"""The embeddings path's per-request machinery (session 10): request ids, one ledger row per request, the
model's own worker thread, and the in-process shortcut RAG commands take (embedder_for), on the
real in-process app with the bundled multilingual-e5-small."""

from __future__ import annotations

import multiprocessing
import re
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import pytest_asyncio

from kakehashi import request_ids
from kakehashi.pipelines.rag.embed import EmbeddingClient, ServiceEmbedder, embedder_for

E5 = "multilingual-e5-small"


def test_request_ids_are_unique_across_threads_and_32_hex() -> None:
    with ThreadPoolExecutor(8) as pool:
        batches = list(pool.map(lambda _: [request_ids.new_request_id() for _ in range(5000)], range(8)))
    ids = [i for b in batches for i in b]
    assert len(set(ids)) == len(ids) == 40_000
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


def _child_id(q: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    q.put(request_ids.new_request_id())


def test_a_forked_process_draws_its_own_prefix() -> None:
    q: multiprocessing.Queue = multiprocessing.get_context("fork").Queue()  # type: ignore[type-arg]
    procs = [multiprocessing.get_context("fork").Process(target=_child_id, args=(q,)) for _ in range(2)]
    for p in procs:
        p.start()
    children = [q.get(timeout=30) for _ in procs]
    for p in procs:
        p.join(30)
    prefixes = {i[:16] for i in [*children, request_ids.new_request_id()]}
    assert len(prefixes) == 3  # parent and each child: a prefix of their own, so no shared counter


# ------------------------------------------------------------------- the real in-process app (e5)
@pytest_asyncio.fixture
async def app_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[object, Path]]:
    from kakehashi.api.inprocess import local_client

    ledger = tmp_path / "ledger.sqlite3"
    monkeypatch.setenv("KAKEHASHI_LEDGER", str(ledger))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    async with local_client(slots=1, ctx_size=256) as client:
        yield client, ledger


def _ledger(path: Path, at_least: int) -> list[tuple[str, str, int]]:
    deadline = time.monotonic() + 15
    while True:
        rows: list[tuple[str, str, int]] = []
        if path.exists():
            with sqlite3.connect(path) as conn:
                rows = conn.execute("SELECT request_id, status, prompt_tokens FROM requests ORDER BY id").fetchall()
        if len(rows) >= at_least or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_every_request_gets_one_ledger_row_of_its_own_and_the_model_has_its_own_thread(
    app_client: tuple[object, Path],
) -> None:
    client, ledger = app_client
    given = await client.post("embeddings", json={"model": E5, "input": "東京タワーの高さ"},  # type: ignore[attr-defined]
                              headers={"x-request-id": "client-abc-123"})
    fresh = [await client.post("embeddings", json={"model": E5, "input": f"question {i}"})  # type: ignore[attr-defined]
             for i in range(2)]
    assert given.status_code == 200 and given.headers["x-request-id"] == "client-abc-123"
    ids = [r.headers["x-request-id"] for r in fresh]
    assert len(set(ids)) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    rows = _ledger(ledger, at_least=3)
    # one complete row per request, each under an id of its own: a client reusing its x-request-id must not
    # make two rows share one (the PostgreSQL ledger keeps one row per id)
    assert len(rows) == 3 and all(r[1] == "ok" and r[2] > 0 for r in rows)
    assert len({r[0] for r in rows}) == 3 and all(re.fullmatch(r"[0-9a-f]{32}", r[0]) for r in rows)
    again = await client.post("embeddings", json={"model": E5, "input": "again"},  # type: ignore[attr-defined]
                              headers={"x-request-id": "client-abc-123"})
    assert again.headers["x-request-id"] == "client-abc-123"
    assert len({r[0] for r in _ledger(ledger, at_least=4)}) == 4
    names = [t.name for t in threading.enumerate()]
    assert any(n.startswith(f"kakehashi-embed-{E5}") for n in names), names


@pytest.mark.slow
@pytest.mark.asyncio
async def test_in_process_rag_embeds_through_the_service_with_the_same_vectors(
    app_client: tuple[object, Path],
) -> None:
    client, ledger = app_client
    fast = embedder_for(client)  # type: ignore[arg-type]
    assert isinstance(fast, ServiceEmbedder) and fast.model == E5
    texts = ["ログファイルに追記される内容をリアルタイムで見続けたい", "how do I make cp keep the timestamps"]
    for kind in ("query", "passage"):
        np.testing.assert_array_equal(await fast.embed(texts, kind),
                                      await EmbeddingClient(client).embed(texts, kind))  # type: ignore[arg-type]
    assert fast.prompt_tokens > 0
    rows = _ledger(ledger, at_least=4)  # the shortcut still goes through the gateway's ledger
    assert len(rows) == 4 and all(r[1] == "ok" for r in rows) and len({r[0] for r in rows}) == 4


def test_a_server_is_called_over_http() -> None:
    import httpx

    with_server = httpx.AsyncClient(base_url="http://127.0.0.1:9/v1")
    assert isinstance(embedder_for(with_server, E5), EmbeddingClient)

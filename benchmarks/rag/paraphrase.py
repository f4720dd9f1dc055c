"""Hybrid retrieval on paraphrased questions: the pairs of benchmarks/embeddings/data (everyday questions
worded unlike the passage that answers them, EN 109 + JA 104), each passage one document of a small store.

The manual-page questions of eval/rag repeat their gold passage's words, which favours keyword search; these
do not, so they show whether a fusion leans on keywords too hard (hybrid worse than vector-only).

    /work/wt/heavy .venv/bin/python benchmarks/rag/paraphrase.py --work /tmp/kk-rag-para
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import time
from pathlib import Path

import numpy as np

from kakehashi.engine.e5 import E5Embedder
from kakehashi.pipelines.rag.retrieve import retrieve
from kakehashi.pipelines.rag.store import RagStore

DATA = Path(__file__).resolve().parents[1] / "embeddings" / "data"
K, DEPTH = 5, 10


class Direct:
    """The embedding model called in-process (the same vectors as kakehashi's /v1/embeddings)."""

    model = "multilingual-e5-small"

    def __init__(self, e5: E5Embedder) -> None:
        self.e5 = e5

    async def embed(self, texts: list[str], input_type: str) -> np.ndarray:
        return self.e5.embed(texts, input_type)  # type: ignore[arg-type]


async def run(work: Path) -> dict[str, dict[str, dict[str, float]]]:
    work.mkdir(parents=True, exist_ok=True)
    emb = Direct(E5Embedder())
    out: dict[str, dict[str, dict[str, float]]] = {}
    for lang in ("en", "ja"):
        rows = list(csv.reader((DATA / f"{lang}.tsv").open(encoding="utf-8"), delimiter="\t"))[1:]
        passages = list(dict.fromkeys(r[1] for r in rows))
        path = work / f"para-{lang}.sqlite3"
        if not path.exists():
            vectors = await emb.embed(passages, "passage")
            store = RagStore.open(path, model=emb.model, dim=vectors.shape[1])
            for i, (text, v) in enumerate(zip(passages, vectors, strict=True)):
                store.replace_document(f"p{i}", str(i), None, [(0, 0, len(text), 1, text)], v[None, :], time.time())
        else:
            store = RagStore.open(path)
        gold = {p: f"p{i}" for i, p in enumerate(passages)}
        out[lang] = {}
        for mode in ("hybrid", "vector", "keyword"):
            ranks = []
            for question, passage in rows:
                hits = await retrieve(store, emb, question, k=DEPTH, mode=mode)
                ranks.append(next((i + 1 for i, h in enumerate(hits) if h.chunk.path == gold[passage]), None))
            out[lang][mode] = {"recall@5": round(100 * sum(r is not None and r <= K for r in ranks) / len(ranks), 1),
                               "mrr@10": round(sum(1 / r for r in ranks if r) / len(ranks), 3), "questions": len(ranks)}
        store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path("/tmp/kk-rag-para"))
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    result = asyncio.run(run(a.work))
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if a.out:
        a.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

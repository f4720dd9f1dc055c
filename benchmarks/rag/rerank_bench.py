"""Reranking by the local model (pipelines/rag/rerank.py): quality and added latency on eval/rag's natural
questions.

    .venv/bin/kakehashi rag index /tmp/kk-rag-eval/en --store /tmp/s11rr/en.sqlite3     # and ja
    /work/wt/heavy --quiet .venv/bin/python benchmarks/rag/rerank_bench.py run --split dev --per-lang 40 \
        --out benchmarks/rag/results_s11_rerank_dev.json
    .venv/bin/python benchmarks/rag/rerank_bench.py score benchmarks/rag/results_s11_rerank_dev.json

`run`: for each question, hybrid retrieval's top N (in-process gateway, as `kakehashi rag search` runs it),
then every passage judged by rerank.judge, all N requests at once (rerank.rerank's path), timed; the
judgements are kept raw, so `score` can evaluate combine() at any weight (and N=5, the top 5 of the same
judgements: a passage's judgement does not depend on the others) without calling the model again. The
engine's prefix-cache counters (/metrics) are read before and after each language.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import EVAL, half, is_gold

from kakehashi.pipelines.llm import open_endpoint
from kakehashi.pipelines.rag import rerank
from kakehashi.pipelines.rag.embed import embedder_for
from kakehashi.pipelines.rag.retrieve import retrieve
from kakehashi.pipelines.rag.store import RagStore

K, MRR_DEPTH = 5, 10
_METRIC = re.compile(r'^(kakehashi_(?:prefix_cache_\w+|prompt_tokens_computed)_total)\{model="[^"]*"\} (\S+)$', re.MULTILINE)


async def metrics(http: Any) -> dict[str, float]:
    text = (await http.get("http://kakehashi/metrics")).text
    out: dict[str, float] = {}
    for name, value in _METRIC.findall(text):
        out[name] = out.get(name, 0.0) + float(value)
    return out


async def run(a: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {"split": a.split, "per_lang": a.per_lang, "n": a.n, "model": a.model,
                           "passage_tokens": rerank.PASSAGE_TOKENS, "load_before": os.getloadavg(),
                           "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    async with open_endpoint(None, api_key=None, model_path=None, slots=max(2, a.n)) as http:
        emb = embedder_for(http)
        for lang in a.langs.split(","):
            rag = RagStore.open(a.stores / f"{lang}.sqlite3")
            questions = [q for line in (EVAL / f"questions_natural.{lang}.jsonl").open(encoding="utf-8")
                         if half(q := json.loads(line)) == a.split][: a.per_lang]
            await retrieve(rag, emb, questions[0]["question"], k=a.n)  # builds the in-memory indexes (not timed)
            before = await metrics(http)
            rows = []
            for q in questions:
                t0 = time.perf_counter()
                hits = await retrieve(rag, emb, q["question"], k=a.n)
                t1 = time.perf_counter()
                judged = await asyncio.gather(*(rerank.judge(http, q["question"], h.chunk.text, model=a.model)
                                                for h in hits))
                t2 = time.perf_counter()
                rows.append({"id": q["id"], "retrieve_s": t1 - t0, "rerank_s": t2 - t1,
                             "gold": [is_gold(h.chunk.path, h.chunk.start, h.chunk.end, q) for h in hits],
                             "relevance": [j.relevance for j in judged],
                             "prompt_tokens": [j.prompt_tokens for j in judged],
                             "backend": sorted({str(j.backend) for j in judged})})
            after = await metrics(http)
            # A/B on the first questions: the N requests one at a time vs all at once, alternating (ABBA)
            ab: dict[str, list[float]] = {"sequential_s": [], "concurrent_s": []}
            for i, q in enumerate(questions[: a.ab]):
                hits = await retrieve(rag, emb, q["question"], k=a.n)
                for way in (("sequential", "concurrent") if i % 2 == 0 else ("concurrent", "sequential")):
                    t0 = time.perf_counter()
                    if way == "sequential":
                        for h in hits:
                            await rerank.judge(http, q["question"], h.chunk.text, model=a.model)
                    else:
                        await asyncio.gather(*(rerank.judge(http, q["question"], h.chunk.text, model=a.model)
                                               for h in hits))
                    ab[f"{way}_s"].append(time.perf_counter() - t0)
            rag.close()
            out[lang] = {"questions": len(rows), "metrics_delta": {k: after[k] - before.get(k, 0.0) for k in after},
                         "ab": ab, "load_after": os.getloadavg(), "rows": rows}
            print(lang, json.dumps(summary(rows, a.n), ensure_ascii=False), file=sys.stderr, flush=True)
            a.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    out["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    a.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    return out


def reorder(row: dict[str, Any], n: int, weight: float) -> list[bool]:
    """The gold flags in combine()'s order: the first n fused passages reranked, the rest after them."""
    gold, rel = row["gold"], row["relevance"]
    head = list(range(min(n, len(gold))))  # stand-ins for the hits: combine() only orders them
    order = [i for _, i, _ in rerank.combine(head, [rerank.Judgement(rel[i]) for i in head], weight)]  # type: ignore[arg-type]
    return [gold[i] for i in order] + gold[len(head):]


def quality(ranked: list[list[bool]]) -> dict[str, float]:
    recall = sum(any(r[:K]) for r in ranked) / len(ranked)
    mrr = sum(next((1 / (i + 1) for i, g in enumerate(r[:MRR_DEPTH]) if g), 0.0) for r in ranked) / len(ranked)
    return {"recall@5": round(100 * recall, 1), "mrr@10": round(mrr, 3)}


def summary(rows: list[dict[str, Any]], n: int, weights: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)) -> dict[str, Any]:
    ms = lambda xs, p: round(1000 * float(np.percentile(xs, p)), 1)
    out: dict[str, Any] = {"questions": len(rows)}
    for m in sorted({5, n}):
        if m <= n:
            out[f"N={m}"] = {f"w={w}": quality([reorder(r, m, w) for r in rows]) for w in weights}
    rr = [r["rerank_s"] for r in rows]
    out["rerank_ms_p50_p95"] = [ms(rr, 50), ms(rr, 95)]
    out["retrieve_ms_p50_p95"] = [ms([r["retrieve_s"] for r in rows], 50), ms([r["retrieve_s"] for r in rows], 95)]
    toks = [t for r in rows for t in r["prompt_tokens"] if t]
    out["prompt_tokens_per_request_mean"] = round(float(np.mean(toks)), 1) if toks else None
    out["unjudged"] = sum(x is None for r in rows for x in r["relevance"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--stores", type=Path, default=Path("/tmp/s11rr"))
    r.add_argument("--split", choices=("dev", "heldout"), default="dev")
    r.add_argument("--per-lang", type=int, default=40)
    r.add_argument("--langs", default="ja,en")
    r.add_argument("--n", type=int, default=rerank.DEFAULT_CANDIDATES)
    r.add_argument("--model", default=rerank.DEFAULT_MODEL)
    r.add_argument("--ab", type=int, default=6, help="questions timed sequential vs concurrent (per language)")
    r.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("results", type=Path)
    a = ap.parse_args()
    if a.cmd == "run":
        asyncio.run(run(a))
    else:
        data = json.loads(a.results.read_text())
        for lang in ("ja", "en"):
            if lang in data:
                ab = {k: [round(1000 * x) for x in v] for k, v in data[lang].get("ab", {}).items()}
                print(lang, json.dumps({**summary(data[lang]["rows"], data["n"]), "ab_ms": ab,
                                        "metrics_delta": data[lang]["metrics_delta"],
                                        "load_after": data[lang]["load_after"]}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

"""Latency of the privacy decision: rules alone vs rules + the learned second opinion (same run).

    python benchmarks/routing/bench_privacy_learned.py eval/privacy/dev.jsonl ... [--e5 100]

Rounds alternate (rules, rules+learned, rules, ...) over the same prompts so both see the same
machine load. "rules+learned" is `privacy.scan(text, learned=True)`: the model runs only when the
rules find nothing. Also: the learned model alone, by prompt length (first N characters of the
prompts joined), and, with --e5 N, one multilingual-e5-small embedding per prompt for N prompts
(option (b) of the selection, which was not shipped).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kakehashi.routing import privacy
from kakehashi.routing.privacy import learned


def pct(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {
        "p50": round(statistics.median(ms), 3),
        "p99": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--e5", type=int, default=0)
    args = ap.parse_args()
    texts = [
        json.loads(line)["text"] for f in args.files for line in f.read_text().splitlines() if line.strip()
    ]
    model = learned.load_model()
    model.assess(texts[0])
    rules: list[float] = []
    both: list[float] = []
    alone: list[float] = []
    for _ in range(args.rounds):
        for text in texts:
            t0 = time.perf_counter()
            privacy.scan(text)
            t1 = time.perf_counter()
            privacy.scan(text, learned=True)
            t2 = time.perf_counter()
            model.assess(text)
            t3 = time.perf_counter()
            rules.append((t1 - t0) * 1000)
            both.append((t2 - t1) * 1000)
            alone.append((t3 - t2) * 1000)
    out: dict[str, object] = {
        "prompts": len(texts),
        "rounds": args.rounds,
        "rules_ms": pct(rules),
        "rules_plus_learned_ms": pct(both),
        "learned_alone_ms": pct(alone),
    }
    joined = "\n".join(texts)
    by_len = {}
    for n in (2_000, 20_000, 100_000):
        text = joined[:n]
        ms_l, ms_r = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            model.assess(text)
            t1 = time.perf_counter()
            privacy.scan(text)
            ms_l.append((t1 - t0) * 1000)
            ms_r.append((time.perf_counter() - t1) * 1000)
        by_len[n] = {
            "learned_ms": round(statistics.median(ms_l), 2),
            "rules_ms": round(statistics.median(ms_r), 1),
        }
    out["by_length_chars"] = by_len
    if args.e5:
        from kakehashi.routing.complexity_e5 import embed_texts

        embed_texts(texts[:1])
        e5 = []
        for text in texts[: args.e5]:
            t0 = time.perf_counter()
            embed_texts([text])
            e5.append((time.perf_counter() - t0) * 1000)
        out["e5_embedding_ms"] = pct(e5)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()

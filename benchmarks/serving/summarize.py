"""Turns the per-server loadgen JSON lines of one run into a Markdown table with ratios."""

from __future__ import annotations

import json
import sys
from pathlib import Path

SERVERS = ["kakehashi", "llama-server", "llama-cpp-python"]


def main(out: Path) -> None:
    runs = {s: [json.loads(l) for l in (out / f"{s}.jsonl").read_text().splitlines() if l.strip()]
            for s in SERVERS if (out / f"{s}.jsonl").exists()}
    print(f"# Serving benchmark ({(out / 'machine.txt').read_text().splitlines()[0]})\n")
    print("`loadgen.py --stream --levels 1,4,8,16 --max-tokens 128`, SmolLM2-135M-Instruct Q4_1, same machine, one run.\n")
    print("| streams | server | agg tok/s | p50 latency s | p95 latency s | p50 TTFT s | completed/failed |")
    print("|---|---|---|---|---|---|---|")
    for i, level in enumerate(runs.get("kakehashi", [])):
        for s in SERVERS:
            if s in runs and i < len(runs[s]):
                r = runs[s][i]
                print(f"| {r['concurrency']} | {s} | {r['agg_tps']} | {r['p50_s']} | {r['p95_s']} | "
                      f"{r['p50_ttft_s']} | {r['completed']}/{r['failed']} |")
    print("\n| streams | kakehashi / llama-server tok/s | kakehashi / llama-cpp-python tok/s | TTFT kakehashi vs llama-server |")
    print("|---|---|---|---|")
    for i, k in enumerate(runs.get("kakehashi", [])):
        ls = runs.get("llama-server", [{}] * (i + 1))[i] if "llama-server" in runs else {}
        lp = runs.get("llama-cpp-python", [{}] * (i + 1))[i] if "llama-cpp-python" in runs else {}
        r1 = f"{k['agg_tps'] / ls['agg_tps']:.2f}x" if ls.get("agg_tps") else "-"
        r2 = f"{k['agg_tps'] / lp['agg_tps']:.2f}x" if lp.get("agg_tps") else "-"
        t = f"{k['p50_ttft_s']} vs {ls.get('p50_ttft_s')}" if ls else "-"
        print(f"| {k['concurrency']} | {r1} | {r2} | {t} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

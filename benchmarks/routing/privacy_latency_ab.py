"""Same-run A/B of the privacy scan and the routing decision: main's rules against this checkout's.

`route eval data/routing-dev.jsonl` gives decide p50/p99; a loop times `privacy.scan` on every prompt
of eval/privacy/'s scored splits (an explicit list: dev + A..Z, AA) + data/routing-dev.jsonl (3 passes). Main's `src` and this checkout's alternate,
three rounds, one JSON line per run. Run from the repository root, under the bench lock:

    rm -rf /tmp/main-src && mkdir /tmp/main-src && git archive main src | tar -x -C /tmp/main-src
    /work/wt/heavy flock /tmp/kk-bench.lock .venv/bin/python benchmarks/routing/privacy_latency_ab.py /tmp/main-src/src
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

_SCAN_TIMES = r"""
import json, time
from kakehashi.routing import privacy
# An explicit list (no glob), as in privacy_scan_ab.py: dev and every split scored once and development data since
# (AA..AL included; AH scored once at fe4e426, AI and AJ at 04ef8a8, AK and AL at a1c0482). A new blind split being written must stay unread
# until its first run; add it here only after that.
files = ["eval/privacy/dev.jsonl", "eval/privacy/heldout.jsonl"] + [f"eval/privacy/heldout_{x}.jsonl" for x in [*"bcdefghijklmnopqrstuvwxyz", "aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj", "ak", "al", "am", "an", "ao", "ap", "aq", "ar", "as", "at", "au", "av", "aw", "ax", "ay", "az", "ba"]]
texts = [json.loads(l)["text"] for f in files for l in open(f, encoding="utf-8") if l.strip()]
texts += [json.loads(l)["prompt"] for l in open("data/routing-dev.jsonl", encoding="utf-8")]
for t in texts[:50]:
    privacy.scan(t)
ms = []
for _ in range(3):
    for t in texts:
        start = time.perf_counter()
        privacy.scan(t)
        ms.append((time.perf_counter() - start) * 1000)
ms.sort()
print(json.dumps({"n": len(ms), "p50": ms[len(ms) // 2], "p90": ms[int(len(ms) * 0.9)], "p99": ms[int(len(ms) * 0.99)]}))
"""


def _run(src: str, args: list[str]) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=src)
    out = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main() -> None:
    sides = {"main": sys.argv[1], "branch": os.path.join(os.getcwd(), "src")}
    for round_no in (1, 2, 3):
        order = ("main", "branch") if round_no % 2 else ("branch", "main")
        for name in order:
            decide = _run(sides[name], ["-m", "kakehashi", "route", "eval", "data/routing-dev.jsonl"])
            scan = _run(sides[name], ["-c", _SCAN_TIMES])
            times = {k: decide[k] for k in ("p50_decision_ms", "p99_decision_ms")}
            print(json.dumps({"round": round_no, "rules": name, "decide": times, "scan": scan}), flush=True)


if __name__ == "__main__":
    main()

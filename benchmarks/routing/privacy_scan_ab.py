"""Same-run A/B of `privacy.scan` (rules alone and with the learned second opinion) over every prompt
of eval/privacy/ (dev + A..Z, AA..AS, an explicit list): an old `src` (e.g. `git archive <commit> src`) against this checkout's,
alternating, four rounds (or the count given after the path), one JSON line per side, mode and round. Run from the repository root:

    mkdir -p /tmp/old && git archive <commit> src | tar -x -C /tmp/old
    /work/wt/heavy flock /tmp/kk-bench.lock .venv/bin/python benchmarks/routing/privacy_scan_ab.py /tmp/old/src
"""

import json
import os
import subprocess
import sys

CODE = r'''
import json, time, sys
from kakehashi.routing import privacy
learned = sys.argv[1] == "1"
# An explicit list (no glob): dev and every split scored once and development data since, AB..AG included (AE
# scored once at 36ccdcb, AF and AG at 0d395f8). A new blind split still being written must stay out of this list until its first run.
files = ["eval/privacy/dev.jsonl", "eval/privacy/heldout.jsonl"] + [f"eval/privacy/heldout_{x}.jsonl" for x in [*"bcdefghijklmnopqrstuvwxyz", "aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj", "ak", "al", "am", "an", "ao", "ap", "aq", "ar", "as", "at", "au", "av", "aw", "ax", "ay", "az", "ba"]]
texts = [json.loads(l)["text"] for f in files for l in open(f, encoding="utf-8") if l.strip()]
for t in texts[:50]:
    privacy.scan(t, learned=learned)
ms = []
for t in texts:
    s = time.perf_counter(); privacy.scan(t, learned=learned); ms.append((time.perf_counter() - s) * 1000)
ms.sort()
print(json.dumps({"n": len(ms), "p50": round(ms[len(ms)//2], 3), "p99": round(ms[int(len(ms)*0.99)], 2), "total_s": round(sum(ms)/1000, 2)}))
'''
sides = {"before": sys.argv[1], "after": os.path.join(os.getcwd(), "src")}
for rnd in range(1, 1 + (int(sys.argv[2]) if len(sys.argv) > 2 else 4)):
    order = ("before", "after") if rnd % 2 else ("after", "before")
    for name in order:
        for learned in ("0", "1"):
            out = subprocess.run([sys.executable, "-c", CODE, learned], env=dict(os.environ, PYTHONPATH=sides[name]), capture_output=True, text=True, check=True).stdout
            print(json.dumps({"round": rnd, "side": name, "learned": learned == "1", **json.loads(out)}), flush=True)

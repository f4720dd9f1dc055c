"""Per-step trace of `kakehashi serve` under the shared load generator.

Starts kakehashi with `--log-level debug --log-format json` (the engine logs one line per step: decode and
prompt tokens, admissions, plan / decode / sample+emit milliseconds), runs loadgen.py at the given levels,
and writes OUT/steps.jsonl (the steps of the LAST level, time from that level's start) and OUT/steps.md
(a table plus a summary: when each admitted request got its prompt computed).

Usage (repo root): python benchmarks/serving/trace_steps.py OUT --loadgen ../shared/tools/loadgen.py
    [--levels 8,16] [-- extra kakehashi serve args]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from compare import MODEL_NAME, wait_ready

STEP = re.compile(  # the kv ops / plan / sample+emit fields are absent in older versions' lines
    r"step (\d+): (\d+) decode \+ (\d+) prompt tokens \((\d+) seqs\), (\d+) admitted, (\d+) waiting, "
    r"(?:(\d+) kv ops, plan ([\d.]+) ms, )?decode ([\d.]+) ms(?:, sample\+emit ([\d.]+) ms)?")
KEYS = ("step", "decode", "prompt", "prefill_seqs", "admitted", "waiting", "kv_ops", "plan_ms", "decode_ms", "post_ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--loadgen", required=True)
    ap.add_argument("--levels", default="8,16")
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("kakehashi_args", nargs="*")
    ap.add_argument("--kakehashi", help="the kakehashi executable (default: this venv's)")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    bin_dir = Path(sys.executable).parent
    log_path = a.out / "kakehashi.debug.log"
    cmd = [a.kakehashi or str(bin_dir / "kakehashi"), "serve", "--port", "8091", "--log-level", "debug", "--log-format", "json",
           *a.kakehashi_args]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_ready("http://127.0.0.1:8091/health", proc)
            rows = []
            for level in a.levels.split(","):
                start = datetime.now(UTC)
                out = subprocess.run(
                    [sys.executable, a.loadgen, "http://127.0.0.1:8091/v1/chat/completions", "--model", MODEL_NAME,
                     "--stream", "--levels", level, "--max-tokens", str(a.max_tokens)],
                    check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
                rows.append(json.loads(out))
                print(out, flush=True)
            time.sleep(0.5)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    steps = []
    for line in log_path.read_text(errors="replace").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        m = STEP.search(str(rec.get("message", "")))
        if not m:
            continue
        t = datetime.strptime(rec["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        if t < start:
            continue
        row = dict(zip(KEYS, (0 if x is None else float(x) if "." in x else int(x) for x in m.groups()), strict=True))
        row["t_s"] = round((t - start).total_seconds(), 3)
        steps.append(row)
    with (a.out / "steps.jsonl").open("w") as f:
        for row in steps:
            f.write(json.dumps(row) + "\n")
    lines = [f"loadgen: {json.dumps(rows[-1])}", f"kakehashi serve args: {a.kakehashi_args}", "",
             "| t s | step | decode | prompt | prefill seqs | admitted | waiting | kv ops | plan ms | decode ms | post ms |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['t_s']} | {r['step']} | {r['decode']} | {r['prompt']} | {r['prefill_seqs']} | {r['admitted']} | "
              f"{r['waiting']} | {r['kv_ops']} | {r['plan_ms']} | {r['decode_ms']} | {r['post_ms']} |" for r in steps]
    if steps:
        n = len(steps)
        tot = {k: sum(r[k] for r in steps) for k in ("decode", "prompt", "plan_ms", "decode_ms", "post_ms")}
        lines += ["", (f"{n} steps; decode tokens {tot['decode']}, prompt tokens {tot['prompt']}; "
                  f"plan {tot['plan_ms']:.0f} ms, decode {tot['decode_ms']:.0f} ms, sample+emit {tot['post_ms']:.0f} ms")]
    (a.out / "steps.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:60]))


if __name__ == "__main__":
    main()

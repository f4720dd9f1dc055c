"""Same-run, alternating comparison of kakehashi and the reference llama-server, with CPU accounting.

Both servers stay up (an idle one uses no CPU); for each round and each concurrency level the shared
load generator runs against one server, then the other (the order flips every round, so a slow or
fast spell of the host does not favour either). For kakehashi it also reads, from /proc, the CPU time
of the whole process and of its main thread (the asyncio event loop: HTTP, SSE, routing, accounting) over
each level, and reports event-loop CPU per streamed token.

Usage (from the repo root, after `pip install -e .`):
  python benchmarks/serving/compare.py OUT_DIR --loadgen ../shared/tools/loadgen.py \
      --llama-server PATH [--rounds 3] [--levels 1,4,8,16] [--max-tokens 128] [--requests 32] [-- extra kakehashi serve args]
  --also NAME='KAKEHASHI_EXECUTABLE ARGS...' (repeatable) runs more kakehashi variants in the same run (another
  checkout's venv, other flags); each gets its own ratio against llama-server. The servers' order rotates
  every round.
Writes OUT_DIR/results.jsonl (one line per server x level x round) and prints OUT_DIR/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

MODEL_NAME = "smollm2-135m-instruct"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(stat_path: Path) -> float:
    stat = stat_path.read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def process_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of the whole process (threads that ended included: some servers start compute threads
    per step) and of its main thread (kakehashi's asyncio event loop)."""
    return {"process": _cpu_seconds(Path(f"/proc/{pid}/stat")),
            "main": _cpu_seconds(Path(f"/proc/{pid}/task/{pid}/stat"))}


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode} before becoming ready ({url})")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    sys.exit(f"server at {url} never became ready")


def run_level(loadgen: str, url: str, level: int, max_tokens: int, requests: int = 0) -> dict[str, object]:
    cmd = [sys.executable, loadgen, url, "--model", MODEL_NAME, "--stream", "--levels", str(level),
           "--max-tokens", str(max_tokens)]
    if requests:
        cmd += ["--requests-per-level", str(requests)]
    line = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return json.loads(line)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--loadgen", required=True)
    ap.add_argument("--llama-server", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--levels", default="1,4,8,16")
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--requests", type=int, default=32,
                    help="requests per level (0 = the load generator's own, max(2 x streams, 4))")
    ap.add_argument("--also", action="append", default=[], metavar="NAME='EXE ARGS'",
                    help="another kakehashi variant: its `kakehashi` executable and serve arguments")
    ap.add_argument("kakehashi_args", nargs="*", help="extra `kakehashi serve` arguments (after --)")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    from kakehashi.default_model import default_model_path

    model = str(default_model_path())
    bin_dir = Path(sys.executable).parent
    servers = {
        # --no-repack: AMX repacking dies with SIGILL on VMs that advertise AMX without enabling it
        # (kakehashi avoids the same buffers for the same reason).
        "llama-server": (8092, [a.llama_server, "-m", model, "--host", "127.0.0.1", "--port", "8092",
                                "-c", "8192", "--parallel", "16", "-t", "2", "--no-repack"]),
        "kakehashi": (8090, [str(bin_dir / "kakehashi"), "serve", "--port", "8090", "--log-level", "warning",
                             *a.kakehashi_args]),
    }
    for i, spec in enumerate(a.also):
        name, _, cmdline = spec.partition("=")
        exe, *extra = shlex.split(cmdline)
        port = 8093 + i
        servers[name] = (port, [exe, "serve", "--port", str(port), "--log-level", "warning", *extra])
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for name, (port, cmd) in servers.items():
            log = (a.out / f"{name}.server.log").open("wb")
            procs[name] = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
            wait_ready(f"http://127.0.0.1:{port}/health", procs[name])  # 503 while loading
        (a.out / "machine.txt").write_text(
            subprocess.run(["bash", "-c", "date -u; uname -a; nproc; grep -m1 'model name' /proc/cpuinfo; uptime"],
                           check=False, capture_output=True, text=True).stdout
            + f"kakehashi serve args: {a.kakehashi_args}\n" + "".join(f"also: {x}\n" for x in a.also))
        levels = [int(x) for x in a.levels.split(",")]
        with (a.out / "results.jsonl").open("a") as sink:
            for rnd in range(a.rounds):
                names = list(servers)
                order = names if len(names) == 2 and rnd % 2 == 0 else (
                    list(reversed(names)) if len(names) == 2 else names[rnd % len(names):] + names[: rnd % len(names)])
                for level in levels:
                    for name in order:
                        port = servers[name][0]
                        pid = procs[name].pid
                        before = process_cpu(pid)
                        row = run_level(a.loadgen, f"http://127.0.0.1:{port}/v1/chat/completions", level, a.max_tokens, a.requests)
                        after = process_cpu(pid)
                        cpu = {k: round(after[k] - before[k], 2) for k in after}
                        row.update(server=name, round=rnd, cpu_s=cpu, load=os.getloadavg()[0])
                        if name != "llama-server" and row["compl_tokens"]:
                            row["loop_ms_per_token"] = round(cpu.get("main", 0.0) * 1000 / row["compl_tokens"], 3)
                        print(json.dumps(row), flush=True)
                        sink.write(json.dumps(row) + "\n")
                        sink.flush()
    finally:
        for p in procs.values():
            p.terminate()
            p.wait(timeout=30)
    md = summarize(a.out / "results.jsonl")
    (a.out / "results.md").write_text(md)
    print(md)


def summarize(path: Path) -> str:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    out = ["Medians over rounds."]
    for variant in sorted({r["server"] for r in rows} - {"llama-server"}, key=lambda v: (v != "kakehashi", v)):
        header = (f"| streams | {variant} tok/s | llama-server tok/s | ratio (per round) | p50 TTFT {variant} s | "
                  "p50 TTFT llama-server s | event-loop ms/token |")
        lines = ["", f"**{variant}**", "", header, "|---|---|---|---|---|---|---|"]
        for level in sorted({r["concurrency"] for r in rows}):
            k = [r for r in rows if r["server"] == variant and r["concurrency"] == level]
            s = [r for r in rows if r["server"] == "llama-server" and r["concurrency"] == level]
            pairs = {r["round"]: r for r in s}
            ratios = [r["agg_tps"] / pairs[r["round"]]["agg_tps"] for r in k
                      if r["round"] in pairs and pairs[r["round"]]["agg_tps"]]

            def med(rs: list[dict[str, object]], key: str) -> str:
                vals = [float(r[key]) for r in rs if r.get(key) is not None]
                return f"{statistics.median(vals):.2f}" if vals else "-"

            ratio = (f"{statistics.median(ratios):.2f}x ({', '.join(f'{x:.2f}' for x in ratios)})" if ratios else "-")
            lines.append(f"| {level} | {med(k, 'agg_tps')} | {med(s, 'agg_tps')} | {ratio} | {med(k, 'p50_ttft_s')} | "
                         f"{med(s, 'p50_ttft_s')} | {med(k, 'loop_ms_per_token')} |")
        out += lines
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--summarize":
        print(summarize(Path(sys.argv[2])))
    else:
        main()

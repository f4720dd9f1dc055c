#!/usr/bin/env bash
# Shared-prefix benchmark, same run: kakehashi (prefix cache shared, and slot = llama-server's policy)
# against the reference C++ llama-server on the default model, with bench_prefix.py.
# Usage: benchmarks/prefix/run.sh [OUT_DIR]   (from the repo root, with .venv installed)
# Env: TOOLS (default ../shared/tools, for build-llama-server.sh), SCENARIOS, LLAMA_SERVER (a built binary).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${TOOLS:-$root/../shared/tools}
out=${1:-$root/benchmarks/prefix/results-$(date -u +%Y-%m-%d)}
mkdir -p "$out"
py=$root/.venv/bin/python
model=$("$py" -c 'from kakehashi.default_model import default_model_path; print(default_model_path())')
name=smollm2-135m-instruct
llama_server=${LLAMA_SERVER:-$("$tools/build-llama-server.sh" | tail -1)}
bench="$py $root/benchmarks/prefix/bench_prefix.py"

wait_ready() {
  for _ in $(seq 1 600); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "server at $1 never became ready" >&2; return 1
}

run_one() {  # label port scenario-args -- server command...
  local label=$1 port=$2 args=$3; shift 4
  "$@" > "$out/$label.server.log" 2>&1 &
  local pid=$!
  wait_ready "http://127.0.0.1:$port/v1/models"
  sleep 1
  echo "== $label: $args" | tee -a "$out/summary.txt"
  $bench "http://127.0.0.1:$port/v1/chat/completions" --model "$name" $args | tee -a "$out/$label.jsonl" \
      | tee -a "$out/summary.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 1
}

: > "$out/summary.txt"
{ date -u; uname -a; nproc; grep -m1 'model name' /proc/cpuinfo; uptime; } > "$out/machine.txt"

# Same slots and per-slot context everywhere: 16 x 2048 tokens.
ls_cmd=("$llama_server" -m "$model" --host 127.0.0.1 --port 8192 -c 32768 --parallel 16 -t 2 --no-repack)
kk_cmd=("$root/.venv/bin/kakehashi" serve --port 8190 --log-level warning --slots 16 --ctx-size 2048)
while read -r args; do
  [ -z "$args" ] && continue
  run_one llama-server 8192 "$args" -- "${ls_cmd[@]}"
  run_one kakehashi-shared 8190 "$args" -- "${kk_cmd[@]}" --prefix-cache shared
  run_one kakehashi-slot 8190 "$args" -- "${kk_cmd[@]}" --prefix-cache slot
done <<< "${SCENARIOS:-"--scenario shared-system --concurrency 16 --waves 2 --max-tokens 64
--scenario multi-turn --concurrency 8 --turns 6 --max-tokens 64"}"

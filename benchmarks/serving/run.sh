#!/usr/bin/env bash
# Same-run comparison of kakehashi, llama-cpp-python's server and the reference C++ llama-server,
# on the default model (SmolLM2-135M-Instruct Q4_1), with the shared load generator:
#   loadgen.py --stream --levels 1,4,8,16 --max-tokens 128
# Usage: benchmarks/serving/run.sh [OUT_DIR]   (run from the repo root, with .venv installed)
# Needs: ../shared/tools (loadgen.py, build-llama-server.sh); installs llama-cpp-python's server extras.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${TOOLS:-$root/../shared/tools}
out=${1:-$root/benchmarks/serving/results-$(date -u +%Y-%m-%d)}
levels=${LEVELS:-1,4,8,16}
mkdir -p "$out"
py=$root/.venv/bin/python
model=$("$py" -c 'from kakehashi.default_model import default_model_path; print(default_model_path())')
name=smollm2-135m-instruct

"$root/.venv/bin/pip" install -q sse-starlette starlette-context pydantic-settings >/dev/null 2>&1 || true
llama_server=$("$tools/build-llama-server.sh" | tail -1)

wait_ready() {  # url
  for _ in $(seq 1 600); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "server at $1 never became ready" >&2; return 1
}

run_one() {  # label port loadgen start-command...
  local label=$1 port=$2 gen=$3; shift 3
  "$@" > "$out/$label.server.log" 2>&1 &
  local pid=$!
  wait_ready "http://127.0.0.1:$port/v1/models"
  sleep 2
  echo "== $label" | tee -a "$out/summary.txt"
  "$py" $gen "http://127.0.0.1:$port/v1/chat/completions" --model "$name" \
      --stream --levels "$levels" --max-tokens 128 | tee "$out/$label.jsonl" | tee -a "$out/summary.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 2
}

: > "$out/summary.txt"
{ date -u; uname -a; nproc; grep -m1 'model name' /proc/cpuinfo; } > "$out/machine.txt"

# llama-server: --no-repack because AMX repacking dies with SIGILL on VMs that advertise AMX
# without enabling it (kakehashi avoids the same buffers for the same reason).
plain="$tools/loadgen.py"
counting="$root/benchmarks/serving/loadgen_chunks.py $tools"  # for servers whose streams carry no usage
run_one llama-server 8092 "$plain" "$llama_server" -m "$model" --host 127.0.0.1 --port 8092 -c 8192 \
    --parallel 16 -t 2 --no-repack
run_one kakehashi 8090 "$plain" "$root/.venv/bin/kakehashi" serve --port 8090 --log-level warning
# --interrupt_requests False: by default it cuts a running stream whenever a new request arrives.
run_one llama-cpp-python 8091 "$counting" "$py" -m llama_cpp.server --model "$model" --model_alias "$name" \
    --host 127.0.0.1 --port 8091 --n_ctx 2048 --n_threads 2 --n_threads_batch 2 --interrupt_requests False

"$py" "$root/benchmarks/serving/summarize.py" "$out" > "$out/results.md"
cat "$out/results.md"

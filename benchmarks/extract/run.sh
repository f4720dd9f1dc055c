#!/usr/bin/env bash
# Extraction throughput at concurrency 1 versus 8, in one run: kakehashi's embedded engine
# (in-process) and, as the ceiling this machine allows, the reference C++ llama-server on the same
# model with the same corpus and settings.
# Usage: benchmarks/extract/run.sh [OUT_DIR]   (from the repo root, .venv installed, machine idle)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${TOOLS:-$root/../shared/tools}
out=${1:-$root/benchmarks/extract/results/run-$(date -u +%Y%m%d-%H%M)}
args=(--documents "${DOCUMENTS:-16}" --chunk-chars "${CHUNK_CHARS:-1000}" --max-tokens "${MAX_TOKENS:-512}")
mkdir -p "$out"
py=$root/.venv/bin/python
model=$("$py" -c 'from kakehashi.default_model import default_model_path; print(default_model_path())')
llama_server=${LLAMA_SERVER:-$("$tools/build-llama-server.sh" | tail -1)}
{ date -u; uname -a; nproc; grep -m1 'model name' /proc/cpuinfo; } > "$out/machine.txt"

echo "== kakehashi (embedded, in-process)" | tee "$out/summary.txt"
PYTHONPATH=$root/src "$py" "$root/benchmarks/extract/bench_extract.py" "${args[@]}" \
    --out "$out/kakehashi.json" | tee -a "$out/summary.txt"

# --no-repack: AMX repacking dies with SIGILL on VMs that advertise AMX without enabling it.
"$llama_server" -m "$model" --host 127.0.0.1 --port 8093 -c 32768 --parallel 8 -t 2 --no-repack \
    > "$out/llama-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:8093/health >/dev/null 2>&1 && break; sleep 0.2; done
echo "== llama-server --parallel 8 -t 2" | tee -a "$out/summary.txt"
PYTHONPATH=$root/src "$py" "$root/benchmarks/extract/bench_extract.py" "${args[@]}" \
    --base-url http://127.0.0.1:8093/v1 --out "$out/llama-server.json" | tee -a "$out/summary.txt"

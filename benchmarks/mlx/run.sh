#!/usr/bin/env bash
# The same model (the bundled SmolLM2-135M-Instruct Q4_1 GGUF) on three servers, one after another:
#   kakehashi --engine mlx, kakehashi --engine llama, and mlx_lm.server on the GGUF converted to an
#   mlx-lm directory. Streams at 1/4/8/16 concurrent requests (tok/s, TTFT) with loadgen.py.
# Usage: benchmarks/mlx/run.sh OUT_DIR [MAX_TOKENS] [REQUESTS_PER_LEVEL_FACTOR]
# On a Mac:  pip install -e '.[mlx]' && benchmarks/mlx/run.sh benchmarks/mlx/results-mac 128 2
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:?output directory}; MAX_TOKENS=${2:-32}; FACTOR=${3:-1}
PY=${PY:-.venv/bin/python}
LOADGEN=${LOADGEN:-benchmarks/mlx/loadgen.py}
mkdir -p "$OUT"
GGUF=$($PY -c 'from kakehashi.default_model import default_model_path as p; print(p())')
MLXDIR=$(mktemp -d)/smollm2-mlx
$PY -m kakehashi.engine_mlx.convert "$GGUF" "$MLXDIR" >/dev/null 2>&1
PORT=18731

wait_up() {  # URL PID: until the server answers; give up if it exits
  for _ in $(seq 1 600); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "server exited; see $OUT/*.log" >&2; return 1; }
    sleep 0.5
  done; return 1
}

sweep() {  # NAME MODEL
  for n in 1 4 8 16; do
    $PY "$LOADGEN" "http://127.0.0.1:$PORT/v1/chat/completions" --model "$2" --levels "$n" \
      --requests-per-level $((n * FACTOR)) --max-tokens "$MAX_TOKENS" --stream | sed "s/^/{\"server\": \"$1\", /; s/, {/, /" \
      >> "$OUT/results.jsonl"
  done
}

for engine in mlx llama; do
  KAKEHASHI_LEDGER=$(mktemp -d)/ledger.sqlite3 $PY -m kakehashi serve --engine $engine --port $PORT --slots 16 \
    --ctx-size 1024 --log-level warning > "$OUT/kakehashi-$engine.log" 2>&1 &
  pid=$!
  wait_up "http://127.0.0.1:$PORT/health" $pid
  sweep "kakehashi --engine $engine" smollm2-135m-instruct
  kill $pid; wait $pid || true
done

HF_HUB_OFFLINE=1 $PY -m mlx_lm.server --model "$MLXDIR" --host 127.0.0.1 --port $PORT > "$OUT/mlx_lm.server.log" 2>&1 &
pid=$!
wait_up "http://127.0.0.1:$PORT/health" $pid
sweep "mlx_lm.server" default_model
kill $pid; wait $pid || true
rm -rf "$(dirname "$MLXDIR")"

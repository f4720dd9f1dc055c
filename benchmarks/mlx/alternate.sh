#!/usr/bin/env bash
# One server, one concurrency level, one round: start it, warm it with one short request, run loadgen.py
# at LEVEL streams (LEVEL requests, MAX_TOKENS each, --stream), append a JSON line to OUT/results.jsonl,
# stop it. Call it in alternating rounds (A B C A B C ...) so each comparison shares the machine's state;
# run.sh's one-server-after-another sweep does not, and this VM's speed drifts a lot between minutes.
#   SERVER: mlx (kakehashi --engine mlx, this checkout) | mlx_lm (mlx_lm.server on MLXDIR) |
#           base (kakehashi --engine mlx from BASE_SRC, e.g. `git archive main src | tar -x -C /tmp/base`)
# PROFILE=1 also records `py-spy record --native` of the server during the level (OUT/SERVER-LEVEL.txt, raw).
# Usage: benchmarks/mlx/alternate.sh OUT SERVER LEVEL [MAX_TOKENS]   (MLXDIR: python -m kakehashi.engine_mlx.convert)
set -u
cd "$(dirname "$0")/../.."
OUT=${1:?output directory}; SERVER=${2:?server}; N=${3:?level}; T=${4:-32}
PY=${PY:-.venv/bin/python}; PORT=${PORT:-18741}
mkdir -p "$OUT"
case $SERVER in
  mlx|base)
    src=$([ "$SERVER" = base ] && echo "${BASE_SRC:?}" || echo "")
    PYTHONPATH=$src KAKEHASHI_LEDGER=$(mktemp -d)/l.sqlite3 $PY -m kakehashi serve --engine mlx --port "$PORT" \
      --slots 16 --ctx-size 1024 --log-level warning > "$OUT/$SERVER.log" 2>&1 &
    MODEL=smollm2-135m-instruct ;;
  mlx_lm)
    HF_HUB_OFFLINE=1 $PY -m mlx_lm.server --model "${MLXDIR:?}" --host 127.0.0.1 --port "$PORT" > "$OUT/$SERVER.log" 2>&1 &
    MODEL=default_model ;;
  *) echo "unknown server $SERVER" >&2; exit 2 ;;
esac
pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
URL=http://127.0.0.1:$PORT/v1/chat/completions
$PY benchmarks/mlx/loadgen.py "$URL" --model $MODEL --levels 1 --requests-per-level 1 --max-tokens 4 --stream >/dev/null
echo "$(date -u +%H:%M:%S) $SERVER $N $(uptime)" >> "$OUT/uptime.log"
if [ "${PROFILE:-0}" = 1 ]; then
  .venv/bin/py-spy record --native -r 20 -p $pid -o "$OUT/$SERVER-$N.txt" -f raw > "$OUT/py-spy-$SERVER-$N.log" 2>&1 &
  spy=$!
fi
$PY benchmarks/mlx/loadgen.py "$URL" --model $MODEL --levels "$N" --requests-per-level "$N" --max-tokens "$T" --stream \
  | sed "s/^/{\"server\": \"$SERVER\", /; s/, {/, /" | tee -a "$OUT/results.jsonl"
if [ "${PROFILE:-0}" = 1 ]; then kill -INT $spy; wait $spy; fi
kill $pid; wait $pid 2>/dev/null
true

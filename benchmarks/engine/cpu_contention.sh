#!/usr/bin/env bash
# One stream's decoding with and without another process keeping one core busy (a Python busy loop):
# kakehashi with adaptive compute threads (default --threads 0), kakehashi with a fixed --threads N
# (N = all cores, the behaviour before), and the reference llama-server (-t N).
# usage: benchmarks/engine/cpu_contention.sh LLAMA_SERVER_BINARY LOADGEN [ROUNDS]
# env: HOGS=1 busy processes in the "busy" runs; MAX_TOKENS=64, REQUESTS=3 per run;
#      BEFORE=DIR also runs kakehashi from another checkout's src/ (e.g. a worktree of an older commit),
#      adaptive like the first, as "kakehashi-before".
set -euo pipefail
cd "$(dirname "$0")/../.."
LS=$1; LOADGEN=$2; ROUNDS=${3:-2}; N=$(nproc)
HOGS=${HOGS:-1}; MAX_TOKENS=${MAX_TOKENS:-64}; REQUESTS=${REQUESTS:-3}; BEFORE=${BEFORE:-}
M=$(.venv/bin/python -c "from kakehashi.default_model import default_model_path as d; print(d())")
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
# 9>&-: a server must not inherit a caller's lock descriptor
.venv/bin/kakehashi serve --port 8191 --log-level info 9>&- > /tmp/cc-adaptive.log 2>&1 & pids+=($!)
.venv/bin/kakehashi serve --port 8192 --log-level info --threads "$N" 9>&- > /tmp/cc-fixed.log 2>&1 & pids+=($!)
"$LS" -m "$M" --host 127.0.0.1 --port 8193 -c 8192 --parallel 16 -t "$N" --no-repack 9>&- > /tmp/cc-ls.log 2>&1 & pids+=($!)
ports="8191 8192 8193"
if [ -n "$BEFORE" ]; then
  PYTHONPATH="$BEFORE/src" .venv/bin/python -m kakehashi serve --port 8194 --log-level info 9>&- > /tmp/cc-before.log 2>&1 & pids+=($!)
  ports="8191 8194 8192 8193"
fi
for p in $ports; do for _ in $(seq 120); do curl -sf localhost:$p/health >/dev/null && break; sleep 0.5; done; done
names=([8191]=kakehashi-adaptive [8192]=kakehashi-fixed [8193]=llama-server [8194]=kakehashi-before)
echo "date: $(date -u)  cores: $N  load: $(cut -d' ' -f1-3 /proc/loadavg)  busy processes: $HOGS  max_tokens: $MAX_TOKENS x $REQUESTS"
echo "| round | server | busy processes | tok/s | p50 request s |"
echo "|---|---|---|---|---|"
for r in $(seq "$ROUNDS"); do
  for p in $ports; do
    for hog in none "$HOGS"; do
      hp=()
      if [ "$hog" != none ]; then for _ in $(seq "$hog"); do python3 -c "while True: pass" & hp+=($!); done; sleep 1; fi
      out=$(timeout 600 .venv/bin/python "$LOADGEN" --model smollm2-135m-instruct --levels 1 --requests-per-level "$REQUESTS" \
            --max-tokens "$MAX_TOKENS" --stream "http://127.0.0.1:$p/v1/chat/completions" | tail -1)
      [ ${#hp[@]} -gt 0 ] && kill "${hp[@]}"
      tps=$(echo "$out" | .venv/bin/python -c "import json,sys; d=json.load(sys.stdin); print(d['agg_tps'], d['p50_s'])")
      echo "| $r | ${names[$p]} | $hog | ${tps% *} | ${tps#* } |"
      sleep 2
    done
  done
done
echo; echo "thread changes (kakehashi-adaptive log):"; grep "compute threads" /tmp/cc-adaptive.log | tail -20 || true
if [ -n "$BEFORE" ]; then echo; echo "thread changes (kakehashi-before log):"; grep "compute threads" /tmp/cc-before.log | tail -20 || true; fi

#!/usr/bin/env bash
# Gateway overhead of kakehashi, by the procedure of /work/shared/tools/README-gateway-overhead.md:
# the same wrk load straight at an instant fake upstream (direct) and through kakehashi (gateway,
# one process) in front of it, alternating, then results.md next to this script.
#
# usage: benchmarks/gateway_overhead/run.sh            (from anywhere; takes ~12 minutes)
# env:   TOOLS=/work/shared/tools     where fake_upstream.py, wrk_chat.lua, gateway_overhead.sh live
#        BENCH=/tmp/gw-bench          scratch: the upstream's venv, raw wrk output, ledgers
#        VARIANTS="pure ledger_off hybrid"
#          pure        models = [] (no engine loaded), backend "fake", ledger on   (pure.toml)
#          ledger_off  the same with [accounting] enabled = false
#          hybrid      embedded engine loaded + "fake" as a priced cloud backend (hybrid.toml)
#        SHORT_VARIANTS="ledger_off hybrid"   run with fewer pairs (PAIRS=2 LOW_PAIRS=1)
# Needs: wrk (apt-get install -y wrk), python3 -m venv, and kakehashi's venv at <repo>/.venv.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TOOLS=${TOOLS:-/work/shared/tools}
BENCH=${BENCH:-/tmp/gw-bench}
VARIANTS=${VARIANTS:-pure ledger_off hybrid}
SHORT_VARIANTS=${SHORT_VARIANTS:-ledger_off hybrid}
KK_PY=${KK_PY:-$ROOT/.venv/bin/python}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH/run-$STAMP
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

# Never measure while an engine benchmark (or a llama-server build) is running on the same cores.
wait_quiet() {
  while pgrep -f loadgen.py >/dev/null || pgrep -f llama-server >/dev/null; do
    echo "$(date +%T) waiting: an engine benchmark (loadgen.py / llama-server) is running" >&2
    sleep 30
  done
}
wait_quiet

# The upstream runs in its own minimal venv (uvicorn + starlette, h11), as in the reference procedure.
if [ ! -x "$BENCH/venv/bin/uvicorn" ]; then
  python3 -m venv "$BENCH/venv"
  "$BENCH/venv/bin/pip" install -q uvicorn starlette
fi

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_http() {  # url what
  for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done
  echo "$2 did not come up at $1" >&2; exit 1
}

(cd "$TOOLS" && exec "$BENCH/venv/bin/uvicorn" fake_upstream:app --port 9100 --workers 1 --log-level warning) \
  > "$OUT/upstream.log" 2>&1 &
PIDS+=($!)
wait_http http://127.0.0.1:9100/v1/models "fake upstream"

for variant in $VARIANTS; do
  wait_quiet
  dir=$OUT/$variant
  mkdir -p "$dir"
  cat /proc/loadavg > "$dir/loadavg_before.txt"   # other work on the machine shows up here
  case $variant in
    pure) sed "s|@OUT@|$dir|g" "$HERE/pure.toml" > "$dir/kakehashi.toml" ;;
    ledger_off) sed -e "s|@OUT@|$dir|g" -e "s|^enabled = true|enabled = false|" "$HERE/pure.toml" > "$dir/kakehashi.toml" ;;
    hybrid) sed "s|@OUT@|$dir|g" "$HERE/hybrid.toml" > "$dir/kakehashi.toml" ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
  esac
  # One process, one event loop: uvicorn runs inside `kakehashi serve` (no worker processes).
  PYTHONPATH=$ROOT/src "$KK_PY" -m kakehashi serve --config "$dir/kakehashi.toml" --port 4000 --log-level warning \
    > "$dir/gateway.log" 2>&1 &
  GPID=$!
  PIDS+=($GPID)
  wait_http http://127.0.0.1:4000/health kakehashi
  curl -sf -XPOST http://127.0.0.1:4000/v1/chat/completions -H 'Content-Type: application/json' \
    -d '{"model":"fake","messages":[{"role":"user","content":"hi"}],"max_tokens":10}' -D "$dir/check_headers.txt" \
    > "$dir/check_body.json"
  short=""
  case " $SHORT_VARIANTS " in *" $variant "*) short=1 ;; esac
  if [ -n "$short" ]; then
    PAIRS=2 LOW_PAIRS=1 "$TOOLS/gateway_overhead.sh" "$dir" "$GPID"
  else
    "$TOOLS/gateway_overhead.sh" "$dir" "$GPID"
  fi
  cat /proc/loadavg > "$dir/loadavg_after.txt"
  kill "$GPID"; wait "$GPID" 2>/dev/null || true   # graceful stop: the ledger writes its last rows
  if [ -f "$dir/ledger.sqlite3" ]; then
    "$KK_PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from requests').fetchone()[0])" \
      "$dir/ledger.sqlite3" > "$dir/ledger_rows.txt"
  fi
done

"$KK_PY" "$HERE/report.py" "$OUT" $VARIANTS > "$HERE/results.md"
cp "$HERE/results.md" "$OUT/results.md"
echo "wrote $HERE/results.md (raw output in $OUT)" >&2

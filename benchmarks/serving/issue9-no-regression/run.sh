#!/usr/bin/env bash
# Issue 9: plain requests (no tools, logprobs or n) must not get slower. A/B in one run, alternated:
#   base = BASE_REV's src, new = NEW_REV's src (git archive each); same venv, same model. CX_MODEL, if set,
#   replaces routing/complexity_model.json in both (main's was mid-retrain when this was measured).
#   loadgen.py URL --stream --max-tokens 32, at 1 stream (4 requests) and 16 streams (32 requests),
#   ROUNDS rounds of base then new.
# Usage (repo root): flock /tmp/kk-bench.lock benchmarks/serving/issue9-no-regression/run.sh BASE_REV NEW_REV LOADGEN [OUT]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
base_rev=$1; new_rev=$2; loadgen=$3
out=${4:-$root/benchmarks/serving/issue9-no-regression}
rounds=${ROUNDS:-2}
py=$root/.venv/bin/python
basesrc=$(mktemp -d /tmp/kk-base-XXXX); newsrc=$(mktemp -d /tmp/kk-new-XXXX)
git -C "$root" archive "$base_rev" src | tar -x -C "$basesrc"
git -C "$root" archive "$new_rev" src | tar -x -C "$newsrc"
if [ -n "${CX_MODEL:-}" ]; then
  cp "$CX_MODEL" "$basesrc/src/kakehashi/routing/complexity_model.json"
  cp "$CX_MODEL" "$newsrc/src/kakehashi/routing/complexity_model.json"
fi
port=18977
for round in $(seq 1 "$rounds"); do
  for variant in base new; do
    if [ "$variant" = base ]; then pp=$basesrc/src; else pp=$newsrc/src; fi
    KAKEHASHI_LEDGER=$(mktemp -u /tmp/kk-bench-ledger-XXXX.sqlite3) PYTHONPATH=$pp \
      "$py" -m kakehashi serve --port $port --log-level warning > "$out/$variant.$round.server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
    PYTHONPATH=$pp "$py" -c "import kakehashi; print('$variant', kakehashi.__file__)" >> "$out/variants.log"
    for spec in ${SPECS:-1:4 16:32}; do
      "$py" "$loadgen" "http://127.0.0.1:$port/v1/chat/completions" --model smollm2-135m-instruct \
        --stream --levels "${spec%%:*}" --max-tokens 32 --requests-per-level "${spec##*:}" \
        | sed "s/^/{\"variant\": \"$variant\", \"round\": $round, \"r\": /; s/\$/}/" | tee -a "$out/results.jsonl"
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
rm -rf "$basesrc" "$newsrc"

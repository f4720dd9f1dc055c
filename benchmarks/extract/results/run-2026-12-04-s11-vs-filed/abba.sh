#!/usr/bin/env bash
# Issue 10's extract target, same run: the code when the 140.0 s figure was recorded (d8e7064, its own
# bench_extract.py) against main, A-B-B-A, concurrency 8, the same generated corpus and flags.
# usage: abba.sh OLD_CHECKOUT NEW_CHECKOUT PYTHON   (run on an otherwise idle machine)
set -euo pipefail
old=$1; new=$2; py=$3; out=$(cd "$(dirname "$0")" && pwd)
run() {  # name checkout
  echo "$1 start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/runs.log"
  (cd "$2" && PYTHONPATH="$2/src" "$py" benchmarks/extract/bench_extract.py --documents 16 --chunk-chars 1000 \
     --max-tokens 512 --concurrency 8 --out "$out/$1.json" > "$out/$1.log" 2>&1)
  echo "$1 end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/runs.log"
}
run filed-1 "$old"; run main-1 "$new"; run main-2 "$new"; run filed-2 "$old"

#!/usr/bin/env bash
# usage: s11-round.sh OUT_DIR ROUND SIDE... ; SIDE in main|order|branch. Runs under the caller's lock.
set -u
root=/work/wt/s11-extract
out=$1 round=$2; shift 2
export COLUMNS=200
for side in "$@"; do
  case $side in main) src=/tmp/s11-base/src;; order) src=/tmp/s11-order/src;; nopen) src=/tmp/s11-nopen/src;; branch) src=$root/src;; esac
  echo "== round $round $side (PYTHONPATH=$src) $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
  PYTHONPATH=$src timeout 600 "$root/.venv/bin/python" "$root/benchmarks/extract/bench_extract.py" \
     --documents 16 --chunk-chars 1000 --max-tokens 512 --concurrency 8 --out "$out/$side-$round.json" 2>&1 | tee -a "$out/summary.txt"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)" | tee -a "$out/summary.txt"
done

#!/usr/bin/env bash
# Before/after in one run: bench_extract.py over the same generated corpus with two source trees,
# alternating, ROUNDS rounds each in ABBA order (before, after, after, before, ...: the machine's speed
# drifts, so only same-run ratios count). ROUND_FROM (1) starts at a later round, to split a run into
# commands that each hold the benchmark lock for a short while.
# Usage: benchmarks/extract/ab.sh BASE_SRC OUT_DIR [extra bench_extract.py args...]
#   BASE_SRC: e.g. a copy of main's src: git -C /work/main archive HEAD src | tar -x -C /tmp/extract-base
#   env: ROUNDS (2), CONCURRENCY ("8"), WRAP (command prefix for each run, e.g. a lock)
set -euo pipefail
export COLUMNS=${COLUMNS:-200}  # rich squeezes its table into 80 columns when piped
root=$(cd "$(dirname "$0")/../.." && pwd)
base_src=$1 out=$2
shift 2
mkdir -p "$out"
args=(--documents "${DOCUMENTS:-16}" --chunk-chars "${CHUNK_CHARS:-1000}" --max-tokens "${MAX_TOKENS:-512}"
      --concurrency ${CONCURRENCY:-8} "$@")
{ date -u; uname -a; nproc; grep -m1 'model name' /proc/cpuinfo; git -C "$root" rev-parse HEAD; } > "$out/machine.txt"
for round in $(seq "${ROUND_FROM:-1}" "${ROUNDS:-2}"); do
  sides="before after"
  [ $((round % 2)) = 0 ] && sides="after before"
  for side in $sides; do
    src=$root/src
    [ "$side" = before ] && src=$base_src
    { echo "== round $round $side (PYTHONPATH=$src) $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"; } \
      | tee -a "$out/summary.txt"
    PYTHONPATH=$src ${WRAP:-} "$root/.venv/bin/python" "$root/benchmarks/extract/bench_extract.py" "${args[@]}" \
        --out "$out/$side-$round.json" 2>&1 | tee -a "$out/summary.txt"
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
  done
done

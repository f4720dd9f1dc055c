#!/bin/bash
# before/after, alternated: old state code (a546497, /tmp/issue12-old) vs this branch (/tmp/issue12-new)
cd /work/wt/issue12-redis
echo "lock acquired $(date -u)"; uptime
port=$(.venv/bin/python -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")
redis-server --port $port --bind 127.0.0.1 --save "" --appendonly no >/tmp/issue12-rtt-redis.log 2>&1 &
rpid=$!
sleep 0.5
for round in 1 2; do
  if [ $round = 2 ] && [ $(date -u +%H%M) -ge 2348 ] && [ $(date -u +%H) = 23 ]; then echo "skipping round 2 (deadline)"; break; fi
  echo "== before (a546497) store_rtt"; PYTHONPATH=/tmp/issue12-old/src .venv/bin/python /tmp/issue12-store_rtt_old.py  # store_rtt.py as of a546497 (single-key money_add) redis://127.0.0.1:$port/0
  echo "== before bench"; PYTHONPATH=/tmp/issue12-old/src .venv/bin/python /tmp/issue12-new/benchmarks/scale/bench_scale.py --latency-only --rounds 2 --latency-seconds 4 --out /tmp/issue12-before-$round.json | tail -30
  echo "== after store_rtt"; PYTHONPATH=/tmp/issue12-new/src .venv/bin/python /tmp/issue12-new/benchmarks/scale/store_rtt.py redis://127.0.0.1:$port/0
  echo "== after bench"; PYTHONPATH=/tmp/issue12-new/src .venv/bin/python /tmp/issue12-new/benchmarks/scale/bench_scale.py --latency-only --rounds 2 --latency-seconds 4 --out /tmp/issue12-after-$round.json | tail -30
  uptime
done
kill $rpid
echo "done $(date -u)"

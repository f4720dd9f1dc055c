"""Round-trip cost of the Redis state operations alone: python benchmarks/scale/store_rtt.py redis://127.0.0.1:PORT/0

What one admitted request costs the store: the admission (4 windows + the concurrency slot, one step),
and a budget reservation against 4 caps (one step)."""

import asyncio
import statistics
import sys
import time

from limits import RateLimitItemPerMinute

from kakehashi.state import open_state


async def main(url):
    st = open_state(url, prefix="rtt")
    items = [(RateLimitItemPerMinute(10**9), f"k{i}", 1) for i in range(4)]
    money = [(f"m{i}", 0.001, 86400) for i in range(4)]
    for label, op in (("ping", lambda: st.ping()),
                      ("windows_add x4 + slot", lambda: st.windows_add(items, ("g", 1, 60))),
                      ("money_add x4", lambda: st.money_add(money))):
        ts = []
        for _ in range(2000):
            t = time.perf_counter(); await op(); ts.append(time.perf_counter() - t)
        ts.sort()
        print(f"{label}: p50 {statistics.median(ts)*1e3:.3f} ms, p95 {ts[int(len(ts) * 0.95)]*1e3:.3f} ms")
    await st.aclose()
asyncio.run(main(sys.argv[1]))

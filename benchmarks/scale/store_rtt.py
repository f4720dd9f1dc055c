"""Round-trip cost of the Redis state operations alone: python benchmarks/scale/store_rtt.py redis://127.0.0.1:PORT/0"""

import asyncio
import statistics
import sys
import time

from limits import RateLimitItemPerMinute

from kakehashi.state import open_state


async def main(url):
    st = open_state(url, prefix="rtt")
    items = [(RateLimitItemPerMinute(10**9), f"k{i}", 1) for i in range(4)]
    for label, op in (("ping", lambda: st.ping()), ("windows_add x4", lambda: st.windows_add(items)),
                      ("gauge_add", lambda: st.gauge_add("g", 1, 60))):
        ts = []
        for _ in range(2000):
            t = time.perf_counter(); await op(); ts.append(time.perf_counter() - t)
        print(label, f"p50 {statistics.median(ts)*1e3:.3f} ms")
    await st.aclose()
asyncio.run(main(sys.argv[1]))

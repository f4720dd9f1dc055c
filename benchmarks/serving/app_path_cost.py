"""Python cost of one streamed chat request through the real app and gateway (FakeBackend: no engine, no socket,
no wake-ups between tokens): main-thread CPU per request and per token.

    python benchmarks/serving/app_path_cost.py [TOKENS=128] [REQUESTS=300] [--profile]
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import sys
import time

import orjson
import uvloop

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.gateway import Gateway
from kakehashi.gateway.fake import FakeBackend, Outcome

TOKENS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 128
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 300
APP = create_app(Gateway([FakeBackend("local", ["m"], [Outcome(text=("tok",) * TOKENS)])]), ServerOptions())
BODY = orjson.dumps({"model": "m", "messages": [{"role": "user", "content": "Write a haiku about the sea, please."}],
                     "max_tokens": 128, "temperature": 0.7, "seed": 1, "stream": True})
SCOPE = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
         "path": "/v1/chat/completions", "raw_path": b"/v1/chat/completions", "query_string": b"", "root_path": "",
         "headers": [(b"host", b"x"), (b"content-type", b"application/json"),
                     (b"content-length", str(len(BODY)).encode())],
         "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}


async def one() -> int:
    """One request; returns the number of ASGI messages sent."""
    delivered = False
    gone = asyncio.get_running_loop().create_future()

    async def receive() -> dict[str, object]:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": BODY, "more_body": False}
        await gone
        return {"type": "http.disconnect"}

    messages = 0

    async def send(_: object) -> None:
        nonlocal messages
        messages += 1

    await APP(dict(SCOPE), receive, send)
    gone.cancel()
    return messages


async def main() -> None:
    for _ in range(20):  # warm-up
        await one()
    t0 = time.process_time()
    for _ in range(REQUESTS):
        messages = await one()
    per_request = (time.process_time() - t0) / REQUESTS * 1000
    print(f"tokens={TOKENS} messages/request={messages} CPU/request={per_request:.3f} ms "
          f"per token={per_request / max(TOKENS, 1):.4f} ms")
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(REQUESTS):
            await one()
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    uvloop.run(main())

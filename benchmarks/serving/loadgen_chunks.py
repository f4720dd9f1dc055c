"""The shared loadgen.py, with one change: when a server's stream carries no `usage` (llama-cpp-python's
server sends none), completion tokens are counted as content chunks (one token per chunk there).

Everything else — prompts, concurrency, timing, output — is loadgen.py's own code, imported as is.
"""

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv.pop(1)).resolve()))  # first argument: the shared tools folder
import loadgen  # noqa: E402


async def one(client, url, model, i, max_tokens, stream):  # same as loadgen.one, plus the chunk count
    body = {"model": model, "messages": [{"role": "user", "content": loadgen.prompt(i)}],
            "max_tokens": max_tokens, "temperature": 0.7, "seed": i, "stream": True,
            "stream_options": {"include_usage": True}}
    t0 = time.perf_counter(); ttft = None; toks = None; chunks = 0
    async with client.stream("POST", url, json=body) as r:
        r.raise_for_status()
        async for line in r.aiter_lines():
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                break
            ev = json.loads(data)
            if ev.get("choices") and ev["choices"][0].get("delta", {}).get("content"):
                chunks += 1
                if ttft is None:
                    ttft = time.perf_counter() - t0
            if ev.get("usage"):
                toks = ev["usage"]["completion_tokens"]
    return time.perf_counter() - t0, ttft, chunks if toks is None else toks


loadgen.one = one
if __name__ == "__main__":
    loadgen.main()

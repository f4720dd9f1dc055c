"""Prometheus metrics: request counts by status, latency and TTFT histograms, tokens, engine gauges.

Each app owns its registry (no process-global state), so several servers can live in one process.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
_TTFT_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30)


class _EngineCollector(Collector):
    """Reads queue depth and running sequences at scrape time from whatever engines are loaded."""

    def __init__(self, engines: Callable[[], Mapping[str, object]]) -> None:
        self._engines = engines

    def collect(self) -> Iterator[GaugeMetricFamily | CounterMetricFamily]:
        waiting = GaugeMetricFamily("kakehashi_queue_depth", "Requests waiting for a slot", labels=["model"])
        running = GaugeMetricFamily("kakehashi_running_sequences", "Sequences in the batch", labels=["model"])
        threads = GaugeMetricFamily("kakehashi_engine_threads",
                                    "Compute threads the engine runs (fewer while other processes keep cores busy)",
                                    labels=["model"])
        computed = CounterMetricFamily(
            "kakehashi_prompt_tokens_computed",
            "Prompt tokens the engine prefilled (prefix-cache hits and n > 1 choices share them)", labels=["model"],
        )
        prefix = {
            key: CounterMetricFamily(f"kakehashi_prefix_cache_{key}", text, labels=["model"])
            for key, text in (
                ("lookups", "Requests admitted with a prefix-cache lookup"),
                ("hits", "Requests that reused at least one cached prompt token"),
                ("tokens_reused", "Prompt tokens taken from the prefix cache instead of prefilled"),
                ("copies", "KV streams copied to share a prefix across requests"),
                ("host_saves", "Prompts' KV cells saved to host RAM before their slot was reused"),
                ("host_restores", "Prompts' KV cells loaded back from host RAM into a slot"),
                ("host_evictions", "Saved prompts dropped from host RAM (least recently used first)"),
            )
        }
        for name, engine in self._engines().items():
            waiting.add_metric([name], getattr(engine, "n_waiting", 0))
            running.add_metric([name], getattr(engine, "n_running", 0))
            computed.add_metric([name], getattr(engine, "prompt_tokens_computed", 0))
            if getattr(engine, "threads", None) is not None:
                threads.add_metric([name], engine.threads)
            for key, value in getattr(engine, "prefix_cache_stats", {}).items():
                prefix[key].add_metric([name], value)
        yield waiting
        yield running
        yield threads
        yield computed
        yield from prefix.values()


class _ReplicaCollector(Collector):
    """Per-replica load and health of backends that have several upstream URLs."""

    def __init__(self, replicas: Callable[[], dict[str, list[dict[str, object]]]]) -> None:
        self._replicas = replicas

    def collect(self) -> Iterator[GaugeMetricFamily]:
        labels = ["backend", "replica"]
        outstanding = GaugeMetricFamily("kakehashi_replica_outstanding", "Requests in flight", labels=labels)
        requests = CounterMetricFamily("kakehashi_replica_requests", "Requests sent", labels=labels)
        failures = CounterMetricFamily("kakehashi_replica_failures", "Failed requests", labels=labels)
        healthy = GaugeMetricFamily("kakehashi_replica_available",
                                    "1 when the breaker is not open and it is not draining", labels=labels)
        for backend, stats in self._replicas().items():
            for s in stats:
                key = [backend, str(s["url"])]
                outstanding.add_metric(key, float(s["outstanding"]))  # type: ignore[arg-type]
                requests.add_metric(key, float(s["requests"]))  # type: ignore[arg-type]
                failures.add_metric(key, float(s["failures"]))  # type: ignore[arg-type]
                healthy.add_metric(key, float(s["breaker"] != "open" and not s["draining"]))
        yield outstanding
        yield requests  # type: ignore[misc]
        yield failures  # type: ignore[misc]
        yield healthy


class _BreakerCollector(Collector):
    """Each backend's circuit breaker as an enum gauge: 1 for its current state, 0 for the others."""

    STATES = ("closed", "open", "half_open")

    def __init__(self, breakers: Callable[[], dict[str, str]]) -> None:
        self._breakers = breakers

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "kakehashi_backend_circuit_state", "Circuit breaker state per backend (1 = current)",
            labels=["backend", "state"],
        )
        for backend, current in self._breakers().items():
            for state in self.STATES:
                gauge.add_metric([backend, state], 1.0 if state == current else 0.0)
        yield gauge


class Metrics:
    def __init__(
        self, engines: Callable[[], Mapping[str, object]], breakers: Callable[[], dict[str, str]] = dict,
        replicas: Callable[[], dict[str, list[dict[str, object]]]] = dict,
    ) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "kakehashi_requests", "HTTP requests by path and status", ["path", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "kakehashi_request_latency_seconds", "Request latency (to the last byte)", ["path"],
            buckets=_LATENCY_BUCKETS, registry=self.registry,
        )
        self.ttft = Histogram(
            "kakehashi_time_to_first_token_seconds", "Time to first token", ["model"],
            buckets=_TTFT_BUCKETS, registry=self.registry,
        )
        self.tokens = Counter(
            "kakehashi_tokens", "Tokens processed", ["model", "kind"], registry=self.registry
        )
        self.registry.register(_EngineCollector(engines))
        self.registry.register(_BreakerCollector(breakers))
        self.registry.register(_ReplicaCollector(replicas))

    def observe_generation(self, model: str, ttft_s: float | None, prompt: int, completion: int) -> None:
        if ttft_s is not None:
            self.ttft.labels(model).observe(ttft_s)
        self.tokens.labels(model, "prompt").inc(prompt)
        self.tokens.labels(model, "completion").inc(completion)

    def render(self) -> bytes:
        return generate_latest(self.registry)


_KNOWN_PATHS = frozenset({
    "/v1/chat/completions", "/v1/completions", "/v1/models", "/health", "/health/live", "/health/ready", "/metrics",
    "/v1/messages", "/v1/responses", "/api/chat", "/api/generate", "/api/tags", "/api/show", "/api/ps",
    "/api/version", "/api/embed",
})


class MetricsMiddleware:
    """Counts every response by status (errors included) and times it to its last byte."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"] if scope["path"] in _KNOWN_PATHS else "other"  # bounded label cardinality
        start = time.perf_counter()
        status = 500

        async def observing_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observing_send)
        finally:
            self.metrics.requests.labels(path, str(status)).inc()
            self.metrics.latency.labels(path).observe(time.perf_counter() - start)

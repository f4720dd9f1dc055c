"""One backend served by several identical upstream replicas (e.g. three vLLM pods).

Each request goes to the healthy replica with the fewest requests in flight from this gateway
(ties rotate). With prefix affinity on, requests whose prompts start alike prefer the same replica
(rendezvous hashing of the first `affinity_prefix_chars` characters), so that replica's prefix cache
is reused. Characters rather than tokens: the upstream's tokenizer is not in this process (it would
have to come from a model hub, or from a /tokenize round trip per request), and equal leading
characters are all the hash needs to send equal prefixes to the same replica; replicas can come and go without reshuffling the other prefixes. Affinity yields to load:
when the preferred replica has `affinity_max_skew` more requests in flight than the least loaded,
the least loaded wins. Every replica has its own circuit breaker and counters; a draining replica
gets no new requests while its in-flight ones finish. A replica that fails before the first token
is skipped for another one within the same request; the router's retries and fallbacks still apply
on top, to the set as a whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from kakehashi.backends.base import BackendKind
from kakehashi.backends.openai_compat import OpenAICompatBackend
from kakehashi.backends.resilience import BreakerConfig, BreakerState, CircuitBreaker
from kakehashi.errors import BackendError, KakehashiError, Overloaded
from kakehashi.types import ChatRequest, CompletionRequest, Finished, GenerationEvent


@dataclass(eq=False)
class Replica:
    url: str
    backend: OpenAICompatBackend
    breaker: CircuitBreaker
    outstanding: int = 0
    requests: int = 0
    failures: int = 0
    draining: bool = False
    stats: dict[str, Any] = field(default_factory=dict)


def _prefix(req: ChatRequest | CompletionRequest, chars: int) -> str:
    if isinstance(req, CompletionRequest):
        return req.prompt[:chars]
    parts: list[str] = []
    for m in req.messages:
        content = m.get("content")
        text = content if isinstance(content, str) else str(content)
        parts.append(f"{m.get('role', '')}:{text}")
        if sum(len(p) for p in parts) >= chars:
            break
    return "\n".join(parts)[:chars]


def rendezvous_order(key: str, urls: list[str]) -> list[str]:
    """Highest-random-weight order of `urls` for `key`: removing one URL never moves another's keys."""
    def weight(url: str) -> int:
        return int.from_bytes(hashlib.blake2b(f"{url}\x00{key}".encode(), digest_size=8).digest(), "big")

    return sorted(urls, key=weight, reverse=True)


class ReplicaSetBackend:
    def __init__(
        self,
        name: str,
        replicas: list[OpenAICompatBackend],
        urls: list[str],
        *,
        kind: BackendKind,
        models: list[str],
        breaker: BreakerConfig | None = None,
        affinity_prefix_chars: int | None = None,
        affinity_max_skew: int = 4,
        draining: list[str] | None = None,
    ) -> None:
        if not replicas or len(replicas) != len(urls):
            raise ValueError(f"backend {name!r}: one URL per replica")
        self.name = name
        self.kind: BackendKind = kind
        self._models = list(models)
        self.replicas = [Replica(u, b, CircuitBreaker(f"{name}@{u}", breaker)) for u, b in zip(urls, replicas, strict=True)]
        self.affinity_prefix_chars = affinity_prefix_chars
        self.affinity_max_skew = affinity_max_skew
        self._turn = 0
        for url in draining or []:
            self.drain(url)

    def models(self) -> list[str]:
        return list(self._models)

    def replica(self, ref: str) -> Replica:
        """The replica named by its URL or by its position (0 = base_url, then `replicas` in order)."""
        if ref.isdigit() and int(ref) < len(self.replicas):
            return self.replicas[int(ref)]
        for r in self.replicas:
            if r.url == ref.rstrip("/"):
                return r
        raise KeyError(f"backend {self.name!r} has no replica {ref!r} (give its URL or its index, "
                       f"0 to {len(self.replicas) - 1})")

    def drain(self, ref: str, draining: bool = True) -> Replica:
        """Stop (or resume) sending new requests to a replica; in-flight ones finish. Refuses
        (ValueError) to drain the last replica still taking requests."""
        replica = self.replica(ref)
        if draining and not replica.draining and all(r.draining for r in self.replicas if r is not replica):
            raise ValueError(f"backend {self.name!r}: {replica.url} is the last replica taking requests")
        replica.draining = draining
        return replica

    def candidates(self, req: ChatRequest | CompletionRequest, exclude: set[str]) -> list[Replica]:
        """Replicas in the order to try: affinity's choice first (unless overloaded), then least loaded."""
        live = [r for r in self.replicas if not r.draining and r.url not in exclude
                and r.breaker.state is not BreakerState.OPEN]
        if not live:
            return []
        self._turn += 1
        n = len(self.replicas)
        index = {id(r): i for i, r in enumerate(self.replicas)}
        ordered = sorted(live, key=lambda r: (r.outstanding, (index[id(r)] - self._turn) % n))
        if self.affinity_prefix_chars:
            by_url = {r.url: r for r in live}
            preferred = by_url[rendezvous_order(_prefix(req, self.affinity_prefix_chars), list(by_url))[0]]
            if preferred.outstanding <= ordered[0].outstanding + self.affinity_max_skew:
                ordered.remove(preferred)
                ordered.insert(0, preferred)
        return ordered

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]:
        return self._run(req, lambda b: b.chat(req))

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]:
        return self._run(req, lambda b: b.complete(req))

    async def _run(
        self, req: ChatRequest | CompletionRequest,
        start: Callable[[OpenAICompatBackend], AsyncIterator[GenerationEvent]],
    ) -> AsyncIterator[GenerationEvent]:
        tried: set[str] = set()
        last: KakehashiError | None = None
        while True:
            replica = next((r for r in self.candidates(req, tried) if r.breaker.allow()), None)
            if replica is None:
                raise last or Overloaded(f"backend {self.name}: no healthy replica")
            tried.add(replica.url)
            replica.outstanding += 1
            replica.requests += 1
            stream = start(replica.backend)
            try:
                first = await anext(stream)
            except (BackendError, Overloaded) as e:
                replica.outstanding -= 1
                await stream.aclose()  # type: ignore[attr-defined]
                if isinstance(e, BackendError) and not e.retryable:
                    replica.breaker.record_success()  # the replica is fine: the request is wrong
                    raise
                if isinstance(e, BackendError):
                    replica.failures += 1
                    replica.breaker.record_failure(retry_after=e.retry_after)
                else:
                    replica.breaker.release()
                last = e
                continue
            except BaseException:
                replica.outstanding -= 1
                replica.breaker.release()
                await stream.aclose()  # type: ignore[attr-defined]
                raise
            break
        failed = isinstance(first, Finished) and first.reason == "error"
        if failed:
            replica.failures += 1
            replica.breaker.record_failure()
        else:
            replica.breaker.record_success()
        try:
            yield first
            async for event in stream:
                yield event
        except BackendError:
            replica.failures += 1
            replica.breaker.record_failure()
            raise
        finally:
            replica.outstanding -= 1
            await stream.aclose()  # type: ignore[attr-defined]

    async def health(self) -> bool:
        for r in self.replicas:
            if not r.draining and await r.backend.health():
                return True
        return False

    def replica_stats(self) -> list[dict[str, Any]]:
        return [
            {"index": i, "url": r.url, "outstanding": r.outstanding, "requests": r.requests, "failures": r.failures,
             "breaker": r.breaker.state.value, "draining": r.draining}
            for i, r in enumerate(self.replicas)
        ]

    async def aclose(self) -> None:
        for r in self.replicas:
            await r.backend.aclose()

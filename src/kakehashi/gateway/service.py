"""The gateway: turns a validated request into a reply from the right backend, and accounts for it.

It asks the routing policy for a Decision (or resolves a concrete model), has the executor start the
generation (retries, fallback, circuit breakers), and hands the API an event stream plus the facts
that explain it (headers). When the stream ends — completed, failed or abandoned — it records one
ledger row; recording never blocks the reply.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from kakehashi import request_ids
from kakehashi.accounting.ledger import Ledger, LedgerRow
from kakehashi.accounting.pricing import PriceBook
from kakehashi.backends.base import Backend
from kakehashi.backends.openai_compat import EstimatedUsage
from kakehashi.backends.replicas import ReplicaSetBackend
from kakehashi.backends.resilience import BreakerState
from kakehashi.content import estimate_prompt_tokens
from kakehashi.errors import BackendError, KakehashiError, ModelNotFound
from kakehashi.gateway.executor import Executor, Request
from kakehashi.state.base import SharedState
from kakehashi.state.budget import Reservation, SharedBudget
from kakehashi.state.ratelimit import Lease, RateLimiter
from kakehashi.types import ChatRequest, Decision, Finished, GenerationEvent

# (request, budget rules already at their cap) -> Decision
DecideFn = Callable[[Request, frozenset[str]], Decision]


@dataclass(slots=True)
class Reply:
    """A started generation: its first event is already known (so the HTTP status can be chosen)."""

    first: GenerationEvent
    rest: AsyncIterator[GenerationEvent]
    backend: str
    model: str
    decision: Decision
    fallback_from: list[str] = field(default_factory=list)
    started_at: float = field(default_factory=time.perf_counter)
    first_event_at: float = 0.0
    _on_end: Callable[[Reply, Finished | None, KakehashiError | None, float | None], None] | None = None
    text_events: int = 0  # text deltas passed to the client (~ tokens: backends stream about one each)
    extra_headers: dict[str, str] = field(default_factory=dict)  # x-ratelimit-*
    log: dict[str, object] | None = None  # the API's request-log fields for this request, if it keeps them
    _ended: bool = False

    async def events(self) -> AsyncIterator[GenerationEvent]:
        """The whole stream, first event included. Accounting happens when the Finished event passes
        (before the consumer sees it), or when the stream breaks or is abandoned."""
        first_text_at = None if isinstance(self.first, Finished) else self.first_event_at
        error: KakehashiError | None = None
        try:
            if isinstance(self.first, Finished):
                self._end(self.first, None, first_text_at)
            if not isinstance(self.first, Finished):
                self.text_events += 1
            yield self.first
            if isinstance(self.first, Finished):
                return
            async for event in self.rest:
                if isinstance(event, Finished):
                    self._end(event, None, first_text_at)
                else:
                    self.text_events += 1
                    if first_text_at is None:
                        first_text_at = time.perf_counter()
                yield event
        except KakehashiError as e:
            error = e
            raise
        finally:
            self._end(None, error, first_text_at)  # no-op when already accounted

    def _end(self, finished: Finished | None, error: KakehashiError | None, first_text_at: float | None) -> None:
        if not self._ended:
            self._ended = True
            if self._on_end is not None:
                self._on_end(self, finished, error, first_text_at)

    async def aclose(self) -> None:
        await self.rest.aclose()  # type: ignore[attr-defined]
        self._end(None, None, None)  # no-op when events() already ended it

    def headers(self) -> dict[str, str]:
        d = self.decision
        h = {
            "x-kakehashi-backend": self.backend,
            "x-kakehashi-model": self.model,
            "x-kakehashi-route-reason": d.reason,
            "x-kakehashi-privacy": d.privacy_rule or "none",
            "x-kakehashi-budget": d.budget_rule or "none",
        }
        if d.complexity is not None:
            h["x-kakehashi-complexity"] = f"{d.complexity:.3f}"
        if self.fallback_from:
            h["x-kakehashi-fallback-from"] = ",".join(self.fallback_from)
        h.update(self.extra_headers)
        return h


class Gateway:
    def __init__(
        self,
        backends: list[Backend],
        *,
        decide: DecideFn | None = None,
        executor: Executor | None = None,
        prepare: Callable[[Request, Backend, Decision], Request] | None = None,
        ledger: Ledger | None = None,
        prices: PriceBook | None = None,
        aliases: list[str] | None = None,
        limiter: RateLimiter | None = None,
        budget: SharedBudget | None = None,
        default_max_tokens: int = 512,
        state: SharedState | None = None,
    ) -> None:
        self.backends: dict[str, Backend] = {b.name: b for b in backends}
        self._decide = decide or self._explicit_model
        self.executor = executor or Executor(self.backends)
        self._prepare = prepare or (lambda req, backend, decision: req)
        self.ledger = ledger
        self.prices = prices or PriceBook({})
        self.aliases = aliases or []  # routed names such as "auto", listed in /v1/models
        self.limiter = limiter
        self.budget = budget
        self.default_max_tokens = default_max_tokens
        self.state = state  # closed with the gateway; /health/ready reports on it
        self._settling: set[asyncio.Task[None]] = set()

    def models(self) -> list[tuple[str, str]]:
        """(model id, owning backend) for /v1/models; secrets never appear here."""
        routed = [(alias, "kakehashi-router") for alias in self.aliases]
        return routed + [(m, b.name) for b in self.backends.values() for m in b.models()]

    def replica_stats(self) -> dict[str, list[dict[str, object]]]:
        return {name: b.replica_stats() for name, b in self.backends.items() if isinstance(b, ReplicaSetBackend)}

    def drain_replica(self, backend: str, replica: str, draining: bool) -> dict[str, object]:
        """Drain (or undrain) one upstream replica of a multi-replica backend, by URL or index; its
        state after. KeyError when there is no such backend or replica, ValueError when it is the last
        replica taking requests."""
        b = self.backends.get(backend)
        if not isinstance(b, ReplicaSetBackend):
            raise KeyError(f"no backend {backend!r}" if b is None else f"backend {backend!r} has one URL, not replicas")
        index = b.replicas.index(b.drain(replica, draining))
        return b.replica_stats()[index]

    def _explicit_model(self, req: Request, over: frozenset[str] = frozenset()) -> Decision:
        for backend in self.backends.values():
            if req.model in backend.models():
                return Decision(backend=backend.name, model=req.model, reason="model:explicit")
        raise ModelNotFound(f"The model '{req.model}' does not exist", param="model")

    async def chat(self, req: ChatRequest) -> Reply:
        return await self._start(req)

    async def complete(self, req: Request) -> Reply:
        return await self._start(req)

    def _completion_allowance(self, req: Request) -> int:
        return req.sampling.max_tokens or self.default_max_tokens

    async def _admit(self, req: Request) -> tuple[Decision, Lease | None, Reservation | None]:
        """Rate limits, then the routing decision with budget caps read (and reserved) in shared state."""
        lease = None
        if self.limiter is not None:
            lease = await self.limiter.admit(
                req.api_key_id, estimate_prompt_tokens(req) + self._completion_allowance(req)
            )
        try:
            over = await self.budget.over(req.api_key_id) if self.budget is not None else frozenset()
            decision = self._decide(req, over)
            reservation = None
            backend = self.backends.get(decision.backend)
            if self.budget is not None and backend is not None and backend.kind == "cloud":
                estimate = self.prices.charge(
                    decision.model, local=False, prompt_tokens=estimate_prompt_tokens(req),
                    completion_tokens=self._completion_allowance(req), backend=decision.backend,
                ).cost
                reservation, reached = await self.budget.reserve(req.api_key_id, estimate)
                if reservation is None:  # another request (maybe on another replica) took the rest
                    decision = self._decide(req, over | reached)
        except BaseException:
            if lease is not None and self.limiter is not None:
                self._settle_later(lease, None, 0, 0.0)
            raise
        return decision, lease, reservation

    def _settle_later(self, lease: Lease | None, reservation: Reservation | None, tokens: int, cost: float) -> None:
        """Give back what the request did not use; off the reply's path (the store may be remote)."""
        if lease is None and reservation is None:
            return

        async def settle() -> None:
            if lease is not None and self.limiter is not None:
                await self.limiter.settle(lease, tokens)
            if reservation is not None and self.budget is not None:
                await self.budget.settle(reservation, cost)

        task = asyncio.get_running_loop().create_task(settle())
        self._settling.add(task)
        task.add_done_callback(self._settling.discard)

    async def _start(self, req: Request) -> Reply:
        arrived, started = time.time(), time.perf_counter()
        decision: Decision | None = None
        lease: Lease | None = None
        reservation: Reservation | None = None
        try:
            decision, lease, reservation = await self._admit(req)
            d = decision
            run = await self.executor.start(req, d, lambda r, b: self._prepare(r, b, d))
        except KakehashiError as e:
            self._settle_later(lease, reservation, 0, 0.0)
            self._record_failure(req, decision, e, arrived, started)
            raise
        except BaseException:
            self._settle_later(lease, reservation, 0, 0.0)
            raise
        reply = Reply(
            run.first, run.rest, run.backend.name, run.model, decision,
            # Targets given up on, once each (a retried target appears in several attempts); a failed
            # try of the target that finally answered was a retry, not a fallback.
            fallback_from=[
                t for t in dict.fromkeys(a.split(":", 1)[0] for a in run.attempts)
                if t != f"{run.backend.name}/{run.model}"
            ],
            started_at=started,
            extra_headers=dict(lease.headers) if lease is not None else {},
        )
        reply.first_event_at = time.perf_counter()
        breakers = self.executor.breakers

        def on_end(r: Reply, fin: Finished | None, err: KakehashiError | None, first_text_at: float | None) -> None:
            if isinstance(err, BackendError):
                breakers.get(r.backend).record_failure()
            prompt, completion, estimated, cost, baseline = self._usage(req, r, fin)
            self._settle_later(lease, reservation, prompt + completion, cost)
            self._record(req, r, fin, err, arrived, first_text_at, (prompt, completion, estimated, cost, baseline))

        reply._on_end = on_end
        return reply

    # ------------------------------------------------------------------ accounting
    def _usage(self, req: Request, reply: Reply, fin: Finished | None) -> tuple[int, int, bool, float, float]:
        """(prompt tokens, completion tokens, estimated?, cost, baseline cost) of a finished reply."""
        backend = self.backends[reply.backend]
        usage = fin.usage if fin is not None else None
        # EstimatedUsage: the upstream finished but reported no usage, so the backend counted for it.
        estimated = isinstance(usage, EstimatedUsage) or (usage is None and reply.text_events > 0)
        if usage is not None:
            prompt, completion = usage.prompt_tokens, usage.completion_tokens
        elif estimated:
            # Cut or abandoned midway: the backend did the work (and a cloud bills it) but sent no
            # usage. Count what was streamed, so cost and budgets do not read zero.
            prompt, completion = estimate_prompt_tokens(req), reply.text_events
        else:
            prompt, completion = 0, 0
        charge = self.prices.charge(
            reply.model, local=backend.kind == "local", prompt_tokens=prompt, completion_tokens=completion,
            backend=reply.backend,
        )
        return prompt, completion, estimated, charge.cost, charge.baseline_cost

    def _record(
        self, req: Request, reply: Reply, fin: Finished | None, err: KakehashiError | None,
        arrived: float, first_text_at: float | None, usage: tuple[int, int, bool, float, float],
    ) -> None:
        if self.ledger is None:
            return
        backend = self.backends[reply.backend]
        prompt, completion, estimated, cost, baseline_cost = usage
        if err is not None:
            status, http = err.code or err.type, err.status
        elif fin is None:
            status, http = "client_disconnected", 499
        elif fin.reason == "error":
            status, http = "error", 500
        else:
            status, http = "ok", 200
        now = time.perf_counter()
        reason = reply.decision.reason
        if reply.fallback_from:
            reason += ";fallback"
        self.ledger.record(LedgerRow(
            ts=arrived, request_id=req.request_id or request_ids.new_request_id(), api_key_id=req.api_key_id,
            requested_model=req.model, backend=reply.backend, backend_kind=backend.kind, model=reply.model, route_reason=reason,
            status=status, http_status=http, prompt_tokens=prompt, completion_tokens=completion,
            latency_ms=(now - reply.started_at) * 1000, stream=req.stream, cost=cost,
            baseline_cost=baseline_cost, complexity=reply.decision.complexity,
            privacy_rule=reply.decision.privacy_rule, budget_rule=reply.decision.budget_rule,
            ttft_ms=None if first_text_at is None else (first_text_at - reply.started_at) * 1000,
            tokens_estimated=estimated,
        ))

    def _record_failure(
        self, req: Request, decision: Decision | None, err: KakehashiError, arrived: float, started: float
    ) -> None:
        if self.ledger is None:
            return
        backend = self.backends.get(decision.backend) if decision else None
        self.ledger.record(LedgerRow(
            ts=arrived, request_id=req.request_id or request_ids.new_request_id(), api_key_id=req.api_key_id,
            requested_model=req.model, backend=decision.backend if decision else "-", backend_kind=backend.kind if backend else "local",
            model=decision.model if decision else req.model, route_reason=decision.reason if decision else "-",
            status=err.code or err.type, http_status=err.status, prompt_tokens=0, completion_tokens=0,
            latency_ms=(time.perf_counter() - started) * 1000, stream=req.stream, cost=0.0, baseline_cost=0.0,
            complexity=decision.complexity if decision else None,
            privacy_rule=decision.privacy_rule if decision else None,
            budget_rule=decision.budget_rule if decision else None,
        ))

    def breaker_states(self) -> dict[str, str]:
        """Circuit-breaker state of every backend ("closed", "open", "half_open"), for /metrics."""
        states = self.executor.breakers.states()
        return {name: str(states.get(name, BreakerState.CLOSED)) for name in self.backends}

    async def aclose(self) -> None:
        if self._settling:
            await asyncio.wait(set(self._settling), timeout=5)
        for backend in self.backends.values():
            await backend.aclose()
        if self.ledger is not None:
            self.ledger.close()
        if self.state is not None:
            await self.state.aclose()


"""The executor: carries out a routing Decision: try the chosen backend, retry with backoff, then fall back along the chain.

A backend counts as started once it produced its first event; before that, any retryable failure
(connection error, timeout, 5xx, 429, full queue) moves on. After it, failures belong to the stream
(the API ends it with an explicit error event: never a silent truncation).
Circuit breakers skip a backend that keeps failing and let one probe through after a cool-down.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import logging
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from kakehashi import arrivals
from kakehashi.backends.base import Backend
from kakehashi.backends.resilience import BreakerRegistry, RetryPolicy
from kakehashi.errors import BackendError, KakehashiError, Overloaded
from kakehashi.types import ChatRequest, CompletionRequest, Decision, Finished, GenerationEvent

log = logging.getLogger(__name__)

Request = ChatRequest | CompletionRequest


@dataclass(slots=True)
class Started:
    """A generation that produced its first event on `backend`/`model`."""

    first: GenerationEvent
    rest: AsyncIterator[GenerationEvent]
    backend: Backend
    model: str
    attempts: list[str]  # "backend/model: what happened" for each failed try, in order


class Executor:
    def __init__(
        self,
        backends: dict[str, Backend],
        *,
        retry: RetryPolicy | None = None,
        breakers: BreakerRegistry | None = None,
        sleep: Callable[[float], object] = asyncio.sleep,
        opened_elsewhere: Callable[[str], Awaitable[bool]] | None = None,
    ) -> None:
        self.backends = backends
        # Another replica's breaker opened for this backend (state/breakers.py); None with one replica.
        self._opened_elsewhere = opened_elsewhere
        self.retry = retry or RetryPolicy()
        self.breakers = breakers or BreakerRegistry()
        self._sleep = sleep

    async def start(self, req: Request, decision: Decision, prepare: Callable[[Request, Backend], Request]) -> Started:
        """Start `req` on the decision's target or, failing that, on its fallbacks.

        `prepare` adapts the request to each target (model name, redaction for the cloud).
        Raises the last error when every target failed, or at once for a non-retryable one (4xx).
        """
        targets = [(decision.backend, decision.model), *decision.fallbacks]
        attempts: list[str] = []
        last: KakehashiError | None = None
        for backend_name, model in targets:
            backend = self.backends.get(backend_name)
            if backend is None:
                attempts.append(f"{backend_name}/{model}: not configured")
                continue
            breaker = self.breakers.get(backend_name)
            made = 0
            while True:
                if self._opened_elsewhere is not None and await self._opened_elsewhere(backend_name):
                    attempts.append(f"{backend_name}/{model}: circuit open (another replica)")
                    last = last or Overloaded(f"backend {backend_name} is cooling down after failures")
                    break
                if not breaker.allow():
                    attempts.append(f"{backend_name}/{model}: circuit open")
                    last = last or Overloaded(f"backend {backend_name} is cooling down after failures")
                    break
                if not getattr(backend, "settles_arrival", False):
                    # Only the embedded engine waits for requests still arriving (kakehashi.arrivals);
                    # it settles this one when it queues it. Any other backend: settled now.
                    arrivals.settle_current()
                target_req = prepare(dataclasses.replace(req, model=model), backend)
                stream = backend.chat(target_req) if isinstance(target_req, ChatRequest) else backend.complete(target_req)
                try:
                    first = await anext(stream)
                except (BackendError, Overloaded) as e:
                    await stream.aclose()  # type: ignore[attr-defined]
                    made += 1
                    if isinstance(e, BackendError) and e.code == "upstream_auth_failed":
                        # Our credentials for this backend are wrong: retrying it is pointless, but
                        # another backend may well answer.
                        breaker.record_failure()
                        log.warning("upstream failure: %s/%s: %s", backend_name, model, e.message)
                        attempts.append(f"{backend_name}/{model}: {e.message}")
                        last = e
                        break
                    if isinstance(e, BackendError) and not e.retryable:
                        breaker.record_success()  # the upstream is fine: the request is wrong
                        raise
                    if isinstance(e, BackendError):
                        breaker.record_failure(retry_after=e.retry_after)
                    else:
                        breaker.release()
                    log.warning("upstream failure: %s/%s (attempt %d): %s", backend_name, model, made, e.message)
                    attempts.append(f"{backend_name}/{model}: {e.message}")
                    last = e
                    delay = self.retry.next_delay(
                        made, retryable=isinstance(e, BackendError), retry_after=getattr(e, "retry_after", None)
                    )
                    if delay is None:
                        break
                    await self._sleep(delay)
                    continue
                except BaseException:
                    await stream.aclose()  # type: ignore[attr-defined]
                    breaker.release()
                    raise
                if isinstance(first, Finished) and first.reason == "error":
                    breaker.record_failure()
                else:
                    breaker.record_success()
                return Started(first, stream, backend, model, attempts)
        if last is None:
            raise Overloaded("no backend available for this request")
        if len(attempts) > 1:
            summary = copy.copy(last)  # the backend's own exception object stays as it was
            summary.message = summarize_attempts(attempts)
            raise summary from last
        raise last


def summarize_attempts(attempts: list[str]) -> str:
    """One concise message for a failure chain: each distinct failure once, with how often it happened.

    "a/m: connection refused (3 attempts); b/n: circuit open" rather than the same error four times.
    """
    counts = Counter(attempts)
    parts = [a if counts[a] == 1 else f"{a} ({counts[a]} attempts)" for a in counts]
    return "every target failed: " + "; ".join(parts)


Router = Executor  # the name this class had when it lived in routing/router.py

"""The gateway: turns a validated request into a reply from the right backend.

It resolves the model (or asks the router), pulls the first event itself so that a backend failing
before its first token can still be replaced, and hands the API an event stream plus the facts
that explain it (backend, decision) for headers and accounting.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from kakehashi.backends.base import Backend
from kakehashi.errors import ModelNotFound
from kakehashi.types import ChatRequest, CompletionRequest, Decision, Finished, GenerationEvent


@dataclass(slots=True)
class Reply:
    """A started generation: its first event is already known (so the HTTP status can be chosen)."""

    first: GenerationEvent
    rest: AsyncIterator[GenerationEvent]
    backend: str
    model: str
    decision: Decision | None = None
    started_at: float = field(default_factory=time.perf_counter)
    first_event_at: float = 0.0

    async def events(self) -> AsyncIterator[GenerationEvent]:
        yield self.first
        if isinstance(self.first, Finished):
            return
        async for event in self.rest:
            yield event

    async def aclose(self) -> None:
        await self.rest.aclose()  # type: ignore[attr-defined]

    def headers(self) -> dict[str, str]:
        h = {"x-kakehashi-backend": self.backend, "x-kakehashi-model": self.model}
        d = self.decision
        if d is not None:
            h["x-kakehashi-route-reason"] = d.reason
            if d.complexity is not None:
                h["x-kakehashi-complexity"] = f"{d.complexity:.3f}"
            h["x-kakehashi-privacy"] = d.privacy_rule or "none"
            h["x-kakehashi-budget"] = d.budget_rule or "none"
        return h


class Gateway:
    def __init__(self, backends: list[Backend]) -> None:
        self.backends: dict[str, Backend] = {b.name: b for b in backends}

    def models(self) -> list[tuple[str, str]]:
        """(model id, owning backend) for /v1/models; secrets never appear here."""
        return [(m, b.name) for b in self.backends.values() for m in b.models()]

    def _backend_for(self, model: str) -> Backend:
        for backend in self.backends.values():
            if model in backend.models():
                return backend
        raise ModelNotFound(f"The model '{model}' does not exist", param="model")

    async def chat(self, req: ChatRequest) -> Reply:
        backend = self._backend_for(req.model)
        return await self._start(backend, req.model, lambda: backend.chat(req))

    async def complete(self, req: CompletionRequest) -> Reply:
        backend = self._backend_for(req.model)
        return await self._start(backend, req.model, lambda: backend.complete(req))

    async def _start(
        self, backend: Backend, model: str, open_stream: Callable[[], AsyncIterator[GenerationEvent]]
    ) -> Reply:
        started = time.perf_counter()
        stream = open_stream()
        try:
            first = await anext(stream)
        except BaseException:
            await stream.aclose()  # type: ignore[attr-defined]
            raise
        reply = Reply(first, stream, backend.name, model, started_at=started)
        reply.first_event_at = time.perf_counter()
        return reply

    async def aclose(self) -> None:
        for backend in self.backends.values():
            await backend.aclose()

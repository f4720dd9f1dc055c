"""The one interface every backend implements: the embedded engine and any OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Literal, Protocol

from kakehashi.types import ChatRequest, CompletionRequest, GenerationEvent

BackendKind = Literal["local", "cloud"]


class Backend(Protocol):
    """Streams generation events for a request.

    A backend yields zero or more `TextDelta` and exactly one final `Finished`. It raises
    `kakehashi.errors.KakehashiError` subclasses (BackendError for upstream failures) — before the
    first event when the request never started, or mid-stream when it broke after starting.
    Closing the iterator early (client went away) must abort the generation and free its resources.
    """

    name: str
    kind: BackendKind

    def models(self) -> list[str]: ...

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]: ...

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]: ...

    async def health(self) -> bool: ...

    async def aclose(self) -> None: ...

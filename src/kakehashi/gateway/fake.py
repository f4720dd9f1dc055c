"""FakeBackend: an in-memory Backend that plays a script, for millisecond tests of the gateway's logic.

Like httpx's MockTransport beside the real transport: the retry, fallback, breaker and accounting code
runs unchanged, only the far end is a list of outcomes. Integration tests use real servers instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from kakehashi.backends.base import BackendKind
from kakehashi.errors import KakehashiError
from kakehashi.types import ChatRequest, CompletionRequest, Finished, GenerationEvent, TextDelta, Usage


@dataclass
class Outcome:
    """One call's script: raise `error` before the first event, or stream `text` (one delta per item),
    then raise `error_after` mid-stream or finish with `usage`."""

    text: tuple[str, ...] = ("ok",)
    error: KakehashiError | None = None
    error_after: KakehashiError | None = None
    usage: Usage = field(default_factory=lambda: Usage(3, 1))


class FakeBackend:
    """Plays `script` one outcome per call; the last outcome repeats once the script runs out."""

    def __init__(self, name: str, models: list[str], script: list[Outcome] | None = None, *,
                 kind: BackendKind = "local") -> None:
        self.name = name
        self.kind: BackendKind = kind
        self._models = models
        self.script = script or [Outcome()]
        self.calls: list[ChatRequest | CompletionRequest] = []
        self.open_streams = 0  # started and not yet closed: must be 0 after every request

    def models(self) -> list[str]:
        return list(self._models)

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]:
        return self._play(req)

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]:
        return self._play(req)

    async def _play(self, req: ChatRequest | CompletionRequest) -> AsyncIterator[GenerationEvent]:
        outcome = self.script[min(len(self.calls), len(self.script) - 1)]
        self.calls.append(req)
        self.open_streams += 1
        try:
            if outcome.error is not None:
                raise outcome.error
            for piece in outcome.text:
                yield TextDelta(piece)
            if outcome.error_after is not None:
                raise outcome.error_after
            yield Finished("stop", outcome.usage)
        finally:
            self.open_streams -= 1

    async def health(self) -> bool:
        return True

    async def aclose(self) -> None:
        return None

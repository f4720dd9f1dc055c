"""When a step's events reach the event loop (Engine._send): as the next step's llama_decode starts, and
at once when no step follows. On the real engine and the real default model."""

from __future__ import annotations

import asyncio

import pytest

from kakehashi.default_model import default_model_path
from kakehashi.engine.engine import Engine
from kakehashi.engine.llama import LlamaModel
from kakehashi.engine.settings import EngineConfig
from kakehashi.types import Finished, SamplingParams, TextDelta


@pytest.fixture(scope="module")
def model() -> LlamaModel:
    return LlamaModel(default_model_path())


def test_events_arrive_while_the_engine_stays_busy_and_when_it_goes_idle(model: LlamaModel) -> None:
    prompt = model.tokenize("<|im_start|>user\nWrite a long story about the sea.<|im_end|>\n<|im_start|>assistant\n")
    engine = Engine(model, EngineConfig(slots=2, ctx_size=512, batch_size=64, threads=1))
    engine.start()
    try:
        finished_at: dict[str, int] = {}  # engine steps done when each request saw its Finished

        async def consume(name: str, max_tokens: int) -> str:
            parts: list[str] = []
            async for event in engine.generate(prompt, SamplingParams(temperature=0.0, max_tokens=max_tokens)):
                if isinstance(event, TextDelta):
                    parts.append(event.text)
                elif isinstance(event, Finished):
                    assert event.reason == "length", event
                    finished_at[name] = engine.steps
            return "".join(parts)

        async def scenario() -> None:
            assert await consume("alone", 3)  # its last events go out as the engine goes idle
            await asyncio.gather(consume("long", 40), consume("short", 2))

        asyncio.run(asyncio.wait_for(scenario(), 300))
        # The short answer's end is delivered while the long one still decodes, not held until it ends.
        assert finished_at["short"] < finished_at["long"] - 20, finished_at
    finally:
        engine.stop()

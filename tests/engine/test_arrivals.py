"""An idle engine woken by a request waits for the requests still arriving (kakehashi.arrivals) and
starts them all in one step; a request that never settles delays the start by GATHER_MAX_S at most.
Real engine, real default model."""

from __future__ import annotations

import asyncio

import pytest

from kakehashi import arrivals
from kakehashi.default_model import default_model_path
from kakehashi.engine import engine as engine_module
from kakehashi.engine.engine import Engine
from kakehashi.engine.llama import LlamaModel
from kakehashi.engine.settings import EngineConfig
from kakehashi.types import Finished, SamplingParams, TextDelta

QUESTIONS = ["What is the capital of France?", "日本の首都はどこですか？", "Name a primary colour."]


@pytest.fixture(scope="module")
def model() -> LlamaModel:
    return LlamaModel(default_model_path())


def prompt_ids(model: LlamaModel, question: str) -> list[int]:
    return model.tokenize(f"<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n")


async def first_token(engine: Engine, prompt: list[int]) -> str:
    text = ""
    async for event in engine.generate(prompt, SamplingParams(temperature=0.0, max_tokens=1)):
        if isinstance(event, TextDelta):
            text += event.text
        elif isinstance(event, Finished):
            assert event.reason in ("stop", "length"), event.error
    return text


def engine_for(model: LlamaModel) -> Engine:
    engine = Engine(model, EngineConfig(slots=4, ctx_size=512, batch_size=128, threads=1))
    engine.start()
    return engine


def test_requests_still_arriving_start_in_the_first_step(
    model: LlamaModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The engine waits while requests are counted as arriving, up to GATHER_MAX_S: widened here so that a
    # loaded test machine cannot stretch the 30 ms the last request spends "parsing" past it (CI saw 2 steps).
    monkeypatch.setattr(engine_module, "GATHER_MAX_S", 2.0)
    prompts = [prompt_ids(model, q) for q in QUESTIONS]
    engine = engine_for(model)
    try:
        async def arriving(prompt: list[int], parse_s: float) -> str:
            arrivals.arrive()  # what the HTTP layer does when the request comes in
            await asyncio.sleep(parse_s)  # parsing, routing, templating: the engine is woken meanwhile
            return await first_token(engine, prompt)

        async def burst() -> list[str]:
            return list(await asyncio.gather(*(arriving(p, 0.015 * i) for i, p in enumerate(prompts))))

        answers = asyncio.run(burst())
        # One decode computed all three prompts; woken by the first alone, it would have taken 2 or 3.
        assert engine.steps == 1
        assert arrivals.ARRIVALS.pending == 0
        alone = [asyncio.run(first_token(engine, p)) for p in prompts]
        assert answers == alone  # gathered or not, the same tokens
    finally:
        engine.stop()


def test_requests_following_answers_that_ended_together_start_together(
    model: LlamaModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Clients in a loop send their next requests as their answers end: after several sequences finished
    # just before, an idle engine waits GATHER_QUIET_S for more even when the HTTP layer counts none yet.
    # Widened here so that a loaded test machine cannot stretch the 1 ms between the two sends past it.
    monkeypatch.setattr(engine_module, "GATHER_QUIET_S", 0.25)
    monkeypatch.setattr(engine_module, "GATHER_MAX_S", 2.0)  # the wait is bounded by this too
    prompts = [prompt_ids(model, q) for q in QUESTIONS]
    engine = engine_for(model)
    try:
        async def waves() -> None:
            async def arriving(prompt: list[int]) -> str:
                arrivals.arrive()
                return await first_token(engine, prompt)

            await asyncio.gather(*(arriving(p) for p in prompts))  # first wave: three answers end together
            assert engine.steps == 1

            async def sent_after(prompt: list[int], delay: float) -> str:
                await asyncio.sleep(delay)  # no ticket: not yet received when the first one wakes the engine
                return await first_token(engine, prompt)

            await asyncio.gather(sent_after(prompts[0], 0.0), sent_after(prompts[1], 0.001))

        asyncio.run(waves())
        assert engine.steps == 2  # the second wave in one step; started by the first alone, it would take 3
    finally:
        engine.stop()


def test_a_request_that_never_settles_does_not_hold_the_engine(model: LlamaModel) -> None:
    engine = engine_for(model)
    stuck = arrivals.Ticket()  # e.g. a client still uploading a large body
    try:
        async def one() -> str:
            return await asyncio.wait_for(first_token(engine, prompt_ids(model, QUESTIONS[0])), timeout=30)

        assert asyncio.run(one())
        assert asyncio.run(one())  # and again: each wake-up waits GATHER_MAX_S at most
        assert engine.steps == 2
    finally:
        stuck.settle()
        engine.stop()
    assert arrivals.ARRIVALS.pending == 0

"""Prefix sharing across requests on the real engine and the real default model: at temperature 0 the
answers are the same token for token whether prefixes are shared, reused per slot, or recomputed."""

from __future__ import annotations

import asyncio

import pytest

from kakehashi.default_model import default_model_path
from kakehashi.engine.engine import Engine
from kakehashi.engine.llama import LlamaModel
from kakehashi.engine.settings import EngineConfig
from kakehashi.types import Finished, SamplingParams, TextDelta

SYSTEM = (
    "You are the support assistant of Kakehashi Rail, a regional railway. Answer in one short sentence. "
    "Timetables: trains leave Central at 06:10, 06:40 and then every 20 minutes until 23:30. "
    "Fares: adults 240 yen, children 120 yen, day pass 800 yen. Lost property is kept for 7 days at "
    "Central station's office, open 08:00-20:00. Bicycles are allowed outside rush hours. "
) * 3
QUESTIONS = [
    "When does the first train leave?", "How much is a day pass?", "Can I bring my bicycle?",
    "Where is lost property kept?", "How much does a child pay?", "Is there a train at 23:30?",
]


@pytest.fixture(scope="module")
def model() -> LlamaModel:
    return LlamaModel(default_model_path())


def prompt_ids(model: LlamaModel, system: str, question: str) -> list[int]:
    text = f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n"
    return model.tokenize(text)


async def _answer(engine: Engine, prompt: list[int], max_tokens: int = 12) -> str:
    parts: list[str] = []
    async for event in engine.generate(prompt, SamplingParams(temperature=0.0, max_tokens=max_tokens)):
        if isinstance(event, TextDelta):
            parts.append(event.text)
        elif isinstance(event, Finished):
            assert event.reason in ("stop", "length"), event.error
    return "".join(parts)


def run(model: LlamaModel, mode: str, waves: list[list[list[int]]], slots: int = 4,
        step_target_ms: int = 0) -> tuple[list[str], dict[str, int]]:
    """Send each wave's prompts concurrently, wave after wave; answers in order, plus cache counters."""
    engine = Engine(model, EngineConfig(slots=slots, ctx_size=1024, batch_size=128, threads=1, prefix_cache=mode,
                                        step_target_ms=step_target_ms))
    engine.start()
    try:
        async def all_waves() -> list[str]:
            out: list[str] = []
            for wave in waves:
                out += await asyncio.gather(*(_answer(engine, p) for p in wave))
            return out

        return asyncio.run(all_waves()), engine.prefix_cache_stats
    finally:
        engine.stop()


def test_shared_prefixes_give_the_same_answers_as_no_cache(model: LlamaModel) -> None:
    prompts = [prompt_ids(model, SYSTEM, q) for q in QUESTIONS]
    # Diverging mid-prefix: the same system prompt with a different second half.
    half = SYSTEM[: len(SYSTEM) // 2]
    forked = [prompt_ids(model, half + "Today all trains are replaced by buses. ", q) for q in QUESTIONS[:2]]
    # Wave 1: 4 at once (they wait for one prefill); wave 2: more than the slots, plus the forks, so
    # finished slots are overwritten (evicted) and the prefix comes back from the running ones.
    waves = [prompts[:4], prompts[2:] + forked + prompts[:1], prompts[:2]]
    shared, stats = run(model, "shared", waves)
    off, off_stats = run(model, "off", waves)
    assert shared == off
    assert stats["copies"] >= 3 and stats["tokens_reused"] > 3 * 200
    assert off_stats["hits"] == 0 and off_stats["copies"] == 0
    per_slot, slot_stats = run(model, "slot", waves)
    assert per_slot == off and slot_stats["copies"] == 0
    # Steps sized to 1 ms: every prompt is computed in the smallest chunks, interleaved with decoding.
    assert run(model, "shared", waves, step_target_ms=1)[0] == off

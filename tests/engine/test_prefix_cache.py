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
        step_target_ms: int = 0, cache_ram: int = 1024) -> tuple[list[str], dict[str, int]]:
    """Send each wave's prompts concurrently, wave after wave; answers in order, plus cache counters."""
    engine = Engine(model, EngineConfig(slots=slots, ctx_size=1024, batch_size=128, threads=1, prefix_cache=mode,
                                        step_target_ms=step_target_ms, cache_ram=cache_ram))
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


# Distinct prompts (no shared system prompt), each well over one 16-token block.
STORIES = [
    "Write a short story about a lighthouse keeper who finds a message in a bottle on a stormy night.",
    "Write a short story about a robot that learns to paint the autumn leaves of Kyoto.",
    "京都の古い図書館で見つかった地図をめぐる短い物語を書いてください。登場人物は三人です。",
    "Write a short story about a baker at dawn whose oven refuses to light on the day of the festival.",
    "冬の夜行列車で出会った二人の旅人についての短い物語を書いてください。最後は駅で別れます。",
]


@pytest.mark.parametrize("mode", ["shared", "slot"])
def test_prompts_pushed_out_of_their_slot_come_back_from_host_ram(model: LlamaModel, mode: str) -> None:
    prompts = [prompt_ids(model, "You are a writer.", story) for story in STORIES]
    # Two slots, five prompts: by the second wave the first prompts' slots have been overwritten, so
    # only host RAM still holds them.
    waves = [prompts, prompts[::-1]]
    off, _ = run(model, "off", waves, slots=2)
    cached, stats = run(model, mode, waves, slots=2)
    assert cached == off
    assert stats["host_saves"] >= 3 and stats["host_restores"] >= 3
    no_ram, no_ram_stats = run(model, mode, waves, slots=2, cache_ram=0)
    assert no_ram == off and "host_restores" not in no_ram_stats
    assert stats["tokens_reused"] > no_ram_stats["tokens_reused"]


def test_host_ram_budget_evicts_least_recently_used_and_answers_stay_the_same(model: LlamaModel) -> None:
    prompts = [prompt_ids(model, "You are a writer.", story) for story in STORIES]
    waves = [prompts, prompts[::-1]]
    off, _ = run(model, "off", waves, slots=2)
    # 1 MiB holds about one of these prompts' cells (SmolLM2-135M: ~23 KB per token), so saving more evicts.
    tight, stats = run(model, "shared", waves, slots=2, cache_ram=1)
    assert tight == off
    assert stats["host_evictions"] >= 2


def test_an_idle_engine_saves_the_slots_a_burst_will_overwrite_before_it_comes(model: LlamaModel) -> None:
    prompts = [prompt_ids(model, "You are a writer.", story) for story in STORIES]
    engine = Engine(model, EngineConfig(slots=2, ctx_size=1024, batch_size=128, threads=1, cache_ram=1024))
    engine.start()
    try:
        async def scenario() -> tuple[list[str], int, int]:
            first = list(await asyncio.gather(*(_answer(engine, p) for p in prompts[:2])))
            for _ in range(1000):  # up to 10 s on a loaded machine; nothing runs now: the engine saves both slots on its own
                if engine.prefix_cache_stats["host_saves"] == 2:
                    break
                await asyncio.sleep(0.01)
            saved_idle = engine.prefix_cache_stats["host_saves"]
            # A burst overwrites both slots: nothing left to save, and the first prompts come back from RAM.
            await asyncio.gather(*(_answer(engine, p) for p in prompts[2:4]))
            again = list(await asyncio.gather(*(_answer(engine, p) for p in prompts[:2])))
            assert again == first
            return first, saved_idle, engine.prefix_cache_stats["host_restores"]

        _, saved_idle, restores = asyncio.run(scenario())
        assert saved_idle == 2 and restores >= 2
    finally:
        engine.stop()

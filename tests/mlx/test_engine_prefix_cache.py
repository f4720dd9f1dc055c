"""The MLX engine's prefix cache: a prompt that shares a prefix with a finished sequence prefills only the
rest, and answers exactly as it does without the cache (greedy, on the bundled model)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakehashi.backends.mlx import load_mlx_model
from kakehashi.engine.settings import EngineConfig
from kakehashi.engine_mlx.engine import MlxEngine
from kakehashi.types import Finished, SamplingParams, TextDelta

pytestmark = pytest.mark.slow

SYSTEM = "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
ASK = "<|im_start|>user\n{q}<|im_end|>\n<|im_start|>assistant\n"


@pytest.fixture(scope="module")
def loaded(gguf: Path) -> tuple[object, object]:
    return load_mlx_model(gguf)


@pytest.fixture
def engine(loaded: tuple[object, object]) -> Iterator[MlxEngine]:
    model, tokenizer = loaded
    eng = MlxEngine(model, tokenizer, EngineConfig(slots=2, ctx_size=512, prefix_cache="off"))  # type: ignore[arg-type]
    eng.start()
    yield eng
    eng.stop()


def answer(engine: MlxEngine, text: str) -> str:
    prompt = engine.tokenizer.tokenize(text)

    async def run() -> str:
        out = []
        async for event in engine.generate(prompt, SamplingParams(temperature=0.0, max_tokens=8)):
            if isinstance(event, TextDelta):
                out.append(event.text)
            assert not isinstance(event, Finished) or event.error is None
        return "".join(out)

    return asyncio.run(run())


def test_a_shared_prefix_is_not_prefilled_again_and_answers_do_not_change(
        loaded: tuple[object, object], engine: MlxEngine) -> None:
    first = SYSTEM + ASK.format(q="What is the capital of France?")
    second = SYSTEM + ASK.format(q="Name a large ocean.")
    answer(engine, first)
    cold = answer(engine, second)  # --prefix-cache off: the whole prompt is prefilled every time
    assert engine.cached_prompt_tokens == 0 and engine.prefix_cache_stats["lookups"] == 0

    model, tokenizer = loaded
    warm_engine = MlxEngine(model, tokenizer, EngineConfig(slots=2, ctx_size=512))  # type: ignore[arg-type]
    warm_engine.start()
    try:
        answer(warm_engine, first)
        assert warm_engine.cached_prompt_tokens == 0
        warm = answer(warm_engine, second)  # starts from first's system prompt and template
        shared = len(engine.tokenizer.tokenize(SYSTEM + "<|im_start|>user\n"))
        assert warm_engine.cached_prompt_tokens >= shared
        assert warm == cold
        again = answer(warm_engine, second)  # the same prompt again: all but its last token come from the cache
        assert warm_engine.cached_prompt_tokens >= shared + len(engine.tokenizer.tokenize(second)) - 1
        assert again == cold
        assert warm_engine.prefix_cache_stats["hits"] == 2
    finally:
        warm_engine.stop()

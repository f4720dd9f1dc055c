"""The MLX engine's samplers: llama.cpp's filter chain (top-k -> top-p -> min-p -> temperature), batched."""

from __future__ import annotations

import math

import mlx.core as mx
import pytest

from kakehashi.engine_mlx.sampling import build_sampling
from kakehashi.errors import InvalidRequest
from kakehashi.types import SamplingParams

VOCAB = 1000
PROBS = [0.4, 0.25, 0.15, 0.1, 0.05]  # tokens 0..4; the rest share the remaining 5 %


def logprobs(rows: int = 1) -> mx.array:
    rest = 0.05 / (VOCAB - len(PROBS))
    row = [math.log(p) for p in PROBS] + [math.log(rest)] * (VOCAB - len(PROBS))
    return mx.array([row] * rows)


def drawn(params: SamplingParams, n: int = 400) -> set[int]:
    sampler, _ = build_sampling(params, VOCAB)
    return set(sampler(logprobs(n)).tolist())


@pytest.mark.parametrize(("params", "expected"), [
    (SamplingParams(temperature=1.0, top_k=2, top_p=1.0, min_p=0.0), {0, 1}),
    (SamplingParams(temperature=1.0, top_k=40, top_p=0.6, min_p=0.0), {0, 1}),  # 0.4 + 0.25 reaches 0.6
    (SamplingParams(temperature=1.0, top_k=40, top_p=0.7, min_p=0.0), {0, 1, 2}),
    (SamplingParams(temperature=1.0, top_k=40, top_p=1.0, min_p=0.3), {0, 1, 2}),  # >= 0.12
    (SamplingParams(temperature=1.0, top_k=0, top_p=0.6, min_p=0.0), {0, 1}),  # no top-k: whole vocabulary
    (SamplingParams(temperature=0.0), {0}),
])
def test_filters_keep_exactly_llama_cpp_s_candidates(params: SamplingParams, expected: set[int]) -> None:
    assert drawn(params) == expected


def test_no_filters_reach_the_tail() -> None:
    assert max(drawn(SamplingParams(temperature=1.0, top_k=0, top_p=1.0, min_p=0.0), 2000)) >= len(PROBS)


def test_same_seed_same_draws_and_shared_unseeded_sampler() -> None:
    def seeded() -> list[int]:
        sampler, _ = build_sampling(SamplingParams(temperature=1.0, top_k=40, seed=7), VOCAB)
        return [int(sampler(logprobs()).item()) for _ in range(20)]

    assert seeded() == seeded()
    a, _ = build_sampling(SamplingParams(temperature=0.7), VOCAB)
    b, _ = build_sampling(SamplingParams(temperature=0.7), VOCAB)
    assert a is b  # one sampler object: BatchGenerator samples the whole batch in one call


def test_bad_values_name_the_field() -> None:
    with pytest.raises(InvalidRequest) as e:
        build_sampling(SamplingParams(top_p=1.5), VOCAB)
    assert e.value.param == "top_p"

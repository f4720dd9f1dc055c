"""SamplingParams -> an mlx-lm sampler and logits processors, in llama.cpp's order and defaults.

The llama.cpp engine applies penalties -> top-k -> top-p -> min-p -> temperature -> draw; this does
the same with mlx-lm's filters, so a request means the same thing on both engines. Requests that
share their parameters (and name no seed) share ONE sampler object, which mlx-lm's BatchGenerator
then applies to the whole batch in a single call; a seeded request gets its own random key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import mlx.core as mx
from mlx_lm.sample_utils import apply_min_p, apply_top_k, apply_top_p, greedy_sampler, make_logits_processors

from kakehashi.engine.llama import LLAMA_SERVER_DEFAULTS
from kakehashi.errors import InvalidRequest
from kakehashi.types import SamplingParams

Sampler = Callable[[mx.array], mx.array]
LogitsProcessor = Callable[[mx.array, mx.array], mx.array]

PENALTY_LAST_N = 64  # tokens the penalties look back over, as the llama.cpp engine's sampler


def _filters(top_k: int, top_p: float, min_p: float, vocab: int) -> list[Callable[[mx.array], mx.array]]:
    out: list[Callable[[mx.array], mx.array]] = []
    if 0 < top_k < vocab:
        out.append(lambda x: apply_top_k(x, top_k))
    if 0.0 < top_p < 1.0:
        out.append(lambda x: apply_top_p(x, top_p))
    if 0.0 < min_p <= 1.0:
        out.append(lambda x: apply_min_p(x, min_p))
    return out


@lru_cache(maxsize=64)
def _shared_sampler(temp: float, top_k: int, top_p: float, min_p: float, vocab: int) -> Sampler:
    filters = _filters(top_k, top_p, min_p, vocab)

    def sample(logprobs: mx.array) -> mx.array:  # (B, vocab) -> (B,)
        for f in filters:
            logprobs = f(logprobs)
        return mx.random.categorical(logprobs * (1.0 / temp))

    return sample


def _seeded_sampler(temp: float, top_k: int, top_p: float, min_p: float, vocab: int, seed: int) -> Sampler:
    filters = _filters(top_k, top_p, min_p, vocab)
    key = mx.random.key(seed & 0xFFFFFFFF)

    def sample(logprobs: mx.array) -> mx.array:
        nonlocal key
        key, sub = mx.random.split(key)
        for f in filters:
            logprobs = f(logprobs)
        return mx.random.categorical(logprobs * (1.0 / temp), key=sub)

    return sample


def _check(name: str, ok: bool, message: str) -> None:
    if not ok:
        raise InvalidRequest(f"{name} {message}", param=name)


def build_sampling(
    params: SamplingParams, vocab: int, logit_bias: dict[int, float] | None = None
) -> tuple[Sampler, list[LogitsProcessor]]:
    """The sampler and logits processors for one request; raises InvalidRequest naming the field.

    params.grammar is not read here: the engine adds its processor (constraint.py), compiled off the event loop.
    """
    d = LLAMA_SERVER_DEFAULTS
    temp = d.temperature if params.temperature is None else params.temperature
    top_k = d.top_k if params.top_k is None else params.top_k
    top_p = d.top_p if params.top_p is None else params.top_p
    min_p = d.min_p if params.min_p is None else params.min_p
    repeat = d.repeat_penalty if params.repeat_penalty is None else params.repeat_penalty
    assert temp is not None and top_k is not None and top_p is not None and min_p is not None
    _check("temperature", temp >= 0, "must be >= 0")
    _check("top_p", 0 <= top_p <= 1, "must be between 0 and 1")
    _check("min_p", 0 <= min_p <= 1, "must be between 0 and 1")
    _check("top_k", top_k >= 0, "must be >= 0")
    _check("repeat_penalty", repeat is None or repeat > 0, "must be > 0")
    if temp <= 0:
        sampler: Sampler = greedy_sampler
    elif params.seed is not None:
        sampler = _seeded_sampler(temp, top_k, top_p, min_p, vocab, params.seed)
    else:
        sampler = _shared_sampler(temp, top_k, top_p, min_p, vocab)
    for token in logit_bias or {}:
        _check("logit_bias", 0 <= token < vocab, f"names token {token}, outside the vocabulary (0..{vocab - 1})")
    processors: list[Any] = make_logits_processors(
        logit_bias=logit_bias or None,
        repetition_penalty=None if repeat == 1.0 else repeat,
        repetition_context_size=PENALTY_LAST_N,
        presence_penalty=params.presence_penalty or None,
        presence_context_size=PENALTY_LAST_N,
        frequency_penalty=params.frequency_penalty or None,
        frequency_context_size=PENALTY_LAST_N,
    )
    return sampler, processors

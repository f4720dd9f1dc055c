"""SamplingParams -> an mlx-lm sampler and logits processors, in llama.cpp's order and defaults.

The llama.cpp engine applies penalties -> top-k -> top-p -> min-p -> temperature -> draw; this does
the same (penalties with mlx-lm's processors, the filters on the top-k candidates only), so a request
means the same thing on both engines. Requests that
share their parameters (and name no seed) share ONE sampler object, which mlx-lm's BatchGenerator
then applies to the whole batch in a single call; a seeded request gets its own random key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import mlx.core as mx
from mlx_lm.sample_utils import apply_min_p, apply_top_p, greedy_sampler, make_logits_processors

from kakehashi.engine.llama import LLAMA_SERVER_DEFAULTS
from kakehashi.errors import InvalidRequest
from kakehashi.types import SamplingParams

Sampler = Callable[[mx.array], mx.array]
LogitsProcessor = Callable[[mx.array, mx.array], mx.array]

PENALTY_LAST_N = 64  # tokens the penalties look back over, as the llama.cpp engine's sampler


def _filters(top_k: int, top_p: float, min_p: float, vocab: int) -> Callable[[mx.array], tuple[mx.array, mx.array | None]]:
    """(B, vocab) logprobs -> (B, n) candidate logprobs, -inf where filtered, and their token ids.

    With top-k on (llama.cpp's default 40) only the k best tokens are ever looked at: one partial
    partition of the vocabulary, then top-p and min-p on k values. mlx-lm's filters sort and mask
    the whole vocabulary for top-p instead, which on MLX's CPU build cost ~7x more than the partition
    (49 ms against 7 ms for 8 rows of SmolLM2's 49152 tokens, measured in benchmarks/mlx/README.md).
    """
    use_p = 0.0 < top_p < 1.0
    use_min = 0.0 < min_p <= 1.0
    if not 0 < top_k < vocab:  # no top-k: every token is a candidate (mlx-lm's whole-vocabulary filters)
        def full(logprobs: mx.array) -> tuple[mx.array, mx.array | None]:
            if use_p:
                logprobs = apply_top_p(logprobs, top_p)
            if use_min:
                logprobs = apply_min_p(logprobs, min_p)
            return logprobs, None

        return full

    def candidates(logprobs: mx.array) -> tuple[mx.array, mx.array | None]:
        ids = mx.argpartition(-logprobs, kth=top_k - 1, axis=-1)[..., :top_k]
        values = mx.take_along_axis(logprobs, ids, axis=-1)
        order = mx.argsort(-values, axis=-1)  # best first, for top-p's running sum
        values = mx.take_along_axis(values, order, axis=-1)
        ids = mx.take_along_axis(ids, order, axis=-1)
        if use_p or use_min:
            probs = mx.softmax(values, axis=-1)  # over the k candidates, as llama.cpp's top-p after top-k
            keep = mx.ones(probs.shape, dtype=mx.bool_)
            if use_p:  # the smallest best-first set whose mass reaches top_p (the best token always stays)
                keep = keep & ((mx.cumsum(probs, axis=-1) - probs) < top_p)
            if use_min:  # at least min_p times the best token's probability
                keep = keep & (probs >= min_p * probs[..., :1])
            values = mx.where(keep, values, -mx.inf)
        return values, ids

    return candidates


def _draw(values: mx.array, ids: mx.array | None, temp: float, key: mx.array | None = None) -> mx.array:
    choice = mx.random.categorical(values * (1.0 / temp), key=key)
    return choice if ids is None else mx.take_along_axis(ids, choice[..., None], axis=-1)[..., 0]


@lru_cache(maxsize=64)
def _shared_sampler(temp: float, top_k: int, top_p: float, min_p: float, vocab: int) -> Sampler:
    filters = _filters(top_k, top_p, min_p, vocab)

    def sample(logprobs: mx.array) -> mx.array:  # (B, vocab) -> (B,)
        return _draw(*filters(logprobs), temp)

    return sample


def _seeded_sampler(temp: float, top_k: int, top_p: float, min_p: float, vocab: int, seed: int) -> Sampler:
    filters = _filters(top_k, top_p, min_p, vocab)
    key = mx.random.key(seed & 0xFFFFFFFF)

    def sample(logprobs: mx.array) -> mx.array:
        nonlocal key
        key, sub = mx.random.split(key)
        return _draw(*filters(logprobs), temp, sub)

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

"""The grammar fast path (sample freely, check one token, resample only on rejection) must choose
exactly what grammar-first sampling chooses, with the real default model and llama.cpp's grammars."""

from __future__ import annotations

import json

import llama_cpp
import pytest

from kakehashi.default_model import default_model_path
from kakehashi.engine.llama import ContextConfig, LlamaContext, LlamaModel, Sampler, json_schema_grammar
from kakehashi.types import SamplingParams

pytestmark = pytest.mark.slow

SCHEMA = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "population": {"type": "integer"}},
    "required": ["city", "population"],
}


@pytest.fixture(scope="module")
def model() -> LlamaModel:
    m = LlamaModel(default_model_path())
    yield m
    m.close()


def _grammar_first_chain(model: LlamaModel, grammar: str):
    """The reference: llama.cpp's grammar sampler applied to every candidate, then greedy."""
    chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
    llama_cpp.llama_sampler_chain_add(
        chain, llama_cpp.llama_sampler_init_grammar(model._vocab, grammar.encode(), b"root")
    )
    llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_greedy())
    return chain


def _generate(model: LlamaModel, ctx: LlamaContext, prompt: list[int], pick, n: int) -> list[int]:
    ctx.free_seq(0)
    ctx.batch_clear()
    idx = ctx.batch_add_run(prompt, 0, 0, logits_last=True)
    ctx.decode()
    out: list[int] = []
    pos = len(prompt)
    for _ in range(n):
        token = pick(idx)
        if model.is_eog(token):
            break
        out.append(token)
        ctx.batch_clear()
        idx = ctx.batch_add(token, pos, 0, True)
        pos += 1
        ctx.decode()
    return out


def test_fast_path_matches_grammar_first_sampling(model: LlamaModel) -> None:
    grammar = json_schema_grammar(SCHEMA)
    ctx = LlamaContext(model, ContextConfig(n_seq_max=1, n_ctx_per_seq=512, n_batch=256))
    try:
        prompt = model.tokenize("Tokyo is the capital of Japan, home to about 14 million people. As JSON:")
        fast = Sampler(model, SamplingParams(temperature=0.0, grammar=grammar), default_seed=0)
        got = _generate(model, ctx, prompt, lambda i: fast.sample(ctx, i), 48)

        ref = _grammar_first_chain(model, grammar)
        try:
            want = _generate(
                model, ctx, prompt, lambda i: int(llama_cpp.llama_sampler_sample(ref, ctx._ctx, i)), 48
            )
        finally:
            llama_cpp.llama_sampler_free(ref)
        assert got == want
        # The free choice was rejected at least once (the model does not write this JSON unaided),
        # so both branches of the fast path ran.
        assert fast.grammar_resamples > 0
        text = b"".join(model.piece(t) for t in got).decode()
        if len(got) < 48:  # finished within budget: a complete, schema-valid object
            obj = json.loads(text)
            assert set(obj) == {"city", "population"}
        fast.close()
    finally:
        ctx.close()


def test_sampled_grammar_output_stays_valid(model: LlamaModel) -> None:
    """At temperature > 0 the output still only ever uses tokens the grammar accepts."""
    ctx = LlamaContext(model, ContextConfig(n_seq_max=1, n_ctx_per_seq=512, n_batch=256))
    try:
        prompt = model.tokenize("Write a JSON list of three numbers:")
        grammar = 'root ::= "[" [0-9]+ ("," [0-9]+)* "]"'
        for seed in range(3):
            s = Sampler(model, SamplingParams(temperature=1.0, seed=seed, grammar=grammar), default_seed=0)
            out = _generate(model, ctx, prompt, lambda i, s=s: s.sample(ctx, i), 24)
            s.close()
            text = b"".join(model.piece(t) for t in out).decode()
            assert text.startswith("[")
            assert set(text) <= set("[],0123456789")
    finally:
        ctx.close()

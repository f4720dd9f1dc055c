"""Decode and prefill speed of the engine's llama.cpp context with flash attention off versus on.

This VM's speed drifts by tens of percent from minute to minute, so the two settings are measured
interleaved in one process (two contexts on one model), three rounds each, and the median is shown.
For each (fill, streams): fill `streams` sequences with `fill` tokens, then time 20 decode steps of
one token per sequence (one llama_decode per step, as the engine does). Prefill: 1,536 tokens in
512-token chunks. Run on an idle machine:

    PYTHONPATH=src .venv/bin/python benchmarks/engine/flash_attention.py
"""

from __future__ import annotations

import statistics
import time

from kakehashi.default_model import default_model_path
from kakehashi.engine.llama import ContextConfig, LlamaContext, LlamaModel

STEPS = 20
ROUNDS = 3
SETTINGS = ("off", "on")


def fill_sequences(ctx: LlamaContext, streams: int, fill: int) -> None:
    for seq in range(streams):
        ctx.free_seq(seq)
        done = 0
        while done < fill:
            k = min(512, fill - done)
            ctx.batch_clear()
            ctx.batch_add_run([100 + (i % 500) for i in range(k)], done, seq, True)
            ctx.decode()
            done += k


def decode_tok_s(ctx: LlamaContext, streams: int, fill: int) -> float:
    fill_sequences(ctx, streams, fill)
    started = time.perf_counter()
    for step in range(STEPS):
        ctx.batch_clear()
        for seq in range(streams):
            ctx.batch_add(200 + step, fill + step, seq, True)
        ctx.decode()
    return streams * STEPS / (time.perf_counter() - started)


def prefill_tok_s(ctx: LlamaContext) -> float:
    started = time.perf_counter()
    fill_sequences(ctx, 1, 1536)
    return 1536 / (time.perf_counter() - started)


def main() -> None:
    model = LlamaModel(default_model_path())
    contexts = {
        fa: LlamaContext(model, ContextConfig(n_seq_max=16, n_ctx_per_seq=2048, n_batch=512, flash_attn=fa))
        for fa in SETTINGS
    }
    for ctx in contexts.values():  # first decodes allocate graphs and warm caches: not timed
        decode_tok_s(ctx, 16, 32)
    print("| workload | flash attention off tok/s | on tok/s | off / on |")
    print("|---|---|---|---|")

    def row(label: str, measure) -> None:  # type: ignore[no-untyped-def]
        samples: dict[str, list[float]] = {fa: [] for fa in SETTINGS}
        for _ in range(ROUNDS):
            for fa in SETTINGS:
                samples[fa].append(measure(contexts[fa]))
        off, on = (statistics.median(samples[fa]) for fa in SETTINGS)
        print(f"| {label} | {off:.0f} | {on:.0f} | {off / on:.2f}x |", flush=True)

    for fill in (32, 128, 512, 1024):
        for streams in (1, 8, 16):
            row(f"decode, {streams} streams at {fill} tokens",
                lambda ctx, s=streams, f=fill: decode_tok_s(ctx, s, f))
    row("prefill 1,536 tokens", prefill_tok_s)
    for ctx in contexts.values():
        ctx.close()
    model.close()


if __name__ == "__main__":
    main()

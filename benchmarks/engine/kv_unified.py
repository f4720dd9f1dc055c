"""Decode-step time, per-sequence KV streams vs one unified KV buffer (SmolLM2-135M, 16 sequences)."""
import time, statistics, llama_cpp
from kakehashi.default_model import default_model_path
from kakehashi.engine.llama import LlamaModel, LlamaContext, ContextConfig
real_init = llama_cpp.llama_init_from_model
m = LlamaModel(default_model_path())
def make(unified):
    def init(model, params):
        params.kv_unified = unified
        return real_init(model, params)
    llama_cpp.llama_init_from_model = init
    try:
        return LlamaContext(m, ContextConfig(n_seq_max=16, n_ctx_per_seq=2048, n_batch=512, n_threads=2))
    finally:
        llama_cpp.llama_init_from_model = real_init
prompt = m.tokenize("Write a long story of at least 300 words about the sea (variant 7). " * 2)
def run(ctx, ctx_len, steps=12):
    for s in range(16): ctx.free_seq(s)
    # prefill each sequence to ctx_len tokens
    toks = (prompt * 100)[:ctx_len]
    for s in range(16):
        ctx.batch_clear(); ctx.batch_add_run(toks, 0, s, True); ctx.decode()
    times = []
    for k in range(steps):
        ctx.batch_clear()
        for s in range(16): ctx.batch_add(toks[k % len(toks)], ctx_len + k, s, True)
        t = time.perf_counter(); ctx.decode(); times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000
split, uni = make(False), make(True)
for ctx_len in (64, 180, 512):
    r = []
    for rep in range(2):
        r.append(("split", run(split, ctx_len))); r.append(("unified", run(uni, ctx_len)))
    print(ctx_len, [(n, round(v, 1)) for n, v in r], flush=True)
# prefill: 16 prompts of 40 tokens in one step
for name, ctx in (("split", split), ("unified", uni), ("split", split), ("unified", uni)):
    for s in range(16): ctx.free_seq(s)
    ctx.batch_clear()
    for s in range(16): ctx.batch_add_run(prompt[:30], 0, s, True)
    t = time.perf_counter(); ctx.decode(); print("prefill 16x30", name, round((time.perf_counter() - t) * 1000, 1), "ms", flush=True)

"""Teacher-forced comparison of llama.cpp and MLX logits on the bundled GGUF (see numerics.md).

Run: .venv/bin/python benchmarks/mlx/numerics.py
"""
import llama_cpp
import mlx.core as mx
import numpy as np
from kakehashi.default_model import default_model_path
from kakehashi.engine.llama import LlamaModel, LlamaContext, ContextConfig
from kakehashi.engine.chat_template import ChatTemplate
from kakehashi.engine_mlx.gguf import load_gguf
p = default_model_path()
lm = LlamaModel(p); ctx = LlamaContext(lm, ContextConfig(n_seq_max=1, n_ctx_per_seq=512, n_batch=256))
tpl = ChatTemplate(lm.chat_template, bos_token=lm.token_text(lm.bos_id), eos_token=lm.token_text(lm.eos_id))
model, _, _ = load_gguf(p)
for q in ["What is the capital of France?", "Write a haiku about the sea.", "Explain photosynthesis in one sentence."]:
    ids = lm.tokenize(tpl.render([{"role": "user", "content": q}]))
    # llama.cpp greedy 32 tokens
    ctx.free_seq(0); ctx.batch_clear(); ctx.batch_add_run(ids, 0, 0, True); ctx.decode()
    n = len(ids); gen = []
    lg = []
    for i in range(32):
        l = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ctx._ctx, -1), shape=(lm.n_vocab,)).copy()
        t = int(l.argmax()); gen.append(t); lg.append(l)
        ctx.batch_clear(); ctx.batch_add(t, n + i, 0, True); ctx.decode()
    # MLX teacher-forced on the same tokens
    ml = np.array(model(mx.array([ids + gen[:-1]]))[0, len(ids)-1:].astype(mx.float32))
    for i in range(32):
        a, b = lg[i], ml[i]
        ta, tb = int(a.argmax()), int(b.argmax())
        if ta != tb:
            print(q[:20], "pos", i, "llama", ta, "mlx", tb, "llama margin", round(float(a[ta]-a[tb]),3), "mlx margin", round(float(b[tb]-b[ta]),3))
    d = np.abs(ml - np.stack(lg)); print(q[:20], "max|dlogit|", d.max().round(3), "mean", d.mean().round(4), "agree", sum(int(np.argmax(ml[i])==gen[i]) for i in range(32)))

import time, sys
import mlx.core as mx
from mlx_lm.models.cache import make_prompt_cache
from mlx_lm.utils import dequantize_model
from kakehashi.default_model import default_model_path
from kakehashi.engine_mlx.gguf import load_gguf

def bench(model, label, B=8, steps=6):
    cache = make_prompt_cache(model)
    x = mx.array([[100 + i + j for j in range(32)] for i in range(B)])
    t = time.perf_counter(); out = model(x, cache=cache); mx.eval(out); pre = time.perf_counter() - t
    tok = mx.argmax(out[:, -1, :], axis=-1)[:, None]
    t = time.perf_counter()
    for _ in range(steps):
        out = model(tok, cache=cache); tok = mx.argmax(out[:, -1, :], axis=-1)[:, None]; mx.eval(tok)
    dec = (time.perf_counter() - t) / steps
    print(f"{label} B={B}: prefill 32 tok {pre:.3f}s, decode {dec*1000:.1f} ms/step, {B/dec:.1f} tok/s", flush=True)

model, _, _ = load_gguf(default_model_path())
for B in (1, 8):
    bench(model, "quantized", B)
dtype = sys.argv[1] if len(sys.argv) > 1 else "float32"
model = dequantize_model(model)
model.set_dtype(getattr(mx, dtype))
mx.eval(model.parameters())
for B in (1, 8, 16):
    bench(model, f"dequantized {dtype}", B)

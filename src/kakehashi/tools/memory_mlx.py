"""How many bytes the MLX engine holds for a GGUF model: weights as MLX reads them, the KV cache as
mlx-lm grows it. Pure math, like memory.py is for llama.cpp; checked against a real load of the
bundled model in tests/mlx/test_estimate_mlx.py.

- Weights: `mx.load` turns Q4_0 / Q4_1 / Q8_0 blocks of 32 into MLX affine-quantized arrays: the
  packed 4- or 8-bit values plus one scale and one bias per group of 32, in float16 (so Q4_1 keeps its
  size and Q4_0 / Q8_0 grow by the bias they did not store); every other quantized type is
  dequantized to float16 at load; F32 / F16 / BF16 tensors stay as they are.
- Activations, and so the KV cache, take the widest float type of the unquantized weights (the
  norms): float32 for a GGUF whose norms are F32, as llama.cpp writes them.
- KV cache: mlx-lm keeps per layer K and V of (sequences, kv heads, cells, head dim), grown 256 cells
  at a time; a batch is padded to its longest sequence, so `slots` sequences of `ctx` tokens take
  slots x pad256(ctx) cells at worst.
- Transients: MLX evaluates lazily and reserves no compute buffer; the peak is one prefill step of
  up to 8 prompts x the prefill chunk (--batch-size), one layer at a time: the residual stream and
  its normalised copy, then the larger of the FFN's three [n_ff] tensors and attention's scores
  [heads x cells] (MLX's CPU attention materialises them) plus Q, K, V.
"""

from __future__ import annotations

from kakehashi.tools.gguf_info import GGUFInfo
from kakehashi.tools.memory import KVCache, MemoryEstimate, RuntimeConfig, Weights
from kakehashi.tools.model_shape import ModelShape

_GROUP = 32  # weights per scale/bias group (the GGUF block size)
_HALF = 2
_MLX_QUANT_BITS = {"Q4_0": 4, "Q4_1": 4, "Q8_0": 8}
_FLOAT_BYTES = {"F32": 4, "F16": 2, "BF16": 2}
_STEP = 256  # mlx-lm KVCache.step
PREFILL_BATCH = 8  # prompts prefilled together (engine_mlx/engine.py)


def mlx_tensor_bytes(type_name: str, n_elements: int) -> int:
    bits = _MLX_QUANT_BITS.get(type_name)
    if bits is not None:
        return n_elements * bits // 8 + n_elements // _GROUP * 2 * _HALF
    return n_elements * _FLOAT_BYTES.get(type_name, _HALF)  # other quantized types: float16


def activation_bytes(info: GGUFInfo) -> int:
    """Bytes per activation value: the widest unquantized float weight (norms) sets MLX's dtype."""
    floats = [_FLOAT_BYTES[t.type_name] for t in info.tensors if t.type_name in _FLOAT_BYTES]
    return max(floats, default=_HALF)


def mlx_weights(info: GGUFInfo) -> Weights:
    total = sum(mlx_tensor_bytes(t.type_name, t.n_elements) for t in info.tensors)
    names = {t.name for t in info.tensors}
    gathered = sum(mlx_tensor_bytes(t.type_name, t.n_elements) for t in info.tensors
                   if t.name == "token_embd.weight" and "output.weight" in names)  # only rows are read
    return Weights(total_bytes=total, read_per_token_bytes=total - gathered,
                   parameter_count=info.parameter_count, exact=True)


def _pad(value: int, to: int) -> int:
    return (value + to - 1) // to * to


def mlx_estimate(info: GGUFInfo, shape: ModelShape, ctx: int, slots: int, prefill_chunk: int = 512) -> MemoryEstimate:
    act = activation_bytes(info)
    cells = _pad(ctx, _STEP)
    per_token = sum(shape.n_head_kv[layer] * sum(shape.head_dims(layer)) for layer in range(shape.n_layer)) * act
    kv = KVCache(bytes=per_token * cells * slots, cells_full=cells * slots, cells_swa=0,
                 layers_full=shape.n_layer, layers_swa=0, bytes_per_token_full=per_token)
    u = min(PREFILL_BATCH, slots) * min(prefill_chunk, ctx)
    head = max(shape.head_dim_k, shape.head_dim_v)
    attention = (shape.n_head * min(cells, prefill_chunk) + 3 * shape.n_head * head) * u
    compute = (2 * shape.n_embd * u + max(3 * shape.n_ff * u, attention)) * act
    dtype = "f32" if act == 4 else "f16"
    config = RuntimeConfig(ctx=ctx, parallel=slots, cache_type_k=dtype, cache_type_v=dtype,
                           n_ubatch=prefill_chunk, flash_attn=True)
    layout = ("MLX engine layout: Q4_0/Q4_1/Q8_0 as MLX 4/8-bit affine arrays (float16 scale + bias per 32 "
              "weights), other quantized types as float16; KV cache in the activation dtype "
              f"({dtype}), 256-cell steps; the compute row is one prefill step's transient activations")
    notes: tuple[str, ...] = (layout,)
    if shape.n_ctx_train and ctx > shape.n_ctx_train:
        notes += (f"context {ctx} exceeds the trained context {shape.n_ctx_train}",)
    return MemoryEstimate(weights=mlx_weights(info), kv=kv, compute_bytes=compute,
                          output_bytes=shape.n_vocab * slots * 4, config=config, notes=notes)

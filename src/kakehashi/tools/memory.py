"""How many bytes llama.cpp allocates for a model: weights, KV cache, compute buffers. Pure math.

Every rule here mirrors what llama.cpp (the version vendored by llama-cpp-python 0.3.x) does, with
the source location in a comment, so a difference from reality points at one line to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kakehashi.errors import InvalidRequest
from kakehashi.tools.gguf_info import GGUFInfo
from kakehashi.tools.model_shape import ModelShape

# ggml block layout (elements per block, bytes per block) of the types a KV cache may use;
# the same numbers as gguf.GGML_QUANT_SIZES, repeated so this module stays import-light.
KV_CACHE_TYPES: dict[str, tuple[int, int]] = {
    "f32": (1, 4),
    "f16": (1, 2),
    "bf16": (1, 2),
    "q8_0": (32, 34),
    "q5_1": (32, 24),
    "q5_0": (32, 22),
    "q4_1": (32, 20),
    "q4_0": (32, 18),
    "iq4_nl": (32, 18),
}

# llama.cpp pads context sizes and the sliding-window cache to 256 cells (llama-context.cpp,
# llama-kv-cache-iswa.cpp).
_CELL_PAD = 256
_F32 = 4

# Bits per weight of whole files by llama-quantize type. Mixed types (_S/_M/_L) keep some tensors at
# higher precision, so their average is above the block type's: derived from the file sizes
# llama.cpp lists for Llama-3-8B (8,030,261,248 weights) in tools/quantize/quantize.cpp;
# the rest are llama-quantize's stated bits per weight or the ggml block layout.
_LLAMA3_8B_WEIGHTS = 8_030_261_248
_GIB = 1024**3
_SIZES_LLAMA3_8B_GIB = {
    "Q2_K": 2.96, "Q3_K_S": 3.41, "Q3_K_M": 3.74, "Q3_K_L": 4.03,
    "Q4_0": 4.34, "Q4_1": 4.78, "Q4_K_S": 4.37, "Q4_K_M": 4.58,
    "Q5_0": 5.21, "Q5_1": 5.65, "Q5_K_S": 5.21, "Q5_K_M": 5.33,
    "Q6_K": 6.14, "Q8_0": 7.96,
}  # fmt: skip
BITS_PER_WEIGHT: dict[str, float] = {
    name: gib * _GIB * 8 / _LLAMA3_8B_WEIGHTS for name, gib in _SIZES_LLAMA3_8B_GIB.items()
} | {
    "IQ1_S": 1.56, "IQ1_M": 1.75, "IQ2_XXS": 2.06, "IQ2_XS": 2.31, "IQ2_S": 2.5, "IQ2_M": 2.7,
    "IQ3_XXS": 3.06, "IQ3_XS": 3.3, "IQ3_S": 3.44, "IQ3_M": 3.66, "IQ4_XS": 4.25, "IQ4_NL": 4.5,
    "F16": 16.0, "BF16": 16.0, "F32": 32.0,
}  # fmt: skip
BITS_PER_WEIGHT_SOURCE = (
    "llama.cpp tools/quantize/quantize.cpp: file sizes for Llama-3-8B (K-quant mixes, Q4_0..Q8_0) "
    "and stated bits per weight (IQ types)"
)


@dataclass(frozen=True, slots=True)
class RuntimeConfig:
    """How the model will be run. Defaults are llama.cpp's (llama_context_default_params)."""

    ctx: int  # context tokens PER SEQUENCE (llama.cpp's n_ctx is this times `parallel`)
    parallel: int = 1  # sequences decoded together (llama-server --parallel, n_seq_max)
    cache_type_k: str = "f16"
    cache_type_v: str = "f16"
    n_ubatch: int = 512  # tokens per compute step during prompt processing
    flash_attn: bool = True  # llama.cpp's default "auto" turns it on wherever supported
    # A full-size cache on sliding-window layers (llama.cpp --swa-full); the C API's default is on,
    # llama-server's is off.
    swa_full: bool = False

    def __post_init__(self) -> None:
        if self.ctx <= 0 or self.parallel <= 0 or self.n_ubatch <= 0:
            raise InvalidRequest("context, parallel sequences and ubatch must be positive")
        for name in (self.cache_type_k, self.cache_type_v):
            if name not in KV_CACHE_TYPES:
                raise InvalidRequest(
                    f"unknown KV cache type {name!r}; use one of {', '.join(KV_CACHE_TYPES)}",
                    param="cache_type",
                )
        if self.cache_type_v not in ("f16", "bf16", "f32") and not self.flash_attn:
            raise InvalidRequest(
                "a quantized V cache needs flash attention in llama.cpp; drop --no-flash-attn",
                param="cache_type_v",
            )


@dataclass(frozen=True, slots=True)
class Weights:
    """Bytes the weights occupy, and bytes one decode step reads from them."""

    total_bytes: int
    read_per_token_bytes: int
    parameter_count: int
    exact: bool  # from a file's tensor table (True) or bits-per-weight arithmetic (False)


@dataclass(frozen=True, slots=True)
class KVCache:
    bytes: int
    cells_full: int  # cells of a full-attention layer, all sequences together
    cells_swa: int  # cells of a sliding-window layer (0 when the model has none)
    layers_full: int
    layers_swa: int
    bytes_per_token_full: int  # K+V bytes one token adds across all full-attention layers


@dataclass(frozen=True, slots=True)
class MemoryEstimate:
    weights: Weights
    kv: KVCache
    compute_bytes: int
    output_bytes: int
    config: RuntimeConfig
    notes: tuple[str, ...] = field(default=())

    @property
    def total_bytes(self) -> int:
        return self.weights.total_bytes + self.kv.bytes + self.compute_bytes + self.output_bytes

    def decode_bytes_per_token(self, context_fill: float = 1.0) -> int:
        """Bytes one single-sequence decode step reads: the weights plus its share of the KV cache."""
        per_sequence_kv = self.kv.bytes / self.config.parallel
        return int(self.weights.read_per_token_bytes + per_sequence_kv * context_fill)


def weights_from_gguf(info: GGUFInfo, shape: ModelShape) -> Weights:
    read = 0
    names = {t.name for t in info.tensors}
    for tensor in info.tensors:
        if tensor.name == "token_embd.weight" and "output.weight" in names:
            # A separate output matrix exists, so the embedding table is only gathered from: one row
            # per token, negligible. With tied embeddings it IS the output matrix and is read whole.
            continue
        if "_exps." in tensor.name and shape.n_expert and shape.n_expert_used:
            # Mixture of experts: a token only touches the experts the router picked.
            read += tensor.n_bytes * shape.n_expert_used // shape.n_expert
            continue
        read += tensor.n_bytes
    return Weights(
        total_bytes=info.weight_bytes,
        read_per_token_bytes=read,
        parameter_count=info.parameter_count,
        exact=True,
    )


def weights_from_params(parameter_count: int, quant: str) -> Weights:
    bits = bits_per_weight(quant)
    total = int(parameter_count * bits / 8)
    return Weights(
        total_bytes=total, read_per_token_bytes=total, parameter_count=parameter_count, exact=False
    )


def bits_per_weight(quant: str) -> float:
    key = quant.upper()
    key = {"Q4_K": "Q4_K_M", "Q5_K": "Q5_K_M", "Q3_K": "Q3_K_M"}.get(key, key)
    if key not in BITS_PER_WEIGHT:
        raise InvalidRequest(
            f"unknown quantization {quant!r}; known: {', '.join(sorted(BITS_PER_WEIGHT))}", param="quant"
        )
    return BITS_PER_WEIGHT[key]


def _pad(value: int, to: int) -> int:
    return (value + to - 1) // to * to


def _row_bytes(cache_type: str, n_elements: int) -> int:
    block, block_bytes = KV_CACHE_TYPES[cache_type]
    return n_elements // block * block_bytes


def kv_cache(shape: ModelShape, config: RuntimeConfig) -> KVCache:
    """K and V tensors per layer, sized like llama_kv_cache / llama_kv_cache_iswa allocate them.

    llama.cpp (non-unified cache, its default) keeps one stream per sequence, each of
    pad256(ctx) cells. Sliding-window layers only keep pad256(min(ctx, window + n_ubatch)) cells
    per stream: the window plus room for one micro-batch (llama-kv-cache-iswa.cpp).
    """
    ctx_per_seq = _pad(config.ctx, _CELL_PAD)
    cells_full = ctx_per_seq * config.parallel
    cells_swa = 0
    if shape.sliding_window > 0 and any(shape.swa_layers):
        per_stream = _pad(min(ctx_per_seq, shape.sliding_window + config.n_ubatch), _CELL_PAD)
        cells_swa = cells_full if config.swa_full else per_stream * config.parallel

    total = 0
    per_token_full = 0
    layers_swa = 0
    for layer in range(shape.n_layer):
        head_k, head_v = shape.head_dims(layer)
        n_kv = shape.n_head_kv[layer]
        # One row per cell: n_head_kv * head_dim values, so grouped-query attention stores only the
        # KV heads, not every query head.
        row = _row_bytes(config.cache_type_k, n_kv * head_k) + _row_bytes(config.cache_type_v, n_kv * head_v)
        if shape.is_swa(layer):
            layers_swa += 1
            total += row * cells_swa
        else:
            total += row * cells_full
            per_token_full += row
    return KVCache(
        bytes=total,
        cells_full=cells_full,
        cells_swa=cells_swa,
        layers_full=shape.n_layer - layers_swa,
        layers_swa=layers_swa,
        bytes_per_token_full=per_token_full,
    )


def compute_buffer(shape: ModelShape, config: RuntimeConfig) -> int:
    """The graph scratch memory llama.cpp reserves for its worst case: one full micro-batch.

    ggml's allocator reuses memory between ops, so the buffer is the largest set of f32
    activations alive at once during a prompt-processing step of u = n_ubatch tokens with every
    token's logits requested (llama_context::sched_reserve). Two phases compete:
      - the output: logits [n_vocab, u], plus the residual stream and its normalised copy
        [n_embd, u] each. The attention masks are dead by then.
      - inside a layer: the residual stream and the normalised input [n_embd, u] each, the
        attention masks [n_kv, u] (one per cache: full and sliding-window; f16 with flash
        attention, f32 without) that stay alive across all layers, and the larger of
          FFN:       gate and up [n_ff, u] each, and their product
          attention: with flash attention Q, K, V and the output [~4 * n_head * head_dim, u];
                     without it the scores KQ [n_kv, u, n_head] (softmax runs in place), Q, K, V.
    Checked against llama.cpp's "compute buffer size" in tests/tools/test_estimate.py.
    """
    u = min(config.n_ubatch, _pad(config.ctx, _CELL_PAD) * config.parallel)
    n_kv = _pad(config.ctx, _CELL_PAD)  # attention spans one stream (sequence) at a time
    n_kv_swa = 0
    if shape.sliding_window > 0 and any(shape.swa_layers):
        n_kv_swa = (
            n_kv if config.swa_full else _pad(min(n_kv, shape.sliding_window + config.n_ubatch), _CELL_PAD)
        )
    head = max(shape.head_dim_k, shape.head_dim_v)
    output_phase = (shape.n_vocab + 2 * shape.n_embd) * u * _F32
    ffn = 3 * shape.n_ff * u
    if config.flash_attn:
        attention = 4 * shape.n_head * head * u
        masks = (n_kv + n_kv_swa) * u * 2
    else:
        attention = (n_kv * shape.n_head + 3 * shape.n_head * head) * u
        masks = (n_kv + n_kv_swa) * u * _F32
    layer_phase = (2 * shape.n_embd * u + max(ffn, attention)) * _F32 + masks
    return max(output_phase, layer_phase)


def output_buffer(shape: ModelShape, config: RuntimeConfig) -> int:
    """Host buffer for returned logits: one row per sequence (llama_context::output_reserve)."""
    return shape.n_vocab * config.parallel * _F32


def estimate_memory(weights: Weights, shape: ModelShape, config: RuntimeConfig) -> MemoryEstimate:
    notes: list[str] = []
    if shape.n_ctx_train and config.ctx > shape.n_ctx_train:
        notes.append(f"context {config.ctx} exceeds the trained context {shape.n_ctx_train}")
    if shape.sliding_window and config.swa_full:
        notes.append("--swa-full: sliding-window layers get a full-size cache")
    return MemoryEstimate(
        weights=weights,
        kv=kv_cache(shape, config),
        compute_bytes=compute_buffer(shape, config),
        output_bytes=output_buffer(shape, config),
        config=config,
        notes=tuple(notes),
    )

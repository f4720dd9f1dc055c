"""The few architecture numbers memory and speed depend on, from GGUF metadata or from flags.

The metadata keys and their defaults follow llama.cpp's loader (src/llama-model.cpp and
src/models/*.cpp), so the shape here is the one llama.cpp will actually allocate for.
"""

from __future__ import annotations

from dataclasses import dataclass

from kakehashi.errors import InvalidRequest
from kakehashi.tools.gguf_info import GGUFInfo, MetadataValue

# Interleaved sliding-window attention: llama.cpp hard-codes each family's pattern unless the file
# carries `{arch}.attention.sliding_window_pattern`. Value: (period, dense_first).
#   dense_first=False: the LAST layer of every period uses full attention (gemma2/3: 1 of 2 / 1 of 6)
#   dense_first=True:  the FIRST layer of every period uses full attention
_SWA_PATTERNS: dict[str, tuple[int, bool]] = {
    "gemma2": (2, False),
    "gemma3": (6, False),
    "gemma3n": (5, False),
    "gemma-embedding": (6, False),
    "cohere2": (4, False),
    "gpt-oss": (2, False),
    "llama4": (4, False),
    "exaone4": (4, False),
    "olmo2": (4, False),
    "afmoe": (4, False),
    "plamo3": (8, False),
    "smallthinker": (4, True),
    "mellum": (4, False),
    "exaone-moe": (4, False),
    "cohere2moe": (4, True),
}
# gemma2 files often omit the window: llama.cpp then assumes Gemma 2's 4096.
_DEFAULT_WINDOW = {"gemma2": 4096}


@dataclass(frozen=True, slots=True)
class ModelShape:
    architecture: str
    n_layer: int
    n_embd: int
    n_head: int
    n_head_kv: tuple[int, ...]  # per layer; fewer than n_head = grouped-query attention
    head_dim_k: int
    head_dim_v: int
    n_ff: int
    n_vocab: int
    n_ctx_train: int
    sliding_window: int = 0  # tokens a sliding-window layer attends to; 0 = none
    swa_layers: tuple[bool, ...] = ()  # per layer: uses the sliding window
    head_dim_k_swa: int = 0  # gemma4-style different head size on sliding layers; 0 = same
    head_dim_v_swa: int = 0
    n_expert: int = 0
    n_expert_used: int = 0

    @property
    def is_gqa(self) -> bool:
        return any(0 < kv < self.n_head for kv in self.n_head_kv)

    def is_swa(self, layer: int) -> bool:
        return self.sliding_window > 0 and layer < len(self.swa_layers) and self.swa_layers[layer]

    def head_dims(self, layer: int) -> tuple[int, int]:
        """(key, value) head size of `layer`."""
        if self.is_swa(layer):
            return (self.head_dim_k_swa or self.head_dim_k, self.head_dim_v_swa or self.head_dim_v)
        return self.head_dim_k, self.head_dim_v


def swa_layer_pattern(n_layer: int, period: int, dense_first: bool) -> tuple[bool, ...]:
    """Which layers use the sliding window, exactly as llama_hparams::set_swa_pattern computes it."""
    if period <= 0:
        return tuple(True for _ in range(n_layer))
    if dense_first:
        return tuple(layer % period != 0 for layer in range(n_layer))
    return tuple(layer % period < period - 1 for layer in range(n_layer))


def shape_from_gguf(info: GGUFInfo) -> ModelShape:
    arch = info.architecture
    n_layer = _int(info.arch_get("block_count"), "block_count", info)
    n_embd = _int(info.arch_get("embedding_length"), "embedding_length", info)
    n_head = _max_int(info.arch_get("attention.head_count"), default=0)
    n_head_kv = _per_layer(info.arch_get("attention.head_count_kv"), n_layer, default=n_head)
    if n_head <= 0:
        raise InvalidRequest(f"{info.path}: {arch}.attention.head_count is missing (not a transformer?)")
    default_head_dim = n_embd // n_head
    head_dim_k = _max_int(info.arch_get("attention.key_length"), default=default_head_dim)
    head_dim_v = _max_int(info.arch_get("attention.value_length"), default=default_head_dim)
    n_vocab = _max_int(info.arch_get("vocab_size"), default=0) or info.array_lengths.get(
        "tokenizer.ggml.tokens", 0
    )

    window = _max_int(info.arch_get("attention.sliding_window"), default=_DEFAULT_WINDOW.get(arch, 0))
    swa_layers: tuple[bool, ...] = ()
    if window > 0:
        swa_layers = _swa_layers(info, arch, n_layer)
    return ModelShape(
        architecture=arch,
        n_layer=n_layer,
        n_embd=n_embd,
        n_head=n_head,
        n_head_kv=n_head_kv,
        head_dim_k=head_dim_k,
        head_dim_v=head_dim_v,
        n_ff=_max_int(info.arch_get("feed_forward_length"), default=4 * n_embd),
        n_vocab=n_vocab,
        n_ctx_train=_max_int(info.arch_get("context_length"), default=0),
        sliding_window=window if any(swa_layers) else 0,
        swa_layers=swa_layers,
        n_expert=_max_int(info.arch_get("expert_count"), default=0),
        n_expert_used=_max_int(info.arch_get("expert_used_count"), default=0),
        head_dim_k_swa=_max_int(info.arch_get("attention.key_length_swa"), default=0),
        head_dim_v_swa=_max_int(info.arch_get("attention.value_length_swa"), default=0),
    )


def _swa_layers(info: GGUFInfo, arch: str, n_layer: int) -> tuple[bool, ...]:
    pattern = info.arch_get("attention.sliding_window_pattern")
    if isinstance(pattern, list):  # explicit per-layer flags
        return tuple(bool(flag) for flag in pattern[:n_layer])
    period, dense_first = _SWA_PATTERNS.get(arch, (0, False))
    if isinstance(pattern, int) and not isinstance(pattern, bool):
        period = pattern
    elif arch not in _SWA_PATTERNS:
        # llama.cpp ignores the window for families it does not implement SWA for (llama, phi3, ...),
        # so the cache is full-size on every layer.
        return ()
    return swa_layer_pattern(n_layer, period, dense_first)


def _int(value: MetadataValue | None, key: str, info: GGUFInfo) -> int:
    if value is None:
        raise InvalidRequest(f"{info.path}: metadata {info.architecture}.{key} is missing")
    return _max_int(value, default=0)


def _max_int(value: MetadataValue | None, *, default: int) -> int:
    """Scalar keys are sometimes per-layer arrays (e.g. OpenELM's head counts): take the largest."""
    if value is None:
        return default
    if isinstance(value, list):
        return max((int(v) for v in value), default=default)
    if isinstance(value, str):
        return default
    return int(value)


def _per_layer(value: MetadataValue | None, n_layer: int, *, default: int) -> tuple[int, ...]:
    if isinstance(value, list):
        values = [int(v) for v in value[:n_layer]]
        return tuple(values + [default] * (n_layer - len(values)))
    count = default if value is None or isinstance(value, str) else int(value)
    return tuple(count for _ in range(n_layer))


@dataclass(frozen=True, slots=True)
class _Reference:
    name: str
    parameters: float
    n_layer: int
    n_embd: int
    n_head: int
    n_head_kv: int
    head_dim: int
    n_ff: int
    n_vocab: int
    n_ctx_train: int


# Published configs (each model's config.json) used to fill in what `--params` alone leaves open.
_REFERENCES = (
    _Reference("Qwen2.5-0.5B", 0.49e9, 24, 896, 14, 2, 64, 4864, 151936, 32768),
    _Reference("Llama-3.2-1B", 1.24e9, 16, 2048, 32, 8, 64, 8192, 128256, 131072),
    _Reference("Llama-3.2-3B", 3.21e9, 28, 3072, 24, 8, 128, 8192, 128256, 131072),
    _Reference("Llama-3.1-8B", 8.03e9, 32, 4096, 32, 8, 128, 14336, 128256, 131072),
    _Reference("Qwen2.5-14B", 14.8e9, 48, 5120, 40, 8, 128, 13824, 152064, 131072),
    _Reference("Qwen2.5-32B", 32.8e9, 64, 5120, 40, 8, 128, 27648, 152064, 131072),
    _Reference("Llama-3.1-70B", 70.6e9, 80, 8192, 64, 8, 128, 28672, 128256, 131072),
    _Reference("Llama-3.1-405B", 405.9e9, 126, 16384, 128, 8, 128, 53248, 128256, 131072),
)


def parse_parameter_count(text: str) -> int:
    """'8B', '0.5b', '135M', '7e9' -> a number of weights."""
    cleaned = text.strip().upper().replace("_", "")
    multiplier = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}.get(cleaned[-1:], 1.0)
    number = cleaned[:-1] if cleaned[-1:] in "KMBT" else cleaned
    try:
        value = float(number) * multiplier
    except ValueError as exc:
        raise InvalidRequest(f"cannot read a parameter count from {text!r} (try 8B or 135M)") from exc
    if value <= 0:
        raise InvalidRequest(f"parameter count must be positive, got {text!r}")
    return int(value)


def shape_from_params(
    parameter_count: int,
    *,
    layers: int | None = None,
    kv_heads: int | None = None,
    head_dim: int | None = None,
    heads: int | None = None,
    embedding: int | None = None,
    ffn: int | None = None,
    vocab: int | None = None,
    sliding_window: int = 0,
    swa_period: int = 0,
) -> tuple[ModelShape, str]:
    """A shape for a model known only by its size: the nearest published model's config, with any
    given dimension overriding it. Returns the shape and the reference model's name."""
    ref = min(_REFERENCES, key=lambda r: abs(r.parameters - parameter_count) / r.parameters)
    n_layer = layers or ref.n_layer
    n_head = heads or ref.n_head
    head = head_dim or ref.head_dim
    swa_layers = swa_layer_pattern(n_layer, swa_period, dense_first=False) if sliding_window else ()
    shape = ModelShape(
        architecture=f"like {ref.name}",
        n_layer=n_layer,
        n_embd=embedding or ref.n_embd,
        n_head=n_head,
        n_head_kv=tuple(kv_heads or ref.n_head_kv for _ in range(n_layer)),
        head_dim_k=head,
        head_dim_v=head,
        n_ff=ffn or ref.n_ff,
        n_vocab=vocab or ref.n_vocab,
        n_ctx_train=ref.n_ctx_train,
        sliding_window=sliding_window,
        swa_layers=swa_layers,
    )
    return shape, ref.name

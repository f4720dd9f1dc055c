"""GGUF -> an mlx-lm model: llama.cpp's tensor names mapped onto mlx-lm's llama classes.

mlx-lm reads only its own directories (config.json + safetensors); it can export GGUF but not load
it. MLX itself reads GGUF (`mx.load(..., return_metadata=True)`), with Q4_0/Q4_1/Q8_0 blocks
arriving as MLX affine-quantized triples (weight, scales, biases), so the model runs quantized, as
in llama.cpp. What no library does is the naming and the hyper-parameters: that is this module.

llama.cpp's converter permutes the rows of Q and K so that its interleaved ("normal") RoPE applies;
MLX's `traditional=True` RoPE is that same interleaved rotation, so the weights are used as stored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# The llama-family architectures whose GGUF layout is the llama one (same names, permuted Q/K).
LLAMA_ARCHS = ("llama",)

_LAYER_NAMES = {
    "attn_norm": "input_layernorm",
    "ffn_norm": "post_attention_layernorm",
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}
_TOP_NAMES = {"token_embd": "model.embed_tokens", "output_norm": "model.norm", "output": "lm_head"}
_BLOCK = re.compile(r"^blk\.(\d+)\.([a-z_]+)\.(weight|scales|biases|bias)$")
_TOP = re.compile(r"^([a-z_]+)\.(weight|scales|biases|bias)$")


def gguf_architecture(path: Path) -> str | None:
    """general.architecture, read with the `gguf` package (no MLX needed)."""
    from gguf import GGUFReader

    field = GGUFReader(str(path)).fields.get("general.architecture")
    if field is None:
        return None
    return bytes(field.parts[field.data[0]]).decode("utf-8", "replace")


def gguf_loadable(path: Path) -> str | None:
    """None when the MLX engine can load this GGUF, else the reason it cannot."""
    try:
        arch = gguf_architecture(path)
    except Exception as e:  # noqa: BLE001 - not a GGUF at all: any reader error means the same
        return f"{path.name} is not a readable GGUF file: {e}"
    if arch not in LLAMA_ARCHS:
        return (f"the MLX engine loads GGUF files of architecture {', '.join(LLAMA_ARCHS)} (this one is {arch!r}); "
                "convert the original model with `mlx_lm.convert` and serve the directory, or use --engine llama")
    return None


def hf_name(gguf_name: str) -> str | None:
    """llama.cpp tensor name -> mlx-lm (Hugging Face) name; None for tensors mlx-lm does not use."""
    m = _BLOCK.match(gguf_name)
    if m:
        layer, part, suffix = m.groups()
        target = _LAYER_NAMES.get(part)
        return None if target is None else f"model.layers.{layer}.{target}.{suffix}"
    m = _TOP.match(gguf_name)
    if m:
        target = _TOP_NAMES.get(m.group(1))
        return None if target is None else f"{target}.{m.group(2)}"
    return None


def _scalar(meta: dict[str, Any], key: str, default: Any = None) -> Any:
    value = meta.get(key, default)
    return value.item() if hasattr(value, "item") else value


def model_config(meta: dict[str, Any], weights: dict[str, Any]) -> dict[str, Any]:
    """mlx-lm's llama config.json, from GGUF metadata (+ the shapes of the weights)."""
    arch = meta.get("general.architecture")
    if arch not in LLAMA_ARCHS:
        raise ValueError(f"the MLX engine loads GGUF files of architecture llama, not {arch!r}")
    if "rope_freqs.weight" in weights or _scalar(meta, f"{arch}.rope.scaling.type") not in (None, "none"):
        raise ValueError("this GGUF uses RoPE scaling, which the MLX GGUF loader does not map; "
                         "serve its MLX conversion (mlx_lm.convert) or use --engine llama")
    hidden = int(_scalar(meta, f"{arch}.embedding_length"))
    heads = int(_scalar(meta, f"{arch}.attention.head_count"))
    embed = weights["token_embd.weight"]
    head_dim = _scalar(meta, f"{arch}.attention.key_length") or _scalar(meta, f"{arch}.rope.dimension_count")
    return {
        "model_type": "llama",
        "hidden_size": hidden,
        "num_hidden_layers": int(_scalar(meta, f"{arch}.block_count")),
        "intermediate_size": int(_scalar(meta, f"{arch}.feed_forward_length")),
        "num_attention_heads": heads,
        "num_key_value_heads": int(_scalar(meta, f"{arch}.attention.head_count_kv", heads)),
        "head_dim": int(head_dim) if head_dim else hidden // heads,
        "rms_norm_eps": float(_scalar(meta, f"{arch}.attention.layer_norm_rms_epsilon", 1e-5)),
        "vocab_size": int(embed.shape[0]),
        "rope_theta": float(_scalar(meta, f"{arch}.rope.freq_base", 10000.0)),
        "rope_traditional": True,  # see the module docstring
        "max_position_embeddings": int(_scalar(meta, f"{arch}.context_length", 2048)),
        "tie_word_embeddings": "output.weight" not in weights,
    }


def load_gguf(path: Path) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """(mlx-lm Model, its config, the GGUF metadata incl. the tokenizer's)."""
    import mlx.core as mx
    from mlx import nn
    from mlx_lm.models import llama
    from mlx_lm.utils import infer_quant_config

    loaded, meta = mx.load(str(path), return_metadata=True)
    config = model_config(meta, loaded)
    weights = {hf: w for name, w in loaded.items() if (hf := hf_name(name)) is not None}
    model = llama.Model(llama.ModelArgs.from_dict(config))
    weights = model.sanitize(weights)

    def quantized(p: str, m: nn.Module) -> bool | dict[str, Any]:
        # Q4_0/Q4_1/Q8_0 tensors arrive as (weight, scales, biases); others (F16/F32) stay float.
        if not hasattr(m, "to_quantized") or f"{p}.scales" not in weights:
            return False
        return dict(infer_quant_config(p, m, weights))

    nn.quantize(model, class_predicate=quantized)
    model.load_weights(list(weights.items()), strict=True)
    mx.eval(model.parameters())
    model.eval()
    return model, config, meta

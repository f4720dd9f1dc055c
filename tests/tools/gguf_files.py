"""Small GGUF files written with the `gguf` package, in layouts llama.cpp really loads."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gguf
import numpy as np

CHATML_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
GEMMA_TEMPLATE = (
    "{% for m in messages %}<start_of_turn>{{ m['role'] }}\n{{ m['content'] }}<end_of_turn>\n{% endfor %}"
)


def write_gguf(
    path: Path,
    arch: str,
    *,
    n_layer: int,
    n_embd: int,
    n_head: int,
    n_head_kv: int | Sequence[int],
    n_ff: int,
    n_vocab: int,
    context: int,
    head_dim: int | None = None,
    sliding_window: int | None = None,
    swa_pattern: int | Sequence[bool] | None = None,
    chat_template: str | None = CHATML_TEMPLATE,
    name: str = "tiny test model",
    license_: str = "mit",
) -> Path:
    """A GGUF llama.cpp can load: metadata as its converters write it, and every tensor the
    architecture needs in the right shape (mixed F32 / F16 / Q8_0), filled with zeros."""
    writer = gguf.GGUFWriter(path, arch)
    writer.add_name(name)
    writer.add_license(license_)
    writer.add_block_count(n_layer)
    writer.add_context_length(context)
    writer.add_embedding_length(n_embd)
    writer.add_feed_forward_length(n_ff)
    writer.add_head_count(n_head)
    if isinstance(n_head_kv, int):
        writer.add_head_count_kv(n_head_kv)
    else:
        writer.add_array(f"{arch}.attention.head_count_kv", list(n_head_kv))
    if head_dim is not None:
        writer.add_key_length(head_dim)
        writer.add_value_length(head_dim)
    if sliding_window is not None:
        writer.add_sliding_window(sliding_window)
    if isinstance(swa_pattern, int):
        writer.add_uint32(f"{arch}.attention.sliding_window_pattern", swa_pattern)
    elif swa_pattern is not None:
        writer.add_array(f"{arch}.attention.sliding_window_pattern", [bool(x) for x in swa_pattern])
    writer.add_layer_norm_rms_eps(1e-6)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list([f"tok{i}" for i in range(n_vocab)])
    writer.add_token_merges(["t o", "to k"])
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    if chat_template is not None:
        writer.add_chat_template(chat_template)
    writer.add_file_type(7)  # "mostly Q8_0"

    hd = head_dim or n_embd // n_head
    kv_max = n_head_kv if isinstance(n_head_kv, int) else max(n_head_kv)
    # Q8_0 stores 32 weights in 34 bytes: pass the byte layout and let the writer derive the shape.
    q8_rows = np.zeros((n_vocab, n_embd // 32 * 34), dtype=np.uint8)
    writer.add_tensor("token_embd.weight", q8_rows, raw_dtype=gguf.GGMLQuantizationType.Q8_0)
    writer.add_tensor("output_norm.weight", np.zeros(n_embd, dtype=np.float32))
    for layer in range(n_layer):
        prefix = f"blk.{layer}"
        writer.add_tensor(f"{prefix}.attn_norm.weight", np.zeros(n_embd, dtype=np.float32))
        writer.add_tensor(f"{prefix}.attn_q.weight", np.zeros((n_head * hd, n_embd), dtype=np.float16))
        writer.add_tensor(f"{prefix}.attn_k.weight", np.zeros((kv_max * hd, n_embd), dtype=np.float16))
        writer.add_tensor(f"{prefix}.attn_v.weight", np.zeros((kv_max * hd, n_embd), dtype=np.float16))
        writer.add_tensor(f"{prefix}.attn_output.weight", np.zeros((n_embd, n_head * hd), dtype=np.float16))
        writer.add_tensor(f"{prefix}.ffn_norm.weight", np.zeros(n_embd, dtype=np.float32))
        writer.add_tensor(f"{prefix}.ffn_gate.weight", np.zeros((n_ff, n_embd), dtype=np.float16))
        writer.add_tensor(f"{prefix}.ffn_up.weight", np.zeros((n_ff, n_embd), dtype=np.float16))
        writer.add_tensor(f"{prefix}.ffn_down.weight", np.zeros((n_embd, n_ff), dtype=np.float16))
        if arch.startswith("gemma"):  # Gemma 2/3 normalise q, k and both sublayer outputs
            for norm, size in (("attn_q_norm", hd), ("attn_k_norm", hd),
                               ("post_attention_norm", n_embd), ("post_ffw_norm", n_embd)):  # fmt: skip
                writer.add_tensor(f"{prefix}.{norm}.weight", np.zeros(size, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


GQA_LAYOUT: dict[str, Any] = {
    "arch": "llama", "n_layer": 4, "n_embd": 128, "n_head": 8, "n_head_kv": 2, "n_ff": 256,
    "n_vocab": 320, "context": 4096,
}  # fmt: skip
# Gemma-3 style: 5 sliding-window layers then 1 full-attention layer, repeating.
SWA_LAYOUT: dict[str, Any] = {
    "arch": "gemma3", "n_layer": 12, "n_embd": 128, "n_head": 4, "n_head_kv": 1, "n_ff": 256,
    "n_vocab": 320, "context": 32768, "head_dim": 64, "sliding_window": 1024,
    "chat_template": GEMMA_TEMPLATE, "name": "tiny sliding-window model",
}  # fmt: skip

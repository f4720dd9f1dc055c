"""GGUF -> an mlx-lm model directory, so tools that read only MLX's format (`mlx_lm.server`,
`mlx_lm.generate`) can run the same weights as kakehashi's engines.

Writes config.json, model.safetensors (the quantized tensors as MLX reads them from the GGUF, under
Hugging Face names) and a `tokenizers` tokenizer rebuilt from the GGUF's vocabulary and merges.
Only byte-level BPE vocabularies (tokenizer.ggml.model = gpt2) with a known pre-tokenizer are
rebuilt; the test suite checks that the ids match llama.cpp's for the bundled model.

    python -m kakehashi.engine_mlx.convert MODEL.gguf OUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# GGUF pre-tokenizer names whose splitting is GPT-2's regex, optionally with digits split one by one.
_DIGITS_SPLIT = {"smollm": True, "gpt2": False, "default": False}
_CONTROL = 3  # tokenizer.ggml.token_type of special (control) tokens


def _tokenizer(meta: dict[str, Any]) -> Any:
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

    kind = meta.get("tokenizer.ggml.model")
    pre = meta.get("tokenizer.ggml.pre", "default")
    if kind != "gpt2" or pre not in _DIGITS_SPLIT:
        raise ValueError(f"cannot rebuild a {kind!r} tokenizer with pre-tokenizer {pre!r} from GGUF metadata")
    tokens: list[str] = list(meta["tokenizer.ggml.tokens"])
    merges = [tuple(m.split(" ", 1)) for m in meta["tokenizer.ggml.merges"]]
    tk = Tokenizer(models.BPE(vocab={t: i for i, t in enumerate(tokens)}, merges=merges))
    splitters = [pre_tokenizers.Digits(individual_digits=True)] if _DIGITS_SPLIT[pre] else []
    tk.pre_tokenizer = pre_tokenizers.Sequence(
        [*splitters, pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)]
    )
    tk.decoder = decoders.ByteLevel()
    types = meta.get("tokenizer.ggml.token_type")
    types = types.tolist() if hasattr(types, "tolist") else list(types or [])
    tk.add_special_tokens([AddedToken(tokens[i], special=True, normalized=False)
                           for i, t in enumerate(types) if t == _CONTROL])
    return tk


def _token(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(f"tokenizer.ggml.{key}_token_id")
    if value is None:
        return None
    return str(meta["tokenizer.ggml.tokens"][int(value.item() if hasattr(value, "item") else value)])


def gguf_to_mlx(gguf: Path, out: Path) -> Path:
    import mlx.core as mx
    from transformers import PreTrainedTokenizerFast

    from kakehashi.engine_mlx.gguf import hf_name, model_config

    loaded, meta = mx.load(str(gguf), return_metadata=True)
    config = model_config(meta, loaded)
    weights = {hf: w for name, w in loaded.items() if (hf := hf_name(name)) is not None}
    q = "model.layers.0.self_attn.q_proj"
    if f"{q}.scales" in weights:
        # The default; mlx-lm infers each layer's own group size and bits from its tensor shapes.
        hidden = config["hidden_size"]
        config["quantization"] = {"group_size": hidden // weights[f"{q}.scales"].shape[-1],
                                  "bits": weights[f"{q}.weight"].shape[-1] * 32 // hidden}
    eos = _token(meta, "eos")
    if eos is not None:
        config["eos_token_id"] = int(meta["tokenizer.ggml.eos_token_id"].item())
    out.mkdir(parents=True, exist_ok=True)
    mx.save_safetensors(str(out / "model.safetensors"), weights, metadata={"format": "mlx"})
    (out / "config.json").write_text(json.dumps(config, indent=2))
    fast = PreTrainedTokenizerFast(
        tokenizer_object=_tokenizer(meta),
        bos_token=_token(meta, "bos"), eos_token=eos,
        pad_token=_token(meta, "padding"), unk_token=_token(meta, "unknown"),
    )
    template = meta.get("tokenizer.chat_template")
    if template:
        fast.chat_template = template
    fast.save_pretrained(str(out))
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m kakehashi.engine_mlx.convert MODEL.gguf OUT_DIR")
    print(gguf_to_mlx(Path(sys.argv[1]), Path(sys.argv[2])))

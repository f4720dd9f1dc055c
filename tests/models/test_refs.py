"""Reference and file-name parsing (pure string rules)."""

from __future__ import annotations

import pytest

from kakehashi.models.refs import BadReference, HubRef, model_stem, parse_hub_ref, quant_of, split_part


@pytest.mark.parametrize(("text", "expected"), [
    ("bartowski/Qwen2.5-0.5B-Instruct-GGUF", HubRef("bartowski/Qwen2.5-0.5B-Instruct-GGUF")),
    ("hf:bartowski/Qwen2.5-0.5B-Instruct-GGUF:q4_k_m",
     HubRef("bartowski/Qwen2.5-0.5B-Instruct-GGUF", quant="q4_k_m")),
    ("unsloth/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf", HubRef("unsloth/Qwen3-0.6B-GGUF", file="Qwen3-0.6B-Q8_0.gguf")),
    ("o/r/Q4_K_M/m-Q4_K_M-00001-of-00002.gguf@v1.0",
     HubRef("o/r", file="Q4_K_M/m-Q4_K_M-00001-of-00002.gguf", revision="v1.0")),
])  # fmt: skip
def test_parse_hub_ref(text: str, expected: HubRef) -> None:
    assert parse_hub_ref(text) == expected


@pytest.mark.parametrize("text", ["llama3.2", "/models/x.gguf", "a/b/c", ":Q4_K_M", "hf:"])
def test_not_hub_refs(text: str) -> None:
    with pytest.raises(BadReference):
        parse_hub_ref(text)


@pytest.mark.parametrize(("name", "quant"), [
    ("Qwen2.5-0.5B-Instruct-Q4_K_M.gguf", "Q4_K_M"),
    ("SmolLM2-135M-Instruct.Q4_1.gguf", "Q4_1"),
    ("model-IQ4_XS.gguf", "IQ4_XS"),
    ("Q4_K_M/model-Q4_K_M-00002-of-00003.gguf", "Q4_K_M"),
    ("gemma-3-1b-it-BF16.gguf", "BF16"),
    ("gpt-oss-20b-MXFP4.gguf", "MXFP4"),
    ("tiny.gguf", None),
])  # fmt: skip
def test_quant_of(name: str, quant: str | None) -> None:
    assert quant_of(name) == quant


def test_split_parts_and_stems() -> None:
    assert split_part("d/m-Q4_K_M-00002-of-00003.gguf") == (2, 3)
    assert split_part("m-Q4_K_M.gguf") is None
    assert model_stem("d/Model-Q4_K_M-00001-of-00003.gguf") == "model-q4_k_m"

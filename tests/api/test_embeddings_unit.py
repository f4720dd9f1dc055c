"""Pure parts of the embeddings feature: GGUF embedding-model detection and the wire model."""

from __future__ import annotations

import base64

import numpy as np
import pytest
from pydantic import ValidationError

from kakehashi.gateway.compose import gguf_pooling
from kakehashi.protocol.embeddings import EmbeddingsRequest, embedding_list


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"general.architecture": "bert", "bert.pooling_type": 2}, "cls"),
        ({"general.architecture": "nomic-bert", "nomic-bert.pooling_type": 1}, "mean"),
        ({"general.architecture": "qwen3", "qwen3.pooling_type": 3}, "last"),  # Qwen3-Embedding
        ({"general.architecture": "bert"}, "mean"),  # encoder without a declared pooling
        ({"general.architecture": "llama"}, None),  # a chat model
        ({"general.architecture": "llama", "llama.pooling_type": 0}, None),  # "none": token embeddings
    ],
)
def test_gguf_pooling_detection(metadata: dict[str, object], expected: str | None) -> None:
    assert gguf_pooling(metadata) == expected


def test_input_shapes() -> None:
    assert EmbeddingsRequest(model="m", input="a").texts() == ["a"]
    assert EmbeddingsRequest(model="m", input=["a", "b"]).texts() == ["a", "b"]
    assert EmbeddingsRequest(model="m", input=[1, 2]).token_ids() == [[1, 2]]
    assert EmbeddingsRequest(model="m", input=[[1], [2, 3]]).token_ids() == [[1], [2, 3]]
    assert EmbeddingsRequest(model="m", input=[[1], [2, 3]]).texts() is None
    for bad in ("", [], [""], [1, "a"], [[]], [True], [[1, -1]], None, 3):
        with pytest.raises(ValidationError):
            EmbeddingsRequest(model="m", input=bad)


def test_base64_is_little_endian_float32() -> None:
    v = np.array([[1.5, -2.0, 0.25]], dtype=np.float32)
    body = embedding_list(v, "m", 7, "base64")
    raw = base64.b64decode(body["data"][0]["embedding"])
    assert raw == np.array([1.5, -2.0, 0.25], dtype="<f4").tobytes()
    assert body["usage"] == {"prompt_tokens": 7, "total_tokens": 7}
    assert embedding_list(v, "m", 7, "float")["data"][0]["embedding"] == [1.5, -2.0, 0.25]

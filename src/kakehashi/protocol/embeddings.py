"""OpenAI wire format for POST /v1/embeddings: the request model and the response builder."""

from __future__ import annotations

import base64
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_INPUTS = 2048  # OpenAI's limit on inputs per request

EmbeddingInput = str | list[str] | list[int] | list[list[int]]


class EmbeddingsRequest(BaseModel):
    # Unknown fields are kept: an upstream receives them untouched; the embedded models refuse them.
    model_config = ConfigDict(extra="allow")

    model: str = Field(min_length=1)
    input: Any
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = Field(default=None, ge=1)
    user: str | None = None
    # kakehashi extension (the name Cohere, Voyage and NVIDIA NIM use): "query" for a search query,
    # "passage" (or "document") for text to be searched. Asymmetric models such as E5 embed them differently.
    input_type: Literal["query", "passage", "document"] | None = None

    @field_validator("input")
    @classmethod
    def _valid_input(cls, v: Any) -> EmbeddingInput:
        """A string, a list of strings, a list of token ids, or a list of token-id lists; nothing empty."""
        if isinstance(v, str):
            if not v:
                raise ValueError("input must not be an empty string")
            return v
        if not isinstance(v, list) or not v:
            raise ValueError("input must be a non-empty string or a non-empty array")
        if len(v) > MAX_INPUTS:
            raise ValueError(f"at most {MAX_INPUTS} inputs per request, got {len(v)}")
        if all(isinstance(x, str) for x in v):
            for i, x in enumerate(v):
                if not x:
                    raise ValueError(f"input[{i}] is an empty string")
            return v
        if all(_is_token(x) for x in v):
            return v
        if all(isinstance(x, list) for x in v):
            for i, x in enumerate(v):
                if not x or not all(_is_token(t) for t in x):
                    raise ValueError(f"input[{i}] must be a non-empty array of token ids (non-negative integers)")
            return v
        raise ValueError("input must be a string, an array of strings, or token ids; not a mix")

    def texts(self) -> list[str] | None:
        if isinstance(self.input, str):
            return [self.input]
        if isinstance(self.input[0], str):
            return list(self.input)
        return None

    def token_ids(self) -> list[list[int]] | None:
        if isinstance(self.input, str) or isinstance(self.input[0], str):
            return None
        if isinstance(self.input[0], int):
            return [list(self.input)]
        return [list(x) for x in self.input]


def _is_token(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


def embedding_list(
    vectors: np.ndarray, model: str, prompt_tokens: int, encoding_format: str
) -> dict[str, Any]:
    """OpenAI's response. base64 is the little-endian float32 bytes of each vector, as OpenAI sends it
    (the official clients ask for it by default and decode it with numpy)."""
    rows = np.ascontiguousarray(vectors, dtype="<f4")
    if encoding_format == "base64":
        data = [base64.b64encode(row.tobytes()).decode("ascii") for row in rows]
    else:
        data = rows.tolist()
    return {
        "object": "list",
        "data": [{"object": "embedding", "index": i, "embedding": e} for i, e in enumerate(data)],
        "model": model,
        "usage": {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens},
    }

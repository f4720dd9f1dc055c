"""The learned second opinion: hashed character n-grams + logistic regression, per category.

The rules (the other modules of this package) name what they recognise; plain-words statements of
special-category or financial facts ("二人は同性のパートナーで", "a list of patients and their
diagnoses") take endless wordings the rules cannot enumerate. This module scores a prompt with a
linear model over its character 1-4-grams (no tokenizer, so Japanese works as English does),
trained on the labelled prompts in eval/privacy/ by `scripts/train_privacy_classifier.py`.

One head gives the probability that the prompt is sensitive at all (`sensitive`), one head per
category says which category it most looks like. `scan(text)` returns one `Finding` of kind
"learned" when the sensitive head reaches the shipped threshold, its category the best-scoring
category head, its span the window that scored highest: `route explain` and the
x-kakehashi-privacy header show it as e.g. "health/learned".

Cost is bounded: the text is folded (NFKC, lower case), its n-grams are hashed with numpy (no
Python loop per character), and prompts longer than WINDOW characters are scored as windows of
WINDOW characters every STRIDE, up to MAX_CHARS (the rules still see the whole text). Weights and
the threshold are in `learned.npz` beside this module, with the list of files it was trained on.

Written by hand rather than with scikit-learn's HashingVectorizer + LogisticRegression: inference
is a sum of weights over a few hundred hashed buckets, which numpy does in ~0.3 ms, and scikit-learn
(with scipy) would add ~100 MB of dependencies to every install for that one call.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("learned.npz")
NGRAMS = (1, 2, 3, 4)
BITS = 18  # 2**18 hashed features
WINDOW = 600  # characters; nearly all labelled prompts fit in one (median 50-150, max 734)
STRIDE = 300
MAX_CHARS = 20_000  # windows beyond this are not scored (the rules still scan everything)
KIND = "learned"

_MASK = np.uint64((1 << BITS) - 1)
# Odd 64-bit multipliers, one per position in the n-gram (a multiplicative hash, stable across runs).
_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], np.uint64)
_SALT = np.array([0x0, 0x632BE59BD9B4E019, 0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD], np.uint64)


def normalise(text: str) -> str:
    """NFKC (full-width to half-width, compatibility forms) and lower case; lengths may change."""
    return unicodedata.normalize("NFKC", text).lower()


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def ngram_hashes(codes: np.ndarray) -> np.ndarray:
    """Bucket of every 1..4-gram starting at each position: shape (len(NGRAMS), len(codes)), -1 past the end."""
    n = len(codes)
    out = np.full((len(NGRAMS), n), -1, dtype=np.int64)
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint64)
        for k in range(max(NGRAMS)):
            if k >= n:
                break
            shifted = np.zeros(n, dtype=np.uint64)
            shifted[: n - k] = codes[k:] + np.uint64(1)
            acc = acc + shifted * _MULT[k]
            if k + 1 in NGRAMS:
                h = (acc ^ _SALT[k]) * _MULT[0]
                h ^= h >> np.uint64(29)
                row = (h & _MASK).astype(np.int64)
                row[n - k :] = -1
                out[NGRAMS.index(k + 1)] = row
    return out


def features(text: str) -> np.ndarray:
    """The distinct hashed n-gram buckets of a (normalised) text, sorted: a binary bag of n-grams."""
    h = ngram_hashes(_codepoints(text))
    return np.unique(h[h >= 0])


def windows(text: str) -> list[tuple[int, int]]:
    """[start, end) windows of the normalised text scored for one prompt (one window when it is short)."""
    n = min(len(text), MAX_CHARS)
    if n <= WINDOW:
        return [(0, n)]
    starts = list(range(0, n - WINDOW + 1, STRIDE))
    if starts[-1] + WINDOW < n:
        starts.append(n - WINDOW)
    return [(s, s + WINDOW) for s in starts]


@dataclass(frozen=True)
class LearnedModel:
    heads: tuple[str, ...]  # "sensitive" first, then the categories
    weights: np.ndarray  # (2**BITS, len(heads)) float32
    bias: np.ndarray  # (len(heads),)
    threshold: float  # on the "sensitive" head's probability
    meta: dict[str, Any]

    def window_logits(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """Logits of the normalised text's best window (1, n_heads), the windows, and the best's index.

        Each window is a binary bag of the n-grams that lie wholly inside it. The text is hashed
        once; an n-gram counts in a window when it is the first of its bucket inside the window
        (its previous occurrence, if any, lies before the window's start). Every window gets the
        "sensitive" head; the category heads only the best window.
        """
        norm = normalise(text)
        spans = windows(norm)
        h = ngram_hashes(_codepoints(norm[: spans[-1][1]]))
        if len(spans) == 1:
            uniq = np.unique(h[h >= 0])
            logit = self.weights[uniq].sum(axis=0, dtype=np.float64) / np.sqrt(max(len(uniq), 1))
            return (logit + self.bias)[None, :], spans, 0
        # position-major order: n-grams sorted by where they start
        valid = (h >= 0).T
        bucket = h.T[valid]
        first = np.broadcast_to(np.arange(h.shape[1])[:, None], valid.shape)[valid]
        last = first + np.broadcast_to(np.array(NGRAMS), valid.shape)[valid]
        order = np.argsort(bucket, kind="stable")  # by bucket, then position
        prev = np.full(len(bucket), -1, dtype=np.int64)
        same = bucket[order][1:] == bucket[order][:-1]
        prev[order[1:][same]] = first[order[:-1][same]]
        w0 = self.weights[bucket, 0].astype(np.float64)
        bounds = np.searchsorted(first, spans)
        best, best_z, best_keep = 0, -np.inf, None
        for i, ((start, end), (lo, hi)) in enumerate(zip(spans, bounds, strict=True)):
            keep = (last[lo:hi] <= end) & (prev[lo:hi] < start)
            z = w0[lo:hi][keep].sum() / np.sqrt(max(int(keep.sum()), 1))
            if z > best_z:
                best, best_z, best_keep = i, z, (lo, hi, keep)
        lo, hi, keep = best_keep
        uniq = bucket[lo:hi][keep]
        logit = self.weights[uniq].sum(axis=0, dtype=np.float64) / np.sqrt(max(len(uniq), 1))
        return (logit + self.bias)[None, :], spans, best

    def scores(self, text: str) -> dict[str, float]:
        """Probability per head for the best window (the one whose "sensitive" head is highest)."""
        if not text.strip():
            return dict.fromkeys(self.heads, 0.0)
        logits, _, _ = self.window_logits(text)
        return {h: _sigmoid(float(z)) for h, z in zip(self.heads, logits[0], strict=True)}

    def assess(self, text: str) -> tuple[float, str, tuple[int, int]] | None:
        """(probability, category, span in `text`) when the sensitive head reaches the threshold, else None."""
        if not text.strip():
            return None
        logits, spans, i = self.window_logits(text)
        p = _sigmoid(float(logits[0, 0]))
        if p < self.threshold:
            return None
        category = self.heads[1 + int(np.argmax(logits[0, 1:]))]
        if len(spans) == 1:
            span = (0, len(text))
        else:  # windows are on the normalised text; NFKC rarely changes lengths, so clamp
            span = (min(spans[i][0], len(text)), min(spans[i][1], len(text)))
        return p, category, span


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def save_model(model: LearnedModel, path: Path = MODEL_PATH) -> None:
    w = model.weights.astype(np.float16)
    np.savez_compressed(
        path,
        heads=np.array(model.heads),
        weights=w,
        bias=model.bias.astype(np.float64),
        threshold=np.array(model.threshold),
        config=np.array(json.dumps({"ngrams": NGRAMS, "bits": BITS})),
        meta=np.array(json.dumps(model.meta, ensure_ascii=False)),
    )


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> LearnedModel:
    with np.load(path) as data:
        config = json.loads(str(data["config"]))
        if tuple(config["ngrams"]) != NGRAMS or config["bits"] != BITS:
            raise ValueError(f"{path} was trained with other n-gram settings ({config}); retrain it")
        return LearnedModel(
            heads=tuple(str(h) for h in data["heads"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float64),
            threshold=float(data["threshold"]),
            meta=json.loads(str(data["meta"])),
        )

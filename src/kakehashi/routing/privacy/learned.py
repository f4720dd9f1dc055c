"""The learned second opinion: hashed character n-grams and words + logistic regression, per category.

The rules (the other modules of this package) name what they recognise; plain-words statements of
special-category or financial facts ("二人は同性のパートナーで", "a list of patients and their
diagnoses") take endless wordings the rules cannot enumerate. This module scores a prompt with a
linear model over its character 1-4-grams (digits read as 0) and its words and word pairs (Latin
words, and Japanese split where the script changes: no dictionary, so Japanese works as English does),
trained on the labelled prompts in eval/privacy/ by `scripts/train_privacy_classifier.py`.

One head gives the probability that the prompt is sensitive at all (`sensitive`), one head per
category says which category it most looks like. `scan(text)` returns one `Finding` of kind
"learned" when the sensitive head reaches the shipped threshold, its category the best-scoring
category head, its span the whole prompt: `route explain` and the x-kakehashi-privacy header show
it as e.g. "health/learned". Since session 12 a positive counts only when `subject.about_someone`
finds a sensitive predicate near a person (or credential / identifier / marking vocabulary, which
needs none): the n-grams alone flagged pastes that name people at work with nothing private said.
Since session 24 the gate applies only in a band, from `threshold` up to `ungated_threshold`: at or
above that the verdict stands alone. On the first runs of splits AD..CA (5,000 sensitive and 5,000
clean prompts this model never saw), the gate was what kept most of the model's confident verdicts on
missed prompts from counting (with no gate at 0.74, 73 more sensitive prompts were caught for 13 more
clean ones flagged). The pair (0.65 gated, 0.74 alone) was chosen there by the project's rule for the
model's thresholds: the most recall for at most half a point of added false-positive rate
(benchmarks/routing/README.md, "Session 24").

The model scores a prompt of at most MAX_TEXT characters (after folding) whole, the lengths it was
trained on (the labelled prompts are 50-150 characters at the median). A longer prompt it reads by
`windows` (at most MAX_TEXT characters each, cut at line ends, starting every WINDOW_STEP characters),
and only to CLEAR: the rules' flag of soft kinds only is dropped when every window scores below
`clear_below`; it never adds a finding to a long prompt. Until session 15 it abstained there, after
scoring windows and keeping the best had flagged 9 of split K's 12 long clean prompts (a window of dense
prose is not the short prompt the model learned from). Split X (158 long pastes with one detail buried)
showed the cost: long documents name many people near many topic words and nothing cleared them. Chosen
by nested leave-one-split-out over dev + A..X (benchmarks/routing/README.md, "Session 15 (X)"): clearing
by windows took the long prompts' out-of-fold FPR from 0.295 to 0.235 at the same recall, while catching
by windows forced the gated threshold up and lost recall pooled. Since session 15 the training rows include
the windows of the long prompts, each with its prompt's labels (`--long-windows all`).

Cost is bounded: the text is folded (NFKC, lower case) and its n-grams are hashed with numpy (no
Python loop per character); a text over MAX_TEXT characters costs one length check, unless the rules
flagged it with soft kinds only: then one scoring per window, at most MAX_WINDOWS of them (a longer text is
not cleared). Weights and the threshold are in `learned.npz` beside this module, with the list of files it
was trained on.

Written by hand rather than with scikit-learn's HashingVectorizer + LogisticRegression: inference
is a sum of weights over a few hundred hashed buckets, which numpy does in ~0.3 ms, and scikit-learn
(with scipy) would add ~100 MB of dependencies to every install for that one call.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from kakehashi.routing.privacy.subject import about_someone

MODEL_PATH = Path(__file__).with_name("learned.npz")
NGRAMS = (1, 2, 3, 4)
BITS = 18  # 2**18 hashed features
MAX_TEXT = 600  # characters (folded); longer prompts are read by windows (`windows`)
WINDOW_STEP = 300  # characters between the starts of consecutive windows (half a window: each line is read twice)
MAX_WINDOWS = 40  # a text needing more (~12,000 characters) is not cleared: its cost stays bounded
KIND = "learned"
FEATURES = "chars-digits0+words"  # recorded in learned.npz; a model trained on other features is refused

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


# Words, by script: a Latin word, a run of digits (kept as its length only), a run of kanji, of katakana
# or of hiragana. Japanese has no spaces, but a change of script is where most of its words start and
# end (債権差押命令 | が | 届きました), so the runs are a tokenizer good enough for a bag of words.
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[\u4e00-\u9fff\u3005]+|[\u30a0-\u30ff]+|[\u3040-\u309f]+")
_DIGIT = re.compile(r"\d")


def _word_buckets(text: str) -> np.ndarray:
    """Hashed word unigrams and bigrams (crc32: stable across runs and machines)."""
    words = [w if not w[0].isdigit() else "#" * min(len(w), 6) for w in _TOKEN.findall(text)]
    keys = ["w:" + w for w in words] + ["b:" + a + " " + b for a, b in pairwise(words)]
    return np.fromiter((zlib.crc32(k.encode()) & int(_MASK) for k in keys), dtype=np.int64, count=len(keys))


def features(text: str) -> np.ndarray:
    """The distinct hashed buckets of a (normalised) text, sorted: a binary bag of character 1-4-grams
    of the text with every digit read as 0 (a phone number's shape, not its digits), plus its words
    and word pairs (`_TOKEN`). Chosen by leave-one-split-out CV over character n-grams alone, with and
    without the digit folding and the words (benchmarks/routing/README.md, session 11)."""
    h = ngram_hashes(_codepoints(_DIGIT.sub("0", text)))
    return np.unique(np.concatenate([h[h >= 0], _word_buckets(text)]))


@dataclass(frozen=True)
class LearnedModel:
    heads: tuple[str, ...]  # "sensitive" first, then the categories
    weights: np.ndarray  # (2**BITS, len(heads)) float32
    bias: np.ndarray  # (len(heads),)
    threshold: float  # on the "sensitive" head's probability
    meta: dict[str, Any]
    # the clearing side (`clears`): a rules' flag of soft kinds only is dropped below this probability
    # (0.0: never); chosen out of fold (benchmarks/routing/README.md, "Session 13")
    clear_below: float = 0.0
    # at or above this a verdict counts without the subject gate (None: the gate always applies)
    ungated_threshold: float | None = None

    def logits(self, text: str) -> np.ndarray | None:
        """Logit per head of the text's binary bag of n-grams (unit length), or None when the
        folded text is empty or longer than MAX_TEXT (the model abstains)."""
        norm = normalise(text)
        if not norm.strip() or len(norm) > MAX_TEXT:
            return None
        uniq = features(norm)
        logit = self.weights[uniq].sum(axis=0, dtype=np.float64) / np.sqrt(max(len(uniq), 1))
        return logit + self.bias

    def scores(self, text: str) -> dict[str, float]:
        """Probability per head; 0.0 for every head where the model abstains."""
        z = self.logits(text)
        if z is None:
            return dict.fromkeys(self.heads, 0.0)
        return {h: _sigmoid(float(v)) for h, v in zip(self.heads, z, strict=True)}

    def assess(self, text: str) -> tuple[float, str] | None:
        """(probability, category) when the sensitive head reaches `ungated_threshold`, or `threshold` with the
        subject gate holding, else None (always None over MAX_TEXT characters: catching long prompts by windows
        lost recall out of fold, module docstring)."""
        z = self.logits(text)
        if z is None:
            return None
        p = _sigmoid(float(z[0]))
        if p < self.threshold:
            return None
        # under the ungated threshold, counted only when a sensitive fact is said near a person, or the data needs
        # none (subject.py)
        if (self.ungated_threshold is None or p < self.ungated_threshold) and not about_someone(text):
            return None
        return p, self.heads[1 + int(np.argmax(z[1:]))]

    def clears(self, text: str) -> bool:
        """True when the sensitive head scores `text` below `clear_below`; a prompt over MAX_TEXT characters
        when every one of its `windows` does (never when the model abstains on the text or on a window).

        Asked only about prompts the rules flagged with soft kinds alone (`privacy.SOFT_KINDS`): context
        detectors (a topic word near a person, a table of people, a phone or address shape) whose false
        positives on new writers are templates, samples, published contacts and general questions.
        """
        pieces = self._pieces(text)
        return bool(pieces) and all(_sigmoid(float(z[0])) < self.clear_below for _, z in pieces)

    def _pieces(self, text: str) -> list[tuple[str, np.ndarray]]:
        """(piece, logits) for the text itself, or for each of its windows when it is over MAX_TEXT
        characters; [] when the model abstains (an empty text, more than MAX_WINDOWS windows, or a window
        NFKC made longer than MAX_TEXT)."""
        if len(normalise(text)) <= MAX_TEXT:
            z = self.logits(text)
            return [] if z is None else [(text, z)]
        pieces = windows(text)
        if len(pieces) > MAX_WINDOWS:
            return []
        out = []
        for piece in pieces:
            z = self.logits(piece)
            if z is None:
                return []
            out.append((piece, z))
        return out


def windows(text: str) -> list[str]:
    """`text` cut into pieces of at most MAX_TEXT characters, at line ends where it can be, starting every
    WINDOW_STEP characters or so (so a detail near a cut is whole in the next window). A line longer than a
    window is cut after a sentence end or a space, else anywhere."""
    pieces: list[str] = []
    for line in text.splitlines(keepends=True):
        while len(line) > MAX_TEXT:
            cut = max(line.rfind(c, MAX_TEXT // 2, MAX_TEXT) for c in ("。", ". ", "、", " "))
            cut = cut + 1 if cut > 0 else MAX_TEXT
            pieces.append(line[:cut])
            line = line[cut:]
        if line:
            pieces.append(line)
    starts = [0]
    for p in pieces:
        starts.append(starts[-1] + len(p))
    out: list[str] = []
    i = 0
    while i < len(pieces):
        j = i
        while j < len(pieces) and starts[j + 1] - starts[i] <= MAX_TEXT:
            j += 1
        out.append("".join(pieces[i:j]))
        if j >= len(pieces):
            break
        # the next window starts at the first piece WINDOW_STEP characters on (at least one piece on)
        k = i + 1
        while k < j and starts[k] - starts[i] < WINDOW_STEP:
            k += 1
        i = k
    return out


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
        clear_below=np.array(model.clear_below),
        **({} if model.ungated_threshold is None else {"ungated_threshold": np.array(model.ungated_threshold)}),
        config=np.array(json.dumps({"ngrams": NGRAMS, "bits": BITS, "features": FEATURES})),
        meta=np.array(json.dumps(model.meta, ensure_ascii=False)),
    )


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> LearnedModel:
    with np.load(path) as data:
        config = json.loads(str(data["config"]))
        if tuple(config["ngrams"]) != NGRAMS or config["bits"] != BITS or config.get("features") != FEATURES:
            raise ValueError(f"{path} was trained with other n-gram settings ({config}); retrain it")
        return LearnedModel(
            heads=tuple(str(h) for h in data["heads"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float64),
            threshold=float(data["threshold"]),
            meta=json.loads(str(data["meta"])),
            clear_below=float(data["clear_below"]) if "clear_below" in data else 0.0,
            ungated_threshold=float(data["ungated_threshold"]) if "ungated_threshold" in data else None,
        )

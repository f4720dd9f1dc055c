"""How hard is a chat request? A score in [0, 1]: high means "needs the strong (cloud) model".

The score is a small logistic regression over two kinds of features of the user's text:

- hashed character n-grams (1-4) of a normalised copy of the text, which work the same for
  English and for Japanese (no word segmentation needed);
- a handful of hand features that carry across topics: length, code markers, digits and math
  symbols, and English/Japanese keywords for "reason / prove / implement" versus "translate /
  rewrite / write a poem".

The weights are trained offline by `scripts/train_complexity.py` on the routing dev set and
shipped as `complexity_model.json` beside this module. Scoring is pure Python (no numpy), needs no
network, is deterministic (crc32, not Python's salted `hash`), and takes well under a millisecond
for typical prompts. This module is also the single source of the feature extraction the training
script uses, so training and serving can never drift apart.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kakehashi.content import content_text  # re-exported: privacy.py imports it from here

MODEL_PATH = Path(__file__).with_name("complexity_model.json")

NGRAM_SIZES = (1, 2, 3, 4)
# n-grams are taken from at most this many characters (head and tail) so a pasted 50 kB document
# costs the same as a 2 kB one; the length features still see the full text.
NGRAM_HEAD_CHARS = 1500
NGRAM_TAIL_CHARS = 500

# Keywords that signal multi-step reasoning, math or code. Matched on the normalised text
# (NFKC + lower case), so full-width Latin letters match too.
# fmt: off
CLOUD_KEYWORDS_EN = (
    "prove", "proof", "derive", "algorithm", "implement", "function", "complexity", "calculate",
    "compute", "solve", "equation", "probability", "integer", "optimi", "step by step", "step-by-step",
    "how many", "how much", "analy", "evaluate", "estimate", "design a", "debug", "bug", "program",
    "code", "python", "sql", "regex", "theorem", "logic", "reasoning", "explain why", "trade-off",
    "tradeoff", "in detail", "policy", "economic", "fermi", "what if",
)
CLOUD_KEYWORDS_JA = (
    "証明", "導出", "アルゴリズム", "実装", "関数", "計算", "解いて", "解け", "方程式", "確率", "整数",
    "最適", "分析", "評価", "推定", "見積", "設計", "デバッグ", "バグ", "プログラム", "コード", "python",
    "論理", "推論", "理由を", "何人", "何個", "いくつ", "いくら", "何円", "何分", "何日", "詳述", "論じ",
    "政策", "経済", "影響", "もし", "だったら", "複雑",
)
LOCAL_KEYWORDS_EN = (
    "translate", "rewrite", "paraphrase", "summarize", "summarise", "poem", "haiku", "story", "email",
    "joke", "synonym", "antonym", "correct the", "grammar", "spelling", "classify", "sentiment",
    "suggest", "list", "describe", "name a", "what is the capital", "recipe", "title", "tweet", "slogan",
    "pretend", "act as", "imagine you",
)
LOCAL_KEYWORDS_JA = (
    "翻訳", "書き換え", "言い換え", "要約", "詩", "俳句", "物語", "小説", "メール", "手紙", "冗談",
    "類義語", "対義語", "誤り", "文法", "分類", "挙げ", "列挙", "紹介", "教えて", "なりきって",
    "つもりで", "レシピ", "見出し", "タイトル", "感想", "描写", "抽出",
)
# fmt: on

_MATH_SYMBOLS = frozenset("+-*/=^<>|%√∑∫≤≥≠×÷πθ")
_CODE_MARKERS = ("```", "def ", "return ", "class ", "import ", "();", "{", "}", "=>", "->", "==", "[]")
_DIGIT_RUN = re.compile(r"\d+")
_WHITESPACE = re.compile(r"\s+")

HAND_FEATURE_NAMES = (
    "log_chars",
    "log_lines",
    "code_markers",
    "digit_ratio",
    "log_numbers",
    "log_math_symbols",
    "cloud_keywords",
    "local_keywords",
    "questions",
    "japanese_ratio",
)


def prompt_text(messages: Sequence[Mapping[str, Any]]) -> str:
    """The text whose difficulty we judge: every user turn, text parts only.

    System prompts are left out on purpose: they are operator boilerplate, usually long, and
    would push every request of a deployment towards "complex". When there is no user turn at
    all (a bare system prompt), every text content is used instead.
    """
    user = [content_text(m.get("content")) for m in messages if m.get("role") == "user"]
    if not any(user):
        user = [content_text(m.get("content")) for m in messages]
    return "\n".join(t for t in user if t)


def normalize(text: str) -> str:
    """NFKC (full-width -> half-width), lower case, every digit run -> "0", collapsed spaces.

    Mapping numbers to "0" lets "add 17 and 25" and "add 3 and 4" share n-grams.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DIGIT_RUN.sub("0", text)
    return _WHITESPACE.sub(" ", text).strip()


def _count_hits(text: str, keywords: Iterable[str]) -> int:
    return sum(1 for k in keywords if k in text)


def hand_features(text: str) -> list[float]:
    """Raw (unscaled) hand features of the original text, in HAND_FEATURE_NAMES order."""
    folded = unicodedata.normalize("NFKC", text).lower()
    n_chars = len(text)
    digits = sum(c.isdigit() for c in folded)
    math_symbols = sum(c in _MATH_SYMBOLS for c in folded)
    japanese = sum(_is_japanese(c) for c in text)
    return [
        math.log1p(n_chars),
        math.log1p(text.count("\n")),
        math.log1p(sum(folded.count(m) for m in _CODE_MARKERS)),
        digits / max(n_chars, 1),
        math.log1p(len(_DIGIT_RUN.findall(folded))),
        math.log1p(math_symbols),
        math.log1p(_count_hits(folded, CLOUD_KEYWORDS_EN) + _count_hits(folded, CLOUD_KEYWORDS_JA)),
        math.log1p(_count_hits(folded, LOCAL_KEYWORDS_EN) + _count_hits(folded, LOCAL_KEYWORDS_JA)),
        math.log1p(folded.count("?")),
        japanese / max(n_chars, 1),
    ]


def _is_japanese(char: str) -> bool:
    code = ord(char)
    return 0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF


def ngram_buckets(normalized: str, dim: int) -> dict[int, float]:
    """Hashed character n-grams as an L2-normalised binary vector {bucket: value}."""
    if len(normalized) > NGRAM_HEAD_CHARS + NGRAM_TAIL_CHARS:
        normalized = normalized[:NGRAM_HEAD_CHARS] + " " + normalized[-NGRAM_TAIL_CHARS:]
    padded = f" {normalized} "
    buckets: set[int] = set()
    crc32 = zlib.crc32
    for size in NGRAM_SIZES:
        for i in range(len(padded) - size + 1):
            # crc32 rather than hash(): Python salts str hashes per process.
            buckets.add(crc32(padded[i : i + size].encode("utf-8")) % dim)
    if not buckets:
        return {}
    value = 1.0 / math.sqrt(len(buckets))
    return {b: value for b in buckets}


@dataclass(frozen=True, slots=True)
class ComplexityModel:
    """Logistic regression weights; see `scripts/train_complexity.py` for how they are fitted."""

    dim: int
    ngram_weights: dict[int, float]  # sparse: buckets with a zero weight are left out
    hand_weights: tuple[float, ...]
    hand_mean: tuple[float, ...]
    hand_scale: tuple[float, ...]
    bias: float
    threshold: float  # the cut the trainer recommends for "cloud"

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ComplexityModel:
        if tuple(data["hand_feature_names"]) != HAND_FEATURE_NAMES:
            raise ValueError("complexity model was trained with different hand features; retrain it")
        return cls(
            dim=int(data["dim"]),
            ngram_weights={int(k): float(v) for k, v in data["ngram_weights"].items()},
            hand_weights=tuple(float(x) for x in data["hand_weights"]),
            hand_mean=tuple(float(x) for x in data["hand_mean"]),
            hand_scale=tuple(float(x) for x in data["hand_scale"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )

    def logit(self, text: str) -> float:
        z = self.bias
        weights = self.ngram_weights
        for bucket, value in ngram_buckets(normalize(text), self.dim).items():
            z += weights.get(bucket, 0.0) * value
        for x, w, mean, scale in zip(
            hand_features(text), self.hand_weights, self.hand_mean, self.hand_scale, strict=True
        ):
            z += w * (x - mean) / scale
        return z

    def score_text(self, text: str) -> float:
        z = self.logit(text)
        # Numerically stable sigmoid for large |z|.
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> ComplexityModel:
    """The shipped model, read once per process."""
    with path.open(encoding="utf-8") as f:
        return ComplexityModel.from_json(json.load(f))


def default_threshold() -> float:
    """The score above which the shipped model's trainer recommends the cloud."""
    return load_model().threshold


def score_text(text: str) -> float:
    """Complexity of a bare prompt string, in [0, 1]."""
    return load_model().score_text(text)


def score(messages: Sequence[Mapping[str, Any]]) -> float:
    """Complexity of an OpenAI chat request's messages, in [0, 1] (1 = needs the strong model).

    Empty input scores like an empty prompt (low). Deterministic and offline.
    """
    return score_text(prompt_text(messages))

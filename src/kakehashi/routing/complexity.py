"""How hard is a chat request? A score in [0, 1]: high means "needs the strong (cloud) model".

The score is a small logistic regression over features of the user's text, averaged (as
probabilities) with a small gradient-boosted tree ensemble over the hand features when the model
carries one (the shipped model, kind "ensemble", does, and uses no n-grams):

- hand features that describe the *kind of work* and carry across topics: length, lines and list
  items, code markers, digits and math symbols, and small English/Japanese cue vocabularies for
  multi-step reasoning, proofs, design, code generation, math, analysis, long structured output,
  the number of constraints, and light tasks (translate / rewrite / summarise / a short poem), plus
  the verb apart from the domain and their interaction (WORK_CUES);
- optionally (trainer kinds "ngrams" and "both") hashed character n-grams (1-4) of a normalised
  copy of the text, which work the same for English and for Japanese (no word segmentation needed).

The weights are trained offline by `scripts/train_complexity.py` on `data/` (public benchmark
prompts plus authored EN/JA prompts, cross-validated by source group) and
shipped as `complexity_model.json` beside this module. Scoring is pure Python (no numpy), needs no
network, is deterministic (crc32, not Python's salted `hash`), and takes well under a millisecond
for typical prompts. This module is also the single source of the feature extraction the training
script uses, so training and serving can never drift apart.
"""

from __future__ import annotations

import hashlib
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

# Cues for the *kind of work* a prompt asks for, rather than its topic: a question about tax law
# is easy if it asks for a definition and hard if it asks for a proof, a plan or a design. Each
# is a small bilingual vocabulary matched on the normalised text (NFKC + lower case); a feature is
# log(1 + number of distinct cues hit). Keeping them few and generic is deliberate: topic words
# are what over-fitted the first model to its benchmarks.
# fmt: off
CUES: dict[str, tuple[str, ...]] = {
    "reasoning": (
        "step by step", "step-by-step", "explain why", "justify", "reasoning", "walk through", "show your",
        "show the", "explain how", "why does", "why is", "what if", "counterfactual", "logic", "puzzle",
        "順を追", "理由", "根拠", "過程", "なぜ", "論理", "推論", "手順を", "考え方", "もし",
    ),
    "proof": (
        "prove", "proof", "show that", "derive", "induction", "theorem", "lemma", "rigorous",
        "証明", "導出", "帰納法", "定理", "示せ", "示して",
    ),
    "design": (
        "design", "architecture", "schema", "trade-off", "tradeoff", "trade off", "scalab", "capacity",
        "migrat", "strategy", "roadmap", "threat model", "pipeline", "system for", "framework for",
        "設計", "アーキテクチャ", "構成", "移行", "戦略", "トレードオフ", "キャパシティ", "パイプライン", "体制",
    ),
    "code": (
        "write a function", "write a program", "write a script", "write a python", "write a sql",
        "implement", "refactor", "debug", "algorithm", "complexity", "regex", "regular expression",
        "sql", "python", "javascript", "typescript", "java", "golang", " go ", "rust", "c++", "bash",
        "```", "def ", "function", "class ", "unit test",
        "コードを書", "実装", "関数", "プログラム", "デバッグ", "アルゴリズム", "計算量", "正規表現",
        "リファクタ", "バグ", "テストコード",
    ),
    "math": (
        "how many", "how much", "probability", "calculate", "compute", "solve", "equation", "estimate",
        "percent", "integral", "derivative", "matrix", "expected value", "average speed", "ratio",
        "何通り", "何個", "何人", "いくら", "確率", "計算", "求め", "方程式", "推定", "見積", "試算", "積分",
        "何円", "何分", "何日", "割合",
    ),
    "analysis": (
        "analy", "evaluate", "compare", "argue", "assess", "discuss", "critique", "implication",
        "pros and cons", "impact", "recommend", "diagnos", "in depth", "in-depth",
        "分析", "評価", "比較", "論じ", "考察", "検討", "影響", "是非", "多角的", "診断",
    ),
    "long_output": (
        "detailed", "in detail", "words", "comprehensive", "report", "proposal", "plan", "essay",
        "outline", "curriculum", "lesson plan", "table",
        "詳細", "詳しく", "網羅", "提案書", "計画", "レポート", "論文", "カリキュラム", "表に",
    ),
    "constraints": (
        "must", "should", "without", "exactly", "at most", "at least", "no more than", "ensure", "each",
        "every", "only", "within", "assume", "given that", "constraint", "condition", "handling",
        "including", "edge case",
        "条件", "以内", "以上", "以下", "必ず", "ただし", "満たす", "含めて", "ずつ", "ごと", "仮定", "前提",
    ),
    "light_task": (
        "translate", "rewrite", "rephrase", "paraphrase", "summari", "one sentence", "briefly", "short",
        "simple", "grammar", "spelling", "synonym", "antonym", "poem", "haiku", "limerick", "joke",
        "name for", "names for", "title", "subject line", "slogan", "tweet", "greet", "pretend",
        "fun fact", "recipe", "what is the capital", "what does", "meaning of", "polite", "classify",
        "翻訳", "訳して", "書き換", "言い換", "要約", "一文", "簡単に", "短く", "誤字", "文法", "類義語",
        "詩", "俳句", "タイトル", "件名", "意味", "とは", "挨拶", "丁寧", "分類", "なりきって", "豆知識",
        "レシピ", "おすすめ", "教えて",
    ),
}

# The verb and the domain together (session 9, issue 8). The labelling rule for the per-item-judged
# benchmarks (MT-Bench roleplay/STEM/humanities, Rakuda) is "explain/describe/list on any topic is
# local; analyse/evaluate/argue/design/derive on a STEM, humanities or policy topic is cloud". So
# these vocabularies are matched like CUES, and WORK_INTERACTIONS below combine them: the domain
# words alone carry no label, only next to a heavy verb. "extract", "puzzle" and "creative" name
# kinds of work the benchmarks hold that the cues above missed (extraction of pasted data into
# JSON/CSV is local; short logic puzzles are cloud; constrained creative writing is local).
WORK_CUES: dict[str, tuple[str, ...]] = {
    "explain": (
        "explain", "describe", "what is", "what are", "what was", "who ", "list ", "name ", "outline", "tell me",
        "overview", "introduce", "share ",
        "説明", "述べ", "挙げ", "教えて", "とは", "紹介", "どのような", "どんな", "何ですか", "何でしょう", "列挙",
    ),
    "evaluate": (
        "analy", "evaluate", "assess", "argue", "critically", "critique", "weigh", "justify", "defend", "which factor",
        "decisive", "for and against", "trade-off", "tradeoffs", "trade-offs", "recommend", "propose", "devise",
        "case stud", "evidence",
        "分析", "評価", "論じ", "検討", "考察", "批判", "是非", "賛否", "提案", "立案", "踏まえ", "照らして", "観点から",
        "両面", "多角的", "優先順位", "根拠",
    ),
    "derive": (
        "derive", "prove", "show that", "calculate", "compute", "estimate", "model the", "how long", "how far",
        "how many", "work out", "solve",
        "導出", "証明", "求め", "計算", "試算", "見積", "何年", "何時間",
    ),
    "domain": (
        "physic", "quantum", "chemi", "biolog", "engineer", "orbit", "energy", "econom", "inflation", "gdp",
        "policy", "policies", "fiscal", "monetary", "law", "legal", "tax", "market", "history", "historical",
        "revolution", "philosoph", "politic", "government", "society", "social",
        "物理", "量子", "化学", "生物", "工学", "経済", "政策", "財政", "金融", "法", "税", "市場", "歴史", "時代", "政治",
        "社会", "制度", "哲学", "文化",
    ),
    "extract": (
        "extract", "identify the", "list every", "list all", "count how many", "json", "csv", "classify",
        "label each", "categor", "bullet",
        "抽出", "抜き出", "特定し", "分類", "箇条書き", "数えて", "一覧に",
    ),
    "puzzle": (
        "odd one out", "does not belong", "relationship between", "true or false", "uncertain", "which one",
        "taller", "older than", "younger", "riddle", "if the first", "only one of", "lying", "telling the truth",
        "仲間外れ", "本当のこと", "嘘", "年上", "年下", "順に並べ", "犯人", "関係は", "正しいか",
    ),
    "creative": (
        "story", "poem", "email", "e-mail", "blog", "paragraph", "headline", "letter", "speech", "slogan", "lyrics",
        "description",
        "小説", "詩", "メール", "記事", "物語", "手紙", "見出し", "キャッチコピー", "スピーチ", "紹介文", "説明文",
    ),
    "roleplay": (
        "pretend", "act as", "you are a", "you are an", "role of", "imagine you", "imagine yourself", "persona",
        "in character", "embody",
        "なりきって", "あなたは", "として", "ふりをして", "役になって",
    ),
}
# fmt: on
WORK_INTERACTIONS = ("x_evaluate_domain", "x_explain_only", "x_roleplay_heavy", "x_heavy_minus_explain")

_MATH_SYMBOLS = frozenset("+-*/=^<>|%√∑∫≤≥≠×÷πθ²³")
_CODE_MARKERS = ("```", "def ", "return ", "class ", "import ", "();", "{", "}", "=>", "->", "==", "[]")
_DIGIT_RUN = re.compile(r"\d+")
_WHITESPACE = re.compile(r"\s+")
_LIST_LINE = re.compile(r"^\s*(?:[-*•・]|\d+[.)）]|[(（]\d+[)）])\s*", re.MULTILINE)
# Sentence ends (EN and JA): a request in several sentences usually asks for several things.
_SENTENCE_END = re.compile(r"[.!?。！？]+(?=\s|$)|\n+")
# Words that join requirements ("with X, Y and Z including W" / 「X、Y及びZを」): a count of asks.
_REQUIREMENT_JOIN = re.compile(r"\b(?:and|or|with|including|plus)\b|、|,|及び|および|や|と共に|とともに")

HAND_FEATURE_NAMES = (
    "log_chars",
    "log_lines",
    "code_markers",
    "digit_ratio",
    "log_numbers",
    "log_math_symbols",
    "questions",
    "japanese_ratio",
    "list_lines",
    *(f"cue_{name}" for name in CUES),
    "log_sentences",
    "log_commas",
    "log_requirements",
    *(f"work_{name}" for name in WORK_CUES),
    *WORK_INTERACTIONS,
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
        math.log1p(folded.count("?")),
        japanese / max(n_chars, 1),
        math.log1p(len(_LIST_LINE.findall(text))),
        *(math.log1p(_count_hits(folded, cues)) for cues in CUES.values()),
        *_work_features(text, folded),
    ]


def _work_features(text: str, folded: str) -> list[float]:
    """Parts of the request, and the verb x domain interactions of WORK_CUES (see there)."""
    hits = {name: _count_hits(folded, cues) for name, cues in WORK_CUES.items()}
    heavy = hits["evaluate"] + hits["derive"]
    return [
        math.log1p(sum(1 for part in _SENTENCE_END.split(text) if part.strip())),
        math.log1p(folded.count(",") + folded.count("、")),
        math.log1p(len(_REQUIREMENT_JOIN.findall(folded[:2000]))),
        *(math.log1p(n) for n in hits.values()),
        math.log1p(hits["evaluate"]) * math.log1p(hits["domain"]),  # analyse/evaluate ON a domain topic
        float(hits["explain"] > 0 and heavy == 0),  # explain/describe/list and nothing heavier
        float(hits["roleplay"] > 0 and heavy > 0),  # a persona asked to do real work
        math.log1p(heavy) - math.log1p(hits["explain"]),
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
    trees: TreeEnsemble | None = None  # when present, the score is the mean of both probabilities

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ComplexityModel:
        if tuple(data["hand_feature_names"]) != HAND_FEATURE_NAMES:
            raise ValueError("complexity model was trained with different hand features; retrain it")
        trees = data.get("trees")
        return cls(
            dim=int(data["dim"]),
            ngram_weights={int(k): float(v) for k, v in data["ngram_weights"].items()},
            hand_weights=tuple(float(x) for x in data["hand_weights"]),
            hand_mean=tuple(float(x) for x in data["hand_mean"]),
            hand_scale=tuple(float(x) for x in data["hand_scale"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            trees=None if trees is None else TreeEnsemble.from_json(trees),
        )

    def logit(self, text: str, hand: Sequence[float] | None = None) -> float:
        """The logistic regression's log-odds (the linear half of the score)."""
        z = self.bias
        weights = self.ngram_weights
        if weights:
            for bucket, value in ngram_buckets(normalize(text), self.dim).items():
                z += weights.get(bucket, 0.0) * value
        features = hand_features(text) if hand is None else hand
        for x, w, mean, scale in zip(features, self.hand_weights, self.hand_mean, self.hand_scale, strict=True):
            z += w * (x - mean) / scale
        return z

    def score_text(self, text: str) -> float:
        hand = hand_features(text)
        p = _sigmoid(self.logit(text, hand))
        if self.trees is None:
            return p
        return (p + _sigmoid(self.trees.raw(hand))) / 2


def _sigmoid(z: float) -> float:
    # Numerically stable for large |z|.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Gradient-boosted regression trees over the raw hand features (log-odds = baseline + leaves).

    Fitted by scikit-learn's HistGradientBoostingClassifier in `scripts/train_complexity.py` and
    exported as flat node lists, so serving is a few hundred comparisons in pure Python. Each node
    is [feature, threshold, left, right, value]; a node with left == -1 is a leaf holding `value`;
    otherwise go left when features[feature] <= threshold.
    """

    baseline: float
    trees: tuple[tuple[tuple[int, float, int, int, float], ...], ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TreeEnsemble:
        return cls(
            baseline=float(data["baseline"]),
            trees=tuple(
                tuple((int(f), float(th), int(le), int(ri), float(v)) for f, th, le, ri, v in tree)
                for tree in data["trees"]
            ),
        )

    def raw(self, features: Sequence[float]) -> float:
        z = self.baseline
        for tree in self.trees:
            node = tree[0]
            while node[2] != -1:
                node = tree[node[2]] if features[node[0]] <= node[1] else tree[node[3]]
            z += node[4]
        return z


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> ComplexityModel:
    """The shipped model, read once per process."""
    with path.open(encoding="utf-8") as f:
        return ComplexityModel.from_json(json.load(f))


@lru_cache(maxsize=1)
def training_manifest(path: Path = MODEL_PATH) -> tuple[frozenset[str], dict[str, Any]]:
    """(fingerprints of the prompts the shipped model was trained on, its grouped-CV summary).

    `kakehashi route eval` uses them to keep in-sample rows out of the figures it calls
    out-of-sample, and to print the trainer's cross-validated figures beside them.
    """
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    return frozenset(data.get("trained_on", ())), dict(data.get("grouped_cv", {}))


def prompt_digest(prompt: str) -> str:
    """The fingerprint `training_manifest` lists (same as scripts/train_complexity.py)."""
    return hashlib.sha1(prompt.encode("utf-8")).hexdigest()[:12]


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

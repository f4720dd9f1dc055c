"""A clearing (veto) second opinion for the rules' soft findings, out of fold (session 13).

The first-run rules alone sit at 0.080 FPR pooled over A..R; the learned second opinion only adds flags,
so it can never bring FPR under that. This experiment asks: can a small n-gram model (the featuriser
and the logistic regression of `learned.py` / `scripts/train_privacy_classifier.py`) *clear* a prompt
the rules flagged only with soft kinds (context detectors: special categories, bulk tables, contact,
account holders, pay, debts), without losing recall?

Leave one split out over dev + A..R. For held-out split k:
- the rules' side is k's FIRST RUN (`first_run_flags`): flagged = sensitive rows not in `missed`, plus
  `false_positives`. Which kinds fired is known for the false positives (their labels in the JSON); for
  the flagged sensitive rows it is NOT recorded, so it is approximated by today's rules on that row
  (a row today's rules no longer flag counts as not soft: never cleared).
- the veto is trained on the other 19 files: every row whose rules' findings are soft only, by today's
  rules or (for a first-run false positive) by its first-run labels; target = sensitive.
- the threshold is nested: chosen on the other splits' out-of-fold veto scores (the highest clear
  threshold whose clearing loses at most --recall-budget of their flagged sensitive rows, pooled).
- the learned (gated) second opinion is today's procedure (`privacy_gate_loso.py`: out-of-fold
  scores from `train_privacy_classifier.py --loso --scores`, gate `subject.about_someone`, nested
  threshold at 0.5 added FPR points); a cleared prompt is not re-asked.

Variant "general": the veto score is the learned model's own out-of-fold "sensitive" probability
(no new model): clear a soft-only flag when the general model finds the prompt unlikely to be sensitive.

    python benchmarks/routing/privacy_veto_loso.py OOF_SCORES.jsonl FILES... > REPORT.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

from kakehashi.routing import privacy
from kakehashi.routing.privacy import learned
from kakehashi.routing.privacy.subject import about_someone

_spec = importlib.util.spec_from_file_location("train", Path(__file__).parents[2] / "scripts/train_privacy_classifier.py")
train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(train)

FIRST_RUNS = Path("benchmarks/routing/privacy-first-runs")
# Soft kinds, by the session-13 count of first-run false positives (privacy-fp-sources-s13.json): detectors
# that read context (a topic word near a person, a table of people, a number that looks like a phone, an
# address shape, a name near an account). Never soft: check-digit identifiers, key-format secrets, private
# keys, JWTs, Luhn cards, markings, bank account numbers.
SOFT_SETS = {
    "special+bulk+holder+pay": {
        "health", "religion", "criminal_record", "union_membership", "sexual_orientation",
        "bulk_personal", "account_holder", "salary", "debt"},
    "special+bulk+phone+address+holder+pay": {
        "health", "religion", "criminal_record", "union_membership", "sexual_orientation",
        "bulk_personal", "phone", "address", "account_holder", "salary", "debt"},
}
SOFT_SETS["+email"] = SOFT_SETS["special+bulk+phone+address+holder+pay"] | {"email"}
SOFT_SETS["+email+password"] = SOFT_SETS["+email"] | {"password"}


def first_run_labels(rows) -> dict[tuple[str, str], list[str]]:
    """(group, id) -> the labels a first-run false positive carried."""
    out = {}
    for g in dict.fromkeys(r["group"] for r in rows):
        stem = Path(g).stem
        if not stem.startswith("heldout"):
            continue
        letter = "A" if stem == "heldout" else stem.split("_")[-1].upper()
        for suffix in ("_rules", "_rules_only", ""):
            p = FIRST_RUNS / f"heldout_{letter}{suffix}.json"
            if p.exists():
                for fp in json.loads(p.read_text(encoding="utf-8"))["false_positives"]:
                    out[(g, fp["id"])] = fp["labels"]
                break
    return out


def kinds_of(labels) -> set[str]:
    return {lab.split("/", 1)[1] for lab in labels}


def fit_veto(x, rows, idx, l2, epochs):
    y = np.array([[float(bool(rows[i]["sensitive"]))] for i in idx])
    keep = idx[train.trainable([rows[i] for i in idx])]
    ys = y[train.trainable([rows[i] for i in idx])]
    ws, _, b = train.fit(x.subset(keep), ys, l2, epochs)
    return learned.LearnedModel(("sensitive",), ws.astype(np.float32), b, 0.5, {})


def choose_clear(score, soft, first, sens, mask, budget) -> float:
    """Highest threshold t (clear soft-only flags scoring < t) losing at most `budget` of the flagged
    sensitive rows in `mask` (scores of 0 = abstained, never cleared)."""
    best = 0.0
    for t in np.round(np.arange(0.01, 1.0, 0.01), 2):
        clear = soft & first & (score > 0) & (score < t)
        if (clear & sens & mask).sum() <= budget * max((sens & mask).sum(), 1):
            best = float(t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("scores", type=Path)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--recall-budget", type=float, default=0.003)
    ap.add_argument("--today", type=Path, default=Path("/tmp/pc/today.json"), help="cache of today's rules' labels")
    args = ap.parse_args()

    rows = train.load_rows(args.files)
    n = len(rows)
    groups = np.array([r["group"] for r in rows])
    sens = np.array([bool(r["sensitive"]) for r in rows])
    scores = {(s["group"], s["id"]): s["oof"] for s in map(json.loads, args.scores.read_text().splitlines())}
    oof = np.array([scores[(r["group"], r["id"])] for r in rows])
    first, has = train.first_run_flags(rows, FIRST_RUNS)
    if args.today.exists():
        today = json.loads(args.today.read_text())
    else:
        today = [privacy.labels(privacy.scan(r["text"])) for r in rows]
        args.today.write_text(json.dumps(today))
    fr_labels = first_run_labels(rows)
    gate = np.array([about_someone(r["text"]) for r in rows])
    gated = np.where(gate, oof, 0.0)
    nest = train.nested(gated, first, has, rows, 0.005)
    learned_flag = np.array([gated[i] >= nest["thresholds"].get(r["group"], np.inf) for i, r in enumerate(rows)])
    learned_flag &= ~first

    x = train.Features(rows, "hash")
    fold_names = list(dict.fromkeys(groups))
    report = {"files": [f.name for f in args.files], "recall_budget": args.recall_budget, "l2": args.l2,
              "learned_nested_thresholds": nest["thresholds"], "variants": {}}
    fr = np.flatnonzero(has)

    def summary(flag):
        return {"pooled": train.rates(flag, rows, fr),
                "by_fold": {g: train.rates(flag, rows, np.flatnonzero(groups == g)) for g in fold_names if has[groups == g].all()}}

    report["rules_first_run"] = summary(first)
    report["rules_first_run+learned_gated"] = summary(first | learned_flag)
    for set_name, soft_kinds in SOFT_SETS.items():
        # soft-only as the held-out side sees it: first-run labels for its false positives, today's rules for the rest
        soft_eval = np.zeros(n, dtype=bool)
        soft_train = np.zeros(n, dtype=bool)
        for i, r in enumerate(rows):
            fl = fr_labels.get((r["group"], r["id"]))
            tk = kinds_of(today[i])
            soft_today = bool(tk) and tk <= soft_kinds
            soft_first = fl is not None and kinds_of(fl) <= soft_kinds
            soft_eval[i] = soft_first if fl is not None else soft_today
            soft_train[i] = soft_today or soft_first
        veto_scores = np.zeros(n)  # specialised veto, out of fold; 0 = abstains
        for g in fold_names:
            test = np.flatnonzero((groups == g) & soft_eval)
            tr = np.flatnonzero((groups != g) & soft_train)
            model = fit_veto(x, rows, tr, args.l2, args.epochs)
            veto_scores[test] = [model.scores(rows[i]["text"])["sensitive"] for i in test]
            print(f"  {set_name} fold {g}: {len(tr)} train, {len(test)} soft-flagged", file=sys.stderr, flush=True)
        general = np.where(soft_eval, np.maximum(oof, 1e-9), 0.0)
        general[np.array([len(learned.normalise(r["text"])) > learned.MAX_TEXT for r in rows])] = 0.0
        for vname, vs in (("veto", veto_scores), ("general", general)):
            clear = np.zeros(n, dtype=bool)
            thresholds = {}
            for g in fold_names:
                if not has[groups == g].all():
                    continue
                others = has & (groups != g)
                t = choose_clear(vs, soft_eval, first, sens, others, args.recall_budget)
                thresholds[g] = t
                idx = groups == g
                clear[idx] = (soft_eval & first & (vs > 0) & (vs < t))[idx]
            t_all = choose_clear(vs, soft_eval, first, sens, has, args.recall_budget)
            flag = (first & ~clear) | learned_flag
            report["variants"][f"{set_name}/{vname}"] = {
                "soft_flagged_first_run": {"sensitive": int((soft_eval & first & sens & has).sum()),
                                           "clean": int((soft_eval & first & ~sens & has).sum())},
                "cleared": {"sensitive": int((clear & sens).sum()), "clean": int((clear & ~sens).sum())},
                "nested_thresholds": thresholds,
                "threshold_on_all": t_all,
                "auc_on_soft_flagged": train.auc(vs[soft_eval & first & has], sens[soft_eval & first & has]),
                "rules_first_run+veto": summary(first & ~clear),
                "rules_first_run+learned_gated+veto": summary(flag),
            }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

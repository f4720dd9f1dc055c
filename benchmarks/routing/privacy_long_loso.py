"""Long prompts (over learned.MAX_TEXT characters) and the learned second opinion, out of fold (session 15).

Until session 15 the learned model abstained on a prompt over 600 characters: the rules decided alone, and
nothing cleared their soft flags there (split X: 158 long pastes, first run 0.877 / 0.350). This asks, by the
nested leave-one-split-out procedure of `privacy_gate_loso.py` and `privacy_veto_loso.py`, whether the model
should read a long prompt by windows (`learned.windows`: at most 600 characters, cut at line ends, half
overlapping), and how:

- "abstain": as shipped before session 15 (a long prompt is neither cleared nor caught by the model);
- "clear": a long prompt's soft-only flag is cleared when EVERY window scores below the clearing threshold
  (the max over its windows is the clearing score); no catches on long prompts;
- "clear+catch": as "clear", and a long prompt the rules missed is caught when some window scores at or above
  the gated threshold AND the subject gate (`subject.about_someone`) holds in that window;
- each again with the model trained with long prompts' windows too (`score --train-windows neg`: the windows
  of long CLEAN prompts of the training folds, as clean rows; `all`: every window with its prompt's label).

Phase `score` trains one model per held-out file on the others (the fit of
`scripts/train_privacy_classifier.py`, the same rows it trains on, plus windows if asked) and writes, per
row, its whole-prompt score (short prompts) and its windows' scores and gates (long prompts). Phase `report`
reads such a file and runs the nested procedure: the gated threshold chosen per split on the others by the
0.5-point added-FPR rule (`train.nested`), then the clearing threshold per split on the others by the
0.3-recall-point rule (`veto.choose_clear`), the rules' side each split's FIRST RUN; soft-only is what
`privacy_veto_loso.py` calls it (first-run labels for a first-run false positive, today's rules otherwise) for
the shipped soft kinds (`privacy.SOFT_KINDS`).

    python benchmarks/routing/privacy_long_loso.py score --out S.jsonl [--train-windows neg|all] FILES...
    python benchmarks/routing/privacy_long_loso.py report --today TODAY.json S.jsonl FILES... > REPORT.json

A saved model instead (session 17: what the shipped model does on splits it was not trained on, through the same
machinery): `score --model learned.npz` scores every row with it (out of fold only for files it was not trained
on), `report --fixed T C` uses its threshold T and clear_below C for every split instead of the nested ones.
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

ROOT = Path(__file__).parents[2]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


train = _load("train", ROOT / "scripts/train_privacy_classifier.py")
veto = _load("veto", ROOT / "benchmarks/routing/privacy_veto_loso.py")
FIRST_RUNS = ROOT / "benchmarks/routing/privacy-first-runs"


def is_long(text: str) -> bool:
    return len(learned.normalise(text)) > learned.MAX_TEXT


def window_rows(rows, mode: str) -> list[dict]:
    """Training rows made of long prompts' windows (`train.long_windows`: "neg", the clean prompts' only;
    "all", every long prompt's, with its labels)."""
    return train.long_windows(rows, "clean" if mode == "neg" else "all")


def _row_scores(model, r, g) -> dict:
    """A short prompt's whole-prompt score; a long prompt's windows' scores and subject gates."""
    if not is_long(r["text"]):
        return {"id": r["id"], "group": g, "oof": model.scores(r["text"])["sensitive"]}
    wins = learned.windows(r["text"])
    return {"id": r["id"], "group": g, "oof": 0.0, "win": [round(model.scores(w)["sensitive"], 6) for w in wins],
            "wgate": [about_someone(w) for w in wins]}


def score(args) -> int:
    rows = train.load_rows(args.files)
    if args.model:
        model = learned.load_model(args.model)
        trained_on = set(model.meta.get("trained_on", ()))
        if trained_on & {f.name for f in args.files}:
            raise SystemExit(f"{args.model} was trained on {sorted(trained_on & {f.name for f in args.files})}")
        out = [_row_scores(model, r, r["group"]) for r in rows]
        args.out.write_text("".join(json.dumps(o) + "\n" for o in out), encoding="utf-8")
        return 0
    extra = window_rows(rows, args.train_windows) if args.train_windows else []
    allrows = rows + extra
    y = train.labels(allrows)
    x = train.Features(allrows, "hash")
    groups = np.array([r["group"] for r in allrows])
    short = train.trainable(allrows)
    n = len(rows)
    out = [None] * n
    for g in dict.fromkeys(groups[:n]):
        tr = np.flatnonzero((groups != g) & short)
        ws, _, b = train.fit(x.subset(tr), y[tr], args.l2, args.epochs)
        model = learned.LearnedModel(train.HEADS, ws.astype(np.float32), b, 0.5, {})
        for i in np.flatnonzero(groups[:n] == g):
            out[i] = _row_scores(model, rows[i], g)
        print(f"  fold {g}: {len(tr)} train rows", file=sys.stderr, flush=True)
    args.out.write_text("".join(json.dumps(o) + "\n" for o in out), encoding="utf-8")
    return 0


def _person_anywhere(text: str) -> bool:
    """A weaker subject gate, for comparison (session 18): the shipped gate's value rule for credentials and
    identifiers, else any person mention anywhere, whatever is said of them."""
    from kakehashi.routing.privacy import subject
    from kakehashi.routing.privacy._text import PERSON_EN, PERSON_JA, RECORD_SUBJECT, ascii_lower, fold

    folded = fold(text)
    low = ascii_lower(folded)
    if any(subject._VALUE.search(low, m.end(), m.end() + subject.VALUE_AFTER) for m in subject._IMPERSONAL.finditer(low)):
        return True
    return any(p.search(folded) for p in (PERSON_EN, PERSON_JA, RECORD_SUBJECT, subject._PEOPLE))


def report(args) -> int:
    rows = train.load_rows(args.files)
    n = len(rows)
    got = [json.loads(line) for line in args.scores.read_text(encoding="utf-8").splitlines()]
    assert [(s["group"], s["id"]) for s in got] == [(r["group"], r["id"]) for r in rows], "scores and files differ"
    groups = np.array([r["group"] for r in rows])
    sens = np.array([bool(r["sensitive"]) for r in rows])
    long_ = np.array(["win" in s for s in got])
    oof = np.array([s["oof"] for s in got])
    win_max = np.array([max(s["win"]) if "win" in s else 0.0 for s in got])
    # abstaining windows score 0.0 (`scores`); a long prompt with one is never cleared (its max is kept, but
    # a window of 0.0 cannot lower it, and such windows are rare: NFKC growing a 600-character window)
    win_gated = np.array([max([p for p, g in zip(s["win"], s["wgate"], strict=True) if g], default=0.0)
                          if "win" in s else 0.0 for s in got])
    first, has = train.first_run_flags(rows, FIRST_RUNS)
    if args.today.exists():
        today = json.loads(args.today.read_text())
        assert len(today) == n
    else:
        today = [privacy.labels(privacy.scan(r["text"])) for r in rows]
        args.today.write_text(json.dumps(today))
    fr_labels = veto.first_run_labels(rows)
    soft = np.zeros(n, dtype=bool)
    for i, r in enumerate(rows):
        fl = fr_labels.get((r["group"], r["id"]))
        kinds = veto.kinds_of(fl) if fl is not None else veto.kinds_of(today[i])
        soft[i] = bool(kinds) and kinds <= privacy.SOFT_KINDS
    gate_of = {"shipped": about_someone, "person": _person_anywhere, "none": lambda _text: True}[args.gate]
    gate = np.array([gate_of(r["text"]) for r in rows])
    fr = np.flatnonzero(has)
    fold_names = [g for g in dict.fromkeys(groups) if has[groups == g].all()]

    def summary(flag):
        return {"pooled": train.rates(flag, rows, fr),
                "long_all_splits": train.rates(flag, rows, np.flatnonzero(has & long_)),
                "short_all_splits": train.rates(flag, rows, np.flatnonzero(has & ~long_)),
                "by_fold": {g: train.rates(flag, rows, np.flatnonzero(groups == g)) for g in fold_names}}

    variants = {
        "abstain": (np.where(gate, oof, 0.0), oof),
        "clear": (np.where(gate, oof, 0.0), np.where(long_, win_max, oof)),
        "clear+catch": (np.where(long_, win_gated, np.where(gate, oof, 0.0)), np.where(long_, win_max, oof)),
    }
    out = {"files": [f.name for f in args.files], "scores": args.scores.name, "rules_first_run": summary(first),
           "long_rows": {"with_first_run": int((has & long_).sum()), "sensitive": int((has & long_ & sens).sum())},
           "variants": {}}
    for name, (catch, clear_score) in variants.items():
        if args.fixed:
            nest = {"thresholds": dict.fromkeys(fold_names, args.fixed[0])}
        else:
            nest = train.nested(catch, first, has, rows, args.added_fpr)
        caught = np.array([catch[i] >= nest["thresholds"].get(r["group"], np.inf) for i, r in enumerate(rows)])
        caught &= ~first
        clear = np.zeros(n, dtype=bool)
        clear_t = {}
        for g in fold_names:
            t = args.fixed[1] if args.fixed else veto.choose_clear(
                clear_score, soft, first, sens, has & (groups != g), args.recall_budget)
            clear_t[g] = t
            idx = groups == g
            clear[idx] = (soft & first & (clear_score > 0) & (clear_score < t))[idx]
        out["variants"][name] = {
            "gated_thresholds": nest["thresholds"],
            "gated_threshold_on_all": train.choose_threshold(catch, first, has, rows, args.added_fpr),
            "clear_thresholds": clear_t,
            "clear_threshold_on_all": veto.choose_clear(clear_score, soft, first, sens, has, args.recall_budget),
            "cleared": {"sensitive": int((clear & sens).sum()), "clean": int((clear & ~sens).sum()),
                        "long_sensitive": int((clear & sens & long_).sum()), "long_clean": int((clear & ~sens & long_).sum())},
            "caught_long": {"sensitive": int((caught & sens & long_).sum()), "clean": int((caught & ~sens & long_).sum())},
            "first_run+learned_gated": summary(first | caught),
            "first_run+learned_gated+clear": summary((first & ~clear) | caught),
        }
    print(json.dumps(out, indent=1))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="phase", required=True)
    s = sub.add_parser("score")
    s.add_argument("files", nargs="+", type=Path)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--train-windows", choices=("neg", "all"))
    s.add_argument("--model", type=Path, help="score with this saved model instead (no training)")
    s.add_argument("--l2", type=float, default=1e-3)
    s.add_argument("--epochs", type=int, default=15)
    r = sub.add_parser("report")
    r.add_argument("scores", type=Path)
    r.add_argument("files", nargs="+", type=Path)
    r.add_argument("--today", type=Path, required=True, help="cache of today's rules' labels per row")
    r.add_argument("--added-fpr", type=float, default=0.005)
    r.add_argument("--gate", choices=("shipped", "person", "none"), default="shipped",
                   help="the subject gate on short prompts' catches (person / none: weaker gates, for comparison)")
    r.add_argument("--recall-budget", type=float, default=0.003)
    r.add_argument("--fixed", type=float, nargs=2, metavar=("T", "C"),
                   help="a saved model's gated threshold and clear_below for every split (no nesting)")
    args = ap.parse_args()
    return score(args) if args.phase == "score" else report(args)


if __name__ == "__main__":
    sys.exit(main())

"""The learned verdict with and without the subject gate, on first runs (session 24).

For every split whose first run used the model in learned.npz (dev + A..AB; splits AD onwards, so its scores
there are out of sample), a prompt's first-run outcome as shipped (`privacy-first-runs/heldout_<X>.json`) is
combined with a variant: also flag a prompt the first run left unflagged when the model scores it at or
above `hi`, or at or above `lo` with `subject.about_someone` holding. Prints recall / FPR per variant on a
selection range of splits and on the splits after it.

    python benchmarks/routing/privacy_ungated_first_runs.py AD CA CB CI > privacy-ungated-s24.json

Caveat: the gate is today's (subject.py reads the rules' vocabularies, which were tuned on every scored split),
so the gated variants are somewhat in-sample on the splits scored before today; the ungated part is not.
"""

import itertools
import json
import string
import sys
from pathlib import Path

from kakehashi.routing.privacy import learned
from kakehashi.routing.privacy.subject import about_someone

ROOT = Path(__file__).resolve().parents[2]
FIRST_RUNS = ROOT / "benchmarks" / "routing" / "privacy-first-runs"
LO = (0.55, 0.60, 0.65, 0.70, 0.74)
HI = (0.70, 0.74, 0.78, 0.80, 0.85, None)


def letters(first: str, last: str) -> list[str]:
    two = ["".join(p) for p in itertools.product("ABC", string.ascii_uppercase)]
    return [x for x in two if first <= x <= last]


def rows_of(first: str, last: str) -> list[dict]:
    model = learned.load_model()
    out = []
    for x in letters(first, last):
        run = json.loads((FIRST_RUNS / f"heldout_{x}.json").read_text(encoding="utf-8"))
        missed, flagged_clean = set(run["missed"]), {f["id"] for f in run["false_positives"]}
        for line in (
            (ROOT / "eval" / "privacy" / f"heldout_{x.lower()}.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()
        ):
            r = json.loads(line)
            p = model.scores(r["text"])["sensitive"]
            out.append(
                {
                    "split": x,
                    "sensitive": r["sensitive"],
                    "flagged": (r["id"] not in missed) if r["sensitive"] else (r["id"] in flagged_clean),
                    "p": p,
                    "gate": about_someone(r["text"]) if p >= min(LO) else False,
                }
            )
    return out


def rates(rows: list[dict], lo: float, hi: float | None) -> dict:
    def added(r: dict) -> bool:
        return not r["flagged"] and ((hi is not None and r["p"] >= hi) or (r["p"] >= lo and r["gate"]))

    sens = [r for r in rows if r["sensitive"]]
    clean = [r for r in rows if not r["sensitive"]]
    tp, fp = sum(added(r) for r in sens), sum(added(r) for r in clean)
    return {
        "lo": lo,
        "hi": hi,
        "added_caught": tp,
        "added_flagged": fp,
        "recall": round((sum(r["flagged"] for r in sens) + tp) / len(sens), 4),
        "fpr": round((sum(r["flagged"] for r in clean) + fp) / len(clean), 4),
    }


def main(argv: list[str]) -> None:
    sel_first, sel_last, test_first, test_last = argv
    selection, later = rows_of(sel_first, sel_last), rows_of(test_first, test_last)
    grid = [(lo, hi) for lo in LO for hi in HI if hi is None or lo <= hi]
    print(
        json.dumps(
            {
                "selection": f"{sel_first}..{sel_last}",
                "later": f"{test_first}..{test_last}",
                "first_run_as_shipped": {
                    "selection": rates(selection, 2.0, None),
                    "later": rates(later, 2.0, None),
                },
                "variants": [
                    {"selection": rates(selection, lo, hi), "later": rates(later, lo, hi)} for lo, hi in grid
                ],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])

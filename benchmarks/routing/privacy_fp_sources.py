"""Where the first-run false positives come from (session 13).

For each held-out split A..R, the rules' side of its first run (the same file
`scripts/train_privacy_classifier.first_run_flags` reads: `_rules.json`, else `_rules_only.json`, else the
plain file), count the clean prompts flagged by each detector label (`category/kind`), the ones where that
label fired alone, and the misses by labelled category. Pure bookkeeping over the committed JSONs.

    python benchmarks/routing/privacy_fp_sources.py > benchmarks/routing/privacy-fp-sources-s13.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

FIRST_RUNS = Path("benchmarks/routing/privacy-first-runs")
EVAL = Path("eval/privacy")
LETTERS = "ABCDEFGHIJKLMNOPQR"


def first_run_file(letter: str) -> Path:
    for suffix in ("_rules", "_rules_only", ""):
        p = FIRST_RUNS / f"heldout_{letter}{suffix}.json"
        if p.exists():
            return p
    raise FileNotFoundError(letter)


def split_file(letter: str) -> Path:
    return EVAL / ("heldout.jsonl" if letter == "A" else f"heldout_{letter.lower()}.jsonl")


def main() -> int:
    any_label, sole, by_split, miss_cat, notes = Counter(), Counter(), {}, Counter(), Counter()
    clean_n = sens_n = fp_n = miss_n = 0
    for letter in LETTERS:
        d = json.loads(first_run_file(letter).read_text(encoding="utf-8"))
        rows = {r["id"]: r for r in map(json.loads, split_file(letter).read_text(encoding="utf-8").splitlines()) if r}
        clean_n += d["clean_n"]
        sens_n += d["sensitive_n"]
        fp_n += len(d["false_positives"])
        miss_n += len(d["missed"])
        per = Counter()
        for fp in d["false_positives"]:
            labels = sorted(set(fp["labels"]))
            any_label.update(labels)
            per.update(labels)
            if len(labels) == 1:
                sole[labels[0]] += 1
            notes[(rows.get(fp["id"], {}).get("note") or "?")] += 1
        for mid in d["missed"]:
            miss_cat.update(rows.get(mid, {}).get("categories") or ["?"])
        by_split[letter] = {"file": first_run_file(letter).name, "fp": len(d["false_positives"]),
                            "clean_n": d["clean_n"], "labels": dict(per.most_common())}
    out = {
        "clean_n": clean_n, "sensitive_n": sens_n, "false_positives": fp_n, "missed": miss_n,
        "fp_rows_with_label": dict(any_label.most_common()),
        "fp_rows_with_label_alone": dict(sole.most_common()),
        "missed_by_category": dict(miss_cat.most_common()),
        "fp_notes": dict(notes.most_common()),
        "by_split": by_split,
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

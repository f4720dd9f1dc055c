"""How far the learned second opinion's catches can go (session 18): the first-run misses the subject gate blocks,
and what an ungated catch at a high threshold would add, from the out-of-fold scores of a nested LOSO `score` run.

    python benchmarks/routing/privacy_catch_ceiling.py SCORES.jsonl FILES...

SCORES.jsonl: `privacy_long_loso.py score` output over FILES (e.g. "Session 17"'s over dev + A..AB).
Exploration only: the ungated thresholds are not nested, so their rows are not a result.
"""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, "scripts")
import train_privacy_classifier as train

from kakehashi.routing.privacy.subject import about_someone

rows = train.load_rows([Path(f) for f in sys.argv[2:]])
first, has = train.first_run_flags(rows, Path("benchmarks/routing/privacy-first-runs"))
with open(sys.argv[1], encoding="utf-8") as f:
    scores = {(s["group"], s["id"]): s.get("oof", 0.0) for s in map(json.loads, f)}
oof = np.array([scores[(r["group"], r["id"])] for r in rows])
sens = np.array([bool(r["sensitive"]) for r in rows])
gate = np.array([about_someone(r["text"]) for r in rows])
long_ = np.array([len(r["text"]) > 600 for r in rows])
missed = has & sens & ~first
print("first-run misses", int(missed.sum()), "of", int((has & sens).sum()), "sensitive; gate false",
      int((missed & ~gate).sum()), "long", int((missed & long_).sum()), "short with the gate",
      int((missed & gate & ~long_).sum()))
ungated = has & ~first & ~gate & ~long_
for t in (0.95, 0.9, 0.85, 0.8, 0.75):
    caught = ungated & (oof >= t)
    print(f"ungated catch at {t}: sensitive caught {int((caught & sens).sum())}, clean flagged {int((caught & ~sens).sum())}")
